import { existsSync, statSync } from 'node:fs';
import { RulePackError } from '../errors/RulePackError.js';
import type { FolderPacks } from '../evaluate/evaluatorPacks.js';
import { loadPacksFromDir } from './packFolder.js';

/** The packs of a folder given in `packs`; a folder with no `pack.json` in it or its subfolders is a mistake, not an empty set. */
export const packsInFolder: FolderPacks = (dir) => {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RulePackError(dir, ['not a folder']);
  const found = loadPacksFromDir(dir);
  if (found.length === 0) throw new RulePackError(dir, ['no rule pack here: give a folder holding a pack.json, or a folder of such folders']);
  return found;
};
