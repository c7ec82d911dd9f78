import type { CalendarYearData } from './types.js';

type Name = { readonly en: string; readonly zh: string };

/** A holiday period or make-up working day together with the citation of the notice that fixed it. */
export interface ResolvedHoliday {
  readonly name: Name;
  readonly from: string;
  readonly to: string;
  readonly source: string;
}
export interface ResolvedMakeUpDay {
  readonly date: string;
  readonly for: Name;
  readonly source: string;
}

/** How a notice is cited in `DayInfo.source`: its Chinese title and document number. */
export function citeSource(source: CalendarYearData['source']): string {
  return `${source.title.zh}（${source.id}）`;
}

/**
 * The arrangement in force for one year: the annual notice with its amendments applied in order.
 *
 * An amendment's holiday period replaces the annual notice's period of the same Chinese name (the
 * 2019 Labour Day, the 2020 Spring Festival) or is added (the 2015 anniversary day off); its make-up
 * days are added and its cancelled ones removed. Each entry keeps the citation of the notice that
 * fixed it, so a day of the extended 2020 Spring Festival cites the extension, not the annual notice.
 */
export function resolveYear(data: CalendarYearData): {
  holidays: ResolvedHoliday[];
  makeUpWorkingDays: ResolvedMakeUpDay[];
} {
  const base = citeSource(data.source);
  let holidays: ResolvedHoliday[] = data.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to, source: base }));
  let makeUpWorkingDays: ResolvedMakeUpDay[] = data.makeUpWorkingDays.map((m) => ({ date: m.date, for: m.for, source: base }));
  for (const amendment of data.amendments ?? []) {
    const cite = citeSource(amendment.source);
    for (const h of amendment.holidays) {
      holidays = holidays.filter((existing) => existing.name.zh !== h.name.zh);
      holidays.push({ name: h.name, from: h.from, to: h.to, source: cite });
    }
    const cancelled = new Set(amendment.cancelledMakeUpWorkingDays ?? []);
    makeUpWorkingDays = makeUpWorkingDays.filter((m) => !cancelled.has(m.date));
    for (const m of amendment.makeUpWorkingDays) makeUpWorkingDays.push({ date: m.date, for: m.for, source: cite });
  }
  holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  makeUpWorkingDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays, makeUpWorkingDays };
}
