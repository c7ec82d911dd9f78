import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { generateCases as generateAuditCases } from '../../examples/audit/generate-cases.js';
import { quickParser } from '../../src/case/fastParse.js';
import { CaseInput } from '../../src/case/schema.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { generateCases } from './generateCases.js';

/**
 * The quick check of the case schema (src/case/fastParse.ts) must give exactly zod's answer for every
 * valid case — the same value, the same keys in the same order, undefined-valued keys included — and
 * must never accept what zod refuses: over every scenario, generated cases, and each of them spoiled
 * in many ways.
 */
const quick = quickParser(CaseInput)!;
const repo = join(import.meta.dirname, '..', '..');

/** Every key path with its value's type, in order: tells apart key orders and undefined-valued keys that JSON hides. */
function layout(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    out.push(`${path}:array(${value.length})`);
    value.forEach((v, i) => layout(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    out.push(`${path}:object`);
    for (const key of Object.keys(value)) layout((value as Record<string, unknown>)[key], `${path}.${key}`, out);
  } else out.push(`${path}:${typeof value}=${String(value)}`);
  return out;
}

/** Inputs around a valid case: fields removed, set to undefined or null, retyped, extra keys, broken dates. */
function spoilings(input: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const odd = [undefined, null, '', 0, -1, 1.5, NaN, Infinity, true, 'x', [], {}, '2023-02-29', '2023-1-1'];
  for (const key of [...Object.keys(input), 'unknownField', '__proto__', 'constructor', 'toString']) {
    const { [key]: _dropped, ...rest } = input;
    out.push(rest);
    for (const v of odd) out.push({ ...input, [key]: v });
  }
  const events = Array.isArray(input.events) ? (input.events as Array<Record<string, unknown>>) : [];
  events.forEach((e, i) => {
    for (const key of [...Object.keys(e), 'extra', 'to', 'dueOn', 'days', 'until']) {
      for (const v of odd) out.push({ ...input, events: events.map((x, j) => (j === i ? { ...x, [key]: v } : x)) });
    }
  });
  out.push(JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(input).slice(1)}`));
  out.push(Object.assign(Object.create({ inherited: 1 }), input));
  out.push(Object.assign(Object.create(null), input));
  out.push({ ...input, flags: { ...(input.flags as object), major: 'yes' } });
  out.push({ ...input, lowerHandling: { organ: 'x' } }, { ...input, lowerHandling: { organ: 'x', acceptedOn: '2023-01-01', events: [{ type: 'received', on: '2023-01-01' }] } });
  out.push({ ...input, lowerHandling: { organ: 'x', acceptedOn: '2023-01-02', events: [{ type: 'accepted', on: '2023-01-01' }] } });
  return out;
}

function compare(input: unknown, problems: string[], label: string): 'valid' | 'invalid' {
  const zod = CaseInput.safeParse(input);
  const fast = quick(input);
  if (!zod.success) {
    if (fast) problems.push(`${label}: quick check accepted what zod refuses (${zod.error.issues[0]?.message})`);
    return 'invalid';
  }
  if (fast && !(isDeepStrictEqual(fast.value, zod.data) && layout(fast.value).join('\n') === layout(zod.data).join('\n'))) problems.push(`${label}: values differ`);
  return 'valid';
}

describe('the quick check of a case', () => {
  it('is built for the case schema (its kinds of schema and checks are all followed)', () => {
    expect(quickParser(CaseInput)).toBeTypeOf('function');
    expect(quickParser(z.string().email())).toBeUndefined();
    expect(quickParser(z.object({ a: z.string().transform((s) => s.length) }))).toBeUndefined();
  });

  it('gives zod’s value for every scenario and generated case, and never accepts an invalid one', () => {
    const inputs: unknown[] = [];
    for (const dir of ['test/scenarios', 'test/testing/scenarios', 'examples/policy-tests/scenarios', 'examples/provincial-pack/scenarios']) {
      for (const s of loadScenarioDir(join(repo, dir))) inputs.push(s.scenario.case);
    }
    for (const { input } of generateCases(800, 77)) inputs.push(input);
    for (const line of generateAuditCases(400, { seed: 1, until: '2023-12-31' })) inputs.push(JSON.parse(line));
    const problems: string[] = [];
    let valid = 0;
    let quickValid = 0;
    inputs.forEach((input, i) => {
      if (compare(input, problems, `input ${i}`) === 'valid') {
        valid++;
        if (quick(input)) quickValid++;
      }
    });
    expect(problems.slice(0, 5)).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
    // The quick check answers for nearly every valid case (zod is asked only for shapes it does not follow).
    expect(quickValid).toBe(valid);

    let spoiled = 0;
    inputs.slice(0, 250).forEach((input, i) => {
      if (input === null || typeof input !== 'object' || Array.isArray(input)) return;
      for (const [j, s] of spoilings(input as Record<string, unknown>).entries()) {
        compare(s, problems, `input ${i} spoiling ${j}`);
        spoiled++;
      }
    });
    expect(problems.slice(0, 5)).toEqual([]);
    expect(spoiled).toBeGreaterThan(10_000);
  });

  it('gives a fresh copy of each default, as zod does', () => {
    const { input } = generateCases(1, 3)[0] as unknown as { input: Record<string, unknown> };
    const { involvedOrgans: _i, flags: _f, ...bare } = input;
    const a = quick(bare)!.value;
    const b = quick(bare)!.value;
    expect(a.involvedOrgans).toEqual([]);
    expect(a.involvedOrgans).not.toBe(b.involvedOrgans);
    expect(a.flags).not.toBe(b.flags);
  });
});
