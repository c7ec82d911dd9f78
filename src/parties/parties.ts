import type { Organ, OrganKind } from '../case/organ.js';
import type { OrganRef } from '../assessment/types.js';
import { commonSuperior, organOf, superiorChain } from '../directory/directory.js';
import type { CaseContext } from '../evaluate/context.js';
import { matterRegion, organsInvolved } from '../facts/matter.js';
import { accountabilityParties } from '../accountability/parties.js';
import { handlingParties } from './handlingParties.js';
import { firstAssignment, firstImprovementSuggestion, latestHandover } from '../time/transfers.js';

/*
 * Party resolvers: how a rule's `"organ": "reviewOrgan"` becomes a named organ for one case. Each
 * reads the directory; where the directory is silent it names the role, never a guess.
 */
export type { PartyResolver } from './partyResolver.js';
import type { PartyResolver } from './partyResolver.js';

/** An organ of the directory as named in an assessment. */
export function refOf(organ: Organ): OrganRef {
  return { id: organ.id, name: organ.name, nameZh: organ.nameZh ?? organ.name, level: organ.level, kind: organ.kind };
}

/** A role named in place of an organ the directory does not hold. */
export function roleRef(name: string, nameZh: string): OrganRef {
  return { id: null, name, nameZh };
}

const named = (ctx: CaseContext, id: string | undefined): Organ | undefined => (id === undefined ? undefined : ctx.directory.get(id));
const label = (o: Organ | undefined, id: string | undefined): { en: string; zh: string } =>
  o ? { en: o.name, zh: o.nameZh ?? o.name } : { en: id ?? 'the competent organ', zh: id ?? '有权处理的机关' };

/** The superior of an organ, or the role "the superior of X". */
function superiorOf(ctx: CaseContext, id: string | undefined, unknown: { en: string; zh: string }): OrganRef {
  const o = named(ctx, id);
  const sup = o?.superior !== undefined ? ctx.directory.get(o.superior) : undefined;
  if (sup) return refOf(sup);
  const l = o ? label(o, id) : unknown;
  return roleRef(`the superior of ${l.en}`, `${l.zh}的上一级机关`);
}

/** The organ of a kind in the matter's region, or the role "the <kind> of <region>". */
function regional(ctx: CaseContext, kind: OrganKind, region: string | undefined, en: string, zh: string): OrganRef {
  const o = region === undefined ? undefined : organOf(ctx.directory, kind, region);
  return o ? refOf(o) : roleRef(`${en} of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}${zh}`);
}

const receivingRegion = (ctx: CaseContext) => named(ctx, ctx.case.receivingOrgan)?.region;

/**
 * The region whose organs take a matter about the accused by cadre-management authority (按照管理权限):
 * that of the organ where the accused serves, else the handling organ's, else the receiving organ's.
 */
const cadreRegion = (ctx: CaseContext) => named(ctx, ctx.case.accused?.organ)?.region ?? named(ctx, ctx.case.handlingOrgan)?.region ?? receivingRegion(ctx);

/** Kinds of organ that are political-legal departments (政法部门) handling litigation-rights relief. */
const POLITICAL_LEGAL_KINDS: ReadonlySet<OrganKind> = new Set(['court', 'procuratorate', 'public-security']);

/** The review organ: the organ one level above the original handling organ (the rules that name it cite the review articles of each pack). */
function reviewOrgan(ctx: CaseContext): OrganRef {
  return superiorOf(ctx, ctx.case.handlingOrgan, { en: 'the handling organ', zh: '原办理机关' });
}

/** The organ that reviewed (from the log), else the review organ by the directory. */
function reviewerId(ctx: CaseContext): string | undefined {
  const decided = ctx.case.events.find((e) => e.type === 'review-decided' && e.by !== undefined);
  if (decided?.by) return decided.by;
  const ref = reviewOrgan(ctx);
  return ref.id ?? undefined;
}

