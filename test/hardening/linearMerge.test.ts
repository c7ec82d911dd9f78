import { describe, expect, it } from 'vitest';
import { AssessmentBuilder } from '../../src/evaluate/outcomes.js';

/**
 * Issue 11 §5: merging the items many rules yield under one id grows linearly (it was cubic: 2,000
 * rules took 8.7 s per evaluate, 5,000 took 159 s). Checked directly on the builder at 10× and 50×
 * the 2,000 of the probe, with the merge's meaning kept: first-seen order, duplicates once.
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

  it('merges 20,000 and 100,000 items of one id in linear time', () => {
    for (const n of [20_000, 100_000]) {
      const started = performance.now();
      const [item] = merge(n);
      expect(item!.rules).toHaveLength(n);
      expect(performance.now() - started).toBeLessThan(n / 20);
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
