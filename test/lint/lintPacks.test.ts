import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type PackData } from '../../src/index.js';
import { builtinCatalogue } from '../../src/catalogue/builtinCatalogue.js';
import { lintPacks } from '../../src/lint/lintPacks.js';
import { buildFactSpace } from '../../src/lint/factSpace.js';
import { findWitness } from '../../src/lint/satisfy.js';
import { builtinOperators, engineOperatorFunctions } from '../../src/engine/operators.js';
import type { Condition } from '../../src/rules/schema.js';
import { runCli } from '../cli/run.js';

const operators = { ...engineOperatorFunctions, ...Object.fromEntries(builtinOperators.map((o) => [o.name, o.evaluate])) };
const known = new Set(Object.keys(operators));

function witnessOf(condition: Condition, values: Record<string, unknown[]> = {}) {
  const space = buildFactSpace([condition], new Map(Object.entries(values)), known);
  const w = findWitness(condition, space, operators);
  return w === undefined || w === 'unknown' ? w : Object.fromEntries(w);
}

describe('the search over the fact space', () => {
  it('proves a contradiction has no witness', () => {
    expect(
      witnessOf({
        all: [
          { fact: 'case', path: 'class', operator: 'equal', value: 'suggestion' },
          { fact: 'case', path: 'class', operator: 'equal', value: 'appeal' },
        ],
      }),
    ).toBeUndefined();
    // class is an enumeration of three: none is both "not suggestion", "not appeal" and "not accusation".
    expect(
      witnessOf({
        all: [
          { fact: 'case', path: 'class', operator: 'notEqual', value: 'suggestion' },
          { fact: 'case', path: 'class', operator: 'notIn', value: ['appeal', 'accusation'] },
        ],
      }),
    ).toBeUndefined();
  });

  it('finds a value past a parameter threshold, and the value the parameter has', () => {
    const w = witnessOf(
      { all: [{ fact: 'visitorsAppearing', operator: 'greaterThan', value: { fact: 'param', path: 'maxRepresentatives' } }] },
      { 'param.maxRepresentatives': [5] },
    );
    expect(w).toEqual({ visitorsAppearing: 6, 'param.maxRepresentatives': 5 });
    // Between two thresholds: more than 3 and at most 5.
    expect(
      witnessOf({
        all: [
          { fact: 'receivingLevel', operator: 'greaterThan', value: 3 },
          { fact: 'receivingLevel', operator: 'lessThanInclusive', value: 4 },
        ],
      }),
    ).toEqual({ receivingLevel: 4 });
  });

  it('reads not and any, and a field only under an object that is there', () => {
    expect(witnessOf({ not: { any: [{ fact: 'case', path: 'channel', operator: 'equal', value: 'visit' }, { fact: 'case', path: 'channel', operator: 'equal', value: 'letter' }] } })).toEqual({
      'case.channel': 'phone',
    });
    // A serious consequence of a misconduct entry that is absent cannot be on record.
    expect(
      witnessOf({
        all: [
          { fact: 'misconduct', path: 'rough-conduct', operator: 'isDefined', value: false },
          { fact: 'misconduct', path: 'rough-conduct.seriousConsequences', operator: 'equal', value: true },
        ],
      }),
    ).toBeUndefined();
  });
});

function builtinLintInput(evaluator: ReturnType<typeof createEvaluator>) {
  const catalogues = [...builtinCatalogue().map((c) => c.data), ...evaluator.packs.flatMap((p) => (p.provisions ? [p.provisions] : []))];
  return { packs: evaluator.packs, rules: evaluator.rules, catalogues, policy: Object.fromEntries(evaluator.policy.map((p) => [p.id, p.value])) };
}

describe('the built-in packs', () => {
  it('lint clean: no finding, nothing undecided', () => {
    const report = lintPacks(builtinLintInput(createEvaluator({})));
    expect(report.findings).toEqual([]);
    expect(report.undecided).toEqual([]);
    expect(report.checked.rules).toBeGreaterThan(150);
  });
});

