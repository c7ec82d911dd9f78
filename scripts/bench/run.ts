/**
 * `npm run bench [-- --cases N] [--rounds N] [--quick] [--seed N] [--threads N]` — the performance bench
 * (not part of `npm test`). Over cases from the seeded realistic generator (examples/audit/generate-cases.ts)
 * it measures, in one run, on the built package unless said otherwise:
 *
 * 1. cold start: a whole `node` process that imports the package, builds the compiled evaluator and
 *    assesses one case, spawn to exit, interleaved with an empty `node` process (coldStart.ts);
 * 2. `evaluate` throughput and per-call latency (p50, p99, p99.9) of json-rules-engine, and of the
 *    compiled evaluator's `evaluateSync` with and without the trace;
 * 3. the rule decisions alone, both runners on the same captured stages (ruleDecisions.ts, from the sources);
 * 4. the end-to-end audit, `node dist/cli.js audit FILE > /dev/null` on a generated NDJSON file
 *    (200,000 cases by default; `--cases 1000000` for the peak-RSS targets), compact records and full
 *    ones, each round followed by its parse-and-serialise floor (only `JSON.parse` of each line and
 *    `JSON.stringify` of its record, on as many worker threads), `--rounds` times, medians;
 * 5. scale: `createEvaluator` and one `evaluate` at 10× and 100× today's rule and organ counts (scale.ts).
 *
 * It prints one Markdown table (the table of docs/performance.md) with each target's PASS or MISS,
 * and writes every figure with the machine and the date to bench-results.json (not committed). What
 * a build lacks (the compiled evaluator, `--threads`, `--record`, `trace: false`) is skipped and said.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Organ } from '../../src/index.js';
import { benchOptions } from './args.js';
import { measureAudit, type AuditFigures } from './audit.js';
import { ensureBuilt } from './build.js';
import { cliFeatures } from './cliFeatures.js';
import { measureColdStart } from './coldStart.js';
import { corpusFile, corpusLines } from './corpus.js';
import { measureEvaluate, type EvaluateRun } from './evaluateThroughput.js';
import { measureFloor, type FloorFigures, type Serialiser } from './floor.js';
import { describeMachine, machine } from './machine.js';
import { AS_OF, directoryFile, distIndexUrl, resultsFile } from './paths.js';
import { table, targets, type AuditRound, type Figures } from './report.js';
import { measureRuleDecisions } from './ruleDecisions.js';
import { measureScale, scaleTable } from './scale.js';
import { median } from './stats.js';

type Lib = typeof import('../../src/index.js');

const log = (line: string) => process.stderr.write(`${line}\n`);
const options = benchOptions(process.argv.slice(2));
const notes: string[] = [];
const note = (line: string) => {
  notes.push(line);
  log(`note: ${line}`);
};

ensureBuilt(log);
const host = machine();
log(`machine: ${describeMachine(host)}`);

log(`cold start: ${options.startups} whole processes, each after an empty node …`);
const coldStart = measureColdStart(options.startups);

const lib = (await import(distIndexUrl)) as Lib;
const directory = JSON.parse(readFileSync(directoryFile, 'utf8')) as Organ[];
const lines = corpusLines(options.corpus, options.seed);
const cases = lines.map((l) => JSON.parse(l) as unknown);

log(`evaluate: json-rules-engine over ${options.corpus.toLocaleString('en-US')} cases …`);
const jre = await measureEvaluate(lib.createEvaluator({ directory }), cases, { minSeconds: 0, warmUp: Math.min(300, cases.length) });
const compiledEvaluator = lib.createEvaluator({ directory, evaluator: 'compiled' });
log(`evaluate: compiled, with the trace, repeated for ≥ ${options.minSeconds} s …`);
let compiled: EvaluateRun | undefined = await measureEvaluate(compiledEvaluator, cases, { minSeconds: options.minSeconds, warmUp: cases.length });
const same = jre.json.filter((j, i) => j === compiled!.json[i]).length;
if (same !== cases.length) note(`the evaluators disagree on ${cases.length - same} of ${cases.length} cases (assessments as JSON)`);
log('evaluate: compiled, without the trace …');
const untraced = await measureEvaluate(compiledEvaluator, cases, { minSeconds: options.minSeconds, warmUp: cases.length, trace: false });
if (untraced.figures.trace) note('this build has no evaluate option trace: false; the untraced figure is of traced calls');
for (const f of [jre.figures, compiled.figures]) if (f.rejected > 0) note(`${f.evaluator} rejected ${f.rejected} generated cases`);

log('rule decisions: both runners on the same stages (sources) …');
const decisions = await measureRuleDecisions(directory, cases, options.minSeconds);

const scale = await measureScale(lib, directory, [10, 100], options.quick ? 1 : 5, log);

const cli = cliFeatures();
if (!cli.threads) note('the CLI has no --threads (parallel audit) in this build: the audit runs on one thread');
if (!cli.record) note('the CLI has no --record in this build: only full records are audited');
const fullJson = JSON.stringify(compiled.assessments);
const compactJson = typeof (compiledEvaluator as { compact?: unknown }).compact === 'function' ? JSON.stringify(compiled.assessments.map((a) => compiledEvaluator.compact(a))) : undefined;
const recordBytes = {
  full: compiled.json.reduce((n, j) => n + Buffer.byteLength(j), 0) / compiled.json.length,
  compact: compactJson === undefined ? undefined : median(compiled.assessments.map((a) => Buffer.byteLength(JSON.stringify(compiledEvaluator.compact(a))))),
  fullMedian: median(compiled.json.map((j) => Buffer.byteLength(j))),
};
const compiledFigures = compiled.figures;
compiled = undefined; // the corpus' assessments are not needed past here
const serialisers: Record<'compact' | 'full', Serialiser | undefined> = {
  full: { kind: 'JSON.stringify', assessmentsJson: fullJson },
  compact: compactJson === undefined ? undefined : { kind: 'compact', compactJson },
};

const corpus = await corpusFile(options.cases, options.seed);
log(`audit: ${corpus.reused ? 'reusing' : `generated in ${(corpus.ms / 1000).toFixed(1)} s`} ${corpus.file}`);
const kinds = (cli.record ? ['compact', 'full'] : ['full']) as Array<'compact' | 'full'>;
const rounds: Record<'compact' | 'full', AuditRound[]> = { compact: [], full: [] };
for (let round = 1; round <= options.rounds; round++) {
  for (const record of kinds) {
    log(`audit round ${round}/${options.rounds}: --record ${record}${cli.threads ? ` --threads ${options.threads}` : ''} on ${options.cases.toLocaleString('en-US')} cases, then its floor …`);
    const audit: AuditFigures = await measureAudit(corpus.file, options.cases, { evaluator: 'compiled', ...(cli.threads ? { threads: options.threads } : {}), ...(cli.record ? { record } : {}) });
    const floor: FloorFigures = await measureFloor(lines, serialisers[record]!, options.threads, options.minSeconds);
    rounds[record].push({ audit, floor });
    if (audit.rejected > 0 && round === 1) note(`the audit rejected ${audit.rejected} generated cases`);
  }
}

const figures: Figures = {
  coldStart,
  evaluate: { jsonRulesEngine: jre.figures, compiled: compiledFigures },
  untraced: untraced.figures,
  decisions,
  rounds,
  recordBytes,
};
const judged = targets(figures);
const markdown = table(figures, judged);
const date = new Date().toISOString().slice(0, 10);
const inBytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / lines.length;

const out = [
  '',
  `Measured ${date} on ${describeMachine(host)}${options.quick ? ' (--quick: small numbers, not for the README)' : ''}.`,
  `Corpus: generated cases (seed ${options.seed}, as of ${AS_OF}), ${Math.round(inBytes)} bytes a case in; a full record ${(recordBytes.full / 1000).toFixed(1)} kB on average (median ${(recordBytes.fullMedian / 1000).toFixed(1)} kB), a compact one ${recordBytes.compact === undefined ? 'not available' : `${(recordBytes.compact / 1000).toFixed(2)} kB median`} (UTF-8; kB = 1,000 bytes).`,
  '',
  markdown,
  '',
  `Scale: \`createEvaluator\` and one \`evaluate\` of examples/cases/land-compensation-visit.json, medians of ${options.quick ? 1 : 5} runs:`,
  '',
  scaleTable(scale.today, scale.rows),
  '',
  ...(notes.length > 0 ? ['Notes:', ...notes.map((n) => `- ${n}`), ''] : []),
];
console.log(out.join('\n'));
writeFileSync(resultsFile, `${JSON.stringify({ date, machine: host, options, asOf: AS_OF, corpus: { inBytesPerCase: inBytes, recordBytes }, figures, scale, targets: judged, notes, table: markdown }, null, 2)}\n`);
log(`wrote ${resultsFile}`);
