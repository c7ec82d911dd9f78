import type { Assessment, OrganRef } from '../assessment/types.js';
import { createReportData, mergeReportData, type ReportData } from '../report/reportData.js';

/**
 * The running totals of an audit: cases read, assessed and rejected (read = assessed + rejected
 * always), overdue obligations and findings counted by organ and by id, and the obligations whose due
 * date is provisional (it rests on a calendar year projected for want of a holiday notice) or could not
 * be given at all (`undetermined`). Only counters are kept, never the assessments, so an audit's memory
 * does not grow with its input.
 */
export interface AuditSummary {
  read: number;
  assessed: number;
  rejected: number;
  overdue: Tally;
  findings: Tally;
  provisional: Tally;
  undetermined: Tally;
  /** What `audit --report` draws, gathered only when asked for. */
  report?: ReportData;
}

/** Counts by organ (keyed by directory id, or the role's name where the directory lacks the organ) and by id. */
export interface Tally {
  total: number;
  readonly byOrgan: Map<string, { name: string; count: number }>;
  readonly byId: Map<string, number>;
}

const tally = (): Tally => ({ total: 0, byOrgan: new Map(), byId: new Map() });

export function createAuditSummary(withReport = false): AuditSummary {
  return { read: 0, assessed: 0, rejected: 0, overdue: tally(), findings: tally(), provisional: tally(), undetermined: tally(), ...(withReport ? { report: createReportData() } : {}) };
}

function count(t: Tally, id: string, organ: OrganRef | undefined): void {
  t.total++;
  t.byId.set(id, (t.byId.get(id) ?? 0) + 1);
  const key = organ ? (organ.id ?? organ.name) : '(no organ)';
  const entry = t.byOrgan.get(key);
  if (entry) entry.count++;
  else t.byOrgan.set(key, { name: organ && organ.id !== null ? organ.name : '', count: 1 });
}

/** Adds one assessed case. */
export function addAssessment(summary: AuditSummary, assessment: Assessment): void {
  summary.read++;
  summary.assessed++;
  for (const o of assessment.obligations) {
    if (o.status === 'overdue') count(summary.overdue, o.id, o.organ);
    if (o.provisional) count(summary.provisional, o.id, o.organ);
    if (o.status === 'undetermined') count(summary.undetermined, o.id, o.organ);
  }
  for (const f of assessment.findings) count(summary.findings, f.id, f.organ);
}

/** Adds one rejected line (invalid case, blank or unparseable line). */
export function addRejection(summary: AuditSummary): void {
  summary.read++;
  summary.rejected++;
}

function mergeTally(into: Tally, part: Tally): void {
  into.total += part.total;
  for (const [id, n] of part.byId) into.byId.set(id, (into.byId.get(id) ?? 0) + n);
  for (const [key, { name, count }] of part.byOrgan) {
    const entry = into.byOrgan.get(key);
    if (entry) entry.count += count;
    else into.byOrgan.set(key, { name, count });
  }
}

/**
 * Adds the totals of part of an audit (a batch a worker assessed) to the run's. Summaries are plain
 * counters and Maps, so they cross to and from worker threads as they are (structured clone).
 */
export function mergeAuditSummary(into: AuditSummary, part: AuditSummary): void {
  into.read += part.read;
  into.assessed += part.assessed;
  into.rejected += part.rejected;
  mergeTally(into.overdue, part.overdue);
  mergeTally(into.findings, part.findings);
  mergeTally(into.provisional, part.provisional);
  mergeTally(into.undetermined, part.undetermined);
  if (part.report) mergeReportData((into.report ??= createReportData()), part.report);
}

const byCount = <T extends { count: number }>(a: [string, T], b: [string, T]) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The summary as plain JSON, entries ordered by count (descending) then key, so it is deterministic. */
export function summaryToJson(s: AuditSummary) {
  const t = (x: Tally) => ({
    total: x.total,
    byOrgan: [...x.byOrgan].sort(byCount).map(([organ, v]) => ({ organ, name: v.name, count: v.count })),
    byId: [...x.byId].map(([id, count]) => [id, { count }] as [string, { count: number }]).sort(byCount).map(([id, v]) => ({ id, count: v.count })),
  });
  return {
    read: s.read,
    assessed: s.assessed,
    rejected: s.rejected,
    overdueObligations: t(s.overdue),
    findings: t(s.findings),
    provisionalObligations: t(s.provisional),
    undeterminedObligations: t(s.undetermined),
  };
}

/** The summary as the table printed on stderr at the end of an audit. */
export function formatSummary(s: AuditSummary, asOf: string): string {
  const json = summaryToJson(s);
  const rows: string[] = [];
  const num = (n: number) => String(n).padStart(8);
  rows.push(`audit summary (as of ${asOf})`);
  rows.push(`  read      ${num(s.read)}`);
  rows.push(`  assessed  ${num(s.assessed)}`);
  rows.push(`  rejected  ${num(s.rejected)}`);
  const table = (title: string, entries: Array<{ key: string; name?: string; count: number }>) => {
    rows.push('', `${title}`);
    if (entries.length === 0) {
      rows.push('  (none)');
      return;
    }
    // Count first, then the id (padded to the longest id that has a name), then the organ's name.
    const width = Math.max(0, ...entries.filter((e) => e.name).map((e) => e.key.length));
    for (const e of entries) rows.push(`  ${num(e.count)}  ${e.name ? `${e.key.padEnd(width)}  ${e.name}` : e.key}`);
  };
  table(`overdue obligations by organ (${json.overdueObligations.total})`, json.overdueObligations.byOrgan.map((e) => ({ key: e.organ, name: e.name, count: e.count })));
  table('overdue obligations by id', json.overdueObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  table(`findings by organ (${json.findings.total})`, json.findings.byOrgan.map((e) => ({ key: e.organ, name: e.name, count: e.count })));
  table('findings by id', json.findings.byId.map((e) => ({ key: e.id, count: e.count })));
  table(`provisional due dates by id (${json.provisionalObligations.total}; a calendar year projected for want of a holiday notice)`, json.provisionalObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  if (json.undeterminedObligations.total > 0)
    table(`obligations with no due date by id (${json.undeterminedObligations.total}; beyond the calendar)`, json.undeterminedObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  return `${rows.join('\n')}\n`;
}
