import { COMPARED_LISTS, type AssessmentComparison, type ComparedList, type ItemDifference } from '../compare/compareAssessments.js';

/** Differences counted by kind of change. */
export interface ChangeCounts {
  appeared: number;
  disappeared: number;
  changed: number;
}

/**
 * The running totals of a comparison: cases read, compared (both sides assessed them), changed and
 * unchanged, rejected by both or by one side; the differences by list, by organ and by rule; and the
 * obligations whose due date the reform moves, by id. Plain counters and Maps only, so memory does
 * not grow with the input and the totals cross to and from worker threads as they are.
 */
export interface CompareSummary {
  read: number;
  compared: number;
  changed: number;
  unchanged: number;
  rejected: number;
  rejectedByBase: number;
  rejectedByReform: number;
  readonly byList: Record<ComparedList, ChangeCounts>;
  /** Keyed by directory id, or the role's name where the directory lacks the organ. */
  readonly byOrgan: Map<string, ChangeCounts & { name: string }>;
  readonly byRule: Map<string, ChangeCounts>;
  /** Obligations whose due date moved: earlier, later, given where there was none, or lost. */
  readonly dueDates: Map<string, { earlier: number; later: number; gained: number; lost: number }>;
}

const counts = (): ChangeCounts => ({ appeared: 0, disappeared: 0, changed: 0 });

export function createCompareSummary(): CompareSummary {
  return {
    read: 0,
    compared: 0,
    changed: 0,
    unchanged: 0,
    rejected: 0,
    rejectedByBase: 0,
    rejectedByReform: 0,
    byList: Object.fromEntries(COMPARED_LISTS.map((l) => [l, counts()])) as Record<ComparedList, ChangeCounts>,
    byOrgan: new Map(),
    byRule: new Map(),
    dueDates: new Map(),
  };
}

function countDifference(s: CompareSummary, list: ComparedList, d: ItemDifference): void {
  s.byList[list][d.change]++;
  const key = d.organ ? (d.organ.id ?? d.organ.name) : '(no organ)';
  let organ = s.byOrgan.get(key);
  if (!organ) s.byOrgan.set(key, (organ = { name: d.organ && d.organ.id !== null ? d.organ.name : '', ...counts() }));
  organ[d.change]++;
  for (const rule of d.rules) {
    let r = s.byRule.get(rule);
    if (!r) s.byRule.set(rule, (r = counts()));
    r[d.change]++;
  }
  if (list === 'obligations' && d.change === 'changed' && d.fields.includes('dueOn')) {
    let moved = s.dueDates.get(d.id);
    if (!moved) s.dueDates.set(d.id, (moved = { earlier: 0, later: 0, gained: 0, lost: 0 }));
    const from = d.base?.dueOn as string | null | undefined;
    const to = d.reform?.dueOn as string | null | undefined;
    if (from && to) moved[to < from ? 'earlier' : 'later']++;
    else if (to) moved.gained++;
    else moved.lost++;
  }
}

/** Adds one case both sides assessed. */
export function addComparison(s: CompareSummary, c: AssessmentComparison): void {
  s.read++;
  s.compared++;
  if (c.changed) s.changed++;
  else s.unchanged++;
  for (const list of COMPARED_LISTS) for (const d of c[list]) countDifference(s, list, d);
}

/** Adds one line rejected by both sides (or unreadable), or by one side only. */
export function addCompareRejection(s: CompareSummary, by: 'both' | 'base' | 'reform'): void {
  s.read++;
  if (by === 'both') s.rejected++;
  else if (by === 'base') s.rejectedByBase++;
  else s.rejectedByReform++;
}

const add = (into: ChangeCounts, part: ChangeCounts) => {
  into.appeared += part.appeared;
  into.disappeared += part.disappeared;
  into.changed += part.changed;
};

