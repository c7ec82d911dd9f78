import { DUTY_OBLIGATION_IDS } from './obligationIds.js';
import * as z from 'zod';
import { DateField } from './event.js';

/**
 * What went wrong on the organs' side, as the embedding system states it, and what the
 * caller states about the petitioner's conduct and about reasons for delay.
 *
 * Only what no event log can show is stated here. Failures that follow from time limits — a matter
 * never registered, a late written notice, an overdue conclusion, a disposal not made in time, a late
 * major-matter report — are derived from the obligations and are never entered by the caller, so they
 * cannot be counted twice. (`failed-to-register` stays for what the log cannot show, such as a second
 * letter on the same matter that was never registered; on one organ it merges with the derived finding.)
 */

/**
 * Kinds of misconduct a case may record. Most are named after the finding they lead to under the
 * accountability articles of each pack; these are not findings themselves:
 * - `concealed-or-falsified-report`: a major or urgent matter concealed or falsely reported; it leads to
 *   the finding `concealed-or-late-report` (the lateness part is derived from `report-major-matter`).
 * - `wrong-handling-procedure`: the matter was accepted or handled without following the prescribed
 *   procedure; it calls for supervision, and is no finding of its own.
 * - `falsification`: falsification in petition work (弄虚作假); it calls for supervision (2022) and,
 *   with serious consequences, a proposal to hold those responsible accountable.
 */
export const MisconductKind = z.enum([
  /** Exceeding or abusing authority, infringing lawful rights, caused the petition. */
  'caused-by-abuse-of-power',
  /** Failing to act when required, infringing lawful rights, caused the petition. */
  'caused-by-inaction',
  /** Wrong application of law or unlawful procedure, infringing lawful rights, caused the petition. */
  'caused-by-wrong-law-or-procedure',
  /** Refusing to carry out a handling opinion that supports the request. */
  'refused-to-implement',
  /** The petition department did not register a matter as required. */
  'failed-to-register',
  /** The petition department did not supervise where it should have. */
  'failed-to-supervise',
  /** An organ responsible for acceptance did not register, or refused a matter within its authority. */
  'refused-acceptance',
  /** Prevarication, perfunctory handling or delay (推诿、敷衍、拖延). */
  'prevarication',
  /** A well-founded request (clear facts, conforming to the rules) was not supported. */
  'unsupported-valid-claim',
  /** The petition department's improvement suggestions were taken lightly, leaving a problem long unresolved. */
  'ignored-improvement-suggestion',
  /** A bad attitude or rough conduct (态度恶劣、作风粗暴). */
  'rough-conduct',
  /** Taking or demanding favours, seeking private gain (吃拿卡要、谋取私利). */
  'extortion',
  /** A large collective visit or negative public opinion handled so badly that it grew. */
  'mishandled-collective-visit',
  /** A major or urgent matter concealed or falsely reported (隐瞒、谎报). */
  'concealed-or-falsified-report',
  /** A denunciation passed or disclosed to the person or unit accused. */
  'leaked-accusation',
  /** Retaliation against a petitioner (打击报复). */
  'retaliation',
  /** Accepted or handled without following the prescribed procedure (未按规定程序办理). */
  'wrong-handling-procedure',
  /** Falsification in petition work (弄虚作假): it calls for supervision and, with serious consequences, an accountability proposal. */
  'falsification',
  /** The necessary measures for a major or urgent matter were not taken in time (未依法及时采取必要措施). */
  'failed-to-take-measures',
]);
export type MisconductKind = z.infer<typeof MisconductKind>;

/** Misconduct kinds that only a petition department can commit (the petition-department articles of each pack). */
export const PETITION_DEPARTMENT_MISCONDUCT: readonly MisconductKind[] = ['failed-to-register', 'failed-to-supervise'];

const OrganId = z.string().min(1);

/** One recorded misconduct: its kind, the organ at fault and what followed. */
export const Misconduct = z
  .object({
    kind: MisconductKind,
    /** The organ at fault (an id of the organ directory). */
    by: OrganId,
    /** When it happened, where known. Misconduct that caused the petition may predate its receipt. */
    on: DateField.optional(),
    /** Serious consequences followed (造成严重后果); when absent, the case's `flags.seriousConsequences` applies. */
    seriousConsequences: z.boolean().optional(),
    /**
     * The failure lies in the portfolio of a leading member other than the leader in charge of petition
     * work ("one post, two responsibilities", 一岗双责): that leading member answers too.
     */
    otherLeadersPortfolio: z.boolean().optional(),
    /**
     * The conduct inflamed the conflict (激化矛盾). The 2005 Regulations sanction rough conduct only
     * where it inflamed the conflict and serious consequences followed (xf2005 art44 ¶2); when absent,
     * it is not stated.
     */
    inflamedConflict: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Misconduct = z.infer<typeof Misconduct>;

/**
 * What the caller states about a petitioner's prohibited conduct, which selects the steps of the
 * response ladder. Each is a judgement for the organs and the police, not for this library.
 */
export const ConductFacts = z
  .object({
    /** The conduct went on after staff dissuaded, criticised or educated the petitioner (劝阻、批评或者教育无效). */
    persistedAfterDissuasion: z.boolean().optional(),
    /** The conduct violates public-security administration or the assembly and demonstration laws. */
    publicOrderViolation: z.boolean().optional(),
    /** The conduct constitutes a crime. */
    crime: z.boolean().optional(),
  })
  .strict();
export type ConductFacts = z.infer<typeof ConductFacts>;

/** Obligation ids an organ may have missed for a good reason. */
export const ExcusableObligation = z.enum(DUTY_OBLIGATION_IDS);

/**
 * A good reason on record (正当理由) for missing a time limit. It bars supervision of the lateness —
 * the supervision articles speak of lateness "without good reason" — but not the finding, whose
 * articles have no such qualifier.
 */
export const GoodReason = z
  .object({
    obligation: ExcusableObligation,
    reason: z.string().min(1),
  })
  .strict();
export type GoodReason = z.infer<typeof GoodReason>;
