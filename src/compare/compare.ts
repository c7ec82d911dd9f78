import type { Evaluator, EvaluateOptions } from '../evaluate/createEvaluator.js';
import { compareAssessments, type AssessmentComparison } from './compareAssessments.js';

/**
 * Assesses one case under a base and a reform (two evaluators: other packs, jurisdiction or policy)
 * and says what the reform changes: which obligations' due dates or statuses, which findings,
 * escalations, guidance, actions and responsibilities appear, disappear or change
 * (see {@link compareAssessments}). A case that either side finds invalid throws that side's
 * CaseValidationError.
 */
export async function compare(base: Evaluator, reform: Evaluator, input: unknown, options: EvaluateOptions): Promise<AssessmentComparison> {
  const [a, b] = await Promise.all([base.evaluate(input, options), reform.evaluate(input, options)]);
  return compareAssessments(a, b);
}

/** {@link compare} synchronously, for two compiled evaluators. */
export function compareSync(base: Evaluator, reform: Evaluator, input: unknown, options: EvaluateOptions): AssessmentComparison {
  return compareAssessments(base.evaluateSync(input, options), reform.evaluateSync(input, options));
}
