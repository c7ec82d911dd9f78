import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/cli/audit.js';
import { auditBatch } from '../../src/cli/auditBatch.js';
import { auditInParallel } from '../../src/cli/auditInParallel.js';
import type { Evaluator } from '../../src/evaluate/createEvaluator.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { CaseValidationError } from '../../src/errors/CaseValidationError.js';
import { fixtureDirectory } from '../core/generateCases.js';
import { runCli } from './run.js';

/**
 * The CLI fault set (issue 11 §6–7): what a careless caller, a full disk or a runaway computation does
 * to an audit, and that each ends in one line naming the path or the line — exit 2 for what the caller
 * can fix, 3 for a fault of the program, never 1 (findings) and never a stack trace — while the lines
 * that can be assessed still are. Outputs that cannot be written are found before the first case is
 * read. /dev/full stands for a full disk: every write to it fails with ENOSPC. Audits start worker
 * threads, which is slow, and nothing here depends on the time zone: they run once, not per zone.
 */
const root = join(import.meta.dirname, '../..');
const directory = join(root, 'test/fixtures/directory.json');
const caseLine = readFileSync(join(import.meta.dirname, 'fixtures/case.json'), 'utf8').replace(/\s+/g, ' ').trim();
const other = JSON.stringify({ ...JSON.parse(caseLine), id: 'cli-letter-2' });
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const asOf = '2023-06-30';
const base = ['--directory', directory, '--as-of', asOf, '--threads', '1'];

type AuditLine = { line: number; assessment?: { caseId: string }; compact?: { caseId: string }; error?: { caseId?: string; issues: Array<{ path: string; message: string }> } };
const records = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as AuditLine);

