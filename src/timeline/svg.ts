/**
 * The few pieces of SVG the timeline writes, as strings: escaped text and attributes, numbers with at
 * most two decimals. Plain string building keeps the bytes the same on every machine and run (no DOM,
 * no locale-dependent number formatting).
 */

/** Escapes text and attribute values for XML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A coordinate or length: at most two decimals, no trailing zeros, never "-0". */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

type Attrs = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
}

/** An element with attributes and optional children (already SVG) — or self-closing without. */
export function el(name: string, attrs: Attrs, children?: string): string {
  return children === undefined || children === '' ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A `<text>` element holding escaped text. */
export function text(attrs: Attrs, content: string): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** A `<title>` (the tooltip a browser shows on hover). */
export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}
