import type { Bilingual } from '../rules/schema.js';

/** What the static check of packs reports. */
export const LINT_FINDING_KINDS = [
  'never-fires',
  'depends-on-never-firing',
  'conflicting-time-limits',
  'redundant-rule',
  'unused-parameter',
  'uncatalogued-citation',
  'stale-explanation',
] as const;
export type LintFindingKind = (typeof LINT_FINDING_KINDS)[number];

/**
 * One finding of the static check. `id` names it stably (`conflicting-time-limits:a+b`), so a pack can
 * explain it (`lint` in `pack.json`) and an explained finding is reported with its reason rather than
 * failing the check. `witness` is a fact assignment that shows it (absent facts as `"(absent)"`).
 */
export interface LintFinding {
  readonly id: string;
  readonly kind: LintFindingKind;
  /** The pack the finding is about (the first rule's pack for a pair). */
  readonly pack: string;
  readonly rules?: readonly string[];
  readonly parameter?: string;
  readonly citation?: string;
  readonly message: Bilingual;
  readonly witness?: Readonly<Record<string, unknown>>;
  /** Receipt dates on which the finding holds (both rules in force), where that matters. */
  readonly window?: { readonly from: string; readonly to: string | null };
  /** The pack's explanation, when it gives one: the finding is then reported but does not fail. */
  readonly explained?: Bilingual;
}

export interface LintReport {
  /** Findings not explained by their pack: a clean report has none. */
  readonly findings: readonly LintFinding[];
  /** Findings the packs explain, with the reason. */
  readonly explained: readonly LintFinding[];
  readonly checked: { readonly packs: number; readonly rules: number; readonly pairs: number };
  /** Checks the search could not finish within its budget (none for the built-in packs). */
  readonly undecided: readonly string[];
}
