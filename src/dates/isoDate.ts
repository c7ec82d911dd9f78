import { UTCDate } from '@date-fns/utc';
// From their own modules, not the date-fns index: the index loads every date-fns function, which was
// a quarter of the package's import time.
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getISODay } from 'date-fns/getISODay';

/**
 * A calendar date in China, written `YYYY-MM-DD`.
 *
 * Petition time limits run on calendar dates in China (Asia/Shanghai), never on instants: a matter
 * received "on 1 May" was received on 1 May wherever the program runs. Every date in this library is
 * therefore a plain string, and all arithmetic goes through UTC so the host's time zone never enters.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid date as date-fns computed it once: its day number (days since 1970-01-01) and ISO weekday. */
interface KnownDate {
  readonly day: number;
  readonly weekday: number;
}

/**
 * The UTC date of a year, month (1–12) and day, for every year 0000–9999. `new Date(y, …)` and
 * `Date.UTC` read years 0–99 as 1900–1999, which made `0099-01-01` invalid when parsed but valid once
 * date arithmetic had reached it (and remembered it): years 0000–0099 are set with `setUTCFullYear`.
 */
function utcOf(y: number, m: number, d: number): UTCDate {
  const utc = new UTCDate(0);
  utc.setUTCFullYear(y, m - 1, d);
  return utc;
}

const EPOCH = utcOf(1970, 1, 1);
/**
 * Dates are worked out by date-fns once and remembered: an assessment walks the same few thousand days
 * over and over (counting working days), and a lookup is far cheaper than building date objects. The
 * memo is bounded (cleared when full), so memory stays flat whatever dates the input holds.
 */
const MEMO_LIMIT = 1 << 17;
const known = new Map<string, KnownDate>();
const byDay = new Map<number, IsoDate>();

function remember(date: IsoDate, utc: UTCDate): KnownDate {
  if (known.size >= MEMO_LIMIT) known.clear();
  if (byDay.size >= MEMO_LIMIT) byDay.clear();
  const entry = { day: differenceInCalendarDays(utc, EPOCH), weekday: getISODay(utc) };
  known.set(date, entry);
  byDay.set(entry.day, date);
  return entry;
}

/** The date, checked and remembered; undefined when `value` is not a real `YYYY-MM-DD` date. */
function lookUp(value: string): KnownDate | undefined {
  const hit = known.get(value);
  if (hit !== undefined) return hit;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = utcOf(y, m, d);
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return undefined;
  return remember(value, utc);
}

function mustLookUp(date: IsoDate): KnownDate {
  const entry = typeof date === 'string' ? lookUp(date) : undefined;
  if (entry === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return entry;
}

/** Throws a RangeError naming the value unless it is a real calendar date written `YYYY-MM-DD`. */
export function assertIsoDate(value: unknown): asserts value is IsoDate {
  mustLookUp(value as IsoDate);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && lookUp(value) !== undefined;
}

/** Parses an ISO date into a UTC-anchored date-fns value; throws on anything that is not a real date. */
export function toUTCDate(date: IsoDate): UTCDate {
  mustLookUp(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utcOf(y, m, d);
}

/** Writes a UTC-anchored date back as `YYYY-MM-DD`. */
export function fromUTCDate(date: Date): IsoDate {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The date of a day number (days since 1970-01-01). Arithmetic can leave the dates this module accepts
 * (year 10000, negative years, a non-integer day); such a result is refused with a RangeError and never
 * remembered, so the memo only ever holds dates `isIsoDate` accepts and no case can change how a later
 * one is judged.
 */
function dateOfDay(day: number): IsoDate {
  const hit = byDay.get(day);
  if (hit !== undefined) return hit;
  const utc = Number.isSafeInteger(day) ? addDaysFns(EPOCH, day) : undefined;
  const date = utc === undefined || Number.isNaN(utc.getTime()) ? undefined : fromUTCDate(utc);
  if (date === undefined || !ISO_DATE.test(date)) {
    throw new RangeError(`date arithmetic left the calendar (years 0000-9999): day ${day} after 1970-01-01`);
  }
  remember(date, utc as UTCDate);
  return date;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(mustLookUp(date).day + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return mustLookUp(to).day - mustLookUp(from).day;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return mustLookUp(date).weekday;
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
