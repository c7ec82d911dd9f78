import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

/**
 * The CLI in-process (same code as the binary, with in-memory streams): each command, its options and
 * its exit codes. test/cli/binary.test.ts spawns the real binary for what only a process shows.
 */
const root = join(import.meta.dirname, '../..');
const directory = join(root, 'test/fixtures/directory.json');
const caseFile = join(import.meta.dirname, 'fixtures/case.json');
const caseJson = readFileSync(caseFile, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('petition-rules (overall)', () => {
  it('prints help and exits 0 with --help; exits 2 with usage on stderr without a command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes');
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: petition-rules <command>');
    const audit = await runCli(['audit', '--help']);
    expect(audit.stdout).toContain('read = assessed + rejected');
    expect((await runCli(['help', 'schema'])).stdout).toContain('Usage: petition-rules schema');
  });

  it('exits 2 on an unknown command or option, naming it', async () => {
    const cmd = await runCli(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('unknown command "frobnicate"');
    const opt = await runCli(['rules', '--frobnicate']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('unknown option --frobnicate');
  });

  it('prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });
});

describe('evaluate', () => {
  it('takes a holiday notice published since the release with --calendar, and refuses a bad one naming the field', async () => {
    // Accepted 2026-12-08: 60 days end on Saturday 2027-02-06. Projected, the Spring Festival makes it
    // Thursday 11 February (provisional); the notice in the fixture (5–13 February off) makes it Monday 15th.
    const late = join(tmp, 'late-2026.json');
    writeFileSync(late, JSON.stringify({ id: 'late-2026', receivedOn: '2026-12-01', channel: 'letter', class: 'appeal', legalRoute: 'petition', receivingOrgan: 'qt-petition', handlingOrgan: 'qt-nr', events: [{ type: 'accepted', on: '2026-12-08', by: 'qt-nr' }] }));
    const notice = join(root, 'test/fixtures/notice-2027.json');
    const conclude = (stdout: string) => (JSON.parse(stdout) as { obligations: Array<{ id: string; dueOn: string; provisional?: unknown }> }).obligations.find((o) => o.id === 'conclude');
    const projected = await runCli(['evaluate', late, '--directory', directory, '--as-of', '2026-12-20', '--json']);
    expect(projected.code).toBe(0);
    expect(conclude(projected.stdout)).toMatchObject({ dueOn: '2027-02-11', provisional: { years: [2027] } });
    const firm = await runCli(['evaluate', late, '--directory', directory, '--as-of', '2026-12-20', '--json', '--calendar', notice]);
    expect(firm.code).toBe(0);
    expect(conclude(firm.stdout)).toMatchObject({ dueOn: '2027-02-15' });
    expect(conclude(firm.stdout)?.provisional).toBeUndefined();
    const bad = join(tmp, 'bad-notice.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(notice, 'utf8')), makeUpWorkingDays: [{ date: '2027-02-17', for: { en: 'Spring Festival', zh: '春节' } }] }));
    const refused = await runCli(['evaluate', late, '--directory', directory, '--as-of', '2026-12-20', '--calendar', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('calendarYears[0].makeUpWorkingDays[0].date: make-up working day 2027-02-17 is a Wednesday');
    const strict = await runCli(['evaluate', late, '--directory', directory, '--as-of', '2026-12-20', '--json', '--policy', 'calendarCoverage=strict']);
    expect(conclude(strict.stdout)).toMatchObject({ dueOn: null, status: 'undetermined' });
  });

  it('prints the explained assessment, with the date it was made for', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Petition case cli-letter-1 — assessed as of 2023-03-10');
    expect(stdout).toContain('Who is responsible');
    expect(stdout).toContain('· basis: ');
  });

  it('reads the case from stdin with -, in Chinese', async () => {
    const { code, stdout } = await runCli(['evaluate', '-', '--directory', directory, '--as-of', '2023-03-10', '--lang', 'zh'], { stdin: caseJson });
    expect(code).toBe(0);
    expect(stdout).toContain('信访事项 cli-letter-1');
    expect(stdout).toContain('属地管理、分级负责');
  });

  it('prints the assessment as JSON with --json', async () => {
    const { code, stdout } = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--json']);
    expect(code).toBe(0);
    const a = JSON.parse(stdout);
    expect(a.caseId).toBe('cli-letter-1');
    expect(a.asOf).toBe('2023-03-10');
    expect(Array.isArray(a.responsibilities)).toBe(true);
  });

  it('defaults --as-of to today in China and says so on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', caseFile, '--directory', directory], { today: '2023-03-12' });
    expect(code).toBe(0);
    expect(stderr).toContain('assessing as of 2023-03-12 (today in Asia/Shanghai)');
    expect(stdout).toContain('assessed as of 2023-03-12');
  });

  it('exits 2 with every problem of an invalid case', async () => {
    const { code, stdout, stderr } = await runCli(['evaluate', caseFile, '--as-of', '2023-03-10', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown organ "qt-petition"');
    const { error } = JSON.parse(stdout);
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['receivingOrgan', 'handlingOrgan']));
  });

  it('exits 2 on a missing file, bad JSON, a bad date or a bad option value', async () => {
    expect((await runCli(['evaluate', 'nope.json', '--as-of', '2023-03-10'])).code).toBe(2);
    const bad = await runCli(['evaluate', '-', '--as-of', '2023-03-10'], { stdin: '{not json' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid JSON');
    const date = await runCli(['evaluate', caseFile, '--as-of', '2023-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--as-of must be a real calendar date');
    expect((await runCli(['evaluate', caseFile, '--lang', 'fr'])).code).toBe(2);
    const policy = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--policy', 'noSuchOption=1']);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain('unknown policy option');
    expect((await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--jurisdiction', 'atlantis'])).code).toBe(2);
  });

  it('exits 1 with --fail-on-overdue when an obligation is overdue, 0 otherwise', async () => {
    const late = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-06-30', '--fail-on-overdue']);
    const early = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--fail-on-overdue']);
    expect(early.code).toBe(0);
    expect(late.code).toBe(late.stdout.includes('overdue') ? 1 : 0);
  });

  it('applies policy overrides given as key=value', async () => {
    const { code, stdout } = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--policy', 'holidayRollover=false', '--policy', 'warningDays=5']);
    expect(code).toBe(0);
    expect(stdout).toContain('holidayRollover = false');
    expect(stdout).toContain('warningDays = 5');
    expect(stdout).toMatch(/warningDays = 5 — .*set by the caller/);
  });
});

describe('audit', () => {
  const lines = [
    caseJson.replace(/\s+/g, ' ').trim(),
    '',
    '{"id": "broken"',
    JSON.stringify({ ...JSON.parse(caseJson), id: 'cli-letter-2', receivingOrgan: 'nowhere' }),
    JSON.stringify({ ...JSON.parse(caseJson), id: 'cli-letter-3' }),
  ];

  it('writes one record per input line, in order, and a summary where read = assessed + rejected', async () => {
    const { code, stdout, stderr } = await runCli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30'], { stdin: `${lines.join('\n')}\n` });
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0].compact.caseId).toBe('cli-letter-1');
    expect(records[1].error.issues[0].message).toContain('blank line');
    expect(records[2].error.issues[0].message).toContain('not valid JSON');
    expect(records[3].error.caseId).toBe('cli-letter-2');
    expect(records[3].error.issues[0].path).toBe('receivingOrgan');
    expect(records[4].compact.caseId).toBe('cli-letter-3');
    expect(stderr).toMatch(/read\s+5\n\s+assessed\s+2\n\s+rejected\s+3/);
    expect(stderr).toContain('overdue obligations by organ');
    expect(stderr).toContain('findings by id');
    expect(stderr).not.toContain('\r');
  });

  it('writes to --out and the summary as JSON to --summary; --fail-on-rejected exits 2', async () => {
    const input = join(tmp, 'cases.ndjson');
    writeFileSync(input, lines.join('\r\n'));
    const out = join(tmp, 'out.ndjson');
    const summary = join(tmp, 'summary.json');
    const { code, stdout } = await runCli(['audit', input, '--directory', directory, '--as-of', '2023-06-30', '--out', out, '--summary', summary, '--fail-on-rejected', '--without-trace']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(5);
    expect(records[0].compact.caseId).toBe('cli-letter-1');
    expect(records[0].compact.trace).toBeUndefined();
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    expect(s).toMatchObject({ asOf: '2023-06-30', read: 5, assessed: 2, rejected: 3 });
    expect(s.read).toBe(s.assessed + s.rejected);
    const overdueById = s.overdueObligations.byId.reduce((n: number, e: { count: number }) => n + e.count, 0);
    expect(overdueById).toBe(s.overdueObligations.total);
  });

  it('draws a progress line only when stderr is a terminal (test/cli/conventions.test.ts: its width, rate, TERM=dumb)', async () => {
    const { stderr } = await runCli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30'], { stdin: lines[0], tty: true });
    expect(stderr).toContain('read 1 · rejected 0');
    expect((await runCli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30'], { stdin: lines[0] })).stderr).not.toContain('read 1 ·');
  });

  it('exits 1 with --fail-on-overdue when something is overdue', async () => {
    const { code, stderr } = await runCli(['audit', '-', '--directory', directory, '--as-of', '2023-06-30', '--fail-on-overdue'], { stdin: lines[0] });
    expect(code).toBe(/overdue obligations by organ \(0\)/.test(stderr) ? 0 : 1);
  });
});

describe('rules', () => {
  it('lists rules by pack with citations, and the catalogue with coverage', async () => {
    const { code, stdout } = await runCli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^xfgz2022 — Regulations on Petition Work/m);
    expect(stdout).toContain('xfgz2022.art20.elect-representatives');
    expect(stdout).toMatch(/cites xfgz2022:art20 · yields guidance:elect-representatives/);
    expect(stdout).toMatch(/op2007 — 22 provisions: \d+ encoded by rules, \d+ setting parameters, policy or counting, \d+ operational but not encoded, \d+ not operational, 0 awaiting rules/);
  });

  it('prints the coverage with --coverage: per instrument encoded / catalogued / total, and why each catalogued provision is not encoded', async () => {
    const { code, stdout } = await runCli(['rules', '--coverage']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^xf2005 — Regulations on Letters and Visits: \d+ encoded \/ \d+ catalogued \/ 51 total/m);
    expect(stdout).toMatch(/^xfgz2022 — Regulations on Petition Work: \d+ encoded \/ \d+ catalogued \/ 50 total/m);
    expect(stdout).toMatch(/^op2007 — .*: \d+ encoded \/ \d+ catalogued \/ 22 total/m);
    expect(stdout).toMatch(/^ {2}xfgz2022:art50 +not operational +entry into force/m);
    expect(stdout).toMatch(/^ {2}xf2005:art9 +not encoded +a standing duty of publication/m);
    expect(stdout).not.toContain('PROBLEM');
    expect((await runCli(['rules', '--coverage', '--lang', 'zh'])).stdout).toMatch(/xfgz2022:art50 +not operational +规定施行日期/);
    const json = JSON.parse((await runCli(['rules', '--coverage', '--json', '--pack', 'xfgz2022'])).stdout);
    expect(json.catalogue).toHaveLength(1);
    expect(json.catalogue[0]).toMatchObject({ instrument: 'xfgz2022', provisions: 50, complete: true, problems: [], awaitingRules: [] });
  });

  it('exits 1 with --coverage when a catalogue has a problem', async () => {
    const { mkdirSync } = await import('node:fs');
    const pack = join(tmp, 'coverage-packs', 'demo');
    mkdirSync(join(pack, 'rules'), { recursive: true });
    const text = { en: 'x', zh: '某' };
    writeFileSync(join(pack, 'pack.json'), JSON.stringify({ id: 'demo', title: text, role: 'jurisdiction', jurisdiction: 'demo', inForce: { from: '2020-01-01', to: null } }));
    writeFileSync(
      join(pack, 'provisions.json'),
      JSON.stringify({
        instrument: { id: 'demo', title: text, inForce: { from: null, to: null }, extent: { prefix: 'demo:art', count: 2 } },
        provisions: [{ id: 'demo:art1', title: text, summary: text, rules: [], notOperational: null }],
      }),
    );
    const { code, stdout } = await runCli(['rules', '--coverage', '--packs', join(tmp, 'coverage-packs'), '--pack', 'demo']);
    expect(code).toBe(1);
    expect(stdout).toContain('PROBLEM: demo:art1: neither encoded nor catalogued');
    expect(stdout).toContain('PROBLEM: demo:art2: missing from the catalogue');
  });

  it('keeps the packs and rules in force at --at, and one pack with --pack', async () => {
    const at2010 = JSON.parse((await runCli(['rules', '--at', '2010-01-01', '--json'])).stdout);
    expect(at2010.packs.map((p: { id: string }) => p.id)).toEqual(['beijing-2006', 'op2007', 'xf2005']);
    expect(at2010.rules.every((r: { pack: string }) => r.pack !== 'xfgz2022')).toBe(true);
    const one = JSON.parse((await runCli(['rules', '--pack', 'xfgz2022', '--json'])).stdout);
    expect(new Set(one.rules.map((r: { pack: string }) => r.pack))).toEqual(new Set(['xfgz2022']));
    expect(one.catalogue.map((c: { instrument: string }) => c.instrument)).toEqual(['xfgz2022']);
    expect((await runCli(['rules', '--pack', 'nope'])).code).toBe(2);
  });

  it('lists what a rule may name with --facts', async () => {
    const { code, stdout } = await runCli(['rules', '--facts', '--json']);
    expect(code).toBe(0);
    const v = JSON.parse(stdout);
    expect(v.facts.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['case', 'param', 'policy', 'happened']));
    expect(v.operators.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['equal', 'isDefined']));
    expect(v.parties).toEqual(expect.arrayContaining(['handlingOrgan', 'reviewOrgan']));
    expect(v.outcomeKinds).toEqual(expect.arrayContaining(['responsibility', 'obligation']));
    expect((await runCli(['rules', '--facts'])).stdout).toContain('Parties an outcome may name:');
  });
});

describe('test', () => {
  const scenario = (expect: unknown) => ({
    title: 'A letter about land: who is responsible',
    law: 'xfgz2022 art22: the petition department handles the letter.',
    asOf: '2023-03-10',
    directory: join(root, 'test/fixtures/directory.json'),
    case: JSON.parse(caseJson),
    expect,
  });

  it('runs scenario files and exits 0 when all pass', async () => {
    const dir = join(tmp, 'pass');
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'one.json'), JSON.stringify(scenario({ packs: ['op2007', 'xfgz2022'], guidance: { excludes: ['elect-representatives'] } })));
    const { code, stdout } = await runCli(['test', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS');
    expect(stdout).toContain('1 passed, 0 failed');
  });

  it('exits 1 with a readable diff on a failure, and 2 on a malformed file', async () => {
    const dir = join(tmp, 'fail');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.json'), JSON.stringify(scenario({ escalations: ['joint-visit', 'leader-package'] })));
    const { code, stdout } = await runCli(['test', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL');
    expect(stdout).toContain('- missing:    leader-package');
    expect(stdout).toContain('0 passed, 1 failed');
    writeFileSync(join(dir, 'two.json'), '{"title": 1}');
    const bad = await runCli(['test', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a scenario file');
    expect((await runCli(['test', join(tmp, 'missing')])).code).toBe(2);
  });
});

describe('schema', () => {
  it('prints the JSON Schema of the case input by default, and the pack formats by name', async () => {
    const { code, stdout } = await runCli(['schema']);
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.required).toEqual(expect.arrayContaining(['id', 'receivedOn', 'channel', 'class', 'receivingOrgan']));
    expect(s.properties.receivedOn).toMatchObject({ type: 'string', format: 'date' });
    const rules = JSON.parse((await runCli(['schema', 'rules'])).stdout);
    expect(rules.properties.rules.items.required).toEqual(expect.arrayContaining(['id', 'title', 'citations', 'conditions', 'outcomes']));
    expect((await runCli(['schema', '--list'])).stdout).toContain('provisions');
    expect((await runCli(['schema', 'nope'])).code).toBe(2);
  });
});
