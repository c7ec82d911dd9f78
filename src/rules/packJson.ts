import { RulePackError } from '../errors/RulePackError.js';

/** How deeply a pack file may nest (objects and arrays); deeper conditions would overflow evaluation. Documented in the README. */
export const MAX_PACK_NESTING = 100;

/**
 * Checks a pack file's parsed JSON before any schema sees it: a `__proto__` key anywhere (also inside
 * a condition value, which json-rules-engine would drop from its trace) or nesting deeper than
 * {@link MAX_PACK_NESTING} is a RulePackError naming `file` and the path of the field, and so is a
 * value that is not plain data (a function, or an object whose prototype is not Object's or Array's, as
 * `{ __proto__: … }` written in code gives), for a pack given as data. The walk keeps
 * its own stack, so a hostile depth cannot overflow the call stack. Pure: it takes data already read,
 * so a pack given as data, a file read from disk and a catalogue get the same check.
 */
export function checkPackJson(value: unknown, file: string): void {
  const pending: Array<{ node: unknown; path: string; depth: number }> = [{ node: value, path: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, path, depth } = next;
    if (typeof node === 'function' || typeof node === 'symbol' || typeof node === 'bigint') throw new RulePackError(file, [`${path || '(root)'}: a ${typeof node} is not JSON data`]);
    if (typeof node !== 'object' || node === null) continue;
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
      throw new RulePackError(file, [`${path || '(root)'}: is not plain JSON data (an object with a prototype of its own, as a class instance or an object literal's "__proto__" gives)`]);
    }
    if (depth >= MAX_PACK_NESTING) throw new RulePackError(file, [`${path || '(root)'}: nests deeper than ${MAX_PACK_NESTING} levels`]);
    for (const key of Object.keys(node)) {
      const child = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (key === '__proto__') throw new RulePackError(file, [`${child}: a "__proto__" key is not allowed`]);
      pending.push({ node: (node as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
}

/**
 * Parses the text of a pack file as JSON and checks it ({@link checkPackJson}). Text that is not JSON
 * is reported by position only, never echoing its content (a file read by mistake may hold secrets).
 */
export function parsePackJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    throw new RulePackError(file, [`cannot be read as JSON: not valid JSON${at ? ` (at character ${at[1]})` : ''}`]);
  }
  checkPackJson(value, file);
  return value;
}
