import type { AppliedPack, AppliedParameter, AppliedPolicy } from '../assessment/types.js';
import type { Receipt } from '../receipt/schema.js';

/** The format tag every compact record carries; a reader refuses another. */
export const COMPACT_FORMAT = 'petition-rules-compact/1';

/**
 * A leaf condition of a fired rule as the compact trace keeps it: `0` when it was not evaluated (its
 * result null), else `[result]`, `[result, factValue]`, or for a value read from another fact
 * `[result, factValue, valueResolved]`. The fact, path, operator and value are the rule's own.
 */
export type CompactLeaf = 0 | readonly [boolean] | readonly [boolean, unknown] | readonly [boolean, unknown, unknown];

/**
 * One fired rule: its id and the leaves of its conditions in order, and what it yielded when that is
 * not what the items it grounds say (`kind:id` of each item whose `rules` name it). A trace entry
 * that is not the rule's own shape is kept whole, as an object.
 */
export type CompactTraceEntry = readonly [rule: string, leaves: readonly CompactLeaf[]] | readonly [rule: string, leaves: readonly CompactLeaf[], yielded: readonly string[]] | Readonly<Record<string, unknown>>;

/**
 * A computation step as `[kind, ...args]` (rendered again by the step's template), or the text itself
 * where it came from outside the templates (a calendar's reason).
 */
export type CompactStep = readonly [kind: string, ...args: unknown[]] | { readonly en: string; readonly zh: string };

/**
 * An outcome item: its own fields, with each organ of the evaluator's directory written as its id,
 * `rules` as positions in the compact trace (or ids, for a rule that is not in it), `basis` left out
 * when it is the rules' citations united in order (`basis+` holding only the citations after those, a counting rule's citations by its id in
 * rules/counting.json, `startDayExcluded`),
 * `facts` left out when it is what their conditions
 * read, and an obligation's computation as steps. An item that cannot be written so is kept whole,
 * wrapped in an array of one.
 */
export type CompactItem = Readonly<Record<string, unknown>> | readonly [Readonly<Record<string, unknown>>];

/**
 * An assessment written small: the decisions with organs by id, the law by reference (the packs
 * applied, each `id@` the first 12 hex digits of its content hash — what `petition-rules rules` prints),
 * the policy and the directory by hash, and the trace by reference (rule ids and leaf values). The
 * evaluator that made it, or any built with the same packs, policy and directory, expands it to
 * exactly the full assessment (`evaluator.expand`).
 */
export interface CompactAssessment {
  readonly format: typeof COMPACT_FORMAT;
  readonly caseId: string;
  readonly asOf: string;
  readonly receivedOn: string;
  /** The packs applied for the receipt date, `id@hash`, in the assessment's order. */
  readonly law: readonly string[];
  /** The hash of the evaluator's policy (ids and values), or the policy list itself when the assessment's differs. */
  readonly policy: string | readonly AppliedPolicy[];
  /** The hash of the evaluator's organ directory (as given), which the organ ids refer to. */
  readonly directory: string;
  /** Present only when the assessment's packs are not those the law gives for its receipt date. */
  readonly packs?: readonly AppliedPack[];
  /** Present only when the assessment's parameters are not those the law gives for its receipt date. */
  readonly parameters?: readonly AppliedParameter[];
  readonly responsibilities: readonly CompactItem[];
  readonly obligations: readonly CompactItem[];
  readonly escalations: readonly CompactItem[];
  readonly actions: readonly CompactItem[];
  readonly findings: readonly CompactItem[];
  readonly guidance: readonly CompactItem[];
  /** Absent in a record written without the trace (`audit --without-trace`), which expands to an assessment without one. */
  readonly trace?: readonly CompactTraceEntry[];
  readonly receipt?: Receipt;
}
