import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { directoryFile, distIndexUrl, root } from './paths.js';
import { median } from './stats.js';

/** A cold start as a whole process, against an empty Node process on the same machine, in milliseconds (medians). */
export interface ColdStart {
  readonly runs: number;
  /** `node` that imports the package, builds the compiled evaluator with the directory and assesses one case, then exits: spawn to exit. */
  readonly processMs: number;
  /** `node -e ""`: what Node itself costs to start and stop, spawn to exit. */
  readonly emptyNodeMs: number;
  /** Inside the first: the import of the package, `createEvaluator`, and the first `evaluateSync`. */
  readonly importMs: number;
  readonly createMs: number;
  readonly firstEvaluateMs: number;
}

const CHILD = `
import { readFileSync } from 'node:fs';
const [url, directoryFile, caseFile] = process.argv.slice(1);
const t0 = performance.now();
const lib = await import(url);
const t1 = performance.now();
const evaluator = lib.createEvaluator({ directory: JSON.parse(readFileSync(directoryFile, 'utf8')), evaluator: 'compiled' });
const t2 = performance.now();
evaluator.evaluateSync(JSON.parse(readFileSync(caseFile, 'utf8')), { asOf: '2023-12-31' });
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstEvaluateMs: t3 - t2 }));
`;

const caseFile = join(root, 'examples', 'cases', 'land-compensation-visit.json');

/**
 * Times `runs` cold starts of a whole process — import, `createEvaluator`, one `evaluateSync`, exit —
 * from spawn to exit, each right after an empty Node process timed the same way (interleaved, so both
 * see the same machine), and keeps the medians.
 */
export function measureColdStart(runs: number): ColdStart {
  const empty: number[] = [];
  const whole: number[] = [];
  const parts: Array<{ importMs: number; createMs: number; firstEvaluateMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    empty.push(performance.now() - t);
    t = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, distIndexUrl, directoryFile, caseFile], { encoding: 'utf8' });
    whole.push(performance.now() - t);
    parts.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  return {
    runs,
    processMs: median(whole),
    emptyNodeMs: median(empty),
    importMs: median(parts.map((p) => p.importMs)),
    createMs: median(parts.map((p) => p.createMs)),
    firstEvaluateMs: median(parts.map((p) => p.firstEvaluateMs)),
  };
}
