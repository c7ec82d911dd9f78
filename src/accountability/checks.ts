import { PETITION_DEPARTMENT_MISCONDUCT } from '../case/misconduct.js';
import type { CaseContext } from '../evaluate/context.js';
import type { CaseProblem } from '../case/caseProblem.js';

/**
 * Checks on the accountability and conduct fields that need the directory and `asOf` (the organ ids
 * themselves are checked with the other organ ids in `validateCase`):
 * - a misconduct dated after `asOf` is not a fact yet;
 * - `failed-to-register` and `failed-to-supervise` are failures of a petition department only (an
 *   organ responsible for acceptance that did not register is `refused-acceptance`);
 * - `conductFacts` says something only about prohibited conduct on record: a lawful petition gets no
 *   step of the response ladder, so stating one without `petitionerConduct` is an error.
 */
export function accountabilityCheck(ctx: CaseContext): CaseProblem[] {
  const problems: CaseProblem[] = [];
  ctx.case.misconduct.forEach((m, i) => {
    if (m.on !== undefined && m.on > ctx.asOf) {
      problems.push({
        path: `misconduct[${i}].on`,
        message: { en: `${m.kind} on ${m.on} is after asOf (${ctx.asOf}): an assessment cannot rest on future events`, zh: `${m.kind} 的日期 ${m.on} 晚于评估日（${ctx.asOf}）` },
      });
    }
    const organ = ctx.directory.get(m.by);
    if (organ && PETITION_DEPARTMENT_MISCONDUCT.includes(m.kind) && organ.kind !== 'petition-department') {
      problems.push({
        path: `misconduct[${i}].by`,
        message: {
          en: `${m.kind} is a failure of a petition department, but "${m.by}" is a ${organ.kind}; an organ responsible for acceptance that did not register is "refused-acceptance"`,
          zh: `${m.kind} 仅适用于信访部门，而“${m.by}”不是信访部门；负有受理职责的机关未按规定登记的，应记为 "refused-acceptance"`,
        },
      });
    }
  });
  const stated = Object.entries(ctx.case.conductFacts).filter(([, v]) => v === true).map(([k]) => k);
  if (stated.length > 0 && ctx.case.petitionerConduct.length === 0) {
    problems.push({
      path: 'conductFacts',
      message: {
        en: `${stated.join(', ')} stated, but no prohibited conduct is on record (petitionerConduct is empty): a lawful petition is never met with the response ladder`,
        zh: `填写了 ${stated.join('、')}，但未记载任何禁止行为（petitionerConduct 为空）：依法信访不得采取任何处置措施`,
      },
    });
  }
  return problems;
}
