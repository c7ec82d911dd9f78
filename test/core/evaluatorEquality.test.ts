import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assessment/types.js';
import type { Evaluator } from '../../src/evaluate/createEvaluator.js';
import { createEvaluator, type EvaluatorOptions } from '../../src/node/createEvaluator.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { scenarioOptions, scenarioSets } from '../scenarioSets.js';
import { fixtureDirectory, generateCases } from './generateCases.js';

/**
 * json-rules-engine is the reference; the compiled evaluator must give the same assessments, byte for
 * byte, trace included, and refuse the same input with the same problems. Every scenario of the project
 * and its examples, and 10,000 generated cases (with invalid ones among them), go through both.
 * `stringify` must also write exactly the bytes of `JSON.stringify`.
 */

/** What an evaluation gave, as one string: the assessment's JSON, or the error's kind, message and issues. */
async function outcome(evaluator: Evaluator, input: unknown, asOf: string): Promise<string> {
  let assessment: Assessment;
  try {
    assessment = evaluator.kind === 'compiled' ? evaluator.evaluateSync(input, { asOf }) : await evaluator.evaluate(input, { asOf });
  } catch (error) {
    const e = error as Error & { issues?: unknown };
    return `${e.name}: ${e.message} ${JSON.stringify(e.issues ?? null)}`;
  }
  const json = JSON.stringify(assessment);
  if (evaluator.stringify(assessment) !== json) return `stringify differs from JSON.stringify for case ${assessment.caseId}`;
  return json;
}

function pair(options: EvaluatorOptions): { reference: Evaluator; compiled: Evaluator } {
  return { reference: createEvaluator({ ...options, evaluator: 'json-rules-engine' }), compiled: createEvaluator({ ...options, evaluator: 'compiled' }) };
}

const repo = join(import.meta.dirname, '..', '..');
describe('compiled evaluator = json-rules-engine', () => {
  for (const set of scenarioSets) {
    it(`every scenario in ${set.dir.slice(repo.length + 1)} gives byte-identical assessments`, async () => {
      const scenarios = loadScenarioDir(set.dir);
      expect(scenarios.length).toBeGreaterThan(0);
      const pairs = new Map<string, ReturnType<typeof pair>>();
      const differing: string[] = [];
      for (const s of scenarios) {
        const options = scenarioOptions(s, set.options);
        const key = JSON.stringify([options.directory, s.scenario.evaluator ?? null]);
        let p = pairs.get(key);
        if (!p) pairs.set(key, (p = pair(options)));
        const [a, b] = [await outcome(p.reference, s.scenario.case, s.scenario.asOf), await outcome(p.compiled, s.scenario.case, s.scenario.asOf)];
        if (a !== b) differing.push(`${s.file}#${s.index}`);
      }
      expect(differing).toEqual([]);
    });
  }

  // The 10,000 cases run in the first time-zone project only: evaluation does not read the zone (the
  // scenarios above run in every zone, and test/time/timezones.test.ts compares zones byte for byte).
  it.runIf(process.env.PETITION_RULES_TZ_COMPARE !== 'off')('10,000 generated cases, valid and invalid, give byte-identical assessments and errors', async () => {
    const { reference, compiled } = pair({ directory: fixtureDirectory });
    const cases = generateCases(10_000, 20260301);
    let invalid = 0;
    const differing: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const { input, asOf } = cases[i]!;
      // Every 97th case is spoiled in one of a few ways, so refusals are compared too.
      const spoiled = i % 97 === 0 ? [{ ...input, receivingOrgan: 'no-such-organ' }, { ...input, receivedOn: '2023-02-29' }, { ...input, events: [{ type: 'accepted' }] }][i % 3] : input;
      const [a, b] = [await outcome(reference, spoiled, asOf), await outcome(compiled, spoiled, asOf)];
      if (!a.startsWith('{')) invalid++;
      if (a !== b && differing.length < 5) differing.push(`case ${i}:\n  json-rules-engine: ${a.slice(0, 300)}\n  compiled:          ${b.slice(0, 300)}`);
    }
    expect(differing).toEqual([]);
    expect(invalid).toBeGreaterThanOrEqual(Math.floor(10_000 / 97));
  });
});

