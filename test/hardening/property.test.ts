import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/case/event.js';
import { addCalendarDays } from '../../src/dates/isoDate.js';
import { CaseValidationError } from '../../src/errors/CaseValidationError.js';
import { createEvaluator, type Evaluator } from '../../src/evaluate/createEvaluator.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { fixtureDirectory, generateCases } from '../core/generateCases.js';

/**
 * Issue 11 §7: a property-based test. Arbitrary values, and valid cases mutated a few edits at a time
 * (generated cases, the example cases, the hand-worked scenarios), go to both evaluators. Each call
 * must end in a full assessment or a CaseValidationError listing problems that each name a field
 * (only input that is no object at all is refused as a whole, with the empty path that stands for
 * the case); the two evaluators must answer byte for byte alike; no call may take a second.
 *
 * Deterministic: fixed seeds and run counts, no clock in what is generated. The timing check does not
 * make it flaky on a loaded machine: a call over the limit is repeated, and counts as slow only if it
 * is slow every time (a hang or a super-linear walk is slow every time; a busy neighbour is not).
 * It runs in the first time-zone project only (evaluation does not read the zone; the other tests
 * show that): 4,000 inputs, each through both evaluators, about 8 s of CPU (longer on a busy machine,
 * hence the wider timeout).
 */

const repo = join(import.meta.dirname, '..', '..');
/** The two evaluators over the national law, and over it with the Zhejiang pack (its own parameters and rules). */
const pairs = [{}, { jurisdiction: 'zhejiang' }].map((options) => ({
  reference: createEvaluator({ ...options, directory: fixtureDirectory, evaluator: 'json-rules-engine' }),
  compiled: createEvaluator({ ...options, directory: fixtureDirectory, evaluator: 'compiled' }),
}));

/** A second a call may take; the issue's bound. */
const LIMIT_MS = 1000;
/** How often a call over the limit is tried again before it counts as slow. */
const RETRIES = 2;

interface Call {
  /** The assessment's JSON, or the refusal as `CaseValidationError: message issues`. */
  readonly answer: string;
  /** Problems with the answer itself (an error of another kind, an issue without a path). */
  readonly wrong: readonly string[];
}

const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One evaluation, as what it answered and what is wrong with that answer. */
async function call(evaluator: Evaluator, input: unknown, asOf: unknown, lang: 'en' | 'zh'): Promise<Call> {
  try {
    const options = { asOf, lang } as { asOf: string; lang: 'en' | 'zh' };
    const assessment = evaluator.kind === 'compiled' ? evaluator.evaluateSync(input, options) : await evaluator.evaluate(input, options);
    const json = JSON.stringify(assessment);
    return { answer: json, wrong: evaluator.stringify(assessment) === json ? [] : ['stringify differs from JSON.stringify'] };
  } catch (error) {
    if (!(error instanceof CaseValidationError)) return { answer: String(error), wrong: [`${evaluator.kind} threw ${(error as Error)?.stack ?? String(error)}`] };
    const wrong: string[] = [];
    if (error.issues.length === 0) wrong.push('a CaseValidationError with no issues');
    for (const issue of error.issues) {
      if (typeof issue.path !== 'string' || typeof issue.message !== 'string' || issue.message === '') wrong.push(`malformed issue ${JSON.stringify(issue)}`);
      // The empty path stands for the case as a whole: right only for input that is no object.
      else if (issue.path === '' && isRecord(input)) wrong.push(`an issue without a path: ${issue.message}`);
    }
    return { answer: `${error.name}: ${error.message} ${JSON.stringify(error.issues)}`, wrong };
  }
}

/** The slowest call seen (after retries), for the failure message. */
let slowest = { ms: 0, evaluator: '' };

/** One evaluation timed: repeated while over the limit, up to RETRIES times; its best time counts. */
async function timedCall(evaluator: Evaluator, input: unknown, asOf: unknown, lang: 'en' | 'zh'): Promise<Call & { ms: number }> {
  let best = Infinity;
  let result: Call | undefined;
  for (let attempt = 0; attempt <= RETRIES && best > LIMIT_MS; attempt++) {
    const started = performance.now();
    result = await call(evaluator, input, asOf, lang);
    best = Math.min(best, performance.now() - started);
  }
  if (best > slowest.ms) slowest = { ms: best, evaluator: evaluator.kind };
  return { ...result!, ms: best };
}

