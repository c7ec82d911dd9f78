import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, compareAssessments, compareSync, createEvaluator } from '../../src/index.js';

/**
 * Issue 14 §2: for one case, what a reform changes. Base: the national law (xfgz2022); reform: Zhejiang
 * (zhejiang-2016). The case (test/cli/fixtures/case.json) is received 2023-03-01 (a Wednesday) by the
 * Qingtian petition bureau, transferred on 03-03 (Friday) to the natural resources bureau, accepted
 * 03-08; assessed as of 2023-03-13. March–May 2023 rest days: weekends, Qingming 04-05, Labour Day 04-29–05-03
 * (05-06, a Saturday, worked).
 *
 * - dispose: xfgz2022 art22 15 days from 03-01 → 03-16 (Thursday); Zhejiang art20 5 working days → 03-02,
 *   03-03, 03-06, 03-07, 03-08 → 03-08. Met by the transfer on 03-03 both ways.
 * - notify-petitioner: xfgz2022 art23 15 days from the transferee's receipt 03-03 → 03-18, a Saturday,
 *   carried to Monday 03-20 (pending on 03-13, 7 days left); Zhejiang art20 ¶2 5 working days → 03-06 to
 *   03-10 → 03-10, overdue on 03-13 by 3 days.
 * - conclude: xfgz2022 art34 60 days from acceptance 03-08 → 05-07, a Sunday, carried to 05-08; Zhejiang
 *   art23 30 days → 04-07 (a Friday, a working day).
 */
const root = join(import.meta.dirname, '../..');
const directory = JSON.parse(readFileSync(join(root, 'test/fixtures/directory.json'), 'utf8'));
const input = JSON.parse(readFileSync(join(root, 'test/cli/fixtures/case.json'), 'utf8'));
const asOf = '2023-03-13';

describe('compare', () => {
  const national = createEvaluator({ directory, evaluator: 'compiled' });
  const zhejiang = createEvaluator({ directory, evaluator: 'compiled', jurisdiction: 'zhejiang' });
  const c = compareSync(national, zhejiang, input, { asOf });

  it('moves each due date as worked out by hand', () => {
    const due = Object.fromEntries(c.obligations.map((d) => [d.id, [d.change, d.base?.dueOn, d.reform?.dueOn, d.base?.status, d.reform?.status]]));
    expect(due).toEqual({
      dispose: ['changed', '2023-03-16', '2023-03-08', 'met', 'met'],
      'notify-petitioner': ['changed', '2023-03-20', '2023-03-10', 'pending', 'overdue'],
      conclude: ['changed', '2023-05-08', '2023-04-07', 'pending', 'pending'],
    });
    const notify = c.obligations.find((d) => d.id === 'notify-petitioner')!;
    expect(notify.fields).toEqual(expect.arrayContaining(['dueOn', 'status', 'period', 'basis', 'rolledOverFrom', 'daysOverdue', 'daysLeft']));
    expect(notify.reform).toMatchObject({ daysOverdue: 3, period: { kind: 'days', days: 5, unit: 'working' } });
    expect(notify.base).toMatchObject({ daysLeft: 7, rolledOverFrom: '2023-03-18' });
    expect(notify.reform!.basis).toContain('zhejiang-2016:art20.2');
    expect(notify.organ?.id).toBe('qt-nr');
    expect(c.changed).toBe(true);
  });

  it('shows the late-notice finding the reform makes appear against the natural resources bureau, and nothing else', () => {
    expect(c.findings.map((d) => [d.change, d.id, d.organ?.id])).toEqual([['appeared', 'late-notice', 'qt-nr']]);
    // xfgz2022 art44 item 3: not telling the petitioner in writing within the time limit whether the matter is accepted.
    expect(c.findings[0]!.reform!.basis).toEqual(expect.arrayContaining(['xfgz2022:art44(3)']));
    expect(c.escalations).toEqual([]);
    expect(c.guidance).toEqual([]);
    expect(c.responsibilities).toEqual([]);
  });

  it('finds nothing between two evaluators of the same law, and the same answer from both evaluator kinds', async () => {
    expect(compareSync(national, createEvaluator({ directory, evaluator: 'compiled' }), input, { asOf }).changed).toBe(false);
    const reference = await compare(createEvaluator({ directory }), createEvaluator({ directory, jurisdiction: 'zhejiang' }), input, { asOf });
    expect(JSON.stringify(reference)).toBe(JSON.stringify(c));
  });

  it('sees a policy reform: without rollover, notify-petitioner falls due on the Saturday 2023-03-18', () => {
    const noRollover = createEvaluator({ directory, evaluator: 'compiled', policy: { holidayRollover: false } });
    const p = compareSync(national, noRollover, input, { asOf });
    const notify = p.obligations.find((d) => d.id === 'notify-petitioner')!;
    expect(notify).toMatchObject({ change: 'changed', base: { dueOn: '2023-03-20' }, reform: { dueOn: '2023-03-18' } });
    // conclude: 60 days from 03-08 end on Sunday 05-07, no longer carried to 05-08.
    expect(p.obligations.find((d) => d.id === 'conclude')).toMatchObject({ base: { dueOn: '2023-05-08' }, reform: { dueOn: '2023-05-07' } });
  });

  it('reports an item present on one side only as appeared or disappeared, the other way round when the sides swap', () => {
    const swapped = compareAssessments(zhejiang.evaluateSync(input, { asOf }), national.evaluateSync(input, { asOf }));
    expect(swapped.findings.map((d) => [d.change, d.id])).toEqual([['disappeared', 'late-notice']]);
    expect(swapped.obligations.find((d) => d.id === 'dispose')).toMatchObject({ base: { dueOn: '2023-03-08' }, reform: { dueOn: '2023-03-16' } });
  });
});
