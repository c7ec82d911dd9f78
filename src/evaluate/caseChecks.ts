import type { Bilingual } from '../case/validateCase.js';
import type { CaseContext } from './context.js';
import { accountabilityCheck } from '../accountability/checks.js';

/** A problem with a case that only the law's parameters or the directory reveal. */
export interface CaseProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/**
 * Checks that need the packs in force. They run after the schema and directory checks and before any
 * rule, so an invalid case never gets a partial answer. Add a module's check to this list.
 */
const checks: ReadonlyArray<(ctx: CaseContext) => CaseProblem[]> = [accountabilityCheck];

export function caseChecks(ctx: CaseContext): CaseProblem[] {
  return checks.flatMap((check) => check(ctx));
}
