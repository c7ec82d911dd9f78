import type { Grounds } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';
import type { Materialised, Materialiser } from '../outcomes/materialiser.js';
import { resolveParty } from '../parties/parties.js';
import type { Outcome } from '../rules/schema.js';
import { faultsOf, organKey } from './fault.js';

/**
 * Materialises a `supervision` outcome as the escalation `supervise` (督办): the organ that
 * supervises (the petition department) and the organ supervised, named as for a finding. One item per
 * supervisor and supervised organ, so several reasons to supervise one organ merge their grounds and
 * supervision of two organs stays two items.
 */
export const supervisionMaterialiser: Materialiser = {
  list: 'escalations',
  idField: 'id',
  materialise(outcome: Outcome, ctx: CaseContext, grounds: Grounds, facts?: Readonly<Record<string, unknown>>): Materialised[] {
    if (outcome.kind !== 'supervision') return [];
    const supervisor = resolveParty(ctx, outcome.organ)[0];
    if (!supervisor) return [];
    const source = {
      ...(outcome.supervisedOrgan !== undefined ? { party: outcome.supervisedOrgan } : {}),
      ...(outcome.obligation !== undefined ? { obligation: outcome.obligation } : {}),
      ...(outcome.misconduct !== undefined ? { misconduct: outcome.misconduct } : {}),
    };
    return faultsOf(source, ctx, facts).map((fault) => ({
      key: `supervise|${organKey(supervisor)}|${organKey(fault.organ)}`,
      item: { id: 'supervise', organ: supervisor, supervised: fault.organ, ...grounds },
    }));
  },
};
