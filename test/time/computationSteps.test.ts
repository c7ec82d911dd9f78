import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assessment/types.js';
import { chinaCalendar } from '../../src/calendar/chinaCalendar.js';
import type { CaseContext } from '../../src/evaluate/context.js';
import type { Evaluator } from '../../src/evaluate/createEvaluator.js';
import { createEvaluator, type EvaluatorOptions } from '../../src/node/createEvaluator.js';
import type { Policy } from '../../src/policy/policy.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import type { Bilingual } from '../../src/text/bilingual.js';
import { COMPUTATION_STEPS, computationStep, lowerAcceptance, renderStep, stepOf, type StepKind } from '../../src/time/computationSteps.js';
import { computeDueDate, dueDateOrProblem } from '../../src/time/dueDate.js';
import { lowerHandlingFact } from '../../src/time/pendingBelow.js';
import { generateCases as generateAuditCases } from '../../examples/audit/generate-cases.js';
import { fixtureDirectory, generateCases } from '../core/generateCases.js';

/**
 * The computation steps (src/time/computationSteps.ts): each kind's words, written out here by hand
 * from the wording the account has always used; a step re-rendered from its data (through JSON, as a
 * stored record holds it) gives the very same text; data a kind does not take is refused by name. And
 * every step of every obligation's account, over the scenarios and generated cases, is such a step —
 * but for the texts that come from outside (a calendar's reason for giving no date).
 */

const repo = join(import.meta.dirname, '..', '..');
const hearing = { en: 'Hearing', zh: '听证' };
const springFestival = { en: 'Spring Festival', zh: '春节' };
const nationalDay = { en: 'National Day', zh: '国庆节' };
const projected = { en: '2027 is projected.', zh: '2027年为推算。' };

