import type { Grounds } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Materialised, Materialiser } from '../outcomes/materialiser.js';
import { resolveParty } from '../parties/parties.js';
import type { Outcome } from '../rules/schema.js';
import { faultsOf, organKey } from './fault.js';
import { superiorOfRef } from './parties.js';

/**
 * Materialises an `accountability-proposal` outcome as the escalation `propose-accountability`: the
 * organ that proposes (the petition department), the organ at fault it concerns, named as for a
 * finding, and the organ the proposal goes to — the one with management authority over the organ at
 * fault, which the directory shows as its superior (else the role "the superior of X"). One item per
 * proposer and organ concerned, so several grounds to propose about one organ merge.
 */
export const proposalMaterialiser: Materialiser = {
  list: 'escalations',
  idField: 'id',
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds, facts?: Readonly<Record<string, unknown>>): Materialised[] {
    if (outcome.kind !== 'accountability-proposal') return [];
    const proposer = resolveParty(ctx, outcome.organ)[0];
    if (!proposer) return [];
    const source = {
      ...(outcome.concerningOrgan !== undefined ? { party: outcome.concerningOrgan } : {}),
      ...(outcome.obligation !== undefined ? { obligation: outcome.obligation } : {}),
      ...(outcome.misconduct !== undefined ? { misconduct: outcome.misconduct } : {}),
    };
    return faultsOf(source, ctx, facts)
      .filter((fault) => outcome.onlyWhereSerious !== true || fault.seriousConsequences)
      .map((fault) => ({
        key: `propose-accountability|${organKey(proposer)}|${organKey(fault.organ)}`,
        item: { id: 'propose-accountability', organ: proposer, recipients: [superiorOfRef(ctx, fault.organ)], concerning: fault.organ, ...grounds },
      }));
  },
};
