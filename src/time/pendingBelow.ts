import type { CaseContext } from '../evaluate/context.js';
import { compareDates, type IsoDate } from '../dates/isoDate.js';
import { dueDateOrProblem, type Text } from './dueDate.js';
import { eventName } from './eventNames.js';
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
    steps.push({
      en: `No handling period is in force for the lower organ: whether it is still within its time limit cannot be judged.`,
      zh: `下级机关没有适用的办理期限：无法判断是否仍在规定期限内。`,
    });
    return { organ: lower.organ, acceptedOn: accepted, ...(concludedOn ? { concludedOn } : {}), withinTimeLimit: false, computation: steps };
  }
  const maximum = dayCount(ctx.params[EXTENSION_MAXIMUM]);
  const due = dueDateOrProblem({
    calendar: ctx.calendar,
    start: accepted,
    startEvent: { en: `acceptance by the lower organ (${lower.organ})`, zh: `下级机关（${lower.organ}）${eventName('accepted').zh}` },
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
  for (const reason of due.provisional?.reasons ?? []) steps.push({ en: `Provisional: ${reason.en}`, zh: `暂定：${reason.zh}` });
  let within: boolean;
  if (compareDates(accepted, receivedOn) > 0) {
    within = false;
    steps.push({
      en: `The lower organ accepted the matter only on ${accepted}, after it was received here on ${receivedOn}: it was not yet pending below.`,
      zh: `下级机关于${accepted}才受理，晚于本机关${receivedOn}收到之日：当时尚未由下级受理。`,
    });
  } else if (concludedOn !== undefined && compareDates(concludedOn, receivedOn) <= 0) {
    within = false;
    steps.push({
      en: `The lower organ concluded the matter on ${concludedOn}, by the time it was received here on ${receivedOn}: it is no longer in progress below (dissatisfaction with the opinion goes to review).`,
      zh: `下级机关已于${concludedOn}办结，本机关${receivedOn}收到时已不在办理中（对处理意见不服的应请求复查）。`,
    });
  } else if (compareDates(receivedOn, due.dueOn) <= 0) {
    within = true;
    steps.push({
      en: `Received here on ${receivedOn}, within the lower organ's time limit (${due.dueOn}): the matter is pending below.`,
      zh: `本机关于${receivedOn}收到，在下级机关的办理期限（${due.dueOn}）内：属于下级正在办理的事项。`,
    });
  } else {
    within = false;
    steps.push({
      en: `Received here on ${receivedOn}, after the lower organ's time limit had run out (${due.dueOn}) without a conclusion: it is not pending below within its time limit.`,
      zh: `本机关于${receivedOn}收到，下级机关的办理期限（${due.dueOn}）已届满而未办结：不属于在规定期限内的下级正在办理事项。`,
    });
  }
  return { organ: lower.organ, acceptedOn: accepted, ...(concludedOn ? { concludedOn } : {}), dueOn: due.dueOn, withinTimeLimit: within, computation: steps };
}
