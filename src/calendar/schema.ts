import * as z from 'zod';
import { daysBetween, isIsoDate, isoWeekday, isWeekend, yearOf } from '../dates/isoDate.js';
import { resolveYear } from './resolveYear.js';
import type { CalendarYearData } from './types.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * The schema of one year of working-day calendar data (`rules/calendar/<id>/<year>.json`).
 *
 * Deadlines are computed from these dates, so the schema checks what a typing slip would break:
 * every date is a real date of its year, holiday periods run forwards and do not overlap, make-up
 * working days are Saturdays or Sundays outside every holiday and name a holiday of the year, and an
 * amendment only cancels make-up days that exist. No field beyond those of `CalendarYearData` is
 * accepted, so a note can only go into `note`.
 *
 * One exception to "inside its year": the New Year's Day holiday of year Y, and its make-up days, may
 * begin in December of Y−1 (the 2019 holiday ran from 30 December 2018, with Saturday 29 December 2018
 * worked). Those days were fixed by the notice for Y, so they live in Y's file and cite Y's notice.
 */

const NEW_YEARS_DAY = '元旦';
/** Longest holiday period accepted; the longest so far is the extended 2020 Spring Festival (10 days). */
const MAX_PERIOD_DAYS = 14;

const Text = z.string().trim().min(1, 'must not be empty');
const Bilingual = z.strictObject({ en: Text, zh: Text });
const CalendarDate = z.string().refine(isIsoDate, 'not a real calendar date (YYYY-MM-DD)');

const Source = z.strictObject({
  /** Short citation id, e.g. `国办发明电〔2021〕11号`. */
  id: Text,
  title: Bilingual,
  issued: CalendarDate.optional(),
});

const HolidayPeriod = z.strictObject({ name: Bilingual, from: CalendarDate, to: CalendarDate });
const MakeUpWorkingDay = z.strictObject({ date: CalendarDate, for: Bilingual });

const Amendment = z.strictObject({
  source: Source,
  holidays: z.array(HolidayPeriod),
  makeUpWorkingDays: z.array(MakeUpWorkingDay),
  cancelledMakeUpWorkingDays: z.array(CalendarDate).optional(),
});

export const CalendarYearSchema = z
  .strictObject({
    ...schemaKey,
    year: z.number().int().min(1949).max(2100),
    source: Source,
    note: Bilingual.optional(),
    holidays: z.array(HolidayPeriod).min(1, 'a year has at least one holiday'),
    makeUpWorkingDays: z.array(MakeUpWorkingDay),
    amendments: z.array(Amendment).optional(),
  })
  .superRefine((data, ctx) => {
    // A date that is not real has been reported by its field already; the checks below need real dates.
    if (!allDates(data).every(isIsoDate)) return;
    for (const problem of checkYear(data)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  });

function allDates(data: CalendarYearData): string[] {
  const parts = [data, ...(data.amendments ?? [])];
  return [
    ...(data.source.issued === undefined ? [] : [data.source.issued]),
    ...parts.flatMap((p) => [...p.holidays.flatMap((h) => [h.from, h.to]), ...p.makeUpWorkingDays.map((m) => m.date)]),
    ...(data.amendments ?? []).flatMap((a) => [...(a.source.issued === undefined ? [] : [a.source.issued]), ...(a.cancelledMakeUpWorkingDays ?? [])]),
  ];
}

interface Problem {
  message: string;
  path: (string | number)[];
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date)]!;
}

/** True when `date` may appear in the file for `year` under the name `holidayZh` (see above). */
function insideYear(date: string, year: number, holidayZh: string): boolean {
  if (yearOf(date) === year) return true;
  return holidayZh === NEW_YEARS_DAY && date >= `${year - 1}-12-01` && date <= `${year - 1}-12-31`;
}

function checkPeriods(
  periods: CalendarYearData['holidays'],
  year: number,
  at: (string | number)[],
  problems: Problem[],
): void {
  periods.forEach((p, i) => {
    if (p.from > p.to) problems.push({ message: `holiday "${p.name.en}" ends (${p.to}) before it starts (${p.from})`, path: [...at, i, 'to'] });
    else if (daysBetween(p.from, p.to) + 1 > MAX_PERIOD_DAYS)
      problems.push({ message: `holiday "${p.name.en}" ${p.from}..${p.to} is longer than ${MAX_PERIOD_DAYS} days`, path: [...at, i, 'to'] });
    for (const key of ['from', 'to'] as const) {
      if (!insideYear(p[key], year, p.name.zh))
        problems.push({ message: `holiday "${p.name.en}" date ${p[key]} is outside ${year}`, path: [...at, i, key] });
    }
  });
  const sorted = periods.map((p, i) => ({ p, i })).sort((a, b) => (a.p.from < b.p.from ? -1 : 1));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.p.from <= prev.p.to)
      problems.push({
        message: `holidays "${prev.p.name.en}" (${prev.p.from}..${prev.p.to}) and "${cur.p.name.en}" (${cur.p.from}..${cur.p.to}) overlap`,
        path: [...at, cur.i, 'from'],
      });
  }
}

