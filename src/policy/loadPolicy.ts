import type { AppliedPolicy } from '../assessment/types.js';
import { formatPath } from '../errors/CaseValidationError.js';
import { builtinPolicyFile } from '../rules/builtinFiles.js';
import { PolicyFileSchema, PolicySchema, type Policy } from './policy.js';

/**
 * The policy an evaluator works with: the defaults of `rules/policy.json` (bundled) with the caller's overrides,
 * each option reported with its status (policy, or an unverified interpretation) and whether the
 * caller changed it. An unknown option or a value of the wrong kind is a TypeError naming it.
 */
export function loadPolicy(overrides: Partial<Policy> | undefined): { policy: Policy; applied: AppliedPolicy[] } {
  const file = PolicyFileSchema.parse(builtinPolicyFile.value);
  const defaults = Object.fromEntries(Object.entries(file.options).map(([id, o]) => [id, o.default]));
  const unknown = Object.keys(overrides ?? {}).filter((k) => !(k in file.options));
  if (unknown.length > 0) throw new TypeError(`unknown policy option(s): ${unknown.join(', ')} (known: ${Object.keys(file.options).join(', ')})`);
  const merged = PolicySchema.safeParse({ ...defaults, ...overrides });
  if (!merged.success) {
    throw new TypeError(`invalid policy: ${merged.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
  }
  const applied = Object.entries(file.options).map(([id, o]) => ({
    id,
    value: merged.data[id as keyof Policy],
    status: o.status,
    isDefault: overrides?.[id as keyof Policy] === undefined,
  }));
  return { policy: merged.data, applied };
}
