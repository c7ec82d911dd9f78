import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organ, PackData } from '../../src/index.js';
import { root } from './paths.js';
import { median } from './stats.js';

type Lib = typeof import('../../src/index.js');

/**
 * How load and evaluation grow with the size of the law and of the directory (issue 11 §5): at 10×
 * and 100× today's built-in rule count, an extra pack of rules that all yield one outcome id (so one
 * item merges them all: the merge was cubic), and at 10× and 100× today's organ count, a directory
 * with a chain of superiors that long (its validation was about n³). Each size is timed for
 * `createEvaluator` (load, validate, compile) and for one `evaluate` of the example case, medians of
 * a few runs in wall-clock and in CPU time, on both evaluators. The rule conditions and the organs are synthetic: only their number
 * matters here.
 */
export interface ScaleRow {
  /** What grows: the rules yielding one id, or the superior chain in the directory. */
  readonly what: 'rules' | 'organs';
  readonly factor: number;
  /** Rules in the evaluator (built-in and synthetic), or organs in the directory. */
  readonly count: number;
  readonly evaluator: 'json-rules-engine' | 'compiled';
  /** Wall-clock medians. */
  readonly loadMs: number;
  readonly evaluateMs: number;
  /** CPU-time medians of the process (user + system): steadier than wall clock on a busy machine. */
  readonly loadCpuMs: number;
  readonly evaluateCpuMs: number;
}

/** The example case, and the date it is assessed at in the README's tour. */
const exampleCase = JSON.parse(readFileSync(join(root, 'examples', 'cases', 'land-compensation-visit.json'), 'utf8')) as Record<string, unknown>;
const AS_OF = '2023-07-03';

/** A pack of `n` rules that all hold for the example case and all yield the guidance `elect-representatives`. */
function oneIdPack(n: number): PackData {
  return {
    manifest: { id: 'bench-scale', title: { en: 'Scale bench', zh: '规模基准' }, role: 'principles', inForce: { from: '2005-05-01', to: null } },
    parameters: { parameters: {} },
    rules: Array.from({ length: n }, (_, i) => ({
      id: `bench-scale.r${i}`,
      title: { en: `Synthetic rule ${i}`, zh: `合成规则 ${i}` },
      citations: ['op2007:6'],
      conditions: { all: [{ fact: 'case', path: 'petitioners', operator: 'greaterThanInclusive', value: 1 + (i % 5) }] },
      outcomes: [{ kind: 'guidance', id: 'elect-representatives' }],
    })),
  } as unknown as PackData;
}

/**
 * The directory with a chain of `n` offices under the handling organ, each the superior of the next;
 * the case is handled by the last one, so evaluation walks the chain too.
 */
function chainDirectory(directory: readonly Organ[], n: number): { directory: Organ[]; handlingOrgan: string } {
  const top = String(exampleCase.handlingOrgan);
  const chain = Array.from({ length: n }, (_, i) => ({ id: `bench-chain-${i}`, name: `Office ${i}`, nameZh: `科室 ${i}`, level: 'county', kind: 'department', region: '331121', superior: i === 0 ? top : `bench-chain-${i - 1}` }));
  return { directory: [...directory, ...(chain as Organ[])], handlingOrgan: `bench-chain-${n - 1}` };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function time(lib: Lib, kind: ScaleRow['evaluator'], options: { directory: Organ[]; packs?: PackData[] }, input: unknown, runs: number) {
  const load: number[] = [];
  const evaluate: number[] = [];
  const loadCpu: number[] = [];
  const evaluateCpu: number[] = [];
  let rules = 0;
  for (let r = 0; r < runs; r++) {
    let cpu = process.cpuUsage();
    const t0 = performance.now();
    const evaluator = lib.createEvaluator({ ...options, evaluator: kind });
    load.push(performance.now() - t0);
    loadCpu.push(cpuMs(cpu));
    rules = evaluator.rules.length;
    cpu = process.cpuUsage();
    const t1 = performance.now();
    if (kind === 'compiled') evaluator.evaluateSync(input, { asOf: AS_OF });
    else await evaluator.evaluate(input, { asOf: AS_OF });
    evaluate.push(performance.now() - t1);
    evaluateCpu.push(cpuMs(cpu));
  }
  return { loadMs: median(load), evaluateMs: median(evaluate), loadCpuMs: median(loadCpu), evaluateCpuMs: median(evaluateCpu), rules };
}

const pick = ({ loadMs, evaluateMs, loadCpuMs, evaluateCpuMs }: Pick<ScaleRow, 'loadMs' | 'evaluateMs' | 'loadCpuMs' | 'evaluateCpuMs'>) => ({ loadMs, evaluateMs, loadCpuMs, evaluateCpuMs });

/** Times load and evaluate at each factor of today's rule and organ counts, on both evaluators. */
export async function measureScale(lib: Lib, directory: readonly Organ[], factors: readonly number[], runs: number, log: (line: string) => void): Promise<{ today: { rules: number; organs: number }; rows: ScaleRow[] }> {
  const today = { rules: lib.createEvaluator({ directory: [...directory] }).rules.length, organs: directory.length };
  const rows: ScaleRow[] = [];
  for (const factor of factors) {
    const extra = factor * today.rules - today.rules;
    for (const kind of ['json-rules-engine', 'compiled'] as const) {
      log(`scale: ${(factor * today.rules).toLocaleString('en-US')} rules yielding one id, ${kind} …`);
      const t = await time(lib, kind, { directory: [...directory], packs: [oneIdPack(extra)] }, exampleCase, runs);
      rows.push({ what: 'rules', factor, count: t.rules, evaluator: kind, ...pick(t) });
    }
  }
  for (const factor of factors) {
    const { directory: chained, handlingOrgan } = chainDirectory(directory, factor * today.organs - today.organs);
    const input = { ...exampleCase, handlingOrgan, events: (exampleCase.events as Array<Record<string, unknown>>).map((e) => (e.by === exampleCase.handlingOrgan ? { ...e, by: handlingOrgan } : e.to === exampleCase.handlingOrgan ? { ...e, to: handlingOrgan } : e)) };
    for (const kind of ['json-rules-engine', 'compiled'] as const) {
      log(`scale: ${chained.length.toLocaleString('en-US')} organs in a superior chain, ${kind} …`);
      const t = await time(lib, kind, { directory: chained }, input, runs);
      rows.push({ what: 'organs', factor, count: chained.length, evaluator: kind, ...pick(t) });
    }
  }
  return { today, rows };
}

/** The rows as a Markdown table, for the README's "Performance" section. */
export function scaleTable(today: { rules: number; organs: number }, rows: readonly ScaleRow[]): string {
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
  const lines = ['| size | evaluator | `createEvaluator`: wall · CPU | one `evaluate`: wall · CPU |', '|---|---|---|---|'];
  for (const r of rows) {
    const what = r.what === 'rules' ? `${r.count.toLocaleString('en-US')} rules (${r.factor}× ${today.rules}), one outcome id` : `${r.count.toLocaleString('en-US')} organs (${r.factor}× ${today.organs}), a superior chain`;
    lines.push(`| ${what} | ${r.evaluator} | ${ms(r.loadMs)} · ${ms(r.loadCpuMs)} ms | ${ms(r.evaluateMs)} · ${ms(r.evaluateCpuMs)} ms |`);
  }
  return lines.join('\n');
}
