/** The outcome lists of an assessment, in the order the evaluator writes them. */
export const OUTCOME_LISTS = ['responsibilities', 'obligations', 'escalations', 'actions', 'findings', 'guidance'] as const;

/** The keys of an assessment, in the order the evaluator writes them; a receipt, when asked for, comes last. */
export const ASSESSMENT_KEYS = ['caseId', 'asOf', 'receivedOn', 'packs', 'parameters', 'policy', ...OUTCOME_LISTS, 'trace'] as const;

/**
 * Whether an object has exactly the keys of an assessment in the evaluator's order (and then whether
 * it carries a receipt), or undefined: the writers that rely on that shape (`stringify`, `compact`) ask here.
 */
export function evaluatorShape(assessment: object): { readonly withReceipt: boolean } | undefined {
  const keys = Object.keys(assessment);
  const withReceipt = keys.length === ASSESSMENT_KEYS.length + 1 && keys[ASSESSMENT_KEYS.length] === 'receipt';
  if ((keys.length !== ASSESSMENT_KEYS.length && !withReceipt) || ASSESSMENT_KEYS.some((k, i) => k !== keys[i])) return undefined;
  return { withReceipt };
}
