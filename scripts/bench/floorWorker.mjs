/**
 * One thread of the parse-and-serialise floor (scripts/bench/floor.ts): JSON.parse of each input line
 * and JSON.stringify of its output record `{"line": n, "assessment": …}` plus the newline — what any
 * audit must do at the least — over the corpus, repeated until the time is up. Plain JavaScript, so the
 * worker needs no TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { lines, assessments: json, seconds } = workerData;
const assessments = JSON.parse(json);
const n = lines.length;

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
      bytes += `${JSON.stringify({ line: done + 1, assessment: assessments[i] })}\n`.length;
      done++;
    }
  } while (performance.now() < end);
  parentPort.postMessage({ done, ms: performance.now() - started, bytes, ids });
});
parentPort.postMessage('ready');
