import type { AppliedPolicy, Assessment, OrganRef, TraceCondition, TraceEntry } from '../assessment/types.js';
import { ASSESSMENT_KEYS, evaluatorShape, OUTCOME_LISTS } from '../assessment/keys.js';
import type { Organ } from '../case/organ.js';
import type { StagedRule } from '../engine/ruleset.js';
import type { Law } from '../evaluate/lawInForce.js';
import { materialisers } from '../outcomes/registry.js';
import { refOf } from '../parties/parties.js';
import { contentHash } from '../receipt/contentHash.js';
import { lawReference, short } from './lawReference.js';
import type { Bilingual } from '../text/bilingual.js';
import { CompactRecordError } from './CompactRecordError.js';
import { COMPACT_FORMAT, type CompactAssessment, type CompactItem, type CompactTraceEntry } from './format.js';
import { encodeItem, expandItem, ItemError, type ItemSetting, type StepCodec, type TraceIndex } from './itemCodec.js';
import { sameJson } from './sameJson.js';
import { statedPeriod } from '../time/obligation.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { encodeConditions, expandConditions, expandEntry, isOwnHead, LeafError } from './traceCodec.js';

type List = (typeof OUTCOME_LISTS)[number];

/** What compact records are made and read against: the evaluator's law, policy, directory and rules. */
export interface CompactSetting {
  readonly lawOn: (receivedOn: string) => Law | { problem: Bilingual };
  readonly policy: readonly AppliedPolicy[];
  /** The directory by id, and as it was given (its hash names it in each record). */
  readonly directory: ReadonlyMap<string, Organ>;
  readonly directoryData: readonly unknown[];
  readonly rules: readonly StagedRule[];
  readonly steps: StepCodec;
}

export interface Compactor {
  compact(assessment: Assessment): CompactAssessment;
  expand(record: unknown): Assessment;
}


/** The items each rule grounds, by rule id: each with its list, in list order. */
type Grounded = Map<string, Array<{ readonly list: List; readonly item: Readonly<Record<string, unknown>> }>>;

function groundedItems(items: Readonly<Record<List, readonly Readonly<Record<string, unknown>>[]>>): Grounded {
  const out: Grounded = new Map();
  for (const list of OUTCOME_LISTS)
    for (const item of items[list]) {
      const rules = item.rules;
      if (!Array.isArray(rules)) continue;
      for (const id of rules as readonly string[]) {
        let mine = out.get(id);
        if (!mine) out.set(id, (mine = []));
        mine.push({ list, item });
      }
    }
  return out;
}

/** What a rule yielded, as the items it grounds tell it: `kind:id` of each, in the order of the rule's outcome kinds and then of the lists. */
function yieldedByItems(rule: StagedRule, grounded: Grounded): string[] {
  const out: string[] = [];
  const kinds: string[] = [];
  for (const o of rule.outcomes) if (!kinds.includes(o.kind)) kinds.push(o.kind);
  const mine = grounded.get(rule.id) ?? [];
  for (const kind of kinds) {
    const m = materialisers[kind];
    if (!m) continue;
    for (const { list, item } of mine) {
      if (list !== m.list) continue;
      const y = `${kind}:${String(item[m.idField])}`;
      if (!out.includes(y)) out.push(y);
    }
  }
  return out;
}

const fail = (path: string, en: string, zh: string): never => {
  throw new CompactRecordError(path, { en, zh });
};

/**
 * Writes assessments as compact records and expands them back (see {@link CompactAssessment}). Every
 * part left out is one the expansion rebuilds byte for byte: the encoder checks each against what
 * would be rebuilt and keeps whatever differs as it is, so `expand(compact(a))` writes the JSON of `a`.
 */
