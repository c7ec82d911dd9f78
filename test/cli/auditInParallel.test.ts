import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/cli/audit.js';
import { auditInParallel } from '../../src/cli/auditInParallel.js';
import { AuditWorkerError } from '../../src/cli/auditWorkerError.js';
import { summaryToJson, type AuditSummary } from '../../src/cli/auditSummary.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { RulePackError } from '../../src/errors/RulePackError.js';
import { fixtureDirectory, generateCases } from '../core/generateCases.js';
import { runCli } from './run.js';

/**
 * The parallel audit (worker threads, piscina) writes byte for byte what the sequential audit writes,
 * on a mixed input — valid and invalid cases, bad JSON, blank lines, CRLF, a lone CR inside a line,
 * Chinese text, a last line without newline — with several thread counts and batch sizes down to one
 * line, so that many batches are in flight and finish out of order. It also pauses reading while the
 * output is blocked, and fails (never hangs, never drops lines silently) when a worker dies.
 * Starting worker threads from the sources is slow (each loads tsx), so the pool tests run once, not
 * per time zone; the parallel path has nothing to do with dates.
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const asOf = '2024-06-30';
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const generated = generateCases(48, 7).map((c) => JSON.stringify(c.input));
const base = JSON.parse(generated[0]!) as Record<string, unknown>;
const lines = [
  ...generated.slice(0, 12),
  '',
  '{"id": "broken"',
  JSON.stringify({ ...base, id: 'unknown-organ', receivingOrgan: 'nowhere' }),
  '   ',
  JSON.stringify({ ...base, id: '信访-甲-1' }),
  'not json 中文',
  ...generated.slice(12, 30),
  'null',
  '[1, 2]',
  JSON.stringify({ ...base, id: 'lone-cr' }).replace(',', ',\r'),
  JSON.stringify({ id: 42 }),
  ...generated.slice(30),
];
// CRLF on every third line end; the last line has no newline at all.
const input = lines.map((l, i) => (i === lines.length - 1 ? l : `${l}${i % 3 === 0 ? '\r\n' : '\n'}`)).join('');

/** The input as chunks of `size` bytes, cut anywhere (inside a line, a CRLF, a Chinese character). */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(out);
}

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const json = (s: AuditSummary) => JSON.stringify(summaryToJson(s));

