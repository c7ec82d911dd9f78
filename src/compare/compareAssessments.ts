import type { Assessment, OrganRef } from '../assessment/types.js';
import { canonicalJson } from '../receipt/canonicalJson.js';

/** The lists of an assessment that a comparison looks at, in the order it reports them. */
export const COMPARED_LISTS = ['obligations', 'findings', 'escalations', 'guidance', 'actions', 'responsibilities'] as const;
export type ComparedList = (typeof COMPARED_LISTS)[number];

/**
 * One item that differs between two assessments of a case: it appears (only the reform has it),
 * disappears (only the base has it), or changes. `fields` names what changed; `base` and `reform`
 * give those fields' values on each side (for an obligation always with its `dueOn` and `status`; for
 * an item that appears or disappears, its summary fields). `rules` are the rules behind it on either side.
 */
export interface ItemDifference {
  readonly change: 'appeared' | 'disappeared' | 'changed';
  /** The item's id (a responsibility's role). */
  readonly id: string;
  /** The organ it concerns: the reform's, or the base's when it disappeared. Null when it names none. */
  readonly organ: OrganRef | null;
  readonly fields: readonly string[];
  readonly base?: Readonly<Record<string, unknown>>;
  readonly reform?: Readonly<Record<string, unknown>>;
  readonly rules: readonly string[];
}

/** How two assessments of one case differ, list by list; `changed` is false when nothing does. */
export interface AssessmentComparison {
  readonly caseId: string;
  readonly changed: boolean;
  readonly obligations: readonly ItemDifference[];
  readonly findings: readonly ItemDifference[];
  readonly escalations: readonly ItemDifference[];
  readonly guidance: readonly ItemDifference[];
  readonly actions: readonly ItemDifference[];
  readonly responsibilities: readonly ItemDifference[];
}

/** Fields that explain an item rather than make it (the facts read, the steps of a computation): never compared. */
const EXPLANATORY = new Set(['facts', 'computation']);

/** What is shown of an item that appears or disappears. */
const SUMMARY: Record<ComparedList, readonly string[]> = {
  obligations: ['dueOn', 'status', 'period', 'start', 'basis'],
  findings: ['consequences', 'accountable', 'basis'],
  escalations: ['recipients', 'supervised', 'concerning', 'basis'],
  guidance: ['basis'],
  actions: ['basis'],
  responsibilities: ['basis'],
};
/** Fields shown on both sides of a change even when they are the same, to place it. */
const CONTEXT: Partial<Record<ComparedList, readonly string[]>> = { obligations: ['dueOn', 'status'] };

type Item = Readonly<Record<string, unknown>> & { readonly organ?: OrganRef; readonly rules?: readonly string[] };

const organKey = (o: unknown): string => {
  if (!o || typeof o !== 'object') return '';
  const r = o as OrganRef;
  return r.id ?? `~${r.name}`;
};

/**
 * The key an item is matched by across the two assessments, the same the assessment merges items by:
 * an obligation and a guidance by id; a finding, escalation or action by id and the organs it names;
 * a responsibility by role and organ.
 */
function keyOf(list: ComparedList, item: Item): string {
  if (list === 'obligations' || list === 'guidance') return String(item.id);
  if (list === 'responsibilities') return `${String(item.role)}|${organKey(item.organ)}`;
  return `${String(item.id)}|${organKey(item.organ)}|${organKey(item.supervised)}|${organKey(item.concerning)}`;
}

const pick = (item: Item, fields: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out;
};

const same = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));

function unionRules(a: Item | undefined, b: Item | undefined): string[] {
  const out: string[] = [];
  for (const r of [...(a?.rules ?? []), ...(b?.rules ?? [])]) if (!out.includes(r)) out.push(r);
  return out;
}

function compareList(list: ComparedList, base: readonly Item[], reform: readonly Item[]): ItemDifference[] {
  const inReform = new Map(reform.map((i) => [keyOf(list, i), i]));
  const inBase = new Set<string>();
  const out: ItemDifference[] = [];
  const idOf = (i: Item) => String(list === 'responsibilities' ? i.role : i.id);
  for (const b of base) {
    const key = keyOf(list, b);
    inBase.add(key);
    const r = inReform.get(key);
    if (!r) {
      out.push({ change: 'disappeared', id: idOf(b), organ: b.organ ?? null, fields: [], base: pick(b, SUMMARY[list]), rules: unionRules(b, undefined) });
      continue;
    }
    const fields = [...new Set([...Object.keys(b), ...Object.keys(r)])].filter((f) => !EXPLANATORY.has(f) && !same(b[f], r[f])).sort();
    if (fields.length === 0) continue;
    const shown = [...new Set([...(CONTEXT[list] ?? []), ...fields])];
    out.push({ change: 'changed', id: idOf(r), organ: r.organ ?? b.organ ?? null, fields, base: pick(b, shown), reform: pick(r, shown), rules: unionRules(b, r) });
  }
  for (const r of reform) {
    if (inBase.has(keyOf(list, r))) continue;
    out.push({ change: 'appeared', id: idOf(r), organ: r.organ ?? null, fields: [], reform: pick(r, SUMMARY[list]), rules: unionRules(undefined, r) });
  }
  return out;
}

/**
 * How the reform's assessment of a case differs from the base's: for each list (obligations,
 * findings, escalations, guidance, actions, responsibilities) the items that appear, disappear or
 * change, in the base's order then the reform's. The facts read and the computation's wording are
 * not compared (they explain an item); everything else is — a due date, a status, a period, the
 * organ, the basis, the rules. Deterministic: the same two assessments give the same bytes.
 */
export function compareAssessments(base: Assessment, reform: Assessment): AssessmentComparison {
  const lists = Object.fromEntries(
    COMPARED_LISTS.map((list) => [list, compareList(list, base[list] as unknown as readonly Item[], reform[list] as unknown as readonly Item[])]),
  ) as Record<ComparedList, ItemDifference[]>;
  return { caseId: reform.caseId, changed: COMPARED_LISTS.some((l) => lists[l].length > 0), ...lists };
}
