import type { OrganRef } from '../assessment/types.js';
import type { Misconduct } from '../case/misconduct.js';
import type { CaseContext } from '../evaluate/context.js';
import { resolveParty } from '../parties/parties.js';
import type { MisconductQualifier } from '../rules/schema.js';
import { entrySerious } from './facts.js';

/**
 * Who is at fault for a finding or a supervision, and whether serious consequences are recorded
 * against them. A rule names the organ at fault in one of three ways (see `FaultSource` in
 * `src/rules/schema.ts`); this resolves each to organs for one case.
 */
export interface Fault {
  readonly organ: OrganRef;
  readonly seriousConsequences: boolean;
  /** The failure lies in another leading member's portfolio ("one post, two responsibilities"). */
  readonly otherLeadersPortfolio: boolean;
  /** The misconduct entries behind it (empty for a party or an obligation). */
  readonly entries: readonly Misconduct[];
}

export interface FaultSource {
  readonly party?: string;
  readonly obligation?: string;
  readonly misconduct?: string;
  /** With `misconduct`: only the entries that state each of these qualifiers (`inflamedConflict`). */
  readonly misconductWith?: readonly MisconductQualifier[];
}

const ref = (ctx: CaseContext, id: string): OrganRef => {
  const o = ctx.directory.get(id);
  return o ? { id: o.id, name: o.name, nameZh: o.nameZh ?? o.name, level: o.level, kind: o.kind } : { id: null, name: id, nameZh: id };
};

/**
 * The organs at fault. For a misconduct kind: one per organ recorded (only entries stating each
 * qualifier of `misconductWith`, where given), serious when any of its entries is (an entry's own
 * statement, else the case's flag). For an obligation: the organ that owed it, as
 * the obligations stage fact names it (none when the obligation is not in the assessment). For a party:
 * its organs. Obligations and parties are serious when the case's flag says so.
 */
export function faultsOf(source: FaultSource, ctx: CaseContext, facts: Readonly<Record<string, unknown>> | undefined): Fault[] {
  const caseSerious = ctx.case.flags.seriousConsequences === true;
  if (source.misconduct !== undefined) {
    const byOrgan = new Map<string, Misconduct[]>();
    for (const entry of ctx.case.misconduct) {
      if (entry.kind !== source.misconduct) continue;
      if (source.misconductWith?.some((q) => entry[q] !== true)) continue;
      byOrgan.set(entry.by, [...(byOrgan.get(entry.by) ?? []), entry]);
    }
    return [...byOrgan.entries()].map(([id, entries]) => ({
      organ: ref(ctx, id),
      seriousConsequences: entries.some((e) => entrySerious(ctx.case, e)),
      otherLeadersPortfolio: entries.some((e) => e.otherLeadersPortfolio === true),
      entries,
    }));
  }
  if (source.obligation !== undefined) {
    const obligations = (facts?.obligations ?? {}) as Record<string, { organ?: OrganRef } | undefined>;
    const organ = obligations[source.obligation]?.organ;
    return organ ? [{ organ, seriousConsequences: caseSerious, otherLeadersPortfolio: false, entries: [] }] : [];
  }
  if (source.party !== undefined) {
    return resolveParty(ctx, source.party).map((organ) => ({ organ, seriousConsequences: caseSerious, otherLeadersPortfolio: false, entries: [] }));
  }
  return [];
}

/** The key an organ is merged under in an assessment list (its id, or its role's name). */
export const organKey = (o: OrganRef): string => o.id ?? `~${o.name}`;
