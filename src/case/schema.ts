import * as z from 'zod';
import { DateField, Event } from './event.js';
import { OrganDirectory } from './organ.js';
import { ConductFacts, GoodReason, Misconduct } from './misconduct.js';
import { LowerHandling } from './lowerHandling.js';
import { schemaKey } from '../util/schemaKey.js';

/** How the matter was brought (信访形式). */
export const Channel = z.enum(['letter', 'visit', 'phone', 'fax', 'email', 'online']);
export type Channel = z.infer<typeof Channel>;

/**
 * The three-way classification of the 2022 Regulations (xfgz2022 art. 17 and arts. 29–31):
 * suggestion/opinion (建议意见类), denunciation/accusation (检举控告类), appeal/request (申诉求决类).
 */
export const PetitionClass = z.enum(['suggestion', 'accusation', 'appeal']);
export type PetitionClass = z.infer<typeof PetitionClass>;

/**
 * For an appeal/request, the legal procedure it belongs in (xfgz2022 art. 31 items (1)–(6)):
 * `litigation`, `procuratorial` and `police` are item (1); `arbitration` (2); `party-member-appeal` (3);
 * `administrative` (4) — reconsideration, ruling, confirmation, licensing, penalty; `duty-to-protect`
 * (5) — a request to investigate unlawful conduct or protect rights; `petition` (6) — none of these, so
 * it is handled in the petition procedure itself with a written handling opinion.
 */
export const LegalRoute = z.enum([
  'litigation',
  'procuratorial',
  'police',
  'arbitration',
  'party-member-appeal',
  'administrative',
  'duty-to-protect',
  'petition',
]);
export type LegalRoute = z.infer<typeof LegalRoute>;

/** The priority areas of op2007 item (七). */
export const PriorityArea = z.enum([
  'land-acquisition',
  'urban-construction-demolition',
  'environmental-protection',
  'enterprise-restructuring',
  'law-and-litigation',
]);
export type PriorityArea = z.infer<typeof PriorityArea>;

const OrganId = z.string().min(1);

/**
 * Conduct of a petitioner that the regulations prohibit (xf2005 art. 20, xfgz2022 art. 26): blocking or
 * besieging organs or traffic, carrying dangerous articles, insulting or threatening staff, staying and
 * making trouble at reception sites, inciting or profiting from petitions, damaging property (2022).
 */
export const PetitionerConduct = z.enum([
  'illegal-gathering-or-blocking',
  'carrying-dangerous-articles',
  'insulting-or-threatening-staff',
  'staying-and-making-trouble',
  'inciting-or-profiting',
  'damaging-property',
  'other-public-order-disturbance',
]);
export type PetitionerConduct = z.infer<typeof PetitionerConduct>;

const flag = z.boolean().optional();

/**
 * Whom a petition accuses or complains of. It decides where a denunciation or accusation (检举控告) goes:
 * discipline inspection only has those within its remit (xfgz2022 art. 22 ¶2 "属于纪检监察机关受理的",
 * art. 30), the competent organ the rest; and it tells the petition department to inform the
 * organisation (personnel) department of a petition about a cadre (xfgz2022 art. 30 ¶2).
 */
export const Accused = z
  .object({
    /** A party organisation or party member, accused of breaching party discipline (纪律检查). */
    partyMember: z.boolean().default(false),
    /**
     * A public official (公职人员) accused of a breach of duty or a duty crime (监察). For a matter
     * received before the supervision reform (2018-03-20), read as staff of an administrative organ or a
     * person it appointed — whom the administrative supervision organs (行政监察机关) then supervised.
     */
    publicOfficial: z.boolean().default(false),
    /** A cadre (干部) under a party committee's cadre-management authority (干部管理权限). */
    cadre: z.boolean().default(false),
    /** The organ where the accused serves, or the organisation accused: its region gives the level that manages the cadre. */
    organ: OrganId.optional(),
  })
  .strict();
export type Accused = z.infer<typeof Accused>;

/**
 * The organ that should deal with the matter was split, merged or abolished (分立、合并、撤销; xf2005
 * art. 25, xfgz2022 art. 24 ¶2). The organ that continues to exercise its powers handles the matter:
 * the case names it as `handlingOrgan`. Where no organ can be identified as continuing them (职责不清),
 * the same-level government (2022: party committee and government) accepts it or designates who does.
 */
export const Reorganisation = z
  .object({
    change: z.enum(['split', 'merged', 'abolished']),
    /** The former organ, where the directory still holds it (its region names the same-level authority). */
    former: OrganId.optional(),
    /** No organ can be identified as continuing the former organ's powers (职责不清). */
    responsibilitiesUnclear: z.boolean().default(false),
  })
  .strict();
export type Reorganisation = z.infer<typeof Reorganisation>;

/**
 * A staff member of `organ` who deals with the matter has a direct interest in it or in the petitioner
 * (与信访事项或者信访人有直接利害关系; xf2005 art. 30, xfgz2022 art. 28 ¶3) and must withdraw (回避).
 */
