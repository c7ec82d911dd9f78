import type { TraceCondition, TraceEntry } from '../assessment/types.js';
import type { StagedRule } from '../engine/ruleset.js';
import { isFactReference, leafTrace } from '../engine/traceCondition.js';
import type { Condition, LeafCondition } from '../rules/schema.js';
import type { CompactLeaf } from './format.js';
import { sameJson } from './sameJson.js';

/**
 * A fired rule's trace by reference: the compact trace keeps only what a case adds to the rule — the
 * result of each leaf condition and the fact values it read — and rebuilds the rest from the rule:
 * the fact, path, operator and value of each leaf, and each group's result, combined as both runners
 * combine them (src/engine/compiledRunner.ts: a group of none holds, of one holds when it does, else
 * every or some child must give exactly true; `not` negates; a fired rule's root holds).
 */

/** The key order of a leaf in the trace (src/engine/traceCondition.ts `leafTrace`). */
function leafKeys(leaf: LeafCondition, evaluated: boolean): string[] {
  const keys = ['fact'];
  if (leaf.path !== undefined) keys.push('path');
  keys.push('operator', 'value');
  if (evaluated) {
    keys.push('factValue');
    if (isFactReference(leaf.value)) keys.push('valueResolved');
  }
  keys.push('result');
  return keys;
}

function sameKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < own.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}

/** A group's result from its children's, as the runners combine them. */
function groupResult(kind: 'all' | 'any', results: readonly (boolean | null)[]): boolean {
  if (results.length === 0) return true;
  if (results.length === 1) return results[0] === true;
  return kind === 'all' ? results.every((r) => r === true) : results.some((r) => r === true);
}

/**
 * Appends the leaves of `trace` (the conditions of `rule` as evaluated) to `out`; false when the trace
 * is not what the rule and the runners' combination would rebuild, so the entry must be kept whole.
 */
function encodeCondition(trace: TraceCondition, condition: Condition, out: CompactLeaf[], root: boolean): boolean {
  const t = trace as unknown as Record<string, unknown>;
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    const list = t[kind];
    if (!sameKeys(t, [kind, 'result']) || !Array.isArray(list) || list.length !== children.length) return false;
    const results: (boolean | null)[] = [];
    for (let i = 0; i < children.length; i++) {
      if (!encodeCondition(list[i] as TraceCondition, children[i]!, out, false)) return false;
      results.push((list[i] as { result: boolean | null }).result);
    }
    return t.result === (root ? true : groupResult(kind, results));
  }
  if ('not' in condition) {
    if (!sameKeys(t, ['not', 'result']) || typeof t.not !== 'object' || t.not === null) return false;
    if (!encodeCondition(t.not as TraceCondition, condition.not, out, false)) return false;
    return t.result === (root ? true : !(t.not as { result: unknown }).result);
  }
  const leaf = condition;
  if (t.fact !== leaf.fact || t.path !== leaf.path || t.operator !== leaf.operator || !sameJson(t.value, leaf.value)) return false;
  if (t.result === null) {
    if (!sameKeys(t, leafKeys(leaf, false))) return false;
    out.push(0);
    return true;
  }
  if (typeof t.result !== 'boolean' || !sameKeys(t, leafKeys(leaf, true))) return false;
  if (isFactReference(leaf.value)) {
    // JSON has no undefined: a value the reference or the fact lacked could not be told from null.
    if (t.factValue === undefined || t.valueResolved === undefined) return false;
    out.push([t.result, t.factValue, t.valueResolved]);
  } else out.push(t.factValue === undefined ? [t.result] : [t.result, t.factValue]);
  return true;
}

/** The leaves of a fired rule's trace, or undefined when the trace is not the rule's own shape. */
export function encodeConditions(conditions: TraceCondition, rule: StagedRule): CompactLeaf[] | undefined {
  const leaves: CompactLeaf[] = [];
  return encodeCondition(conditions, rule.conditions, leaves, true) ? leaves : undefined;
}

/** Where a rebuild failed: the leaf at `index` is missing or not a leaf the format knows. */
export class LeafError extends Error {
  constructor(readonly index: number) {
    super(`leaf ${index}`);
  }
}

/** A leaf from the compact form: `[result, factValue?, valueResolved?]`, or 0 for not evaluated. */
function leafOf(leaf: LeafCondition, compact: unknown, index: number): TraceCondition {
  if (compact === 0) return leafTrace(leaf, null, undefined, undefined);
  if (!Array.isArray(compact) || typeof compact[0] !== 'boolean') throw new LeafError(index);
  const ref = isFactReference(leaf.value);
  if (compact.length !== (ref ? 3 : compact.length === 1 ? 1 : 2)) throw new LeafError(index);
  return leafTrace(leaf, compact[0], compact[1], compact[2]);
}

/** Rebuilds a fired rule's conditions as evaluated from its leaves; a LeafError when they do not fit the rule. */
export function expandConditions(rule: StagedRule, leaves: readonly unknown[]): TraceCondition {
  let at = 0;
  const build = (condition: Condition, root: boolean): TraceCondition => {
    if ('all' in condition || 'any' in condition) {
      const kind = 'all' in condition ? 'all' : 'any';
      const list = ('all' in condition ? condition.all : condition.any).map((c) => build(c, false));
      const result = root ? true : groupResult(kind, list.map((c) => c.result));
      return (kind === 'all' ? { all: list, result } : { any: list, result }) as TraceCondition;
    }
    if ('not' in condition) {
      const inner = build(condition.not, false);
      return { not: inner, result: root ? true : !inner.result };
    }
    const index = at++;
    if (index >= leaves.length) throw new LeafError(index);
    return leafOf(condition, leaves[index], index);
  };
  const conditions = build(rule.conditions, true);
  if (at !== leaves.length) throw new LeafError(at);
  return conditions;
}

/** Whether a trace entry holds the rule's own head (pack, title, citations, stage, dependencies, interpretation) in the evaluator's key order. */
export function isOwnHead(entry: TraceEntry, rule: StagedRule): boolean {
  const keys = ['rule', 'pack', 'title', 'citations', 'stage', 'dependsOn', ...(rule.interpretation ? ['interpretation'] : []), 'conditions', 'yielded'];
  if (!sameKeys(entry, keys)) return false;
  return (
    entry.pack === rule.pack &&
    entry.stage === rule.stage &&
    sameJson(entry.title, rule.title) &&
    sameJson(entry.citations, rule.citations) &&
    sameJson(entry.dependsOn, rule.dependsOn ?? []) &&
    (rule.interpretation === undefined || sameJson(entry.interpretation, rule.interpretation)) &&
    Array.isArray(entry.yielded)
  );
}

/** A trace entry rebuilt from its rule, its conditions as evaluated and what it yielded. */
export function expandEntry(rule: StagedRule, conditions: TraceCondition, yielded: readonly string[]): TraceEntry {
  const entry: Record<string, unknown> = { rule: rule.id, pack: rule.pack, title: rule.title, citations: rule.citations, stage: rule.stage, dependsOn: rule.dependsOn ?? [] };
  if (rule.interpretation) entry.interpretation = rule.interpretation;
  entry.conditions = conditions;
  entry.yielded = yielded;
  return entry as unknown as TraceEntry;
}
