import type { TraceCondition } from '../assessment/types.js';
import type { LeafCondition } from '../rules/schema.js';

/** A condition value that json-rules-engine reads as another fact's value (`{ "fact": "param", "path": "x" }`). */
export function isFactReference(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string';
}

/**
 * One leaf condition as the trace shows it. Both runners build leaves here, so their traces have the
 * same fields in the same order: `factValue` (and `valueResolved` for a fact reference) only when the
 * condition was evaluated, and `result` null when it was not (or its operator gave no boolean).
 */
export function leafTrace(leaf: LeafCondition, result: unknown, factValue: unknown, valueResolved: unknown): TraceCondition {
  // Built field by field (not with spreads): this runs for every condition of every rule that fires.
  const trace: Record<string, unknown> = { fact: leaf.fact };
  if (leaf.path !== undefined) trace.path = leaf.path;
  trace.operator = leaf.operator;
  trace.value = leaf.value;
  const evaluated = typeof result === 'boolean';
  if (evaluated) {
    trace.factValue = factValue;
    if (isFactReference(leaf.value)) trace.valueResolved = valueResolved;
  }
  trace.result = evaluated ? result : null;
  return trace as TraceCondition;
}
