import type { Grounds, OrganRef } from '../assessment/types.js';
import type { Event } from '../case/event.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Materialised, Materialiser } from '../outcomes/materialiser.js';
import { compareDates, type IsoDate } from '../dates/isoDate.js';
import { resolveParty } from '../parties/parties.js';
import type { EventMatch, Outcome } from '../rules/schema.js';
import { computationStep } from './computationSteps.js';
import { countingRules } from './counting.js';
import { dueDateOrProblem, type AppliedExtension, type Text } from './dueDate.js';
import { isDayCount, PeriodValue } from './period.js';
import { judgeStatus } from './status.js';
import { eventsInOrder } from './transfers.js';

type ObligationOutcome = Extract<Outcome, { kind: 'obligation' }>;

/** What a hearing's pause is called in the account ("Hearing from … to … is not counted"). */
const HEARING: Text = { en: 'Hearing', zh: '听证' };

/** Several reasons for a provisional due date as one text. */
function joinReasons(reasons: readonly Text[]): Text {
  return { en: reasons.map((r) => r.en).join(' '), zh: reasons.map((r) => r.zh).join('') };
}

function resolveOne(ctx: CaseContext, party: string): OrganRef | undefined {
  return resolveParty(ctx, party)[0];
}

/**
 * The log as the time limits read it, in date order. The case's `receivedOn` is itself a receipt by
 * the receiving organ, so a log without that organ's `received` event still starts the clocks that run
 * from receipt; a `received` event that names no organ is a receipt by the receiving organ.
 */
const timelines = new WeakMap<CaseContext, readonly Event[]>();
function timeline(ctx: CaseContext): readonly Event[] {
  const known = timelines.get(ctx);
  if (known) return known;
  const events = eventsInOrder(ctx).map((e) => (e.type === 'received' && e.by === undefined ? { ...e, by: ctx.case.receivingOrgan } : e));
  if (!events.some((e) => e.type === 'received' && e.by === ctx.case.receivingOrgan)) {
    events.unshift({ type: 'received', on: ctx.case.receivedOn, by: ctx.case.receivingOrgan });
  }
  timelines.set(ctx, events);
  return events;
}

const periods = new WeakMap<object, PeriodValue | null>();
/** A parameter value read as a period (checked once per value: parameter values are the packs' constant data). */
function periodOf(raw: unknown): PeriodValue | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  let known = periods.get(raw);
  if (known === undefined) {
    const parsed = PeriodValue.safeParse(raw);
    periods.set(raw, (known = parsed.success ? parsed.data : null));
  }
  return known ?? undefined;
}

/**
 * The period an obligation states for the parameter value in force: a day count (`days`, `unit`), a
 * duty to act promptly with the day count the policy gives it (option `promptlyDays` unless the value
 * names another), a deadline the assigner sets, or none — undefined when the value is not a period.
 * The one place the `period` of an obligation is made (the compact record rebuilds it from here too).
 */
export function statedPeriod(raw: unknown, policy: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const value = periodOf(raw);
  if (!value) return undefined;
  if (isDayCount(value)) return { kind: 'days', days: value.days, unit: value.unit };
  if (value.kind === 'promptly') {
    const option = value.policy ?? 'promptlyDays';
    return { kind: 'promptly', days: policy[option], policy: option };
  }
  return { kind: value.kind };
}

/** Whether an event is the one a match asks for: its type, and the organ that took it or received it when the match names one. */
function matches(ctx: CaseContext, event: Event, match: EventMatch): boolean {
  if (event.type !== match.event) return false;
  if (match.by !== undefined && event.by !== undefined && event.by !== resolveOne(ctx, match.by)?.id) return false;
  if (match.to !== undefined && 'to' in event && event.to !== undefined) {
    const want = resolveOne(ctx, match.to)?.id;
    const to = Array.isArray(event.to) ? event.to : [event.to];
    if (!to.includes(want as string)) return false;
  }
  return true;
}

/**
 * The account's last step: where the duty (or the petitioner's window) stands at `asOf`. The counts
 * judgeStatus gives with each status (days late, overdue, left) are always there for that status.
 */
