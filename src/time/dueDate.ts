import { CalendarCoverageError, type Calendar } from '../calendar/types.js';
import { nextWorkingDay } from '../calendar/workingDays.js';
import { addCalendarDays, compareDates, daysBetween, yearOf, type IsoDate } from '../dates/isoDate.js';
import type { DayCount } from './period.js';
import { describeRestDays } from './restDays.js';
import type { Bilingual as Text } from '../text/bilingual.js';

/**
 * Due-date arithmetic: every time limit of the library is computed here and nowhere else.
 *
 * How a petition period is counted: the day of the starting event is not counted and
 * counting starts the next day (the general rule on periods, civil code); plain 日 are calendar days,
 * working days only where the text says 工作日, and working days come from China's calendar with its
 * make-up days, never from weekends alone. Days of a pause (a hearing) are not counted. Extensions
 * approved by the head of the organ lengthen the period; one approved after the due date had passed
 * counts only when the policy says so. Finally, when the policy asks for it, a last day that is a rest
 * day is carried to the next working day, and the account says so. Every step is written down in
 * both languages, so the output shows how the date was reached.
 */

export type { Bilingual as Text } from '../text/bilingual.js';

/** A span of days (inclusive) that is not counted, e.g. a hearing. */
export interface Pause {
  readonly from: IsoDate;
  readonly until: IsoDate;
  readonly what: Text;
}

/** An extension on record: when, by how many days, and whether the head of the organ approved it. */
export interface ExtensionRecord {
  readonly on: IsoDate;
  readonly days: number;
  readonly byHead: boolean;
}

export interface DueDateInput {
  readonly calendar: Calendar;
  /** The day of the event that started the clock (not counted). */
  readonly start: IsoDate;
  /** What started the clock, for the account ("accepted", "received"). */
  readonly startEvent: Text;
  /** The period; `days: 0` means the same day (nothing is counted and nothing is rolled over). */
  readonly period: DayCount | { readonly days: 0; readonly unit: 'calendar' };
  /** Carry a last day that is a rest day to the next working day. */
  readonly rollover: boolean;
  readonly pauses?: readonly Pause[];
  readonly extensions?: readonly ExtensionRecord[];
  /** Whether an extension approved after the due date had passed still counts. */
  readonly lateExtensionCures?: boolean;
  /**
   * What to do with a day the calendar can only project (a year with no holiday notice yet): `project`
   * (the default) counts on it and marks the due date provisional; `strict` throws the calendar's
   * coverage error instead (policy calendarCoverage).
   */
  readonly calendarCoverage?: 'project' | 'strict';
  /** The policy option a same-day period came from, for the account (default `promptlyDays`). */
  readonly promptlyPolicy?: string;
  /**
   * The most the law lets the extensions add, in all (in the period's unit). Days approved beyond it do
   * not count: the lawful part lengthens the period, the excess is reported (`excessDays`).
   */
  readonly maxExtensionDays?: number;
}

export interface AppliedExtension {
  readonly on: IsoDate;
  readonly days: number;
  /** Whether it lengthened the period (approved by the head of the organ, in time or cured by policy). */
  readonly counted: boolean;
  /** `beyond-maximum`: approved when the extensions already counted had reached the most the law allows. */
  readonly reason: 'in-time' | 'late-cured' | 'late' | 'not-by-head' | 'beyond-maximum';
  /** Days approved beyond the most the law allows: not counted. */
  readonly excessDays?: number;
}

export interface DueDate {
  /** The last day allowed. */
  readonly dueOn: IsoDate;
  /** The due date before any extension (after rollover). */
  readonly originalDueOn: IsoDate;
  /** When a rest day was carried over: the day it was carried from. */
  readonly rolledOverFrom?: IsoDate;
  /** Days of pauses that fell inside the period and were not counted. */
  readonly pausedDays: number;
  readonly extensions: readonly AppliedExtension[];
  /** The account of the computation, step by step. */
  readonly computation: readonly Text[];
  /** Present when a day the computation consulted is not firm in the calendar: why, and the provisions a projected day rests on. */
  readonly provisional?: { readonly years: readonly number[]; readonly reasons: readonly Text[]; readonly basis: readonly string[] };
}

