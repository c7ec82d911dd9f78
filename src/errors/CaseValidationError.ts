/** One problem with a case, located by its path in the input (`events[2].on`). */
export interface InputIssue {
  /** Dotted path with array indexes, e.g. `events[2].on`; empty for the case as a whole. */
  readonly path: string;
  /** Plain-words description in the language asked for. */
  readonly message: string;
}

/**
 * Thrown when a case (or an option such as `asOf`) is not valid. It lists every problem found, each with
 * its path, so a caller can fix them all at once; no assessment is produced from invalid input.
 */
export class CaseValidationError extends Error {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], caseId?: string) {
    const head = caseId ? `case "${caseId}" is not valid` : 'the case is not valid';
    super(`${head} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  - ${i.path || '(case)'}: ${i.message}`).join('\n')}`);
    this.name = 'CaseValidationError';
    this.issues = issues;
  }
}

/**
 * Formats a zod-style path (`['events', 2, 'on']`) as `events[2].on`. A key that would not read back
 * as one step — empty, or holding a space, dot, quote or bracket (an unknown key of a caller's own
 * making) — is written quoted in brackets (`flags[""]`, `[" id"]`), so no problem is left without a
 * path that points at it.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key !== 'string' || key === '' || /[\s.'"[\]\\]|[\u0000-\u001f]/.test(key)) out += `[${JSON.stringify(String(key))}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}
