import { levelRank, type Organ, type OrganKind } from '../case/organ.js';

/** The organ directory as the evaluator sees it: organs by id. */
export type Directory = ReadonlyMap<string, Organ>;

/**
 * The chain of superiors of an organ, nearest first, as far as the directory knows it. Stops at a
 * superior the directory does not hold, and at a cycle (a malformed directory is reported at load).
 */
export function superiorChain(directory: Directory, organId: string): Organ[] {
  const chain: Organ[] = [];
  const seen = new Set([organId]);
  let current = directory.get(organId);
  while (current?.superior !== undefined && !seen.has(current.superior)) {
    seen.add(current.superior);
    const next = directory.get(current.superior);
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/**
 * The nearest organ that is a superior of every organ in `organIds` (the "common superior" that
 * decides a dispute over competence), or `undefined` when the directory shows none.
 */
export function commonSuperior(directory: Directory, organIds: readonly string[]): Organ | undefined {
  const unique = [...new Set(organIds)];
  if (unique.length < 2) return undefined;
  const [first, ...rest] = unique.map((id) => superiorChain(directory, id));
  if (!first) return undefined;
  return first.find((candidate) => rest.every((chain) => chain.some((o) => o.id === candidate.id)));
}

/** The organs of a kind in a region, lowest level first, then by id (deterministic). */
export function organsOf(directory: Directory, kind: OrganKind, region: string): Organ[] {
  return [...directory.values()]
    .filter((o) => o.kind === kind && o.region === region)
    .sort((a, b) => levelRank(a.level) - levelRank(b.level) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The first organ of a kind in a region, or undefined. */
export function organOf(directory: Directory, kind: OrganKind, region: string): Organ | undefined {
  return organsOf(directory, kind, region)[0];
}
