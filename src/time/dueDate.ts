import { CalendarCoverageError, type Calendar } from '../calendar/types.js';
import { nextWorkingDay } from '../calendar/workingDays.js';
import { addCalendarDays, compareDates, daysBetween, yearOf, type IsoDate } from '../dates/isoDate.js';
import type { DayCount } from './period.js';
import { computationStep } from './computationSteps.js';
import { restDaysIn } from './restDays.js';
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
 * both languages, so the output shows how the date was reached; the words of each kind of step are in
 * computationSteps.ts, and each text remembers the step's data (`stepOf`).
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
  /**
   * What started the clock, for the account: an event type of the log (`accepted`, named "acceptance"
   * in the account), or the words themselves.
   */
  readonly startEvent: string | Text;
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
      throw new CalendarCoverageError(calendar.id, date, calendar.coverage, calendar.projectable, computationStep('strict-coverage', { en: why.en, zh: why.zh }));
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
  const rest = restDaysIn(calendar, last, addCalendarDays(next, -1));
  if (!rollover) {
    steps.push(computationStep('rest-day-kept', last, next, rest.holidays, rest.weekend));
    return { dueOn: last };
  }
  steps.push(computationStep('rolled-over', last, next, rest.holidays, rest.weekend));
  return { dueOn: next, from: last };
}

/**
 * Computes the due date of a counted period, with its account. The start day is excluded; pauses,
 * extensions and rollover are applied as described above. Dates outside the calendar's years throw
 * its coverage error (never a guess).
 */
export function computeDueDate(input: DueDateInput): DueDate {
  const { start, period, rollover } = input;
  // A step holds plain data: the caller's words for the start, copied as {en, zh}.
  const startEvent = typeof input.startEvent === 'string' ? input.startEvent : { en: input.startEvent.en, zh: input.startEvent.zh };
  const watched = watchProvisional(input.calendar, input.calendarCoverage ?? 'project');
  const { calendar } = watched;
  const pauses = input.pauses ?? [];
  const steps: Text[] = [];

  if (period.days === 0) {
    steps.push(computationStep('same-day', startEvent, start, input.promptlyPolicy ?? 'promptlyDays'));
    return { dueOn: start, originalDueOn: start, pausedDays: 0, extensions: [], computation: steps };
  }

  const base = count(calendar, start, period.days, period.unit, []);
  steps.push(computationStep('start-day-excluded', period.unit, period.days, startEvent, start, base.last));
  let last = base.last;
  let pausedDays = 0;
  if (pauses.length > 0) {
    const withPause = count(calendar, start, period.days, period.unit, pauses);
    pausedDays = withPause.paused;
    for (const p of pauses) {
      steps.push(computationStep('pause-not-counted', { en: p.what.en, zh: p.what.zh }, p.from, p.until, withPause.paused > 0));
    }
    if (withPause.paused > 0) {
      steps.push(computationStep('paused-days', withPause.paused, period.days, withPause.last));
    }
    last = withPause.last;
  }
  const original = roll(calendar, last, rollover, steps);

  let dueOn = original.dueOn;
  let rolledOverFrom = original.from;
  let extraDays = 0;
  const applied: AppliedExtension[] = [];
  for (const ext of [...(input.extensions ?? [])].sort((a, b) => compareDates(a.on, b.on))) {
    if (!ext.byHead) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'not-by-head' });
      steps.push(computationStep('extension-not-by-head', period.unit, ext.days, ext.on));
      continue;
    }
    const late = compareDates(ext.on, dueOn) > 0;
    if (late && !input.lateExtensionCures) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'late' });
      steps.push(computationStep('extension-late', period.unit, ext.days, ext.on, dueOn));
      continue;
    }
    const lawful = input.maxExtensionDays === undefined ? ext.days : Math.min(ext.days, Math.max(0, input.maxExtensionDays - extraDays));
    const excess = ext.days - lawful;
    if (lawful === 0) {
      applied.push({ on: ext.on, days: ext.days, counted: false, reason: 'beyond-maximum', excessDays: excess });
      steps.push(computationStep('extension-beyond-maximum', period.unit, ext.days, ext.on, input.maxExtensionDays ?? 0, dueOn));
      continue;
    }
    if (excess > 0) {
      steps.push(computationStep('extension-excess', period.unit, ext.days, ext.on, lawful, input.maxExtensionDays ?? 0));
    }
    extraDays += lawful;
    applied.push({ on: ext.on, days: ext.days, counted: true, reason: late ? 'late-cured' : 'in-time', ...(excess > 0 ? { excessDays: excess } : {}) });
    const total = period.days + extraDays;
    const extended = count(calendar, start, total, period.unit, pauses);
    steps.push(computationStep('extended', period.unit, lawful, ext.on, late, dueOn, total, extended.last));
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
