import type { Assessment, ObligationStatus, OrganRef } from '../assessment/types.js';

/** How many cases an audit report shows with their timeline; the rest are counted. */
export const REPORT_CASES = 200;

/** The four ways an organ's duty can stand in a report: done in time, done late, overdue, still running. */
export type ReportStanding = 'met' | 'met-late' | 'overdue' | 'pending';

const standingOf = (status: ObligationStatus): ReportStanding | undefined =>
  status === 'met' || status === 'met-late' || status === 'overdue' ? status : status === 'pending' || status === 'due-soon' ? 'pending' : undefined;

export interface Standings {
  met: number;
  'met-late': number;
  overdue: number;
  pending: number;
}
const standings = (): Standings => ({ met: 0, 'met-late': 0, overdue: 0, pending: 0 });

/** One case the report shows: its line, id, what is wrong, and its timeline (SVG). */
export interface ReportCase {
  readonly line: number;
  readonly caseId: string;
  readonly overdue: number;
  readonly findings: number;
  readonly timeline: string;
}

/**
 * What an audit report is drawn from, gathered case by case beside the audit's totals (and, like them,
 * plain Maps and arrays that cross worker threads by structured clone): organs' duties by standing and
 * their days past due; duties by the month they fall due; findings by id and organ; and the first
 * {@link REPORT_CASES} cases (in input order) with an overdue duty or a finding, each with its timeline.
 * A petitioner's window is not an organ's duty and is left out; so is a duty with no due date.
 */
export interface ReportData {
  readonly byOrgan: Map<string, { standings: Standings; daysPastDue: number }>;
  readonly byMonth: Map<string, Standings>;
  readonly findings: Map<string, Map<string, number>>;
  /** Organs' names by key (directory id, or the role's name where the directory lacks the organ). */
  readonly organNames: Map<string, { en: string; zh: string }>;
  readonly cases: ReportCase[];
  moreCases: number;
}

export function createReportData(): ReportData {
  return { byOrgan: new Map(), byMonth: new Map(), findings: new Map(), organNames: new Map(), cases: [], moreCases: 0 };
}

const organKey = (organ: OrganRef) => organ.id ?? organ.name;

/** Adds one assessed case; `drawTimeline` is called only for a case the report will show. */
export function addToReport(data: ReportData, assessment: Assessment, line: number, drawTimeline: () => string): void {
  let overdue = 0;
  for (const o of assessment.obligations) {
    if (o.window || o.dueOn === null) continue;
    const standing = standingOf(o.status);
    if (standing === undefined) continue;
    const key = organKey(o.organ);
    data.organNames.set(key, { en: o.organ.name, zh: o.organ.nameZh });
    const organ = data.byOrgan.get(key) ?? (data.byOrgan.set(key, { standings: standings(), daysPastDue: 0 }), data.byOrgan.get(key)!);
    organ.standings[standing]++;
    organ.daysPastDue += o.daysOverdue ?? o.daysLate ?? 0;
    const month = o.dueOn.slice(0, 7);
    const m = data.byMonth.get(month) ?? (data.byMonth.set(month, standings()), data.byMonth.get(month)!);
    m[standing]++;
    if (standing === 'overdue') overdue++;
  }
  for (const f of assessment.findings) {
    const key = organKey(f.organ);
    data.organNames.set(key, { en: f.organ.name, zh: f.organ.nameZh });
    const byOrgan = data.findings.get(f.id) ?? (data.findings.set(f.id, new Map()), data.findings.get(f.id)!);
    byOrgan.set(key, (byOrgan.get(key) ?? 0) + 1);
  }
  if (overdue === 0 && assessment.findings.length === 0) return;
  if (data.cases.length < REPORT_CASES) data.cases.push({ line, caseId: assessment.caseId, overdue, findings: assessment.findings.length, timeline: drawTimeline() });
  else data.moreCases++;
}

const addStandings = (into: Standings, part: Standings) => {
  into.met += part.met;
  into['met-late'] += part['met-late'];
  into.overdue += part.overdue;
  into.pending += part.pending;
};

/** Adds a later part of the audit (the next batch, in input order) to the data so far. */
export function mergeReportData(into: ReportData, part: ReportData): void {
  for (const [key, v] of part.byOrgan) {
    const organ = into.byOrgan.get(key);
    if (organ) {
      addStandings(organ.standings, v.standings);
      organ.daysPastDue += v.daysPastDue;
    } else into.byOrgan.set(key, { standings: { ...v.standings }, daysPastDue: v.daysPastDue });
  }
  for (const [month, v] of part.byMonth) {
    const m = into.byMonth.get(month);
    if (m) addStandings(m, v);
    else into.byMonth.set(month, { ...v });
  }
  for (const [id, byOrgan] of part.findings) {
    const target = into.findings.get(id) ?? (into.findings.set(id, new Map()), into.findings.get(id)!);
    for (const [organ, n] of byOrgan) target.set(organ, (target.get(organ) ?? 0) + n);
  }
  for (const [key, name] of part.organNames) into.organNames.set(key, name);
  for (const c of part.cases) {
    if (into.cases.length < REPORT_CASES) into.cases.push(c);
    else into.moreCases++;
  }
  into.moreCases += part.moreCases;
}
