import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { RulePackError } from '../../src/errors/RulePackError.js';
import { createEvaluator } from '../../src/node/createEvaluator.js';
import { packFromData, type PackData } from '../../src/rules/loadPack.js';
import { loadPackFromDir } from '../../src/node/packFolder.js';
import { fixtureDirectory } from './generateCases.js';

/**
 * Issue 2, criteria 3 and 6: rules are data, checked when loaded. A malformed pack fails at load —
 * never at evaluation — with its file, the rule id and the problem; fact paths are plain dotted paths
 * only. The procedural pack is chosen by the receipt date, and `asOf` is the only "today".
 */

const manifest = {
  id: 'test-local',
  title: { en: 'A test pack', zh: '测试规则包' },
  role: 'principles',
  inForce: { from: '2005-05-01', to: null },
};

/** A well-formed rule of the test pack; each test breaks one thing. */
function rule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-local.art1.pending-below',
    title: { en: 'Pending below', zh: '下级正在办理' },
    citations: ['xfgz2022:art19'],
    conditions: { all: [{ fact: 'case', path: 'pendingBelow', operator: 'equal', value: true }] },
    outcomes: [{ kind: 'guidance', id: 'pending-below' }],
    ...overrides,
  };
}

const pack = (...rules: Array<Record<string, unknown>>): PackData => ({ manifest, rules });

/** The RulePackError a pack given as data raises when an evaluator is built from it. */
function loadError(data: PackData): RulePackError {
  try {
    createEvaluator({ directory: fixtureDirectory, packs: [data] });
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return error as RulePackError;
  }
  return expect.fail('the pack was accepted');
}

const leaf = (l: Record<string, unknown>) => ({ all: [l] });