/** Every kind, at least once: its data and the words expected. */
const EXAMPLES: ReadonlyArray<readonly [StepKind, readonly unknown[], string, string]> = [
  ['same-day', ['received', '2024-03-01', 'promptlyDays'],
    "Due the same day as the receipt (2024-03-01): 'immediately' or 'promptly' without a day count, read as 0 days (policy promptlyDays).",
    '与收到信访事项同日（2024-03-01）到期：法律规定“立即”“及时”而无天数，按0日计（政策选项 promptlyDays）。'],
  ['same-day', [{ en: 'report', zh: '报告' }, '2024-03-01', 'majorReportDays'],
    "Due the same day as the report (2024-03-01): 'immediately' or 'promptly' without a day count, read as 0 days (policy majorReportDays).",
    '与报告同日（2024-03-01）到期：法律规定“立即”“及时”而无天数，按0日计（政策选项 majorReportDays）。'],
  ['start-day-excluded', ['calendar', 15, 'received', '2023-03-01', '2023-03-16'],
    '15 calendar days from the receipt on 2023-03-01, the start day not counted: day 15 is 2023-03-16.',
    '自2023-03-01（收到信访事项）起15日，起算当日不计入：第15日为2023-03-16。'],
  ['start-day-excluded', ['calendar', 1, 'accepted', '2023-03-01', '2023-03-02'],
    '1 calendar day from the acceptance on 2023-03-01, the start day not counted: day 1 is 2023-03-02.',
    '自2023-03-01（受理）起1日，起算当日不计入：第1日为2023-03-02。'],
  ['start-day-excluded', ['working', 5, 'transferred', '2024-02-08', '2024-02-22'],
    '5 working days from the transfer on 2024-02-08, the start day not counted (working days per the State Council holiday notices, make-up working days included): day 5 is 2024-02-22.',
    '自2024-02-08（转送）起5个工作日，起算当日不计入（工作日按国务院办公厅节假日安排通知计算，含调休上班日）：第5日为2024-02-22。'],
  ['start-day-excluded', ['working', 60, lowerAcceptance('qt-nr'), '2023-07-03', '2023-09-25'],
    '60 working days from the acceptance by the lower organ (qt-nr) on 2023-07-03, the start day not counted (working days per the State Council holiday notices, make-up working days included): day 60 is 2023-09-25.',
    '自2023-07-03（下级机关（qt-nr）受理）起60个工作日，起算当日不计入（工作日按国务院办公厅节假日安排通知计算，含调休上班日）：第60日为2023-09-25。'],
  ['pause-not-counted', [hearing, '2024-04-01', '2024-04-05', true],
    'Hearing from 2024-04-01 to 2024-04-05 is not counted.',
    '听证时间（2024-04-01至2024-04-05）不计入期间。'],
  ['pause-not-counted', [hearing, '2024-08-01', '2024-08-05', false],
    'Hearing from 2024-08-01 to 2024-08-05 is not counted (it falls outside the period).',
    '听证时间（2024-08-01至2024-08-05）不计入期间（不在期间之内）。'],
  ['paused-days', [5, 60, '2024-06-04'], '5 days not counted: day 60 moves to 2024-06-04.', '不计入5日：第60日顺延为2024-06-04。'],
  ['paused-days', [1, 30, '2024-05-02'], '1 day not counted: day 30 moves to 2024-05-02.', '不计入1日：第30日顺延为2024-05-02。'],
  ['rolled-over', ['2024-02-10', '2024-02-18', [springFestival], false],
    'Rolled over from 2024-02-10 to 2024-02-18 because 2024-02-10..17 is the Spring Festival holiday (policy holidayRollover: a period ending on a rest day ends on the next working day).',
    '因2024-02-10..17为春节假期，到期日由2024-02-10顺延至2024-02-18（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。'],
  ['rolled-over', ['2024-03-16', '2024-03-18', [], true],
    'Rolled over from 2024-03-16 to 2024-03-18 because 2024-03-16..17 is a weekend (policy holidayRollover: a period ending on a rest day ends on the next working day).',
    '因2024-03-16..17为周末，到期日由2024-03-16顺延至2024-03-18（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。'],
  ['rolled-over', ['2024-09-29', '2024-10-08', [nationalDay], true],
    'Rolled over from 2024-09-29 to 2024-10-08 because 2024-09-29..10-07 is the National Day holiday and a weekend (policy holidayRollover: a period ending on a rest day ends on the next working day).',
    '因2024-09-29..10-07为国庆节假期和周末，到期日由2024-09-29顺延至2024-10-08（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。'],
  ['rolled-over', ['2024-12-29', '2025-01-02', [{ en: "New Year's Day", zh: '元旦' }, springFestival], false],
    "Rolled over from 2024-12-29 to 2025-01-02 because 2024-12-29..2025-01-01 is the New Year's Day holiday and the Spring Festival holiday (policy holidayRollover: a period ending on a rest day ends on the next working day).",
    '因2024-12-29..2025-01-01为元旦假期和春节假期，到期日由2024-12-29顺延至2025-01-02（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。'],
  ['rest-day-kept', ['2024-03-16', '2024-03-18', [], true],
    '2024-03-16 is a rest day (2024-03-16..17 is a weekend), but holiday rollover is off (policy holidayRollover), so the due date stays 2024-03-16.',
    '2024-03-16为休息日（2024-03-16..17为周末），但未启用节假日顺延（政策选项 holidayRollover），到期日仍为2024-03-16。'],
  ['rest-day-kept', ['2024-03-17', '2024-03-18', [], false],
    '2024-03-17 is a rest day (2024-03-17 is a rest day), but holiday rollover is off (policy holidayRollover), so the due date stays 2024-03-17.',
    '2024-03-17为休息日（2024-03-17为休息日），但未启用节假日顺延（政策选项 holidayRollover），到期日仍为2024-03-17。'],
  ['extension-not-by-head', ['calendar', 30, '2024-05-01'],
    'The extension of 30 calendar days recorded on 2024-05-01 was not approved by the head of the organ: not counted.',
    '2024-05-01记录的延长30日未经本机关负责人批准，不予计算。'],
  ['extension-late', ['calendar', 30, '2024-06-10', '2024-06-04'],
    'The extension of 30 calendar days approved by the head of the organ on 2024-06-10 came after the due date 2024-06-04 had passed: it does not cure the lateness (policy lateExtensionCures is off), so the due date stays 2024-06-04.',
    '本机关负责人于2024-06-10批准延长30日，但此时2024-06-04的期限已经届满，延长不能补正逾期（政策选项 lateExtensionCures 未启用），到期日仍为2024-06-04。'],
  ['extension-beyond-maximum', ['calendar', 10, '2024-06-20', 30, '2024-07-04'],
    'The extension of 10 calendar days approved on 2024-06-20 goes beyond the most the law allows (30 calendar days in all, already reached): not counted; lateness is judged against the lawful due date 2024-07-04.',
    '2024-06-20批准的延长10日超出法定最长延长期限（合计30日，已经用尽），不予计算；是否逾期按法定期限2024-07-04判断。'],
  ['extension-excess', ['calendar', 45, '2024-05-20', 30, 30],
    'Of the extension of 45 calendar days approved on 2024-05-20, only 30 calendar days count: the law allows at most 30 calendar days of extension in all, so the 15 calendar days beyond it are not counted and lateness is judged against the lawful due date.',
    '2024-05-20批准的延长45日中只计算30日：法律规定延长合计不得超过30日，超出的15日不予计算，是否逾期按法定期限判断。'],
  ['extension-excess', ['working', 3, '2024-05-20', 2, 2],
    'Of the extension of 3 working days approved on 2024-05-20, only 2 working days count: the law allows at most 2 working days of extension in all, so the 1 working day beyond it are not counted and lateness is judged against the lawful due date.',
    '2024-05-20批准的延长3个工作日中只计算2个工作日：法律规定延长合计不得超过2个工作日，超出的1个工作日不予计算，是否逾期按法定期限判断。'],
  ['extended', ['calendar', 30, '2024-05-20', false, '2024-06-04', 90, '2024-07-04'],
    'Extension of 30 calendar days approved by the head of the organ on 2024-05-20, before the due date 2024-06-04: the period becomes 90 calendar days, day 90 is 2024-07-04.',
    '本机关负责人于2024-05-20批准延长30日（在2024-06-04期限届满之前批准）：期间变为90日，第90日为2024-07-04。'],
  ['extended', ['calendar', 30, '2024-06-10', true, '2024-06-04', 90, '2024-07-04'],
    'Extension of 30 calendar days approved by the head of the organ on 2024-06-10, after the due date 2024-06-04 had passed, counted because policy lateExtensionCures is on: the period becomes 90 calendar days, day 90 is 2024-07-04.',
    '本机关负责人于2024-06-10批准延长30日（在2024-06-04期限届满之后批准，因启用政策选项 lateExtensionCures 仍予计算）：期间变为90日，第90日为2024-07-04。'],
  ['strict-coverage', [projected],
    '2027 is projected. Policy calendarCoverage is strict: no due date is given on a projected calendar.',
    '2027年为推算。政策选项 calendarCoverage 为 strict：不依推算的日历给出到期日。'],
  ['stands-in', ['accepted', 'received', '2024-03-01'],
    'The log shows no acceptance: the receipt on 2024-03-01 stands in for it, so the period runs from the earliest day it can have started.',
    '记录中没有受理的日期：以2024-03-01收到信访事项之日代替，即按可能起算的最早日期计算。'],
  ['not-started', [['accepted', 'transferred']],
    'The clock has not started: the log shows no acceptance or transfer yet.',
    '期限尚未起算：记录中尚无受理或转送。'],
  ['not-started', [['some-later-event']],
    'The clock has not started: the log shows no some-later-event yet.',
    '期限尚未起算：记录中尚无some-later-event。'],
  ['set-by-assigner', ['2024-03-05', '2024-04-05'], 'Deadline set by the assigner in the assignment of 2024-03-05: 2024-04-05.', '交办机关在2024-03-05交办时指定的期限：2024-04-05。'],
  ['no-deadline-set', ['2024-03-05'], 'The assignment of 2024-03-05 sets no deadline: no due date.', '2024-03-05的交办未指定期限，无到期日。'],
  ['no-day-count', ['accepted', '2024-03-05'],
    'The law sets no day count for this duty: no due date; it stands from the acceptance on 2024-03-05 until done.',
    '法律对该义务未规定天数：无到期日，自2024-03-05（受理）起至完成时止。'],
  ['promptly', [1, 'majorReportDays'],
    "The law says 'immediately' or 'promptly' without a day count: 1 calendar day(s) by policy majorReportDays.",
    '法律规定“立即”或“及时”而未规定天数：按政策选项 majorReportDays 计1日。'],
  ['provisional', [projected], 'Provisional: 2027 is projected.', '暂定：2027年为推算。'],
  ['done', ['2024-03-10', '2024-03-16'], 'Done on 2024-03-10, by the due date 2024-03-16.', '已于2024-03-10完成，未超过2024-03-16的期限。'],
  ['done', ['2024-03-10', null], 'Done on 2024-03-10.', '已于2024-03-10完成。'],
  ['done-late', ['2024-03-20', 4, '2024-03-16'], 'Done on 2024-03-20, 4 day(s) after the due date 2024-03-16.', '于2024-03-20完成，超过2024-03-16的期限4日。'],
  ['overdue', ['2024-04-01', 16], 'Not done as of 2024-04-01: 16 day(s) overdue.', '截至2024-04-01尚未完成，已逾期16日。'],
  ['pending', ['2024-03-10', 6, false], 'Not done yet as of 2024-03-10: 6 day(s) left.', '截至2024-03-10尚未完成，尚余6日。'],
  ['pending', ['2024-03-10', 2, true], 'Not done yet as of 2024-03-10: 2 day(s) left (due soon).', '截至2024-03-10尚未完成，尚余2日（即将到期）。'],
  ['pending-no-due-date', ['2024-03-10'], 'Not done yet as of 2024-03-10.', '截至2024-03-10尚未完成。'],
  ['window-used', ['2024-03-10'], 'The request was made on 2024-03-10, within the window.', '已于2024-03-10在期限内提出请求。'],
  ['window-used-late', ['2024-04-10', 5, '2024-04-05'],
    'The request was made on 2024-04-10, 5 day(s) after the window closed on 2024-04-05: the window had expired, and no decision duty follows from the request.',
    '于2024-04-10提出请求，已超过2024-04-05届满的期限5日：期限已经届满，该请求不产生作出意见的义务。'],
  ['window-expired', ['2024-04-05'], 'No request by 2024-04-05: the window has expired.', '至2024-04-05未提出请求，期限已经届满。'],
  ['window-open', ['2024-03-10', 26], 'The window is open as of 2024-03-10: 26 day(s) left.', '截至2024-03-10期限未满，尚余26日。'],
  ['window-not-started', [], 'The window has not started.', '期限尚未起算。'],
  ['no-handling-period', [],
    'No handling period is in force for the lower organ: whether it is still within its time limit cannot be judged.',
    '下级机关没有适用的办理期限：无法判断是否仍在规定期限内。'],
  ['lower-accepted-later', ['2023-09-12', '2023-09-11'],
    'The lower organ accepted the matter only on 2023-09-12, after it was received here on 2023-09-11: it was not yet pending below.',
    '下级机关于2023-09-12才受理，晚于本机关2023-09-11收到之日：当时尚未由下级受理。'],
  ['lower-concluded', ['2023-08-30', '2023-09-11'],
    'The lower organ concluded the matter on 2023-08-30, by the time it was received here on 2023-09-11: it is no longer in progress below (dissatisfaction with the opinion goes to review).',
    '下级机关已于2023-08-30办结，本机关2023-09-11收到时已不在办理中（对处理意见不服的应请求复查）。'],
  ['pending-below', ['2023-09-11', '2023-10-20'],
    "Received here on 2023-09-11, within the lower organ's time limit (2023-10-20): the matter is pending below.",
    '本机关于2023-09-11收到，在下级机关的办理期限（2023-10-20）内：属于下级正在办理的事项。'],
  ['lower-time-limit-passed', ['2023-09-11', '2023-08-20'],
    "Received here on 2023-09-11, after the lower organ's time limit had run out (2023-08-20) without a conclusion: it is not pending below within its time limit.",
    '本机关于2023-09-11收到，下级机关的办理期限（2023-08-20）已届满而未办结：不属于在规定期限内的下级正在办理事项。'],
];

