import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

/**
 * Issue 14 §1–2 on the command line: `evaluate --receipt` and `audit --receipt`, `verify`, and
 * `compare` (national against Zhejiang; the due dates are worked out by hand in test/compare/compare.test.ts).
 */
const root = join(import.meta.dirname, '../..');
const directory = join(root, 'test/fixtures/directory.json');
const caseFile = join(import.meta.dirname, 'fixtures/case.json');
const caseJson = readFileSync(caseFile, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-receipts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('evaluate --receipt and verify', () => {
  it('verifies its own receipt: "reproduced", exit 0', async () => {
    const made = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--json', '--receipt']);
    expect(made.code).toBe(0);
    const receiptFile = join(tmp, 'assessment.json');
    writeFileSync(receiptFile, made.stdout);
    expect(JSON.parse(made.stdout).receipt.asOf).toBe('2023-03-10');
    const v = await runCli(['verify', receiptFile, caseFile, '--directory', directory]);
    expect(v).toMatchObject({ code: 0, stdout: 'reproduced\n' });
    // The case from stdin, the report in Chinese.
    const zh = await runCli(['verify', receiptFile, '-', '--directory', directory, '--lang', 'zh'], { stdin: caseJson });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('已复现');
  });

  it('says what differs and how the answer changed, exit 1', async () => {
    const made = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--json', '--receipt']);
    const receiptFile = join(tmp, 'assessment-2.json');
    writeFileSync(receiptFile, made.stdout);
    // Without the transfer and the acceptance: disposal no longer met, the transferee's duties gone.
    const c = JSON.parse(caseJson);
    c.events = c.events.slice(0, 2);
    const changed = join(tmp, 'changed.json');
    writeFileSync(changed, JSON.stringify(c));
    const v = await runCli(['verify', receiptFile, changed, '--directory', directory]);
    expect(v.code).toBe(1);
    const lines = v.stdout.split('\n');
    expect(lines[0]).toBe('not reproduced: these differ');
    expect(lines[1]).toMatch(/^ {2}input case \(another case, or the case was changed\): sha256:[0-9a-f]{64} then, sha256:[0-9a-f]{64} now$/);
    expect(v.stdout).toContain('how the answer changed (then → now)');
    expect(v.stdout).toMatch(/obligations dispose \(Qingtian County Petition Bureau\): .*status "met" → "pending"/);
    expect(v.stdout).toContain('obligations conclude (Qingtian Natural Resources and Planning Bureau): disappeared');
    const json = await runCli(['verify', receiptFile, changed, '--directory', directory, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ reproduced: false, differences: [{ what: 'input' }, { what: 'answer' }] });
  });

  it('takes the jurisdiction and policy from the receipt, refusing them as options; a file that is no receipt is bad input', async () => {
    const made = await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--json', '--receipt', '--jurisdiction', 'zhejiang', '--policy', 'holidayRollover=false']);
    const receiptFile = join(tmp, 'zj.json');
    writeFileSync(receiptFile, made.stdout);
    expect((await runCli(['verify', receiptFile, caseFile, '--directory', directory])).stdout).toBe('reproduced\n');
    const refused = await runCli(['verify', receiptFile, caseFile, '--directory', directory, '--jurisdiction', 'zhejiang']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('takes the jurisdiction and the policy from the receipt');
    const bad = await runCli(['verify', caseFile, caseFile, '--directory', directory]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a petition-rules receipt');
  });

  it('audit --receipt gives each record the receipt evaluate gives the case', async () => {
    const one = JSON.parse((await runCli(['evaluate', caseFile, '--directory', directory, '--as-of', '2023-03-10', '--json', '--receipt'])).stdout);
    const line = JSON.stringify(JSON.parse(caseJson));
    const audited = await runCli(['audit', '-', '--directory', directory, '--as-of', '2023-03-10', '--receipt', '--threads', '1', '--without-trace', '--record', 'full'], { stdin: `${line}\n` });
    expect(audited.code).toBe(0);
    const record = JSON.parse(audited.stdout.trim());
    expect(record.assessment.receipt).toEqual(one.receipt);
    expect(record.assessment.trace).toBeUndefined();
    // A record written without the trace still verifies: the answer hash leaves the trace out.
    const recordFile = join(tmp, 'record.json');
    writeFileSync(recordFile, JSON.stringify(record.assessment));
    expect((await runCli(['verify', recordFile, caseFile, '--directory', directory])).stdout).toBe('reproduced\n');
  });
});

describe('compare', () => {
  const line = JSON.stringify(JSON.parse(caseJson));
  const stdin = `${line}\n\n${line.replace('"id":"cli-letter-1"', '"id":"cli-letter-2"').replace('"receivedOn":"2023-03-01"', '"receivedOn":"2023-03-01","channel2":1')}\n`;

  it('writes one record per line (national against Zhejiang: dispose 03-16 → 03-08, notify 03-20 → 03-10 and overdue) and a summary', async () => {
    const summaryFile = join(tmp, 'compare-summary.json');
    const r = await runCli(['compare', '-', '--directory', directory, '--as-of', '2023-03-13', '--reform-jurisdiction', 'zhejiang', '--threads', '1', '--summary', summaryFile], { stdin });
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.line)).toEqual([1, 2, 3]);
    const first = records[0];
    expect(first).toMatchObject({ line: 1, caseId: 'cli-letter-1', changed: true });
    const due = Object.fromEntries(first.differences.obligations.map((d: { id: string; base: { dueOn: string; status: string }; reform: { dueOn: string; status: string } }) => [d.id, `${d.base.dueOn} ${d.base.status} → ${d.reform.dueOn} ${d.reform.status}`]));
    expect(due).toEqual({
      dispose: '2023-03-16 met → 2023-03-08 met',
      'notify-petitioner': '2023-03-20 pending → 2023-03-10 overdue',
      conclude: '2023-05-08 pending → 2023-04-07 pending',
    });
    expect(records[1]).toEqual({ line: 2, error: { issues: [{ path: '', message: 'blank line: no case' }] } });
    expect(records[2].error.caseId).toBe('cli-letter-2');
    expect(r.stderr).toContain('compare summary (as of 2023-03-13)');
    expect(r.stderr).toMatch(/ {9}1 {9}0 {9}0 {2}xfgz2022\.art44\.late-notice/);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary).toMatchObject({ asOf: '2023-03-13', read: 3, compared: 1, changed: 1, rejected: 2 });
    expect(summary.dueDates).toEqual([
      { obligation: 'conclude', earlier: 1, later: 0, gained: 0, lost: 0 },
      { obligation: 'dispose', earlier: 1, later: 0, gained: 0, lost: 0 },
      { obligation: 'notify-petitioner', earlier: 1, later: 0, gained: 0, lost: 0 },
    ]);
    expect(summary.byOrgan.map((o: { organ: string }) => o.organ)).toEqual(['qt-nr', 'qt-petition']);
  });

  it('writes the same bytes with json-rules-engine, and takes a reform policy as a file; --fail-on-changes exits 1', async () => {
    const policyFile = join(tmp, 'no-rollover.json');
    writeFileSync(policyFile, JSON.stringify({ holidayRollover: false }));
    const args = ['compare', '-', '--directory', directory, '--as-of', '2023-03-13', '--threads', '1', '--reform-policy', policyFile];
    const compiled = await runCli([...args, '--fail-on-changes'], { stdin: `${line}\n` });
    expect(compiled.code).toBe(1);
    const notify = JSON.parse(compiled.stdout).differences.obligations.find((d: { id: string }) => d.id === 'notify-petitioner');
    expect(notify).toMatchObject({ base: { dueOn: '2023-03-20' }, reform: { dueOn: '2023-03-18' } });
    const reference = await runCli([...args, '--evaluator', 'json-rules-engine'], { stdin: `${line}\n` });
    expect(reference.code).toBe(0);
    expect(reference.stdout).toBe(compiled.stdout);
    const bad = await runCli(['compare', '-', '--as-of', '2023-03-13', '--reform-policy', 'nonsense'], { stdin: '' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--reform-policy nonsense: neither key=value nor a policy file');
  });
});