const statusStep = (status: ReturnType<typeof judgeStatus>, dueOn: IsoDate | null, asOf: IsoDate, window: boolean): Text => {
  switch (status.status) {
    case 'met':
      return window ? computationStep('window-used', status.metOn!) : computationStep('done', status.metOn!, dueOn);
    case 'met-late':
      return computationStep('done-late', status.metOn!, status.daysLate!, dueOn!);
    case 'overdue':
      return computationStep('overdue', asOf, status.daysOverdue!);
    case 'expired':
      return status.metOn !== undefined ? computationStep('window-used-late', status.metOn, status.daysLate!, dueOn!) : computationStep('window-expired', dueOn);
    case 'open':
      return dueOn ? computationStep('window-open', asOf, status.daysLeft!) : computationStep('window-not-started');
    default:
      return dueOn ? computationStep('pending', asOf, status.daysLeft!, status.status === 'due-soon') : computationStep('pending-no-due-date', asOf);
  }
};

/**
 * The most the extensions may add (parameter `maximum` of the rule's `extension`), in the period's unit.
 * Approvals beyond it are not an input error: the lawful part counts and the excess is reported.
 */
function extensionMaximum(ctx: CaseContext, maximum: string, unit: 'calendar' | 'working', rule: string): number | undefined {
  const raw = ctx.params[maximum];
  if (raw === undefined) return undefined;
  const value = periodOf(raw);
  if (!value || !isDayCount(value) || value.unit !== unit) throw new Error(`rule ${rule}: extension maximum "${maximum}" is not a count of ${unit} days: ${JSON.stringify(raw)}`);
  return value.days;
}

/** The days approved beyond the lawful maximum, in all, when there are any (`extensionExcessDays`). */
function excessOf(extensions: readonly AppliedExtension[]): { extensionExcessDays?: number } {
  const excess = extensions.reduce((sum, e) => sum + (e.excessDays ?? 0), 0);
  return excess > 0 ? { extensionExcessDays: excess } : {};
}

/**
 * Turns an `obligation` outcome into an assessment item: finds the event that started the
 * clock, reads the period from the parameter in force, computes the due date (`computeDueDate`) and
 * judges the status at `asOf` against the log. Items are keyed by obligation id, one per case, so the
 * `obligations` stage fact can be read as `obligations.conclude.status`.
 */
