/**
 * Resolves a plain dotted path (`flags.major`, `conclude.status`) against a fact value.
 *
 * json-rules-engine resolves `path` with JSONPath by default, which evaluates script expressions; the
 * law's data never needs more than property access, so this resolver walks own properties only and
 * paths of any other shape are rejected when a pack is loaded (see `FactPath` in rules/schema.ts).
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
