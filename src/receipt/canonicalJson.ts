/**
 * Canonical JSON: the text `JSON.stringify` would write, with every object's keys sorted (by UTF-16
 * code units, the order of `Array.prototype.sort`) and no whitespace. Arrays keep their order.
 *
 * Why: a receipt's hashes must not depend on how a file was formatted, on the order its keys were
 * written in, or on the machine, so what is hashed is this one spelling of the value. Numbers and
 * strings are written by `JSON.stringify` itself (ECMAScript fixes both exactly); `undefined` and
 * functions are left out of objects and become `null` in arrays, and `toJSON` is honoured, as in
 * `JSON.stringify`. Walked without building an intermediate copy.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '');
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form (undefined or a function)');
  return text;
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON writes it: as it is between quotes when nothing in it needs escaping (most strings). */
const quote = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

function write(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // Number::toString, as JSON.stringify writes a finite number; NaN and ±Infinity become null.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a BigInt has no JSON form');
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (write(value[i], String(i)) ?? 'null');
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of Object.keys(record).sort()) {
        const member = write(record[k], k);
        if (member === undefined) continue;
        out += `${first ? '' : ','}${quote(k)}:${member}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}
