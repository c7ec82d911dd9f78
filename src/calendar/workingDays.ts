import { addCalendarDays, compareDates, assertIsoDate, type IsoDate } from '../dates/isoDate.js';
import type { Calendar } from './types.js';

/*
 * Working-day arithmetic on a {@link Calendar}.
 *
 * Why not date-fns `addBusinessDays` / `isWeekend`: in China a Saturday can be a working day and a
 * Wednesday a holiday, so weekend-only arithmetic is wrong; and date-fns works on `Date` values in the
 * host's time zone, so a server in Los Angeles would shift every date. Everything here steps through
 * ISO date strings with the UTC-anchored helpers of `dates/isoDate` and asks the calendar about each
 * day. A step past the calendar's covered years throws its `CalendarCoverageError`.
 */

/** Guard against a custom calendar that never answers "working day" (no real year has 60 rest days in a row). */
const MAX_CONSECUTIVE_REST_DAYS = 60;

/**
 * The first working day on or after `date` — `date` itself when it is one.
 *
 * Used where a time limit that ends on a rest day is carried to the next working day.
 */
export function nextWorkingDay(calendar: Calendar, date: IsoDate): IsoDate {
  assertIsoDate(date);
  let day = date;
  for (let i = 0; i <= MAX_CONSECUTIVE_REST_DAYS; i++) {
    if (calendar.isWorkingDay(day)) return day;
    day = addCalendarDays(day, 1);
  }
  throw new RangeError(`calendar "${calendar.id}" has no working day within ${MAX_CONSECUTIVE_REST_DAYS} days after ${date}`);
}

/**
 * The date `n` working days after `date`, the start day not counted (so the result is always later
 * than `date`, and is itself a working day).
 *
 * This is how "within N working days of receipt" is counted: receipt on Friday 9 February 2024, with
 * the Spring Festival from 10 to 17 February and Sunday 18 February worked, makes day 1 the 18th.
 * `n` must be a whole number of at least 1.
 */
export function addWorkingDays(calendar: Calendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days to add must be a whole number ≥ 1, got ${n}`);
  assertIsoDate(date);
  let day = date;
  let left = n;
  let rest = 0;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (calendar.isWorkingDay(day)) {
      left--;
      rest = 0;
    } else if (++rest > MAX_CONSECUTIVE_REST_DAYS) {
      throw new RangeError(`calendar "${calendar.id}" has no working day within ${MAX_CONSECUTIVE_REST_DAYS} days after ${date}`);
    }
  }
  return day;
}

/**
 * The number of working days after `from` up to and including `to` — so
 * `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`. Zero when `to` is `from`; when `to` is
 * earlier than `from` the count of working days after `to` up to and including `from`, negated.
 */
export function workingDaysBetween(calendar: Calendar, from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const order = compareDates(from, to);
  if (order === 0) return 0;
  if (order > 0) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = addCalendarDays(from, 1); compareDates(day, to) <= 0; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count++;
  }
  return count;
}
