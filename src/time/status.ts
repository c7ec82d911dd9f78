import type { ObligationStatus } from '../assessment/types.js';
import { compareDates, daysBetween, type IsoDate } from '../dates/isoDate.js';

export interface StatusInput {
  readonly dueOn: IsoDate | null;
  /** The date the log shows the duty done (or, for a window, the request made). */
  readonly metOn: IsoDate | undefined;
  readonly asOf: IsoDate;
  /** `due-soon` when the due date is at most this many calendar days after `asOf` (policy warningDays). */
  readonly warningDays: number;
  /** A petitioner's window (`open` / `expired` while unused) rather than an organ's duty. */
  readonly window: boolean;
}

export interface Status {
  readonly status: ObligationStatus;
  readonly metOn?: IsoDate;
  readonly daysLate?: number;
  readonly daysOverdue?: number;
  readonly daysLeft?: number;
}

/**
 * Where a time limit stands at `asOf`, judged against the log. A duty done by its due date is `met`,
 * after it `met-late` (with the calendar days late); not done, it is `overdue` once the due date has
 * passed (with the calendar days overdue), `due-soon` inside the warning window, `pending` otherwise or
 * when the law sets no day count. A petitioner's window is `open` or `expired` while unused; once used
 * in time it reads `met`. A request made after the window had closed does not reopen it: the window
 * stays `expired` (with the request date and the days it came late), since the petitioner's right to
 * ask lapsed with it — it is not a duty "met late".
 */
export function judgeStatus({ dueOn, metOn, asOf, warningDays, window }: StatusInput): Status {
  if (metOn !== undefined) {
    if (dueOn === null || compareDates(metOn, dueOn) <= 0) return { status: 'met', metOn };
    return { status: window ? 'expired' : 'met-late', metOn, daysLate: daysBetween(dueOn, metOn) };
  }
  if (dueOn === null) return { status: window ? 'open' : 'pending' };
  if (compareDates(asOf, dueOn) > 0) {
    return window ? { status: 'expired' } : { status: 'overdue', daysOverdue: daysBetween(dueOn, asOf) };
  }
  const daysLeft = daysBetween(asOf, dueOn);
  if (window) return { status: 'open', daysLeft };
  return { status: daysLeft <= warningDays ? 'due-soon' : 'pending', daysLeft };
}