function checkMakeUpDays(
  days: CalendarYearData['makeUpWorkingDays'],
  year: number,
  names: Map<string, string>,
  at: (string | number)[],
  problems: Problem[],
): void {
  const seen = new Set<string>();
  days.forEach((m, i) => {
    if (seen.has(m.date)) problems.push({ message: `make-up working day ${m.date} is listed twice`, path: [...at, i, 'date'] });
    seen.add(m.date);
    if (!isWeekend(m.date))
      problems.push({ message: `make-up working day ${m.date} is a ${weekdayName(m.date)}, not a Saturday or Sunday`, path: [...at, i, 'date'] });
    if (!insideYear(m.date, year, m.for.zh))
      problems.push({ message: `make-up working day ${m.date} is outside ${year}`, path: [...at, i, 'date'] });
    const en = names.get(m.for.zh);
    if (en === undefined)
      problems.push({ message: `make-up working day ${m.date} is for "${m.for.zh}", which is not a holiday of ${year}`, path: [...at, i, 'for'] });
    else if (en !== m.for.en)
      problems.push({ message: `make-up working day ${m.date}: "${m.for.zh}" is called "${en}" in holidays, not "${m.for.en}"`, path: [...at, i, 'for', 'en'] });
  });
}

/** The checks beyond shape, run by `CalendarYearSchema` once the shape is right. */
function checkYear(data: CalendarYearData): Problem[] {
  const problems: Problem[] = [];
  const { year } = data;
  const names = new Map<string, string>();
  for (const h of data.holidays) names.set(h.name.zh, h.name.en);
  for (const a of data.amendments ?? []) for (const h of a.holidays) names.set(h.name.zh, h.name.en);

  if (data.source.issued !== undefined && data.source.issued > `${year}-12-31`)
    problems.push({ message: `notice issued ${data.source.issued}, after the year it arranges`, path: ['source', 'issued'] });
  const baseNames = new Set<string>();
  data.holidays.forEach((h, i) => {
    if (baseNames.has(h.name.zh)) problems.push({ message: `holiday "${h.name.zh}" is listed twice`, path: ['holidays', i, 'name'] });
    baseNames.add(h.name.zh);
  });

  checkPeriods(data.holidays, year, ['holidays'], problems);
  checkMakeUpDays(data.makeUpWorkingDays, year, names, ['makeUpWorkingDays'], problems);
  const baseMakeUps = new Set(data.makeUpWorkingDays.map((m) => m.date));
  (data.amendments ?? []).forEach((a, j) => {
    checkPeriods(a.holidays, year, ['amendments', j, 'holidays'], problems);
    checkMakeUpDays(a.makeUpWorkingDays, year, names, ['amendments', j, 'makeUpWorkingDays'], problems);
    (a.cancelledMakeUpWorkingDays ?? []).forEach((d, i) => {
      if (!baseMakeUps.has(d))
        problems.push({ message: `amendment ${a.source.id} cancels ${d}, which is not a make-up working day`, path: ['amendments', j, 'cancelledMakeUpWorkingDays', i] });
    });
  });
  if (problems.length > 0) return problems;

  // The arrangement in force, amendments applied: periods apart, make-up days outside all of them.
  const resolved = resolveYear(data);
  for (let k = 1; k < resolved.holidays.length; k++) {
    const prev = resolved.holidays[k - 1]!;
    const cur = resolved.holidays[k]!;
    if (cur.from <= prev.to)
      problems.push({ message: `as amended, holidays "${prev.name.en}" and "${cur.name.en}" overlap`, path: ['amendments'] });
  }
  for (const m of resolved.makeUpWorkingDays) {
    const inside = resolved.holidays.find((h) => h.from <= m.date && m.date <= h.to);
    if (inside)
      problems.push({
        message: `make-up working day ${m.date} falls inside the holiday "${inside.name.en}" (${inside.from}..${inside.to})`,
        path: ['makeUpWorkingDays'],
      });
  }
  if (new Set(resolved.makeUpWorkingDays.map((m) => m.date)).size !== resolved.makeUpWorkingDays.length)
    problems.push({ message: 'as amended, a make-up working day is listed twice', path: ['amendments'] });
  return problems;
}

/** A schema failure as lines `path: message` (`makeUpWorkingDays[1].date: make-up working day … is a Wednesday`). */
export function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${path ? `${path}: ` : ''}${issue.message}`;
  });
}
