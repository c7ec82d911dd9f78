import type { Organ } from '../case/organ.js';
import type { CaseContext } from '../evaluate/context.js';

/*
 * What facts and parties alike ask of a matter (which organs are in question, where it arose), and the
 * shape of a fact. The fact and party registries sit above this file and the modules that register
 * facts and parties (accountability, handling) below them read it from here.
 */

/**
 * A named fact that rule conditions may read (`{ "fact": "levelsAboveCompetent", ... }`). Facts are
 * computed from the case once, before any rule runs, so every rule sees the same values and the trace
 * can show exactly what each condition saw.
 */
export interface FactDefinition {
  readonly description: string;
  readonly compute: (ctx: CaseContext) => unknown;
}

/** An organ of the merged directory by id. */
export const organ = (ctx: CaseContext, id: string | undefined): Organ | undefined => (id === undefined ? undefined : ctx.directory.get(id));

/** The organs whose competence is in question: the handling organ (if any) and the organs involved. */
export function organsInvolved(ctx: CaseContext): string[] {
  const ids = [...(ctx.case.handlingOrgan ? [ctx.case.handlingOrgan] : []), ...ctx.case.involvedOrgans];
  return [...new Set(ids)];
}

/** The region where the matter arose: as stated, else the handling organ's, else the receiving organ's. */
export function matterRegion(ctx: CaseContext): string | undefined {
  return ctx.case.aroseIn ?? organ(ctx, ctx.case.handlingOrgan)?.region ?? organ(ctx, ctx.case.receivingOrgan)?.region;
}

