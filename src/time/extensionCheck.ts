import type { CaseContext } from '../evaluate/context.js';
import type { CaseProblem } from '../evaluate/caseChecks.js';
import { isDayCount, PeriodValue } from './period.js';

/**
 * The parameter holding the longest extension the handling organ's head may approve. The log's
 * `extension-approved` events extend the handling (conclusion) period, the one period the regulations
 * let an organ extend; the maximum is data of each pack (and of a local pack that overrides it).
 */
export const EXTENSION_PARAMETER = 'concludeExtension';

/**
 * An extension longer than the law allows is an input error, not a late conclusion: each approval, and
 * all the head of the organ's approvals together, must stay within the maximum in force.
 */
export function extensionCheck(ctx: CaseContext): CaseProblem[] {
  const parsed = PeriodValue.safeParse(ctx.params[EXTENSION_PARAMETER]);
  if (!parsed.success || !isDayCount(parsed.data)) return [];
  const max = parsed.data;
  const unit = max.unit === 'calendar' ? { en: 'days', zh: '日' } : { en: 'working days', zh: '个工作日' };
  const problems: CaseProblem[] = [];
  let total = 0;
  ctx.case.events.forEach((event, i) => {
    if (event.type !== 'extension-approved') return;
    if (event.days > max.days) {
      problems.push({
        path: `events[${i}].days`,
        message: {
          en: `an extension of ${event.days} ${unit.en} exceeds the most the law allows (${max.days} ${unit.en})`,
          zh: `延长${event.days}${unit.zh}超过法定最长延长期限（${max.days}${unit.zh}）`,
        },
      });
      return;
    }
    if (event.approvedBy !== 'head-of-organ') return;
    total += event.days;
    if (total > max.days) {
      problems.push({
        path: `events[${i}].days`,
        message: {
          en: `the extensions approved add up to ${total} ${unit.en}, more than the law allows (${max.days} ${unit.en})`,
          zh: `批准的延长合计${total}${unit.zh}，超过法定最长延长期限（${max.days}${unit.zh}）`,
        },
      });
    }
  });
  return problems;
}
