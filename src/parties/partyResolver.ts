import type { OrganRef } from '../assessment/types.js';
import type { CaseContext } from '../evaluate/context.js';

/**
 * How a rule's `"organ": "reviewOrgan"` becomes named organs for one case. The registry of the built-in
 * resolvers is `parties.ts`; the modules that contribute resolvers (handling, accountability) use this type.
 */
export type PartyResolver = (ctx: CaseContext) => OrganRef[];
