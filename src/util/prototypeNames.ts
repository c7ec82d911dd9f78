/**
 * The names every plain JavaScript object answers to through its prototype (`constructor`,
 * `toString`, `hasOwnProperty`, …). A name from data that is one of them could resolve to an inherited
 * member in a lookup by name, so packs may not use them as ids, and lookups use own properties only.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a name is that of a member every object inherits (see {@link PROTOTYPE_NAMES}). */
export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}
