import type { AuditFigures } from './audit.js';
import type { EvaluateFigures } from './evaluateThroughput.js';
import type { FloorFigures } from './floor.js';
import type { Startup } from './startup.js';

/** Everything one bench run measured; undefined where the build could not run it. */
export interface Figures {
  readonly startup: { readonly jsonRulesEngine: Startup; readonly compiled: Startup | undefined };
  readonly evaluate: { readonly jsonRulesEngine: EvaluateFigures; readonly compiled: EvaluateFigures | undefined };
  /** The floor with `JSON.stringify` (judged), and with the evaluator's own `stringify` where the build has it. */
  readonly floor: {
    readonly oneThread: FloorFigures;
    readonly allCores: FloorFigures;
    evaluatorStringify?: { readonly oneThread: FloorFigures; readonly allCores: FloorFigures };
  };
  /** The audit the targets are judged on (compiled, all threads, where the build offers them). */
  readonly audit: AuditFigures;
  /** The same audit on one thread, where the CLI has `--threads`. */
  readonly auditOneThread: AuditFigures | undefined;
}

export type Status = 'PASS' | 'MISS' | 'n/a';

/** One target of the issue, with the figure it is judged on. */
export interface Target {
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  readonly status: Status;
}

const MB = 2 ** 20;
const MILLION = 1_000_000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(0));
const judge = (ok: boolean | undefined): Status => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
const threadsOf = (a: AuditFigures) => (a.threads === undefined ? 'no --threads' : `${a.threads} thread${a.threads === 1 ? '' : 's'}`);
const rss = (a: AuditFigures) => (a.peakRssBytes === undefined ? 'unknown' : `${int(a.peakRssBytes / MB)} MB`);

/** The issue's targets, each judged on this run's figures (ratios on figures of the same run). */
export function targets(f: Figures): Target[] {
  const jre = f.evaluate.jsonRulesEngine;
  const compiled = f.evaluate.compiled;
  const compiledAudit = f.audit.evaluator === 'compiled';
  const share = f.audit.casesPerSecond / f.floor.allCores.recordsPerSecond;
  const startups = [f.startup.jsonRulesEngine, f.startup.compiled].filter((s): s is Startup => s !== undefined);
  const slowest = Math.max(...startups.map((s) => s.createMs));
  return [
    {
      id: 'audit-throughput',
      target: '≥ 50,000 cases/s',
      measured: `${int(f.audit.casesPerSecond)} cases/s`,
      status: judge(compiledAudit ? f.audit.casesPerSecond >= 50_000 : undefined),
    },
    {
      id: 'audit-vs-floor',
      target: '≥ 0.25 × floor (all cores)',
      measured: `${share.toFixed(2)} × ${int(f.floor.allCores.recordsPerSecond)} records/s`,
      status: judge(compiledAudit ? share >= 0.25 : undefined),
    },
    {
      id: 'compiled-speedup',
      target: '≥ 100× json-rules-engine',
      measured: compiled ? `${int(compiled.casesPerSecond / jre.casesPerSecond)}×` : 'not available',
      status: judge(compiled ? compiled.casesPerSecond / jre.casesPerSecond >= 100 : undefined),
    },
    {
      id: 'p99-compiled',
      target: 'p99 ≤ 1 ms',
      measured: compiled ? `${ms(compiled.p99Ms)} ms` : 'not available',
      status: judge(compiled ? compiled.p99Ms <= 1 : undefined),
    },
    { id: 'p99-json-rules-engine', target: 'p99 ≤ 5 ms', measured: `${ms(jre.p99Ms)} ms`, status: judge(jre.p99Ms <= 5) },
    {
      id: 'peak-rss',
      target: `≤ 256 MB at ${int(MILLION)} cases`,
      measured: `${rss(f.audit)} at ${int(f.audit.cases)} cases`,
      // Judged on the million-case run only; a smaller run's figure is shown but not judged.
      status: judge(f.audit.peakRssBytes === undefined || f.audit.cases < MILLION || !compiledAudit ? undefined : f.audit.peakRssBytes <= 256 * MB),
    },
    { id: 'startup', target: '≤ 150 ms', measured: `${ms(slowest)} ms`, status: judge(slowest <= 150) },
  ];
}

