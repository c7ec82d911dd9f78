import type { TraceCondition } from '../assessment/types.js';
import type { StagedRule } from './ruleset.js';

/** The two ways to evaluate rule conditions: json-rules-engine itself (the reference), or closures compiled from the same JSON. */
export const EVALUATOR_KINDS = ['json-rules-engine', 'compiled'] as const;
export type EvaluatorKind = (typeof EVALUATOR_KINDS)[number];

/**
 * A rule whose conditions held: each condition as evaluated (json-rules-engine always builds them; the
 * compiled runner only when a trace is asked for), or the fact values they read, or both.
 */
export interface FiredRule {
  readonly rule: StagedRule;
  /** Each condition as evaluated; left out by the compiled runner when no trace is asked for. */
  readonly conditions?: TraceCondition;
  /**
   * The fact values the rule's conditions read, keyed `fact` or `fact.path` (evaluated leaves only, in
   * the order the conditions name them), as `factsSeen` reads them off `conditions`: the compiled
   * runner gives them, collected without building the condition tree.
   */
  readonly seen?: Record<string, unknown>;
}

/**
 * Evaluates one stage of rules on one case's facts and returns the rules that fired, in rule order.
 * Implementations must give identical answers, trace included: json-rules-engine is the reference
 * (asynchronous), the compiled runner answers synchronously. With `trace` false a runner may leave out
 * the conditions (the compiled runner then builds no condition tree); `seen` is the same either way.
 */
export type RuleRunner =
  | { readonly kind: 'json-rules-engine'; run(rules: readonly StagedRule[], facts: Readonly<Record<string, unknown>>, trace: boolean): Promise<FiredRule[]> }
  | { readonly kind: 'compiled'; run(rules: readonly StagedRule[], facts: Readonly<Record<string, unknown>>, trace: boolean): FiredRule[] };
