import { RulePackError } from '../errors/RulePackError.js';
import type { Pack } from '../rules/loadPack.js';

const overlap = (a: Pack, b: Pack) =>
  a.manifest.inForce.from <= (b.manifest.inForce.to ?? '9999-12-31') && b.manifest.inForce.from <= (a.manifest.inForce.to ?? '9999-12-31');
const span = (p: Pack) => `${p.manifest.inForce.from} to ${p.manifest.inForce.to ?? 'now'}`;

/**
 * Packs that would compete for the same days are refused when loaded, not discovered case by case:
 * exactly one procedural pack governs a receipt date, so two whose in-force dates overlap are a
 * RulePackError naming the later one's `pack.json` and its `inForce`; and one pack serves a
 * jurisdiction on a given day, so two jurisdiction packs for the same jurisdiction whose dates overlap
 * are refused the same way (successive versions, one ending before the next begins, are accepted).
 */
export function checkPackSpans(packs: readonly Pack[]): void {
  for (let j = 0; j < packs.length; j++) {
    const b = packs[j]!;
    if (b.manifest.role === 'principles') continue;
    for (let i = 0; i < j; i++) {
      const a = packs[i]!;
      if (a.manifest.role !== b.manifest.role || !overlap(a, b)) continue;
      if (b.manifest.role === 'procedure') {
        throw new RulePackError(`${b.source}/pack.json`, [
          `inForce: ${span(b)} overlaps the procedural pack "${a.manifest.id}" (${span(a)}); exactly one procedural pack may be in force on any day`,
        ]);
      }
      if (a.manifest.jurisdiction === b.manifest.jurisdiction) {
        throw new RulePackError(`${b.source}/pack.json`, [
          `jurisdiction: "${b.manifest.jurisdiction}" is already served by the pack "${a.manifest.id}" (${span(a)}), and this pack's inForce (${span(b)}) overlaps it; one pack serves a jurisdiction on any day`,
        ]);
      }
    }
  }
}
