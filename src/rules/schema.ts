import * as z from 'zod';
import { isIsoDate } from '../dates/isoDate.js';
import { EVENT_TYPES } from '../case/event.js';
import { PeriodValue } from '../time/period.js';
import { isPrototypeName } from '../util/prototypeNames.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * The rule-pack file format. Everything under `rules/` is plain JSON checked against these schemas
 * when loaded; the same schemas are published as JSON Schema for authors of local packs.
 */

export const Bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

const DateString = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');

/** `xfgz2022:art31(6)`, `op2007:7`, `xfgz2022:art23.3`, `civil-code:art203`, `zhejiang-2016:art23`. */
export const CitationId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*:[a-z0-9]+(\([0-9]+\))*(\.[0-9]+)?$/, 'must look like "xfgz2022:art22", "op2007:7" or "xfgz2022:art31(6)"');

/** Public vocabulary ids and rule ids are lower-case kebab-case; rule ids may use dots between parts. */
export const VocabularyId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case kebab-case');
export const RuleId = z.string().regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'must be dotted kebab-case parts, e.g. "xfgz2022.art20.elect-representatives"');

/** A plain dotted path (`flags.major`, `conclude.status`): no JSONPath, no expressions. */
export const FactPath = z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a plain dotted path such as "flags.major" (JSONPath and expressions are not accepted)');

const FactName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a fact name such as "case" or "levelsAboveCompetent"');

/** A condition's right-hand side may be a literal or another fact's value (`{ "fact": "param", "path": "x" }`). */
const FactReference = z.object({ fact: FactName, path: FactPath.optional() }).strict();

export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const Leaf = z
  .object({
    fact: FactName,
    path: FactPath.optional(),
    operator: z.string().min(1),
    value: z.union([FactReference, z.unknown()]),
  })
  .strict()
  .superRefine((leaf, ctx) => {
    // json-rules-engine reads any object value with a "fact" key as a fact reference, so such a value
    // must be exactly { fact, path? } with a plain dotted path (no JSONPath, no params).
    const v = leaf.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !('fact' in v)) return;
    const ref = FactReference.safeParse(v);
    if (!ref.success) for (const issue of ref.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
  });

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema) }).strict(),
    z.object({ any: z.array(ConditionSchema) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    Leaf,
  ]),
) as z.ZodType<Condition>;

/** Names a party resolved from the case and directory at evaluation time (e.g. `handlingOrgan`). */
export const PartyRef = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must name a party such as "handlingOrgan"');

const ResponsibilityOutcome = z.object({ kind: z.literal('responsibility'), role: VocabularyId, organ: PartyRef }).strict();
const GuidanceOutcome = z.object({ kind: z.literal('guidance'), id: VocabularyId, organ: PartyRef.optional() }).strict();
const EscalationOutcome = z
  .object({ kind: z.literal('escalation'), id: VocabularyId, organ: PartyRef.optional(), recipients: z.array(PartyRef).optional() })
  .strict();
const ActionOutcome = z.object({ kind: z.literal('action'), id: VocabularyId, organ: PartyRef }).strict();

/** Names a parameter of the packs in force (`dispose`, `concludeExtension`); its values live in `parameters.json`. */
export const ParameterRef = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'must name a parameter such as "dispose"')
  .refine((name) => !isPrototypeName(name), { message: 'is the name of a member every JavaScript object inherits, so it cannot name a parameter' });

/** What a value's input looks like, for a message that says what was expected instead. */
function describeParameterValue(input: unknown): string {
  const expected = 'must be a period ({ "days": a whole number of at least 1, "unit": "calendar" or "working" }, { "kind": "set-by-assigner" }, { "kind": "no-day-count" } or { "kind": "promptly" }) or a count (a whole number, 0 or more)';
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    if ('days' in input) {
      const { days } = input as { days: unknown };
      return typeof days === 'number' && Number.isInteger(days) && days < 1
        ? `a period must be at least 1 day (${days} days is no period); ${expected}`
        : `${expected}; got a period whose "days" or "unit" is not one`;
    }
    if ('kind' in input) return `${expected}; got an unknown kind or extra keys`;
  }
  return `${expected}, not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input === 'string' ? 'a string' : typeof input === 'number' ? 'a number that is negative or not whole' : typeof input}`;
}

/**
 * A parameter's value: a period (a time limit, {@link PeriodValue}) or a count (a whole number 0 or
 * more: a number of representatives, of levels). Anything else — a string, a period of 0 or fewer
 * days — is refused when the pack loads, not when a case first reads it.
 */
export const ParameterValueData = z.union([PeriodValue, z.number().int('a count is a whole number').min(0, 'a count is 0 or more')], { error: (issue) => describeParameterValue(issue.input) });

