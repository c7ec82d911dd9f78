import type { Misconduct, MisconductKind } from '../case/misconduct.js';
import type { Case } from '../case/schema.js';
import { daysBetween, type IsoDate } from '../dates/isoDate.js';
import type { CaseContext } from '../evaluate/context.js';
import type { FactDefinition } from '../facts/matter.js';
import { territorialBase } from './parties.js';

/**
 * The facts the escalation and accountability rules read, beside the built-in ones: the misconduct on
 * record by kind, the good reasons for lateness, where the handling opinion stands, and the level of
 * the territory where the matter arose. Each is computed once per case before any rule runs.
 */

/** What a rule may ask about one kind of misconduct. */
export interface MisconductSummary {
  /** How many entries of the kind the case records. */
  readonly count: number;
  /** The organs at fault, in the order first recorded. */
  readonly organs: readonly string[];
  /** Whether serious consequences are recorded for at least one entry (its own flag, else the case's). */
  readonly seriousConsequences: boolean;
  /** Whether at least one entry states that the conduct inflamed the conflict (激化矛盾). */
  readonly inflamedConflict: boolean;
}

/** Whether serious consequences are recorded for one misconduct entry: its own statement, else the case's flag. */
export function entrySerious(c: Case, entry: Misconduct): boolean {
  return entry.seriousConsequences ?? c.flags.seriousConsequences === true;
}

/** The misconduct on record, by kind; kinds the case does not record are absent (undefined to a rule). */
export function misconductByKind(c: Case): Partial<Record<MisconductKind, MisconductSummary>> {
  const out: Partial<Record<MisconductKind, MisconductSummary>> = {};
  for (const entry of c.misconduct) {
    const seen = out[entry.kind];
    out[entry.kind] = {
      count: (seen?.count ?? 0) + 1,
      organs: seen?.organs.includes(entry.by) ? seen.organs : [...(seen?.organs ?? []), entry.by],
      seriousConsequences: (seen?.seriousConsequences ?? false) || entrySerious(c, entry),
      inflamedConflict: (seen?.inflamedConflict ?? false) || entry.inflamedConflict === true,
    };
  }
  return out;
}

/** Where the handling opinion (the latest `concluded` event) stands at `asOf`. */
export interface HandlingOpinionFact {
  readonly opinion: 'support' | 'explain' | 'not-support';
  readonly on: IsoDate;
  /** For a supporting opinion: whether the log shows it carried out (an `opinion-executed` event on or after it). */
  readonly executed: boolean;
  /** For a supporting opinion not yet carried out: calendar days from the opinion to `asOf`. */
  readonly daysUnexecuted?: number;
}

function handlingOpinion(ctx: CaseContext): HandlingOpinionFact | undefined {
  const concluded = ctx.case.events.filter((e) => e.type === 'concluded');
  const latest = concluded.reduce<(typeof concluded)[number] | undefined>((a, e) => (a === undefined || e.on >= a.on ? e : a), undefined);
  if (!latest || latest.type !== 'concluded') return undefined;
  const executed = ctx.case.events.some((e) => e.type === 'opinion-executed' && e.on >= latest.on);
  return {
    opinion: latest.opinion,
    on: latest.on,
    executed,
    ...(latest.opinion === 'support' && !executed ? { daysUnexecuted: daysBetween(latest.on, ctx.asOf) } : {}),
  };
}

export const accountabilityFacts: Readonly<Record<string, FactDefinition>> = {
  misconduct: {
    description: 'Misconduct on record by kind (e.g. "misconduct.retaliation.seriousConsequences"): count, organs at fault, whether serious consequences are recorded, and whether an entry states the conduct inflamed the conflict ("inflamedConflict").',
    compute: (ctx) => misconductByKind(ctx.case),
  },
  goodReason: {
    description: 'Obligations the case records a good reason for missing (e.g. "goodReason.conclude" is true); lateness with a good reason is not supervised.',
    compute: (ctx) => Object.fromEntries(ctx.case.goodReasons.map((g) => [g.obligation, true])),
  },
  handlingOpinion: {
    description: 'The latest handling opinion: "opinion" (support, explain, not-support), "on", "executed", and "daysUnexecuted" for a supporting opinion not yet carried out.',
    compute: handlingOpinion,
  },
  territoryLevel: {
    description: 'Level (village … central) of the party committee, else government, of the region where the matter arose; undefined when the directory holds neither.',
    compute: (ctx) => territorialBase(ctx)?.level,
  },
  conduct: {
    description: 'The petitioner\'s prohibited conduct and what the caller states about it: "any" (some prohibited conduct is on record), "persistedAfterDissuasion", "publicOrderViolation", "crime".',
    compute: (ctx) => ({ any: ctx.case.petitionerConduct.length > 0, ...ctx.case.conductFacts }),
  },
};
