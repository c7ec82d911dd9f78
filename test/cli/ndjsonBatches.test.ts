import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { linesOf, ndjsonBatches, NOT_UTF8, type BatchLimits, type LineBatch } from '../../src/cli/ndjsonBatches.js';

/**
 * The line rule every audit path shares, and the cutting of a byte stream into batches of whole lines:
 * lines end at `\n` (a `\r` before it is part of the line end), the last line counts without one, a lone
 * `\r` stays inside its line, and a chunk cut inside a line or inside a multi-byte character never
 * changes the lines.
 */
async function batchesOf(chunks: ReadonlyArray<string | Uint8Array>, limits: BatchLimits = { lines: 1000, bytes: 1 << 20 }): Promise<LineBatch[]> {
  const out: LineBatch[] = [];
  for await (const b of ndjsonBatches(Readable.from(chunks), limits)) out.push(b);
  return out;
}

async function linesFrom(chunks: ReadonlyArray<string | Uint8Array>, limits?: BatchLimits): Promise<string[]> {
  return (await batchesOf(chunks, limits)).flatMap((b) => linesOf(b.bytes).map((l) => (typeof l === 'string' ? l : '<not UTF-8>')));
}

/** The input as chunks of `size` bytes, cutting anywhere: inside `\r\n`, inside a Chinese character. */
function chunked(text: string, size: number): Uint8Array[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(Uint8Array.prototype.slice.call(bytes, i, i + size));
  return out;
}

describe('the line rule', () => {
  it('ends lines at \\n and \\r\\n; the last line counts without a newline', async () => {
    expect(await linesFrom(['a\nb\r\nc'])).toEqual(['a', 'b', 'c']);
    expect(await linesFrom(['a\n'])).toEqual(['a']);
    expect(await linesFrom(['a\r\n\r\n'])).toEqual(['a', '']);
    expect(await linesFrom(['\n'])).toEqual(['']);
    expect(await linesFrom(['last\r'])).toEqual(['last']);
    expect(await linesFrom([''])).toEqual([]);
    expect(await linesFrom([])).toEqual([]);
  });

  it('keeps a lone \\r inside its line (JSON whitespace, not a line end)', async () => {
    expect(await linesFrom(['{"a":\r1}\nb\rc\n'])).toEqual(['{"a":\r1}', 'b\rc']);
  });

  it('gives the same lines however the bytes arrive', async () => {
    const text = '{"id":"甲-1","note":"信访事项"}\r\n\n{"id":"乙"}\r\nnot json 中文\n{"a":\r2}\r\n末行';
    const whole = await linesFrom([text]);
    expect(whole).toEqual(['{"id":"甲-1","note":"信访事项"}', '', '{"id":"乙"}', 'not json 中文', '{"a":\r2}', '末行']);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(await linesFrom(chunked(text, size))).toEqual(whole);
      expect(await linesFrom(chunked(text, size), { lines: 1, bytes: 1 })).toEqual(whole);
    }
  });
});

describe('batches', () => {
  it('end at the line or byte limit, on a line end, numbered from line 1 with the bytes consumed', async () => {
    const text = 'one\ntwo\nthree\nfour\nfive';
    const byLines = await batchesOf([text], { lines: 2, bytes: 1 << 20 });
    expect(byLines.map((b) => [b.firstLine, b.lines, Buffer.from(b.bytes).toString()])).toEqual([
      [1, 2, 'one\ntwo\n'],
      [3, 2, 'three\nfour\n'],
      [5, 1, 'five'],
    ]);
    expect(byLines.map((b) => b.endByte)).toEqual([8, 19, 23]);
    const byBytes = await batchesOf([text], { lines: 100, bytes: 6 });
    expect(byBytes.map((b) => Buffer.from(b.bytes).toString())).toEqual(['one\ntwo\n', 'three\n', 'four\nfive']);
    expect(byBytes.map((b) => b.firstLine)).toEqual([1, 3, 4]);
  });

  it('hold a line longer than the byte limit whole, and own their bytes (transferable, never a view of a chunk)', async () => {
    const long = 'x'.repeat(100);
    const batches = await batchesOf(chunked(`${long}\nshort\n`, 16), { lines: 100, bytes: 10 });
    expect(batches.map((b) => Buffer.from(b.bytes).toString())).toEqual([`${long}\n`, 'short\n']);
    for (const b of batches) expect(b.bytes.byteOffset === 0 && b.bytes.buffer.byteLength === b.bytes.byteLength).toBe(true);
  });
});

describe('the bytes of a line', () => {
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('skip a byte order mark at the start of the input only (the batch whose first line is line 1)', () => {
    const withBom = bytes([0xef, 0xbb, 0xbf], 'a\r\n', [0xef, 0xbb, 0xbf], 'b\n');
    expect(linesOf(withBom, 1)).toEqual(['a', '\ufeffb']);
    expect(linesOf(withBom, 33)).toEqual(['\ufeffa', '\ufeffb']);
  });

  it('give NOT_UTF8 for a line that is not UTF-8, in its place; the other lines, CRLF and all, as usual', () => {
    const mixed = bytes('中文\r\n', [0x7b, 0xff, 0x7d], '\n', 'ok\r\n', [0xe4, 0xb8], '\n', 'last');
    expect(linesOf(mixed)).toEqual(['中文', NOT_UTF8, 'ok', NOT_UTF8, 'last']);
    // An overlong encoding and a lone surrogate are not UTF-8 either.
    expect(linesOf(bytes([0xc0, 0xaf], '\n', [0xed, 0xa0, 0x80]))).toEqual([NOT_UTF8, NOT_UTF8]);
    expect(linesOf(bytes([0xef, 0xbb, 0xbf], [0xff], '\nb'), 1)).toEqual([NOT_UTF8, 'b']);
  });
});
