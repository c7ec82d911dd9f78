import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RulePackError } from '../errors/RulePackError.js';
import { byNaturalName, packFromFiles, parsePackJson, type Pack, type PackFiles } from '../rules/loadPack.js';
import { displayPath } from './packageRoot.js';

/** The files of a pack folder, by path: `pack.json`, `parameters.json` and `provisions.json` where present, and `rules/*.json` in natural name order. */
export interface PackFolderListing {
  readonly dir: string;
  readonly manifest: string;
  readonly parameters?: string;
  readonly provisions?: string;
  readonly rules: readonly string[];
}

/** Lists a pack folder's files in the order they are read (also the order the bundled built-in data keeps). */
export function listPackFolder(dir: string): PackFolderListing {
  const optional = (name: string) => (existsSync(join(dir, name)) ? { [name.replace('.json', '')]: join(dir, name) } : {});
  const rulesDir = join(dir, 'rules');
  const rules = existsSync(rulesDir)
    ? readdirSync(rulesDir)
        .filter((n) => n.endsWith('.json'))
        .sort(byNaturalName)
        .map((n) => join(rulesDir, n))
    : [];
  return { dir, manifest: join(dir, 'pack.json'), ...optional('parameters.json'), ...optional('provisions.json'), rules };
}

/**
 * Reads a pack file as JSON. An unreadable file is reported by its error code only, never echoing its
 * content; the text is then checked by {@link parsePackJson}. Errors name the file as `file`.
 */
export function readPackJson(path: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RulePackError(file, [`cannot be read as JSON: the file is unreadable (${(error as NodeJS.ErrnoException).code ?? 'read error'})`]);
  }
  return parsePackJson(text, file);
}

/** Reads and parses the files of a listed pack folder, each labelled by its display path. */
export function readPackFolder(listing: PackFolderListing): PackFiles {
  const read = (path: string) => {
    const file = displayPath(path);
    return { file, value: readPackJson(path, file) };
  };
  return {
    source: displayPath(listing.dir),
    manifest: read(listing.manifest),
    ...(listing.parameters ? { parameters: read(listing.parameters) } : {}),
    ...(listing.provisions ? { provisions: read(listing.provisions) } : {}),
    rules: listing.rules.map(read),
  };
}

/**
 * Reads a pack folder: `pack.json`, optional `parameters.json` and `provisions.json`, and every
 * `rules/*.json` in natural name order (`x4` before `x14`). A malformed file fails with its name,
 * the rule id and the problem.
 */
export function loadPackFromDir(dir: string): Pack {
  return packFromFiles(readPackFolder(listPackFolder(dir)));
}

/** The pack folders under a directory (the directory itself when it holds a `pack.json`), in natural name order. */
export function packFolders(dir: string): string[] {
  if (existsSync(join(dir, 'pack.json'))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'pack.json')))
    .map((d) => d.name)
    .sort(byNaturalName)
    .map((name) => join(dir, name));
}

/** Every pack folder under a directory (a folder with a `pack.json`), in name order. */
export function loadPacksFromDir(dir: string): Pack[] {
  return packFolders(dir).map(loadPackFromDir);
}