/** The property: both evaluators, right kinds of answer, the same bytes, under the limit. */
async function holds(input: unknown, asOf: unknown, lang: 'en' | 'zh', pair = 0): Promise<string> {
  const { reference, compiled } = pairs[pair]!;
  const a = await timedCall(reference, input, asOf, lang);
  const b = await timedCall(compiled, input, asOf, lang);
  const wrong = [...a.wrong, ...b.wrong];
  if (a.answer !== b.answer) wrong.push(`the evaluators differ:\n  json-rules-engine: ${a.answer.slice(0, 400)}\n  compiled:          ${b.answer.slice(0, 400)}`);
  for (const [kind, ms] of [['json-rules-engine', a.ms], ['compiled', b.ms]] as const) {
    if (ms > LIMIT_MS) wrong.push(`${kind} took ${Math.round(ms)} ms (over ${LIMIT_MS} ms on each of ${RETRIES + 1} tries)`);
  }
  if (wrong.length > 0) throw new Error(wrong.join('\n'));
  return a.answer;
}

// ---- what is fed ----------------------------------------------------------------------------------

/** Valid cases to start from: generated ones, the example cases, and every scenario over the fixture directory. */
function seeds(): Array<{ input: unknown; asOf: string }> {
  const out: Array<{ input: unknown; asOf: string }> = generateCases(60, 20261102).map((c) => ({ input: c.input, asOf: c.asOf }));
  const cases = join(repo, 'examples', 'cases');
  for (const file of readdirSync(cases).filter((f) => f.endsWith('.json')).sort()) {
    const input = JSON.parse(readFileSync(join(cases, file), 'utf8')) as { events?: Array<{ on: string }> };
    out.push({ input, asOf: addCalendarDays(input.events?.at(-1)?.on ?? '2023-03-01', 30) });
  }
  const fixture = JSON.stringify(fixtureDirectory);
  for (const s of loadScenarioDir(join(repo, 'test', 'scenarios'))) {
    if (!s.scenario.evaluator && JSON.stringify(s.directory) === fixture) out.push({ input: s.scenario.case, asOf: s.scenario.asOf });
  }
  return out;
}

const SEEDS = seeds();
const organIds = fixtureDirectory.map((o) => o.id);
const eventTypes = Event.options.map((o) => o.shape.type.value as string);

/** Dates: valid ones near the seeds' range, the edges of the packs and the calendar, and near-dates. */
const dateLike = fc.oneof(
  fc.integer({ min: -8000, max: 8000 }).map((d) => addCalendarDays('2015-06-15', d)),
  fc.constantFrom('2005-04-30', '2005-05-01', '2022-04-30', '2022-05-01', '2023-02-29', '2024-02-29', '2023-13-01', '2023-3-1', '0000-01-01', '1900-01-01', '2099-12-31', '2100-01-01', '9999-12-31', '10000-01-30', ' 2023-03-01', '2023-03-01T00:00:00Z', ''),
);

