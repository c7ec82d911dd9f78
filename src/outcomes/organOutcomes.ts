import { resolveParty } from '../parties/parties.js';
import type { Materialiser } from './materialiser.js';

/** An organ's key for merging items: its directory id, or its role name where the directory lacks it. */
export const organKey = (o: { id: string | null; name: string }) => o.id ?? `~${o.name}`;

const resolve = resolveParty;

/** The outcome kinds that name organs in a role: responsibilities, guidance, escalations and actions. */
export const organOutcomes: Record<'responsibility' | 'guidance' | 'escalation' | 'action', Materialiser> = {
  responsibility: {
    list: 'responsibilities',
    idField: 'role',
    materialise: (outcome, ctx, grounds) => {
      if (outcome.kind !== 'responsibility') return [];
      return resolve(ctx, outcome.organ).map((organ) => ({ key: `${outcome.role}|${organKey(organ)}`, item: { role: outcome.role, organ, ...grounds } }));
    },
  },
  guidance: {
    list: 'guidance',
    idField: 'id',
    materialise: (outcome, ctx, grounds) => {
      if (outcome.kind !== 'guidance') return [];
      const organ = outcome.organ ? resolve(ctx, outcome.organ)[0] : undefined;
      return [{ key: outcome.id, item: { id: outcome.id, ...(organ ? { organ } : {}), ...grounds } }];
    },
  },
  escalation: {
    list: 'escalations',
    idField: 'id',
    materialise: (outcome, ctx, grounds) => {
      if (outcome.kind !== 'escalation') return [];
      const organ = outcome.organ ? resolve(ctx, outcome.organ)[0] : undefined;
      const recipients = outcome.recipients?.flatMap((p) => resolve(ctx, p));
      return [
        {
          key: `${outcome.id}|${organ ? organKey(organ) : ''}`,
          item: { id: outcome.id, ...(organ ? { organ } : {}), ...(recipients ? { recipients } : {}), ...grounds },
        },
      ];
    },
  },
  action: {
    list: 'actions',
    idField: 'id',
    materialise: (outcome, ctx, grounds) => {
      if (outcome.kind !== 'action') return [];
      return resolve(ctx, outcome.organ).map((organ) => ({ key: `${outcome.id}|${organKey(organ)}`, item: { id: outcome.id, organ, ...grounds } }));
    },
  },
};
