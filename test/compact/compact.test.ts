import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCases as realisticCases } from '../../examples/audit/generate-cases.js';
import type { Assessment } from '../../src/assessment/types.js';
import { CompactRecordError } from '../../src/compact/CompactRecordError.js';
import type { Evaluator } from '../../src/evaluate/createEvaluator.js';
import { createEvaluator } from '../../src/node/createEvaluator.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { fixtureDirectory, generateCases } from '../core/generateCases.js';
import { scenarioOptions, scenarioSets } from '../scenarioSets.js';

/**
 * Issue 13 §1: a compact record plus the same packs expands to exactly the full assessment — the JSON
 * of `expand(compact(a))`, after the record itself went through JSON, is the JSON of `a`, byte for byte
 * — over every scenario (both evaluators), thousands of generated cases, without the trace and with a
 * receipt; and the generated corpus's median record is at most 4 kB. A record is refused, naming the
 * part, by an evaluator with other packs, policy or directory, and when a part does not fit its rules.
 */

const repo = join(import.meta.dirname, '..', '..');
const examplesDirectory = JSON.parse(readFileSync(join(repo, 'examples', 'directory.json'), 'utf8'));

/** The round trip: compact, through JSON, expand, and the JSON of the result. */
function roundTrip(evaluator: Evaluator, a: Assessment): string {
  return JSON.stringify(evaluator.expand(JSON.parse(JSON.stringify(evaluator.compact(a)))));
}

function assessed(evaluator: Evaluator, input: unknown, asOf: string): Assessment | undefined {
  try {
    return evaluator.evaluateSync(input, { asOf });
  } catch {
    return undefined;
  }
}

