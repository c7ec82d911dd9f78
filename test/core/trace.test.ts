import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment, TraceCondition } from '../../src/assessment/types.js';
import { provisionOf } from '../../src/catalogue/catalogue.js';
import { loadCatalogue } from '../../src/node/loadCatalogue.js';
import { createEvaluator, type Evaluator } from '../../src/evaluate/createEvaluator.js';
import type { Policy } from '../../src/policy/policy.js';
import { builtinRulesDir } from '../../src/node/packageRoot.js';
import { CitationId } from '../../src/rules/schema.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';
import { fixtureDirectory, generateCases } from './generateCases.js';

/**
 * Issue 2, criterion 5: every line of an assessment is explained. Each outcome item carries its basis,
 * the rules that yielded it and the facts they saw; each trace entry shows every evaluated condition
 * with the value its fact had; and every citation anywhere in the output is in the provisions catalogue.
 * Checked over every scenario and a few hundred generated cases.
 */

async function assessments(): Promise<Array<{ name: string; assessment: Assessment }>> {
  const out: Array<{ name: string; assessment: Assessment }> = [];
  const evaluators = new Map<string, Evaluator>();
  for (const s of loadScenarioDir(join(import.meta.dirname, '..', 'scenarios'))) {
    if (s.scenario.expect.error) continue;
    const key = JSON.stringify([s.directory, s.scenario.evaluator ?? null]);
    let evaluator = evaluators.get(key);
    if (!evaluator) {
      evaluator = createEvaluator({
        directory: s.directory,
        ...(s.scenario.evaluator?.jurisdiction ? { jurisdiction: s.scenario.evaluator.jurisdiction } : {}),
        ...(s.scenario.evaluator?.policy ? { policy: s.scenario.evaluator.policy as Partial<Policy> } : {}),
      });
      evaluators.set(key, evaluator);
    }
    out.push({ name: `${s.file}#${s.index} ${s.scenario.title}`, assessment: await evaluator.evaluate(s.scenario.case, { asOf: s.scenario.asOf }) });
  }
  const generated = createEvaluator({ directory: fixtureDirectory });
  for (const c of generateCases(300, 20220501)) out.push({ name: String(c.input.id), assessment: await generated.evaluate(c.input, { asOf: c.asOf }) });
  return out;
}

const LISTS = ['responsibilities', 'obligations', 'escalations', 'actions', 'findings', 'guidance'] as const;

function* leaves(c: TraceCondition): Generator<Extract<TraceCondition, { fact: string }>> {
  if ('all' in c) for (const x of c.all) yield* leaves(x);
  else if ('any' in c) for (const x of c.any) yield* leaves(x);
  else if ('not' in c) yield* leaves(c.not);
  else yield c;
}