describe('a rule pack given as data', () => {
  it('is accepted when well-formed, and its rules join the built-in ones', async () => {
    const evaluator = createEvaluator({ directory: fixtureDirectory, packs: [pack(rule())] });
    expect(evaluator.packs.map((p) => p.manifest.id)).toContain('test-local');
    const a = await evaluator.evaluate(
      { id: 'c', receivedOn: '2023-03-01', channel: 'letter', class: 'suggestion', receivingOrgan: 'qt-petition', pendingBelow: true },
      { asOf: '2023-03-01' },
    );
    expect(a.packs.map((p) => p.id)).toEqual(['op2007', 'test-local', 'xfgz2022']);
    // Built-in packs come first in the rule order, then the caller's; both rules' grounds are merged.
    expect(a.guidance.find((g) => g.id === 'pending-below')?.rules).toEqual(['xfgz2022.art19.pending-below', 'test-local.art1.pending-below']);
  });

  for (const path of ['$.flags.major', 'flags[0]', 'a..b', '$..major', 'flags.major[?(@.x)]']) {
    it(`rejects the JSONPath-style path ${JSON.stringify(path)} at load, naming the file and the rule`, () => {
      const error = loadError(pack(rule({ conditions: leaf({ fact: 'case', path, operator: 'equal', value: true }) })));
      expect(error.file).toBe('packs[0]/rules');
      expect(error.ruleId).toBe('test-local.art1.pending-below');
      expect(error.message).toContain('packs[0]/rules');
      expect(error.message).toContain('test-local.art1.pending-below');
      expect(error.problems.join('\n')).toMatch(/conditions\.all\[0\]\.path: must be a plain dotted path/);
    });
  }

  it('rejects a JSONPath inside a fact reference on the right-hand side', () => {
    const error = loadError(pack(rule({ conditions: leaf({ fact: 'case', path: 'repeatCount', operator: 'greaterThan', value: { fact: 'policy', path: '$.x' } }) })));
    expect(error.ruleId).toBe('test-local.art1.pending-below');
    expect(error.problems.join('\n')).toMatch(/conditions\.all\[0\]\.value\.path: must be a plain dotted path/);
  });

  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown fact', { conditions: leaf({ fact: 'weather', operator: 'equal', value: 'rain' }) }, /unknown fact "weather"/],
    ['an unknown operator', { conditions: leaf({ fact: 'case', path: 'repeatCount', operator: 'approximately', value: 2 }) }, /unknown operator "approximately"/],
    ['an unknown party', { outcomes: [{ kind: 'guidance', id: 'pending-below', organ: 'mayorOrgan' }] }, /unknown party "mayorOrgan"/],
    ['a dependency on a rule that is not loaded', { dependsOn: ['test-local.art9.missing'] }, /depends on rule "test-local\.art9\.missing", which is not loaded/],
    [
      'reading obligations without dependsOn',
      { conditions: leaf({ fact: 'obligations', path: 'conclude.status', operator: 'equal', value: 'overdue' }) },
      /reads "obligations", which only earlier rules produce: list them in "dependsOn"/,
    ],
    ['reading outcomes without dependsOn', { conditions: leaf({ fact: 'outcomes', path: 'guidance.terminated', operator: 'equal', value: true }) }, /reads "outcomes"/],
    [
      'an obligation whose period no loaded pack defines',
      { outcomes: [{ kind: 'obligation', id: 'conclude', organ: 'handlingOrgan', period: 'reviewAcceptanceDecision', startsOn: [{ event: 'accepted' }], metBy: [{ event: 'concluded' }] }] },
      /obligation "conclude" names parameter "reviewAcceptanceDecision", which no loaded pack defines/,
    ],
    ['a missing title', { title: undefined }, /title/],
    ['a citation that is not a citation id', { citations: ['Article 19'] }, /citations\[0\]/],
    ['no outcome', { outcomes: [] }, /at least one outcome/],
    ['an unknown key', { priority: 5 }, /priority/],
  ];
  for (const [what, overrides, problem] of cases) {
    it(`fails at load on ${what}, with file, rule id and problem`, () => {
      const error = loadError(pack(rule(overrides)));
      expect(error.file).toBe('packs[0]/rules');
      expect(error.ruleId).toBe('test-local.art1.pending-below');
      expect(error.problems.join('\n')).toMatch(problem);
    });
  }

  it('fails on a dependency cycle, naming the cycle', () => {
    const a = rule({ id: 'test-local.art1.a', dependsOn: ['test-local.art1.b'] });
    const b = rule({ id: 'test-local.art1.b', dependsOn: ['test-local.art1.a'] });
    const error = loadError(pack(a, b));
    expect(error.ruleId).toMatch(/^test-local\.art1\.[ab]$/);
    expect(error.problems.join('\n')).toMatch(/dependency cycle: test-local\.art1\.[ab] → test-local\.art1\.[ab] → test-local\.art1\.[ab]/);
  });

  it('fails on a duplicate rule id, within the pack or against a built-in rule', () => {
    const within = loadError(pack(rule(), rule()));
    expect(within.ruleId).toBe('test-local.art1.pending-below');
    expect(within.problems.join('\n')).toMatch(/rule id "test-local\.art1\.pending-below" is already used in packs\[0\]\/rules/);
    const builtin = loadError(pack(rule({ id: 'xfgz2022.art19.pending-below' })));
    expect(builtin.file).toBe('packs[0]/rules');
    expect(builtin.problems.join('\n')).toMatch(/rule id "xfgz2022\.art19\.pending-below" is already used in rules\/xfgz2022\/rules\/art19\.json/);
  });

  it('fails on a malformed manifest, naming pack.json', () => {
    expect(() => packFromData({ manifest: { ...manifest, role: 'regulation' }, rules: [] }, 'mine')).toThrow(/mine\/pack\.json: role/);
  });

  it('keeps the rule order of the data: stages follow dependsOn, not position', () => {
    const reader = rule({
      id: 'test-local.art2.reads',
      dependsOn: ['test-local.art1.pending-below'],
      conditions: leaf({ fact: 'outcomes', path: 'guidance.pending-below', operator: 'equal', value: true }),
      outcomes: [{ kind: 'escalation', id: 'leader-package' }],
    });
    const evaluator = createEvaluator({ directory: fixtureDirectory, packs: [pack(reader, rule())] });
    const staged = evaluator.rules.filter((r) => r.pack === 'test-local').map((r) => [r.id, r.stage]);
    expect(staged).toEqual([
      ['test-local.art2.reads', 1],
      ['test-local.art1.pending-below', 0],
    ]);
  });
});

describe('a rule pack read from a folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'petition-rules-pack-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function folder(name: string, files: Record<string, string>): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, 'rules', file), content);
    return dir;
  }

  it('loads a well-formed folder, each rule knowing its file', () => {
    const dir = folder('good', { 'art1.json': JSON.stringify({ rules: [rule()] }) });
    const loaded = loadPackFromDir(dir);
    expect(loaded.rules.map((r) => [r.id, r.file])).toEqual([['test-local.art1.pending-below', join(dir, 'rules', 'art1.json')]]);
    expect(() => createEvaluator({ directory: fixtureDirectory, packs: [dir] })).not.toThrow();
  });

  it('fails on a file that is not JSON, naming the file', () => {
    const dir = folder('not-json', { 'art1.json': JSON.stringify({ rules: [rule()] }), 'art2.json': '{ "rules": [ { "id": "test-local.art2.x", ' });
    let error: unknown;
    try {
      loadPackFromDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as RulePackError).file).toBe(join(dir, 'rules', 'art2.json'));
    expect((error as RulePackError).problems[0]).toMatch(/cannot be read as JSON/);
  });

  it('fails on a malformed rule, naming the file and the rule id', () => {
    const dir = folder('bad-rule', { 'art3.json': JSON.stringify({ rules: [rule({ id: 'test-local.art3.bad', conditions: leaf({ fact: 'case', path: '$.class', operator: 'equal', value: 'appeal' }) })] }) });
    expect(() => createEvaluator({ directory: fixtureDirectory, packs: [dir] })).toThrow(RulePackError);
    try {
      loadPackFromDir(dir);
    } catch (e) {
      const error = e as RulePackError;
      expect(error.file).toBe(join(dir, 'rules', 'art3.json'));
      expect(error.ruleId).toBe('test-local.art3.bad');
      expect(error.message).toMatch(/art3\.json \(rule test-local\.art3\.bad\): conditions\.all\[0\]\.path: must be a plain dotted path/);
    }
  });

  it('fails on a folder that holds no pack, or is not there, naming it', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(() => createEvaluator({ directory: fixtureDirectory, packs: [empty] })).toThrow(RulePackError);
    expect(() => createEvaluator({ directory: fixtureDirectory, packs: [empty] })).toThrow(/empty: no rule pack here/);
    expect(() => createEvaluator({ directory: fixtureDirectory, packs: [join(root, 'missing')] })).toThrow(/missing: not a folder/);
  });

  it('fails on a rule file of the wrong shape, naming the file', () => {
    const dir = folder('bad-file', { 'art4.json': JSON.stringify([rule()]) });
    expect(() => loadPackFromDir(dir)).toThrow(/art4\.json: \(root\)/);
  });
});

