import type { AppliedPack, AppliedParameter } from '../assessment/types.js';
import type { Bilingual } from '../case/validateCase.js';
import { addCalendarDays, type IsoDate } from '../dates/isoDate.js';
import type { StagedRule } from '../engine/ruleset.js';
import type { Pack } from '../rules/loadPack.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { selectPacks, type PackSelection } from './selectPacks.js';

/** The law that governs a matter received on a given date. */
export interface Law {
  readonly selection: PackSelection;
  /** What an assessment reports of the packs applied: shared by every case of the span, so frozen. */
  readonly applied: { readonly packs: readonly AppliedPack[]; readonly parameters: readonly AppliedParameter[] };
  /** The rules that apply, stage by stage. */
  readonly stages: readonly (readonly StagedRule[])[];
}

/**
 * The law in force on a receipt date: the packs and parameters chosen, and the rules that apply, stage
 * by stage — or the reason no procedure applies. It changes only on the dates where a pack, a rule or a
 * parameter value starts or stops, so it is worked out once per span between such dates and remembered.
 */
export function lawInForce(packs: readonly Pack[], rules: readonly StagedRule[], jurisdiction: string | undefined): (receivedOn: IsoDate) => Law | { problem: Bilingual } {
  const maxStage = Math.max(0, ...rules.map((r) => r.stage));
  const changes = [
    ...new Set(
      [...packs.flatMap((p) => [p.manifest.inForce.from, p.manifest.inForce.to]), ...rules.flatMap((r) => [r.validFrom, r.validTo])].flatMap((d) => (d === null ? [] : [d])),
    ),
  ];
  const starts = [...new Set([...packs.flatMap((p) => Object.values(p.parameters).flatMap((v) => v.values.map((x) => x.from))), ...changes, ...changes.map((d) => addCalendarDays(d, 1))])].sort();
  const spanOf = (date: IsoDate) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const bySpan = new Map<number, Law | { problem: Bilingual }>();
  return (receivedOn) => {
    const span = spanOf(receivedOn);
    const known = bySpan.get(span);
    if (known) return known;
    const selection = selectPacks(packs, receivedOn, jurisdiction);
    if ('problem' in selection) return { problem: selection.problem };
    const inPacks = new Set(selection.packs.map((p) => p.manifest.id));
    const applicable = rules.filter((r) => inPacks.has(r.pack) && r.validFrom <= receivedOn && (r.validTo === null || receivedOn <= r.validTo));
    const law: Law = {
      selection,
      applied: deepFreeze({
        packs: selection.packs.map((p) => ({ id: p.manifest.id, role: p.manifest.role, title: p.manifest.title })),
        parameters: selection.parameters,
      }),
      stages: Array.from({ length: maxStage + 1 }, (_, stage) => applicable.filter((r) => r.stage === stage)),
    };
    bySpan.set(span, law);
    return law;
  };
}
