import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/** A run of whole input lines, as the bytes read, with where it starts. */
export interface LineBatch {
  /** The batch's bytes: whole lines, each ending in `\n`, except the input's last line when it has none. A fresh buffer of its own, so it can be transferred to a worker. */
  readonly bytes: Uint8Array;
  /** The 1-based number of the batch's first line in the input. */
  readonly firstLine: number;
  /** How many lines the batch holds. */
  readonly lines: number;
  /** Bytes of input consumed up to the end of this batch. */
  readonly endByte: number;
}

export interface BatchLimits {
  /** A batch ends at the first line end once it holds this many lines. */
  readonly lines: number;
  /** A batch ends at the first line end once it holds this many bytes (a longer line still ends up whole in one batch). */
  readonly bytes: number;
}

const NEWLINE = 0x0a;

function join(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Cuts a byte stream of NDJSON into batches of whole lines without decoding it: each batch ends just
 * after a `\n`, the rest of a chunk is carried over to the next batch, and a final line without a
 * newline makes the last batch. UTF-8 is never split, because the byte `\n` never occurs inside a
 * multi-byte sequence. Lines are counted here (one per `\n`), so each batch knows its first line's
 * number before anyone decodes it. Reading pauses while the consumer holds a batch (back-pressure);
 * only the partial batch being gathered is kept.
 */
export async function* ndjsonBatches(input: Readable, limits: BatchLimits): AsyncGenerator<LineBatch> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let lines = 0;
  let firstLine = 1;
  let consumed = 0;
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(NEWLINE, from);
      if (nl === -1) break;
      lines++;
      from = nl + 1;
      if (lines >= limits.lines || size + (from - start) >= limits.bytes) {
        parts.push(bytes.subarray(start, from));
        size += from - start;
        consumed += size;
        const batch: LineBatch = { bytes: join(parts, size), firstLine, lines, endByte: consumed };
        firstLine += lines;
        parts = [];
        size = 0;
        lines = 0;
        start = from;
        yield batch;
      }
    }
    if (start < bytes.byteLength) {
      parts.push(bytes.subarray(start));
      size += bytes.byteLength - start;
    }
  }
  if (size > 0) {
    // Whole lines gathered below the limits, and perhaps a last line without a newline.
    const bytes = join(parts, size);
    const open = bytes[size - 1] !== NEWLINE ? 1 : 0;
    yield { bytes, firstLine, lines: lines + open, endByte: consumed + size };
  }
}

/** A line whose bytes are not UTF-8: it is rejected with its number, and the lines around it go on. */
export const NOT_UTF8: unique symbol = Symbol('not UTF-8');

/** The UTF-8 byte order mark, which some editors and spreadsheet exports put at the start of a file. */
const BOM = [0xef, 0xbb, 0xbf] as const;

const startsWithBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/** Fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD; a BOM is kept as a character, never dropped silently. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/**
 * The text lines of a batch. The line rule, the same for every audit path: a line ends at `\n`, a `\r`
 * just before it belongs to the line end (so `\r\n` files read the same), and the input's last line
 * counts even without a newline (a `\r` ending it is dropped too). A `\r` anywhere else is part of
 * the line — unlike `node:readline`, which would also end a line there; JSON allows `\r` only as
 * whitespace between tokens, where it must not cut a case in two.
 *
 * The input is UTF-8. A byte order mark at the very start of the input (the batch whose first line is
 * line 1) is skipped, as JSON readers must allow (RFC 8259 §8.1); anywhere else it is a character of
 * its line, which JSON then refuses. A line that is not valid UTF-8 comes back as {@link NOT_UTF8}, so
 * it is rejected with its number rather than read with replacement characters; the other lines of the
 * batch are unaffected. (Valid batches, the usual case, are checked once and decoded whole.)
 */
export function linesOf(bytes: Uint8Array, firstLine = 1): Array<string | typeof NOT_UTF8> {
  const body = firstLine === 1 && startsWithBom(bytes) ? bytes.subarray(BOM.length) : bytes;
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (isUtf8(buffer)) return splitLines(buffer.toString('utf8'));
  const lines: Array<string | typeof NOT_UTF8> = [];
  let start = 0;
  while (start < buffer.length) {
    const nl = buffer.indexOf(NEWLINE, start);
    const end = nl === -1 ? buffer.length : nl + 1;
    const raw = buffer.subarray(start, end);
    try {
      lines.push(...splitLines(strictUtf8.decode(raw)));
    } catch {
      lines.push(NOT_UTF8);
    }
    start = end;
  }
  return lines;
}
