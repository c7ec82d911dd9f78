import type { Condition, LeafCondition } from '../rules/schema.js';
import type { FactSpace } from './factSpace.js';

/** A fact assignment: variable key → value (`undefined` for an absent fact). */
export type Assignment = Map<string, unknown>;

/** Evaluates a leaf's operator on a fact value and the condition's value. */
export type OperatorTable = Readonly<Record<string, (factValue: unknown, value: unknown) => boolean>>;

/**
 * Three-valued evaluation of a condition under a partial assignment: `true` or `false` once the
 * assigned facts decide it, `undefined` while they do not. `all` is false as soon as one part is false,
 * `any` true as soon as one part is true — the same short-circuit both evaluators use.
 */
export function decide(condition: Condition, assignment: Assignment, space: FactSpace, operators: OperatorTable): boolean | undefined {
  if ('all' in condition) {
    let open = false;
    for (const c of condition.all) {
      const v = decide(c, assignment, space, operators);
      if (v === false) return false;
      if (v === undefined) open = true;
    }
    return open ? undefined : true;
  }
  if ('any' in condition) {
    let open = false;
    for (const c of condition.any) {
      const v = decide(c, assignment, space, operators);
      if (v === true) return true;
      if (v === undefined) open = true;
    }
    return open ? undefined : false;
  }
  if ('not' in condition) {
    const v = decide(condition.not, assignment, space, operators);
    return v === undefined ? undefined : !v;
  }
  return decideLeaf(condition, assignment, space, operators);
}

function decideLeaf(leaf: LeafCondition, assignment: Assignment, space: FactSpace, operators: OperatorTable): boolean | undefined {
  const key = space.keyOf(leaf);
  if (!assignment.has(key)) return undefined;
  const factValue = assignment.get(key);
  if (!space.known(leaf.operator)) return factValue === true;
  const ref = space.refOf(leaf);
  if (ref !== undefined && !assignment.has(ref)) return undefined;
  const value = ref !== undefined ? assignment.get(ref) : leaf.value;
  return operators[leaf.operator]!(factValue, value);
}

/** The variables a condition reads (facts and the facts its values refer to), in reading order. */
export function variablesOf(condition: Condition, space: FactSpace, into: string[] = [], seen = new Set<string>()): string[] {
  const add = (k: string | undefined) => {
    if (k !== undefined && !seen.has(k)) {
      seen.add(k);
      into.push(k);
    }
  };
  if ('all' in condition) for (const c of condition.all) variablesOf(c, space, into, seen);
  else if ('any' in condition) for (const c of condition.any) variablesOf(c, space, into, seen);
  else if ('not' in condition) variablesOf(condition.not, space, into, seen);
  else {
    add(space.keyOf(condition));
    add(space.refOf(condition));
  }
  return into;
}

/**
 * Searches the fact space for an assignment under which `condition` holds: depth-first over the
 * variables it reads, each over its few values, cutting a branch as soon as the assigned facts make the
 * condition false, and keeping an object present whenever a field under it has a value. Returns the
 * first assignment found (the search order is fixed, so the witness is the same on every run), or
 * `undefined` when none exists — a proof that the condition cannot hold. `budget` bounds the number of
 * assignments tried; when it runs out the answer is `'unknown'`.
 */
export function findWitness(condition: Condition, space: FactSpace, operators: OperatorTable, budget = 1_000_000): Assignment | undefined | 'unknown' {
  const order = variablesOf(condition, space);
  const assignment: Assignment = new Map();
  const children = new Map<string, string[]>();
  for (const key of order) {
    const parent = space.variables.get(key)?.parent;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), key]);
  }
  const objectPresent = (v: unknown) => v !== undefined && v !== null && typeof v === 'object' && Object.keys(v).length > 0;
  const consistent = (key: string, value: unknown): boolean => {
    const parent = space.variables.get(key)?.parent;
    if (value !== undefined && parent !== undefined && assignment.has(parent) && !objectPresent(assignment.get(parent))) return false;
    if (!objectPresent(value)) for (const child of children.get(key) ?? []) if (assignment.has(child) && assignment.get(child) !== undefined) return false;
    return true;
  };
  let tried = 0;
  const search = (i: number): boolean | 'unknown' => {
    const verdict = decide(condition, assignment, space, operators);
    if (verdict === true) return true;
    if (verdict === false || i >= order.length) return false;
    const key = order[i]!;
    for (const value of space.variables.get(key)?.values ?? [undefined]) {
      if (++tried > budget) return 'unknown';
      if (!consistent(key, value)) continue;
      assignment.set(key, value);
      const found = search(i + 1);
      if (found !== false) return found;
      assignment.delete(key);
    }
    return false;
  };
  const found = search(0);
  if (found === 'unknown') return 'unknown';
  return found ? assignment : undefined;
}
