import type { Assessment, OrganRef } from '../assessment/types.js';
import { createReportData, mergeReportData, type ReportData } from '../report/reportData.js';
import type { Lang } from '../case/validateCase.js';

/**
 * The running totals of an audit: cases read, assessed and rejected (read = assessed + rejected
 * always), overdue obligations and findings counted by organ and by id, and the obligations whose due
 * date is provisional (it rests on a calendar year projected for want of a holiday notice) or could not
 * be given at all (`undetermined`). Among the rejected lines, those whose batch ran past the time limit
(`timedOut`) and those that met an internal error (`internalErrors`, a fault of the program, not of
the line) are counted apart, because the line itself may be sound. Only counters are kept, never the assessments, so an audit's memory
 * does not grow with its input.
 */
export interface AuditSummary {
  read: number;
  assessed: number;
  rejected: number;
  /** Rejected because the worker assessing their batch ran past the time limit and was stopped. */
  timedOut: number;
  /** Rejected because assessing them failed inside the program (not a problem of the case). */
  internalErrors: number;
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
  return {
    read: 0,
    assessed: 0,
    rejected: 0,
    timedOut: 0,
    internalErrors: 0,
    overdue: tally(),
    findings: tally(),
    provisional: tally(),
    undetermined: tally(),
    ...(withReport ? { report: createReportData() } : {}),
  };
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

/** Why a line was rejected, where it is not the line's own fault. */
export type RejectionCause = 'timed-out' | 'internal-error';

/** Adds one rejected line (invalid case, blank, unparseable or not UTF-8; or timed out, or an internal error). */
export function addRejection(summary: AuditSummary, cause?: RejectionCause): void {
  summary.read++;
  summary.rejected++;
  if (cause === 'timed-out') summary.timedOut++;
  if (cause === 'internal-error') summary.internalErrors++;
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
  into.timedOut += part.timedOut;
  into.internalErrors += part.internalErrors;
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
    timedOut: s.timedOut,
    internalErrors: s.internalErrors,
    overdueObligations: t(s.overdue),
    findings: t(s.findings),
    provisionalObligations: t(s.provisional),
    undeterminedObligations: t(s.undetermined),
  };
}

/** The words of the summary table, in each language of the CLI. */
const SUMMARY_WORDS = {
  en: {
    title: (asOf: string) => `audit summary (as of ${asOf})`,
    read: 'read      ',
    assessed: 'assessed  ',
    rejected: 'rejected  ',
    timedOut: '  of which timed out     ',
    internalErrors: '  of which internal error',
    none: '(none)',
    overdueByOrgan: (n: number) => `overdue obligations by organ (${n})`,
    overdueById: 'overdue obligations by id',
    findingsByOrgan: (n: number) => `findings by organ (${n})`,
    findingsById: 'findings by id',
    provisionalById: (n: number) => `provisional due dates by id (${n}; a calendar year projected for want of a holiday notice)`,
    undeterminedById: (n: number) => `obligations with no due date by id (${n}; beyond the calendar)`,
  },
  zh: {
    title: (asOf: string) => `审核汇总（截至 ${asOf}）`,
    read: '读取    ',
    assessed: '已评估  ',
    rejected: '已拒绝  ',
    timedOut: '  其中超时    ',
    internalErrors: '  其中内部错误',
    none: '（无）',
    overdueByOrgan: (n: number) => `逾期义务，按机关（${n}）`,
    overdueById: '逾期义务，按编号',
    findingsByOrgan: (n: number) => `问责发现，按机关（${n}）`,
    findingsById: '问责发现，按编号',
    provisionalById: (n: number) => `暂定期限，按编号（${n}；因尚无放假通知而推算的日历年）`,
    undeterminedById: (n: number) => `无法确定期限的义务，按编号（${n}；超出日历范围）`,
  },
} as const;

/** The summary as the table printed on stderr at the end of an audit, in English or Chinese (`--lang`). */
export function formatSummary(s: AuditSummary, asOf: string, lang: Lang = 'en'): string {
  const w = SUMMARY_WORDS[lang];
  const json = summaryToJson(s);
  const rows: string[] = [];
  const num = (n: number) => String(n).padStart(8);
  rows.push(w.title(asOf));
  rows.push(`  ${w.read}${num(s.read)}`);
  rows.push(`  ${w.assessed}${num(s.assessed)}`);
  rows.push(`  ${w.rejected}${num(s.rejected)}`);
  if (s.timedOut > 0) rows.push(`  ${w.timedOut}${num(s.timedOut)}`);
  if (s.internalErrors > 0) rows.push(`  ${w.internalErrors}${num(s.internalErrors)}`);
  const table = (title: string, entries: Array<{ key: string; name?: string; count: number }>) => {
    rows.push('', `${title}`);
    if (entries.length === 0) {
      rows.push(`  ${w.none}`);
      return;
    }
    // Count first, then the id (padded to the longest id that has a name), then the organ's name.
    const width = Math.max(0, ...entries.filter((e) => e.name).map((e) => e.key.length));
    for (const e of entries) rows.push(`  ${num(e.count)}  ${e.name ? `${e.key.padEnd(width)}  ${e.name}` : e.key}`);
  };
  table(w.overdueByOrgan(json.overdueObligations.total), json.overdueObligations.byOrgan.map((e) => ({ key: e.organ, name: e.name, count: e.count })));
  table(w.overdueById, json.overdueObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  table(w.findingsByOrgan(json.findings.total), json.findings.byOrgan.map((e) => ({ key: e.organ, name: e.name, count: e.count })));
  table(w.findingsById, json.findings.byId.map((e) => ({ key: e.id, count: e.count })));
  table(w.provisionalById(json.provisionalObligations.total), json.provisionalObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  if (json.undeterminedObligations.total > 0)
    table(w.undeterminedById(json.undeterminedObligations.total), json.undeterminedObligations.byId.map((e) => ({ key: e.id, count: e.count })));
  return `${rows.join('\n')}\n`;
}
