/**
 * Writes `src/rules/builtinFiles.ts`, the bundled index of the built-in law's files under `rules/`
 * (see scripts/builtinDataModule.ts). Run after adding or removing a file under rules/:
 * `npm run builtin-data`. A test fails when the module is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDataModuleText, builtinFilesModule } from './builtinDataModule.js';

const root = join(import.meta.dirname, '..');
writeFileSync(join(root, builtinFilesModule), builtinDataModuleText(join(root, 'rules')));
console.log(builtinFilesModule);
