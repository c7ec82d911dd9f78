import type { z } from 'zod';
import { formatPath } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';

/** Each schema issue as `path: problem`; a refused record key says why the key is refused, not only that it is. */
export function issueMessages(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((i) =>
    i.code === 'invalid_key' && i.issues.length > 0
      ? i.issues.map((inner) => `${formatPath(i.path) || '(root)'}: the key ${inner.message}`)
      : [`${formatPath(i.path) || '(root)'}: ${i.message}`],
  );
}

/** Parses a pack file's data with its schema, or throws a RulePackError naming the file, the rule id where known, and every field at fault. */
export function checkSchema<T>(schema: z.ZodType<T>, value: unknown, file: string, ruleId?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RulePackError(file, issueMessages(parsed.error.issues), ruleId);
}
