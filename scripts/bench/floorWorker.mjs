/**
 * One thread of the parse-and-serialise floor (scripts/bench/floor.ts): JSON.parse of each input line
 * and the serialising of its output record `{"line": n, "assessment": …}` (or `{"line": n, "compact": …}`)
 * plus the newline — what any audit must do at the least — over the corpus, repeated until the time is
 * up. The record is written by `JSON.stringify` (assessments or compact records given as JSON, parsed
 * here once), or by the evaluator's own
 * `stringify` (assessments made here once by the built package's compiled evaluator, so they share
 * the law's frozen parts as the audit's do). Plain JavaScript: the worker needs no TypeScript loader.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { lines, seconds, serialiser } = workerData;
const n = lines.length;
let assessments;
let record;
if (serialiser.kind === 'JSON.stringify') {
  assessments = JSON.parse(serialiser.assessmentsJson);
  record = (line, assessment) => `${JSON.stringify({ line, assessment })}\n`;
} else if (serialiser.kind === 'compact') {
  assessments = JSON.parse(serialiser.compactJson);
  record = (line, compact) => `${JSON.stringify({ line, compact })}\n`;
} else {
  const lib = await import(serialiser.distIndexUrl);
  const directory = JSON.parse(readFileSync(serialiser.directoryFile, 'utf8'));
  const evaluator = lib.createEvaluator({ directory, evaluator: 'compiled' });
  assessments = lines.map((l) => evaluator.evaluateSync(JSON.parse(l), { asOf: serialiser.asOf }));
  record = (line, assessment) => `{"line":${line},"assessment":${evaluator.stringify(assessment)}}\n`;
}

parentPort.once('message', () => {
  let done = 0;
  let bytes = 0;
  let ids = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  do {
    for (let k = 0; k < 64; k++) {
      const i = done % n;
      if (JSON.parse(lines[i]).id !== undefined) ids++;
      bytes += record(done + 1, assessments[i]).length;
      done++;
    }
  } while (performance.now() < end);
  parentPort.postMessage({ done, ms: performance.now() - started, bytes, ids });
});
parentPort.postMessage('ready');
