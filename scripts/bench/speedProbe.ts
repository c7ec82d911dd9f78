/**
 * A quick probe of the compiled evaluator's throughput, for measuring one change at a time: 2,000
 * generated cases (seed 1, as of 2023-12-31, examples/directory.json), passes repeated, CPU time per
 * pass via process.cpuUsage, the median pass kept (the machine is shared). Latency percentiles are of
 * wall time per call over every pass.
 *
 *   npx tsx scripts/bench/speedProbe.ts [--no-trace] [--passes 9] [--lib ./dist/index.js]
 *
 * `--lib` measures a build instead of the sources.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generateCases } from '../../examples/audit/generate-cases.js';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const trace = !args.includes('--no-trace');
const passes = Number(flag('--passes') ?? 9);
const lib = flag('--lib');
const { createEvaluator } = (lib ? await import(pathToFileURL(lib).href) : await import('../../src/index.js')) as typeof import('../../src/index.js');
const directory = JSON.parse(readFileSync(new URL('../../examples/directory.json', import.meta.url), 'utf8'));
const cases = [...generateCases(2000, { seed: 1, until: '2023-12-31' })].map((l) => JSON.parse(l));
const evaluator = createEvaluator({ directory, evaluator: 'compiled' });
const options = { asOf: '2023-12-31', ...(trace ? {} : { trace: false }) };
for (let w = 0; w < 2; w++) for (const c of cases) evaluator.evaluateSync(c, options);
const rates: number[] = [];
const latencies: number[] = [];
for (let p = 0; p < passes; p++) {
  const before = process.cpuUsage();
  for (const c of cases) {
    const t = performance.now();
    evaluator.evaluateSync(c, options);
    latencies.push(performance.now() - t);
  }
  const used = process.cpuUsage(before);
  rates.push(cases.length / ((used.user + used.system) / 1e6));
}
rates.sort((a, b) => a - b);
latencies.sort((a, b) => a - b);
const q = (p: number) => +(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 1000).toFixed(1);
const median = rates[Math.floor(rates.length / 2)]!;
console.log(JSON.stringify({ lib: lib ?? 'src', trace, passes, casesPerSecCpu: Math.round(median), usPerCase: +(1e6 / median).toFixed(1), min: Math.round(rates[0]!), max: Math.round(rates.at(-1)!), p50us: q(0.5), p99us: q(0.99), p999us: q(0.999) }));