export const ConflictOfInterest = z
  .object({
    /** The organ whose staff member is conflicted. */
    organ: OrganId,
    /** Whether that staff member withdrew: `true` withdrew, `false` went on dealing with the matter; absent when not yet known. */
    withdrew: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ConflictOfInterest = z.infer<typeof ConflictOfInterest>;

/**
 * The petitioner fabricated or distorted facts, or falsely accused or framed another (捏造歪曲事实、
 * 诬告陷害他人; xf2005 arts. 19 and 48, xfgz2022 arts. 19 ¶2 and 47 ¶3), and what the caller states about
 * it. Each is a judgement for the organs, the police and the courts, not for this library.
 */
export const FalseAccusation = z
  .object({
    /** It constitutes a violation of public-security administration (构成违反治安管理行为). */
    publicOrderViolation: z.boolean().optional(),
    /** It constitutes a crime. */
    crime: z.boolean().optional(),
  })
  .strict();
export type FalseAccusation = z.infer<typeof FalseAccusation>;

/**
 * Facts the caller asserts about the matter that no event log can show. Each is a judgement the law
 * leaves to the organs (is it "major"? did it cause "serious consequences"?), so the caller supplies it.
 */
export const CaseFlags = z
  .object({
    /** A major matter (重大信访事项). */
    major: flag,
    /** An urgent matter or signal (紧急信访事项及信访信息). */
    urgent: flag,
    /** A collective petition (集体访) — several people on one matter. */
    collective: flag,
    /** Signs or tendency of a large-scale collective petition or mass incident (op2007 item 16). */
    massIncidentRisk: flag,
    /** A mass incident (群体性事件) has occurred. */
    massIncident: flag,
    /** Long-unresolved backlog matter (积案). */
    longUnresolved: flag,
    /** A problem strongly raised by the public (群众反映强烈). */
    stronglyRaised: flag,
    /** The petitioner is in real hardship (生活确有困难). */
    hardship: flag,
    /** The request is reasonable but law or policy is unclear or missing (op2007 item 6). */
    policyGap: flag,
    /** The matter spans several regions. */
    crossRegion: flag,
    /** The matter spans several departments. */
    crossDepartment: flag,
    /** The failure or misconduct on record led to serious consequences (造成严重后果). */
    seriousConsequences: flag,
    /** The petitioner's name or address is unclear (姓名（名称）、住址不清): no written notice is owed. */
    nameOrAddressUnclear: flag,
  })
  .strict();
export type CaseFlags = z.infer<typeof CaseFlags>;

/**
 * A petition case as the embedding system states it. Dates are China calendar dates. Organs are named
 * by id from the organ directory (given to the evaluator, or inline in `organs`).
 */
export const CaseInput = z
  .object({
    ...schemaKey,
    id: z.string().min(1),
    /** The date the matter was first received; it selects the procedural pack in force. */
    receivedOn: DateField,
    channel: Channel,
    class: PetitionClass,
    /** Required for an appeal/request: the legal procedure it belongs in. */
    legalRoute: LegalRoute.optional(),
    /** Law- and litigation-related (涉法涉诉): it concerns a court, procuratorate or police matter. */
    lawAndLitigation: z.boolean().default(false),
    subject: z.string().optional(),
    priorityArea: PriorityArea.optional(),
    /** How many people bring the matter. */
    petitioners: z.number().int().min(1).default(1),
    /** For a visit by several people: how many representatives they chose. */
    representatives: z.number().int().min(1).optional(),
    /** The organ that received the matter (for a visit: the organ visited). */
    receivingOrgan: OrganId,
    /** The organ with legal authority over the matter (有权处理的机关), where known. */
    handlingOrgan: OrganId.optional(),
    /** Other organs the matter involves (for several-organ or cross-region matters). */
    involvedOrgans: z.array(OrganId).default([]),
    /** Region id where the matter arose; defaults to the handling organ's region. */
    aroseIn: z.string().min(1).optional(),
    /** For a visit: whether it was made at the receiving organ's designated reception site. */
    atDesignatedSite: z.boolean().optional(),
    /**
     * The same matter is already accepted or being handled below, within its time limit — stated plainly.
     * `true` overrides; to let the library decide from the facts, give `lowerHandling` instead.
     */
    pendingBelow: z.boolean().default(false),
    /** The same matter as accepted by a lower organ: its organ and acceptance date or events (see `LowerHandling`). */
    lowerHandling: LowerHandling.optional(),
    /** The same request on the same facts and reasons already went through reexamination. */
    previouslyTerminated: z.boolean().default(false),
    /** How many times the same matter was petitioned before this one. */
    repeatCount: z.number().int().min(0).default(0),
    /** The organs involved dispute which of them is competent. */
    jurisdictionDisputed: z.boolean().default(false),
    flags: CaseFlags.default({}),
    /** Prohibited conduct of the petitioner(s) on record; empty for a lawful petition. */
    petitionerConduct: z.array(PetitionerConduct).default([]),
    /** What the caller states about that conduct; it selects the steps of the response ladder. */
    conductFacts: ConductFacts.default({}),
    /** Misconduct of organs on record (each with the organ at fault); see `src/case/misconduct.ts`. */
    misconduct: z.array(Misconduct).default([]),
    /** Good reasons on record for missed time limits (they bar supervision of the lateness). */
    goodReasons: z.array(GoodReason).default([]),
    /** The organ that should deal with the matter was split, merged or abolished. */
    reorganisation: Reorganisation.optional(),
    /** Staff dealing with the matter who have a direct interest in it or in the petitioner. */
    conflictsOfInterest: z.array(ConflictOfInterest).default([]),
    /** The petitioner fabricated or distorted facts or falsely accused another, as the caller states it. */
    falseAccusation: FalseAccusation.optional(),
    events: z.array(Event).default([]),
    /** Whom the petition accuses or complains of; for a denunciation, it decides which organ takes it. */
    accused: Accused.optional(),
    /** Organs used by this case, merged with the evaluator's directory. */
    organs: OrganDirectory.optional(),
  })
  .strict();

/** A case as accepted by `evaluate` (what a caller may send). */
export type CaseInput = z.input<typeof CaseInput>;
/** A validated case, defaults filled in. */
export type Case = z.output<typeof CaseInput>;
