import { builtinCatalogue } from '../catalogue/builtinCatalogue.js';
import { loadBuiltinPacks } from '../rules/builtinPacks.js';
import { packFromData, type Pack, type PackData } from '../rules/loadPack.js';
import { checkCitations } from './checkCitations.js';
import { checkPackSpans } from './checkPackSpans.js';

/** The library's own catalogues (every `provisions.json` it ships, bundled): they describe the law, so they count even without the built-in packs. */
const libraryCatalogue = () => builtinCatalogue().map((c) => c.data);

/**
 * How the packs given as folder paths become packs. The core reads no files, so its own answer is a
 * TypeError pointing to `petition-rules/node`, whose evaluator reads the folder.
 */
export type FolderPacks = (dir: string, index: number) => Pack[];

/** The core's answer to a folder path: reading folders is the Node entry's. */
export const noFolderPacks: FolderPacks = (dir, index) => {
  throw new TypeError(
    `packs[${index}]: "${dir}" is a folder path; the core reads no files — pass the pack as data, or import { createEvaluator } from 'petition-rules/node' to load it from a folder`,
  );
};

/**
 * The packs an evaluator works with: the built-in ones (unless left out) and the caller's, each
 * loaded and checked. A pack loaded twice, or a jurisdiction no pack serves, is a TypeError naming it;
 * packs competing for the same days ({@link checkPackSpans}) or citing a provision no catalogue holds
 * ({@link checkCitations}) are a RulePackError naming the file and the field.
 */
export function evaluatorPacks(
  options: { readonly builtinPacks?: boolean; readonly packs?: ReadonlyArray<string | PackData>; readonly jurisdiction?: string },
  folderPacks: FolderPacks = noFolderPacks,
): Pack[] {
  const packs: Pack[] = [
    ...(options.builtinPacks === false ? [] : loadBuiltinPacks()),
    ...(options.packs ?? []).flatMap((p, i) => (typeof p === 'string' ? folderPacks(p, i) : [packFromData(p, `packs[${i}]`)])),
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