const make = (kind: StepKind, args: readonly unknown[]): Bilingual => (computationStep as (k: StepKind, ...a: readonly unknown[]) => Bilingual)(kind, ...args);
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('computation steps: the words of each kind', () => {
  it('every kind has a hand-written example', () => {
    const covered = new Set(EXAMPLES.map(([kind]) => kind));
    expect(Object.keys(COMPUTATION_STEPS).filter((k) => !covered.has(k as StepKind))).toEqual([]);
  });

  for (const [kind, args, en, zh] of EXAMPLES) {
    it(`${kind}(${JSON.stringify(args)})`, () => {
      const text = make(kind, args);
      expect(text).toEqual({ en, zh });
      // A frozen plain {en, zh}, in that order: the JSON bytes of a literal.
      expect(Object.getPrototypeOf(text)).toBe(Object.prototype);
      expect(Object.keys(text)).toEqual(['en', 'zh']);
      expect(Object.isFrozen(text)).toBe(true);
      expect(JSON.stringify(text)).toBe(JSON.stringify({ en, zh }));
      // The step it was made from, and the same text again from that step's data through JSON.
      const step = stepOf(text);
      expect(step).toEqual({ kind, args });
      const again = renderStep(step!.kind, viaJson(step!.args));
      expect(again).toEqual(text);
      expect(JSON.stringify(again)).toBe(JSON.stringify(text));
      expect(stepOf(again)).toEqual(step);
    });
  }

  it('a text not made from a step has none', () => {
    expect(stepOf({ en: 'x', zh: 'x' })).toBeUndefined();
  });

  it('a step holds its data as plain JSON: a text among its data is copied as {en, zh}', () => {
    const stored = renderStep('provisional', [{ en: 'a', zh: 'b', extra: 1 }]);
    expect(stepOf(stored)!.args).toEqual([{ en: 'a', zh: 'b' }]);
  });
});

