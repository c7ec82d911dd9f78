import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { AssessmentBuilder } from '../../src/evaluate/outcomes.js';
import type { PackData } from '../../src/rules/loadPack.js';

/**
 * Issue 11 §5: merging the items many rules yield under one id grows linearly (it was cubic: 2,000
 * rules took 8.7 s per evaluate, 5,000 took 159 s). Checked directly on the builder at 10× and 100×
 * the 2,000 of the probe, with the merge's meaning kept: first-seen order, duplicates once; the bench
 * (scripts/bench/scale.ts) times whole evaluations at 10× and 100× today's rule count.
 */
function merge(n: number) {
  const builder = new AssessmentBuilder();
  for (let i = 0; i < n; i++) {
    const item = { id: 'x', basis: [`c${i % 7}`, `c${i}`], rules: [`r${i}`, 'r0'], facts: { [`f${i % 3}`]: i } };
    builder.add('findings', { key: 'x', item } as never);
  }
  return builder.items('findings');
}

describe('merging outcomes', () => {
  it('keeps first-seen order, each citation and rule once, later facts over earlier', () => {
    const [item] = merge(9);
    expect(item!.basis).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
    expect(item!.rules).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
    expect(item!.facts).toEqual({ f0: 6, f1: 7, f2: 8 });
  });

  it('merges 20,000 and 200,000 items of one id in linear time', () => {
    for (const n of [20_000, 200_000]) {
      const started = performance.now();
      const [item] = merge(n);
      expect(item!.rules).toHaveLength(n);
      // 0.1 ms an item: linear with room for a busy machine (quadratic would be some 40 s at 200,000).
      expect(performance.now() - started).toBeLessThan(n / 10);
    }
  });

  it('does not change the items it was given', () => {
    const basis = ['a'];
    const builder = new AssessmentBuilder();
    builder.add('findings', { key: 'x', item: { id: 'x', basis, rules: ['r1'], facts: {} } } as never);
    builder.add('findings', { key: 'x', item: { id: 'x', basis: ['b'], rules: ['r2'], facts: {} } } as never);
    builder.add('findings', { key: 'x', item: { id: 'x', basis: ['c'], rules: ['r3'], facts: {} } } as never);
    expect(basis).toEqual(['a']);
    expect(builder.items('findings')[0]!.basis).toEqual(['a', 'b', 'c']);
  });
});

describe('an evaluator at 100× today\'s rule count', () => {
  const exampleCase = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'cases', 'land-compensation-visit.json'), 'utf8'));
  const directory = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'directory.json'), 'utf8'));

  // The first time-zone project only: the size, not the zone, is what is tested.
  it.runIf(process.env.PETITION_RULES_TZ_COMPARE !== 'off')('loads and evaluates with every rule yielding one id merged into one item, each rule listed once', () => {
    const today = createEvaluator({ directory }).rules.length;
    const n = 100 * today - today;
    const pack = {
      manifest: { id: 'local-scale', title: { en: 'Scale', zh: '规模' }, role: 'principles', inForce: { from: '2005-05-01', to: null } },
      parameters: { parameters: {} },
      rules: Array.from({ length: n }, (_, i) => ({
        id: `local-scale.r${i}`,
        title: { en: `Rule ${i}`, zh: `规则 ${i}` },
        citations: ['op2007:6'],
        // The example case has 12 petitioners: every rule holds.
        conditions: { all: [{ fact: 'case', path: 'petitioners', operator: 'greaterThanInclusive', value: 1 + (i % 5) }] },
        outcomes: [{ kind: 'guidance', id: 'elect-representatives' }],
      })),
    } as unknown as PackData;
    const evaluator = createEvaluator({ directory, packs: [pack], evaluator: 'compiled' });
    expect(evaluator.rules).toHaveLength(100 * today);
    const items = evaluator.evaluateSync(exampleCase, { asOf: '2023-07-03' }).guidance.filter((g) => g.id === 'elect-representatives');
    expect(items).toHaveLength(1);
    const rules = items[0]!.rules;
    expect(rules.filter((r) => r.startsWith('local-scale.'))).toHaveLength(n);
    expect(new Set(rules).size).toBe(rules.length);
  });
});
