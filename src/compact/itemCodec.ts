import type { OrganRef, TraceCondition } from '../assessment/types.js';
import type { StagedRule } from '../engine/ruleset.js';
import { factsSeen } from '../evaluate/outcomes.js';
import type { Bilingual } from '../text/bilingual.js';
import { countingRules } from '../time/counting.js';
import type { CompactItem } from './format.js';
import { sameJson } from './sameJson.js';

/** The fields of an item that hold one organ, and those that hold a list of them or of accountable people. */
const ORGAN_FIELDS = ['organ', 'supervised', 'concerning', 'decidedBy'] as const;

/** How computation steps are taken apart and rendered again (src/time/computationSteps.ts). */
export interface StepCodec {
  of(text: object): { readonly kind: string; readonly args: readonly unknown[] } | undefined;
  render(kind: string, args: readonly unknown[]): Bilingual;
}

/** What items are written against: the evaluator's directory and rules, and the case's trace. */
export interface ItemSetting {
  /** The reference the evaluator's directory gives an organ id, as assessments name it. */
  readonly organRef: (id: string) => OrganRef | undefined;
  readonly rules: ReadonlyMap<string, StagedRule>;
  readonly steps: StepCodec;
}

/** The case's trace as items refer to it: position and conditions of each fired rule, and what each read (worked out once per rule). */
export interface TraceIndex {
  readonly position: ReadonlyMap<string, number>;
  readonly conditions: ReadonlyMap<string, TraceCondition>;
  readonly seen?: Map<string, Record<string, unknown>>;
  /** The period an obligation states for a parameter of the law in force for the case (src/time/obligation.ts `statedPeriod`). */
  readonly period?: (parameter: string) => Record<string, unknown> | undefined;
}