/**
 * An event of the case log that starts or meets a time limit. `by` / `to` narrow it to events taken by,
 * or sent to, the organ a party names; an event that does not say who took it is not narrowed out.
 */
export const EventMatch = z
  .object({
    event: z.enum(EVENT_TYPES as [string, ...string[]]),
    by: PartyRef.optional(),
    to: PartyRef.optional(),
  })
  .strict();
export type EventMatch = z.infer<typeof EventMatch>;

/**
 * A time limit: who must act, for how long (a parameter id), from which event (the first
 * alternative of `startsOn` found in the log, else of `startsOnStandIn`) and which event meets it. `extension` lets approved
 * extensions lengthen it up to the parameter `maximum`; `pause` names days not counted (a hearing);
 * `window` marks a petitioner's window (`open`/`expired`) rather than an organ's duty.
 */
const ObligationOutcome = z
  .object({
    kind: z.literal('obligation'),
    id: VocabularyId,
    organ: PartyRef,
    period: ParameterRef,
    startsOn: z.array(EventMatch).min(1),
    /**
     * Events that stand in for the start when the log has none of `startsOn` (the request date for the
     * review organ's receipt of it): the obligation then says so, in its account and in
     * `startStandsInFor`.
     */
    startsOnStandIn: z.array(EventMatch).min(1).optional(),
    metBy: z.array(EventMatch).min(1),
    window: z.boolean().optional(),
    extension: z.object({ event: z.literal('extension-approved'), maximum: ParameterRef }).strict().optional(),
    pause: z.object({ event: z.literal('hearing') }).strict().optional(),
  })
  .strict();

/**
 * Whose failure a finding or a supervision is about: an organ a party names (`organ`), the organ that
 * owed an obligation (`obligation`, read from the obligations stage fact), or each organ the case
 * records with a misconduct of a kind (`misconduct`). Exactly one is given.
 */
const FaultSource = {
  obligation: VocabularyId.optional(),
  misconduct: VocabularyId.optional(),
};
const oneSource = (o: { obligation?: string; misconduct?: string }, party: string | undefined) => [party, o.obligation, o.misconduct].filter((v) => v !== undefined).length === 1;

/**
 * What a misconduct entry may state beyond its kind, for an article whose element it is:
 * `inflamedConflict` (激化矛盾), which the 2005 rough-conduct clause requires.
 */
export const MISCONDUCT_QUALIFIERS = ['inflamedConflict'] as const;
export type MisconductQualifier = (typeof MISCONDUCT_QUALIFIERS)[number];

/** The people an article names, by role (the leaders of `leadership` come on top). */
const ACCOUNTABLE_BASE_ROLES = ['responsible-manager', 'directly-responsible-staff'] as const;

/**
 * An accountability finding. `liability` follows the structure of the article cited:
 * `correction-then-sanction` — the superior orders correction, and a sanction follows where serious
 * consequences are recorded; `sanction-if-serious` — the article applies only where serious
 * consequences followed, and then sanctions; `sanction` — the article sanctions without that condition.
 * `consequenceWords` gives each consequence in the article's own words (en + zh): both for
 * `correction-then-sanction`, the sanction alone otherwise.
 * `accountable` names whom the article sanctions, where it is not the responsible managers and the
 * other directly responsible staff (the default): a staff member who himself did the act, say.
 * `misconductWith` narrows `misconduct` to the entries that state each qualifier (an element of the
 * article the kind alone does not carry).
 * `leadership` cites the provision under which, where serious consequences are recorded, the leaders
 * of the organ at fault answer too (first-responsible and directly-responsible leaders; another leading
 * member where the failure lies in his portfolio).
 */
const FindingOutcome = z
  .object({
    kind: z.literal('finding'),
    id: VocabularyId,
    organ: PartyRef.optional(),
    ...FaultSource,
    misconductWith: z.array(z.enum(MISCONDUCT_QUALIFIERS)).min(1).optional(),
    liability: z.enum(['correction-then-sanction', 'sanction-if-serious', 'sanction']),
    consequenceWords: z
      .object({ 'order-correction': Bilingual.optional(), sanction: Bilingual })
      .strict(),
    accountable: z.array(z.enum(ACCOUNTABLE_BASE_ROLES)).min(1).optional(),
    leadership: CitationId.optional(),
  })
  .strict()
  .refine((o) => oneSource(o, o.organ), 'a finding names exactly one of "organ", "obligation" or "misconduct"')
  .refine((o) => (o.consequenceWords['order-correction'] !== undefined) === (o.liability === 'correction-then-sanction'), {
    message: 'consequenceWords has "order-correction" exactly when the liability is "correction-then-sanction" (an article with no order to correct has no words for one)',
    path: ['consequenceWords'],
  })
  .refine((o) => o.misconductWith === undefined || o.misconduct !== undefined, { message: '"misconductWith" narrows a "misconduct" source', path: ['misconductWith'] });