describe('pack selection and the evaluation date', () => {
  const evaluator = createEvaluator({ directory: fixtureDirectory });
  const input = (receivedOn: string) => ({
    id: `sel-${receivedOn}`,
    receivedOn,
    channel: 'visit',
    class: 'appeal',
    legalRoute: 'petition',
    petitioners: 7,
    receivingOrgan: 'qt-petition',
    handlingOrgan: 'qt-nr',
    events: [{ type: 'received', on: receivedOn, by: 'qt-petition' }],
  });
  afterEach(() => vi.useRealTimers());

  it('picks the procedural pack by the receipt date: xf2005 to 2022-04-30, xfgz2022 from 2022-05-01', async () => {
    const before = await evaluator.evaluate(input('2022-04-30'), { asOf: '2022-05-10' });
    const after = await evaluator.evaluate(input('2022-05-01'), { asOf: '2022-05-10' });
    expect(before.packs.map((p) => p.id)).toEqual(['op2007', 'xf2005']);
    expect(after.packs.map((p) => p.id)).toEqual(['op2007', 'xfgz2022']);
    expect(before.guidance.find((g) => g.id === 'elect-representatives')?.basis).toEqual(['xf2005:art18']);
    expect(after.guidance.find((g) => g.id === 'elect-representatives')?.basis).toEqual(['xfgz2022:art20']);
    expect(before.trace.every((t) => t.pack !== 'xfgz2022')).toBe(true);
    expect(after.trace.every((t) => t.pack !== 'xf2005')).toBe(true);
  });

  it('the evaluation date is the given asOf, and evaluating later does not change the packs', async () => {
    const early = await evaluator.evaluate(input('2022-05-01'), { asOf: '2022-05-02' });
    const late = await evaluator.evaluate(input('2022-05-01'), { asOf: '2024-12-31' });
    expect(early.asOf).toBe('2022-05-02');
    expect(late.asOf).toBe('2024-12-31');
    expect(late.packs).toEqual(early.packs);
    expect(late.responsibilities).toEqual(early.responsibilities);
    expect(late.guidance).toEqual(early.guidance);
  });

  it('never reads the clock: the same call gives the same answer whatever the system time', async () => {
    const real = JSON.stringify(await evaluator.evaluate(input('2022-05-01'), { asOf: '2022-06-01' }));
    for (const now of ['1999-12-31T23:59:59Z', '2022-05-01T00:00:00+08:00', '2099-01-01T00:00:00Z']) {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
      expect(JSON.stringify(await evaluator.evaluate(input('2022-05-01'), { asOf: '2022-06-01' }))).toBe(real);
      vi.useRealTimers();
    }
  });

  it('rejects a receipt date no procedural pack covers, and an asOf that is not a date', async () => {
    await expect(evaluator.evaluate(input('2005-04-30'), { asOf: '2005-05-02' })).rejects.toMatchObject({ issues: [{ path: 'receivedOn' }] });
    await expect(evaluator.evaluate(input('2022-05-01'), { asOf: 'today' })).rejects.toMatchObject({ issues: [{ path: 'asOf' }] });
  });
});

describe('the op2007 pack and its catalogue', () => {
  it('give the same in-force dates in pack.json and provisions.json', () => {
    const dir = join(import.meta.dirname, '..', '..', 'rules', 'op2007');
    const manifestFile = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as { inForce: unknown };
    const catalogue = JSON.parse(readFileSync(join(dir, 'provisions.json'), 'utf8')) as { instrument: { inForce: unknown } };
    expect(catalogue.instrument.inForce).toEqual(manifestFile.inForce);
  });
});
