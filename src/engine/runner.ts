import type { TraceCondition } from '../assessment/types.js';
import type { StagedRule } from './ruleset.js';

/** The two ways to evaluate rule conditions: json-rules-engine itself (the reference), or closures compiled from the same JSON. */
export const EVALUATOR_KINDS = ['json-rules-engine', 'compiled'] as const;
export type EvaluatorKind = (typeof EVALUATOR_KINDS)[number];

/** A rule whose conditions held, with each condition as evaluated. */
export interface FiredRule {
  readonly rule: StagedRule;
  readonly conditions: TraceCondition;
}

/**
 * Evaluates one stage of rules on one case's facts and returns the rules that fired, in rule order.
 * Implementations must give identical answers, trace included: json-rules-engine is the reference
 * (asynchronous), the compiled runner answers synchronously.
 */
export type RuleRunner =
  | { readonly kind: 'json-rules-engine'; run(rules: readonly StagedRule[], facts: Readonly<Record<string, unknown>>): Promise<FiredRule[]> }
  | { readonly kind: 'compiled'; run(rules: readonly StagedRule[], facts: Readonly<Record<string, unknown>>): FiredRule[] };