/** Supervision (督办, escalation `supervise`): `organ` supervises the organ at fault, named as for a finding. */
const SupervisionOutcome = z
  .object({
    kind: z.literal('supervision'),
    organ: PartyRef,
    supervisedOrgan: PartyRef.optional(),
    ...FaultSource,
  })
  .strict()
  .refine((o) => oneSource(o, o.supervisedOrgan), 'a supervision names exactly one of "supervisedOrgan", "obligation" or "misconduct"');

/**
 * A proposal to hold those responsible accountable (追究责任的建议, escalation `propose-accountability`):
 * `organ` (the petition department) proposes it about the organ at fault, named as for a finding, to the
 * organ with management authority over it (its superior in the directory). With `onlyWhereSerious`,
 * only organs whose failure had serious consequences on record are proposed.
 */
const AccountabilityProposalOutcome = z
  .object({
    kind: z.literal('accountability-proposal'),
    organ: PartyRef,
    concerningOrgan: PartyRef.optional(),
    ...FaultSource,
    onlyWhereSerious: z.boolean().optional(),
  })
  .strict()
  .refine((o) => oneSource(o, o.concerningOrgan), 'an accountability proposal names exactly one of "concerningOrgan", "obligation" or "misconduct"');

export const Outcome = z.discriminatedUnion('kind', [
  ResponsibilityOutcome,
  GuidanceOutcome,
  EscalationOutcome,
  ActionOutcome,
  ObligationOutcome,
  FindingOutcome,
  SupervisionOutcome,
  AccountabilityProposalOutcome,
]);
export type Outcome = z.infer<typeof Outcome>;

export const RuleSchema = z
  .object({
    id: RuleId,
    title: Bilingual,
    citations: z.array(CitationId).min(1, 'a rule must cite at least one provision'),
    /** Receipt dates the rule applies to; defaults to the pack's window. */
    validFrom: DateString.optional(),
    validTo: DateString.nullable().optional(),
    /** Rules whose outcomes this rule reads; they are evaluated in an earlier stage. */
    dependsOn: z.array(RuleId).optional(),
    conditions: ConditionSchema,
    outcomes: z.array(Outcome).min(1, 'a rule must yield at least one outcome'),
    /** Why the rule reads the law this way, where the text leaves room (shown in the trace). */
    interpretation: Bilingual.optional(),
  })
  .strict();
export type RuleData = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z
  .object({
    ...schemaKey,
    /** The provision(s) this file encodes, for readers; each rule carries its own citations. */
    provisions: z.array(CitationId).optional(),
    rules: z.array(z.unknown()),
  })
  .strict();

export const PackManifestSchema = z
  .object({
    ...schemaKey,
    id: VocabularyId,
    title: Bilingual,
    /**
     * `principles` packs apply to every case (op2007); exactly one `procedure` pack applies, chosen by
     * the receipt date; `jurisdiction` packs are chosen by the caller and override parameters.
     */
    role: z.enum(['principles', 'procedure', 'jurisdiction']),
    documentNumber: z.string().optional(),
    inForce: z.object({ from: DateString, to: DateString.nullable() }).strict(),
    /** For a jurisdiction pack: the jurisdiction id a caller selects it by. */
    jurisdiction: VocabularyId.optional(),
    /** Anything a reader must know about how far the pack's text can be trusted. */
    caveats: z.array(Bilingual).optional(),
    /**
     * Findings of the static check (`petition-rules lint`) the pack's authors have looked at and keep,
     * each by its id (`conflicting-time-limits:a+b`) with the reason: an explained finding is reported
     * with its reason and does not fail the check; an explanation no finding matches does.
     */
    lint: z.array(z.object({ finding: z.string().min(1), reason: Bilingual }).strict()).optional(),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** A dated parameter value with the provision it comes from (OpenFisca-style). */
const ParameterValue = z
  .object({
    from: DateString,
    value: ParameterValueData,
    source: z.array(CitationId).min(1, 'a parameter value must cite its source'),
  })
  .strict();

export const ParametersFileSchema = z
  .object({
    ...schemaKey,
    parameters: z.record(
      z
        .string()
        .regex(/^[a-z][A-Za-z0-9]*$/, 'parameter ids are camelCase')
        .refine((name) => !isPrototypeName(name), { message: 'is the name of a member every JavaScript object inherits (constructor, toString, …), so it cannot name a parameter' }),
      z
        .object({
          description: Bilingual,
          /** For a jurisdiction pack: the procedural packs whose parameter this one overrides. */
          overrides: z.array(VocabularyId).optional(),
          values: z.array(ParameterValue).min(1, 'a parameter needs at least one dated value (with none, it has no value in force)'),
        })
        .strict(),
    ),
  })
  .strict();
export type ParametersFile = z.infer<typeof ParametersFileSchema>;
