/**
 * Compares builds of the library in one process, pass by pass (interleaved, so the load of a shared
 * machine falls on each alike): the compiled evaluator over 2,000 generated cases (seed 1, as of
 * 2023-12-31, examples/directory.json), CPU time per pass. Prints per build the best and the median
 * pass in cases/s and µs per case.
 *
 *   npx tsx scripts/bench/speedAB.ts [--no-trace] [--passes 15] dist-a/index.js dist-b/index.js ...
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generateCases } from '../../examples/audit/generate-cases.js';

const args = process.argv.slice(2);
const trace = !args.includes('--no-trace');
const passes = args.includes('--passes') ? Number(args[args.indexOf('--passes') + 1]) : 15;
const libs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--passes');
const directory = JSON.parse(readFileSync(new URL('../../examples/directory.json', import.meta.url), 'utf8'));
const cases = [...generateCases(2000, { seed: 1, until: '2023-12-31' })].map((l) => JSON.parse(l));
const options = { asOf: '2023-12-31', ...(trace ? {} : { trace: false }) };
const runs = await Promise.all(
  libs.map(async (lib) => {
    const { createEvaluator } = await import(pathToFileURL(lib).href);
    const evaluator = createEvaluator({ directory, evaluator: 'compiled' });
    for (let w = 0; w < 2; w++) for (const c of cases) evaluator.evaluateSync(c, options);
    return { lib, evaluator, us: [] as number[] };
  }),
);
for (let p = 0; p < passes; p++) {
  for (const run of runs) {
    const before = process.cpuUsage();
    for (const c of cases) run.evaluator.evaluateSync(c, options);
    const used = process.cpuUsage(before);
    run.us.push((used.user + used.system) / cases.length);
  }
}
for (const { lib, us } of runs) {
  us.sort((a, b) => a - b);
  const best = us[0]!;
  const median = us[Math.floor(us.length / 2)]!;
  console.log(`${lib} trace=${trace}: best ${Math.round(1e6 / best)} cases/s (${best.toFixed(1)} µs), median ${Math.round(1e6 / median)} cases/s (${median.toFixed(1)} µs)`);
}
