import { addCalendarDays, type IsoDate } from '../dates/isoDate.js';
import type { Bilingual } from '../text/bilingual.js';
import { eventName } from './eventNames.js';

/**
 * Every step of a time limit's account, in one place: each kind of step with the words it is written
 * in, in both languages, so that a reviewer reads all of them side by side with the law.
 *
 * A step is a kind and its data (`['rolled-over', '2024-02-10', '2024-02-18', [{…Spring Festival…}], false]`):
 * the due-date arithmetic, the obligation and the pending-below judgement say *what* happened with
 * {@link computationStep}, and the words come from here. The data is plain JSON (strings, numbers,
 * booleans, null, `{en, zh}` texts and arrays of these), so a compact record may store a step as
 * `[kind, ...args]` and {@link renderStep} gives back the very same text. Where the words need a name
 * that is a pure function of the package's own data (an event of the log), the step holds the event's
 * type and the name is looked up here; a name that comes from elsewhere (a holiday of the calendar, a
 * reason of the calendar) is held as the text itself.
 */

/** A datum of a step: JSON, so that a stored step re-renders exactly. */
export type StepArg = string | number | boolean | null | Bilingual | readonly StepArg[];

/** How a period is counted: calendar days, or working days of China's calendar. */
export type DayUnit = 'calendar' | 'working';

/**
 * The event that started a clock: an event type of the log (`accepted`, named "acceptance" / 受理 by
 * {@link eventName}), or the words themselves when the start is not one event of the log.
 */
export type StartEventRef = string | Bilingual;

const plural = (n: number): string => (n === 1 ? '' : 's');

/** "15 calendar days" / 15日, "5 working days" / 5个工作日. */
const unitText = (unit: DayUnit, days: number): Bilingual =>
  unit === 'calendar'
    ? { en: `${days} calendar day${plural(days)}`, zh: `${days}日` }
    : { en: `${days} working day${plural(days)}`, zh: `${days}个工作日` };

const startEventName = (ref: StartEventRef): Bilingual => (typeof ref === 'string' ? eventName(ref) : ref);