export function createCompactor(setting: CompactSetting): Compactor {
  const rules = new Map(setting.rules.map((r) => [r.id, r]));
  const refs = new Map<string, OrganRef>();
  const organRef = (id: string): OrganRef | undefined => {
    let ref = refs.get(id);
    if (ref === undefined) {
      const organ = setting.directory.get(id);
      if (!organ) return undefined;
      refs.set(id, (ref = refOf(organ)));
    }
    return ref;
  };
  const items: ItemSetting = { organRef, rules, steps: setting.steps };
  const policyValues: Record<string, unknown> = Object.fromEntries(setting.policy.map((p) => [p.id, p.value]));
  /** The periods the law states, by parameter, for one law (span of receipt dates). */
  const periods = new WeakMap<Law, Map<string, Record<string, unknown> | undefined>>();
  const periodsOf = (law: Law) => {
    let known = periods.get(law);
    if (!known) periods.set(law, (known = new Map()));
    const byParameter = known;
    return (parameter: string) => {
      // Frozen: one object serves every case of the span.
      if (!byParameter.has(parameter)) byParameter.set(parameter, Object.hasOwn(law.selection.params, parameter) ? deepFreeze(statedPeriod(law.selection.params[parameter], policyValues)) : undefined);
      return byParameter.get(parameter);
    };
  };
  let policyHash: string | undefined;
  let directoryHash: string | undefined;
  const policyRef = () => (policyHash ??= short(contentHash(setting.policy)));
  const directoryRef = () => (directoryHash ??= short(contentHash(setting.directoryData)));
  const lawRefs = new WeakMap<Law, readonly string[]>();
  const lawOf = (receivedOn: string) => {
    const law = setting.lawOn(receivedOn);
    if ('problem' in law) return law;
    let ref = lawRefs.get(law);
    if (!ref) lawRefs.set(law, (ref = lawReference(law)));
    return { law, ref };
  };

  const compact = (a: Assessment): CompactAssessment => {
    const shape = evaluatorShape(a);
    if (!shape) throw new TypeError(`compact takes an assessment as the evaluator writes it (keys ${ASSESSMENT_KEYS.join(', ')}[, receipt]); got keys ${Object.keys(a).join(', ')}`);
    const { withReceipt } = shape;
    const known = lawOf(a.receivedOn);
    if ('problem' in known) throw new TypeError(`compact: no law in force for receivedOn ${a.receivedOn}: ${known.problem.en}`);
    const { law, ref } = known;
    const position = new Map<string, number>();
    const conditions = new Map<string, TraceCondition>();
    a.trace.forEach((e, i) => {
      if (!position.has(e.rule)) {
        position.set(e.rule, i);
        conditions.set(e.rule, e.conditions);
      }
    });
    const trace: TraceIndex = { position, conditions, seen: new Map(), period: periodsOf(law) };
    const lists = a as unknown as Record<List, readonly Readonly<Record<string, unknown>>[]>;
    const grounded = groundedItems(lists);
    const out: Record<string, unknown> = { format: COMPACT_FORMAT, caseId: a.caseId, asOf: a.asOf, receivedOn: a.receivedOn, law: ref };
    out.policy = a.policy === setting.policy || sameJson(a.policy, setting.policy) ? policyRef() : a.policy;
    out.directory = directoryRef();
    if (a.packs !== law.applied.packs && !sameJson(a.packs, law.applied.packs)) out.packs = a.packs;
    if (a.parameters !== law.applied.parameters && !sameJson(a.parameters, law.applied.parameters)) out.parameters = a.parameters;
    for (const list of OUTCOME_LISTS) out[list] = lists[list].map((item) => encodeItem(item, items, trace));
    out.trace = a.trace.map((entry, i): CompactTraceEntry => {
      const rule = rules.get(entry.rule);
      if (!rule || position.get(entry.rule) !== i || !isOwnHead(entry, rule)) return entry as unknown as CompactTraceEntry;
      const leaves = encodeConditions(entry.conditions, rule);
      if (!leaves) return entry as unknown as CompactTraceEntry;
      return sameJson(entry.yielded, yieldedByItems(rule, grounded)) ? [entry.rule, leaves] : [entry.rule, leaves, entry.yielded];
    });
    if (withReceipt) out.receipt = a.receipt;
    return out as unknown as CompactAssessment;
  };

  const expand = (record: unknown): Assessment => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('', 'a compact record must be an object', '紧凑记录须为对象');
    const r = record as Record<string, unknown>;
    if (r.format !== COMPACT_FORMAT) fail('format', `must be "${COMPACT_FORMAT}", not ${JSON.stringify(r.format)}`, `须为"${COMPACT_FORMAT}"，而不是 ${JSON.stringify(r.format)}`);
    for (const key of ['caseId', 'asOf', 'receivedOn', 'directory'] as const) if (typeof r[key] !== 'string') fail(key, 'must be a string', '须为字符串');
    for (const key of [...OUTCOME_LISTS, 'law'] as const) if (!Array.isArray(r[key])) fail(key, 'must be a list', '须为列表');
    // A record written without the trace (audit --without-trace) expands to an assessment without one.
    const withTrace = r.trace !== undefined;
    if (withTrace && !Array.isArray(r.trace)) fail('trace', 'must be a list', '须为列表');
    const receivedOn = r.receivedOn as string;
    const known = lawOf(receivedOn);
    if ('problem' in known) return fail('receivedOn', `no law in force for a matter received on ${receivedOn}: ${known.problem.en}`, `受理日期 ${receivedOn} 无适用的法律：${known.problem.zh}`);
    const { law, ref } = known;
    const given = r.law as unknown[];
    if (given.length !== ref.length || given.some((g, i) => g !== ref[i]))
      fail('law', `the record was made with the packs ${given.map(String).join(', ')}; this evaluator applies ${ref.join(', ')} to a matter received on ${receivedOn} — expand it with the packs it was made with`, `该记录依据规则包 ${given.map(String).join('、')} 作出；本评估器对 ${receivedOn} 受理的事项适用 ${ref.join('、')}——请用作出该记录时的规则包展开`);
    if (typeof r.policy === 'string' && r.policy !== policyRef()) fail('policy', `the record was made under policy ${r.policy}; this evaluator's policy is ${policyRef()} — give the same policy options`, `该记录依据政策 ${r.policy} 作出；本评估器的政策为 ${policyRef()}——请给出相同的政策选项`);
    if (typeof r.policy !== 'string' && !Array.isArray(r.policy)) fail('policy', 'must be a policy hash or a list of policy options', '须为政策哈希或政策选项列表');
    if (r.directory !== directoryRef()) fail('directory', `the record was made with the organ directory ${String(r.directory)}; this evaluator's is ${directoryRef()} — give the same directory`, `该记录依据机关名录 ${String(r.directory)} 作出；本评估器的名录为 ${directoryRef()}——请给出相同的名录`);

    // The trace first: items name its rules by position and take their facts from its conditions.
    const entries = withTrace ? (r.trace as unknown[]) : [];
    const traceRules: string[] = [];
    const conditions = new Map<string, TraceCondition>();
    const position = new Map<string, number>();
    const expanded: Array<{ readonly whole: TraceEntry } | { readonly rule: StagedRule; readonly conditions: TraceCondition; readonly yielded: string[] | undefined }> = entries.map((e, i) => {
      if (!Array.isArray(e)) {
        if (typeof e !== 'object' || e === null || typeof (e as { rule?: unknown }).rule !== 'string') return fail(`trace[${i}]`, 'must be [rule, leaves(, yielded)] or a whole trace entry', '须为 [规则, 叶条件(, 产出)] 或完整的跟踪条目');
        const entry = e as TraceEntry;
        traceRules.push(entry.rule);
        if (!position.has(entry.rule)) position.set(entry.rule, i) && conditions.set(entry.rule, entry.conditions);
        return { whole: entry };
      }
      const [id, leaves, yielded] = e as [unknown, unknown, unknown];
      const rule = typeof id === 'string' ? rules.get(id) : undefined;
      if (!rule) return fail(`trace[${i}][0]`, `no rule ${JSON.stringify(id)} in this evaluator`, `本评估器没有规则 ${JSON.stringify(id)}`);
      if (!Array.isArray(leaves)) return fail(`trace[${i}][1]`, 'must be the list of leaf values', '须为叶条件值的列表');
      if (e.length > 3 || (e.length === 3 && (!Array.isArray(yielded) || !yielded.every((y) => typeof y === 'string')))) return fail(`trace[${i}][2]`, 'must be the list of what the rule yielded', '须为该规则产出的列表');
      let c: TraceCondition;
      try {
        c = expandConditions(rule, leaves);
      } catch (error) {
        if (error instanceof LeafError) return fail(`trace[${i}][1][${error.index}]`, `does not fit the conditions of rule ${rule.id} (a leaf is 0 or [result, factValue(, valueResolved)])`, `与规则 ${rule.id} 的条件不符（叶条件为 0 或 [结果, 事实值(, 引用值)]）`);
        throw error;
      }
      traceRules.push(rule.id);
      if (!position.has(rule.id)) position.set(rule.id, i) && conditions.set(rule.id, c);
      return { rule, conditions: c, yielded: yielded as string[] | undefined };
    });
    const trace: TraceIndex = { position, conditions, seen: new Map(), period: periodsOf(law) };
    const lists = {} as Record<List, Record<string, unknown>[]>;
    for (const list of OUTCOME_LISTS)
      lists[list] = (r[list] as CompactItem[]).map((item, i) => {
        try {
          return expandItem(item, items, trace, traceRules);
        } catch (error) {
          if (error instanceof ItemError) return fail(`${list}[${i}]${error.at}`, error.reason.en, error.reason.zh);
          throw error;
        }
      });
    const assessment: Record<string, unknown> = {
      caseId: r.caseId,
      asOf: r.asOf,
      receivedOn,
      packs: r.packs ?? law.applied.packs,
      parameters: r.parameters ?? law.applied.parameters,
      policy: typeof r.policy === 'string' ? setting.policy : r.policy,
      ...lists,
    };
    if (withTrace) {
      const grounded = groundedItems(lists);
      assessment.trace = expanded.map((e) => ('whole' in e ? e.whole : expandEntry(e.rule, e.conditions, e.yielded ?? yieldedByItems(e.rule, grounded))));
    }
    if ('receipt' in r) assessment.receipt = r.receipt;
    return assessment as unknown as Assessment;
  };

  return { compact, expand };
}
