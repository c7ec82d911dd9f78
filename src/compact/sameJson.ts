/**
 * Whether two values write the same JSON: the same keys in the same order (keys whose value JSON
 * leaves out — `undefined`, a function — are skipped, as `JSON.stringify` skips them), the same
 * array lengths and the same primitives. The compact record leaves a part out only when what the
 * expansion would rebuild writes exactly these bytes; this says so without writing either, and
 * answers at once for the common case of one value shared by both (`===`).
 *
 * Values with a `toJSON` method (none in an assessment) are compared by their JSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return jsonPrimitive(a) === jsonPrimitive(b) && jsonPrimitive(a) !== undefined;
  if (typeof (a as { toJSON?: unknown }).toJSON === 'function' || typeof (b as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(a) === JSON.stringify(b);
  const arrays = Array.isArray(a);
  if (arrays !== Array.isArray(b)) return false;
  if (arrays) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i] === undefined || typeof x[i] === 'function' ? null : x[i], y[i] === undefined || typeof y[i] === 'function' ? null : y[i])) return false;
    return true;
  }
  // The keys JSON writes, in order, compared pairwise without collecting them: a key whose value JSON
  // leaves out (undefined, a function, a symbol) is skipped on either side.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xs = Object.keys(x);
  const ys = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xs.length && !written(x[xs[i]!])) i++;
    while (j < ys.length && !written(y[ys[j]!])) j++;
    if (i === xs.length || j === ys.length) return i === xs.length && j === ys.length;
    if (xs[i] !== ys[j] || !sameJson(x[xs[i]!], y[ys[j]!])) return false;
    i++;
    j++;
  }
}

/** Whether JSON writes a member with this value. */
function written(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

/** A primitive as JSON writes it (NaN and ±Infinity as null, -0 as 0); undefined for what JSON leaves out. */
function jsonPrimitive(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v === 0 ? 0 : v) : 'null';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return String(v);
  return undefined;
}
