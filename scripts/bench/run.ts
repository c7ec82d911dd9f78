/**
 * `npm run bench [-- --cases N] [--quick] [--seed N] [--threads N]` — the performance bench (not part
 * of `npm test`). Over cases from the seeded realistic generator (examples/audit/generate-cases.ts) it
 * measures, in one run on the built package:
 *
 * 1. start-up: `createEvaluator()` (load and validate all packs) in fresh processes, median;
 * 2. `evaluate` throughput and per-call p50/p99 latency of each evaluator on the same corpus
 *    (json-rules-engine once over it, compiled repeated over it for at least 2 s);
 * 3. the parse-and-serialise floor: only `JSON.parse` of each input line and `JSON.stringify` of its
 *    output record, on one thread and on all cores — the floor no audit can beat;
 * 4. the end-to-end audit: `node dist/cli.js audit FILE > /dev/null` on a generated NDJSON file
 *    (200,000 cases by default; `--cases 1000000` for the peak-RSS target), cases/s and peak RSS;
 * 5. scale: `createEvaluator` and one `evaluate` at 10× and 100× today's rule count (rules yielding
 *    one outcome id) and organ count (a chain of superiors), on both evaluators (scale.ts).
 *
 * It prints one Markdown table (the table of docs/performance.md) with each target's PASS or MISS,
 * and writes every figure with the machine and the date to bench-results.json (not committed). Where
 * the build lacks the compiled evaluator or the CLI lacks `--evaluator`/`--threads`, it runs what there
 * is and says what it could not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Organ } from '../../src/index.js';
import { benchOptions } from './args.js';
import { measureAudit, type AuditFigures } from './audit.js';
import { ensureBuilt } from './build.js';
import { cliFeatures } from './cliFeatures.js';
import { corpusFile, corpusLines } from './corpus.js';
import { measureEvaluate, type EvaluateRun } from './evaluateThroughput.js';
import { measureFloor, type Serialiser } from './floor.js';
import { describeMachine, machine } from './machine.js';
import { AS_OF, directoryFile, distIndexUrl, resultsFile } from './paths.js';
import { table, targets, type Figures } from './report.js';
import { measureScale, scaleTable } from './scale.js';
import { measureStartup } from './startup.js';

type Lib = typeof import('../../src/index.js');

/** Cases a json-rules-engine audit gets when the compiled one cannot run (it is ~100× slower). */
const FALLBACK_AUDIT_CASES = 5_000;

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

log(`start-up: createEvaluator() in ${options.startups} fresh processes per evaluator …`);
const startJre = measureStartup('json-rules-engine', options.startups);
if (!startJre) throw new Error('the built package has no json-rules-engine evaluator');
const startCompiled = measureStartup('compiled', options.startups);
if (!startCompiled) note('the compiled evaluator is not available in this build (createEvaluator({ evaluator: "compiled" }), evaluateSync): its rows are skipped');

const lib = (await import(distIndexUrl)) as Lib;
const directory = JSON.parse(readFileSync(directoryFile, 'utf8')) as Organ[];
const lines = corpusLines(options.corpus, options.seed);
const cases = lines.map((l) => JSON.parse(l) as unknown);

log(`evaluate: json-rules-engine over ${options.corpus.toLocaleString('en-US')} cases …`);
let jre: EvaluateRun | undefined = await measureEvaluate(lib.createEvaluator({ directory }), cases, { minSeconds: 0, warmUp: Math.min(300, cases.length) });
let compiled: EvaluateRun | undefined;
const compiledEvaluator = lib.createEvaluator({ directory, evaluator: 'compiled' });
if (compiledEvaluator.kind === 'compiled') {
  log(`evaluate: compiled over the same cases, repeated for ≥ ${options.minSeconds} s …`);
  compiled = await measureEvaluate(compiledEvaluator, cases, { minSeconds: options.minSeconds, warmUp: cases.length });
  const same = jre.json.filter((j, i) => j === compiled!.json[i]).length;
  if (same !== cases.length) note(`the evaluators disagree on ${cases.length - same} of ${cases.length} cases (assessments as JSON)`);
}
const evaluateFigures = { jsonRulesEngine: jre.figures, compiled: compiled?.figures };
for (const f of [evaluateFigures.jsonRulesEngine, evaluateFigures.compiled]) if (f && f.rejected > 0) note(`${f.evaluator} rejected ${f.rejected} generated cases`);

