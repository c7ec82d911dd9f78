import type * as z from 'zod';

/*
 * A quick path for the case schema, for valid input. zod stays the definition of a valid case and the
 * source of every error message; this checker is built once from the zod schema itself (its `_zod.def`
 * tree: no second copy of the rules to keep in step), as plain closures (no `eval`, no `new Function`,
 * which content security policies of government web applications forbid), and only ever answers "valid,
 * and this is what zod would return" or "not sure". On "not sure" — any invalid input, and any input
 * of a shape it does not follow exactly (an object that is not a plain object, an unknown key, a
 * value of another type) — the caller asks zod, so an invalid case gets zod's own issues.
 *
 * It follows zod 4's parse for the kinds of schema the case uses, and refuses to be built (so zod
 * parses every case) for any other kind or check: strings with a minimum length, safe integers with
 * lower bounds, booleans, enums and literals, optional and defaulted values (the default taken from zod's
 * own `defaultValue`, a fresh copy per parse as zod gives), arrays, plain and strict objects (keys in
 * the shape's order, an absent optional key left out, as zod does), discriminated unions and
 * refinements (run on the parsed value, as zod runs them).
 */

/** What a failed quick check answers: ask zod. */
const UNSURE: unique symbol = Symbol('unsure');
type Quick = (input: unknown) => unknown;

/** The parts of zod 4's internal schema definition read here. */
interface Def {
  readonly type: string;
  readonly checks?: ReadonlyArray<{ readonly _zod: { readonly def: CheckDef } }>;
  readonly [key: string]: unknown;
}
interface CheckDef {
  readonly check: string;
  readonly [key: string]: unknown;
}
interface Internals {
  readonly def: Def;
  readonly optin?: 'optional' | 'defaulted';
  readonly optout?: 'optional';
}
const internals = (schema: unknown): Internals => (schema as { _zod: Internals })._zod;

/** Thrown while building: a schema kind or check this checker does not follow (zod then parses every case). */
class Unsupported extends Error {}

/** The test of one check of a schema, on the value its schema parsed: true when it passes. */
function checkOf(def: CheckDef): (value: unknown) => boolean {
  switch (def.check) {
    case 'min_length': {
      const minimum = def.minimum as number;
      return (v) => (v as string).length >= minimum;
    }
    case 'number_format':
      if (def.format !== 'safeint') throw new Unsupported(`number format ${String(def.format)}`);
      return (v) => Number.isSafeInteger(v);
    case 'greater_than': {
      const bound = def.value as number;
      if (typeof bound !== 'number') throw new Unsupported('non-numeric bound');
      return def.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    }
    case 'custom': {
      if (def.when !== undefined) throw new Unsupported('conditional refinement');
      const fn = def.fn as (v: unknown) => unknown;
      return (v) => {
        const r = fn(v);
        return !(r instanceof Promise) && Boolean(r);
      };
    }
    default:
      throw new Unsupported(`check ${def.check}`);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

function build(schema: unknown): Quick {
  const { def } = internals(schema);
  // A schema that is itself a check (a string or number format such as z.email(), z.int()) checks more than its definition shows.
  if ((internals(schema) as { traits?: ReadonlySet<string> }).traits?.has('$ZodCheck')) throw new Unsupported('format schema');
  const checks = (def.checks ?? []).map((c) => {
    const d = c._zod.def;
    // A string's minimum length is checked only on a string (zod's `when`); the parse below ensures one.
    if (d.check === 'min_length' && def.type !== 'string') throw new Unsupported('length check off a string');
    if (d.when !== undefined && d.check !== 'min_length') throw new Unsupported('conditional check');
    return checkOf(d);
  });
  const parse = buildType(schema, def);
  if (checks.length === 0) return parse;
  return (input) => {
    const value = parse(input);
    if (value === UNSURE) return UNSURE;
    for (const check of checks) if (!check(value)) return UNSURE;
    return value;
  };
}

function buildType(schema: unknown, def: Def): Quick {
  switch (def.type) {
    case 'string':
      if (def.coerce) throw new Unsupported('coercion');
      return (v) => (typeof v === 'string' ? v : UNSURE);
    case 'number':
      if (def.coerce) throw new Unsupported('coercion');
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : UNSURE);
    case 'boolean':
      if (def.coerce) throw new Unsupported('coercion');
      return (v) => (typeof v === 'boolean' ? v : UNSURE);
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      if ([...values].some((v) => typeof v !== 'string')) throw new Unsupported('numeric enum');
      return (v) => (values.has(v) ? v : UNSURE);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (v) => (values.has(v) ? v : UNSURE);
    }
    case 'optional': {
      const inner = internals(def.innerType);
      if (inner.optin === 'defaulted') throw new Unsupported('optional default');
      const parse = build(def.innerType);
      return (v) => (v === undefined ? undefined : parse(v));
    }
    case 'default': {
      const parse = build(def.innerType);
      // zod's `defaultValue` is a getter giving a fresh copy (or calling a default function) each time.
      return (v) => {
        if (v === undefined) return def.defaultValue;
        const value = parse(v);
        return value === undefined ? def.defaultValue : value;
      };
    }
    case 'array': {
      const element = build(def.element);
      return (v) => {
        if (!Array.isArray(v)) return UNSURE;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const value = element(v[i]);
          if (value === UNSURE) return UNSURE;
          out[i] = value;
        }
        return out;
      };
    }
    case 'object':
      return buildObject(def);
    case 'union': {
      const discriminator = def.discriminator as string | undefined;
      if (discriminator === undefined || def.unionFallback) throw new Unsupported('plain union');
      const byValue = new Map<unknown, Quick>();
      for (const option of def.options as unknown[]) {
        const optionDef = internals(option).def;
        if (optionDef.type !== 'object') throw new Unsupported('union of non-objects');
        const tag = internals((optionDef.shape as Record<string, unknown>)[discriminator]).def;
        if (tag.type !== 'literal' || (tag.checks ?? []).length > 0) throw new Unsupported('discriminator that is not a literal');
        const parse = build(option);
        for (const value of tag.values as unknown[]) {
          if (value === undefined || byValue.has(value)) throw new Unsupported('discriminator value given twice');
          byValue.set(value, parse);
        }
      }
      return (v) => {
        if (!isPlainObject(v)) return UNSURE;
        const parse = byValue.get(v[discriminator]);
        return parse ? parse(v) : UNSURE;
      };
    }
    default:
      throw new Unsupported(`schema type ${def.type}`);
  }
}

