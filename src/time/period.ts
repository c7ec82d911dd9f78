import * as z from 'zod';

/** The policy options that give a day count to "immediately / promptly": the general one, and that of a major-matter report. */
export const PROMPTLY_POLICY_OPTIONS = ['promptlyDays', 'majorReportDays'] as const;
export type PromptlyPolicyOption = (typeof PROMPTLY_POLICY_OPTIONS)[number];

/**
 * The value of a time-limit parameter (`rules/<pack>/parameters.json`): how long an organ has.
 *
 * A count of days, calendar or working (`{ "days": 15, "unit": "calendar" }`); a deadline the assigner
 * sets in the assignment itself (`{ "kind": "set-by-assigner" }`); a duty the law gives no day count
 * (`{ "kind": "no-day-count" }`); or "immediately / promptly" (`{ "kind": "promptly" }`), which a
 * policy option turns into a day count: `promptlyDays`, or the one the value names
 * (`{ "kind": "promptly", "policy": "majorReportDays" }`). Day counts are data, never constants in code.
 */
export const PeriodValue = z.union([
  z.object({ days: z.number().int('a period is a whole number of days').min(1, 'a period is at least 1 day (0 or fewer days is no period)'), unit: z.enum(['calendar', 'working']) }).strict(),
  z.object({ kind: z.enum(['set-by-assigner', 'no-day-count']) }).strict(),
  z.object({ kind: z.literal('promptly'), policy: z.enum(PROMPTLY_POLICY_OPTIONS).optional() }).strict(),
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