describe('caller operators', () => {
  /** A pack whose one rule reads a caller's operator: petitioners at least twice the value. */
  const pack = (operator: string) => ({
    manifest: { id: 'local-test', title: { en: 'Test pack', zh: '测试规则包' }, role: 'principles' as const, inForce: { from: '2005-05-01', to: null } },
    parameters: { parameters: {} },
    rules: [
      {
        id: 'local-test.crowd',
        title: { en: 'Crowd', zh: '人多' },
        citations: ['op2007:6'],
        conditions: { all: [{ fact: 'case', path: 'petitioners', operator, value: 3 }] },
        outcomes: [{ kind: 'guidance', id: 'elect-representatives' }],
      },
    ],
  });
  const twice = { name: 'atLeastTwice', description: 'fact ≥ 2 × value', evaluate: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a >= 2 * b };

  it('work the same on both evaluators', async () => {
    const { reference, compiled } = pair({ directory: fixtureDirectory, packs: [pack('atLeastTwice') as never], operators: [twice] });
    for (const { input, asOf } of generateCases(300, 5)) {
      const a = await outcome(reference, input, asOf);
      expect(await outcome(compiled, input, asOf)).toBe(a);
    }
    const [crowd] = generateCases(1, 5).map((c) => ({ ...c, input: { ...c.input, petitioners: 6, representatives: undefined } }));
    const fired = compiled.evaluateSync(crowd!.input, { asOf: crowd!.asOf }).trace.find((t) => t.rule === 'local-test.crowd');
    expect(fired?.conditions).toEqual({ all: [{ fact: 'case', path: 'petitioners', operator: 'atLeastTwice', value: 3, factValue: 6, result: true }], result: true });
  });

  it('are refused when they could not work the same: decorated or taken names, no function', () => {
    for (const kind of ['json-rules-engine', 'compiled'] as const) {
      expect(() => createEvaluator({ evaluator: kind, operators: [{ ...twice, name: 'not:equal' }] })).toThrow(/operators\[0\]: operator name "not:equal" must be a plain word/);
      expect(() => createEvaluator({ evaluator: kind, operators: [{ ...twice, name: 'equal' }] })).toThrow(/operator "equal" is already defined/);
      expect(() => createEvaluator({ evaluator: kind, operators: [twice, twice] })).toThrow(/operators\[1\]: operator "atLeastTwice" is already defined/);
      expect(() => createEvaluator({ evaluator: kind, operators: [{ name: 'x', description: '', evaluate: 1 as never }] })).toThrow(/has no evaluate function/);
    }
  });

  it('that answer other than true or false fail the evaluation on both evaluators, naming the operator', async () => {
    const asyncOp = { name: 'atLeastTwice', description: 'async by mistake', evaluate: (async () => true) as never };
    const { reference, compiled } = pair({ directory: fixtureDirectory, packs: [pack('atLeastTwice') as never], operators: [asyncOp] });
    const [c] = generateCases(1, 9);
    await expect(reference.evaluate(c!.input, { asOf: c!.asOf })).rejects.toThrow('operator "atLeastTwice" must return true or false, but returned a Promise (operators must be synchronous)');
    expect(() => compiled.evaluateSync(c!.input, { asOf: c!.asOf })).toThrow('operator "atLeastTwice" must return true or false, but returned a Promise (operators must be synchronous)');
  });

  it('evaluateSync is refused on json-rules-engine, and an unknown evaluator is refused', () => {
    expect(() => createEvaluator().evaluateSync({}, { asOf: '2024-01-01' })).toThrow(/evaluateSync needs the compiled evaluator/);
    expect(() => createEvaluator({ evaluator: 'fast' as never })).toThrow('unknown evaluator "fast" (known: json-rules-engine, compiled)');
  });
});