/** A leaf value of the kinds a case holds, and some it must refuse. */
const leaf = fc.oneof(
  { weight: 4, arbitrary: dateLike },
  { weight: 3, arbitrary: fc.constantFrom(...organIds, 'no-such-organ', '', '__proto__', 'constructor', 'toString') },
  { weight: 2, arbitrary: fc.constantFrom(...eventTypes, 'letter', 'visit', 'online', 'appeal', 'accusation', 'suggestion', 'petition', 'litigation', 'support', 'explain', 'not-support') },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -0, 1e9, -1e9, 2 ** 53, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A value to write somewhere in a case: mostly a leaf, sometimes a structure of them or anything at all. */
const value = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('type', 'on', 'by', 'to', 'until', 'dueOn', 'id', 'superior', 'level', 'kind', 'x'), leaf, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** A key for a new field: a real field name (valid where it lands or not), a hostile one, or any string. */
const key = fc.oneof(
  fc.constantFrom('on', 'by', 'to', 'until', 'dueOn', 'opinion', 'type', 'organs', 'events', 'superior', 'flags', 'accused', 'lowerHandling', 'handlingOrgan', 'involvedOrgans', 'repeatCount', '__proto__', 'constructor', 'prototype'),
  fc.string({ maxLength: 6 }),
);

/** One edit: where (indexes into the keys at each level, walked down from the root) and what. */
type Edit =
  | { op: 'set'; at: number[]; value: unknown }
  | { op: 'add'; at: number[]; key: string; value: unknown }
  | { op: 'delete'; at: number[] }
  | { op: 'shift-date'; at: number[]; days: number }
  | { op: 'copy-event'; from: number; to: number };

const at = fc.array(fc.nat(40), { minLength: 1, maxLength: 4 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at, value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at, key, value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('shift-date' as const), at, days: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -3000, max: 30000 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy-event' as const), from: fc.nat(20), to: fc.nat(20) }) },
);

/** Sets an own property, as JSON.parse does, so a `__proto__` key is data, not a prototype. */
function put(target: Record<string, unknown> | unknown[], k: string | number, v: unknown): void {
  Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The container and key an index path leads to (the last object or array on the way, and a key in it). */
function locate(root: unknown, path: readonly number[]): { parent: Record<string, unknown> | unknown[]; k: string | number } | undefined {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let k: string | number | undefined;
  let node = root;
  for (const i of path) {
    if (typeof node !== 'object' || node === null) break;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, j) => j) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown> | unknown[];
    k = keys[i % keys.length]!;
    node = (parent as Record<string | number, unknown>)[k];
  }
  return parent !== undefined && k !== undefined ? { parent, k } : undefined;
}

/** Applies the edits to a deep copy of a seed case. */
function mutate(seed: unknown, edits: readonly Edit[]): unknown {
  const root = structuredClone(seed) as Record<string, unknown>;
  for (const e of edits) {
    if (e.op === 'copy-event') {
      const events = root.events;
      if (Array.isArray(events) && events.length > 0) events.splice(e.to % (events.length + 1), 0, structuredClone(events[e.from % events.length]));
      continue;
    }
    const spot = locate(root, e.at);
    if (!spot) continue;
    const { parent, k } = spot;
    const current = (parent as Record<string | number, unknown>)[k];
    if (e.op === 'set') put(parent, k, e.value);
    else if (e.op === 'delete') Array.isArray(parent) ? parent.splice(k as number, 1) : delete (parent as Record<string, unknown>)[k as string];
    else if (e.op === 'add') {
      const holder = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : Array.isArray(parent) ? undefined : parent;
      if (holder) put(holder, e.key, e.value);
    } else if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current)) {
      try {
        put(parent, k, addCalendarDays(current, e.days));
      } catch {
        // not a real date: left as it was (the seed's dates are real; an earlier edit may have spoilt one)
      }
    }
  }
  return root;
}

const lang = fc.constantFrom('en' as const, 'zh' as const);

/** A seed, a few edits, and the date to judge at: the seed's own, shifted, or not a date. */
const mutatedCase = fc.record({
  seed: fc.nat(SEEDS.length - 1),
  edits: fc.array(edit, { minLength: 1, maxLength: 3 }),
  asOf: fc.oneof(
    { weight: 6, arbitrary: fc.constant({ shift: 0 }) },
    { weight: 3, arbitrary: fc.integer({ min: -400, max: 4000 }).map((shift) => ({ shift })) },
    { weight: 1, arbitrary: leaf.map((given) => ({ given })) },
  ),
  lang,
  pair: fc.nat(pairs.length - 1),
});

const inFirstZone = process.env.PETITION_RULES_TZ_COMPARE !== 'off';

describe.runIf(inFirstZone)('property: any input, both evaluators', () => {
  it('valid cases mutated a few edits at a time: an assessment or refusal naming fields, byte-identical, each call under a second', async () => {
    expect(SEEDS.length).toBeGreaterThan(100);
    const outcomes = { assessed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutatedCase, async ({ seed, edits, asOf, lang: l, pair }) => {
        const start = SEEDS[seed]!;
        const when = 'shift' in asOf ? addCalendarDays(start.asOf, asOf.shift) : asOf.given;
        const input = mutate(start.input, edits);
        const answer = await holds(input, when, l, pair);
        outcomes[answer.startsWith('{') ? 'assessed' : 'refused']++;
      }),
      { seed: 20261102, numRuns: 2500, endOnFailure: true },
    );
    // Both kinds of answer were exercised, not only refusals.
    expect(outcomes.assessed).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
    expect(slowest.ms).toBeLessThanOrEqual(LIMIT_MS);
  }, 120_000);

  it('arbitrary values, as the case or as asOf: refused with every problem listed, the same by both evaluators', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }),
        fc.oneof({ weight: 3, arbitrary: dateLike }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) }),
        lang,
        fc.nat(pairs.length - 1),
        async (input, asOf, l, pair) => {
          await holds(input, asOf, l, pair);
        },
      ),
      { seed: 20261103, numRuns: 1500, endOnFailure: true },
    );
    expect(slowest.ms).toBeLessThanOrEqual(LIMIT_MS);
  }, 120_000);
});
