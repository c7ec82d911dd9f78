import { execFileSync } from 'node:child_process';
import { directoryFile, distIndexUrl } from './paths.js';
import { median } from './stats.js';

/** Start-up of one evaluator kind: medians over fresh processes, in milliseconds. */
export interface Startup {
  readonly evaluator: string;
  readonly runs: number;
  /** `createEvaluator()`: load and validate every pack, the policy and the directory (the target). */
  readonly createMs: number;
  /** `import` of the built package before it. */
  readonly importMs: number;
  /** From the process's start to an evaluator ready to use (Node's own boot included). */
  readonly readyMs: number;
}

/** Run by each fresh process: import the built package, then time createEvaluator() alone. */
const CHILD = `
import { readFileSync } from 'node:fs';
const [url, directoryFile, kind] = process.argv.slice(1);
const t0 = performance.now();
const lib = await import(url);
const t1 = performance.now();
const directory = JSON.parse(readFileSync(directoryFile, 'utf8'));
const t2 = performance.now();
const evaluator = lib.createEvaluator({ directory, evaluator: kind });
const t3 = performance.now();
console.log(JSON.stringify({ kind: evaluator.kind ?? 'json-rules-engine', importMs: t1 - t0, createMs: t3 - t2, readyMs: t3 }));
`;

/**
 * Times `createEvaluator()` in `runs` fresh Node processes (nothing cached between them but the OS's
 * file cache) and keeps the medians. Returns undefined when the build has no such evaluator kind.
 */
export function measureStartup(kind: string, runs: number): Startup | undefined {
  const samples: Array<{ kind: string; importMs: number; createMs: number; readyMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, distIndexUrl, directoryFile, kind], { encoding: 'utf8' });
    samples.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  if (samples[0]!.kind !== kind) return undefined;
  return {
    evaluator: kind,
    runs,
    createMs: median(samples.map((s) => s.createMs)),
    importMs: median(samples.map((s) => s.importMs)),
    readyMs: median(samples.map((s) => s.readyMs)),
  };
}