describe('renderStep refuses what is not a step, naming the kind', () => {
  const refusals: ReadonlyArray<readonly [string, readonly unknown[], RegExp]> = [
    ['no-such-step', [], /no-such-step/],
    ['toString', [], /toString/],
    ['__proto__', [], /__proto__/],
    ['overdue', ['2024-04-01'], /"overdue" takes 2 arguments/],
    ['overdue', ['2024-04-01', 16, 'extra'], /"overdue" takes 2 arguments/],
    ['overdue', ['2024-04-01', '16'], /"overdue": argument 2 must be number/],
    ['overdue', ['2024-04-01', null], /"overdue": argument 2 must be number/],
    ['window-not-started', [undefined], /"window-not-started" takes 0 arguments/],
    ['start-day-excluded', ['days', 15, 'received', '2023-03-01', '2023-03-16'], /"start-day-excluded": argument 1 must be unit/],
    ['start-day-excluded', ['calendar', 15, 7, '2023-03-01', '2023-03-16'], /"start-day-excluded": argument 3 must be event/],
    ['pending', ['2024-03-10', 6, 'no'], /"pending": argument 3 must be boolean/],
    ['done', [20240310, null], /"done": argument 1 must be string/],
    ['rolled-over', ['2024-02-10', '2024-02-18', [{ en: 'Spring Festival' }], false], /"rolled-over": argument 3 must be text\[\]/],
    ['rolled-over', ['2024-02-10', '2024-02-18', springFestival, false], /"rolled-over": argument 3 must be text\[\]/],
    ['provisional', ['Provisional'], /"provisional": argument 1 must be text/],
    ['provisional', [[projected]], /"provisional": argument 1 must be text/],
    ['not-started', [['accepted', 1]], /"not-started": argument 1 must be string\[\]/],
    ['paused-days', [Number.NaN, 60, '2024-06-04'], /"paused-days": argument 1 must be number/],
  ];
  for (const [kind, args, message] of refusals) {
    it(`${kind} ${JSON.stringify(args)}`, () => {
      expect(() => renderStep(kind, args)).toThrow(TypeError);
      expect(() => renderStep(kind, args)).toThrow(message);
    });
  }

  it('refuses data that is not a list', () => {
    expect(() => renderStep('overdue', { length: 2 } as unknown as unknown[])).toThrow(TypeError);
  });
});

