import type { Calendar } from '../calendar/types.js';
import { addCalendarDays, type IsoDate } from '../dates/isoDate.js';

/**
 * Describes a run of consecutive rest days for a computation's account: "2024-02-10..17 is the Spring
 * Festival holiday", "2024-03-16..17 is a weekend". The holidays' names come from the calendar data,
 * so the account cites what the State Council notice fixed.
 */
export function describeRestDays(calendar: Calendar, from: IsoDate, to: IsoDate): { en: string; zh: string } {
  const holidays = new Map<string, { en: string; zh: string }>();
  let weekend = false;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    const info = calendar.describe(d);
    if (info.kind === 'holiday' && info.holiday) holidays.set(info.holiday.zh, info.holiday);
    else if (info.kind === 'weekend') weekend = true;
  }
  const en = [...[...holidays.values()].map((h) => `the ${h.en} holiday`), ...(weekend ? ['a weekend'] : [])];
  const zh = [...[...holidays.values()].map((h) => `${h.zh}假期`), ...(weekend ? ['周末'] : [])];
  const span = formatSpan(from, to);
  return {
    en: `${span} is ${en.join(' and ') || 'a rest day'}`,
    zh: `${span}为${zh.join('和') || '休息日'}`,
  };
}

/** `2024-02-10..17` within a month, `2024-09-29..10-07` within a year, else both dates in full. */
export function formatSpan(from: IsoDate, to: IsoDate): string {
  if (from === to) return from;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${from}..${to.slice(8)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${from}..${to.slice(5)}`;
  return `${from}..${to}`;
}