/** Every string under a key that holds citations (`basis`, `citations`, `source`, `leadership`), anywhere. */
function citations(value: unknown, out: Array<{ at: string; id: string }> = [], at = ''): Array<{ at: string; id: string }> {
  if (Array.isArray(value)) value.forEach((v, i) => citations(v, out, `${at}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (['basis', 'citations', 'source', 'leadership'].includes(k)) {
        for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string') out.push({ at: `${at}.${k}`, id });
      } else citations(v, out, `${at}.${k}`);
    }
  }
  return out;
}

describe('trace and grounds', async () => {
  const all = await assessments();
  const catalogue = new Set(loadCatalogue(builtinRulesDir()).flatMap(({ data }) => data.provisions.map((p) => p.id)));

  it('covers scenarios and generated cases with outcomes in every routing list', () => {
    expect(all.length).toBeGreaterThan(300);
    for (const list of ['responsibilities', 'escalations', 'guidance'] as const) {
      expect(all.some(({ assessment }) => assessment[list].length > 0), list).toBe(true);
    }
  });

  it('every outcome item has a non-empty basis, the rules that yielded it, and the facts they saw', () => {
    const problems: string[] = [];
    for (const { name, assessment } of all) {
      const fired = new Set(assessment.trace.map((t) => t.rule));
      for (const list of LISTS) {
        for (const item of assessment[list] as unknown as ReadonlyArray<{ basis: readonly string[]; rules: readonly string[]; facts: Record<string, unknown> } & Record<string, unknown>>) {
          const label = `${name}: ${list} ${String(item.role ?? item.id)}`;
          if (!(item.basis.length > 0)) problems.push(`${label}: empty basis`);
          if (!(item.rules.length > 0)) problems.push(`${label}: no rules`);
          if (!(item.facts && Object.keys(item.facts).length > 0)) problems.push(`${label}: no facts`);
          for (const r of item.rules) if (!fired.has(r)) problems.push(`${label}: rule ${r} is not in the trace`);
          // Each fact it names was read by a condition of one of its rules, with the same value.
          const seen = new Map<string, unknown[]>();
          for (const t of assessment.trace.filter((t) => item.rules.includes(t.rule))) {
            for (const leaf of leaves(t.conditions)) {
              if (leaf.result === null) continue;
              const k = leaf.path ? `${leaf.fact}.${leaf.path}` : leaf.fact;
              seen.set(k, [...(seen.get(k) ?? []), JSON.stringify(leaf.factValue)]);
              const ref = leaf.value as { fact?: string; path?: string } | null;
              if (ref && typeof ref === 'object' && typeof ref.fact === 'string') {
                const rk = ref.path ? `${ref.fact}.${ref.path}` : ref.fact;
                seen.set(rk, [...(seen.get(rk) ?? []), JSON.stringify(leaf.valueResolved)]);
              }
            }
          }
          for (const [k, v] of Object.entries(item.facts)) {
            if (!seen.get(k)?.includes(JSON.stringify(v))) problems.push(`${label}: fact ${k}=${JSON.stringify(v)} was not seen by its rules' conditions`);
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('every trace entry shows each evaluated condition with the value its fact had', () => {
    const problems: string[] = [];
    for (const { name, assessment } of all) {
      for (const t of assessment.trace) {
        if (t.conditions.result !== true) problems.push(`${name}: ${t.rule} fired but its conditions do not hold`);
        if (!(t.citations.length > 0)) problems.push(`${name}: ${t.rule} cites nothing`);
        if (!(t.yielded.length > 0)) problems.push(`${name}: ${t.rule} yielded nothing`);
        if (!t.title.en || !t.title.zh) problems.push(`${name}: ${t.rule} has no bilingual title`);
        const evaluated = [...leaves(t.conditions)].filter((l) => l.result !== null);
        if (evaluated.length === 0) problems.push(`${name}: ${t.rule} shows no evaluated condition`);
        for (const leaf of evaluated) {
          if (!('factValue' in leaf)) problems.push(`${name}: ${t.rule} condition on ${leaf.fact}${leaf.path ? `.${leaf.path}` : ''} shows no fact value`);
          if (typeof leaf.result !== 'boolean') problems.push(`${name}: ${t.rule} condition result is not a boolean`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('every citation in any output is a citation id in the provisions catalogue', () => {
    const problems: string[] = [];
    let count = 0;
    for (const { name, assessment } of all) {
      for (const { at, id } of citations(assessment)) {
        count++;
        if (!CitationId.safeParse(id).success) problems.push(`${name} ${at}: "${id}" is not a citation id`);
        else if (!catalogue.has(provisionOf(id))) problems.push(`${name} ${at}: ${id} is not in the catalogue`);
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('is deterministic: the same case gives byte-identical output, trace included', async () => {
    const evaluator = createEvaluator({ directory: fixtureDirectory });
    const [c] = generateCases(1, 7);
    const first = JSON.stringify(await evaluator.evaluate(c!.input, { asOf: c!.asOf }));
    const again = JSON.stringify(await createEvaluator({ directory: fixtureDirectory }).evaluate(structuredClone(c!.input), { asOf: c!.asOf }));
    expect(again).toBe(first);
  });
});