/** Tallies over a corpus: the steps checked, by kind, and the texts from outside. */
interface Tally {
  steps: number;
  outside: number;
  kinds: Map<string, number>;
}
const newTally = (): Tally => ({ steps: 0, outside: 0, kinds: new Map() });

/** Every element of every obligation's computation is a step that renders again from its data through JSON, or a calendar's reason. */
function checkAssessment(a: Assessment, tally: Tally, where: string): void {
  for (const o of a.obligations) {
    for (const text of o.computation) {
      const step = stepOf(text);
      if (step === undefined) {
        // From outside: the calendar's reason why no due date can be given.
        expect(text, `${where} ${o.id}: a text not made from a step`).toBe(o.calendarProblem?.reason);
        tally.outside++;
        continue;
      }
      const stored = viaJson([step.kind, ...step.args]) as [string, ...unknown[]];
      const again = renderStep(stored[0], stored.slice(1));
      if (JSON.stringify(again) !== JSON.stringify(text)) expect(again, `${where} ${o.id}`).toEqual(text);
      tally.steps++;
      tally.kinds.set(step.kind, (tally.kinds.get(step.kind) ?? 0) + 1);
    }
  }
}

function evaluate(evaluator: Evaluator, input: unknown, asOf: string): Assessment | undefined {
  try {
    return evaluator.evaluateSync(input, { asOf });
  } catch (error) {
    if ((error as Error).name === 'CaseValidationError') return undefined;
    throw error;
  }
}