/** The citations of the rules, united in order: an item's basis when nothing else added to it. */
export function basisOf(ruleIds: readonly string[], rules: ReadonlyMap<string, StagedRule>): string[] | undefined {
  const out: string[] = [];
  for (const id of ruleIds) {
    const rule = rules.get(id);
    if (!rule) return undefined;
    for (const c of rule.citations) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** What the rules' conditions read, folded in order as merging items folds them (a later read wins, in the first one's place). */
export function factsOf(ruleIds: readonly string[], trace: TraceIndex): Record<string, unknown> | undefined {
  const seen = (id: string) => {
    let facts = trace.seen?.get(id);
    if (facts === undefined) {
      const conditions = trace.conditions.get(id);
      if (!conditions) return undefined;
      facts = factsSeen(conditions);
      trace.seen?.set(id, facts);
    }
    return facts;
  };
  // One rule's facts are its reads as they are; several fold into a new object.
  if (ruleIds.length === 1) return seen(ruleIds[0]!);
  const out: Record<string, unknown> = {};
  for (const id of ruleIds) {
    const facts = seen(id);
    if (!facts) return undefined;
    Object.assign(out, facts);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `basis+` names a run of citations that is one counting rule's basis by the rule's id
 * (`startDayExcluded` for `civil-code:art201`, `civil-procedure-law:art85`): a citation id always holds
 * a colon, a counting rule's id never does.
 */
function encodeCountingRuns(extra: readonly string[]): string[] {
  const rules = Object.entries(countingRules());
  const out: string[] = [];
  for (let i = 0; i < extra.length; ) {
    const run = rules.find(([, r]) => r.basis.every((c, k) => extra[i + k] === c));
    if (run) {
      out.push(run[0]);
      i += run[1].basis.length;
    } else out.push(extra[i++]!);
  }
  return out;
}

function expandCountingRuns(more: readonly string[]): string[] | undefined {
  const rules = countingRules() as Readonly<Record<string, { readonly basis: readonly string[] } | undefined>>;
  const out: string[] = [];
  for (const x of more) {
    if (x.includes(':')) out.push(x);
    else {
      const rule = Object.hasOwn(rules, x) ? rules[x] : undefined;
      if (!rule) return undefined;
      out.push(...rule.basis);
    }
  }
  return out;
}

/** An organ as its directory id when the directory names it so; the reference itself otherwise; undefined when not an organ reference. */
function encodeOrgan(ref: unknown, setting: ItemSetting): unknown {
  if (!isObject(ref)) return undefined;
  if (typeof ref.id === 'string') {
    const own = setting.organRef(ref.id);
    if (own && sameJson(ref, own)) return ref.id;
  }
  return ref;
}

/**
 * One outcome item written small (see {@link CompactItem}); kept whole, as `[item]`, when a field the
 * compact form rewrites is not what the evaluator writes there.
 */
export function encodeItem(item: Readonly<Record<string, unknown>>, setting: ItemSetting, trace: TraceIndex): CompactItem {
  const whole = [item] as const;
  const keys = Object.keys(item);
  const at = keys.indexOf('rules');
  const rules = item.rules;
  if (at < 0 || !keys.includes('basis') || !keys.includes('facts') || !Array.isArray(rules) || !rules.every((r) => typeof r === 'string')) return whole;
  // The basis is the rules' citations, often followed by those of the counting rules a due date used:
  // then only what follows them is written, as `basis+`.
  const derived = keys[at - 1] === 'basis' ? basisOf(rules, setting.rules) : undefined;
  const basis = item.basis;
  const omitBasis = derived !== undefined && sameJson(basis, derived);
  const basisMore =
    !omitBasis && derived !== undefined && Array.isArray(basis) && basis.length > derived.length && derived.every((c, i) => basis[i] === c) && basis.every((c) => typeof c === 'string') && new Set(basis).size === basis.length
      ? basis.slice(derived.length)
      : undefined;
  const omitFacts = keys[at + 1] === 'facts' && sameJson(item.facts, factsOf(rules, trace));
  // An obligation's period is what its parameter in force states, unless something else made it.
  const p = keys.indexOf('parameter');
  const omitPeriod = p > 0 && keys[p - 1] === 'period' && typeof item.parameter === 'string' && trace.period !== undefined && sameJson(item.period, trace.period(item.parameter));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = item[key];
    if ((key === 'basis' && omitBasis) || (key === 'facts' && omitFacts) || (key === 'period' && omitPeriod)) continue;
    if (key === 'basis' && basisMore) {
      out['basis+'] = encodeCountingRuns(basisMore);
      continue;
    }
    if ((ORGAN_FIELDS as readonly string[]).includes(key)) {
      const organ = encodeOrgan(value, setting);
      if (organ === undefined) return whole;
      out[key] = organ;
    } else if (key === 'recipients') {
      if (!Array.isArray(value)) return whole;
      const organs = value.map((o) => encodeOrgan(o, setting));
      if (organs.includes(undefined)) return whole;
      out[key] = organs;
    } else if (key === 'accountable') {
      if (!Array.isArray(value)) return whole;
      const people: unknown[] = [];
      for (const person of value) {
        if (!isObject(person) || !('organ' in person)) return whole;
        const organ = encodeOrgan(person.organ, setting);
        if (organ === undefined) return whole;
        const p: Record<string, unknown> = {};
        for (const k of Object.keys(person)) p[k] = k === 'organ' ? organ : person[k];
        people.push(p);
      }
      out[key] = people;
    } else if (key === 'computation') {
      if (!Array.isArray(value)) return whole;
      const steps: unknown[] = [];
      for (const text of value) {
        if (!isObject(text)) return whole;
        const step = setting.steps.of(text);
        steps.push(step ? [step.kind, ...step.args] : text);
      }
      out[key] = steps;
    } else if (key === 'rules') {
      out[key] = rules.map((id) => trace.position.get(id) ?? id);
    } else out[key] = value;
  }
  return out;
}

/** Where an item could not be expanded, relative to the item, and why. */
export class ItemError extends Error {
  constructor(
    readonly at: string,
    readonly reason: Bilingual,
  ) {
    super(reason.en);
  }
}

function expandOrgan(value: unknown, at: string, setting: ItemSetting): unknown {
  if (typeof value !== 'string') return value;
  const ref = setting.organRef(value);
  if (!ref) throw new ItemError(at, { en: `no organ "${value}" in this evaluator's directory`, zh: `本评估器的机关名录中没有机关"${value}"` });
  return ref;
}

/** The rule ids an item's `rules` name: trace positions are read as the rule at that position. */
function ruleIdsOf(rules: unknown, traceRules: readonly string[]): string[] {
  if (!Array.isArray(rules)) throw new ItemError('.rules', { en: 'rules must be a list of trace positions or rule ids', zh: 'rules 须为跟踪位置或规则 id 的列表' });
  return rules.map((r, i) => {
    if (typeof r === 'string') return r;
    if (typeof r === 'number' && Number.isInteger(r) && r >= 0 && r < traceRules.length) return traceRules[r]!;
    throw new ItemError(`.rules[${i}]`, { en: `not a rule id or a position in the trace (0–${traceRules.length - 1}): ${JSON.stringify(r)}`, zh: `不是规则 id，也不是跟踪中的位置（0–${traceRules.length - 1}）：${JSON.stringify(r)}` });
  });
}

/** Expands one compact item to the assessment's item (an ItemError saying where, when it cannot). */
export function expandItem(compact: unknown, setting: ItemSetting, trace: TraceIndex, traceRules: readonly string[]): Record<string, unknown> {
  if (Array.isArray(compact)) {
    if (compact.length !== 1 || !isObject(compact[0])) throw new ItemError('', { en: 'an item kept whole is an array of one object', zh: '原样保存的条目须为仅含一个对象的数组' });
    return compact[0];
  }
  if (!isObject(compact)) throw new ItemError('', { en: 'an item must be an object (or an array of one, kept whole)', zh: '条目须为对象（或原样保存时仅含一个对象的数组）' });
  const ruleIds = ruleIdsOf(compact.rules, traceRules);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(compact)) {
    const value = compact[key];
    if (key === 'parameter' && !('period' in compact)) {
      const period = typeof value === 'string' ? trace.period?.(value) : undefined;
      if (!period) throw new ItemError('.parameter', { en: `the law in force states no period for parameter ${JSON.stringify(value)}, so the period cannot be given`, zh: `现行法律未就参数 ${JSON.stringify(value)} 规定期间，无法给出期间` });
      out.period = period;
      out.parameter = value;
    } else if (key === 'basis+') {
      const basis = basisOf(ruleIds, setting.rules);
      if (!basis) throw new ItemError('.rules', { en: 'names a rule this evaluator does not have, so the basis cannot be given', zh: '所列规则本评估器没有，无法给出依据' });
      const more = Array.isArray(value) && value.every((c) => typeof c === 'string') ? expandCountingRuns(value) : undefined;
      if (!more) throw new ItemError(`.${key}`, { en: 'must be a list of citation ids and counting-rule ids', zh: '须为引用 id 与期间计算规则 id 的列表' });
      out.basis = [...basis, ...more];
    } else if (key === 'rules') {
      if (!('basis' in compact) && !('basis+' in compact)) {
        const basis = basisOf(ruleIds, setting.rules);
        if (!basis) throw new ItemError('.rules', { en: 'names a rule this evaluator does not have, so the basis cannot be given', zh: '所列规则本评估器没有，无法给出依据' });
        out.basis = basis;
      }
      out.rules = ruleIds;
      if (!('facts' in compact)) {
        const facts = factsOf(ruleIds, trace);
        if (!facts) throw new ItemError('.rules', { en: 'names a rule the trace lacks, so the facts it read cannot be given', zh: '所列规则不在跟踪中，无法给出其读取的事实' });
        out.facts = facts;
      }
    } else if ((ORGAN_FIELDS as readonly string[]).includes(key)) out[key] = expandOrgan(value, `.${key}`, setting);
    else if (key === 'recipients' && Array.isArray(value)) out[key] = value.map((o, i) => expandOrgan(o, `.recipients[${i}]`, setting));
    else if (key === 'accountable' && Array.isArray(value))
      out[key] = value.map((p, i) => {
        if (!isObject(p)) return p;
        const person: Record<string, unknown> = {};
        for (const k of Object.keys(p)) person[k] = k === 'organ' ? expandOrgan(p[k], `.accountable[${i}].organ`, setting) : p[k];
        return person;
      });
    else if (key === 'computation' && Array.isArray(value))
      out[key] = value.map((step, i) => {
        if (!Array.isArray(step)) return step;
        const [kind, ...args] = step as unknown[];
        try {
          return setting.steps.render(String(kind), args);
        } catch (error) {
          throw new ItemError(`.computation[${i}]`, { en: (error as Error).message, zh: `无法复原该计算步骤：${(error as Error).message}` });
        }
      });
    else out[key] = value;
  }
  return out;
}
