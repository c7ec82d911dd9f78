import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../src/assessment/types.js';
import { JsonRulesEngineRunner } from '../../src/engine/jsonRulesEngineRunner.js';
import { createEvaluator, type Evaluator } from '../../src/evaluate/createEvaluator.js';
import { fixtureDirectory, generateCases, type GeneratedCase } from './generateCases.js';

/**
 * Issue 2, criterion 6: many `evaluate()` calls in flight on one evaluator give exactly the results of
 * running them one by one. json-rules-engine keeps a run status on its Engine, so two overlapping runs
 * on one Engine lose results; the runner therefore takes each run's Engine from a pool. The test also
 * proves it would catch the hazard: with the pool defeated (every run of a rule set sharing one Engine)
 * the same concurrent schedule must give different results.
 *
 * The suite runs once per time zone (vitest.config.ts); this test is about scheduling, not dates, so it
 * runs in the first project only.
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const cases = generateCases(1000);

const tick = () => Promise.resolve();
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sequential(evaluator: Evaluator, list: readonly GeneratedCase[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of list) out.push(JSON.stringify(await evaluator.evaluate(c.input, { asOf: c.asOf })));
  return out;
}

/**
 * Starts every evaluation without waiting for the previous ones, staggered so that runs overlap at
 * every phase: most starts are 0–4 microtask ticks after the previous one (so they interleave inside
 * json-rules-engine's promise chains), and every 25th waits for the next macrotask.
 */
async function staggered(evaluator: Evaluator, list: readonly GeneratedCase[]): Promise<string[]> {
  const inFlight: Array<Promise<Assessment>> = [];
  for (let i = 0; i < list.length; i++) {
    if (i % 25 === 0) await nextMacrotask();
    else for (let k = 0; k < i % 5; k++) await tick();
    const c = list[i]!;
    inFlight.push(evaluator.evaluate(c.input, { asOf: c.asOf }));
  }
  return (await Promise.all(inFlight)).map((a) => JSON.stringify(a));
}

const differing = (a: readonly string[], b: readonly string[]) => a.filter((x, i) => x !== b[i]).length;

describe.runIf(once)('concurrent evaluation on one evaluator', () => {
  afterEach(() => vi.restoreAllMocks());

  it('1,000 varied cases started concurrently give byte-identical assessments to one-by-one runs', async () => {
    const evaluator = createEvaluator({ directory: fixtureDirectory });
    const expected = await sequential(evaluator, cases);
    // The workload is varied: both procedural packs, and outcomes in every list the routing rules fill.
    const packs = new Set(expected.map((s) => (JSON.parse(s) as Assessment).packs.map((p) => p.id).join('+')));
    expect([...packs].sort()).toEqual(expect.arrayContaining(['op2007+xf2005', 'op2007+xfgz2022', 'xf2005']));
    const actual = await staggered(evaluator, cases);
    expect(actual.length).toBe(expected.length);
    expect(differing(actual, expected)).toBe(0);
  });

  it('would catch engines shared between overlapping runs (the pool is what makes it safe)', async () => {
    const reference = createEvaluator({ directory: fixtureDirectory });
    const subset = cases.slice(0, 300);
    const expected = await sequential(reference, subset);

    // Defeat the pool: every build of a rule set returns the same Engine, so overlapping runs share it.
    const proto = JsonRulesEngineRunner.prototype as unknown as { build: (rules: ReadonlyArray<{ id: string }>) => unknown };
    const build = proto.build;
    const shared = new Map<string, unknown>();
    vi.spyOn(proto, 'build').mockImplementation(function (this: unknown, rules) {
      const key = rules.map((r) => r.id).join('|');
      if (!shared.has(key)) shared.set(key, build.call(this, rules));
      return shared.get(key);
    });
    const unsafe = createEvaluator({ directory: fixtureDirectory });
    // Run one by one, a shared Engine is harmless ...
    expect(differing(await sequential(unsafe, subset), expected)).toBe(0);
    // ... but under the same staggered schedule as above, overlapping runs lose results.
    expect(differing(await staggered(unsafe, subset), expected)).toBeGreaterThan(0);
  });
});