const unitText = (unit: 'calendar' | 'working', days: number): Text =>
  unit === 'calendar'
    ? { en: `${days} calendar day${days === 1 ? '' : 's'}`, zh: `${days}日` }
    : { en: `${days} working day${days === 1 ? '' : 's'}`, zh: `${days}个工作日` };

/**
 * The calendar as the computation sees it: every day it asks about is checked for a provisional answer
 * (a projected year), which is noted — or, under `strict`, refused with the calendar's coverage error.
 */
function watchProvisional(calendar: Calendar, coverage: 'project' | 'strict'): { calendar: Calendar; provisional(): Pick<DueDate, 'provisional'> } {
  const test = calendar.provisional;
  if (!test) return { calendar, provisional: () => ({}) };
  const reasons = new Map<string, Text>();
  const basis = new Set<string>();
  const years = new Set<number>();
  const note = (date: IsoDate): void => {
    const why = test.call(calendar, date);
    if (!why) return;
    if (coverage === 'strict') {
      throw new CalendarCoverageError(calendar.id, date, calendar.coverage, calendar.projectable, {
        en: `${why.en} Policy calendarCoverage is strict: no due date is given on a projected calendar.`,
        zh: `${why.zh}政策选项 calendarCoverage 为 strict：不依推算的日历给出到期日。`,
      });
    }
    reasons.set(why.en, why);
    years.add(yearOf(date));
    for (const b of calendar.basisOf?.(date) ?? []) basis.add(b);
  };
  const watched: Calendar = {
    id: calendar.id,
    coverage: calendar.coverage,
    isWorkingDay: (date) => {
      const working = calendar.isWorkingDay(date);
      note(date);
      return working;
    },
    describe: (date) => {
      const info = calendar.describe(date);
      note(date);
      return info;
    },
  };
  return { calendar: watched, provisional: () => (reasons.size === 0 ? {} : { provisional: { years: [...years].sort((a, b) => a - b), reasons: [...reasons.values()], basis: [...basis] } }) };
}

/**
 * The date `days` calendar days after `date`; a period reaching past the last writable date (9999-12-31)
 * is a date no calendar answers for, reported as such rather than as broken arithmetic.
 */
function calendarDaysAfter(calendar: Calendar, date: IsoDate, days: number): IsoDate {
  const lastWritable = '9999-12-31';
  if (days > daysBetween(date, lastWritable)) throw new CalendarCoverageError(calendar.id, lastWritable, calendar.coverage, calendar.projectable);
  return addCalendarDays(date, days);
}

/** Counts `days` after `start` (start day excluded) in `unit`, skipping paused days; returns the last day and the paused days skipped. */
function count(calendar: Calendar, start: IsoDate, days: number, unit: 'calendar' | 'working', pauses: readonly Pause[]): { last: IsoDate; paused: number } {
  // Calendar days with nothing paused: the last day is simply `days` after the start.
  if (unit === 'calendar' && pauses.length === 0) return { last: calendarDaysAfter(calendar, start, days), paused: 0 };
  const lastPaused = pauses.reduce((e, p) => (compareDates(p.until, e) > 0 ? p.until : e), start);
  const isPaused = (d: IsoDate) => pauses.some((p) => compareDates(p.from, d) <= 0 && compareDates(d, p.until) <= 0);
  let day = start;
  let counted = 0;
  let paused = 0;
  while (counted < days) {
    // Calendar days past every pause need no walking: the rest is plain arithmetic.
    if (unit === 'calendar' && compareDates(day, lastPaused) >= 0) return { last: calendarDaysAfter(calendar, day, days - counted), paused };
    day = addCalendarDays(day, 1);
    if (isPaused(day)) {
      // Skip a whole paused span at once (a pause may be long): jump to the last day of the latest pause
      // covering this day, counting the days skipped, instead of walking it day by day.
      const end = pauses.reduce((e, p) => (compareDates(p.from, day) <= 0 && compareDates(day, p.until) <= 0 && compareDates(p.until, e) > 0 ? p.until : e), day);
      paused += daysBetween(day, end) + 1;
      day = end;
      continue;
    }
    if (unit === 'calendar' || calendar.isWorkingDay(day)) counted++;
  }
  return { last: day, paused };
}

