import type { Law } from '../evaluate/lawInForce.js';
import { packReceipt } from '../receipt/receipt.js';
import type { Pack } from '../rules/loadPack.js';

/** A hash as compact records cite it: the first 12 hex digits (48 bits) of a `sha256:` content hash. */
export const short = (hash: string): string => hash.slice('sha256:'.length, 'sha256:'.length + 12);

/**
 * A pack's version as compact records and `petition-rules rules` name it: `id@` and the first 12 hex
 * digits of its content hash (the receipt's pack hash: manifest, parameters and rules, canonical JSON).
 */
export function packReference(pack: Pack): string {
  return `${pack.manifest.id}@${short(packReceipt(pack).hash)}`;
}

/** The version references of the packs a law applies, in its order. */
export function lawReference(law: Law): string[] {
  return law.selection.packs.map(packReference);
}
