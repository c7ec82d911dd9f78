import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { generateCases } from '../../examples/audit/generate-cases.js';
import { AS_OF, generatorFile } from './paths.js';

/**
 * The bench's cases come from the one realistic generator, examples/audit/generate-cases.ts: in memory
 * for the evaluate corpus, streamed to an NDJSON file for the audit (a million cases never sit in
 * memory). Files are kept in the temp folder, named by seed, count and a hash of the generator's
 * source, so a re-run reuses them and a changed generator never reuses a stale file (and removes them).
 */

export const corpusDir = join(tmpdir(), 'petition-rules-bench');

/** The first `count` cases of `seed`, as NDJSON lines (what the audit file starts with). */
export function corpusLines(count: number, seed: number): string[] {
  return [...generateCases(count, { seed, until: AS_OF })];
}

/** Writes `count` cases to an NDJSON file line by line, honouring back-pressure; reuses an identical earlier file. */
export async function corpusFile(count: number, seed: number): Promise<{ file: string; reused: boolean; ms: number }> {
  const version = createHash('sha256').update(readFileSync(generatorFile)).digest('hex').slice(0, 12);
  mkdirSync(corpusDir, { recursive: true });
  const file = join(corpusDir, `cases-seed${seed}-${count}-${version}.ndjson`);
  if (existsSync(file)) return { file, reused: true, ms: 0 };
  // Files of an earlier version of the generator will not be read again.
  for (const old of readdirSync(corpusDir)) if (/^cases-.*\.ndjson$/.test(old) && !old.endsWith(`-${version}.ndjson`)) rmSync(join(corpusDir, old), { force: true });
  const started = performance.now();
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  let chunk = '';
  for (const line of generateCases(count, { seed, until: AS_OF })) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  renameSync(partial, file);
  return { file, reused: false, ms: performance.now() - started };
}
