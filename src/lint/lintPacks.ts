import type { StagedRule } from '../engine/ruleset.js';
import { leaves } from '../engine/ruleset.js';
import { builtinOperators, engineOperatorFunctions, type OperatorDefinition } from '../engine/operators.js';
import type { Pack } from '../rules/loadPack.js';
import type { ProvisionsFile } from '../rules/provisions.js';
import type { Condition, Outcome } from '../rules/schema.js';
import { provisionOf } from '../catalogue/catalogue.js';
import { canonicalJson } from '../receipt/canonicalJson.js';
import { buildFactSpace, type FactSpace } from './factSpace.js';
import { findWitness, type Assignment, type OperatorTable } from './satisfy.js';
import type { LintFinding, LintReport } from './types.js';

/** What the static check reads: the packs and their staged rules (as an evaluator holds them), the catalogues, the policy in effect. */
export interface LintInput {
  readonly packs: readonly Pack[];
  readonly rules: readonly StagedRule[];
  readonly catalogues: readonly ProvisionsFile[];
  /** Policy option values in effect (`{ repeatedPetitionThreshold: 3, … }`). */
  readonly policy: Readonly<Record<string, unknown>>;
  /** A caller's operators: their leaves are read as free true/false facts. */
  readonly operators?: readonly OperatorDefinition[];
}

const END = '9999-12-31';
interface Window {
  readonly from: string;
  readonly to: string;
}
const overlap = (a: Window, b: Window): Window | undefined => {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : undefined;
};
const within = (inner: Window, outer: Window) => outer.from <= inner.from && inner.to <= outer.to;
const shownWindow = (w: Window) => ({ from: w.from, to: w.to === END ? null : w.to });

/** Equal outcomes and values compare equal whatever their key order: canonical JSON, the receipts' spelling. */
const canonical = (value: unknown): string => (value === undefined ? 'undefined' : canonicalJson(value));

/** A witness as plain JSON: absent facts as "(absent)", keys sorted. */
function shownWitness(assignment: Assignment): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...assignment.keys()].sort()) {
    const v = assignment.get(key);
    out[key.startsWith('?') ? `caller operator ${key.slice(1)}` : key] = v === undefined ? '(absent)' : v;
  }
  return out;
}
const describe = (w: Record<string, unknown>) =>
  Object.entries(w)
    .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
    .join(', ');

/** Whether rules of two packs can apply to one case: principles go with all; one procedural pack at a time; jurisdiction packs of one jurisdiction. */
function applyTogether(a: Pack, b: Pack): boolean {
  if (a === b) return true;
  const ra = a.manifest.role;
  const rb = b.manifest.role;
  if (ra === 'principles' || rb === 'principles') return true;
  if (ra === 'procedure' && rb === 'procedure') return false;
  if (ra === 'jurisdiction' && rb === 'jurisdiction') return a.manifest.jurisdiction === b.manifest.jurisdiction;
  return true;
}

/** Parameters a rule names: periods and extension maxima of its obligations, and `param` facts its conditions compare with. */
function parametersNamed(rule: StagedRule): string[] {
  const out: string[] = [];
  for (const o of rule.outcomes) {
    if (o.kind === 'obligation') {
      out.push(o.period);
      if (o.extension) out.push(o.extension.maximum);
    }
  }
  for (const leaf of leaves(rule.conditions)) {
    const v = leaf.value as { fact?: unknown; path?: unknown } | null;
    if (leaf.fact === 'param' && leaf.path) out.push(leaf.path.split('.')[0]!);
    if (v !== null && typeof v === 'object' && v.fact === 'param' && typeof v.path === 'string') out.push(v.path.split('.')[0]!);
  }
  return out;
}

/** Every citation a rule makes: its own, and the `leadership` provision of a finding. */
function citationsOf(rule: StagedRule): string[] {
  const out = [...rule.citations];
  for (const o of rule.outcomes) if (o.kind === 'finding' && o.leadership) out.push(o.leadership);
  return out;
}

const obligations = (rule: StagedRule) => rule.outcomes.filter((o): o is Extract<Outcome, { kind: 'obligation' }> => o.kind === 'obligation');

/**
 * The static check of rule packs (`petition-rules lint`). Over the conditions' finite fact space (see
 * `buildFactSpace`) it reports, each with a witness where one exists:
 * - a rule that can never fire (its conditions hold for no facts, or it is in force on no date);
 * - a rule whose `dependsOn` names a rule that can never fire;
 * - two rules in force together that give one obligation id different periods or start events, for
 *   facts under which both fire;
 * - a rule another makes redundant (whenever it fires the other fires too, on every date it is in
 *   force, yielding every outcome and citation it yields);
 * - a parameter no rule names; a citation no loaded catalogue holds;
 * - an explanation in a pack's `lint` that no finding matches.
 * A finding a pack explains is returned under `explained` with its reason.
 */