const bi = (en: string) => ({ en, zh: en });
const rule = (id: string, conditions: unknown, outcomes: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  title: bi(id),
  citations: [`lintland:${id.split('.')[1]}`],
  conditions,
  outcomes,
  ...extra,
});
const appealAccepted = {
  all: [
    { fact: 'case', path: 'class', operator: 'equal', value: 'appeal' },
    { fact: 'happened', path: 'accepted', operator: 'isDefined', value: true },
  ],
};

/** A jurisdiction pack that has one of each finding the check knows. */
const lintland: PackData = {
  manifest: {
    id: 'lintland',
    title: bi('Lintland regulations'),
    role: 'jurisdiction',
    jurisdiction: 'lintland',
    inForce: { from: '2020-01-01', to: '2025-12-31' },
    lint: [
      { finding: 'conflicting-time-limits:xf2005.art33.conclude+lintland.art3.conclude', reason: bi('Lintland shortens the 2005 period on purpose.') },
      { finding: 'never-fires:lintland.art9.gone', reason: bi('An explanation of a rule that no longer exists.') },
    ],
  },
  parameters: {
    parameters: {
      localConclude: { description: bi('Local period'), values: [{ from: '2020-01-01', value: { days: 30, unit: 'calendar' }, source: ['lintland:art3'] }] },
      unusedThing: { description: bi('Named by no rule'), values: [{ from: '2020-01-01', value: { days: 5, unit: 'working' }, source: ['lintland:art3'] }] },
    },
  },
  rules: [
        rule('lintland.art1.never', { all: [{ fact: 'case', path: 'class', operator: 'equal', value: 'suggestion' }, { fact: 'case', path: 'class', operator: 'equal', value: 'appeal' }] }, [
          { kind: 'guidance', id: 'elect-representatives' },
        ]),
        rule('lintland.art2.depends', { all: [{ fact: 'case', path: 'channel', operator: 'equal', value: 'visit' }] }, [{ kind: 'guidance', id: 'elect-representatives' }], {
          dependsOn: ['lintland.art1.never'],
        }),
        rule('lintland.art3.conclude', appealAccepted, [
          { kind: 'obligation', id: 'conclude', organ: 'handlingOrgan', period: 'localConclude', startsOn: [{ event: 'accepted' }], metBy: [{ event: 'concluded' }] },
        ]),
        rule('lintland.art4.visit', { all: [{ fact: 'case', path: 'channel', operator: 'equal', value: 'visit' }] }, [{ kind: 'guidance', id: 'elect-representatives' }]),
        rule(
          'lintland.art4.large-visit',
          { all: [{ fact: 'case', path: 'channel', operator: 'equal', value: 'visit' }, { fact: 'case', path: 'petitioners', operator: 'greaterThan', value: 5 }] },
          [{ kind: 'guidance', id: 'elect-representatives' }],
        ),
  ],
  provisions: {
    instrument: { id: 'lintland', title: bi('Lintland regulations'), inForce: { from: '2020-01-01', to: null } },
    provisions: ['art1', 'art2', 'art3', 'art4'].map((a) => ({
      id: `lintland:${a}`,
      title: bi(a),
      summary: bi(a),
      rules: [],
      notOperational: null,
    })),
  },
};

