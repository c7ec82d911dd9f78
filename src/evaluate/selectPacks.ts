import type { AppliedParameter } from '../assessment/types.js';
import type { Bilingual } from '../case/validateCase.js';
import type { IsoDate } from '../dates/isoDate.js';
import type { Pack } from '../rules/loadPack.js';

const inForce = (pack: Pack, date: IsoDate) => pack.manifest.inForce.from <= date && (pack.manifest.inForce.to === null || date <= pack.manifest.inForce.to);

export interface PackSelection {
  readonly packs: readonly Pack[];
  readonly procedure: Pack;
  readonly parameters: readonly AppliedParameter[];
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The packs that govern a matter received on `receivedOn`: every principles pack in force then, the
 * one procedural pack in force then (before 2022-05-01 xf2005, from then xfgz2022), and the
 * caller's jurisdiction packs in force then. Returns a reason instead when no procedural pack applies.
 */
export function selectPacks(all: readonly Pack[], receivedOn: IsoDate, jurisdiction: string | undefined): PackSelection | { problem: Bilingual } {
  const principles = all.filter((p) => p.manifest.role === 'principles' && inForce(p, receivedOn));
  const procedures = all.filter((p) => p.manifest.role === 'procedure' && inForce(p, receivedOn));
  const local = jurisdiction === undefined ? [] : all.filter((p) => p.manifest.role === 'jurisdiction' && p.manifest.jurisdiction === jurisdiction && inForce(p, receivedOn));
  if (procedures.length !== 1) {
    const windows = all
      .filter((p) => p.manifest.role === 'procedure')
      .map((p) => `${p.manifest.id} ${p.manifest.inForce.from} to ${p.manifest.inForce.to ?? 'now'}`)
      .join('; ');
    const ids = procedures.map((p) => p.manifest.id).join(', ');
    return {
      problem:
        procedures.length === 0
          ? { en: `no procedural rule pack is in force on ${receivedOn} (packs: ${windows})`, zh: `${receivedOn} 没有施行中的程序规则包（规则包：${windows}）` }
          : { en: `several procedural rule packs are in force on ${receivedOn}: ${ids}`, zh: `${receivedOn} 有多个程序规则包同时施行：${ids}` },
    };
  }
  const procedure = procedures[0]!;
  const packs = [...principles, procedure, ...local];

  const chosen = new Map<string, AppliedParameter>();
  for (const pack of packs) {
    for (const [id, parameter] of Object.entries(pack.parameters)) {
      if (parameter.overrides && !parameter.overrides.includes(procedure.manifest.id)) continue;
      const value = parameter.values.filter((v) => v.from <= receivedOn).sort((a, b) => (a.from < b.from ? -1 : 1)).at(-1);
      if (value) chosen.set(id, { id, pack: pack.manifest.id, value: value.value, from: value.from, source: value.source });
    }
  }
  const parameters = [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A lookup by name from data: without a prototype, "constructor" or "toString" can never resolve to an inherited member.
  const params: Record<string, unknown> = Object.create(null);
  for (const p of parameters) params[p.id] = p.value;
  return { packs, procedure, parameters, params };
}
