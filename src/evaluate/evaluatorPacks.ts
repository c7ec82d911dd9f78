import { existsSync, statSync } from 'node:fs';
import { loadCatalogue } from '../catalogue/catalogue.js';
import { RulePackError } from '../errors/RulePackError.js';
import { builtinRulesDir, loadBuiltinPacks, loadPacksFromDir, packFromData, type Pack, type PackData } from '../rules/loadPack.js';
import type { ProvisionsFile } from '../rules/provisions.js';
import { checkCitations } from './checkCitations.js';
import { checkPackSpans } from './checkPackSpans.js';

let builtinCatalogue: readonly ProvisionsFile[] | undefined;
/** The library's own catalogues (every `provisions.json` it ships), read and checked once per process. */
function libraryCatalogue(): readonly ProvisionsFile[] {
  return (builtinCatalogue ??= loadCatalogue(builtinRulesDir()).map((c) => c.data));
}

/** The packs of a folder given in `packs`; a folder with no `pack.json` in it or its subfolders is a mistake, not an empty set. */
function packsInFolder(dir: string): Pack[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RulePackError(dir, ['not a folder']);
  const found = loadPacksFromDir(dir);
  if (found.length === 0) throw new RulePackError(dir, ['no rule pack here: give a folder holding a pack.json, or a folder of such folders']);
  return found;
}

/**
 * The packs an evaluator works with: the built-in ones (unless left out) and the caller's, each
 * loaded and checked. A pack loaded twice, or a jurisdiction no pack serves, is a TypeError naming it;
 * packs competing for the same days ({@link checkPackSpans}) or citing a provision no catalogue holds
 * ({@link checkCitations}) are a RulePackError naming the file and the field.
 */
export function evaluatorPacks(options: { readonly builtinPacks?: boolean; readonly packs?: ReadonlyArray<string | PackData>; readonly jurisdiction?: string }): Pack[] {
  const packs: Pack[] = [
    ...(options.builtinPacks === false ? [] : loadBuiltinPacks()),
    ...(options.packs ?? []).flatMap((p, i) => (typeof p === 'string' ? packsInFolder(p) : [packFromData(p, `packs[${i}]`)])),
  ];
  const ids = new Set<string>();
  for (const p of packs) {
    if (ids.has(p.manifest.id)) throw new TypeError(`rule pack "${p.manifest.id}" is loaded twice (${p.source})`);
    ids.add(p.manifest.id);
  }
  checkPackSpans(packs);
  checkCitations(packs, libraryCatalogue());
  if (options.jurisdiction !== undefined && !packs.some((p) => p.manifest.role === 'jurisdiction' && p.manifest.jurisdiction === options.jurisdiction)) {
    const known = packs.filter((p) => p.manifest.role === 'jurisdiction').map((p) => p.manifest.jurisdiction);
    throw new TypeError(`no rule pack for jurisdiction "${options.jurisdiction}" (known: ${known.join(', ') || 'none'})`);
  }
  return packs;
}
