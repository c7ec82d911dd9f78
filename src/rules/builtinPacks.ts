import { builtinPackFiles } from './builtinFiles.js';
import { packFromFiles, type Pack } from './loadPack.js';

let builtin: readonly Pack[] | undefined;

/**
 * The packs shipped with the library (`op2007`, `xf2005`, `xfgz2022` and the local packs), from the
 * bundled copy of `rules/` (no file is read), checked once per process: they are immutable data, so
 * every evaluator shares them.
 */
export function loadBuiltinPacks(): Pack[] {
  builtin ??= builtinPackFiles.map(packFromFiles);
  return [...builtin];
}
