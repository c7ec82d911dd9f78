import { levelRank, OrganDirectory, type Organ, type OrganKind } from '../case/organ.js';
import { formatPath } from '../errors/CaseValidationError.js';

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

/**
 * Structural problems of a directory given in order: a superior id the directory does not hold, and a
 * chain of superiors that loops back on itself. A directory may leave an organ's superior out (the
 * assessment then names the role "the superior of X"), but an id it names must be one it holds.
 */
export function directoryProblems(organs: readonly Organ[]): string[] {
  const byId = new Map(organs.map((o) => [o.id, o]));
  const problems: string[] = [];
  organs.forEach((organ, i) => {
    if (organ.superior !== undefined && !byId.has(organ.superior)) {
      problems.push(`directory[${i}].superior: unknown organ "${organ.superior}" (superior of "${organ.id}")`);
    }
  });
  for (const cycle of superiorCycles(byId, organs.map((o) => o.id))) problems.push(`superiors form a cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  return problems;
}

/**
 * The cycles among superiors reachable from `startIds`, each once, starting at its member that comes
 * first in `startIds` (or, if none does, where the walk met it). Every organ is walked at most once, so
 * the cost is linear in the organs reached, however long the chains.
 */
export function superiorCycles(byId: ReadonlyMap<string, Organ>, startIds: readonly string[]): string[][] {
  const order = new Map<string, number>();
  startIds.forEach((id, i) => order.has(id) || order.set(id, i));
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const id of startIds) {
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let current: string | undefined = id;
    while (current !== undefined && byId.has(current) && !done.has(current) && !onWalk.has(current)) {
      onWalk.set(current, walk.length);
      walk.push(current);
      current = byId.get(current)!.superior;
    }
    if (current !== undefined && onWalk.has(current)) {
      const cycle = walk.slice(onWalk.get(current));
      const rank = (x: string) => order.get(x) ?? Infinity;
      const first = cycle.reduce((best, x, i) => (rank(x) < rank(cycle[best]!) ? i : best), 0);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const w of walk) done.add(w);
  }
  return cycles;
}

/**
 * The directory an evaluator is given, checked once: every organ against the schema, ids unique, and
 * the structure sound (superiors that form no cycle). A problem is a TypeError naming the organ.
 */
export function loadDirectory(organs: readonly Organ[]): Map<string, Organ> {
  const parsed = OrganDirectory.safeParse(organs);
  if (!parsed.success) {
    throw new TypeError(`invalid organ directory: ${parsed.error.issues.map((i) => `directory${formatPath(i.path).replace(/^(?!\[)/, '.')}: ${i.message}`).join('; ')}`);
  }
  const directory = new Map<string, Organ>();
  for (const organ of parsed.data) {
    if (directory.has(organ.id)) throw new TypeError(`invalid organ directory: organ id "${organ.id}" appears twice`);
    directory.set(organ.id, organ);
  }
  const structure = directoryProblems(parsed.data);
  if (structure.length > 0) throw new TypeError(`invalid organ directory: ${structure.join('; ')}`);
  return directory;
}
