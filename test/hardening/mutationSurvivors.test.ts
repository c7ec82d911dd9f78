import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../src/calendar/chinaCalendar.js';
import type { Calendar, DayInfo } from '../../src/calendar/types.js';
import { addWorkingDays, nextWorkingDay, workingDaysBetween } from '../../src/calendar/workingDays.js';
import { addCalendarDays, assertIsoDate, daysBetween, fromUTCDate, isIsoDate, isoWeekday, toUTCDate } from '../../src/dates/isoDate.js';
import { builtinOperators, checkOperators, engineOperatorFunctions, strictOperator } from '../../src/engine/operators.js';
import { resolvePath } from '../../src/engine/pathResolver.js';
import { isFactReference, leafTrace } from '../../src/engine/traceCondition.js';
import { describeRestDays, formatSpan } from '../../src/time/restDays.js';
import { computeDueDate, type DueDateInput } from '../../src/time/dueDate.js';
import { judgeStatus } from '../../src/time/status.js';

/**
 * Issue 11 §8: behaviour the mutation run (npm run mutation) showed no test pinned — each mutant it
 * left alive here changed an answer and is now caught. Expected values are worked out by hand: dates
 * from the proleptic Gregorian calendar, working days from the State Council notice for 2024.
 */

describe('ISO dates', () => {
  it('accepts every year 0000–9999 alike, before and after arithmetic reaches it (years 0–99 were read as 1900–1999)', () => {
    expect(isIsoDate('0050-01-01')).toBe(true);
    expect(isIsoDate('0000-01-01')).toBe(true);
    expect(addCalendarDays('0100-01-01', -365)).toBe('0099-01-01');
    expect(isoWeekday('0000-01-01')).toBe(6); // a Saturday
    expect(daysBetween('0000-01-01', '1970-01-01')).toBe(719_528); // 1970 years of 365.2425 days
    expect(fromUTCDate(toUTCDate('0050-06-15'))).toBe('0050-06-15');
    expect(toUTCDate('2023-03-01').toISOString()).toBe('2023-03-01T00:00:00.000Z');
  });

  it('refuses what is not a real date written YYYY-MM-DD, naming it', () => {
    for (const bad of ['2023-02-29', '2023-13-01', '2023-00-10', ' 2023-03-01', '2023-03-01 ', 'x2023-03-01', '2023-3-1', '10000-01-01']) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(() => assertIsoDate(bad), bad).toThrow(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(bad)}`);
    }
    const disguised = { toString: () => '2023-03-01' };
    expect(isIsoDate(disguised)).toBe(false);
    expect(() => assertIsoDate(disguised)).toThrow(RangeError);
    expect(() => toUTCDate('2023-02-29')).toThrow(RangeError);
  });

  it('says arithmetic left years 0000–9999, either way', () => {
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/^date arithmetic left the calendar \(years 0000-9999\): day 2932897 after 1970-01-01$/);
    expect(() => addCalendarDays('0000-01-01', -1)).toThrow(/^date arithmetic left the calendar \(years 0000-9999\): day -719529 after 1970-01-01$/);
    expect(addCalendarDays('9999-12-30', 1)).toBe('9999-12-31');
  });
});

const cn = chinaCalendar();

/** A calendar whose days are working from `firstWorking` on (never, when undefined): for the 60-rest-day guard. */
function restUntil(firstWorking: string | undefined): Calendar {
  return { id: 'test', isWorkingDay: (d: string) => firstWorking !== undefined && d >= firstWorking } as unknown as Calendar;
}

describe('working days', () => {
  it('stop after 60 consecutive rest days, and reach a working day 60 days on', () => {
    expect(nextWorkingDay(restUntil(addCalendarDays('2023-01-01', 60)), '2023-01-01')).toBe('2023-03-02');
    expect(() => nextWorkingDay(restUntil(addCalendarDays('2023-01-01', 61)), '2023-01-01')).toThrow('calendar "test" has no working day within 60 days after 2023-01-01');
    expect(() => nextWorkingDay(restUntil(undefined), '2023-01-01')).toThrow('calendar "test" has no working day within 60 days after 2023-01-01');
    // The day after 60 rest days is still reached; after 61 the count gives up.
    expect(addWorkingDays(restUntil(addCalendarDays('2023-01-01', 61)), '2023-01-01', 1)).toBe('2023-03-03');
    expect(() => addWorkingDays(restUntil(addCalendarDays('2023-01-01', 62)), '2023-01-01', 1)).toThrow('calendar "test" has no working day within 60 days after 2023-01-01');
    expect(() => addWorkingDays(restUntil(undefined), '2023-01-01', 1)).toThrow('calendar "test" has no working day within 60 days after 2023-01-01');
  });

  it('refuses a count that is not a whole number of at least 1, saying so', () => {
    expect(() => addWorkingDays(cn, '2024-02-09', 0)).toThrow('working days to add must be a whole number ≥ 1, got 0');
    expect(() => addWorkingDays(cn, '2024-02-09', 1.5)).toThrow('working days to add must be a whole number ≥ 1, got 1.5');
  });

  it('count backwards as the negated count forwards (Spring Festival 2024: 10–17 February off, Sunday 18 worked)', () => {
    expect(workingDaysBetween(cn, '2024-02-09', '2024-02-19')).toBe(2);
    expect(workingDaysBetween(cn, '2024-02-19', '2024-02-09')).toBe(-2);
    expect(workingDaysBetween(cn, '2024-02-12', '2024-02-12')).toBe(0);
  });
});

describe('rest-day accounts', () => {
  it('write a span short within a month or a year, in full across years', () => {
    expect(formatSpan('2024-02-10', '2024-02-10')).toBe('2024-02-10');
    expect(formatSpan('2024-02-10', '2024-02-17')).toBe('2024-02-10..17');
    expect(formatSpan('2024-09-29', '2024-10-07')).toBe('2024-09-29..10-07');
    expect(formatSpan('2024-12-28', '2025-01-01')).toBe('2024-12-28..2025-01-01');
  });

  /** A calendar that tells each day's kind from a table (a working day elsewhere). */
  const described = (days: Record<string, Partial<DayInfo>>): Calendar =>
    ({ id: 'test', describe: (date: string) => ({ date, kind: 'working-day', source: 'test', ...days[date] }) }) as unknown as Calendar;
  const festival = { en: 'Spring Festival', zh: '春节' };

  it('name the holidays and weekends of the span, in both languages, and only those', () => {
    const weekendOnly = described({ '2024-03-16': { kind: 'weekend' }, '2024-03-17': { kind: 'weekend' } });
    expect(describeRestDays(weekendOnly, '2024-03-16', '2024-03-17')).toEqual({ en: '2024-03-16..17 is a weekend', zh: '2024-03-16..17为周末' });
    const both = described({ '2024-02-10': { kind: 'holiday', holiday: festival }, '2024-02-11': { kind: 'holiday', holiday: festival }, '2024-02-12': { kind: 'weekend' } });
    expect(describeRestDays(both, '2024-02-10', '2024-02-12')).toEqual({ en: '2024-02-10..12 is the Spring Festival holiday and a weekend', zh: '2024-02-10..12为春节假期和周末' });
    // The last day of the span counts too.
    const lastDay = described({ '2024-02-11': { kind: 'holiday', holiday: festival } });
    expect(describeRestDays(lastDay, '2024-02-10', '2024-02-11').en).toBe('2024-02-10..11 is the Spring Festival holiday');
    // A holiday day without a name, or a make-up day's holiday, is not named.
    const unnamed = described({ '2024-02-10': { kind: 'holiday' }, '2024-02-11': { kind: 'make-up-working-day', holiday: festival } });
    expect(describeRestDays(unnamed, '2024-02-10', '2024-02-11')).toEqual({ en: '2024-02-10..11 is a rest day', zh: '2024-02-10..11为休息日' });
  });
});

describe('status of a duty with no day count', () => {
  it('is open for a petitioner\'s window, pending for a duty', () => {
    expect(judgeStatus({ dueOn: null, asOf: '2024-03-01', warningDays: 3, window: true, metOn: undefined })).toEqual({ status: 'open' });
    expect(judgeStatus({ dueOn: null, asOf: '2024-03-01', warningDays: 3, window: false, metOn: undefined })).toEqual({ status: 'pending' });
  });
});

describe('condition paths', () => {
  it('read own properties of objects only', () => {
    expect(resolvePath({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(resolvePath({ a: null }, 'a.b')).toBeUndefined();
    expect(resolvePath({ a: 'text' }, 'a.length')).toBeUndefined();
    expect(resolvePath({ a: 7 }, 'a.b')).toBeUndefined();
    expect(resolvePath({}, 'toString')).toBeUndefined();
    expect(resolvePath(Object.create({ inherited: 1 }), 'inherited')).toBeUndefined();
  });
});

describe('trace leaves', () => {
  it('tell a fact reference from a value', () => {
    expect(isFactReference({ fact: 'param', path: 'x' })).toBe(true);
    expect(isFactReference({ fact: 1 })).toBe(false);
    expect(isFactReference([{ fact: 'x' }])).toBe(false);
    expect(isFactReference(null)).toBe(false);
    expect(isFactReference('param')).toBe(false);
  });

  it('show the path only when there is one, the fact value only once evaluated, the resolved value only for a reference', () => {
    const plain = { fact: 'case', operator: 'equal', value: 3 } as never;
    expect(leafTrace(plain, true, 3, undefined)).toStrictEqual({ fact: 'case', operator: 'equal', value: 3, factValue: 3, result: true });
    expect(leafTrace(plain, undefined, 3, undefined)).toStrictEqual({ fact: 'case', operator: 'equal', value: 3, result: null });
    const ref = { fact: 'case', path: 'n', operator: 'equal', value: { fact: 'param', path: 'x' } } as never;
    expect(leafTrace(ref, false, 2, 5)).toStrictEqual({ fact: 'case', path: 'n', operator: 'equal', value: { fact: 'param', path: 'x' }, factValue: 2, valueResolved: 5, result: false });
    expect(leafTrace(ref, 'yes', 2, 5)).toStrictEqual({ fact: 'case', path: 'n', operator: 'equal', value: { fact: 'param', path: 'x' }, result: null });
  });
});

describe('operators', () => {
  it('contains and doesNotContain hold for arrays only, as in json-rules-engine', () => {
    expect(engineOperatorFunctions.contains([1, 2], 2)).toBe(true);
    expect(engineOperatorFunctions.contains([1, 2], 3)).toBe(false);
    expect(engineOperatorFunctions.contains('abc', 'a')).toBe(false);
    expect(engineOperatorFunctions.doesNotContain([1, 2], 3)).toBe(true);
    expect(engineOperatorFunctions.doesNotContain([1, 2], 1)).toBe(false);
    expect(engineOperatorFunctions.doesNotContain('abc', 'z')).toBe(false);
    expect(engineOperatorFunctions.greaterThan('abc', 1)).toBe(false);
    expect(engineOperatorFunctions.lessThan('5', 6)).toBe(true);
    // json-rules-engine's numeric check: a fact value that does not read as a number is false, whatever `<` would say.
    expect(engineOperatorFunctions.lessThan(null, 1)).toBe(false);
    expect(engineOperatorFunctions.greaterThanInclusive([], 0)).toBe(false);
    expect(engineOperatorFunctions.lessThanInclusive('', 0)).toBe(false);
  });

  it('nonEmpty counts array items and object keys, nothing else', () => {
    const nonEmpty = builtinOperators.find((o) => o.name === 'nonEmpty')!.evaluate;
    expect(nonEmpty({ a: 1 }, true)).toBe(true);
    expect(nonEmpty({}, false)).toBe(true);
    expect(nonEmpty('text', true)).toBe(false);
    expect(nonEmpty(null, false)).toBe(true);
  });

  it('a caller\'s operator that is not an object, or not a plain word, is refused', () => {
    expect(() => checkOperators([null as never])).toThrow('operators[0]: an operator is an object { name, description, evaluate }');
    expect(() => checkOperators(['withinDays' as never])).toThrow('operators[0]: an operator is an object { name, description, evaluate }');
    for (const name of ['1st', 'a:b', 'within days', '', 'x!'] as const) {
      expect(() => checkOperators([{ name, description: '', evaluate: () => true }]), name).toThrow(`operators[0]: operator name ${JSON.stringify(name)} must be a plain word`);
    }
    expect(() => checkOperators([{ name: 'in', description: '', evaluate: () => true }])).toThrow('operator "in" is already defined');
    expect(() => checkOperators([{ name: 'nonEmpty', description: '', evaluate: () => true }])).toThrow('operator "nonEmpty" is already defined');
    expect(() => checkOperators([{ name: 'within-days_2', description: '', evaluate: () => true }])).not.toThrow();
  });

  it('an answer other than true or false is named in the error', () => {
    const answering = (answer: unknown) => () => strictOperator({ name: 'odd', description: '', evaluate: () => answer as boolean })(1, 1);
    expect(answering(null)).toThrow('operator "odd" must return true or false, but returned null');
    expect(answering(undefined)).toThrow('operator "odd" must return true or false, but returned undefined');
    expect(answering({ then: 1 })).toThrow('operator "odd" must return true or false, but returned {"then":1}');
    expect(answering(Promise.resolve(true))).toThrow('operator "odd" must return true or false, but returned a Promise (operators must be synchronous)');
    expect(answering(1)).toThrow('operator "odd" must return true or false, but returned 1');
  });
});

describe('due dates: pauses, extensions and their account', () => {
  const calendar = chinaCalendar();
  const due = (over: Partial<DueDateInput>) =>
    computeDueDate({ calendar, start: '2024-03-01', startEvent: { en: 'receipt', zh: '收到' }, period: { days: 30, unit: 'calendar' }, rollover: true, ...over });
  const hearing = (from: string, until: string) => ({ from, until, what: { en: 'Hearing', zh: '听证' } });

  it('say which pause falls inside the period and how many days it moves the last day (one day, several, none)', () => {
    // 2024-03-01 + 30 = 2024-03-31 (Sunday); one hearing day inside moves it to Monday 1 April.
    const one = due({ pauses: [hearing('2024-03-10', '2024-03-10')] });
    expect(one.computation.map((s) => s.en)).toEqual([
      '30 calendar days from the receipt on 2024-03-01, the start day not counted: day 30 is 2024-03-31.',
      'Hearing from 2024-03-10 to 2024-03-10 is not counted.',
      '1 day not counted: day 30 moves to 2024-04-01.',
    ]);
    expect(one.computation.map((s) => s.zh)).toEqual(['自2024-03-01（收到）起30日，起算当日不计入：第30日为2024-03-31。', '听证时间（2024-03-10至2024-03-10）不计入期间。', '不计入1日：第30日顺延为2024-04-01。']);
    expect(one).toMatchObject({ dueOn: '2024-04-01', pausedDays: 1 });
    expect('rolledOverFrom' in one).toBe(false);
    const outside = due({ pauses: [hearing('2024-05-10', '2024-05-12')] });
    expect(outside.computation[1]).toEqual({ en: 'Hearing from 2024-05-10 to 2024-05-12 is not counted (it falls outside the period).', zh: '听证时间（2024-05-10至2024-05-12）不计入期间（不在期间之内）。' });
    expect(outside.computation.some((s) => /^\d+ days? not counted:/.test(s.en))).toBe(false);
    expect(outside).toMatchObject({ dueOn: '2024-04-01', rolledOverFrom: '2024-03-31', pausedDays: 0 });
  });

  it('skip every pause, listed in any order, before the plain count resumes', () => {
    // 2 + 3 paused days: day 30 moves from 31 March to 5 April, inside Qingming (4–6 April), carried to Sunday 7 April, a make-up working day.
    const d = due({ pauses: [hearing('2024-03-20', '2024-03-22'), hearing('2024-03-05', '2024-03-06')] });
    expect(d).toMatchObject({ dueOn: '2024-04-07', rolledOverFrom: '2024-04-05', pausedDays: 5 });
    expect(d.computation[3]!.en).toBe('5 days not counted: day 30 moves to 2024-04-05.');
  });

  it('count working days around overlapping pauses (March 2024 has no holiday)', () => {
    // 10 working days after Friday 1 March are 4–8 and 11–15 March; a pause 5–8 March (two overlapping
    // hearings) leaves 4, 11–15 and 18–21 March: day 10 is Thursday 21 March.
    const d = due({ period: { days: 10, unit: 'working' }, pauses: [hearing('2024-03-06', '2024-03-08'), hearing('2024-03-05', '2024-03-07')] });
    expect(d).toMatchObject({ dueOn: '2024-03-21', pausedDays: 4 });
    expect(d.computation[0]!.en).toBe('10 working days from the receipt on 2024-03-01, the start day not counted (working days per the State Council holiday notices, make-up working days included): day 10 is 2024-03-15.');
    expect(d.computation[0]!.zh).toBe('自2024-03-01（收到）起10个工作日，起算当日不计入（工作日按国务院办公厅节假日安排通知计算，含调休上班日）：第10日为2024-03-15。');
  });

  it('count extensions in the order approved, up to the most the law allows, and say what is left out', () => {
    // 60 days from 5 February 2024; the law allows 30 more. Approved 1 March: 45 (30 count, 15 not);
    // approved 2 March: 5 (none left). 90 days from 5 February is Sunday 5 May, inside the Labour Day
    // holiday (1–5 May): carried to Monday 6 May.
    const d = due({ start: '2024-02-05', period: { days: 60, unit: 'calendar' }, maxExtensionDays: 30, extensions: [{ on: '2024-03-02', days: 5, byHead: true }, { on: '2024-03-01', days: 45, byHead: true }] });
    expect(d.dueOn).toBe('2024-05-06');
    expect(d.extensions).toEqual([
      { on: '2024-03-01', days: 45, counted: true, reason: 'in-time', excessDays: 15 },
      { on: '2024-03-02', days: 5, counted: false, reason: 'beyond-maximum', excessDays: 5 },
    ]);
    const en = d.computation.map((s) => s.en).join('\n');
    expect(en).toContain('Of the extension of 45 calendar days approved on 2024-03-01, only 30 calendar days count: the law allows at most 30 calendar days of extension in all, so the 15 calendar days beyond it are not counted');
    expect(en).toContain('The extension of 5 calendar days approved on 2024-03-02 goes beyond the most the law allows (30 calendar days in all, already reached)');
    const zh = d.computation.map((s) => s.zh).join('\n');
    expect(zh).toContain('法律规定延长合计不得超过30日，超出的15日不予计算');
    expect(zh).toContain('超出法定最长延长期限（合计30日，已经用尽）');
    // An extension within the most allowed has no such step.
    const within = due({ start: '2024-02-05', period: { days: 60, unit: 'calendar' }, maxExtensionDays: 30, extensions: [{ on: '2024-03-01', days: 30, byHead: true }] });
    expect(within.computation.some((s) => s.en.startsWith('Of the extension'))).toBe(false);
    expect(within.extensions).toEqual([{ on: '2024-03-01', days: 30, counted: true, reason: 'in-time' }]);
  });

  it('a period of no days is due the same day, naming the policy that reads it so', () => {
    const d = due({ period: { days: 0, unit: 'calendar' } });
    expect(d).toEqual({
      dueOn: '2024-03-01',
      originalDueOn: '2024-03-01',
      pausedDays: 0,
      extensions: [],
      computation: [
        {
          en: "Due the same day as the receipt (2024-03-01): 'immediately' or 'promptly' without a day count, read as 0 days (policy promptlyDays).",
          zh: '与收到同日（2024-03-01）到期：法律规定“立即”“及时”而无天数，按0日计（政策选项 promptlyDays）。',
        },
      ],
    });
  });
});
