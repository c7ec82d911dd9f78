import type { OrganRef } from '../assessment/types.js';
import { levelRank, type Organ } from '../case/organ.js';
import { organOf, superiorChain } from '../directory/directory.js';
import type { CaseContext } from '../evaluate/context.js';
import { matterRegion } from '../facts/matter.js';
import type { PartyResolver } from '../parties/partyResolver.js';

/**
 * Parties of the escalation, accountability and petitioner-conduct rules: who reports up, who goes to
 * the front line, who answers a petitioner's unlawful conduct, and who decides on a finding. Like the
 * built-in resolvers they read the directory and name a role where it is silent, never a guess.
 */

const ref = (o: Organ): OrganRef => ({ id: o.id, name: o.name, nameZh: o.nameZh ?? o.name, level: o.level, kind: o.kind });
const role = (name: string, nameZh: string): OrganRef => ({ id: null, name, nameZh });

/** The party committee, else the government, of the region where the matter arose. */
export function territorialBase(ctx: CaseContext): Organ | undefined {
  const region = matterRegion(ctx);
  if (region === undefined) return undefined;
  return organOf(ctx.directory, 'party-committee', region) ?? organOf(ctx.directory, 'government', region);
}

/**
 * The organ that decides on a finding against `organ`: its superior in the directory (the superior
 * orders correction), else the role "the superior of X".
 */
export function superiorOfRef(ctx: CaseContext, organ: OrganRef): OrganRef {
  const o = organ.id === null ? undefined : ctx.directory.get(organ.id);
  const sup = o?.superior === undefined ? undefined : ctx.directory.get(o.superior);
  if (sup) return ref(sup);
  return role(`the superior of ${organ.name}`, `${organ.nameZh}的上级机关`);
}

/** The government of the region where the matter arose. */
function territorialGovernment(ctx: CaseContext): Organ | undefined {
  const region = matterRegion(ctx);
  return region === undefined ? undefined : organOf(ctx.directory, 'government', region);
}

/** The county-level party committee over a base organ: the base itself when it is at county level, else its nearest county-level superior. */
function countyOver(ctx: CaseContext, base: Organ): Organ | undefined {
  if (base.level === 'county') return base;
  if (levelRank(base.level) > levelRank('county')) return undefined;
  return superiorChain(ctx.directory, base.id).find((o) => o.level === 'county');
}

export const accountabilityParties: Readonly<Record<string, PartyResolver>> = {
  /** The government one level above the government of the territory (a local government reports up to it). */
  higherGovernment: (ctx) => {
    const gov = territorialGovernment(ctx);
    const sup = gov?.superior === undefined ? undefined : ctx.directory.get(gov.superior);
    if (sup) return [ref(sup)];
    const name = gov ? { en: gov.name, zh: gov.nameZh ?? gov.name } : { en: `the government of region ${matterRegion(ctx) ?? '(unknown)'}`, zh: `${matterRegion(ctx) ?? '（未知地区）'}人民政府` };
    return [role(`the government one level above ${name.en}`, `${name.zh}的上一级人民政府`)];
  },
  /**
   * The county party committee and government over the territory where the matter arose: the county
   * leaders, the principal ones above all, who go to the front line. Empty above county level.
   */
  countyLeadership: (ctx) => {
    const base = territorialBase(ctx);
    const county = base ? countyOver(ctx, base) : undefined;
    if (!county) return [role('the county party committee and government', '县级党委和政府')];
    const found = (['party-committee', 'government'] as const).map((k) => organOf(ctx.directory, k, county.region)).filter((o): o is Organ => o !== undefined);
    return (found.length > 0 ? found : [county]).map(ref);
  },
  /** The public-security organ of the receiving organ's region (it answers unlawful conduct at a reception site). */
  publicSecurity: (ctx) => {
    const region = ctx.directory.get(ctx.case.receivingOrgan)?.region;
    const o = region === undefined ? undefined : organOf(ctx.directory, 'public-security', region);
    return [o ? ref(o) : role(`the public-security organ of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}公安机关`)];
  },
};
