import type { OrganRef } from '../assessment/types.js';
import type { Organ } from '../case/organ.js';
import { organOf } from '../directory/directory.js';
import type { CaseContext } from '../evaluate/context.js';
import { matterRegion } from '../facts/matter.js';
import { eventsInOrder } from '../time/transfers.js';
import type { PartyResolver } from './partyResolver.js';

/**
 * Parties of the rules on how a matter is dealt with: the authority of the level where an organ was
 * split, merged or abolished, the organs whose staff have a direct interest in the matter, and the organ
 * a proposal to hold those responsible accountable went to. Like the built-in resolvers they read the
 * directory and name a role where it is silent, never a guess.
 */

const ref = (o: Organ): OrganRef => ({ id: o.id, name: o.name, nameZh: o.nameZh ?? o.name, level: o.level, kind: o.kind });
const role = (name: string, nameZh: string): OrganRef => ({ id: null, name, nameZh });
const named = (ctx: CaseContext, id: string | undefined): Organ | undefined => (id === undefined ? undefined : ctx.directory.get(id));

/** The region of the reorganised organ's level: the former organ's, where the directory holds it, else the matter's. */
function formerRegion(ctx: CaseContext): string | undefined {
  return named(ctx, ctx.case.reorganisation?.former)?.region ?? matterRegion(ctx);
}

/** The organs of `kinds` in the former organ's region, or the role when the directory holds none. */
function formerAuthority(ctx: CaseContext, kinds: ReadonlyArray<'party-committee' | 'government'>, en: string, zh: string): OrganRef[] {
  const region = formerRegion(ctx);
  const found = region === undefined ? [] : kinds.map((k) => organOf(ctx.directory, k, region)).filter((o): o is Organ => o !== undefined);
  return found.length > 0 ? found.map(ref) : [role(`${en} of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}${zh}`)];
}

/** The organs of the conflicts of interest on record, in the order first recorded; only those whose staff did not withdraw when `notWithdrawn`. */
function conflicted(ctx: CaseContext, notWithdrawn: boolean): OrganRef[] {
  const ids = ctx.case.conflictsOfInterest.filter((c) => !notWithdrawn || c.withdrew === false).map((c) => c.organ);
  return [...new Set(ids)].map((id) => {
    const o = named(ctx, id);
    return o ? ref(o) : role(id, id);
  });
}

export const handlingParties: Readonly<Record<string, PartyResolver>> = {
  /** The government of the level where the organ that should deal with the matter was reorganised (it accepts the matter or designates who does). */
  reorganisationGovernment: (ctx) => formerAuthority(ctx, ['government'], 'the government', '人民政府'),
  /** The party committee and government of the level where the organ that should deal with the matter was reorganised. */
  reorganisationAuthority: (ctx) => formerAuthority(ctx, ['party-committee', 'government'], 'the party committee and government', '党委和政府'),
  /** The organs whose staff dealing with the matter have a direct interest in it or in the petitioner. */
  conflictedOrgan: (ctx) => conflicted(ctx, false),
  /** The organs whose conflicted staff went on dealing with the matter instead of withdrawing. */
  unrecusedOrgan: (ctx) => conflicted(ctx, true),
  /** The organ the first proposal to hold those responsible accountable went to (it answers in writing). */
  accountabilityProposalRecipient: (ctx) => {
    const first = eventsInOrder(ctx).find((e): e is Extract<typeof e, { type: 'accountability-proposed' }> => e.type === 'accountability-proposed');
    const o = named(ctx, first?.to);
    return [o ? ref(o) : role('the organ the accountability proposal went to', '收到追究责任建议的机关')];
  },
};
