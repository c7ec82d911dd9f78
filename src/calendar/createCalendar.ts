import { addCalendarDays, isIsoDate, isWeekend, yearOf, type IsoDate } from '../dates/isoDate.js';
import { CalendarDataError } from './CalendarDataError.js';
import { recordCalendarData } from './calendarData.js';
import { citeSource, resolveYear } from './resolveYear.js';
import { CalendarYearSchema, issueMessages } from './schema.js';
import { projectYear, type Projection, type ProjectedYear } from './projection.js';
import { CalendarCoverageError, type Calendar, type CalendarYearData, type DayInfo, type Text } from './types.js';

interface Entry {
  readonly kind: 'holiday' | 'make-up-working-day';
  readonly holiday: { readonly en: string; readonly zh: string };
  readonly source: string;
  /** The year whose file fixed this day (it can be the next year's, for a late-December day). */
  readonly year: number;
}

/**
 * Builds a working-day calendar from years of notice data (`rules/calendar/<id>/<year>.json`).
 *
 * Every year is checked against {@link CalendarYearSchema} and the years must run without a gap, so a
 * malformed or missing file fails here with a {@link CalendarDataError} naming the year and the
 * problem, never later as a wrong deadline. The holidays and make-up days are then flattened into one
 * map keyed by date, so each question is a map lookup and a weekday.
 *
 * With a `projection` (the Measures on National Holidays and the festival dates), a year after the
 * data is projected from the law (see `projection.ts`) and every date that depends on it is
 * {@link Calendar.provisional}: the years without a notice, and the last days of December of the last
 * noticed year, which the next year's New Year's Day arrangement has reached back into before. A date
 * the calendar can neither read nor project throws {@link CalendarCoverageError}.
 */