const report = (label: string, t: Tally) =>
  console.log(`${label}: ${t.steps} steps (${t.kinds.size} kinds: ${[...t.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}), ${t.outside} outside texts`);

describe('every obligation computation is made of steps (compiled evaluator)', () => {
  const scenarioSets: Array<{ dir: string; options: EvaluatorOptions }> = [
    { dir: join(repo, 'test', 'scenarios'), options: {} },
    { dir: join(repo, 'test', 'testing', 'scenarios'), options: {} },
    { dir: join(repo, 'examples', 'policy-tests', 'scenarios'), options: {} },
    { dir: join(repo, 'examples', 'provincial-pack', 'scenarios'), options: { packs: [join(repo, 'examples', 'provincial-pack', 'packs')] } },
  ];

  it('over every scenario', () => {
    const tally = newTally();
    const evaluators = new Map<string, Evaluator>();
    let assessments = 0;
    for (const set of scenarioSets) {
      for (const s of loadScenarioDir(set.dir)) {
        const key = JSON.stringify([set.dir, s.directory.map((o) => o.id), s.scenario.evaluator ?? null]);
        let ev = evaluators.get(key);
        if (!ev) {
          ev = createEvaluator({
            ...set.options,
            directory: s.directory,
            evaluator: 'compiled',
            ...(s.scenario.evaluator?.jurisdiction ? { jurisdiction: s.scenario.evaluator.jurisdiction } : {}),
            ...(s.scenario.evaluator?.policy ? { policy: s.scenario.evaluator.policy as Partial<Policy> } : {}),
          });
          evaluators.set(key, ev);
        }
        const a = evaluate(ev, s.scenario.case, s.scenario.asOf);
        if (!a) continue;
        assessments++;
        checkAssessment(a, tally, `${s.file}#${s.index}`);
      }
    }
    report(`scenarios (${assessments} assessments)`, tally);
    expect(assessments).toBeGreaterThan(300);
    expect(tally.steps).toBeGreaterThan(1000);
  });

  it('over generated cases, under the default policy and under rollover off / late extensions cured', () => {
    const tally = newTally();
    const audit = createEvaluator({ directory: JSON.parse(readFileSync(join(repo, 'examples', 'directory.json'), 'utf8')), evaluator: 'compiled' });
    let assessments = 0;
    for (const line of generateAuditCases(300, { seed: 20261202 })) {
      const a = evaluate(audit, JSON.parse(line), '2023-12-31');
      if (a) (assessments++, checkAssessment(a, tally, 'audit case'));
    }
    const cases = generateCases(300, 20261202);
    for (const policy of [{}, { holidayRollover: false, lateExtensionCures: true }]) {
      const ev = createEvaluator({ directory: fixtureDirectory, evaluator: 'compiled', policy });
      for (const { input, asOf } of cases) {
        const a = evaluate(ev, input, asOf);
        if (a) (assessments++, checkAssessment(a, tally, `case ${String(input.id)}`));
      }
    }
    report(`generated (${assessments} assessments)`, tally);
    expect(assessments).toBeGreaterThan(800);
    expect(tally.outside).toBe(0);
  });
});

