import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth, progressLine } from '../../src/cli/auditProgress.js';
import { editDistance, nearestName } from '../../src/cli/nearestName.js';
import { runCli } from './run.js';

/**
 * The CLI follows the conventions of command-line tools (issue 12 §6): help that prints its rules
 * legibly, a folder given for a file named as such, unknown options named with the nearest known
 * one, `--lang zh` for every message, and a progress line that fits the terminal, shows rate and
 * time left, and is drawn only on a terminal that can redraw it.
 */
const root = join(import.meta.dirname, '../..');
const directory = join(root, 'test/fixtures/directory.json');
const caseFile = join(import.meta.dirname, 'fixtures/case.json');
const caseLine = readFileSync(caseFile, 'utf8').replace(/\s+/g, ' ').trim();
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-conventions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = ['--directory', directory, '--as-of', '2023-06-30', '--threads', '1'];
/** Audits start worker threads (slow) and the time zone plays no part: run once, not per zone. */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';

describe('help', () => {
  it('audit --help writes the line-ending rule with its escapes visible, not as line breaks', async () => {
    const { code, stdout } = await runCli(['audit', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('A line ends at a line feed (LF, written \\n) or at CR LF (\\r\\n);');
    expect(stdout).toContain('a lone CR (\\r) stays part of its line');
    expect(stdout).not.toContain('\r');
    expect(stdout).toContain('--batch-timeout MS');
  });

  it('documents exit code 3, internal error', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}3 {2}internal error: the program itself failed/m);
  });
});

describe('a folder where a file is meant says so', () => {
  it('for the input of evaluate and audit, --directory and --calendar (exit 2, one line)', async () => {
    for (const [args, what] of [
      [['evaluate', tmp, '--directory', directory, '--as-of', '2023-06-30'], `case file ${tmp}`],
      [['audit', tmp, ...base], `cases ${tmp}`],
      [['evaluate', caseFile, '--directory', tmp, '--as-of', '2023-06-30'], `organ directory ${tmp}`],
      [['evaluate', caseFile, '--directory', directory, '--as-of', '2023-06-30', '--calendar', tmp], `calendar file ${tmp}`],
    ] as const) {
      const { code, stderr } = await runCli([...args]);
      expect(code).toBe(2);
      expect(stderr).toBe(`petition-rules: ${what}: is a folder, not a file\n`);
    }
  });

  it('and a file where a folder of packs is meant', async () => {
    const { code, stderr } = await runCli(['rules', '--packs', caseFile]);
    expect(code).toBe(2);
    expect(stderr).toBe(`petition-rules: --packs ${caseFile}: is a file, not a folder of packs\n`);
  });
});

describe('unknown options', () => {
  it('-v is an unknown option that points to --version, with or without a command', async () => {
    for (const args of [['-v'], ['audit', '-', '-v'], ['rules', '-v']]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe('petition-rules: unknown option -v (did you mean --version?)');
    }
  });

  it('a misspelt option suggests the nearest the command knows; one far from all suggests none', async () => {
    const cases = [
      [['audit', '-', '--thread', '2'], 'unknown option --thread (did you mean --threads?)'],
      [['audit', '-', '--summry=x.json'], 'unknown option --summry (did you mean --summary?)'],
      [['evaluate', '-', '--jsno'], 'unknown option --jsno (did you mean --json?)'],
      [['rules', '--coverge'], 'unknown option --coverge (did you mean --coverage?)'],
      [['rules', '--frobnicate'], 'unknown option --frobnicate'],
    ] as const;
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli([...args]);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(`petition-rules: ${message}`);
    }
    expect((await runCli(['evalute'])).stderr).toContain('unknown command "evalute" (did you mean evaluate?)');
  });

  it('in Chinese with --lang zh', async () => {
    const { stderr } = await runCli(['audit', '-', '--lang', 'zh', '-v']);
    expect(stderr).toBe('petition-rules: 未知选项 -v（是否想用 --version？）\n用法见 petition-rules --help。\n');
  });

  it('nearest by edit distance, within a third of the name', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(nearestName('--out', ['--out', '--as-of'])).toBe('--out');
    expect(nearestName('--fail-on-finding', ['--fail-on-overdue', '--fail-on-findings'])).toBe('--fail-on-findings');
    expect(nearestName('--xyz', ['--json', '--trace'])).toBeUndefined();
    expect(nearestName('-t', ['--as-of', '--threads', '--trace'])).toBe('--threads');
  });
});

