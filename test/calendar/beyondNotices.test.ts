import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator, explain, type Assessment, type CalendarYearData, type Organ } from '../../src/index.js';
import { addAssessment, createAuditSummary, summaryToJson } from '../../src/cli/auditSummary.js';

/**
 * A case whose deadlines reach a year with no State Council holiday notice (worked by hand).
 *
 * Received by the Qingtian petition bureau on Tuesday 2026-12-01 (xfgz2022), transferred on Thursday
 * 12-03 to the natural-resources bureau, which accepts it on 12-08 and notifies the petitioner on 12-10.
 * - dispose (art22, 15 days from receipt): 12-16, met by the transfer on 12-03 — firm.
 * - notify-petitioner (art23, 15 days from the transfer's receipt): 12-18, met on 12-10 — firm.
 * - conclude (art34, 60 days from acceptance): 2026-12-08 + 60 = Saturday 2027-02-06, 正月初一. With no
 *   notice for 2027, the Measures (2024 revision) make 5–8 February the Spring Festival and, as 6 and 7
 *   February fall on the weekend, 9 and 10 February make-up days off (art. 6): the due date rolls over
 *   to Thursday 2027-02-11, provisional. A notice that makes 5–13 February the holiday (Sunday 14th
 *   not worked) moves it to Monday 2027-02-15, firm.
 */
const notice2027 = JSON.parse(readFileSync(new URL('../fixtures/notice-2027.json', import.meta.url), 'utf8')) as CalendarYearData;
const directory = JSON.parse(readFileSync(new URL('../../examples/directory.json', import.meta.url), 'utf8')) as Organ[];
const matter = {
  id: 'received-2026-12-01',
  receivedOn: '2026-12-01',
  channel: 'letter',
  class: 'appeal',
  legalRoute: 'petition',
  receivingOrgan: 'qt-petition',
  handlingOrgan: 'qt-nr',
  events: [
    { type: 'received', on: '2026-12-01', by: 'qt-petition' },
    { type: 'registered', on: '2026-12-01', by: 'qt-petition' },
    { type: 'transferred', on: '2026-12-03', by: 'qt-petition', to: 'qt-nr' },
    { type: 'accepted', on: '2026-12-08', by: 'qt-nr' },
    { type: 'petitioner-notified', on: '2026-12-10', by: 'qt-nr' },
  ],
};
const asOf = '2026-12-20';
const byId = (a: Assessment, id: string) => a.obligations.find((o) => o.id === id)!;

describe('a case received 2026-12-01, deadlines in 2027', () => {
  for (const kind of ['json-rules-engine', 'compiled'] as const) {
    it(`is assessed, with the 2027 due date provisional (${kind})`, async () => {
      const a = await createEvaluator({ directory, evaluator: kind }).evaluate(matter, { asOf });
      expect([byId(a, 'dispose').dueOn, byId(a, 'dispose').status, byId(a, 'dispose').provisional]).toEqual(['2026-12-16', 'met', undefined]);
      expect([byId(a, 'notify-petitioner').dueOn, byId(a, 'notify-petitioner').status]).toEqual(['2026-12-18', 'met']);
      const conclude = byId(a, 'conclude');
      expect(conclude).toMatchObject({ dueOn: '2027-02-11', rolledOverFrom: '2027-02-06', status: 'pending', daysLeft: 53 });
      expect(conclude.provisional?.years).toEqual([2027]);
      expect(conclude.provisional?.reason.zh).toContain('尚无国务院办公厅2027年节假日安排通知');
      expect(conclude.basis).toEqual(expect.arrayContaining(['xfgz2022:art34', 'holiday-measures:art2', 'holiday-measures:art6']));
      expect(a.obligations.filter((o) => o.provisional).map((o) => o.id)).toEqual(['conclude']);
      expect(explain(a)).toContain('provisional: rests on a projected calendar year 2027');
      expect(explain(a, { lang: 'zh' })).toContain('暂定：依推算的日历年份 2027');
    });
  }

  it('with a notice for 2027 given to the evaluator, gets firm dates that differ where the notice moves a rest day', async () => {
    const a = await createEvaluator({ directory, calendarYears: [notice2027] }).evaluate(matter, { asOf });
    expect(byId(a, 'conclude')).toMatchObject({ dueOn: '2027-02-15', rolledOverFrom: '2027-02-06', daysLeft: 57 });
    expect(byId(a, 'conclude').provisional).toBeUndefined();
    expect(byId(a, 'conclude').basis).not.toContain('holiday-measures:art2');
    expect(byId(a, 'dispose').dueOn).toBe('2026-12-16');
    expect(a.obligations.some((o) => o.provisional)).toBe(false);
  });

  it('under policy calendarCoverage strict: only the 2027 obligation has no due date, the rest stands', async () => {
    const projecting = await createEvaluator({ directory }).evaluate(matter, { asOf });
    const a = await createEvaluator({ directory, policy: { calendarCoverage: 'strict' } }).evaluate(matter, { asOf });
    const conclude = byId(a, 'conclude');
    expect(conclude).toMatchObject({ dueOn: null, status: 'undetermined', calendarProblem: { date: '2027-02-06' } });
    expect(conclude.calendarProblem?.reason.en).toContain('calendarCoverage is strict');
    expect(a.obligations.filter((o) => o.id !== 'conclude')).toEqual(projecting.obligations.filter((o) => o.id !== 'conclude'));
    expect(a.responsibilities).toEqual(projecting.responsibilities);
    expect(a.policy.find((p) => p.id === 'calendarCoverage')).toEqual({ id: 'calendarCoverage', value: 'strict', status: 'policy', isDefault: false });
  });

  it('is counted in the audit summary', async () => {
    const evaluator = createEvaluator({ directory });
    const strict = createEvaluator({ directory, policy: { calendarCoverage: 'strict' } });
    const summary = createAuditSummary();
    addAssessment(summary, await evaluator.evaluate(matter, { asOf }));
    addAssessment(summary, await strict.evaluate(matter, { asOf }));
    const json = summaryToJson(summary);
    expect(json.provisionalObligations).toMatchObject({ total: 1, byId: [{ id: 'conclude', count: 1 }] });
    expect(json.undeterminedObligations).toMatchObject({ total: 1, byId: [{ id: 'conclude', count: 1 }] });
  });

  it('refuses calendarYears together with a whole calendar', () => {
    expect(() => createEvaluator({ calendarYears: [notice2027], calendar: createEvaluator().packs as never })).toThrow(/either calendar .* or calendarYears/);
  });
});
