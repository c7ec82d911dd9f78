import type { Condition, LeafCondition } from '../rules/schema.js';
import { leaves } from '../engine/ruleset.js';
import { caseFieldValues } from './caseFieldValues.js';

/**
 * The finite fact space the static check searches: one variable per fact path the conditions read
 * (`case.class`, `receivingLevel`, `param.maxRepresentatives`), each with the few values that can tell
 * the conditions apart — every constant a condition compares it with, one value either side of each
 * numeric threshold, a value none of them names, and absence where the fact can be absent. A leaf whose
 * operator the check cannot read (a caller's operator) becomes a free true/false variable of its own.
 *
 * Variables are treated as independent, apart from an object and the fields read under it (a field with
 * a value means the object is there and not empty). That over-approximates what real cases can show,
 * so "can never fire" is proven, while a conflict's witness may combine facts no real case has together
 * (such a finding is explained in the pack or fixed).
 */
export interface FactVariable {
  readonly key: string;
  readonly values: readonly unknown[];
  /** The nearest variable this one is a field of (`misconduct.rough-conduct` for `misconduct.rough-conduct.seriousConsequences`). */
  readonly parent?: string;
}

/** A value no condition names: it stands for every other string. */
export const OTHER_VALUE = '(any other value)';
/** An object with no fields read by any condition, empty and not. */
export const EMPTY_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({});
export const NON_EMPTY_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({ '(an entry)': true });
const NON_EMPTY_LIST: readonly unknown[] = Object.freeze(['(an entry)']);
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

export interface FactSpace {
  readonly variables: ReadonlyMap<string, FactVariable>;
  /** The variable a leaf reads, and the variable its value refers to (`{ fact: "param", path }`), if any. */
  keyOf(leaf: LeafCondition): string;
  refOf(leaf: LeafCondition): string | undefined;
  /** Whether the check reads the leaf's operator (else the leaf is its own true/false variable). */
  readonly known: (operator: string) => boolean;
}

const factKey = (fact: string, path: string | undefined) => (path ? `${fact}.${path}` : fact);
const isRef = (v: unknown): v is { fact: string; path?: string } => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
const valueKey = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));

/** Adds `v` to a list of distinct values, keeping first-seen order. */
function addValue(list: unknown[], seen: Set<string>, v: unknown) {
  const k = valueKey(v);
  if (!seen.has(k)) {
    seen.add(k);
    list.push(v);
  }
}

/**
 * Builds the space for a set of conditions. `knownValues` gives what parameters and policy options can
 * be (`param.maxRepresentatives` → every value any pack gives it); `knownOperators` are the operators
 * whose meaning the check evaluates.
 */
export function buildFactSpace(conditions: readonly Condition[], knownValues: ReadonlyMap<string, readonly unknown[]>, knownOperators: ReadonlySet<string>): FactSpace {
  const literals = new Map<string, unknown[]>();
  const thresholds = new Map<string, number[]>();
  const numericRefs = new Map<string, string[]>();
  const operatorsOn = new Map<string, Set<string>>();
  const freeLeaves = new Set<string>();
  const touch = <T>(m: Map<string, T[]>, k: string) => m.get(k) ?? (m.set(k, []), m.get(k)!);

  for (const condition of conditions) {
    for (const leaf of leaves(condition)) {
      if (!knownOperators.has(leaf.operator)) {
        freeLeaves.add(`?${JSON.stringify(leaf)}`);
        continue;
      }
      const key = factKey(leaf.fact, leaf.path);
      (operatorsOn.get(key) ?? (operatorsOn.set(key, new Set()), operatorsOn.get(key)!)).add(leaf.operator);
      const numeric = /^(less|greater)Than/.test(leaf.operator);
      if (isRef(leaf.value)) {
        const ref = factKey(leaf.value.fact, leaf.value.path);
        touch(numericRefs, key).push(ref);
        touch(literals, ref);
      } else if (numeric && typeof leaf.value === 'number') touch(thresholds, key).push(leaf.value);
      else if ((leaf.operator === 'in' || leaf.operator === 'notIn') && Array.isArray(leaf.value)) touch(literals, key).push(...leaf.value);
      else if (leaf.operator !== 'isDefined' && leaf.operator !== 'nonEmpty') touch(literals, key).push(leaf.value);
      else touch(literals, key);
    }
  }

  const keys = [...new Set([...literals.keys(), ...operatorsOn.keys()])].sort();
  const keySet = new Set(keys);
  const parentOf = (key: string): string | undefined => {
    const parts = key.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (keySet.has(candidate)) return candidate;
    }
    return undefined;
  };
  const hasChildren = new Set(keys.map(parentOf).filter((k): k is string => k !== undefined));

  const variables = new Map<string, FactVariable>();
  for (const key of keys) {
    const values: unknown[] = [];
    const seen = new Set<string>();
    const given = knownValues.get(key);
    if (given !== undefined) {
      for (const v of given) addValue(values, seen, v);
      variables.set(key, { key, values });
      continue;
    }
    const schema = key.startsWith('case.') ? caseFieldValues(key.slice('case.'.length)) : undefined;
    const ops = operatorsOn.get(key) ?? new Set<string>();
    if (hasChildren.has(key)) {
      // An object read as a whole (isDefined, nonEmpty) whose fields are read too.
      if (schema?.optional !== false) addValue(values, seen, undefined);
      addValue(values, seen, EMPTY_OBJECT);
      addValue(values, seen, NON_EMPTY_OBJECT);
    } else {
      if (schema?.values) for (const v of schema.values) addValue(values, seen, v);
      const own = literals.get(key) ?? [];
      for (const v of own) addValue(values, seen, v);
      const numbers = [...(thresholds.get(key) ?? []), ...(numericRefs.get(key) ?? []).flatMap((r) => (knownValues.get(r) ?? []).filter((v): v is number => typeof v === 'number'))];
      for (const t of [...new Set(numbers)].sort((a, b) => a - b)) for (const v of [t - 1, t, t + 1]) addValue(values, seen, v);
      if (!schema?.values && own.some((v) => typeof v === 'string')) addValue(values, seen, OTHER_VALUE);
      if (!schema?.values && own.length > 0 && own.every((v) => typeof v === 'boolean')) for (const v of [true, false]) addValue(values, seen, v);
      if (ops.has('nonEmpty')) {
        addValue(values, seen, EMPTY_LIST);
        addValue(values, seen, NON_EMPTY_LIST);
      }
      if (ops.has('isDefined') && values.length === 0) addValue(values, seen, NON_EMPTY_OBJECT);
      if (schema?.optional !== false) addValue(values, seen, undefined);
    }
    variables.set(key, { key, values, ...(parentOf(key) !== undefined ? { parent: parentOf(key)! } : {}) });
  }
  for (const key of [...freeLeaves].sort()) variables.set(key, { key, values: [true, false] });

  return {
    variables,
    known: (operator) => knownOperators.has(operator),
    keyOf: (leaf) => (knownOperators.has(leaf.operator) ? factKey(leaf.fact, leaf.path) : `?${JSON.stringify(leaf)}`),
    refOf: (leaf) => (knownOperators.has(leaf.operator) && isRef(leaf.value) ? factKey(leaf.value.fact, leaf.value.path) : undefined),
  };
}
