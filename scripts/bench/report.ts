import type { AuditFigures } from './audit.js';
import type { ColdStart } from './coldStart.js';
import type { EvaluateFigures } from './evaluateThroughput.js';
import type { FloorFigures } from './floor.js';
import type { RuleDecisions } from './ruleDecisions.js';
import { median } from './stats.js';

/** One audit and the parse-and-serialise floor of the same records, measured right after it. */
export interface AuditRound {
  readonly audit: AuditFigures;
  readonly floor: FloorFigures;
}

/** Everything one bench run measured. */
export interface Figures {
  readonly coldStart: ColdStart;
  readonly evaluate: { readonly jsonRulesEngine: EvaluateFigures; readonly compiled: EvaluateFigures };
  /** The compiled evaluator with `trace: false`. */
  readonly untraced: EvaluateFigures;
  readonly decisions: RuleDecisions;
  /** The audit rounds per record kind (none for compact where the CLI lacks `--record`). */
  readonly rounds: { readonly compact: readonly AuditRound[]; readonly full: readonly AuditRound[] };
  readonly recordBytes: { readonly full: number; readonly fullMedian: number; readonly compact: number | undefined };
}

export type Status = 'PASS' | 'MISS' | 'n/a';

/** One target of the issue, with the figure it is judged on. */
export interface Target {
  readonly id: string;
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly status: Status;
}

const MB = 2 ** 20;
const MILLION = 1_000_000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
const judge = (ok: boolean | undefined): Status => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');

/** Medians of a record kind's rounds: cases/s, floor records/s, their ratio (per round, then the median), the largest peak RSS. */
function summary(rounds: readonly AuditRound[]) {
  if (rounds.length === 0) return undefined;
  const rss = rounds.map((r) => r.audit.peakRssBytes).filter((x): x is number => x !== undefined);
  return {
    cases: rounds[0]!.audit.cases,
    threads: rounds[0]!.audit.threads,
    casesPerSecond: median(rounds.map((r) => r.audit.casesPerSecond)),
    floor: median(rounds.map((r) => r.floor.recordsPerSecond)),
    share: median(rounds.map((r) => r.audit.casesPerSecond / r.floor.recordsPerSecond)),
    peakRss: rss.length > 0 ? Math.max(...rss) : undefined,
    rounds: rounds.length,
  };
}

