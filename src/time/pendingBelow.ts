import type { CaseContext } from '../evaluate/context.js';
import { compareDates, type IsoDate } from '../dates/isoDate.js';
import { dueDateOrProblem, type Text } from './dueDate.js';
import { computationStep, lowerAcceptance } from './computationSteps.js';
import { isDayCount, PeriodValue } from './period.js';

/**
 * Whether the same matter, already accepted below, was still within the lower organ's time limit when
 * it reached this (higher) organ — the condition on which the superior does not accept it again:
 * "信访事项已经受理或者正在办理的，信访人在规定期限内向受理、办理机关的上级机关再提出同一信访事项的，
 * 该上级机关不予受理" (xf2005 art. 16; xfgz2022 art. 19 ¶3 in the same words).
 *
 * The time limit is the lower organ's handling period: the conclusion period of the packs in force for
 * this case (parameter `conclude`, a local pack's where one applies), from the lower acceptance, with the
 * lower organ's extensions counted as for any conclusion (head of the organ, in time, up to the maximum
 * `concludeExtension`). It is judged on the day this matter was received above: the lower handling is
 * within its time limit when it had accepted the matter by then, had not concluded it by then (a
 * concluded matter is no longer in progress: dissatisfaction with its opinion goes to review), and the
 * receipt falls on or before its due date. The due date goes through {@link computeDueDate}, like every
 * other time limit.
 */

/** The parameters of the packs that give the lower organ's time limit. */
const HANDLING_PERIOD = 'conclude';
const EXTENSION_MAXIMUM = 'concludeExtension';

export interface LowerHandlingFact {
  /** The lower organ's id. */
  readonly organ: string;
  readonly acceptedOn: IsoDate;
  /** The lower organ's conclusion, when its log shows one. */
  readonly concludedOn?: IsoDate;
  /** The last day of the lower handling period; undefined when no conclusion period is in force. */
  readonly dueOn?: IsoDate;
  /** Whether, on the day this matter was received above, the lower handling was within its time limit. */
  readonly withinTimeLimit: boolean;
  /** How the lower time limit was counted and judged, step by step. */
  readonly computation: readonly Text[];
}

const dayCount = (raw: unknown) => {
  const parsed = PeriodValue.safeParse(raw);
  return parsed.success && isDayCount(parsed.data) ? parsed.data : undefined;
};

const known = new WeakMap<CaseContext, LowerHandlingFact>();

/** The `lowerHandling` fact: undefined when the case states no lower handling (worked out once per case). */
export function lowerHandlingFact(ctx: CaseContext): LowerHandlingFact | undefined {
  if (!ctx.case.lowerHandling) return undefined;
  let fact = known.get(ctx);
  if (!fact) known.set(ctx, (fact = judge(ctx)));
  return fact;
}

/** Whether the matter is pending below within its time limit: stated so (`pendingBelow: true`), or found from `lowerHandling`. */
export function pendingBelow(ctx: CaseContext): boolean {
  return ctx.case.pendingBelow || lowerHandlingFact(ctx)?.withinTimeLimit === true;
}

function judge(ctx: CaseContext): LowerHandlingFact {
  const lower = ctx.case.lowerHandling!;
  const accepted = lower.acceptedOn ?? lower.events.find((e) => e.type === 'accepted')!.on;
  const receivedOn = ctx.case.receivedOn;
  const concludedOn = lower.events
    .filter((e) => e.type === 'concluded')
    .map((e) => e.on)
    .sort()[0];
  const period = dayCount(ctx.params[HANDLING_PERIOD]);
  const steps: Text[] = [];
  if (!period) {
    steps.push(computationStep('no-handling-period'));
    return { organ: lower.organ, acceptedOn: accepted, ...(concludedOn ? { concludedOn } : {}), withinTimeLimit: false, computation: steps };
  }
  const maximum = dayCount(ctx.params[EXTENSION_MAXIMUM]);
  const due = dueDateOrProblem({
    calendar: ctx.calendar,
    start: accepted,
    startEvent: lowerAcceptance(lower.organ),
    period,
    rollover: ctx.policy.holidayRollover,
    extensions: lower.events.flatMap((e) => (e.type === 'extension-approved' ? [{ on: e.on, days: e.days, byHead: e.approvedBy === 'head-of-organ' }] : [])),
    lateExtensionCures: ctx.policy.lateExtensionCures,
    ...(maximum?.unit === period.unit ? { maxExtensionDays: maximum.days } : {}),
  });
  if ('problem' in due) {
    // A lower time limit the calendar cannot answer for (beyond its data and projection) cannot be shown
    // to be running: the superior is not barred from accepting the matter. (It is judged on a projected
    // year whatever calendarCoverage says: that option governs obligations' due dates, and this is a fact.)
    steps.push(due.problem.reason);
    return { organ: lower.organ, acceptedOn: accepted, ...(concludedOn ? { concludedOn } : {}), withinTimeLimit: false, computation: steps };
  }
  steps.push(...due.computation);
  for (const reason of due.provisional?.reasons ?? []) steps.push(computationStep('provisional', { en: reason.en, zh: reason.zh }));
  let within: boolean;
  if (compareDates(accepted, receivedOn) > 0) {
    within = false;
    steps.push(computationStep('lower-accepted-later', accepted, receivedOn));
  } else if (concludedOn !== undefined && compareDates(concludedOn, receivedOn) <= 0) {
    within = false;
    steps.push(computationStep('lower-concluded', concludedOn, receivedOn));
  } else if (compareDates(receivedOn, due.dueOn) <= 0) {
    within = true;
    steps.push(computationStep('pending-below', receivedOn, due.dueOn));
  } else {
    within = false;
    steps.push(computationStep('lower-time-limit-passed', receivedOn, due.dueOn));
  }
  return { organ: lower.organ, acceptedOn: accepted, ...(concludedOn ? { concludedOn } : {}), dueOn: due.dueOn, withinTimeLimit: within, computation: steps };
}