describe('a pack with one of each finding', () => {
  const evaluator = createEvaluator({ packs: [lintland], jurisdiction: 'lintland' });
  const report = lintPacks(builtinLintInput(evaluator));
  const byId = new Map(report.findings.map((f) => [f.id, f]));

  it('reports each, and only those', () => {
    expect(report.findings.map((f) => f.id)).toEqual([
      'conflicting-time-limits:xfgz2022.art34.conclude+lintland.art3.conclude',
      'depends-on-never-firing:lintland.art2.depends+lintland.art1.never',
      'never-fires:lintland.art1.never',
      'redundant-rule:lintland.art4.large-visit+lintland.art4.visit',
      'stale-explanation:lintland:never-fires:lintland.art9.gone',
      'unused-parameter:lintland.unusedThing',
    ]);
    expect(report.explained.map((f) => [f.id, f.explained?.en])).toEqual([
      ['conflicting-time-limits:xf2005.art33.conclude+lintland.art3.conclude', 'Lintland shortens the 2005 period on purpose.'],
    ]);
  });

  it('gives a witness under which both conflicting rules fire, and the dates on which both are in force', () => {
    const f = byId.get('conflicting-time-limits:xfgz2022.art34.conclude+lintland.art3.conclude')!;
    // xfgz2022 art34 (with art31(6)): an appeal in the petition procedure, accepted, not pending below,
    // not terminated before, not law- and litigation-related; lintland art3: an accepted appeal.
    expect(f.witness).toMatchObject({
      'case.class': 'appeal',
      'case.legalRoute': 'petition',
      'case.previouslyTerminated': false,
      pendingBelow: false,
      lawAndLitigation: false,
      'happened.not-accepted': '(absent)',
    });
    expect(f.witness!['happened.accepted']).not.toBe('(absent)');
    expect(f.window).toEqual({ from: '2022-05-01', to: '2025-12-31' });
  });

  it('shows the redundant rule firing with the one that covers it', () => {
    expect(byId.get('redundant-rule:lintland.art4.large-visit+lintland.art4.visit')!.witness).toEqual({ 'case.channel': 'visit', 'case.petitioners': 6 });
  });

  it('reports a citation no catalogue holds', () => {
    const input = builtinLintInput(evaluator);
    const without = lintPacks({ ...input, catalogues: input.catalogues.filter((c) => c.instrument.id !== 'lintland') });
    expect(without.findings.filter((f) => f.kind === 'uncatalogued-citation').map((f) => f.id)).toEqual([
      'uncatalogued-citation:parameter localConclude:lintland:art3',
      'uncatalogued-citation:parameter unusedThing:lintland:art3',
      'uncatalogued-citation:rule lintland.art1.never:lintland:art1',
      'uncatalogued-citation:rule lintland.art2.depends:lintland:art2',
      'uncatalogued-citation:rule lintland.art3.conclude:lintland:art3',
      'uncatalogued-citation:rule lintland.art4.large-visit:lintland:art4',
      'uncatalogued-citation:rule lintland.art4.visit:lintland:art4',
    ]);
  });

  it('gives the same report on every run', () => {
    expect(JSON.stringify(lintPacks(builtinLintInput(createEvaluator({ packs: [lintland] }))))).toBe(JSON.stringify(report));
  });
});

describe('petition-rules lint', () => {
  it('says the built-in packs are clean and exits 0', async () => {
    const r = await runCli(['lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^checked \d+ rules in 6 packs/);
    expect(r.stdout.trim().endsWith('clean')).toBe(true);
  });

  it('reports a folder pack with findings and exits 1; --json gives the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const pack = join(dir, 'lintland');
    mkdirSync(join(pack, 'rules'), { recursive: true });
    writeFileSync(join(pack, 'pack.json'), JSON.stringify(lintland.manifest));
    writeFileSync(join(pack, 'parameters.json'), JSON.stringify(lintland.parameters));
    writeFileSync(join(pack, 'provisions.json'), JSON.stringify(lintland.provisions));
    writeFileSync(join(pack, 'rules', 'rules.json'), JSON.stringify({ rules: lintland.rules }));
    const text = await runCli(['lint', '--packs', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('6 findings:');
    expect(text.stdout).toContain('never-fires:lintland.art1.never');
    expect(text.stdout).toContain('witness: {"case.channel":"visit","case.petitioners":6}');
    expect(text.stdout).toContain('1 explained by their packs:');
    const json = await runCli(['lint', '--packs', dir, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings).toHaveLength(6);
  });
});