export function createCalendar(id: string, years: readonly CalendarYearData[], options: { readonly projection?: Projection } = {}): Calendar {
  if (years.length === 0) throw new CalendarDataError(id, ['no years of data']);

  const parsed: CalendarYearData[] = years.map((input, index) => {
    const result = CalendarYearSchema.safeParse(input);
    if (result.success) return result.data;
    const year = typeof (input as { year?: unknown } | null)?.year === 'number' ? (input as { year: number }).year : undefined;
    const problems = issueMessages(result.error);
    throw new CalendarDataError(id, year === undefined ? problems.map((p) => `years[${index}]: ${p}`) : problems, year);
  });

  parsed.sort((a, b) => a.year - b.year);
  const from = parsed[0]!.year;
  const to = parsed[parsed.length - 1]!.year;
  for (let k = 1; k < parsed.length; k++) {
    const prev = parsed[k - 1]!.year;
    const cur = parsed[k]!.year;
    if (cur === prev) throw new CalendarDataError(id, [`year ${cur} is given twice`], cur);
    if (cur !== prev + 1)
      throw new CalendarDataError(id, [`years must be contiguous: ${prev + 1}${cur - 1 > prev + 1 ? `–${cur - 1}` : ''} missing between ${prev} and ${cur}`]);
  }

  const days = new Map<IsoDate, Entry>();
  const yearSource = new Map<number, string>();
  const put = (date: IsoDate, entry: Entry): void => {
    const existing = days.get(date);
    if (existing)
      throw new CalendarDataError(id, [`${date} is set by the data of both ${existing.year} and ${entry.year}`], entry.year);
    days.set(date, entry);
  };
  for (const data of parsed) {
    yearSource.set(data.year, citeSource(data.source));
    const resolved = resolveYear(data);
    for (const h of resolved.holidays) {
      for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) put(d, { kind: 'holiday', holiday: h.name, source: h.source, year: data.year });
    }
    for (const m of resolved.makeUpWorkingDays) put(m.date, { kind: 'make-up-working-day', holiday: m.for, source: m.source, year: data.year });
  }

  const coverage = Object.freeze({ from, to });
  const { projection } = options;
  const projectable = projection ? Object.freeze({ from: to + 1, to: Math.max(to, projection.festivals.to) }) : undefined;
  const projected = new Map<number, ProjectedYear | undefined>();
  /** The projection of a year after the data, made once per year; undefined where the law or the festival data does not reach. */
  const projectionOf = (year: number): ProjectedYear | undefined => {
    if (!projection || year <= to) return undefined;
    if (!projected.has(year)) projected.set(year, projectYear(projection, year));
    return projected.get(year);
  };

  const check = (date: IsoDate): ProjectedYear | undefined => {
    if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    const year = yearOf(date);
    if (year >= from && year <= to) return undefined;
    const p = year > to ? projectionOf(year) : undefined;
    if (!p) throw new CalendarCoverageError(id, date, { from, to }, projectable);
    return p;
  };

  // The earliest day of December that a New Year's Day arrangement has reached back into (12-29 in the
  // data: 2007-12-29 worked for 2008): such days of the last noticed year wait on the next notice too.
  const reachBack = parsed
    .flatMap((data) => [...data.holidays.flatMap((h) => [h.from]), ...data.makeUpWorkingDays.map((m) => m.date)].filter((d) => yearOf(d) === data.year - 1))
    .map((d) => d.slice(5))
    .sort()[0];
  const reasons = new Map<number, Text>();
  const projectedReason = (p: ProjectedYear): Text => {
    let reason = reasons.get(p.year);
    if (!reason) {
      reason = {
        en: `${p.year} has no State Council holiday notice in the calendar data: its rest days are projected from the statutory holidays of the ${p.version.title.en} (${p.version.id}, arts 2 and 6: a holiday falling on a weekend is made up on the next working day) and weekends. The notice's swapped working days cannot be foreseen, so a date in ${p.year} may move once the notice is published (add it with the option calendarYears or the CLI's --calendar).`,
        zh: `日历数据中尚无国务院办公厅${p.year}年节假日安排通知：该年休息日依${p.version.title.zh}（${p.version.id}）第二条、第六条（放假节日适逢周六、周日的，在其后的工作日补假）及周末推算。通知的调休安排无法预知，通知公布后${p.year}年的日期可能变动（可通过选项 calendarYears 或命令行 --calendar 补充通知）。`,
      };
      reasons.set(p.year, reason);
    }
    return reason;
  };
  const lateDecember: Text = {
    en: `The last days of ${to}, from ${to}-${reachBack ?? '12-31'}, may still be rearranged by the notice for ${to + 1} (not in the calendar data yet) for New Year's Day, as earlier notices did.`,
    zh: `${to}年末自${to}-${reachBack ?? '12-31'}起的数日，仍可能为尚未纳入日历数据的${to + 1}年节假日安排通知因元旦放假而调整，以往通知即有先例。`,
  };

  const provisionalReason = (date: IsoDate): Text | undefined => {
    const year = yearOf(date);
    if (year < to) return undefined;
    if (year > to) {
      const p = check(date);
      return p ? projectedReason(p) : undefined;
    }
    if (!projectable || reachBack === undefined || !isIsoDate(date)) return undefined;
    return date.slice(5) >= reachBack ? lateDecember : undefined;
  };

  const calendar: Calendar = {
    id,
    coverage,
    ...(projectable ? { projectable } : {}),
    isWorkingDay(date: IsoDate): boolean {
      const p = check(date);
      if (p) return !p.days.has(date) && !isWeekend(date);
      const entry = days.get(date);
      if (entry) return entry.kind === 'make-up-working-day';
      return !isWeekend(date);
    },
    describe(date: IsoDate): DayInfo {
      const p = check(date);
      if (p) {
        const day = p.days.get(date);
        const provisional = projectedReason(p);
        if (day) return { date, kind: 'holiday', holiday: day.holiday, source: day.source, provisional };
        return { date, kind: isWeekend(date) ? 'weekend' : 'working-day', source: citeSource({ id: p.version.id, title: p.version.title }), provisional };
      }
      const entry = days.get(date);
      const provisional = provisionalReason(date);
      const info: DayInfo = entry
        ? { date, kind: entry.kind, holiday: entry.holiday, source: entry.source }
        : { date, kind: isWeekend(date) ? 'weekend' : 'working-day', source: yearSource.get(yearOf(date))! };
      return provisional ? { ...info, provisional } : info;
    },
    provisional: provisionalReason,
    basisOf(date: IsoDate): readonly string[] {
      const year = yearOf(date);
      if (year <= to) return [];
      return check(date)?.version.basis ?? [];
    },
  };
  Object.freeze(calendar);
  recordCalendarData(calendar, { id, years: parsed, projection: projection ?? null });
  return calendar;
}
