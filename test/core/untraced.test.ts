import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCases as generateAuditCases } from '../../examples/audit/generate-cases.js';
import type { Evaluator } from '../../src/evaluate/createEvaluator.js';
import { createEvaluator } from '../../src/node/createEvaluator.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { scenarioOptions, scenarioSets } from '../scenarioSets.js';
import { fixtureDirectory, generateCases } from './generateCases.js';

/**
 * `trace: false` leaves out the trace and nothing else: on both evaluators, over every scenario and
 * generated cases (valid and invalid), the untraced assessment's JSON is the traced one's with
 * `trace: []`, receipt included, and a refused case is refused with the same problems.
 */

async function both(evaluator: Evaluator, input: unknown, asOf: string, receipt = false): Promise<[string, string]> {
  const run = async (trace: boolean) => {
    try {
      const options = { asOf, trace, receipt };
      const a = evaluator.kind === 'compiled' ? evaluator.evaluateSync(input, options) : await evaluator.evaluate(input, options);
      if (evaluator.stringify(a) !== JSON.stringify(a)) return 'stringify differs from JSON.stringify';
      return JSON.stringify(trace ? { ...a, trace: [] } : a);
    } catch (error) {
      const e = error as Error & { issues?: unknown };
      return `${e.name}: ${e.message} ${JSON.stringify(e.issues ?? null)}`;
    }
  };
  return [await run(true), await run(false)];
}

const kinds = ['json-rules-engine', 'compiled'] as const;
const repo = join(import.meta.dirname, '..', '..');

describe('an assessment without its trace', () => {
  it('is the traced assessment with trace [] for every scenario, on both evaluators', async () => {
    let compared = 0;
    const differing: string[] = [];
    for (const set of scenarioSets) {
      for (const s of loadScenarioDir(set.dir)) {
        const options = scenarioOptions(s, set.options);
        for (const evaluator of kinds) {
          const [traced, untraced] = await both(createEvaluator({ ...options, evaluator }), s.scenario.case, s.scenario.asOf);
          compared++;
          if (traced !== untraced) differing.push(`${evaluator} ${s.file}#${s.index}`);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it('is the traced assessment with trace [] for generated cases, valid and invalid, receipts included', async () => {
    const evaluators = kinds.map((evaluator) => createEvaluator({ directory: fixtureDirectory, evaluator }));
    const differing: string[] = [];
    let fired = 0;
    const cases = generateCases(1500, 31);
    for (let i = 0; i < cases.length; i++) {
      const { input, asOf } = cases[i]!;
      const spoiled = i % 53 === 0 ? [{ ...input, receivingOrgan: 'no-such-organ' }, { ...input, receivedOn: '2023-02-29' }, { ...input, events: [{ type: 'accepted' }] }][i % 3] : input;
      for (const evaluator of evaluators) {
        const [traced, untraced] = await both(evaluator, spoiled, asOf, i % 7 === 0);
        if (traced.includes('"facts":{"')) fired++;
        if (traced !== untraced && differing.length < 5) differing.push(`${evaluator.kind} case ${i}:\n  traced:   ${traced.slice(0, 300)}\n  untraced: ${untraced.slice(0, 300)}`);
      }
    }
    expect(differing).toEqual([]);
    expect(fired).toBeGreaterThan(1000);
  });

  it('is the traced assessment with trace [] for the audit example cases (examples/directory.json)', async () => {
    const directory = JSON.parse(readFileSync(join(repo, 'examples', 'directory.json'), 'utf8'));
    const compiled = createEvaluator({ directory, evaluator: 'compiled' });
    const reference = createEvaluator({ directory });
    const differing: string[] = [];
    let i = 0;
    for (const line of generateAuditCases(600, { seed: 1, until: '2023-12-31' })) {
      const input = JSON.parse(line);
      for (const evaluator of i % 4 === 0 ? [compiled, reference] : [compiled]) {
        const [traced, untraced] = await both(evaluator, input, '2023-12-31');
        if (traced !== untraced && differing.length < 5) differing.push(`${evaluator.kind} line ${i}`);
      }
      i++;
    }
    expect(differing).toEqual([]);
  });

  it('has an empty trace and keeps the facts the conditions read', () => {
    const [c] = generateCases(1, 5);
    const evaluator = createEvaluator({ directory: fixtureDirectory, evaluator: 'compiled' });
    const untraced = evaluator.evaluateSync(c!.input, { asOf: c!.asOf, trace: false });
    expect(untraced.trace).toEqual([]);
    expect(untraced.responsibilities.length).toBeGreaterThan(0);
    expect(Object.keys(untraced.responsibilities[0]!.facts).length).toBeGreaterThan(0);
    // Only an explicit false leaves the trace out.
    expect(evaluator.evaluateSync(c!.input, { asOf: c!.asOf, trace: undefined }).trace.length).toBeGreaterThan(0);
    expect(evaluator.evaluateSync(c!.input, { asOf: c!.asOf, trace: 0 as never }).trace.length).toBeGreaterThan(0);
  });
});