/** `2024-02-10..17` within a month, `2024-09-29..10-07` within a year, else both dates in full. */
export function formatSpan(from: IsoDate, to: IsoDate): string {
  if (from === to) return from;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${from}..${to.slice(8)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${from}..${to.slice(5)}`;
  return `${from}..${to}`;
}

/**
 * A run of rest days in words: "2024-02-10..17 is the Spring Festival holiday", "2024-03-16..17 is a
 * weekend" — the holidays named as the calendar's State Council notice names them.
 */
export function restDaysText(from: IsoDate, to: IsoDate, holidays: readonly Bilingual[], weekend: boolean): Bilingual {
  const en = holidays.map((h) => `the ${h.en} holiday`);
  const zh = holidays.map((h) => `${h.zh}假期`);
  if (weekend) {
    en.push('a weekend');
    zh.push('周末');
  }
  const span = formatSpan(from, to);
  return {
    en: `${span} is ${en.join(' and ') || 'a rest day'}`,
    zh: `${span}为${zh.join('和') || '休息日'}`,
  };
}

/** The start of a lower organ's handling period (the pending-below judgement): its acceptance. */
export const lowerAcceptance = (organ: string): Bilingual => ({
  en: `acceptance by the lower organ (${organ})`,
  zh: `下级机关（${organ}）${eventName('accepted').zh}`,
});

/**
 * Every kind of step and its words. Dates are `YYYY-MM-DD`; `unit` is `calendar` or `working`; the
 * rest days of a rollover run from the last day to the day before the next working day.
 */
export const COMPUTATION_STEPS = {
  // ── Counting the period (dueDate.ts) ──

  /** "Immediately / promptly" read as 0 days: due the day the clock started. */
  'same-day': (startEvent: StartEventRef, start: IsoDate, policy: string): Bilingual => {
    const name = startEventName(startEvent);
    return {
      en: `Due the same day as the ${name.en} (${start}): 'immediately' or 'promptly' without a day count, read as 0 days (policy ${policy}).`,
      zh: `与${name.zh}同日（${start}）到期：法律规定“立即”“及时”而无天数，按0日计（政策选项 ${policy}）。`,
    };
  },

  /** The period counted from the day after the start. */
  'start-day-excluded': (unit: DayUnit, days: number, startEvent: StartEventRef, start: IsoDate, last: IsoDate): Bilingual => {
    const name = startEventName(startEvent);
    const period = unitText(unit, days);
    return {
      en: `${period.en} from the ${name.en} on ${start}, the start day not counted${unit === 'working' ? ' (working days per the State Council holiday notices, make-up working days included)' : ''}: day ${days} is ${last}.`,
      zh: `自${start}（${name.zh}）起${period.zh}，起算当日不计入${unit === 'working' ? '（工作日按国务院办公厅节假日安排通知计算，含调休上班日）' : ''}：第${days}日为${last}。`,
    };
  },

  /** A pause (a hearing) whose days are not counted; `inside`: whether any of it fell inside the period. */
  'pause-not-counted': (what: Bilingual, from: IsoDate, until: IsoDate, inside: boolean): Bilingual => ({
    en: `${what.en} from ${from} to ${until} is not counted${inside ? '' : ' (it falls outside the period)'}.`,
    zh: `${what.zh}时间（${from}至${until}）不计入期间${inside ? '' : '（不在期间之内）'}。`,
  }),

  /** The last day moved by the paused days. */
  'paused-days': (paused: number, day: number, last: IsoDate): Bilingual => ({
    en: `${paused} day${plural(paused)} not counted: day ${day} moves to ${last}.`,
    zh: `不计入${paused}日：第${day}日顺延为${last}。`,
  }),

  /** A last day on a rest day, carried to the next working day (policy holidayRollover). */
  'rolled-over': (last: IsoDate, next: IsoDate, holidays: readonly Bilingual[], weekend: boolean): Bilingual => {
    const rest = restDaysText(last, addCalendarDays(next, -1), holidays, weekend);
    return {
      en: `Rolled over from ${last} to ${next} because ${rest.en} (policy holidayRollover: a period ending on a rest day ends on the next working day).`,
      zh: `因${rest.zh}，到期日由${last}顺延至${next}（政策选项 holidayRollover：期间最后一日为休息日的，顺延至其后第一个工作日）。`,
    };
  },

  /** A last day on a rest day, kept because rollover is off; `next` is the next working day. */
  'rest-day-kept': (last: IsoDate, next: IsoDate, holidays: readonly Bilingual[], weekend: boolean): Bilingual => {
    const rest = restDaysText(last, addCalendarDays(next, -1), holidays, weekend);
    return {
      en: `${last} is a rest day (${rest.en}), but holiday rollover is off (policy holidayRollover), so the due date stays ${last}.`,
      zh: `${last}为休息日（${rest.zh}），但未启用节假日顺延（政策选项 holidayRollover），到期日仍为${last}。`,
    };
  },

  // ── Extensions (dueDate.ts) ──

  /** An extension not approved by the head of the organ. */
  'extension-not-by-head': (unit: DayUnit, days: number, on: IsoDate): Bilingual => {
    const ext = unitText(unit, days);
    return {
      en: `The extension of ${ext.en} recorded on ${on} was not approved by the head of the organ: not counted.`,
      zh: `${on}记录的延长${ext.zh}未经本机关负责人批准，不予计算。`,
    };
  },

  /** An extension approved after the due date had passed, which the policy does not let cure it. */
  'extension-late': (unit: DayUnit, days: number, on: IsoDate, dueOn: IsoDate): Bilingual => {
    const ext = unitText(unit, days);
    return {
      en: `The extension of ${ext.en} approved by the head of the organ on ${on} came after the due date ${dueOn} had passed: it does not cure the lateness (policy lateExtensionCures is off), so the due date stays ${dueOn}.`,
      zh: `本机关负责人于${on}批准延长${ext.zh}，但此时${dueOn}的期限已经届满，延长不能补正逾期（政策选项 lateExtensionCures 未启用），到期日仍为${dueOn}。`,
    };
  },

  /** An extension approved when the extensions counted had already reached the most the law allows. */
  'extension-beyond-maximum': (unit: DayUnit, days: number, on: IsoDate, maximum: number, dueOn: IsoDate): Bilingual => {
    const ext = unitText(unit, days);
    const most = unitText(unit, maximum);
    return {
      en: `The extension of ${ext.en} approved on ${on} goes beyond the most the law allows (${most.en} in all, already reached): not counted; lateness is judged against the lawful due date ${dueOn}.`,
      zh: `${on}批准的延长${ext.zh}超出法定最长延长期限（合计${most.zh}，已经用尽），不予计算；是否逾期按法定期限${dueOn}判断。`,
    };
  },

  /** An extension of which only the `lawful` days count; the rest (`days − lawful`) is beyond the maximum. */
  'extension-excess': (unit: DayUnit, days: number, on: IsoDate, lawful: number, maximum: number): Bilingual => {
    const ext = unitText(unit, days);
    const counted = unitText(unit, lawful);
    const most = unitText(unit, maximum);
    const excess = unitText(unit, days - lawful);
    return {
      en: `Of the extension of ${ext.en} approved on ${on}, only ${counted.en} count: the law allows at most ${most.en} of extension in all, so the ${excess.en} beyond it are not counted and lateness is judged against the lawful due date.`,
      zh: `${on}批准的延长${ext.zh}中只计算${counted.zh}：法律规定延长合计不得超过${most.zh}，超出的${excess.zh}不予计算，是否逾期按法定期限判断。`,
    };
  },

  /** An extension counted (`late`: approved after the due date `dueOn`, cured by policy): the period becomes `total` days. */
  extended: (unit: DayUnit, days: number, on: IsoDate, late: boolean, dueOn: IsoDate, total: number, last: IsoDate): Bilingual => {
    const ext = unitText(unit, days);
    const period = unitText(unit, total);
    return {
      en: `Extension of ${ext.en} approved by the head of the organ on ${on}${late ? `, after the due date ${dueOn} had passed, counted because policy lateExtensionCures is on` : `, before the due date ${dueOn}`}: the period becomes ${period.en}, day ${total} is ${last}.`,
      zh: `本机关负责人于${on}批准延长${ext.zh}${late ? `（在${dueOn}期限届满之后批准，因启用政策选项 lateExtensionCures 仍予计算）` : `（在${dueOn}期限届满之前批准）`}：期间变为${period.zh}，第${total}日为${last}。`,
    };
  },

  /** A day the calendar could only project, refused under policy calendarCoverage strict; `why` is the calendar's reason. */
  'strict-coverage': (why: Bilingual): Bilingual => ({
    en: `${why.en} Policy calendarCoverage is strict: no due date is given on a projected calendar.`,
    zh: `${why.zh}政策选项 calendarCoverage 为 strict：不依推算的日历给出到期日。`,
  }),

  // ── Where the clock starts and what the law counts (obligation.ts) ──

  /** The log lacks the event the period runs from (`wanted`, an event type); `used` stands in for it. */
  'stands-in': (wanted: string, used: string, on: IsoDate): Bilingual => {
    const w = eventName(wanted);
    const u = eventName(used);
    return {
      en: `The log shows no ${w.en}: the ${u.en} on ${on} stands in for it, so the period runs from the earliest day it can have started.`,
      zh: `记录中没有${w.zh}的日期：以${on}${u.zh}之日代替，即按可能起算的最早日期计算。`,
    };
  },

  /** None of the events that start the clock (event types) is in the log yet. */
  'not-started': (events: readonly string[]): Bilingual => {
    const names = events.map(eventName);
    return {
      en: `The clock has not started: the log shows no ${names.map((n) => n.en).join(' or ')} yet.`,
      zh: `期限尚未起算：记录中尚无${names.map((n) => n.zh).join('或')}。`,
    };
  },

  /** The deadline the assigner set in the assignment. */
  'set-by-assigner': (on: IsoDate, dueOn: IsoDate): Bilingual => ({
    en: `Deadline set by the assigner in the assignment of ${on}: ${dueOn}.`,
    zh: `交办机关在${on}交办时指定的期限：${dueOn}。`,
  }),

  /** An assignment that sets no deadline. */
  'no-deadline-set': (on: IsoDate): Bilingual => ({
    en: `The assignment of ${on} sets no deadline: no due date.`,
    zh: `${on}的交办未指定期限，无到期日。`,
  }),

  /** A duty the law gives no day count, from the event (type) that started it. */
  'no-day-count': (startEvent: string, start: IsoDate): Bilingual => {
    const name = eventName(startEvent);
    return {
      en: `The law sets no day count for this duty: no due date; it stands from the ${name.en} on ${start} until done.`,
      zh: `法律对该义务未规定天数：无到期日，自${start}（${name.zh}）起至完成时止。`,
    };
  },

  /** "Immediately / promptly" given a day count by a policy option. */
  promptly: (days: number, policy: string): Bilingual => ({
    en: `The law says 'immediately' or 'promptly' without a day count: ${days} calendar day(s) by policy ${policy}.`,
    zh: `法律规定“立即”或“及时”而未规定天数：按政策选项 ${policy} 计${days}日。`,
  }),

  /** A due date resting on a projected calendar day; `reason` is the calendar's. */
  provisional: (reason: Bilingual): Bilingual => ({ en: `Provisional: ${reason.en}`, zh: `暂定：${reason.zh}` }),

  // ── Where the duty stands (obligation.ts, judged by status.ts) ──

  /** Done, by the due date when there is one. */
  done: (metOn: IsoDate, dueOn: IsoDate | null): Bilingual => ({
    en: `Done on ${metOn}${dueOn ? `, by the due date ${dueOn}` : ''}.`,
    zh: `已于${metOn}完成${dueOn ? `，未超过${dueOn}的期限` : ''}。`,
  }),

  /** Done after the due date. */
  'done-late': (metOn: IsoDate, daysLate: number, dueOn: IsoDate): Bilingual => ({
    en: `Done on ${metOn}, ${daysLate} day(s) after the due date ${dueOn}.`,
    zh: `于${metOn}完成，超过${dueOn}的期限${daysLate}日。`,
  }),

  /** Not done, the due date passed. */
  overdue: (asOf: IsoDate, daysOverdue: number): Bilingual => ({
    en: `Not done as of ${asOf}: ${daysOverdue} day(s) overdue.`,
    zh: `截至${asOf}尚未完成，已逾期${daysOverdue}日。`,
  }),

  /** Not done, the due date still ahead (`dueSoon`: within the warning days). */
  pending: (asOf: IsoDate, daysLeft: number, dueSoon: boolean): Bilingual => ({
    en: `Not done yet as of ${asOf}: ${daysLeft} day(s) left${dueSoon ? ' (due soon)' : ''}.`,
    zh: `截至${asOf}尚未完成，尚余${daysLeft}日${dueSoon ? '（即将到期）' : ''}。`,
  }),

  /** Not done, and no due date. */
  'pending-no-due-date': (asOf: IsoDate): Bilingual => ({ en: `Not done yet as of ${asOf}.`, zh: `截至${asOf}尚未完成。` }),

  /** A petitioner's window used in time. */
  'window-used': (metOn: IsoDate): Bilingual => ({ en: `The request was made on ${metOn}, within the window.`, zh: `已于${metOn}在期限内提出请求。` }),

  /** A petitioner's request after the window had closed: it does not reopen it. */
  'window-used-late': (metOn: IsoDate, daysLate: number, dueOn: IsoDate): Bilingual => ({
    en: `The request was made on ${metOn}, ${daysLate} day(s) after the window closed on ${dueOn}: the window had expired, and no decision duty follows from the request.`,
    zh: `于${metOn}提出请求，已超过${dueOn}届满的期限${daysLate}日：期限已经届满，该请求不产生作出意见的义务。`,
  }),

  /** A petitioner's window closed unused. */
  'window-expired': (dueOn: IsoDate | null): Bilingual => ({ en: `No request by ${dueOn}: the window has expired.`, zh: `至${dueOn}未提出请求，期限已经届满。` }),

  /** A petitioner's window still open. */
  'window-open': (asOf: IsoDate, daysLeft: number): Bilingual => ({ en: `The window is open as of ${asOf}: ${daysLeft} day(s) left.`, zh: `截至${asOf}期限未满，尚余${daysLeft}日。` }),

  /** A petitioner's window whose clock has not started. */
  'window-not-started': (): Bilingual => ({ en: `The window has not started.`, zh: `期限尚未起算。` }),

  // ── Whether the matter is pending below within its time limit (pendingBelow.ts) ──

  /** No conclusion period in force for the lower organ. */
  'no-handling-period': (): Bilingual => ({
    en: `No handling period is in force for the lower organ: whether it is still within its time limit cannot be judged.`,
    zh: `下级机关没有适用的办理期限：无法判断是否仍在规定期限内。`,
  }),

  /** The lower organ accepted the matter only after it was received here. */
  'lower-accepted-later': (accepted: IsoDate, receivedOn: IsoDate): Bilingual => ({
    en: `The lower organ accepted the matter only on ${accepted}, after it was received here on ${receivedOn}: it was not yet pending below.`,
    zh: `下级机关于${accepted}才受理，晚于本机关${receivedOn}收到之日：当时尚未由下级受理。`,
  }),

  /** The lower organ had concluded the matter by the time it was received here. */
  'lower-concluded': (concludedOn: IsoDate, receivedOn: IsoDate): Bilingual => ({
    en: `The lower organ concluded the matter on ${concludedOn}, by the time it was received here on ${receivedOn}: it is no longer in progress below (dissatisfaction with the opinion goes to review).`,
    zh: `下级机关已于${concludedOn}办结，本机关${receivedOn}收到时已不在办理中（对处理意见不服的应请求复查）。`,
  }),

  /** Received here within the lower organ's time limit. */
  'pending-below': (receivedOn: IsoDate, dueOn: IsoDate): Bilingual => ({
    en: `Received here on ${receivedOn}, within the lower organ's time limit (${dueOn}): the matter is pending below.`,
    zh: `本机关于${receivedOn}收到，在下级机关的办理期限（${dueOn}）内：属于下级正在办理的事项。`,
  }),

  /** Received here after the lower organ's time limit had run out without a conclusion. */
  'lower-time-limit-passed': (receivedOn: IsoDate, dueOn: IsoDate): Bilingual => ({
    en: `Received here on ${receivedOn}, after the lower organ's time limit had run out (${dueOn}) without a conclusion: it is not pending below within its time limit.`,
    zh: `本机关于${receivedOn}收到，下级机关的办理期限（${dueOn}）已届满而未办结：不属于在规定期限内的下级正在办理事项。`,
  }),
} as const satisfies { readonly [kind: string]: (...args: never[]) => Bilingual };

