import type { Bilingual } from '../case/validateCase.js';
import type { CaseContext } from './context.js';
import { accountabilityCheck } from '../accountability/checks.js';
import { extensionCheck } from '../time/extensionCheck.js';

/** A problem with a case that only the law's parameters reveal (e.g. an extension beyond the maximum). */
export interface CaseProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/**
 * Checks that need the packs in force. They run after the schema and directory checks and before any
 * rule, so an invalid case never gets a partial answer. Add a module's check to this list.
 */
const checks: ReadonlyArray<(ctx: CaseContext) => CaseProblem[]> = [extensionCheck, accountabilityCheck];

export function caseChecks(ctx: CaseContext): CaseProblem[] {
  return checks.flatMap((check) => check(ctx));
}