describe.runIf(once)('auditInParallel', () => {
  const runs = [
    { threads: 1, batch: { lines: 1 }, inFlight: 2, lang: 'en', withoutTrace: false, evaluator: 'compiled' },
    { threads: 2, batch: { lines: 3 }, inFlight: 16, lang: 'zh', withoutTrace: true, evaluator: 'compiled' },
    { threads: 3, batch: { lines: 5, bytes: 2048 }, inFlight: 4, lang: 'en', withoutTrace: false, evaluator: 'json-rules-engine' },
  ] as const;

  it.each(runs)('writes the sequential audit’s bytes and summary: $threads thread(s), $batch.lines line(s) a batch, $evaluator', async (run) => {
    const settings = { asOf, lang: run.lang, withoutTrace: run.withoutTrace };
    const expected = sink();
    const evaluator = createEvaluator({ directory: fixtureDirectory, evaluator: run.evaluator });
    const sequential = await audit(Readable.from([input]), expected.stream, { evaluator, ...settings });
    const actual = sink();
    const progress: number[] = [];
    const parallel = await auditInParallel(chunked(input, 1000), actual.stream, {
      evaluator: { directory: fixtureDirectory, evaluator: run.evaluator },
      ...settings,
      threads: run.threads,
      batch: run.batch,
      inFlight: run.inFlight,
      onProgress: (_, bytes) => progress.push(bytes),
    });
    expect(actual.text()).toBe(expected.text());
    expect(json(parallel)).toBe(json(sequential));

    // Order and completeness, and the records themselves, checked against the evaluator directly.
    const records = actual.text().trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; assessment?: { caseId: string }; error?: { issues: Array<{ message: string }> } });
    expect(records.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    expect(parallel.read).toBe(lines.length);
    expect(parallel.read).toBe(parallel.assessed + parallel.rejected);
    const first = await evaluator.evaluate(JSON.parse(lines[0]!), { asOf, lang: run.lang });
    expect(actual.text().split('\n')[0]).toBe(JSON.stringify({ line: 1, assessment: run.withoutTrace ? { ...first, trace: undefined } : first }));
    expect(records[12]!.error!.issues[0]!.message).toMatch(/blank line|空行/);
    expect(records[13]!.error!.issues[0]!.message).toMatch(/not valid JSON|不是有效的 JSON/);
    expect(records[16]!.assessment?.caseId).toBe('信访-甲-1');
    expect(records[lines.indexOf(lines.find((l) => l.includes('lone-cr'))!)]!.assessment?.caseId).toBe('lone-cr');
    expect(progress.at(-1)).toBe(Buffer.byteLength(input));
  });

  it('pauses reading while the output is blocked, and holds no more than the batches in flight', async () => {
    let pulled = 0;
    const endless = new Readable({
      highWaterMark: 64,
      read() {
        pulled++;
        this.push('\n'); // a blank line: rejected at once, so workers are never the bottleneck
      },
    });
    let written = false;
    const blocked = new Writable({ highWaterMark: 1, write: () => (written = true) }); // never calls back: never drains
    const running = auditInParallel(endless, blocked, { evaluator: { directory: fixtureDirectory }, asOf, threads: 2, batch: { lines: 10 }, inFlight: 4 });
    running.catch(() => {});
    let before = -1;
    while (!written || pulled !== before) {
      before = pulled;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // In flight: 4 batches of 10 lines (one of them being written), a part batch, and the stream's
    // own buffer of 64 bytes; some slack for the stream iterator.
    expect(pulled).toBeLessThan(4 * 10 + 10 + 64 + 50);
    blocked.destroy(new Error('reader went away'));
    await expect(running).rejects.toThrow('reader went away');
  });

  it('keeps memory flat: the records of written batches are let go', async () => {
    // 500 batches of a megabyte of records each pass through this thread; only the few in flight, and
    // what the garbage collector has not yet come for, may stay (a leak kept all 500 MB).
    let written = 0;
    let peak = 0;
    const discard = new Writable({ write: (chunk: Buffer, _, done) => ((written += chunk.length), done()) });
    await auditInParallel(Readable.from(['\n'.repeat(500)]), discard, {
      evaluator: {},
      asOf,
      threads: 2,
      batch: { lines: 1 },
      inFlight: 8,
      workerFile: new URL('./fixtures/workers/big-records.mjs', import.meta.url),
      onProgress: () => (peak = Math.max(peak, process.memoryUsage().external)),
    });
    expect(written).toBe(500 * 1024 * 1024);
    expect(peak).toBeLessThan(250 * 1024 * 1024);
  });

  it('fails, naming the lines, when a worker dies, throws, or cannot start; nothing waits forever', async () => {
    const text = `${generated.slice(0, 6).join('\n')}\n`;
    const worker = (name: string) => new URL(`./fixtures/workers/${name}.mjs`, import.meta.url);
    for (const [name, message] of [
      ['exits', /lines 1–2 \(worker exited with code: 3\); the records stop before line 1/],
      ['throws', /lines 1–2 \(something broke in the worker\)/],
      ['fails-to-start', /this worker cannot start/],
    ] as const) {
      const out = sink();
      const failed = auditInParallel(Readable.from([text]), out.stream, { evaluator: {}, asOf, threads: 2, batch: { lines: 2 }, workerFile: worker(name) });
      await expect(failed).rejects.toThrow(AuditWorkerError);
      await expect(failed).rejects.toThrow(message);
      expect(out.text()).toBe('');
    }
  });

  it('checks the evaluator options in this thread before any worker starts', async () => {
    const notAPack = mkdtempSync(join(tmp, 'empty-'));
    const failed = auditInParallel(Readable.from(['{}\n']), sink().stream, { evaluator: { packs: [notAPack] }, asOf, workerFile: new URL('./fixtures/workers/fails-to-start.mjs', import.meta.url) });
    await expect(failed).rejects.toThrow(RulePackError);
    await expect(failed).rejects.toThrow('no rule pack here');
  });
});

describe('audit --threads and --evaluator', () => {
  it('exits 2 with a clear message on a thread count that is not a whole number of at least 1', async () => {
    for (const value of ['0', 'two', '1.5', '-1', '']) {
      const { code, stderr } = await runCli(['audit', '-', '--as-of', asOf, `--threads=${value}`], { stdin: '\n' });
      expect(code).toBe(2);
      expect(stderr).toContain(`--threads must be a whole number of at least 1, not "${value}"`);
    }
  });

  it('exits 2 on an unknown evaluator, and once, with the loader’s message, on a folder that holds no pack', async () => {
    const evaluator = await runCli(['audit', '-', '--as-of', asOf, '--evaluator', 'fast'], { stdin: '\n' });
    expect(evaluator.code).toBe(2);
    expect(evaluator.stderr).toContain('--evaluator must be json-rules-engine or compiled, not "fast"');
    const notAPack = mkdtempSync(join(tmp, 'empty-'));
    const packs = await runCli(['audit', '-', '--as-of', asOf, '--packs', notAPack], { stdin: '\n' });
    expect(packs.code).toBe(2);
    expect(packs.stderr.match(/no rule pack here/g)).toHaveLength(1);
    expect(packs.stdout).toBe('');
  });
});