export const parties: Readonly<Record<string, PartyResolver>> = {
  /** The organ that received the matter (for a visit, the organ visited). */
  receivingOrgan: (ctx) => {
    const o = named(ctx, ctx.case.receivingOrgan);
    return o ? [refOf(o)] : [];
  },
  /** The organ with legal authority over the matter; the role when the case does not name it. */
  handlingOrgan: (ctx) => {
    const o = named(ctx, ctx.case.handlingOrgan);
    return [o ? refOf(o) : roleRef('the organ with authority over the matter (not named in the case)', '有权处理的机关（案件未载明）')];
  },
  reviewOrgan: (ctx) => [reviewOrgan(ctx)],
  /** The reexamination organ: one level above the review organ (the rules that name it cite the reexamination articles). */
  reexaminationOrgan: (ctx) => {
    const reviewer = reviewerId(ctx);
    if (reviewer !== undefined) return [superiorOf(ctx, reviewer, { en: 'the review organ', zh: '复查机关' })];
    const review = reviewOrgan(ctx);
    return [roleRef(`the superior of ${review.name}`, `${review.nameZh}的上一级机关`)];
  },
  /** The government and party committee of the territory where the matter arose (属地管理). */
  territorialAuthority: (ctx) => {
    const region = matterRegion(ctx);
    const found = region === undefined ? [] : (['party-committee', 'government'] as const).map((k) => organOf(ctx.directory, k, region)).filter((o): o is Organ => o !== undefined);
    return found.length > 0 ? found.map(refOf) : [roleRef(`the party committee and government of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}党委和政府`)];
  },
  /** The petition department of the receiving organ's region. */
  petitionDepartment: (ctx) => [regional(ctx, 'petition-department', receivingRegion(ctx), 'the petition department', '信访部门')],
  /** The nearest common superior of the organs involved (decides a dispute over competence). */
  commonSuperior: (ctx) => {
    const ids = organsInvolved(ctx);
    const o = commonSuperior(ctx.directory, ids);
    if (o) return [refOf(o)];
    const names = ids.map((id) => label(named(ctx, id), id));
    return [roleRef(`the common superior of ${names.map((n) => n.en).join(', ')}`, `${names.map((n) => n.zh).join('、')}的共同上一级机关`)];
  },
  /** The petition joint conference (信访联席会议) of the receiving organ's region. */
  jointConference: (ctx) => [regional(ctx, 'joint-conference', receivingRegion(ctx), 'the petition joint conference', '信访工作联席会议')],
  /**
   * The joint conference common to the organs whose competence is disputed: that of their region when
   * they share one, else that of the nearest region above all of theirs (followed through the chain of
   * each region's party committee, else government); the role when the directory cannot tell.
   */
  commonJointConference: (ctx) => {
    const ids = organsInvolved(ctx);
    const regions = [...new Set(ids.map((id) => named(ctx, id)?.region).filter((r): r is string => r !== undefined))];
    if (regions.length === 0) return [regional(ctx, 'joint-conference', receivingRegion(ctx), 'the petition joint conference', '信访工作联席会议')];
    const chains = regions.map((region) => {
      const base = organOf(ctx.directory, 'party-committee', region) ?? organOf(ctx.directory, 'government', region);
      return [region, ...(base ? superiorChain(ctx.directory, base.id).map((o) => o.region) : [])];
    });
    const common = chains[0]!.find((region) => chains.every((chain) => chain.includes(region)));
    if (common !== undefined) return [regional(ctx, 'joint-conference', common, 'the petition joint conference', '信访工作联席会议')];
    const names = ids.map((id) => label(named(ctx, id), id));
    return [roleRef(`the petition joint conference common to ${names.map((n) => n.en).join(', ')}`, `${names.map((n) => n.zh).join('、')}共同的信访工作联席会议`)];
  },
  /** The political-legal committee of the receiving organ's region: it coordinates law- and litigation-related matters (op2007 item 7). */
  politicalLegalOrgan: (ctx) => [regional(ctx, 'political-legal-committee', receivingRegion(ctx), 'the political-legal committee', '党委政法委')],
  /**
   * The political-legal department (政法部门) that handles a law- and litigation-related matter: the
   * handling organ when it is a court, procuratorate or public-security organ, else the role.
   */
  politicalLegalDepartment: (ctx) => {
    const o = named(ctx, ctx.case.handlingOrgan);
    if (o && POLITICAL_LEGAL_KINDS.has(o.kind)) return [refOf(o)];
    const region = o?.region ?? receivingRegion(ctx);
    return [roleRef(`the competent political-legal department of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}有关政法部门`)];
  },
  /** The discipline-inspection and supervision organ (纪检监察机关) that manages the accused: of the accused's organ's region, else the handling (else receiving) organ's. */
  disciplineInspection: (ctx) => [regional(ctx, 'discipline-inspection', cadreRegion(ctx), 'the discipline-inspection and supervision organ', '纪检监察机关')],
  /** Before the supervision reform: the party's discipline-inspection commission (党的纪律检查委员会) of the accused's region (directory kind `discipline-inspection`). */
  partyDisciplineInspection: (ctx) => [regional(ctx, 'discipline-inspection', cadreRegion(ctx), 'the party discipline-inspection commission', '党的纪律检查委员会')],
  /** Before the supervision reform: the government's administrative supervision organ (行政监察机关) of the accused's region. */
  administrativeSupervision: (ctx) => [regional(ctx, 'administrative-supervision', cadreRegion(ctx), 'the administrative supervision organ', '行政监察机关')],
  /** The organisation (personnel) department (组织（人事）部门) of the level that manages the accused cadre. */
  organisationDepartment: (ctx) => [regional(ctx, 'organisation-department', cadreRegion(ctx), 'the organisation (personnel) department', '组织（人事）部门')],
  /** The party committee of the level that manages the accused cadre (its principal leader and the leader in charge of organisation work). */
  cadreManagingCommittee: (ctx) => [regional(ctx, 'party-committee', cadreRegion(ctx), 'the party committee', '党委')],
  /** The government of the receiving organ's region: a department reports to it (本级人民政府). */
  receivingOrganGovernment: (ctx) => [regional(ctx, 'government', receivingRegion(ctx), 'the government', '人民政府')],
  /** The government one level above the receiving organ, itself a government (上一级人民政府). */
  receivingOrganHigherGovernment: (ctx) => {
    const o = named(ctx, ctx.case.receivingOrgan);
    const sup = o?.superior !== undefined ? ctx.directory.get(o.superior) : undefined;
    if (sup) return [refOf(sup)];
    const l = label(o, ctx.case.receivingOrgan);
    return [roleRef(`the government one level above ${l.en}`, `${l.zh}的上一级人民政府`)];
  },
  /**
   * The competent department one level above the receiving department (上一级主管部门): its superior in
   * the directory, unless that superior is a government or party committee (then the directory does not
   * show the department above, and the role is named).
   */
  receivingOrganHigherDepartment: (ctx) => {
    const o = named(ctx, ctx.case.receivingOrgan);
    const sup = o?.superior !== undefined ? ctx.directory.get(o.superior) : undefined;
    if (sup && sup.kind !== 'government' && sup.kind !== 'party-committee') return [refOf(sup)];
    const l = label(o, ctx.case.receivingOrgan);
    return [roleRef(`the competent department one level above ${l.en}`, `${l.zh}的上一级主管部门`)];
  },
  /** The petition department one level above the receiving organ's petition department. */
  higherPetitionDepartment: (ctx) => {
    const own = organOf(ctx.directory, 'petition-department', receivingRegion(ctx) ?? '');
    if (own) return [superiorOf(ctx, own.id, { en: 'the petition department', zh: '信访部门' })];
    return [roleRef('the petition department one level up', '上一级信访部门')];
  },
  /** The national petition bureau (国家信访局): the central-level petition department of the directory. */
  nationalPetitionBureau: (ctx) => {
    const bureau = [...ctx.directory.values()].find((o) => o.kind === 'petition-department' && o.level === 'central');
    return [bureau ? refOf(bureau) : roleRef('the National Public Complaints and Proposals Administration', '国家信访局')];
  },
  /**
   * The party committee (else government) of the territory where the matter arose and each level above
   * it up to the province: the "four-level secretaries" whose principal leaders are first responsible.
   * A matter that arose at the central level names that territory's own organ, and nothing above it.
   */
  territorialCommittees: (ctx) => {
    const region = matterRegion(ctx);
    const base = region === undefined ? undefined : organOf(ctx.directory, 'party-committee', region) ?? organOf(ctx.directory, 'government', region);
    if (!base) return [roleRef(`the party committee of region ${region ?? '(unknown)'}`, `${region ?? '（未知地区）'}党委`)];
    return [base, ...superiorChain(ctx.directory, base.id).filter((o) => o.level !== 'central')].map(refOf);
  },
  ...accountabilityParties,
  ...handlingParties,
  /** The lower organ that accepted the same matter (case.lowerHandling); none when the case does not name it. */
  lowerOrgan: (ctx) => {
    const o = named(ctx, ctx.case.lowerHandling?.organ);
    return o ? [refOf(o)] : [];
  },
  /** The organ the matter was last transferred or assigned to (it must notify, or object if not competent). */
  transferee: (ctx) => {
    const to = latestHandover(ctx)?.to;
    const o = named(ctx, to);
    return [o ? refOf(o) : roleRef('the organ the matter was transferred or assigned to', '接收转送、交办事项的机关')];
  },
  /** The organ that must give the petitioner written notice: the latest transferee, else the organ that received the matter directly. */
  noticeOrgan: (ctx) => {
    const o = named(ctx, latestHandover(ctx)?.to ?? ctx.case.receivingOrgan);
    return o ? [refOf(o)] : [];
  },
  /** The organ a matter was assigned (交办) to: it reports the result to the assigner. */
  assignee: (ctx) => {
    const o = named(ctx, firstAssignment(ctx)?.to);
    return [o ? refOf(o) : roleRef('the organ the matter was assigned to', '承办交办事项的机关')];
  },
  /** The organ the petition department's improvement suggestion was addressed to. */
  improvementRecipient: (ctx) => {
    const o = named(ctx, firstImprovementSuggestion(ctx)?.to);
    return [o ? refOf(o) : roleRef('the organ the improvement suggestion was addressed to', '收到改进建议的机关')];
  },
};

const resolved = new WeakMap<CaseContext, Map<string, OrganRef[]>>();

/**
 * The organs a party names for one case. A case's rules name the same few parties many times (the
 * handling organ in a dozen outcomes), so each is resolved once per case and the answer reused.
 * An unknown party is an error: packs are checked against this list when they load.
 */
export function resolveParty(ctx: CaseContext, party: string): OrganRef[] {
  let known = resolved.get(ctx);
  if (!known) resolved.set(ctx, (known = new Map()));
  let organs = known.get(party);
  if (!organs) {
    const resolver = Object.hasOwn(parties, party) ? parties[party] : undefined;
    if (!resolver) throw new Error(`unknown party "${party}"`);
    known.set(party, (organs = resolver(ctx)));
  }
  return organs;
}