export function lintPacks(input: LintInput): LintReport {
  const packOf = new Map(input.packs.map((p) => [p.manifest.id, p]));
  const rules = input.rules;
  const customOperators = input.operators ?? [];
  const operatorTable: OperatorTable = {
    ...engineOperatorFunctions,
    ...Object.fromEntries(builtinOperators.map((o) => [o.name, o.evaluate])),
  };
  const known = new Set(Object.keys(operatorTable));
  for (const op of customOperators) known.delete(op.name);

  const values = new Map<string, unknown[]>();
  const addKnown = (key: string, v: unknown) => {
    const list = values.get(key) ?? (values.set(key, []), values.get(key)!);
    if (!list.some((x) => canonical(x) === canonical(v))) list.push(v);
  };
  for (const pack of input.packs) for (const [id, param] of Object.entries(pack.parameters)) for (const v of param.values) addKnown(`param.${id}`, v.value);
  for (const [id, v] of Object.entries(input.policy)) addKnown(`policy.${id}`, v);
  for (const pack of input.packs) if (pack.manifest.role === 'procedure') addKnown('procedure', pack.manifest.id);

  const space: FactSpace = buildFactSpace(
    rules.map((r) => r.conditions),
    values,
    known,
  );
  const findings: LintFinding[] = [];
  const undecided: string[] = [];
  const witness = (condition: Condition, what: string): Assignment | undefined | 'unknown' => {
    const w = findWitness(condition, space, operatorTable);
    if (w === 'unknown') undecided.push(what);
    return w;
  };

  const windowOf = new Map<string, Window | undefined>();
  for (const rule of rules) {
    const pack = packOf.get(rule.pack)!;
    windowOf.set(rule.id, overlap({ from: rule.validFrom, to: rule.validTo ?? END }, { from: pack.manifest.inForce.from, to: pack.manifest.inForce.to ?? END }));
  }

  // A rule that can never fire.
  const neverFires = new Set<string>();
  const fires = new Map<string, Assignment>();
  for (const rule of rules) {
    const window = windowOf.get(rule.id);
    if (window === undefined) {
      neverFires.add(rule.id);
      findings.push({
        id: `never-fires:${rule.id}`,
        kind: 'never-fires',
        pack: rule.pack,
        rules: [rule.id],
        message: {
          en: `${rule.id} is in force on no date: its validity ${rule.validFrom} to ${rule.validTo ?? 'open'} lies outside its pack's ${packOf.get(rule.pack)!.manifest.inForce.from} to ${packOf.get(rule.pack)!.manifest.inForce.to ?? 'open'}`,
          zh: `${rule.id} 没有生效日期：其有效期 ${rule.validFrom} 至 ${rule.validTo ?? '未定'} 在所属规则包施行期之外`,
        },
      });
      continue;
    }
    const w = witness(rule.conditions, `never-fires:${rule.id}`);
    if (w === undefined) {
      neverFires.add(rule.id);
      findings.push({
        id: `never-fires:${rule.id}`,
        kind: 'never-fires',
        pack: rule.pack,
        rules: [rule.id],
        message: {
          en: `${rule.id} can never fire: no values of the facts it reads satisfy its conditions`,
          zh: `${rule.id} 永远不会触发：其读取的事实取任何值都不满足其条件`,
        },
      });
    } else if (w !== 'unknown') fires.set(rule.id, w);
  }

  for (const rule of rules) {
    for (const dep of rule.dependsOn ?? []) {
      if (!neverFires.has(dep)) continue;
      findings.push({
        id: `depends-on-never-firing:${rule.id}+${dep}`,
        kind: 'depends-on-never-firing',
        pack: rule.pack,
        rules: [rule.id, dep],
        message: { en: `${rule.id} depends on ${dep}, which can never fire`, zh: `${rule.id} 依赖的 ${dep} 永远不会触发` },
      });
    }
  }

  // Pairs: conflicting time limits and redundancy.
  let pairs = 0;
  for (let i = 0; i < rules.length; i++) {
    const a = rules[i]!;
    if (neverFires.has(a.id)) continue;
    for (let j = 0; j < rules.length; j++) {
      const b = rules[j]!;
      if (i === j || neverFires.has(b.id)) continue;
      const packA = packOf.get(a.pack)!;
      const packB = packOf.get(b.pack)!;
      if (!applyTogether(packA, packB)) continue;
      const together = overlap(windowOf.get(a.id)!, windowOf.get(b.id)!);
      if (together === undefined) continue;
      pairs++;

      if (i < j) {
        for (const oa of obligations(a)) {
          for (const ob of obligations(b)) {
            if (oa.id !== ob.id) continue;
            const differs = [
              ...(oa.period !== ob.period ? ['period'] : []),
              ...(canonical(oa.startsOn) !== canonical(ob.startsOn) ? ['start events'] : []),
            ];
            if (differs.length === 0) continue;
            const w = witness({ all: [a.conditions, b.conditions] }, `conflicting-time-limits:${a.id}+${b.id}`);
            if (w === undefined || w === 'unknown') continue;
            const shown = shownWitness(w);
            findings.push({
              id: `conflicting-time-limits:${a.id}+${b.id}`,
              kind: 'conflicting-time-limits',
              pack: a.pack,
              rules: [a.id, b.id],
              message: {
                en: `${a.id} and ${b.id} both give obligation "${oa.id}" with different ${differs.join(' and ')} (${oa.period} from ${oa.startsOn.map((s) => s.event).join('/')} vs ${ob.period} from ${ob.startsOn.map((s) => s.event).join('/')}), and both fire when ${describe(shown)}`,
                zh: `${a.id} 与 ${b.id} 对义务“${oa.id}”给出不同的${differs.map((d) => (d === 'period' ? '期限' : '起算事件')).join('和')}，且在 ${describe(shown)} 时同时触发`,
              },
              witness: shown,
              window: shownWindow(together),
            });
          }
        }
      }

      // b makes a redundant: whenever a fires, b fires, on every date a is in force, with all of a's outcomes and citations.
      if (!within(windowOf.get(a.id)!, windowOf.get(b.id)!)) continue;
      const outcomesB = new Set(b.outcomes.map(canonical));
      if (!a.outcomes.every((o) => outcomesB.has(canonical(o)))) continue;
      const citesB = new Set(citationsOf(b));
      if (!citationsOf(a).every((c) => citesB.has(c))) continue;
      if ((a.dependsOn ?? []).some((d) => !(b.dependsOn ?? []).includes(d))) continue;
      const escape = witness({ all: [a.conditions, { not: b.conditions }] }, `redundant-rule:${a.id}+${b.id}`);
      if (escape !== undefined) continue;
      const shown = fires.has(a.id) ? shownWitness(fires.get(a.id)!) : undefined;
      findings.push({
        id: `redundant-rule:${a.id}+${b.id}`,
        kind: 'redundant-rule',
        pack: a.pack,
        rules: [a.id, b.id],
        message: {
          en: `${a.id} is redundant: whenever it fires ${b.id} fires too, with every outcome and citation it yields${shown ? ` (both fire when ${describe(shown)})` : ''}`,
          zh: `${a.id} 是多余的：凡其触发时 ${b.id} 亦触发，且给出其全部结果和依据`,
        },
        ...(shown ? { witness: shown } : {}),
        window: shownWindow(windowOf.get(a.id)!),
      });
    }
  }

  // Parameters no rule names.
  const named = new Set(rules.flatMap(parametersNamed));
  for (const pack of input.packs) {
    for (const id of Object.keys(pack.parameters).sort()) {
      if (named.has(id)) continue;
      findings.push({
        id: `unused-parameter:${pack.manifest.id}.${id}`,
        kind: 'unused-parameter',
        pack: pack.manifest.id,
        parameter: id,
        message: { en: `parameter "${id}" of ${pack.manifest.id} is named by no rule`, zh: `${pack.manifest.id} 的参数“${id}”没有规则使用` },
      });
    }
  }

  // Citations no loaded catalogue holds.
  const catalogued = new Set(input.catalogues.flatMap((c) => c.provisions.map((p) => p.id)));
  const cite = (pack: string, where: string, citation: string) => {
    if (catalogued.has(provisionOf(citation))) return;
    findings.push({
      id: `uncatalogued-citation:${where}:${citation}`,
      kind: 'uncatalogued-citation',
      pack,
      citation,
      ...(where.startsWith('rule ') ? { rules: [where.slice(5)] } : { parameter: where.slice(10) }),
      message: { en: `${where} cites ${citation}, which no loaded provisions catalogue holds`, zh: `${where} 引用的 ${citation} 不在任何已加载的条文目录中` },
    });
  };
  for (const rule of rules) for (const c of [...new Set(citationsOf(rule))]) cite(rule.pack, `rule ${rule.id}`, c);
  for (const pack of input.packs) for (const [id, param] of Object.entries(pack.parameters)) for (const c of [...new Set(param.values.flatMap((v) => v.source))]) cite(pack.manifest.id, `parameter ${id}`, c);

  // Explanations.
  const explainedBy = new Map<string, { pack: string; reason: LintFinding['message'] }>();
  for (const pack of input.packs) for (const e of pack.manifest.lint ?? []) explainedBy.set(e.finding, { pack: pack.manifest.id, reason: e.reason });
  const open: LintFinding[] = [];
  const explained: LintFinding[] = [];
  const matched = new Set<string>();
  for (const f of findings) {
    const e = explainedBy.get(f.id);
    if (e) {
      matched.add(f.id);
      explained.push({ ...f, explained: e.reason });
    } else open.push(f);
  }
  for (const [finding, e] of explainedBy) {
    if (matched.has(finding)) continue;
    open.push({
      id: `stale-explanation:${e.pack}:${finding}`,
      kind: 'stale-explanation',
      pack: e.pack,
      message: { en: `${e.pack} explains lint finding "${finding}", which the check no longer reports`, zh: `${e.pack} 对检查结果“${finding}”作了说明，但检查已不再报告该结果` },
    });
  }
  const order = (x: LintFinding, y: LintFinding) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return {
    findings: open.sort(order),
    explained: explained.sort(order),
    checked: { packs: input.packs.length, rules: rules.length, pairs },
    undecided: [...new Set(undecided)].sort(),
  };
}