/**
 * The one table of docs/performance.md: each measurement with its figure, and the target it is judged against with
 * PASS or MISS (n/a where this run cannot judge it: an evaluator the build lacks, or the peak RSS of a
 * run shorter than a million cases).
 */
export function table(f: Figures, t: readonly Target[]): string {
  const status = new Map(t.map((x) => [x.id, x]));
  const judged = (id: string) => [status.get(id)!.target, status.get(id)!.status] as const;
  const jre = f.evaluate.jsonRulesEngine;
  const compiled = f.evaluate.compiled;
  const { jsonRulesEngine: startJre, compiled: startCompiled } = f.startup;
  const rows: Array<readonly [string, string, string, string]> = [
    [
      `start-up: \`createEvaluator()\` (load and validate all packs), median of ${startJre.runs} fresh processes`,
      `${ms(startJre.createMs)} ms json-rules-engine${startCompiled ? ` · ${ms(startCompiled.createMs)} ms compiled` : ''} (import ${ms(startJre.importMs)} ms before it)`,
      ...judged('startup'),
    ],
    [`\`evaluate\`, json-rules-engine: ${int(jre.cases)} cases once`, `${int(jre.casesPerSecond)} cases/s · p50 ${ms(jre.p50Ms)} ms · p99 ${ms(jre.p99Ms)} ms`, ...judged('p99-json-rules-engine')],
    compiled
      ? [`\`evaluateSync\`, compiled: the same cases × ${int(compiled.calls / compiled.cases)}`, `${int(compiled.casesPerSecond)} cases/s · p50 ${ms(compiled.p50Ms)} ms · p99 ${ms(compiled.p99Ms)} ms`, ...judged('p99-compiled')]
      : ['compiled evaluator', 'not available in this build', ...judged('p99-compiled')],
    ['compiled ÷ json-rules-engine, same corpus', status.get('compiled-speedup')!.measured, ...judged('compiled-speedup')],
    [
      `audit NDJSON → NDJSON, full assessments (trace included), ${f.audit.evaluator}, ${threadsOf(f.audit)}: ${int(f.audit.cases)} cases`,
      `${int(f.audit.casesPerSecond)} cases/s (${f.audit.seconds.toFixed(1)} s, start-up included)`,
      ...judged('audit-throughput'),
    ],
    ['the same audit ÷ the parse-and-serialise floor on all cores', status.get('audit-vs-floor')!.measured, ...judged('audit-vs-floor')],
    [`audit peak RSS (${threadsOf(f.audit)}, worker threads included)`, status.get('peak-rss')!.measured, ...judged('peak-rss')],
  ];
  if (f.auditOneThread) {
    const a = f.auditOneThread;
    rows.push([`audit, ${a.evaluator}, 1 thread: ${int(a.cases)} cases`, `${int(a.casesPerSecond)} cases/s · peak RSS ${rss(a)}`, '', '']);
  }
  const own = f.floor.evaluatorStringify;
  const floorRow = (which: 'oneThread' | 'allCores') =>
    `${int(f.floor[which].recordsPerSecond)} records/s${own ? ` · with \`evaluator.stringify\`: ${int(own[which].recordsPerSecond)}` : ''}`;
  rows.push(
    [`floor: \`JSON.parse\` of each line + \`JSON.stringify\` of its record (${(f.floor.oneThread.recordBytes / 1024).toFixed(1)} kB) only, 1 thread`, floorRow('oneThread'), '', ''],
    [`floor on all cores (${f.floor.allCores.threads} worker threads)`, floorRow('allCores'), '', ''],
  );
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| measurement | figure | target | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