describe('--lang zh applies to every message, headline and summary', () => {
  it('the audit summary, the note on the date, and the records’ own messages', async () => {
    const { code, stdout, stderr } = await runCli(['audit', '-', '--directory', directory, '--threads', '1', '--lang', 'zh'], { stdin: `${caseLine}\n\n`, today: '2023-06-30' });
    expect(code).toBe(0);
    expect(stderr).toContain('petition-rules: 未给出 --as-of；按 2023-06-30（Asia/Shanghai 时区的今天）评估');
    expect(stderr).toContain('审核汇总（截至 2023-06-30）');
    expect(stderr).toMatch(/读取 +2\n {2}已评估 +1\n {2}已拒绝 +1/);
    expect(stderr).toContain('逾期义务，按机关（');
    expect(stderr).toContain('问责发现，按编号');
    // Only the data stays as it is: obligation and finding ids, and organ names as the directory gives them.
    expect(stderr).not.toMatch(/audit summary|overdue obligations|findings by|provisional due dates|\bread\b|assessed|rejected|\(none\)/);
    expect(stdout.split('\n')[1]).toBe('{"line":2,"error":{"issues":[{"path":"","message":"空行：没有案件"}]}}');
  });

  it('errors of files and options', async () => {
    const out = join(tmp, 'missing', 'out.ndjson');
    expect((await runCli(['audit', '-', ...base, '--lang', 'zh', '--out', out])).stderr).toBe(`petition-rules: --out ${out}：文件夹 ${join(tmp, 'missing')} 不存在\n`);
    expect((await runCli(['audit', '-', ...base, '--lang', 'zh', '--threads', 'two'])).stderr.split('\n')[0]).toBe('petition-rules: --threads 须为不小于 1 的整数，而不是"two"');
    expect((await runCli(['evaluate', tmp, '--lang', 'zh'])).stderr).toBe(`petition-rules: case file ${tmp}：是文件夹，不是文件\n`);
     expect((await runCli(['schema', 'nope', '--lang', 'zh'])).stderr.split('\n')[0]).toMatch(/^petition-rules: 没有模式"nope"（已知：case、/);
    expect((await runCli(['test', join(tmp, 'none'), '--lang', 'zh'])).stderr.split('\n')[0]).toBe(`petition-rules: 找不到：${join(tmp, 'none')}`);
  });

  it('the headline over an invalid case’s problems', async () => {
    const { code, stderr } = await runCli(['evaluate', '-', '--as-of', '2023-06-30', '--lang', 'zh'], { stdin: '{"id":"x","receivedOn":"2023-13-01","channel":"letter","class":"appeal","receivingOrgan":"qt-petition"}' });
    expect(code).toBe(2);
    const problems = stderr.split('\n').filter((l) => l.startsWith('  - ')).length;
    expect(stderr.split('\n')[0]).toBe(`案件"x"无效（${problems} 个问题）：`);
    expect(stderr).toContain('  - receivedOn: 必须是真实的日历日期，格式为 YYYY-MM-DD');
  });
});

/** The frames cli-progress drew: each is written after moving to column 1 and followed by "clear to the right". */
function frames(stderr: string): string[] {
  return [...stderr.matchAll(/\x1b\[1G([^\x1b]*)\x1b\[0K/g)].map((m) => m[1]!);
}

describe.runIf(once)('the progress line', () => {
  const file = join(tmp, 'cases.ndjson');
  writeFileSync(file, `${Array.from({ length: 100 }, (_, i) => JSON.stringify({ ...JSON.parse(caseLine), id: `p-${i + 1}` })).join('\n')}\n`);

  it('fits the terminal, shows share, rate and time left, and is cleared before the summary', async () => {
    const { code, stderr } = await runCli(['audit', file, ...base, '--out', join(tmp, 'out.ndjson')], { tty: 60 });
    expect(code).toBe(0);
    const drawn = frames(stderr);
    expect(drawn.length).toBeGreaterThan(0);
    for (const frame of drawn) expect(displayWidth(frame)).toBeLessThan(60);
    expect(drawn.at(-1)).toMatch(/^\[█+\] 100% read 100 · rejected 0 · \d+\/s · ETA 0s$/);
    expect(stderr).toMatch(/\x1b\[2Kaudit summary/); // the line is cleared, the summary starts clean
  });

  it('on a narrow terminal keeps the counts and drops the bar; on stdin, no share and no ETA', async () => {
    const narrow = frames((await runCli(['audit', file, ...base, '--out', join(tmp, 'out.ndjson')], { tty: 30 })).stderr);
    for (const frame of narrow) expect(displayWidth(frame)).toBeLessThan(30);
    expect(narrow.at(-1)).toMatch(/^100% read 100 · rejected 0/);
    const piped = frames((await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n`, tty: 80 })).stderr);
    expect(piped.at(-1)).toMatch(/^read 1 · rejected 0 · \d+\/s$/);
  });

  it('stays off for TERM=dumb and when stderr is not a terminal', async () => {
    for (const options of [{ tty: 80, term: 'dumb' }, {}]) {
      const { stderr } = await runCli(['audit', '-', ...base], { stdin: `${caseLine}\n`, ...options });
      expect(stderr).not.toContain('\x1b');
      expect(stderr.startsWith('audit summary')).toBe(true);
    }
  });

  it('is drawn in Chinese with --lang zh, wide characters counted as two columns', () => {
    const line = progressLine('zh', 70, { read: 1234, rejected: 5, rate: 321.4 }, 0.5, 75);
    expect(line).toMatch(/^\[█+░+\]  50% 已读 1234 · 已拒绝 5 · 321件\/秒 · 剩余 1m15s$/);
    expect(displayWidth(line)).toBeLessThan(70);
    // 40 columns: no room for a bar of 10 or for the time left; what is shown still fits.
    const narrow = progressLine('zh', 40, { read: 1234, rejected: 5, rate: 321.4 }, 0.5, 75);
    expect(narrow).toBe(' 50% 已读 1234 · 已拒绝 5 · 321件/秒');
    expect(displayWidth(narrow)).toBeLessThan(40);
    expect(displayWidth('已读')).toBe(4);
    expect(progressLine('en', 10, { read: 1234567, rejected: 0, rate: 1 }, undefined, undefined)).toBe('read 1234');
  });
});