type Steps = typeof COMPUTATION_STEPS;
/** The name of a kind of step. */
export type StepKind = keyof Steps;
/** The data a kind of step takes. */
export type StepArgs<K extends StepKind> = Parameters<Steps[K]>;

/** How a datum of a step is checked when it comes from a stored record. */
type ArgType = 'string' | 'string?' | 'number' | 'boolean' | 'unit' | 'text' | 'text[]' | 'string[]' | 'event';
type ArgTypeOf<T> =
  [T] extends [DayUnit] ? 'unit'
  : [T] extends [string] ? 'string'
  : [T] extends [string | null] ? 'string?'
  : [T] extends [number] ? 'number'
  : [T] extends [boolean] ? 'boolean'
  : [T] extends [Bilingual] ? 'text'
  : [T] extends [readonly Bilingual[]] ? 'text[]'
  : [T] extends [readonly string[]] ? 'string[]'
  : [T] extends [StartEventRef] ? 'event'
  : never;
type ArgTypes<P extends readonly unknown[]> = { readonly [I in keyof P]: ArgTypeOf<P[I]> };

/** Each kind's data, in order (checked against the renderers' parameters by the compiler). */
const ARG_TYPES: { readonly [K in StepKind]: ArgTypes<StepArgs<K>> } = {
  'same-day': ['event', 'string', 'string'],
  'start-day-excluded': ['unit', 'number', 'event', 'string', 'string'],
  'pause-not-counted': ['text', 'string', 'string', 'boolean'],
  'paused-days': ['number', 'number', 'string'],
  'rolled-over': ['string', 'string', 'text[]', 'boolean'],
  'rest-day-kept': ['string', 'string', 'text[]', 'boolean'],
  'extension-not-by-head': ['unit', 'number', 'string'],
  'extension-late': ['unit', 'number', 'string', 'string'],
  'extension-beyond-maximum': ['unit', 'number', 'string', 'number', 'string'],
  'extension-excess': ['unit', 'number', 'string', 'number', 'number'],
  extended: ['unit', 'number', 'string', 'boolean', 'string', 'number', 'string'],
  'strict-coverage': ['text'],
  'stands-in': ['string', 'string', 'string'],
  'not-started': ['string[]'],
  'set-by-assigner': ['string', 'string'],
  'no-deadline-set': ['string'],
  'no-day-count': ['string', 'string'],
  promptly: ['number', 'string'],
  provisional: ['text'],
  done: ['string', 'string?'],
  'done-late': ['string', 'number', 'string'],
  overdue: ['string', 'number'],
  pending: ['string', 'number', 'boolean'],
  'pending-no-due-date': ['string'],
  'window-used': ['string'],
  'window-used-late': ['string', 'number', 'string'],
  'window-expired': ['string?'],
  'window-open': ['string', 'number'],
  'window-not-started': [],
  'no-handling-period': [],
  'lower-accepted-later': ['string', 'string'],
  'lower-concluded': ['string', 'string'],
  'pending-below': ['string', 'string'],
  'lower-time-limit-passed': ['string', 'string'],
};