const scale = await measureScale(lib, directory, [10, 100], options.quick ? 1 : 5, log);

log('floor: JSON.parse + JSON.stringify only, 1 thread and all cores …');
const plain: Serialiser = { kind: 'JSON.stringify', assessmentsJson: JSON.stringify((compiled ?? jre).assessments) };
const hasStringify = compiled !== undefined && typeof (compiledEvaluator as Partial<typeof compiledEvaluator>).stringify === 'function';
jre = compiled = undefined; // free the corpus' assessments before the audits
const floor: Figures['floor'] = {
  oneThread: await measureFloor(lines, plain, 1, options.minSeconds),
  allCores: await measureFloor(lines, plain, options.threads, options.minSeconds),
};
if (hasStringify) {
  log('floor: the same with evaluator.stringify …');
  const own: Serialiser = { kind: 'evaluator.stringify', distIndexUrl, directoryFile, asOf: AS_OF };
  floor.evaluatorStringify = { oneThread: await measureFloor(lines, own, 1, options.minSeconds), allCores: await measureFloor(lines, own, options.threads, options.minSeconds) };
}

const cli = cliFeatures();
if (!cli.threads) note('the CLI has no --threads (parallel audit) in this build: the audit runs on one thread');
const auditEvaluator = startCompiled && cli.evaluator ? 'compiled' : undefined;
let auditCases = options.cases;
if (!auditEvaluator) {
  auditCases = Math.min(options.cases, FALLBACK_AUDIT_CASES);
  note(`${cli.evaluator ? 'no compiled evaluator' : 'the CLI has no --evaluator'} in this build: the audit runs json-rules-engine on ${auditCases.toLocaleString('en-US')} cases; its targets are not judged`);
}
const corpus = await corpusFile(auditCases, options.seed);
log(`audit: ${corpus.reused ? 'reusing' : `generated in ${(corpus.ms / 1000).toFixed(1)} s`} ${corpus.file}`);
const auditOptions = { ...(auditEvaluator ? { evaluator: auditEvaluator } : {}), ...(cli.threads ? { threads: options.threads } : {}) };
log(`audit: node dist/cli.js audit … ${auditEvaluator ? `--evaluator ${auditEvaluator} ` : ''}${cli.threads ? `--threads ${options.threads} ` : ''}> /dev/null …`);
const audit = await measureAudit(corpus.file, auditCases, auditOptions);
let auditOneThread: AuditFigures | undefined;
if (cli.threads && options.threads > 1) {
  log('audit: the same on 1 thread …');
  auditOneThread = await measureAudit(corpus.file, auditCases, { ...auditOptions, threads: 1 });
}
if (audit.rejected > 0) note(`the audit rejected ${audit.rejected} generated cases`);

const figures: Figures = {
  startup: { jsonRulesEngine: startJre, compiled: startCompiled },
  evaluate: evaluateFigures,
  floor,
  audit,
  auditOneThread,
};
const judged = targets(figures);
const markdown = table(figures, judged);
const date = new Date().toISOString().slice(0, 10);
const inBytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / lines.length;

const out = [
  '',
  `Measured ${date} on ${describeMachine(host)}${options.quick ? ' (--quick: small numbers, not for the README)' : ''}.`,
  `Corpus: generated cases (seed ${options.seed}, as of ${AS_OF}), ${Math.round(inBytes)} bytes a case in, ${(floor.oneThread.recordBytes / 1024).toFixed(1)} kB a record out.`,
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
writeFileSync(
  resultsFile,
  `${JSON.stringify({ date, machine: host, options, asOf: AS_OF, corpus: { inBytesPerCase: inBytes, recordBytes: floor.oneThread.recordBytes }, figures, scale, targets: judged, notes, table: markdown }, null, 2)}\n`,
);
log(`wrote ${resultsFile}`);
