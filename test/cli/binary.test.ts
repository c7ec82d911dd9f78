import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The real `petition-rules` process (src/cli/index.ts run by tsx, as `npx tsx src/cli/index.ts`):
 * exit codes reach the shell, stdin is read, stderr (a pipe here) gets no progress line, and a reader
 * that stops early does not crash the audit. Spawning is slow, so this runs once, not per time zone.
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';

function cli(args: string[], stdin = '', { closeStdoutAfterFirstLine = false } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (closeStdoutAfterFirstLine && stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the child may exit before reading everything
    child.stdin.end(stdin);
  });
}

describe.runIf(once)('the petition-rules process', () => {
  const caseJson = readFileSync(join(import.meta.dirname, 'fixtures/case.json'), 'utf8');
  const directory = 'test/fixtures/directory.json';

  it('audits NDJSON from stdin: records on stdout, the summary (and no progress line) on a piped stderr', async () => {
    const line = caseJson.replace(/\s+/g, ' ').trim();
    const { code, stdout, stderr } = await cli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30', '--fail-on-overdue'], `${line}\nnot json\n${line}\n`);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([1, 2, 3]);
    expect(stderr).toMatch(/read\s+3\n\s+assessed\s+2\n\s+rejected\s+1/);
    expect(stderr).not.toContain('\r');
    expect(code).toBe(1); // --fail-on-overdue: the case's conclusion is overdue on 30 June
  }, 60_000);

  it('stops quietly when the reader goes away', async () => {
    const line = caseJson.replace(/\s+/g, ' ').trim();
    const { code, stderr } = await cli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30'], `${Array(200).fill(line).join('\n')}\n`, { closeStdoutAfterFirstLine: true });
    expect(stderr).not.toContain('unexpected error');
    expect(code).toBe(0);
  }, 60_000);
});
