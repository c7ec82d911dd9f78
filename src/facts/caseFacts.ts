import { levelRank, type Organ } from '../case/organ.js';
import type { EventType } from '../case/event.js';
import { commonSuperior } from '../directory/directory.js';
import type { CaseContext } from '../evaluate/context.js';
import { matterRegion, organ, organsInvolved, type FactDefinition } from './matter.js';
import { accountabilityFacts } from '../accountability/facts.js';
import { latestHandover } from '../time/transfers.js';
import { lowerHandlingFact, pendingBelow } from '../time/pendingBelow.js';

/** First date of each event type in the log. */
function firstDates(ctx: CaseContext): Partial<Record<EventType, string>> {
  const out: Partial<Record<EventType, string>> = {};
  for (const e of ctx.case.events) {
    const seen = out[e.type];
    if (seen === undefined || e.on < seen) out[e.type] = e.on;
  }
  return out;
}

/**
 * The built-in facts. Names are the domain's words; each is documented where it is computed.
 * A rule that names a fact not listed here is rejected when its pack is loaded.
 */
export const caseFacts: Readonly<Record<string, FactDefinition>> = {
  case: { description: 'The validated case as given (paths such as "class", "flags.major").', compute: (ctx) => ctx.case },
  param: { description: 'Parameters of the packs in force at the receipt date, by id.', compute: (ctx) => ctx.params },
  policy: { description: 'The policy options in effect (thresholds and interpretations the law leaves open).', compute: (ctx) => ctx.policy },
  procedure: { description: 'Id of the procedural pack in force (by receipt date).', compute: (ctx) => ctx.procedure },
  receivingLevel: {
    description: 'Level rank (village 0 … central 5) of the organ that received the matter.',
    compute: (ctx) => {
      const o = organ(ctx, ctx.case.receivingOrgan);
      return o ? levelRank(o.level) : undefined;
    },
  },
  handlingLevel: {
    description: 'Level rank of the competent (handling) organ, when known.',
    compute: (ctx) => {
      const o = organ(ctx, ctx.case.handlingOrgan);
      return o ? levelRank(o.level) : undefined;
    },
  },
  handlingOrganKind: {
    description: 'Kind of the competent (handling) organ, when known (e.g. "court").',
    compute: (ctx) => organ(ctx, ctx.case.handlingOrgan)?.kind,
  },
  levelsAboveCompetent: {
    description: 'How many levels the receiving (visited) organ stands above the competent organ; undefined when the competent organ is not known.',
    compute: (ctx) => {
      const r = organ(ctx, ctx.case.receivingOrgan);
      const h = organ(ctx, ctx.case.handlingOrgan);
      return r && h ? levelRank(r.level) - levelRank(h.level) : undefined;
    },
  },
  visitorsAppearing: {
    description: 'People appearing for a visit: the representatives if chosen, else every petitioner.',
    compute: (ctx) => ctx.case.representatives ?? ctx.case.petitioners,
  },
  collective: {
    description: 'A collective petition: flagged so, or brought by at least the policy threshold of people.',
    compute: (ctx) => ctx.case.flags.collective ?? ctx.case.petitioners >= ctx.policy.collectiveVisitThreshold,
  },
  largeScale: {
    description: 'A large-scale collective petition: flagged major and collective, or at least the policy threshold of people.',
    compute: (ctx) => ctx.case.petitioners >= ctx.policy.largeScaleThreshold || (ctx.case.flags.major === true && ctx.case.flags.collective === true),
  },
  lawAndLitigation: {
    description: 'Law- and litigation-related (涉法涉诉): stated so, or in that priority area.',
    compute: (ctx) => ctx.case.lawAndLitigation || ctx.case.priorityArea === 'law-and-litigation',
  },
  organsInvolvedCount: {
    description: 'Distinct organs whose competence is in question (handling organ and organs involved).',
    compute: (ctx) => organsInvolved(ctx).length,
  },
  crossRegion: {
    description: 'The matter spans several regions: flagged so, or the organs involved sit in more than one region.',
    compute: (ctx) =>
      ctx.case.flags.crossRegion ??
      new Set(organsInvolved(ctx).map((id) => organ(ctx, id)?.region)).size > 1,
  },
  crossDepartment: {
    description: 'The matter spans several departments: flagged so, or more than one organ is involved.',
    compute: (ctx) => ctx.case.flags.crossDepartment ?? organsInvolved(ctx).length > 1,
  },
  commonSuperior: {
    description: 'Id of the nearest common superior of the organs involved, or null when the directory shows none.',
    compute: (ctx) => commonSuperior(ctx.directory, organsInvolved(ctx))?.id ?? null,
  },
  happened: {
    description: 'First date of each event type in the log (e.g. "happened.accepted"); absent types are undefined.',
    compute: firstDates,
  },
  matterRegion: { description: 'Region where the matter arose.', compute: matterRegion },
  lowerHandling: {
    description:
      'The same matter as accepted below (case.lowerHandling), judged: organ, acceptedOn, concludedOn, dueOn (the lower handling period) and withinTimeLimit (on the day this matter was received); undefined when the case states none.',
    compute: lowerHandlingFact,
  },
  pendingBelow: {
    description: 'The matter is pending below within its time limit: stated so (case.pendingBelow), or found from case.lowerHandling.',
    compute: pendingBelow,
  },
  ...accountabilityFacts,
  receivingOrganKind: {
    description: 'Kind of the organ that received the matter (e.g. "petition-department" for a petition bureau).',
    compute: (ctx) => organ(ctx, ctx.case.receivingOrgan)?.kind,
  },
  noticeOrganKind: {
    description: 'Kind of the organ that owes the petitioner written notice: the organ the matter was last transferred or assigned to, else the organ that received it.',
    compute: (ctx) => organ(ctx, latestHandover(ctx)?.to ?? ctx.case.receivingOrgan)?.kind,
  },
  transferee: {
    description: 'Id of the organ the matter was last transferred or assigned to; undefined when it was not passed on.',
    compute: (ctx) => latestHandover(ctx)?.to,
  },
  transfereeCompetent: {
    description: 'Whether the organ the matter was last transferred or assigned to is the handling organ; undefined when either is unknown.',
    compute: (ctx) => {
      const to = latestHandover(ctx)?.to;
      return to === undefined || ctx.case.handlingOrgan === undefined ? undefined : to === ctx.case.handlingOrgan;
    },
  },
  conflictOfInterest: {
    description: 'Staff dealing with the matter with a direct interest in it or in the petitioner: "recorded" (some on record), "notWithdrawn" (some went on dealing with it).',
    compute: (ctx) => ({ recorded: ctx.case.conflictsOfInterest.length > 0, notWithdrawn: ctx.case.conflictsOfInterest.some((c) => c.withdrew === false) }),
  },
  transferObjected: {
    description: 'The organ the matter was last transferred or assigned to objected that it is not competent (an objection logged on or after that handover).',
    compute: (ctx) => {
      const last = latestHandover(ctx);
      return last !== undefined && ctx.case.events.some((e) => e.type === 'transfer-objected' && e.on >= last.on && (e.by === undefined || e.by === last.to));
    },
  },
};

/** Computes every fact for a case, in a fixed order. */
export function computeFacts(ctx: CaseContext, facts: Readonly<Record<string, FactDefinition>> = caseFacts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(facts)) out[name] = def.compute(ctx);
  return out;
}