/** The targets, each judged on this run's figures (ratios on figures of the same run). */
export function targets(f: Figures): Target[] {
  const jre = f.evaluate.jsonRulesEngine;
  const c = f.evaluate.compiled;
  const compact = summary(f.rounds.compact);
  const full = summary(f.rounds.full);
  const threads = (s: NonNullable<ReturnType<typeof summary>>) => `${s.threads ?? 1} thread${s.threads === 1 ? '' : 's'}, ${int(s.cases)} cases, median of ${s.rounds}`;
  const rss = (s: ReturnType<typeof summary>, limitMb: number): Pick<Target, 'measured' | 'status'> =>
    s?.peakRss === undefined
      ? { measured: 'not measured', status: 'n/a' }
      : { measured: `${int(s.peakRss / MB)} MB at ${int(s.cases)} cases`, status: s.cases < MILLION ? 'n/a' : judge(s.peakRss <= limitMb * MB) };
  return [
    {
      id: 'compact-audit',
      what: compact ? `audit, compact records, end to end (${threads(compact)})` : 'audit, compact records',
      target: '≥ 30,000 cases/s',
      measured: compact ? `${int(compact.casesPerSecond)} cases/s` : 'no --record in this build',
      status: judge(compact ? compact.casesPerSecond >= 30_000 : undefined),
    },
    {
      id: 'compact-vs-floor',
      what: 'the same ÷ its parse-and-serialise floor (compact records, same threads), per round',
      target: '≥ 0.4 × floor',
      measured: compact ? `${compact.share.toFixed(2)} × ${int(compact.floor)} records/s` : 'not available',
      status: judge(compact ? compact.share >= 0.4 : undefined),
    },
    {
      id: 'full-audit',
      what: full ? `audit, full records with the trace, end to end (${threads(full)})` : 'audit, full records',
      target: '≥ 10,000 cases/s',
      measured: full ? `${int(full.casesPerSecond)} cases/s` : 'not run',
      status: judge(full ? full.casesPerSecond >= 10_000 : undefined),
    },
    {
      id: 'full-vs-floor',
      what: 'the same ÷ its parse-and-serialise floor (full records, same threads), per round',
      target: '≥ 0.5 × floor',
      measured: full ? `${full.share.toFixed(2)} × ${int(full.floor)} records/s` : 'not available',
      status: judge(full ? full.share >= 0.5 : undefined),
    },
    {
      id: 'evaluate-trace',
      what: `\`evaluateSync\`, compiled, with the trace, 1 thread (${int(c.cases)} cases × ${int(c.calls / c.cases)})`,
      target: '≥ 15,000 cases/s',
      measured: `${int(c.casesPerSecond)} cases/s`,
      status: judge(c.casesPerSecond >= 15_000),
    },
    {
      id: 'evaluate-no-trace',
      what: '`evaluateSync`, compiled, `trace: false`, 1 thread',
      target: '≥ 30,000 cases/s',
      measured: `${int(f.untraced.casesPerSecond)} cases/s${f.untraced.trace ? ' (no trace: false in this build)' : ''}`,
      status: judge(f.untraced.trace ? undefined : f.untraced.casesPerSecond >= 30_000),
    },
    {
      id: 'rule-decisions',
      what: `rule decisions alone (which rules fire, with their traces), per case: compiled ${us(f.decisions.compiledUs / 1000)} · json-rules-engine ${us(f.decisions.jsonRulesEngineUs / 1000)}`,
      target: '≥ 100× json-rules-engine',
      measured: `${int(f.decisions.jsonRulesEngineUs / f.decisions.compiledUs)}×`,
      status: judge(f.decisions.jsonRulesEngineUs / f.decisions.compiledUs >= 100),
    },
    {
      id: 'whole-call',
      what: `whole calls: \`evaluateSync\` compiled ÷ \`evaluate\` json-rules-engine (${int(jre.casesPerSecond)} cases/s, p99 ${us(jre.p99Ms)})`,
      target: '≥ 25×',
      measured: `${int(c.casesPerSecond / jre.casesPerSecond)}×`,
      status: judge(c.casesPerSecond / jre.casesPerSecond >= 25),
    },
    {
      id: 'p99',
      what: `warm latency of \`evaluateSync\` with the trace (p50 ${us(c.p50Ms)})`,
      target: 'p99 ≤ 150 µs',
      measured: `p99 ${us(c.p99Ms)}`,
      status: judge(c.p99Ms <= 0.15),
    },
    { id: 'p999', what: 'the same', target: 'p99.9 ≤ 1 ms', measured: `p99.9 ${us(c.p999Ms)}`, status: judge(c.p999Ms <= 1) },
    {
      id: 'cold-start',
      what: `cold start, a whole process: import ${Math.round(f.coldStart.importMs)} ms + \`createEvaluator\` ${Math.round(f.coldStart.createMs)} ms + first \`evaluateSync\` ${Math.round(f.coldStart.firstEvaluateMs)} ms, and Node (an empty process: ${Math.round(f.coldStart.emptyNodeMs)} ms), median of ${f.coldStart.runs}`,
      target: '≤ 250 ms',
      measured: `${Math.round(f.coldStart.processMs)} ms`,
      status: judge(f.coldStart.processMs <= 250),
    },
    { id: 'rss-full', what: 'peak RSS of the full-record audit (the whole process, worker threads included)', target: `≤ 256 MB at ${int(MILLION)}`, ...rss(full, 256) },
    { id: 'rss-compact', what: 'peak RSS of the compact-record audit', target: `≤ 160 MB at ${int(MILLION)}`, ...rss(compact, 160) },
  ];
}

/**
 * The one table of docs/performance.md: each target with what it measures, the figure, and PASS or
 * MISS (n/a where this run cannot judge it: a feature the build lacks, or a peak RSS of a run shorter
 * than a million cases).
 */
export function table(_f: Figures, t: readonly Target[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return ['| measurement | figure | target | |', '|---|---|---|---|', ...t.map((x) => `| ${[x.what, x.measured, x.target, x.status].map(cell).join(' | ')} |`)].join('\n');
}
