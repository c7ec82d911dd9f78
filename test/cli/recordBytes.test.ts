import { describe, expect, it } from 'vitest';
import { RecordBytes } from '../../src/cli/recordBytes.js';

/** A worker's records as bytes: the UTF-8 of the records joined, however large, in a buffer of their own. */
describe('RecordBytes', () => {
  it('gives the UTF-8 of the records written since the last take, growing past its first megabyte', () => {
    const bytes = new RecordBytes();
    const records = ['{"line":1,"error":"空行"}\n', `{"line":2,"x":"${'信访'.repeat(300_000)}"}\n`, '{"line":3}\n'];
    for (const r of records) bytes.write(r);
    const out = bytes.take();
    expect(Buffer.from(out).toString('utf8')).toBe(records.join(''));
    bytes.write('{"line":4}\n');
    const next = bytes.take();
    expect(Buffer.from(next).toString('utf8')).toBe('{"line":4}\n');
    // Each batch's bytes start a buffer of their own (transferable), never touched again by the writer.
    expect(out.byteOffset).toBe(0);
    expect(next.buffer).not.toBe(out.buffer);
    expect(Buffer.from(out).toString('utf8')).toBe(records.join(''));
  });

  it('forgets a half-written batch on discard', () => {
    const bytes = new RecordBytes();
    bytes.write('{"line":1}\n');
    bytes.discard();
    bytes.write('{"line":9}\n');
    expect(Buffer.from(bytes.take()).toString('utf8')).toBe('{"line":9}\n');
  });
});