/** Adds the totals of part of a comparison (a worker's batch) to the run's. */
export function mergeCompareSummary(into: CompareSummary, part: CompareSummary): void {
  for (const k of ['read', 'compared', 'changed', 'unchanged', 'rejected', 'rejectedByBase', 'rejectedByReform'] as const) into[k] += part[k];
  for (const l of COMPARED_LISTS) add(into.byList[l], part.byList[l]);
  for (const [k, v] of part.byOrgan) {
    const e = into.byOrgan.get(k);
    if (e) add(e, v);
    else into.byOrgan.set(k, { ...v });
  }
  for (const [k, v] of part.byRule) {
    const e = into.byRule.get(k);
    if (e) add(e, v);
    else into.byRule.set(k, { ...v });
  }
  for (const [k, v] of part.dueDates) {
    const e = into.dueDates.get(k);
    if (e) for (const f of ['earlier', 'later', 'gained', 'lost'] as const) e[f] += v[f];
    else into.dueDates.set(k, { ...v });
  }
}

const total = (c: ChangeCounts) => c.appeared + c.disappeared + c.changed;
const byTotal = <T extends ChangeCounts>(a: [string, T], b: [string, T]) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The summary as plain JSON, entries by number of differences (descending) then key: deterministic. */
export function compareSummaryToJson(s: CompareSummary) {
  return {
    read: s.read,
    compared: s.compared,
    changed: s.changed,
    unchanged: s.unchanged,
    rejected: s.rejected,
    rejectedByBase: s.rejectedByBase,
    rejectedByReform: s.rejectedByReform,
    byList: COMPARED_LISTS.map((list) => ({ list, ...s.byList[list] })),
    byOrgan: [...s.byOrgan].sort(byTotal).map(([organ, v]) => ({ organ, name: v.name, appeared: v.appeared, disappeared: v.disappeared, changed: v.changed })),
    byRule: [...s.byRule].sort(byTotal).map(([rule, v]) => ({ rule, ...v })),
    dueDates: [...s.dueDates]
      .sort((a, b) => a[0].localeCompare(b[0], 'en'))
      .map(([obligation, v]) => ({ obligation, ...v })),
  };
}

/** The summary as the table printed on stderr at the end of a comparison. */
export function formatCompareSummary(s: CompareSummary, asOf: string): string {
  const json = compareSummaryToJson(s);
  const n = (x: number) => String(x).padStart(8);
  const rows = [
    `compare summary (as of ${asOf})`,
    `  read              ${n(s.read)}`,
    `  compared          ${n(s.compared)}`,
    `  changed           ${n(s.changed)}`,
    `  unchanged         ${n(s.unchanged)}`,
    `  rejected (both)   ${n(s.rejected)}`,
    `  rejected by base  ${n(s.rejectedByBase)}`,
    `  rejected by reform${n(s.rejectedByReform)}`,
  ];
  const head = `  ${'appeared'.padStart(8)}  ${'gone'.padStart(8)}  ${'changed'.padStart(8)}`;
  const table = (title: string, entries: Array<{ key: string; name?: string } & ChangeCounts>) => {
    rows.push('', title);
    if (entries.length === 0) return void rows.push('  (none)');
    rows.push(head);
    const width = Math.max(0, ...entries.filter((e) => e.name).map((e) => e.key.length));
    for (const e of entries) rows.push(`  ${n(e.appeared)}  ${n(e.disappeared)}  ${n(e.changed)}  ${e.name ? `${e.key.padEnd(width)}  ${e.name}` : e.key}`);
  };
  table('differences by list', json.byList.filter((e) => total(e) > 0).map((e) => ({ key: e.list, ...e })));
  table('differences by organ', json.byOrgan.map((e) => ({ key: e.organ, ...e })));
  table('differences by rule', json.byRule.map((e) => ({ key: e.rule, ...e })));
  rows.push('', 'due dates moved, by obligation');
  if (json.dueDates.length === 0) rows.push('  (none)');
  else {
    rows.push(`  ${'earlier'.padStart(8)}  ${'later'.padStart(8)}  ${'gained'.padStart(8)}  ${'lost'.padStart(8)}`);
    for (const e of json.dueDates) rows.push(`  ${n(e.earlier)}  ${n(e.later)}  ${n(e.gained)}  ${n(e.lost)}  ${e.obligation}`);
  }
  return `${rows.join('\n')}\n`;
}
