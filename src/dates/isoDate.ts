import { UTCDate } from '@date-fns/utc';
import { addDays as addDaysFns, differenceInCalendarDays, getISODay } from 'date-fns';

/**
 * A calendar date in China, written `YYYY-MM-DD`.
 *
 * Petition time limits run on calendar dates in China (Asia/Shanghai), never on instants: a matter
 * received "on 1 May" was received on 1 May wherever the program runs. Every date in this library is
 * therefore a plain string, and all arithmetic goes through UTC so the host's time zone never enters.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new UTCDate(Number(y), Number(m) - 1, Number(d));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Parses an ISO date into a UTC-anchored date-fns value; throws on anything that is not a real date. */
export function toUTCDate(date: IsoDate): UTCDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

/** Writes a UTC-anchored date back as `YYYY-MM-DD`. */
export function fromUTCDate(date: Date): IsoDate {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromUTCDate(addDaysFns(toUTCDate(date), days));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUTCDate(to), toUTCDate(from));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return getISODay(toUTCDate(date));
}

/** True for Saturday and Sunday. Only a calendar may say whether such a day is a working day in China. */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Compares two ISO dates: negative, zero or positive (string order is date order). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
