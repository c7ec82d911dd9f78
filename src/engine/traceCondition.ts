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
  const evaluated = typeof result === 'boolean';
  return {
    fact: leaf.fact,
    ...(leaf.path !== undefined ? { path: leaf.path } : {}),
    operator: leaf.operator,
    value: leaf.value,
    ...(evaluated ? { factValue } : {}),
    ...(evaluated && isFactReference(leaf.value) ? { valueResolved } : {}),
    result: evaluated ? result : null,
  };
}
