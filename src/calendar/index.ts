/**
 * Working-day calendars: China's national calendar from the State Council notices, a builder for
 * other calendars from the same kind of data, and working-day arithmetic on either.
 */
export { createCalendar } from './createCalendar.js';
export { chinaCalendar } from './chinaCalendar.js';
export { nextWorkingDay, addWorkingDays, workingDaysBetween } from './workingDays.js';
export { CalendarYearSchema } from './schema.js';
export { CalendarDataError } from './CalendarDataError.js';
export { CalendarCoverageError } from './types.js';
export type { Calendar, CalendarAmendment, CalendarYearData, DayInfo } from './types.js';
