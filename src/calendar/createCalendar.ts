import { addCalendarDays, isIsoDate, isWeekend, yearOf, type IsoDate } from '../dates/isoDate.js';
import { CalendarDataError } from './CalendarDataError.js';
import { citeSource, resolveYear } from './resolveYear.js';
import { CalendarYearSchema } from './schema.js';
import { CalendarCoverageError, type Calendar, type CalendarYearData, type DayInfo } from './types.js';

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
 * map keyed by date, so each question is a map lookup and a weekday. A date outside the covered
 * years throws {@link CalendarCoverageError}: the calendar does not guess at years it has no notice for.
 */
export function createCalendar(id: string, years: readonly CalendarYearData[]): Calendar {
  if (years.length === 0) throw new CalendarDataError(id, ['no years of data']);

  const parsed: CalendarYearData[] = years.map((input, index) => {
    const result = CalendarYearSchema.safeParse(input);
    if (result.success) return result.data;
    const year = typeof (input as { year?: unknown } | null)?.year === 'number' ? (input as { year: number }).year : undefined;
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      return `${path ? `${path}: ` : ''}${issue.message}`;
    });
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

  const check = (date: IsoDate): void => {
    if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    const year = yearOf(date);
    if (year < from || year > to) throw new CalendarCoverageError(id, date, { from, to });
  };

  const calendar: Calendar = {
    id,
    coverage,
    isWorkingDay(date: IsoDate): boolean {
      check(date);
      const entry = days.get(date);
      if (entry) return entry.kind === 'make-up-working-day';
      return !isWeekend(date);
    },
    describe(date: IsoDate): DayInfo {
      check(date);
      const entry = days.get(date);
      if (entry) return { date, kind: entry.kind, holiday: entry.holiday, source: entry.source };
      return { date, kind: isWeekend(date) ? 'weekend' : 'working-day', source: yearSource.get(yearOf(date))! };
    },
  };
  return Object.freeze(calendar);
}

