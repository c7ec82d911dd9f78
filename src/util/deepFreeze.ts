/**
 * Freezes a value and everything reachable from it. The evaluator freezes what it shares between
 * assessments (the packs, parameters and policy applied): a caller who changes one assessment cannot
 * change another, and a frozen part may be written as JSON once and reused.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
