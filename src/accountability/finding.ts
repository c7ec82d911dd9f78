import type { AccountablePerson, Finding, Grounds } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Materialised, Materialiser } from '../evaluate/outcomes.js';
import type { Outcome } from '../rules/schema.js';
import { faultsOf, organKey, type Fault } from './fault.js';
import { superiorOfRef } from './parties.js';

type FindingOutcome = Extract<Outcome, { kind: 'finding' }>;

/**
 * The consequences the cited article attaches: the superior orders correction where the article says
 * so, and a sanction follows where serious consequences are recorded (or unconditionally, where the
 * article sanctions without that condition). Under `sanction-if-serious` the article does not apply at
 * all without serious consequences, so no finding is made.
 */
function consequencesOf(liability: FindingOutcome['liability'], serious: boolean): Finding['consequences'] | undefined {
  switch (liability) {
    case 'correction-then-sanction':
      return serious ? ['order-correction', 'sanction'] : ['order-correction'];
    case 'sanction-if-serious':
      return serious ? ['sanction'] : undefined;
    case 'sanction':
      return ['sanction'];
  }
}

/**
 * The people who answer, by role. The accountability articles name the responsible managers and the
 * other directly responsible staff of the organ at fault. Where the rule names a leadership provision
 * and serious consequences are recorded, the leadership responsibility system adds the organ's
 * first-responsible leader (its principal leader) and directly-responsible leader (the leader in charge
 * of petition work), and — "one post, two responsibilities" — the leading member whose portfolio the
 * failure lies in, when the case says it lies in another leading member's portfolio.
 */
function accountableOf(fault: Fault, leadership: boolean): AccountablePerson[] {
  const people: AccountablePerson[] = [
    { role: 'responsible-manager', organ: fault.organ },
    { role: 'directly-responsible-staff', organ: fault.organ },
  ];
  if (leadership) {
    people.push({ role: 'first-responsible-leader', organ: fault.organ }, { role: 'directly-responsible-leader', organ: fault.organ });
    if (fault.otherLeadersPortfolio) people.push({ role: 'leading-member', organ: fault.organ });
  }
  return people;
}

/**
 * Materialises a `finding` outcome: one finding per organ at fault, keyed by finding id
 * and organ, naming who answers, the consequences, who decides (the organ's superior) and the basis.
 */
export const findingMaterialiser: Materialiser = {
  list: 'findings',
  idField: 'id',
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds, facts?: Readonly<Record<string, unknown>>): Materialised[] {
    if (outcome.kind !== 'finding') return [];
    const source = { ...(outcome.organ !== undefined ? { party: outcome.organ } : {}), ...(outcome.obligation !== undefined ? { obligation: outcome.obligation } : {}), ...(outcome.misconduct !== undefined ? { misconduct: outcome.misconduct } : {}) };
    const out: Materialised[] = [];
    for (const fault of faultsOf(source, ctx, facts)) {
      const consequences = consequencesOf(outcome.liability, fault.seriousConsequences);
      if (!consequences) continue;
      const leadership = outcome.leadership !== undefined && fault.seriousConsequences;
      const basis = leadership && !grounds.basis.includes(outcome.leadership!) ? [...grounds.basis, outcome.leadership!] : grounds.basis;
      const finding: Omit<Finding, keyof Grounds> = {
        id: outcome.id,
        organ: fault.organ,
        accountable: accountableOf(fault, leadership),
        consequences,
        seriousConsequences: fault.seriousConsequences,
        decidedBy: superiorOfRef(ctx, fault.organ),
      };
      out.push({ key: `${outcome.id}|${organKey(fault.organ)}`, item: { ...finding, ...grounds, basis } });
    }
    return out;
  },
};