/** A step as it was made: its kind and data. */
export interface ComputationStep {
  readonly kind: StepKind;
  readonly args: readonly StepArg[];
}

/** The step each text was rendered from (texts are frozen, so text and step stay in agreement). */
const madeFrom = new WeakMap<object, ComputationStep>();

type Renderer = (...args: readonly unknown[]) => Bilingual;

/** Renders a step and remembers (kind, args) for the returned frozen text. */
export function computationStep<K extends StepKind>(kind: K, ...args: StepArgs<K>): Bilingual {
  const text = Object.freeze((COMPUTATION_STEPS[kind] as Renderer)(...args));
  madeFrom.set(text, { kind, args: Object.freeze(args) as readonly StepArg[] });
  return text;
}

/** The (kind, args) a text was made from, if made by {@link computationStep} or {@link renderStep}. */
export function stepOf(text: Bilingual): ComputationStep | undefined {
  return madeFrom.get(text);
}

const isText = (v: unknown): v is Bilingual =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Bilingual).en === 'string' && typeof (v as Bilingual).zh === 'string';

function fits(type: ArgType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'string?':
      return v === null || typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'unit':
      return v === 'calendar' || v === 'working';
    case 'text':
      return isText(v);
    case 'text[]':
      return Array.isArray(v) && v.every(isText);
    case 'string[]':
      return Array.isArray(v) && v.every((s) => typeof s === 'string');
    case 'event':
      return typeof v === 'string' || isText(v);
  }
}