/** Applies the rollover policy to a last day, writing the step into `steps`. */
function roll(calendar: Calendar, last: IsoDate, rollover: boolean, steps: Text[]): { dueOn: IsoDate; from?: IsoDate } {
  if (calendar.isWorkingDay(last)) return { dueOn: last };
  const next = nextWorkingDay(calendar, last);
  const rest = describeRestDays(calendar, last, addCalendarDays(next, -1));
  if (!rollover) {
    steps.push({
      en: `${last} is a rest day (${rest.en}), but holiday rollover is off (policy holidayRollover), so the due date stays ${last}.`,
      zh: `${last}为休息日（${rest.zh}），但未启用节假日顺延（政策选项 holidayRollover），到期日仍为${last}。`,
    });
    return { dueOn: last };
  }
  steps.push({
    en: `Rolled over from ${last} to ${next} because ${rest.en} (policy holidayRollover: a period ending on a rest day ends on the next working day).`,
    zh: `因${rest.zh}，到期日由${last}顺延至${next}（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。`,
  });
  return { dueOn: next, from: last };
}

/**
 * Computes the due date of a counted period, with its account. The start day is excluded; pauses,
 * extensions and rollover are applied as described above. Dates outside the calendar's years throw
 * its coverage error (never a guess).
 */
export function computeDueDate(input: DueDateInput): DueDate {
  const { start, startEvent, period, rollover } = input;
  const watched = watchProvisional(input.calendar, input.calendarCoverage ?? 'project');
  const { calendar } = watched;
  const pauses = input.pauses ?? [];
  const steps: Text[] = [];

  if (period.days === 0) {
    steps.push({
      en: `Due the same day as the ${startEvent.en} (${start}): 'immediately' or 'promptly' without a day count, read as 0 days (policy ${input.promptlyPolicy ?? 'promptlyDays'}).`,
      zh: `与${startEvent.zh}同日（${start}）到期：法律规定“立即”“及时”而无天数，按0日计（政策选项 ${input.promptlyPolicy ?? 'promptlyDays'}）。`,
    });
    return { dueOn: start, originalDueOn: start, pausedDays: 0, extensions: [], computation: steps };
  }

  const unit = unitText(period.unit, period.days);
  const base = count(calendar, start, period.days, period.unit, []);
  steps.push({
    en: `${unit.en} from the ${startEvent.en} on ${start}, the start day not counted${period.unit === 'working' ? ' (working days per the State Council holiday notices, make-up working days included)' : ''}: day ${period.days} is ${base.last}.`,
    zh: `自${start}（${startEvent.zh}）起${unit.zh}，起算当日不计入${period.unit === 'working' ? '（工作日按国务院办公厅节假日安排通知计算，含调休上班日）' : ''}：第${period.days}日为${base.last}。`,
  });
  let last = base.last;
  let pausedDays = 0;
  if (pauses.length > 0) {
    const withPause = count(calendar, start, period.days, period.unit, pauses);
    pausedDays = withPause.paused;
    for (const p of pauses) {
      steps.push({
        en: `${p.what.en} from ${p.from} to ${p.until} is not counted${withPause.paused > 0 ? '' : ' (it falls outside the period)'}.`,
        zh: `${p.what.zh}时间（${p.from}至${p.until}）不计入期间${withPause.paused > 0 ? '' : '（不在期间之内）'}。`,
      });
    }
    if (withPause.paused > 0) {
      steps.push({
        en: `${withPause.paused} day${withPause.paused === 1 ? '' : 's'} not counted: day ${period.days} moves to ${withPause.last}.`,
        zh: `不计入${withPause.paused}日：第${period.days}日顺延为${withPause.last}。`,
      });
    }
    last = withPause.last;
  }
  const original = roll(calendar, last, rollover, steps);

  let dueOn = original.dueOn;
  let rolledOverFrom = original.from;
  let extraDays = 0;
  const applied: AppliedExtension[] = [];
  for (const ext of [...(input.extensions ?? [])].sort((a, b) => compareDates(a.on, b.on))) {
    const extText = unitText(period.unit, ext.days);
    if (!ext.byHead) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'not-by-head' });
      steps.push({
        en: `The extension of ${extText.en} recorded on ${ext.on} was not approved by the head of the organ: not counted.`,
        zh: `${ext.on}记录的延长${extText.zh}未经本机关负责人批准，不予计算。`,
      });
      continue;
    }
    const late = compareDates(ext.on, dueOn) > 0;
    if (late && !input.lateExtensionCures) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'late' });
      steps.push({
        en: `The extension of ${extText.en} approved by the head of the organ on ${ext.on} came after the due date ${dueOn} had passed: it does not cure the lateness (policy lateExtensionCures is off), so the due date stays ${dueOn}.`,
        zh: `本机关负责人于${ext.on}批准延长${extText.zh}，但此时${dueOn}的期限已经届满，延长不能补正逾期（政策选项 lateExtensionCures 未启用），到期日仍为${dueOn}。`,
      });
      continue;
    }
    const lawful = input.maxExtensionDays === undefined ? ext.days : Math.min(ext.days, Math.max(0, input.maxExtensionDays - extraDays));
    const excess = ext.days - lawful;
    if (lawful === 0) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'beyond-maximum', excessDays: excess });
      steps.push({
        en: `The extension of ${extText.en} approved on ${ext.on} goes beyond the most the law allows (${unitText(period.unit, input.maxExtensionDays ?? 0).en} in all, already reached): not counted; lateness is judged against the lawful due date ${dueOn}.`,
        zh: `${ext.on}批准的延长${extText.zh}超出法定最长延长期限（合计${unitText(period.unit, input.maxExtensionDays ?? 0).zh}，已经用尽），不予计算；是否逾期按法定期限${dueOn}判断。`,
      });
      continue;
    }
    if (excess > 0) {
      steps.push({
        en: `Of the extension of ${extText.en} approved on ${ext.on}, only ${unitText(period.unit, lawful).en} count: the law allows at most ${unitText(period.unit, input.maxExtensionDays ?? 0).en} of extension in all, so the ${unitText(period.unit, excess).en} beyond it are not counted and lateness is judged against the lawful due date.`,
        zh: `${ext.on}批准的延长${extText.zh}中只计算${unitText(period.unit, lawful).zh}：法律规定延长合计不得超过${unitText(period.unit, input.maxExtensionDays ?? 0).zh}，超出的${unitText(period.unit, excess).zh}不予计算，是否逾期按法定期限判断。`,
      });
    }
    extraDays += lawful;
    applied.push({ on: ext.on, days: ext.days, counted: true, reason: late ? 'late-cured' : 'in-time', ...(excess > 0 ? { excessDays: excess } : {}) });
    const total = period.days + extraDays;
    const extended = count(calendar, start, total, period.unit, pauses);
    const countedText = unitText(period.unit, lawful);
    steps.push({
      en: `Extension of ${countedText.en} approved by the head of the organ on ${ext.on}${late ? `, after the due date ${dueOn} had passed, counted because policy lateExtensionCures is on` : `, before the due date ${dueOn}`}: the period becomes ${unitText(period.unit, total).en}, day ${total} is ${extended.last}.`,
      zh: `本机关负责人于${ext.on}批准延长${countedText.zh}${late ? `（在${dueOn}期限届满之后批准，因启用政策选项 lateExtensionCures 仍予计算）` : `（在${dueOn}期限届满之前批准）`}：期间变为${unitText(period.unit, total).zh}，第${total}日为${extended.last}。`,
    });
    pausedDays = extended.paused;
    const rolled = roll(calendar, extended.last, rollover, steps);
    dueOn = rolled.dueOn;
    rolledOverFrom = rolled.from;
  }

  return {
    dueOn,
    originalDueOn: original.dueOn,
    ...(rolledOverFrom !== undefined ? { rolledOverFrom } : {}),
    pausedDays,
    extensions: applied,
    computation: steps,
    ...watched.provisional(),
  };
}

/**
 * The due date, or — where a day it depends on lies beyond what the calendar can answer for (a year it
 * cannot project, or any projected year under `calendarCoverage: strict`) — the problem, so that only
 * the time limit it touches goes without a date and the rest of the assessment stands.
 */
export function dueDateOrProblem(input: DueDateInput): DueDate | { problem: { date: IsoDate; reason: Text } } {
  try {
    return computeDueDate(input);
  } catch (error) {
    if (error instanceof CalendarCoverageError) return { problem: { date: error.date, reason: error.reason } };
    throw error;
  }
}