describe('steps outside an assessment', () => {
  const calendar = chinaCalendar();

  it('a strict refusal of a projected day is a step holding the calendar reason; a calendar without the day gives its own reason', () => {
    const strict = dueDateOrProblem({ calendar, start: '2026-12-20', startEvent: 'accepted', period: { days: 30, unit: 'calendar' }, rollover: true, calendarCoverage: 'strict' });
    expect('problem' in strict).toBe(true);
    const reason = (strict as { problem: { reason: Bilingual } }).problem.reason;
    expect(stepOf(reason)?.kind).toBe('strict-coverage');
    expect(renderStep('strict-coverage', viaJson(stepOf(reason)!.args))).toEqual(reason);
    const beyond = dueDateOrProblem({ calendar, start: '9999-12-20', startEvent: 'accepted', period: { days: 30, unit: 'calendar' }, rollover: true });
    expect(stepOf((beyond as { problem: { reason: Bilingual } }).problem.reason)).toBeUndefined();
  });

  it('a due date with a pause, extensions and a provisional day is all steps', () => {
    const due = computeDueDate({
      calendar,
      start: '2026-10-20',
      startEvent: 'accepted',
      period: { days: 60, unit: 'calendar' },
      rollover: true,
      pauses: [{ from: '2026-11-02', until: '2026-11-06', what: hearing }, { from: '2027-06-01', until: '2027-06-02', what: hearing }],
      extensions: [{ on: '2026-12-01', days: 20, byHead: false }, { on: '2026-12-10', days: 45, byHead: true }, { on: '2026-12-11', days: 5, byHead: true }],
      maxExtensionDays: 30,
    });
    expect(due.provisional).toBeDefined();
    const kinds = due.computation.map((t) => stepOf(t)?.kind);
    expect(kinds).toEqual(expect.arrayContaining(['start-day-excluded', 'pause-not-counted', 'paused-days', 'extension-not-by-head', 'extension-excess', 'extended', 'extension-beyond-maximum']));
    for (const t of due.computation) expect(renderStep(stepOf(t)!.kind, viaJson(stepOf(t)!.args))).toEqual(t);
  });

  /** A case context with just what the pending-below judgement reads. */
  const context = (lowerHandling: Record<string, unknown>, receivedOn: string, params: Record<string, unknown>): CaseContext =>
    ({
      case: { receivedOn, lowerHandling, pendingBelow: false },
      calendar,
      params,
      policy: { holidayRollover: true, lateExtensionCures: false },
    }) as unknown as CaseContext;
  const conclude = { conclude: { days: 60, unit: 'calendar' }, concludeExtension: { days: 30, unit: 'calendar' } };

  it('every branch of the pending-below judgement is made of steps', () => {
    const tally = newTally();
    const contexts = [
      context({ organ: 'qt-nr', acceptedOn: '2023-08-01', events: [] }, '2023-09-11', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2023-06-01', events: [] }, '2023-09-11', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2023-09-12', events: [] }, '2023-09-11', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2023-08-01', events: [{ type: 'concluded', on: '2023-08-30' }] }, '2023-09-11', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2023-06-01', events: [{ type: 'extension-approved', on: '2023-07-20', days: 30, approvedBy: 'head-of-organ' }] }, '2023-09-11', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2026-11-20', events: [] }, '2026-12-01', conclude),
      context({ organ: 'qt-nr', acceptedOn: '2023-08-01', events: [] }, '2023-09-11', {}),
    ];
    for (const ctx of contexts) {
      const fact = lowerHandlingFact(ctx)!;
      for (const text of fact.computation) {
        const step = stepOf(text);
        expect(step, text.en).toBeDefined();
        expect(renderStep(step!.kind, viaJson(step!.args))).toEqual(text);
        tally.steps++;
        tally.kinds.set(step!.kind, (tally.kinds.get(step!.kind) ?? 0) + 1);
      }
    }
    report('pending below', tally);
    for (const k of ['lower-accepted-later', 'lower-concluded', 'lower-time-limit-passed', 'no-handling-period', 'pending-below', 'provisional', 'extended']) expect(tally.kinds.has(k), k).toBe(true);
  });
});
