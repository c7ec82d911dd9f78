import { z } from 'zod';

/**
 * The value of a time-limit parameter (`rules/<pack>/parameters.json`): how long an organ has.
 *
 * A count of days, calendar or working (`{ "days": 15, "unit": "calendar" }`); a deadline the assigner
 * sets in the assignment itself (`{ "kind": "set-by-assigner" }`); a duty the law gives no day count
 * (`{ "kind": "no-day-count" }`); or "immediately / promptly" (`{ "kind": "promptly" }`), which the
 * policy option `promptlyDays` turns into a day count. Day counts are data, never constants in code.
 */
export const PeriodValue = z.union([
  z.object({ days: z.number().int().min(1), unit: z.enum(['calendar', 'working']) }).strict(),
  z.object({ kind: z.enum(['set-by-assigner', 'no-day-count', 'promptly']) }).strict(),
]);
export type PeriodValue = z.infer<typeof PeriodValue>;

/** A length of time counted in one unit; the start day is never counted. */
export interface DayCount {
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/** True when a parameter value is a count of days (rather than a kind without one). */
export function isDayCount(value: PeriodValue): value is DayCount {
  return 'days' in value;
}
