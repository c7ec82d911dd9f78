import type { z } from 'zod';
import { CaseInput } from '../case/schema.js';

/**
 * What the case schema says a path of the `case` fact can hold, for the static check: the values of
 * an enumeration, `true`/`false` for a flag, and whether the field can be absent after validation
 * (a field with a default never is). `undefined` when the schema does not pin the path to a finite set
 * (a number, a string, an object read as a whole, or a path the schema does not know).
 */
export interface CaseFieldValues {
  /** Every value the field can hold, when that is a finite set. */
  readonly values?: readonly unknown[];
  /** The field may be missing from a validated case. */
  readonly optional: boolean;
}

interface ZodDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly entries?: Record<string, unknown>;
  readonly values?: readonly unknown[];
}
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Unwraps optional, nullable, default and pipe wrappers, noting whether absence stays possible. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean } {
  let optional = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default' || def.type === 'prefault') optional = false;
    else if (def.type !== 'nullable' && def.type !== 'pipe' && def.type !== 'readonly') return { core: current, optional };
    const next = def.innerType ?? def.in;
    if (next === undefined) return { core: current, optional };
    current = next;
  }
}

/** The schema's word on `case.<path>` (`class`, `flags.major`, `accused.partyMember`). */
export function caseFieldValues(path: string): CaseFieldValues | undefined {
  let schema: z.ZodType = CaseInput;
  let optional = false;
  for (const part of path.split('.')) {
    const { core, optional: absent } = unwrap(schema);
    optional ||= absent;
    const def = defOf(core);
    if (def.type !== 'object' || def.shape === undefined || !Object.hasOwn(def.shape, part)) return undefined;
    schema = def.shape[part]!;
  }
  const { core, optional: absent } = unwrap(schema);
  optional ||= absent;
  const def = defOf(core);
  if (def.type === 'enum' && def.entries) return { values: Object.values(def.entries), optional };
  if (def.type === 'literal' && def.values) return { values: def.values, optional };
  if (def.type === 'boolean') return { values: [true, false], optional };
  return { optional };
}
