import type { Projection } from './projection.js';
import type { Calendar, CalendarYearData } from './types.js';

/** The data a calendar was built from: its id, its years of notices (as checked) and the projection, if any. */
export interface CalendarData {
  readonly id: string;
  readonly years: readonly CalendarYearData[];
  readonly projection: Projection | null;
}

const built = new WeakMap<Calendar, CalendarData>();

/**
 * Remembers what a calendar built by `createCalendar` was made from, so that a receipt can hash the
 * calendar data an assessment rested on. Kept beside the calendar rather than on it: the calendar's
 * shape stays the public {@link Calendar} interface, which a caller may implement without any data.
 */
export function recordCalendarData(calendar: Calendar, data: CalendarData): void {
  built.set(calendar, data);
}

/** The data a calendar was built from, or undefined for a calendar not built by `createCalendar`. */
export function calendarDataOf(calendar: Calendar): CalendarData | undefined {
  return built.get(calendar);
}
