import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCases } from '../../examples/audit/generate-cases.js';
import { corpusLines } from '../../scripts/bench/corpus.js';

/**
 * The bench's corpus (`npm run bench`, scripts/bench/) comes from the realistic generator of
 * examples/audit: the same seed must give the same cases — without the clock or Math.random — so
 * figures from two runs are of the same work, and the mix must hold the steps a bureau's log holds.
 */
describe('the bench corpus', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the same for the same seed, different for another, and reads neither the clock nor Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const first = corpusLines(50, 1);
    expect(corpusLines(50, 1)).toEqual(first);
    expect([...generateCases(50, { seed: 1, until: '2023-12-31' })]).toEqual(first);
    expect(corpusLines(50, 2)).not.toEqual(first);
    expect(corpusLines(10, 1)).toEqual(first.slice(0, 10));
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it('holds a bureau mix: every class and channel, guided legal routes, late and missing steps, extensions, reviews, misconduct', () => {
    const cases = corpusLines(3000, 1).map((l) => JSON.parse(l) as { class: string; channel: string; legalRoute?: string; events: Array<{ type: string }>; misconduct?: unknown[]; goodReasons?: unknown[]; petitionerConduct?: unknown[] });
    expect(new Set(cases.map((c) => c.class))).toEqual(new Set(['appeal', 'accusation', 'suggestion']));
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(['online', 'visit', 'letter', 'phone']));
    expect(new Set(cases.map((c) => c.legalRoute)).size).toBe(9); // the eight routes, and none for non-appeals
    const types = new Set(cases.flatMap((c) => c.events.map((e) => e.type)));
    for (const type of ['transferred', 'assigned', 'transfer-objected', 'not-accepted', 'extension-approved', 'concluded', 'suggestion-replied', 'review-decided', 'reexamination-decided', 'major-matter-reported', 'opinion-executed']) {
      expect(types, type).toContain(type);
    }
    expect(cases.some((c) => c.misconduct)).toBe(true);
    expect(cases.some((c) => c.goodReasons)).toBe(true);
    expect(cases.some((c) => c.petitionerConduct)).toBe(true);
    // Most matters reach a conclusion; some are still in progress as of the evaluation date.
    const concluded = cases.filter((c) => c.class === 'appeal' && c.legalRoute === 'petition' && c.events.some((e) => e.type === 'concluded')).length;
    const accepted = cases.filter((c) => c.class === 'appeal' && c.legalRoute === 'petition' && c.events.some((e) => e.type === 'accepted')).length;
    expect(concluded / accepted).toBeGreaterThan(0.85);
    expect(concluded).toBeLessThan(accepted);
  });
});
