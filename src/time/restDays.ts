import type { Calendar } from '../calendar/types.js';
import { addCalendarDays, type IsoDate } from '../dates/isoDate.js';
import type { Bilingual } from '../text/bilingual.js';
import { restDaysText } from './computationSteps.js';

export { formatSpan } from './computationSteps.js';

/**
 * What makes a run of consecutive rest days rest days, as the calendar says: the holidays it falls in
 * (named as the State Council notice names them, each once, in the order met) and whether a weekend is
 * among them. The words are {@link restDaysText}'s (src/time/computationSteps.ts).
 */
export function restDaysIn(calendar: Calendar, from: IsoDate, to: IsoDate): { holidays: Bilingual[]; weekend: boolean } {
  const holidays = new Map<string, Bilingual>();
  let weekend = false;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    const info = calendar.describe(d);
    if (info.kind === 'holiday' && info.holiday) holidays.set(info.holiday.zh, info.holiday);
    else if (info.kind === 'weekend') weekend = true;
  }
  // Copied as plain {en, zh}: the names become data of a computation step.
  return { holidays: [...holidays.values()].map((h) => ({ en: h.en, zh: h.zh })), weekend };
}

/**
 * Describes a run of consecutive rest days for a computation's account: "2024-02-10..17 is the Spring
 * Festival holiday", "2024-03-16..17 is a weekend". The holidays' names come from the calendar data,
 * so the account cites what the State Council notice fixed.
 */
export function describeRestDays(calendar: Calendar, from: IsoDate, to: IsoDate): { en: string; zh: string } {
  const { holidays, weekend } = restDaysIn(calendar, from, to);
  return restDaysText(from, to, holidays, weekend);
}
