import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the bench finds what it measures: the built package (`dist/`, as a user would run it), the
 * organ directory the generated cases name, and the evaluation date the generator stops at.
 */
export const root = join(import.meta.dirname, '..', '..');
export const distIndex = join(root, 'dist', 'index.js');
export const distIndexUrl = pathToFileURL(distIndex).href;
export const distCli = join(root, 'dist', 'cli.js');
export const directoryFile = join(root, 'examples', 'directory.json');
export const generatorFile = join(root, 'examples', 'audit', 'generate-cases.ts');
export const resultsFile = join(root, 'bench-results.json');
/** The generator's default `until`: no event is dated later, so every case is valid as of this day. */
export const AS_OF = '2023-12-31';
