/**
 * Thrown when a rule pack (a file under `rules/` or a caller's own pack) is malformed: it names the
 * file, the rule id where there is one, and each problem, and no evaluator is built from it.
 */
export class RulePackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    readonly ruleId?: string,
  ) {
    super(`${file}${ruleId ? ` (rule ${ruleId})` : ''}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'RulePackError';
  }
}