function buildObject(def: Def): Quick {
  const shape = def.shape as Record<string, unknown>;
  const catchall = def.catchall === undefined ? undefined : internals(def.catchall).def.type;
  if (catchall !== undefined && catchall !== 'never') throw new Unsupported('object catchall');
  const strict = catchall === 'never';
  if (Object.getOwnPropertySymbols(shape).length > 0) throw new Unsupported('symbol keys');
  const keys = Object.keys(shape);
  // `key in input` (what zod reads to tell a key given from one absent) is an own-key test for a plain
  // object only when no key of the shape is a property of Object.prototype.
  for (const key of keys) if (key in Object.prototype || key === '__proto__') throw new Unsupported(`key ${key}`);
  const known = new Set(keys);
  const fields = keys.map((key) => {
    const child = internals(shape[key]);
    return { key, parse: build(shape[key]), optin: child.optin, optional: child.optout === 'optional' };
  });
  return (v) => {
    if (!isPlainObject(v)) return UNSURE;
    if (strict) for (const key in v) if (!known.has(key)) return UNSURE;
    const out: Record<string, unknown> = {};
    for (const { key, parse, optin, optional } of fields) {
      const present = hasOwn.call(v, key);
      // zod leaves out an absent key whose schema is optional in and out.
      if (!present && optional && optin === 'optional') continue;
      if (!present && optin === undefined) return UNSURE;
      const value = parse(v[key]);
      if (value === UNSURE) return UNSURE;
      if (value === undefined) {
        if (present || (optin === 'defaulted' && !optional)) out[key] = undefined;
      } else out[key] = value;
    }
    return out;
  };
}

/**
 * The quick check of a zod schema: the value zod would return for a valid input, or undefined when
 * zod must be asked (the input is invalid, or of a shape the quick check does not follow). Undefined
 * itself when the schema uses a kind of schema or check this does not follow.
 */
export function quickParser<T>(schema: z.ZodType<T>): ((input: unknown) => { readonly value: T } | undefined) | undefined {
  let quick: Quick;
  try {
    quick = build(schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (input) => {
    const value = quick(input);
    return value === UNSURE ? undefined : { value: value as T };
  };
}