/** One line on stderr (besides the note on the date, when --as-of is left out), and no stack frame. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe.runIf(once)('outputs that cannot be written: exit 2, one line naming the path, before any work', () => {
  it('--out into a folder that does not exist', async () => {
    const out = join(tmp, 'no-such-folder', 'out.ndjson');
    const { code, stdout, stderr } = await runCli(['audit', '-', ...base, '--out', out], { stdin: `${caseLine}\n` });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe(`petition-rules: --out ${out}: the folder ${join(tmp, 'no-such-folder')} does not exist`);
    expect(stdout).toBe('');
  });

  it('--out onto a folder', async () => {
    const { code, stderr } = await runCli(['audit', '-', ...base, '--out', tmp], { stdin: `${caseLine}\n` });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe(`petition-rules: --out ${tmp}: is a folder, not a file`);
  });

  it('--summary into a missing folder or onto a folder, checked before the run: no record is written, no file left', async () => {
    const summary = join(tmp, 'missing', 'summary.json');
    const missing = await runCli(['audit', '-', ...base, '--summary', summary], { stdin: `${caseLine}\n` });
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toBe(`petition-rules: --summary ${summary}: the folder ${join(tmp, 'missing')} does not exist`);
    expect(missing.stdout).toBe('');
    const folder = await runCli(['audit', '-', ...base, '--summary', tmp], { stdin: `${caseLine}\n` });
    expect(folder.code).toBe(2);
    expect(oneLine(folder.stderr)).toBe(`petition-rules: --summary ${tmp}: is a folder, not a file`);
    expect(folder.stdout).toBe('');
    // A --summary that can be written is tried without being left behind when the run then fails.
    const fresh = join(tmp, 'fresh-summary.json');
    const failed = await runCli(['audit', join(tmp, 'absent.ndjson'), ...base, '--summary', fresh]);
    expect(failed.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it.runIf(existsSync('/dev/full'))('--out on a full disk (ENOSPC)', async () => {
    const { code, stderr } = await runCli(['audit', '-', ...base, '--out', '/dev/full'], { stdin: `${caseLine}\n${other}\n` });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe('petition-rules: --out /dev/full: cannot be written: no space left on device (ENOSPC)');
  });

  it.runIf(existsSync('/dev/full'))('stdout on a full disk (ENOSPC)', async () => {
    const full = createWriteStream('/dev/full');
    const { code, stderr } = await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n`, stdout: full });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe('petition-rules: stdout: cannot be written: no space left on device (ENOSPC)');
    full.destroy();
  });

  it('a reader that goes away (EPIPE) ends the run quietly', async () => {
    const closed = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })) });
    closed.on('error', () => {});
    const { code, stderr } = await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n${other}\n` });
    expect(code).toBe(0);
    expect(stderr).not.toContain('error');
    const piped = await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n${other}\n`, stdout: closed });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });
});

describe.runIf(once)('what a line holds', () => {
  it('skips a UTF-8 byte order mark at the start of the input; elsewhere it is part of its line', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const stdin = Buffer.concat([bom, Buffer.from(`${caseLine}\n`), bom, Buffer.from(`${other}\n`)]);
    const { code, stdout } = await runCli(['audit', '-', ...base], { stdin });
    expect(code).toBe(0);
    const [first, second] = records(stdout);
    expect(first).toMatchObject({ line: 1, compact: { caseId: 'cli-letter-1' } });
    expect(second!.line).toBe(2);
    expect(second!.error!.issues[0]!.message).toMatch(/^not valid JSON/);
    // A file that starts with a BOM reads as the same file without it, record for record.
    const file = join(tmp, 'bom.ndjson');
    writeFileSync(file, Buffer.concat([bom, Buffer.from(`${caseLine}\n${other}\n`)]));
    const withBom = await runCli(['audit', file, ...base]);
    const without = await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n${other}\n` });
    expect(withBom.stdout).toBe(without.stdout);
  });

  it('rejects a line that is not UTF-8 with its number; the lines around it are assessed', async () => {
    const stdin = Buffer.concat([
      Buffer.from(`${caseLine}\n`),
      Buffer.from('{"id": "bad-\xff"}\n', 'latin1'), // 0xFF never occurs in UTF-8
      Buffer.from(`${other}\n`),
      Buffer.from([0x7b, 0x22, 0xe4, 0xbf, 0x22, 0x7d, 0x0a]), // {"<two bytes of a three-byte character>"}
      Buffer.from(caseLine),
    ]);
    const { code, stdout, stderr } = await runCli(['audit', '-', ...base], { stdin });
    expect(code).toBe(0);
    const out = records(stdout);
    expect(out.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(out[1]).toEqual({ line: 2, error: { issues: [{ path: '', message: 'not valid UTF-8 text' }] } });
    expect(out[3]).toEqual({ line: 4, error: { issues: [{ path: '', message: 'not valid UTF-8 text' }] } });
    expect([out[0], out[2], out[4]].map((r) => r!.compact?.caseId)).toEqual(['cli-letter-1', 'cli-letter-2', 'cli-letter-1']);
    expect(stderr).toMatch(/read\s+5\n\s+assessed\s+3\n\s+rejected\s+2/);
    const zh = await runCli(['audit', '-', ...base, '--lang', 'zh'], { stdin });
    expect(records(zh.stdout)[1]!.error!.issues[0]!.message).toBe('不是有效的 UTF-8 文本');
  });

  it('reads CRLF line ends as LF ones: the same records', async () => {
    const lines = [caseLine, '', '{"broken"', other];
    const lf = await runCli(['audit', '-', ...base], { stdin: `${lines.join('\n')}\n` });
    const crlf = await runCli(['audit', '-', ...base], { stdin: `${lines.join('\r\n')}\r\n` });
    expect(crlf.stdout).toBe(lf.stdout);
    expect(records(crlf.stdout).map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(records(crlf.stdout)[3]!.compact?.caseId).toBe('cli-letter-2');
  });
});

describe('faults of the program: "internal error", exit 3, never passed off as bad input', () => {
  it('an assessment that fails unexpectedly is a record saying "internal error", counted apart', async () => {
    const real = createEvaluator({ directory: fixtureDirectory, evaluator: 'compiled' });
    const broken = {
      kind: 'compiled',
      stringify: (value: unknown) => real.stringify(value as never),
      evaluateSync: (input: unknown) => {
        if ((input as { id?: string }).id === 'cli-letter-2') throw new TypeError("Cannot read properties of undefined (reading 'on')");
        if ((input as { id?: string }).id === 'invalid') throw new CaseValidationError([{ path: 'receivedOn', message: 'required' }]);
        return real.evaluateSync(input, { asOf });
      },
    } as unknown as Evaluator;
    let out = '';
    const text = `${caseLine}\n${other}\n{"id":"invalid"}\n`;
    const summary = await auditBatch(Buffer.from(text), 1, broken, { asOf, lang: 'en', withoutTrace: true }, (r) => (out += r));
    const [first, internal, invalid] = records(out);
    expect(first).toMatchObject({ line: 1, assessment: { caseId: "cli-letter-1" } });
    expect(internal).toEqual({
      line: 2,
      error: { caseId: 'cli-letter-2', issues: [{ path: '', message: "internal error (a fault of the program, not of this line): TypeError: Cannot read properties of undefined (reading 'on')" }] },
    });
    expect(invalid!.error!.issues).toEqual([{ path: 'receivedOn', message: 'required' }]);
    expect(summary).toMatchObject({ read: 3, assessed: 1, rejected: 2, internalErrors: 1, timedOut: 0 });
  });

  it('an error the CLI did not expect: one line "internal error", exit 3 (the stack only with PETITION_RULES_DEBUG=1)', async () => {
    vi.resetModules();
    vi.doMock('../../src/cli/commands/schema.js', () => ({
      schemaCommand: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'title')");
      },
    }));
    try {
      const { main } = await import('../../src/cli/main.js');
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (c: Buffer) => (err += c.toString()));
      const io = { stdin: Readable.from(['']), stdout: new PassThrough(), stderr, stderrIsTTY: false, cwd: root, today: () => asOf };
      expect(await main(['schema'], io)).toBe(3);
      expect(oneLine(err)).toBe("petition-rules: internal error (a fault of the program, not of the input): TypeError: Cannot read properties of undefined (reading 'title')");
      err = '';
      expect(await main(['schema', '--lang', 'zh'], { ...io, debug: true })).toBe(3);
      expect(err).toMatch(/^petition-rules: 内部错误（程序故障，并非输入的问题）：TypeError/);
      expect(err).toMatch(/^\s+at /m);
    } finally {
      vi.doUnmock('../../src/cli/commands/schema.js');
      vi.resetModules();
    }
  });

  it('options an evaluator refuses are bad input (exit 2), not an internal error', async () => {
    const twice = join(tmp, 'twice.json');
    const organs = JSON.parse(readFileSync(directory, 'utf8')) as unknown[];
    writeFileSync(twice, JSON.stringify([...organs, organs[0]]));
    for (const command of [['audit', '-'], ['evaluate', '-']]) {
      const { code, stderr } = await runCli([...command, '--directory', twice, '--as-of', asOf], { stdin: caseLine });
      expect(code).toBe(2);
      expect(oneLine(stderr)).toMatch(/^petition-rules: invalid organ directory: organ id "[^"]+" appears twice$/);
    }
  });
});

describe.runIf(once)('a worker that runs past the time limit on a batch', () => {
  const loops = new URL('./fixtures/workers/loops.ts', import.meta.url);

  it('is stopped; its lines are rejections naming the limit, with their numbers, and the rest of the audit goes on', async () => {
    const cases = Array.from({ length: 8 }, (_, i) => JSON.stringify({ ...JSON.parse(caseLine), id: i === 2 ? 'loop-forever' : `case-${i + 1}` }));
    const text = `${cases.join('\n')}\n`;
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (c: Buffer, _, done) => (chunks.push(c), done()) });
    const started = Date.now();
    const summary = await auditInParallel(Readable.from([text]), sink, {
      evaluator: { directory: fixtureDirectory },
      asOf,
      withoutTrace: true,
      threads: 2,
      batch: { lines: 2 },
      batchTimeoutMs: 1500,
      workerFile: loops,
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    const out = records(Buffer.concat(chunks).toString('utf8'));
    expect(out.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const message = 'not assessed: the batch holding lines 3–4 ran past the time limit of 1500 ms a batch (--batch-timeout) and its worker was stopped';
    expect(out[2]).toEqual({ line: 3, error: { issues: [{ path: '', message }] } });
    expect(out[3]).toEqual({ line: 4, error: { issues: [{ path: '', message }] } });
    expect([0, 1, 4, 5, 6, 7].map((i) => out[i]!.assessment?.caseId)).toEqual(['case-1', 'case-2', 'case-5', 'case-6', 'case-7', 'case-8']);
    expect(summary).toMatchObject({ read: 8, assessed: 6, rejected: 2, timedOut: 2, internalErrors: 0 });

    // The records of the lines assessed are those of the sequential audit, byte for byte.
    const expected: Buffer[] = [];
    await audit(Readable.from([text]), new Writable({ write: (c: Buffer, _, done) => (expected.push(c), done()) }), {
      evaluator: createEvaluator({ directory: fixtureDirectory }),
      asOf,
      withoutTrace: true,
    });
    const sequential = Buffer.concat(expected).toString('utf8').split('\n');
    const parallel = Buffer.concat(chunks).toString('utf8').split('\n');
    for (const i of [0, 1, 4, 5, 6, 7]) expect(parallel[i]).toBe(sequential[i]);
  }, 60_000);

  it('--batch-timeout takes whole milliseconds, 0 for no limit', async () => {
    for (const value of ['-1', '1.5', 'soon', '']) {
      const { code, stderr } = await runCli(['audit', '-', ...base, `--batch-timeout=${value}`], { stdin: '\n' });
      expect(code).toBe(2);
      expect(stderr).toContain(`--batch-timeout must be a whole number of milliseconds (0 for no limit), not "${value}"`);
    }
    const { code, stdout } = await runCli(['audit', '-', ...base, '--batch-timeout', '0'], { stdin: `${caseLine}\n` });
    expect(code).toBe(0);
    expect(records(stdout)[0]!.compact?.caseId).toBe('cli-letter-1');
  });
});

/** The real process, for what only a process shows: its stdout a full disk, and a stop or a kill in mid-run. */
function spawnCli(args: string[], stdio: { stdin?: string; stdoutFd?: number } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, stdio: ['pipe', stdio.stdoutFd ?? 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin!.on('error', () => {});
  child.stdin!.end(stdio.stdin ?? '');
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

describe.runIf(once)('the petition-rules process under faults', () => {
  it.runIf(existsSync('/dev/full'))('stdout on a full disk: exit 2, one line, no stack', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const { done } = spawnCli(['audit', '-', ...base], { stdin: `${caseLine}\n${other}\n`, stdoutFd: fd });
      const { code, stderr } = await done;
      expect(code).toBe(2);
      expect(oneLine(stderr)).toBe('petition-rules: stdout: cannot be written: no space left on device (ENOSPC)');
    } finally {
      closeSync(fd);
    }
  }, 60_000);

  const killedAudit = async (signal: NodeJS.Signals) => {
    const dir = join(tmp, `killed-${signal}`);
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'cases.ndjson');
    writeFileSync(input, `${Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ ...JSON.parse(caseLine), id: `k-${i + 1}` })).join('\n')}\n`);
    const out = join(dir, 'out.ndjson');
    const { child, done } = spawnCli(['audit', input, '--directory', directory, '--as-of', asOf, '--threads', '2', '--out', out]);
    while (!existsSync(out) || statSync(out).size < 200_000) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill(signal);
    const result = await done;
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(0);
    return { ...result, text };
  };
  /** Every whole line a record, numbered from 1 without a gap, each the case of its line. */
  const wholeAndGapless = (text: string) => {
    const written = records(text);
    expect(written.map((r) => r.line)).toEqual(written.map((_, i) => i + 1));
    expect(written.every((r, i) => r.compact?.caseId === `k-${i + 1}`)).toBe(true);
  };

  it('told to stop (SIGTERM) in mid-run, finishes the writes under way: only whole records, numbered from 1 without a gap; exit 143', async () => {
    const { code, signal, stderr, text } = await killedAudit('SIGTERM');
    expect(signal).toBeNull();
    expect(code).toBe(143); // 128 + 15: stopped by the signal, before it finished (or the test proves nothing)
    expect(stderr).not.toMatch(/error/i);
    expect(text.endsWith('\n')).toBe(true);
    wholeAndGapless(text);
  }, 120_000);

  it('killed (SIGKILL, which cannot be caught) in mid-run: the lines before the last are whole records without a gap', async () => {
    const { signal, text } = await killedAudit('SIGKILL');
    expect(signal).toBe('SIGKILL');
    // The kernel may cut the write under way, so the last line may be a part of a record; never another.
    wholeAndGapless(text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1));
  }, 120_000);
});