/** A checked datum copied as plain data (a text as `{en, zh}` only), so the step holds nothing of the caller's. */
const copy = (v: unknown): StepArg => (Array.isArray(v) ? v.map(copy) : isText(v) ? { en: v.en, zh: v.zh } : (v as StepArg));

/**
 * Renders a step from data (expanding a stored record). Throws a TypeError naming the kind when the
 * kind is unknown or the data is not what it takes (wrong count or types).
 */
export function renderStep(kind: string, args: readonly unknown[]): Bilingual {
  if (typeof kind !== 'string' || !Object.hasOwn(COMPUTATION_STEPS, kind)) throw new TypeError(`unknown computation step kind ${JSON.stringify(kind)}`);
  const types = ARG_TYPES[kind as StepKind] as readonly ArgType[];
  if (!Array.isArray(args)) throw new TypeError(`computation step "${kind}" takes a list of ${types.length} arguments (${types.join(', ')}), not ${typeof args}`);
  if (args.length !== types.length) throw new TypeError(`computation step "${kind}" takes ${types.length} argument${plural(types.length)} (${types.join(', ')}), got ${args.length}`);
  for (let i = 0; i < types.length; i++) {
    if (!fits(types[i]!, args[i])) throw new TypeError(`computation step "${kind}": argument ${i + 1} must be ${types[i]}, got ${JSON.stringify(args[i]) ?? String(args[i])}`);
  }
  return (computationStep as (kind: StepKind, ...args: readonly StepArg[]) => Bilingual)(kind as StepKind, ...args.map(copy));
}