describe('compact records expand to exactly the full assessment', () => {
  for (const set of scenarioSets) {
    it(`every scenario in ${set.dir.slice(repo.length + 1)}, both evaluators`, async () => {
      const differing: string[] = [];
      let checked = 0;
      const evaluators = new Map<string, Evaluator>();
      for (const s of loadScenarioDir(set.dir)) {
        const options = scenarioOptions(s, set.options);
        for (const kind of ['compiled', 'json-rules-engine'] as const) {
          const key = JSON.stringify([kind, s.directory, s.scenario.evaluator ?? null]);
          let evaluator = evaluators.get(key);
          if (!evaluator) evaluators.set(key, (evaluator = createEvaluator({ ...options, evaluator: kind })));
          let a: Assessment;
          try {
            a = await evaluator.evaluate(s.scenario.case, { asOf: s.scenario.asOf });
          } catch {
            continue;
          }
          checked++;
          if (roundTrip(evaluator, a) !== JSON.stringify(a)) differing.push(`${s.file}#${s.index} (${kind})`);
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(differing).toEqual([]);
    });
  }

  // The generated corpora run in the first time-zone project only (evaluation does not read the zone).
  const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
  it.runIf(once)('2,000 generated cases of the test generator, with and without the trace, and with receipts', () => {
    const evaluator = createEvaluator({ directory: fixtureDirectory, evaluator: 'compiled' });
    const differing: string[] = [];
    let checked = 0;
    for (const { input, asOf } of generateCases(2_000, 20261202)) {
      const a = assessed(evaluator, input, asOf);
      if (!a) continue;
      checked++;
      if (roundTrip(evaluator, a) !== JSON.stringify(a)) differing.push(`${a.caseId}`);
      if (roundTrip(evaluator, { ...a, trace: [] }) !== JSON.stringify({ ...a, trace: [] })) differing.push(`${a.caseId} without trace`);
    }
    const withReceipts = createEvaluator({ directory: fixtureDirectory, evaluator: 'compiled', receipt: true });
    for (const { input, asOf } of generateCases(200, 7)) {
      const a = assessed(withReceipts, input, asOf);
      if (a && roundTrip(withReceipts, a) !== JSON.stringify(a)) differing.push(`${a.caseId} with receipt`);
    }
    expect(checked).toBeGreaterThan(1_600);
    expect(differing).toEqual([]);
  }, 300_000);

  it.runIf(once)("the realistic corpus (the bench's, seed 1): every record round-trips, and the median record is at most 4 kB", () => {
    const evaluator = createEvaluator({ directory: examplesDirectory, evaluator: 'compiled' });
    const sizes: number[] = [];
    const differing: string[] = [];
    for (const line of realisticCases(2_000, { seed: 1 })) {
      const a = assessed(evaluator, JSON.parse(line), '2023-12-31');
      if (!a) continue;
      const json = JSON.stringify(evaluator.compact(a));
      sizes.push(Buffer.byteLength(json));
      if (JSON.stringify(evaluator.expand(JSON.parse(json))) !== evaluator.stringify(a)) differing.push(a.caseId);
    }
    sizes.sort((x, y) => x - y);
    expect(differing).toEqual([]);
    expect(sizes.length).toBeGreaterThan(1_900);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThanOrEqual(4_096);
  }, 300_000);

  it('keeps whole what it cannot rebuild: an organ renamed, a fact changed, a trace entry reshaped', () => {
    const evaluator = createEvaluator({ directory: examplesDirectory, evaluator: 'compiled' });
    const a = evaluator.evaluateSync(JSON.parse(readFileSync(join(repo, 'examples', 'cases', 'land-compensation-visit.json'), 'utf8')), { asOf: '2023-12-31' });
    const [first, ...rest] = a.responsibilities;
    const changed: Assessment = {
      ...a,
      responsibilities: [{ ...first!, organ: { ...first!.organ, name: 'Renamed' }, facts: { ...first!.facts, extra: 1 } }, ...rest],
      trace: [{ ...a.trace[0]!, title: { en: 'other', zh: '其他' } }, ...a.trace.slice(1)],
    };
    const compact = evaluator.compact(changed);
    expect((compact.responsibilities[0] as Record<string, unknown>).organ).toMatchObject({ name: 'Renamed' });
    expect(Array.isArray(compact.trace![0])).toBe(false);
    expect(JSON.stringify(evaluator.expand(JSON.parse(JSON.stringify(compact))))).toBe(JSON.stringify(changed));
  });
});

describe('a compact record is expanded only with what it was made with', () => {
  const evaluator = createEvaluator({ directory: examplesDirectory, evaluator: 'compiled' });
  const a = evaluator.evaluateSync(JSON.parse(readFileSync(join(repo, 'examples', 'cases', 'land-compensation-visit.json'), 'utf8')), { asOf: '2023-12-31' });
  const record = JSON.parse(JSON.stringify(evaluator.compact(a))) as Record<string, unknown>;
  const refused = (e: Evaluator, r: unknown): CompactRecordError => {
    try {
      e.expand(r);
    } catch (error) {
      if (error instanceof CompactRecordError) return error;
      throw error;
    }
    throw new Error('expanded');
  };

  it('names the law by pack id and content hash, as `rules` prints them', () => {
    expect(record.format).toBe('petition-rules-compact/1');
    for (const ref of record.law as string[]) expect(ref).toMatch(/^[a-z0-9-]+@[0-9a-f]{12}$/);
    expect(evaluator.packs.map((p) => p.manifest.id)).toEqual(expect.arrayContaining((record.law as string[]).map((r) => r.split('@')[0])));
  });

  it('another policy, directory or pack version is refused, naming the part', () => {
    expect(refused(createEvaluator({ directory: examplesDirectory, policy: { holidayRollover: false } }), record).path).toBe('policy');
    const oneMore = [...examplesDirectory, { id: 'another-bureau', name: 'Another Bureau', level: 'county', kind: 'department', region: '331121' }];
    expect(refused(createEvaluator({ directory: oneMore }), record).path).toBe('directory');
    const law = [...(record.law as string[])];
    law[0] = law[0]!.replace(/@.*/, '@000000000000');
    const other = refused(evaluator, { ...record, law });
    expect(other.path).toBe('law');
    expect(other.message).toContain('expand it with the packs it was made with');
  });

  it('a part that does not fit its rules is refused with its path', () => {
    const trace = record.trace as unknown[][];
    expect(refused(evaluator, { ...record, trace: [['no.such.rule', []], ...trace.slice(1)] }).path).toBe('trace[0][0]');
    expect(refused(evaluator, { ...record, trace: [[trace[0]![0], []], ...trace.slice(1)] }).path).toBe('trace[0][1][0]');
    const responsibilities = record.responsibilities as Array<Record<string, unknown>>;
    expect(refused(evaluator, { ...record, responsibilities: [{ ...responsibilities[0], organ: 'no-such-organ' }] }).path).toBe('responsibilities[0].organ');
    expect(refused(evaluator, { ...record, responsibilities: [{ ...responsibilities[0], rules: [999] }] }).path).toBe('responsibilities[0].rules[0]');
    expect(refused(evaluator, { ...record, format: 'other/1' }).path).toBe('format');
    expect(refused(evaluator, 'not a record').path).toBe('');
  });
});
