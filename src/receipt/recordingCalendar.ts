import type { Calendar } from '../calendar/types.js';
import { yearOf } from '../dates/isoDate.js';

/**
 * A calendar that answers exactly as `calendar` does and notes each year after its notice data
 * (`coverage.to`) that a question was answered for — the years the assessment's dates were projected
 * in. Made per assessment, only when a receipt is asked for, so that the receipt can say which years
 * were projected without the calendar itself keeping any state.
 */
export function recordingCalendar(calendar: Calendar, projected: Set<number>): Calendar {
  const last = calendar.coverage.to;
  const note = (date: string): void => {
    const year = yearOf(date);
    if (year > last) projected.add(year);
  };
  const provisional = calendar.provisional;
  const basisOf = calendar.basisOf;
  return {
    id: calendar.id,
    coverage: calendar.coverage,
    ...(calendar.projectable ? { projectable: calendar.projectable } : {}),
    isWorkingDay(date) {
      const working = calendar.isWorkingDay(date);
      note(date);
      return working;
    },
    describe(date) {
      const info = calendar.describe(date);
      note(date);
      return info;
    },
    ...(provisional ? { provisional: (date: string) => provisional.call(calendar, date) } : {}),
    ...(basisOf ? { basisOf: (date: string) => basisOf.call(calendar, date) } : {}),
  };
}
