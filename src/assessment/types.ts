import type { OrganKind, OrganLevel } from '../case/organ.js';
import type { IsoDate } from '../dates/isoDate.js';
import type { Receipt } from '../receipt/schema.js';

/**
 * An organ named in an assessment. `id` is the directory id; where the directory does not hold the
 * organ (a superior it does not list, a region's government it lacks) `id` is null and `name` names the
 * role instead ("the superior of Qingtian County Land Bureau"), so nothing is guessed.
 */
export interface OrganRef {
  readonly id: string | null;
  readonly name: string;
  readonly nameZh: string;
  readonly level?: OrganLevel;
  readonly kind?: OrganKind;
}

/** Why an outcome is there: the provisions, the rules that found it, and the facts they saw. */
export interface Grounds {
  /** Citation ids (`<instrument>:<provision>`), in rule order without repeats. */
  readonly basis: readonly string[];
  /** Ids of the rules that yielded this outcome. */
  readonly rules: readonly string[];
  /** The fact values the rules' conditions read, keyed `fact` or `fact.path`. */
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface Responsibility extends Grounds {
  readonly role: string;
  readonly organ: OrganRef;
}

export interface Guidance extends Grounds {
  readonly id: string;
  /** Where the petitioner is to go, or who gives the guidance, when the rule names one. */
  readonly organ?: OrganRef;
}

export interface Escalation extends Grounds {
  readonly id: string;
  readonly organ?: OrganRef;
  /** For `report-up`: the organs the report goes to. */
  readonly recipients?: readonly OrganRef[];
  /** For `supervise`: the organ supervised (`organ` is the petition department that supervises). */
  readonly supervised?: OrganRef;
  /** For `propose-accountability`: the organ whose responsible people the proposal concerns (`recipients`: the organ with management authority). */
  readonly concerning?: OrganRef;
}

export interface Action extends Grounds {
  readonly id: string;
  readonly organ: OrganRef;
}

/**
 * Status of a duty with a due date; a petitioner's window is `open` or `expired`; `undetermined` when no
 * due date can be given because a day it depends on is beyond what the calendar answers for
 * (see `calendarProblem`).
 */
export type ObligationStatus = 'pending' | 'due-soon' | 'met' | 'met-late' | 'overdue' | 'open' | 'expired' | 'undetermined';

/**
 * A time limit that applies to the case: who must do what, from which event, by when, and
 * where it stands at `asOf`, with a plain account of how the due date was computed.
 */
export interface Obligation extends Grounds {
  readonly id: string;
  /** The organ that must act (for a petitioner's window: the organ the request goes to). */
  readonly organ: OrganRef;
  /** The event that started the clock, or null when it has not happened yet. */
  readonly start: { readonly event: string; readonly on: IsoDate } | null;
  readonly period:
    | { readonly kind: 'days'; readonly days: number; readonly unit: 'calendar' | 'working' }
    | { readonly kind: 'set-by-assigner' }
    | { readonly kind: 'no-day-count' }
    | { readonly kind: 'promptly'; readonly days: number; /** The policy option that gave the day count. */ readonly policy: string };
  /** The due date (last day allowed), or null where the law sets no day count. */
  readonly dueOn: IsoDate | null;
  readonly status: ObligationStatus;
  /** The date the duty was done, when the log shows it. */
  readonly metOn?: IsoDate;
  readonly daysLate?: number;
  readonly daysOverdue?: number;
  readonly daysLeft?: number;
  /** The parameter of the packs in force that gave the period (`conclude`, `dispose`, …). */
  readonly parameter: string;
  /**
   * True for a petitioner's window (`*-request-window`): `open` or `expired` while unused, `met` once
   * used in time; a request made after it closed leaves it `expired` (with `metOn` and `daysLate`).
   */
  readonly window?: boolean;
  /**
   * When the log lacks the event the law runs the period from (the review organ's receipt of the
   * request) and another event stood in for it (the request itself): the event type the law names.
   * `start` is then the stand-in event.
   */
  readonly startStandsInFor?: string;
  /** When the last day fell on a rest day and was carried to the next working day: the day it was carried from. */
  readonly rolledOverFrom?: IsoDate;
  /** With extensions on record: the due date before any extension. */
  readonly originalDueOn?: IsoDate;
  /** Extensions on record and whether each lengthened the period. */
  readonly extensions?: ReadonlyArray<{
    readonly on: IsoDate;
    readonly days: number;
    readonly counted: boolean;
    /**
     * `in-time`; `late-cured` (after the due date, counted by policy); `late` (not counted); `not-by-head`;
     * `beyond-maximum` (the extensions counted had already reached the most the law allows).
     */
    readonly reason: 'in-time' | 'late-cured' | 'late' | 'not-by-head' | 'beyond-maximum';
    /** Days of this approval beyond the most the law allows in all: not counted. */
    readonly excessDays?: number;
  }>;
  /**
   * Days of extension approved beyond the most the law allows in all (the rule's extension maximum,
   * parameter `concludeExtension`): not counted, so lateness is judged against the lawful due date.
   * Present only when there are some.
   */
  readonly extensionExcessDays?: number;
  /** Days of a pause (hearing) that fell inside the period and were not counted. */
  readonly pausedDays?: number;
  /**
   * Present when the due date rests on a calendar year that has no State Council holiday notice yet
   * (projected from the Measures on National Holidays), or on days such a notice may still change:
   * the years concerned and why. The date may move once the notice is published.
   */
  readonly provisional?: { readonly years: readonly number[]; readonly reason: { readonly en: string; readonly zh: string } };
  /**
   * Present when status is `undetermined`: the first day the calendar could not answer for (beyond its
   * data and projection, or projected under policy calendarCoverage `strict`) and why.
   */
  readonly calendarProblem?: { readonly date: IsoDate; readonly reason: { readonly en: string; readonly zh: string } };
  /** Plain account of the computation, step by step (start day excluded; rollover; extension; pause). */
  readonly computation: ReadonlyArray<{ readonly en: string; readonly zh: string }>;
}

/** A person or post answerable for a finding, by role (never by name). */
export interface AccountablePerson {
  readonly role: 'responsible-manager' | 'directly-responsible-staff' | 'first-responsible-leader' | 'directly-responsible-leader' | 'leading-member';
  readonly organ: OrganRef;
}

/** An accountability finding: what went wrong, against which organ, who answers, and what follows. */
export interface Finding extends Grounds {
  readonly id: string;
  readonly organ: OrganRef;
  readonly accountable: readonly AccountablePerson[];
  /**
   * What the cited article attaches: `order-correction` wherever the article has the superior order
   * correction; `sanction` where serious consequences are recorded, or without that condition where
   * the article sanctions unconditionally (disclosing a denunciation, retaliation under the 2005
   * Regulations). An article that applies only where serious consequences followed (causing a petition,
   * for instance) yields `sanction` alone, and no finding at all without them.
   */
  readonly consequences: ReadonlyArray<'order-correction' | 'sanction'>;
  /**
   * Each consequence of `consequences` in the words of the article that attaches it (en + zh): the
   * 2005 Regulations' 依法给予行政处分 or 行政处分或者纪律处分, the 2022 Regulations' 依规依纪依法严肃处理,
   * with the article's own conditions and its criminal-liability clause where it has one.
   */
  readonly consequenceWords: {
    readonly 'order-correction'?: { readonly en: string; readonly zh: string };
    readonly sanction?: { readonly en: string; readonly zh: string };
  };
  /** Whether the case records serious consequences for this failure (the misconduct's own statement, else `flags.seriousConsequences`). */
  readonly seriousConsequences: boolean;
  /** The organ that orders correction or imposes the sanction (the superior, or the petition department's proposal). */
  readonly decidedBy?: OrganRef;
}

/** A condition as evaluated, with the value its fact had. Unevaluated conditions (short-circuited) say so. */
export type TraceCondition =
  | { readonly all: readonly TraceCondition[]; readonly result: boolean | null }
  | { readonly any: readonly TraceCondition[]; readonly result: boolean | null }
  | { readonly not: TraceCondition; readonly result: boolean | null }
  | {
      readonly fact: string;
      readonly path?: string;
      readonly operator: string;
      readonly value: unknown;
      /** The value the fact (at its path) had; absent when the condition was not evaluated. */
      readonly factValue?: unknown;
      /** For a value read from another fact: the value it had. */
      readonly valueResolved?: unknown;
      /** true / false, or null when short-circuited and never evaluated. */
      readonly result: boolean | null;
    };

/** One rule that fired, with what it saw. */
export interface TraceEntry {
  readonly rule: string;
  readonly pack: string;
  readonly title: { readonly en: string; readonly zh: string };
  readonly citations: readonly string[];
  /** Evaluation stage: 0 for rules on case facts, n+1 for rules that read stage-n outcomes. */
  readonly stage: number;
  readonly dependsOn: readonly string[];
  readonly interpretation?: { readonly en: string; readonly zh: string };
  readonly conditions: TraceCondition;
  /** The outcome kinds and ids the rule yielded, e.g. `guidance:elect-representatives`. */
  readonly yielded: readonly string[];
}

export interface AppliedPack {
  readonly id: string;
  readonly role: 'principles' | 'procedure' | 'jurisdiction';
  readonly title: { readonly en: string; readonly zh: string };
}

export interface AppliedParameter {
  readonly id: string;
  readonly pack: string;
  readonly value: unknown;
  /** The date from which this value is in force. */
  readonly from: IsoDate;
  readonly source: readonly string[];
}

export interface AppliedPolicy {
  readonly id: string;
  readonly value: boolean | number | string;
  readonly status: 'policy' | 'unverified-interpretation';
  /** Whether the caller kept the default. */
  readonly isDefault: boolean;
}

/**
 * The answer for one case at `asOf`: who is responsible, what is due, what must be escalated, who is
 * accountable and what the petitioner is told — each item with its grounds — plus the packs,
 * parameters and policy applied and a trace of every rule that fired.
 */
export interface Assessment {
  readonly caseId: string;
  readonly asOf: IsoDate;
  readonly receivedOn: IsoDate;
  readonly packs: readonly AppliedPack[];
  readonly parameters: readonly AppliedParameter[];
  readonly policy: readonly AppliedPolicy[];
  readonly responsibilities: readonly Responsibility[];
  readonly obligations: readonly Obligation[];
  readonly escalations: readonly Escalation[];
  readonly actions: readonly Action[];
  readonly findings: readonly Finding[];
  readonly guidance: readonly Guidance[];
  readonly trace: readonly TraceEntry[];
  /** Present when asked for (option `receipt`): what the assessment was made with, hashed, to reproduce it. */
  readonly receipt?: Receipt;
}
