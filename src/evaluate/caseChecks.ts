import type { CaseProblem } from '../case/caseProblem.js';
import type { CaseContext } from './context.js';
import { accountabilityCheck } from '../accountability/checks.js';

export type { CaseProblem } from '../case/caseProblem.js';

/**
 * Checks that need the packs in force. They run after the schema and directory checks and before any
 * rule, so an invalid case never gets a partial answer. Add a module's check to this list.
 */
const checks: ReadonlyArray<(ctx: CaseContext) => CaseProblem[]> = [accountabilityCheck];

export function caseChecks(ctx: CaseContext): CaseProblem[] {
  return checks.flatMap((check) => check(ctx));
}