export const obligationMaterialiser: Materialiser = {
  list: 'obligations',
  idField: 'id',
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds): Materialised[] {
    if (outcome.kind !== 'obligation') return [];
    const o = outcome as ObligationOutcome;
    const rule = grounds.rules[0] ?? '(unknown rule)';
    const organ = resolveOne(ctx, o.organ);
    if (!organ) return [];
    const raw = ctx.params[o.period];
    if (raw === undefined) throw new Error(`rule ${rule}: parameter "${o.period}" has no value in force on ${ctx.case.receivedOn}`);
    const value = periodOf(raw);
    if (!value) throw new Error(`rule ${rule}: parameter "${o.period}" is not a period: ${JSON.stringify(raw)}`);
    const window = o.window === true;

    const events = timeline(ctx);
    let startEvent: Event | undefined;
    for (const alt of o.startsOn) {
      startEvent = events.find((e) => matches(ctx, e, alt));
      if (startEvent) break;
    }
    // The event the law names is missing: another stands in for it, and the output says so.
    const standIn = startEvent ? undefined : o.startsOnStandIn?.map((alt) => events.find((e) => matches(ctx, e, alt))).find((e) => e !== undefined);
    if (standIn) startEvent = standIn;
    const start = startEvent ? { event: startEvent.type, on: startEvent.on } : null;
    const metEvent = events.find((e) => o.metBy.some((m) => matches(ctx, e, m)) && (start === null || compareDates(e.on, start.on) >= 0));

    const computation: Text[] = [];
    const period = statedPeriod(raw, ctx.policy)!;
    let dueOn: IsoDate | null = null;
    let extra: Record<string, unknown> = {};
    /** The general counting rules the computation used (cited beside the article that sets the period). */
    const counted: string[] = [];
    /** Why the due date is not firm (a projected calendar year), when it is not. */
    let provisional: { reason: Text; years: readonly number[]; basis: readonly string[] } | undefined;
    /** Why no due date can be given (a day the calendar cannot answer for), when it cannot. */
    let undetermined: { date: IsoDate; reason: Text } | undefined;
    /** The policy option that turns "immediately / promptly" into a day count for this duty. */
    const promptlyOption = !isDayCount(value) && value.kind === 'promptly' ? (value.policy ?? 'promptlyDays') : 'promptlyDays';

    // The account's note that the log lacks the event the period runs from, and which event stood in for it.
    if (standIn) computation.push(computationStep('stands-in', o.startsOn[0]!.event, standIn.type, standIn.on));
    if (!startEvent) {
      computation.push(computationStep('not-started', o.startsOn.map((m) => m.event)));
    } else if (!isDayCount(value) && value.kind === 'set-by-assigner') {
      const set = 'dueOn' in startEvent ? startEvent.dueOn : undefined;
      dueOn = set ?? null;
      computation.push(set ? computationStep('set-by-assigner', startEvent.on, set) : computationStep('no-deadline-set', startEvent.on));
    } else if (!isDayCount(value) && value.kind === 'no-day-count') {
      computation.push(computationStep('no-day-count', startEvent.type, startEvent.on));
    } else {
      const days = isDayCount(value) ? value : { days: ctx.policy[promptlyOption], unit: 'calendar' as const };
      if (!isDayCount(value) && days.days > 0) {
        computation.push(computationStep('promptly', days.days, promptlyOption));
      }
      const due = dueDateOrProblem({
        calendar: ctx.calendar,
        start: startEvent.on,
        startEvent: startEvent.type,
        period: days,
        rollover: ctx.policy.holidayRollover,
        pauses: o.pause
          ? events
              .filter((e): e is Extract<Event, { type: 'hearing' }> => e.type === 'hearing')
              .map((e) => ({ from: e.on, until: e.until, what: HEARING }))
          : [],
        extensions: o.extension
          ? events
              .filter((e): e is Extract<Event, { type: 'extension-approved' }> => e.type === 'extension-approved')
              .map((e) => ({ on: e.on, days: e.days, byHead: e.approvedBy === 'head-of-organ' }))
          : [],
        lateExtensionCures: ctx.policy.lateExtensionCures,
        promptlyPolicy: promptlyOption,
        ...(o.extension ? { maxExtensionDays: extensionMaximum(ctx, o.extension.maximum, days.unit, rule) } : {}),
        calendarCoverage: ctx.policy.calendarCoverage,
      });
      if ('problem' in due) {
        undetermined = due.problem;
        computation.push(due.problem.reason);
      } else {
        dueOn = due.dueOn;
        computation.push(...due.computation);
        if (days.days > 0) counted.push(...countingRules().startDayExcluded.basis);
        if (due.rolledOverFrom !== undefined) counted.push(...countingRules().restDayRollover.basis);
        extra = {
          ...(due.rolledOverFrom !== undefined ? { rolledOverFrom: due.rolledOverFrom } : {}),
          ...(due.extensions.length > 0 ? { originalDueOn: due.originalDueOn, extensions: due.extensions } : {}),
          ...(due.pausedDays > 0 ? { pausedDays: due.pausedDays } : {}),
          ...excessOf(due.extensions),
        };
        if (due.provisional) {
          provisional = { reason: joinReasons(due.provisional.reasons), years: due.provisional.years, basis: due.provisional.basis };
          computation.push(computationStep('provisional', provisional.reason));
          counted.push(...due.provisional.basis);
        }
      }
    }

    // The provisions the period (and any extension maximum) came from: a local pack's article is cited
    // beside the national one whose period it replaces.
    const sources = (id: string) => ctx.parameters?.find((p) => p.id === id)?.source ?? [];
    const basis = [...new Set([...grounds.basis, ...sources(o.period), ...(o.extension && 'extensions' in extra ? sources(o.extension.maximum) : []), ...counted])];

    const status = undetermined
      ? { status: 'undetermined' as const, ...(metEvent ? { metOn: metEvent.on } : {}) }
      : judgeStatus({ dueOn, metOn: metEvent?.on, asOf: ctx.asOf, warningDays: ctx.policy.warningDays, window });
    if (!undetermined) computation.push(statusStep(status, dueOn, ctx.asOf, window));

    return [
      {
        key: o.id,
        item: {
          id: o.id,
          organ,
          start,
          period,
          parameter: o.period,
          dueOn,
          ...status,
          ...(window ? { window: true } : {}),
          ...(standIn ? { startStandsInFor: o.startsOn[0]!.event } : {}),
          ...extra,
          ...(provisional ? { provisional: { years: provisional.years, reason: provisional.reason } } : {}),
          ...(undetermined ? { calendarProblem: undetermined } : {}),
          computation,
          ...grounds,
          basis,
        },
      },
    ];
  },
};
