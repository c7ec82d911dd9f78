import type { AccountablePerson, Finding, Grounds } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Materialised, Materialiser } from '../outcomes/materialiser.js';
import type { Outcome } from '../rules/schema.js';
import { faultsOf, organKey, type Fault } from './fault.js';
import { superiorOfRef } from './parties.js';

type FindingOutcome = Extract<Outcome, { kind: 'finding' }>;

/** Whom an accountability article names unless the rule says otherwise. */
const DEFAULT_ACCOUNTABLE = ['responsible-manager', 'directly-responsible-staff'] as const;

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

/** Each consequence attached, in the words of the article that attaches it. */
function wordsOf(consequences: Finding['consequences'], words: FindingOutcome['consequenceWords']): Finding['consequenceWords'] {
  const out: { -readonly [K in keyof Finding['consequenceWords']]: Finding['consequenceWords'][K] } = {};
  for (const c of consequences) {
    const w = words[c];
    if (w) out[c] = w;
  }
  return out;
}

/**
 * The people who answer, by role. Most accountability articles name the responsible managers and the
 * other directly responsible staff of the organ at fault; a rule names others where its article does
 * (`accountable`: the staff member who did the act, say). Where the rule names a leadership provision
 * and serious consequences are recorded, the leadership responsibility system adds the organ's
 * first-responsible leader (its principal leader) and directly-responsible leader (the leader in charge
 * of petition work), and — "one post, two responsibilities" — the leading member whose portfolio the
 * failure lies in, when the case says it lies in another leading member's portfolio.
 */
function accountableOf(fault: Fault, leadership: boolean, named: FindingOutcome['accountable']): AccountablePerson[] {
  const people: AccountablePerson[] = (named ?? DEFAULT_ACCOUNTABLE).map((role) => ({ role, organ: fault.organ }));
  if (leadership) {
    people.push({ role: 'first-responsible-leader', organ: fault.organ }, { role: 'directly-responsible-leader', organ: fault.organ });
    if (fault.otherLeadersPortfolio) people.push({ role: 'leading-member', organ: fault.organ });
  }
  return people;
}

/**
 * Materialises a `finding` outcome: one finding per organ at fault, keyed by finding id
 * and organ, naming who answers, the consequences (as tags and in the article's words), who decides
 * (the organ's superior) and the basis.
 */
export const findingMaterialiser: Materialiser = {
  list: 'findings',
  idField: 'id',
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds, facts?: Readonly<Record<string, unknown>>): Materialised[] {
    if (outcome.kind !== 'finding') return [];
    const source = {
      ...(outcome.organ !== undefined ? { party: outcome.organ } : {}),
      ...(outcome.obligation !== undefined ? { obligation: outcome.obligation } : {}),
      ...(outcome.misconduct !== undefined ? { misconduct: outcome.misconduct } : {}),
      ...(outcome.misconductWith !== undefined ? { misconductWith: outcome.misconductWith } : {}),
    };
    const out: Materialised[] = [];
    for (const fault of faultsOf(source, ctx, facts)) {
      const consequences = consequencesOf(outcome.liability, fault.seriousConsequences);
      if (!consequences) continue;
      const leadership = outcome.leadership !== undefined && fault.seriousConsequences;
      const basis = leadership && !grounds.basis.includes(outcome.leadership!) ? [...grounds.basis, outcome.leadership!] : grounds.basis;
      const finding: Omit<Finding, keyof Grounds> = {
        id: outcome.id,
        organ: fault.organ,
        accountable: accountableOf(fault, leadership, outcome.accountable),
        consequences,
        consequenceWords: wordsOf(consequences, outcome.consequenceWords),
        seriousConsequences: fault.seriousConsequences,
        decidedBy: superiorOfRef(ctx, fault.organ),
      };
      out.push({ key: `${outcome.id}|${organKey(fault.organ)}`, item: { ...finding, ...grounds, basis } });
    }
    return out;
  },
};
