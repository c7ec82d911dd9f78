import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/node/loadCatalogue.js';
import { EVALUATOR_KINDS } from '../../src/engine/runner.js';
import { RulePackError } from '../../src/errors/RulePackError.js';
import { createEvaluator } from '../../src/node/createEvaluator.js';
import { MAX_PACK_NESTING } from '../../src/rules/loadPack.js';
import { fixtureDirectory } from '../core/generateCases.js';

/**
 * Issue 11 §4 and §7, the malicious-pack set: every hostile pack variant the probe found is written to
 * a folder, loaded through `createEvaluator` with each evaluator, and refused with a RulePackError
 * naming the file and the field — never accepted, never a crash at evaluation, never a RangeError.
 */

const text = (en: string) => ({ en, zh: `（${en}）` });
const manifest = (over: Record<string, unknown> = {}) => ({ id: 'hostile', title: text('A hostile pack'), role: 'principles', inForce: { from: '2005-05-01', to: null }, ...over });
const leafCondition = { fact: 'case', path: 'pendingBelow', operator: 'equal', value: true };
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'hostile.art1.x',
  title: text('x'),
  citations: ['xfgz2022:art19'],
  conditions: { all: [leafCondition] },
  outcomes: [{ kind: 'guidance', id: 'pending-below' }],
  ...over,
});
const obligation = (period: string, extra: Record<string, unknown> = {}) => ({
  kind: 'obligation',
  id: 'hostile-duty',
  organ: 'handlingOrgan',
  period,
  startsOn: [{ event: 'accepted' }],
  metBy: [{ event: 'concluded' }],
  ...extra,
});
const parameters = (values: unknown[], id = 'hostilePeriod') => ({ parameters: { [id]: { description: text('p'), values } } });
const value = (v: unknown, from = '2005-05-01', source = ['xfgz2022:art19']) => ({ from, value: v, source });
const catalogue = (ids: string[]) => ({
  instrument: { id: 'hostile', title: text('Hostile'), inForce: { from: null, to: null } },
  provisions: ids.map((id) => ({ id, title: text(id), summary: text(id), rules: [], notOperational: text('test') })),
});

/** A pack folder's files: `pack.json`, and any of `parameters.json`, `provisions.json`, `rules/*.json`, as text or as data. */
type Files = Record<string, unknown>;

interface Variant {
  readonly name: string;
  readonly files: Files;
  /** The file named, relative to the pack folder. */
  readonly file: string;
  /** What the problem says: the field and the problem. */
  readonly problem: RegExp;
  readonly ruleId?: string;
  readonly jurisdiction?: string;
}

let deep: unknown = leafCondition;
for (let i = 0; i < 1500; i++) deep = { not: deep };

const variants: Variant[] = [
  // Parameter values of the wrong kind.
  {
    name: 'a parameter value that is a string',
    files: { 'parameters.json': parameters([value('abc')]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.value: must be a period .* or a count .*, not a string$/,
  },
  {
    name: 'a period of -5 days',
    files: { 'parameters.json': parameters([value({ days: -5 })]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.value: a period must be at least 1 day \(-5 days is no period\)/,
  },
  {
    name: 'a period of 0 days',
    files: { 'parameters.json': parameters([value({ days: 0, unit: 'calendar' })]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.value\.days: a period is at least 1 day/,
  },
  {
    name: 'a count used where a period is meant',
    files: { 'parameters.json': parameters([value(15)]), 'rules/art1.json': { rules: [rule({ outcomes: [obligation('hostilePeriod')] })] } },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.value: rule hostile\.art1\.x uses "hostilePeriod" as a period \(.*rules\/art1\.json, outcomes\[0\]\.period\), but this value is 15$/,
  },
  {
    name: 'a period used where a condition compares with a count',
    files: {
      'parameters.json': parameters([value({ days: 3, unit: 'working' })]),
      'rules/art1.json': { rules: [rule({ conditions: { all: [{ fact: 'case', path: 'petitioners', operator: 'greaterThan', value: { fact: 'param', path: 'hostilePeriod' } }] } })] },
    },
    file: 'parameters.json',
    problem: /uses "hostilePeriod" as a count \(a condition compares with it\) \(.*conditions\.all\[0\]\.value\.path\)/,
  },
  {
    name: 'an extension maximum counting other days than its period',
    files: {
      'parameters.json': {
        parameters: {
          hostilePeriod: { description: text('p'), values: [value({ days: 5, unit: 'working' })] },
          hostileMaximum: { description: text('m'), values: [value({ days: 30, unit: 'calendar' })] },
        },
      },
      'rules/art1.json': { rules: [rule({ outcomes: [obligation('hostilePeriod', { extension: { event: 'extension-approved', maximum: 'hostileMaximum' } })] })] },
    },
    file: 'parameters.json',
    problem: /^parameters\.hostileMaximum: for a matter received on 2005-05-01, "hostileMaximum" counts calendar days but the period "hostilePeriod" it extends counts working days \(rule hostile\.art1\.x, .*outcomes\[0\]\.extension\)$/,
  },
  {
    name: 'a local override making a national extension count other days than its period',
    files: {
      'pack.json': manifest({ role: 'jurisdiction', jurisdiction: 'hostile', inForce: { from: '2016-01-01', to: null } }),
      'parameters.json': { parameters: { concludeExtension: { description: text('m'), overrides: ['xf2005', 'xfgz2022'], values: [value({ days: 10, unit: 'working' }, '2016-01-01')] } } },
    },
    file: 'parameters.json',
    problem: /^parameters\.concludeExtension: for a matter received on 2016-01-01 in hostile, "concludeExtension" counts working days but the period "conclude" it extends counts calendar days/,
  },
  // No value in force.
  {
    name: 'a parameter whose first value starts after its pack',
    files: { 'parameters.json': parameters([value({ days: 3, unit: 'working' }, '2010-01-01')]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values: no value is in force from 2005-05-01 \(the pack's inForce\.from\) until 2010-01-01/,
  },
  {
    name: 'a parameter value starting after its pack ceased',
    files: { 'pack.json': manifest({ inForce: { from: '2005-05-01', to: '2009-12-31' } }), 'parameters.json': parameters([value({ days: 3, unit: 'working' }), value({ days: 4, unit: 'working' }, '2012-01-01')]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[1\]\.from: 2012-01-01 is after the pack ceases to be in force \(2009-12-31\)/,
  },
  {
    name: 'two values of a parameter starting the same day',
    files: { 'parameters.json': parameters([value({ days: 3, unit: 'working' }), value({ days: 4, unit: 'working' })]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[1\]\.from: 2005-05-01 is also the start of values\[0\]/,
  },
  {
    name: 'a rule using a parameter that has no value while the rule applies',
    // objectToTransfer exists only in xfgz2022 (from 2022-05-01); the rule applies from 2005.
    files: { 'rules/art1.json': { rules: [rule({ outcomes: [obligation('objectToTransfer')] })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^outcomes\[0\]\.period: parameter "objectToTransfer" has no value in force for a matter received on 2005-05-01, when this rule applies/,
  },
  {
    name: 'a condition comparing with a parameter that has no value while the rule applies',
    files: { 'rules/art1.json': { rules: [rule({ validTo: '2021-12-31', conditions: { all: [{ fact: 'case', path: 'petitioners', operator: 'greaterThan', value: { fact: 'param', path: 'representativesSmallGroupSize' } }] } })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^conditions\.all\[0\]\.value\.path: parameter "representativesSmallGroupSize" has no value in force/,
  },
  {
    name: 'a parameter with no values at all',
    files: { 'parameters.json': parameters([]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values: a parameter needs at least one dated value/,
  },
  // Names every object inherits.
  {
    name: 'a parameter named constructor',
    files: { 'parameters.json': parameters([value({ days: 3, unit: 'working' })], 'constructor') },
    file: 'parameters.json',
    problem: /^parameters\.constructor: the key is the name of a member every JavaScript object inherits/,
  },
  {
    name: 'a parameter named toString',
    files: { 'parameters.json': parameters([value(3)], 'toString') },
    file: 'parameters.json',
    problem: /^parameters\.toString: the key is the name of a member every JavaScript object inherits/,
  },
  {
    name: 'an obligation whose period is named hasOwnProperty',
    files: { 'rules/art1.json': { rules: [rule({ outcomes: [obligation('hasOwnProperty')] })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /outcomes\[0\]\.period: is the name of a member every JavaScript object inherits/,
  },
  {
    name: 'a condition comparing with the parameter toString, which no pack defines',
    files: { 'rules/art1.json': { rules: [rule({ conditions: { all: [{ fact: 'case', path: 'petitioners', operator: 'greaterThan', value: { fact: 'param', path: 'toString' } }] } })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^conditions\.all\[0\]\.value\.path: parameter "toString" has no value in force/,
  },
  {
    name: 'a condition reading the fact constructor',
    files: { 'rules/art1.json': { rules: [rule({ conditions: { all: [{ fact: 'constructor', operator: 'equal', value: 1 }] } })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^condition reads unknown fact "constructor"$/,
  },
  // Citations nothing holds.
  {
    name: 'a rule citing an article the catalogue does not list',
    files: { 'rules/art1.json': { rules: [rule({ citations: ['xfgz2022:art19', 'xfgz2022:art99'] })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^citations\[1\]: "xfgz2022:art99" is not a provision the catalogue of xfgz2022 lists/,
  },
  {
    name: 'a rule citing an instrument no catalogue covers',
    files: { 'rules/art1.json': { rules: [rule({ citations: ['nowhere:art1'] })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^citations\[0\]: "nowhere:art1" cites the instrument "nowhere", which no loaded catalogue covers/,
  },
  {
    name: 'a rule citing its own pack beyond its catalogue',
    files: { 'provisions.json': catalogue(['hostile:art1']), 'rules/art1.json': { rules: [rule({ citations: ['hostile:art1', 'hostile:art2(3)'] })] } },
    file: 'rules/art1.json',
    ruleId: 'hostile.art1.x',
    problem: /^citations\[1\]: "hostile:art2\(3\)" is not a provision the catalogue of hostile lists/,
  },
  {
    name: 'a parameter citing a source nothing holds',
    files: { 'parameters.json': parameters([value({ days: 3, unit: 'working' }, '2005-05-01', ['xf2005:art99'])]) },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.source\[0\]: "xf2005:art99" is not a provision the catalogue of xf2005 lists/,
  },
  // Packs competing for the same days.
  {
    name: 'a second procedural pack overlapping xfgz2022',
    files: { 'pack.json': manifest({ role: 'procedure', inForce: { from: '2024-01-01', to: null } }) },
    file: 'pack.json',
    problem: /^inForce: 2024-01-01 to now overlaps the procedural pack "xfgz2022" \(2022-05-01 to now\)/,
  },
  {
    name: 'a second procedural pack overlapping xf2005 by one day',
    files: { 'pack.json': manifest({ role: 'procedure', inForce: { from: '1990-01-01', to: '2005-05-01' } }) },
    file: 'pack.json',
    problem: /^inForce: 1990-01-01 to 2005-05-01 overlaps the procedural pack "xf2005"/,
  },
  {
    name: 'a second pack for the jurisdiction zhejiang',
    files: { 'pack.json': manifest({ role: 'jurisdiction', jurisdiction: 'zhejiang', inForce: { from: '2020-01-01', to: null } }) },
    file: 'pack.json',
    problem: /^jurisdiction: "zhejiang" is already served by the pack "zhejiang-2016"/,
  },
  {
    name: 'a jurisdiction pack naming no jurisdiction',
    files: { 'pack.json': manifest({ role: 'jurisdiction' }) },
    file: 'pack.json',
    problem: /^jurisdiction: a jurisdiction pack must name the jurisdiction/,
  },
  // Hostile JSON.
  {
    name: 'a __proto__ key in a condition value',
    files: { 'rules/art1.json': JSON.stringify({ rules: [rule()] }).replace('"value":true', '"value":{"__proto__":{"polluted":true}}') },
    file: 'rules/art1.json',
    problem: /^rules\[0\]\.conditions\.all\[0\]\.value\.__proto__: a "__proto__" key is not allowed$/,
  },
  {
    name: 'a __proto__ key in the manifest',
    files: { 'pack.json': JSON.stringify(manifest()).replace('{', '{"__proto__":{"role":"procedure"},') },
    file: 'pack.json',
    problem: /^__proto__: a "__proto__" key is not allowed$/,
  },
  {
    name: 'a __proto__ key in a parameter value',
    files: { 'parameters.json': JSON.stringify(parameters([value({ days: 3, unit: 'working' })])).replace('{"days"', '{"__proto__":{"days":0},"days"') },
    file: 'parameters.json',
    problem: /^parameters\.hostilePeriod\.values\[0\]\.value\.__proto__: a "__proto__" key is not allowed$/,
  },
  {
    name: '1,500 nested "not"',
    files: { 'rules/art1.json': { rules: [rule({ conditions: deep })] } },
    file: 'rules/art1.json',
    problem: new RegExp(`^rules\\[0\\]\\.conditions(\\.not)+: nests deeper than ${MAX_PACK_NESTING} levels$`),
  },
  {
    name: 'a rules file that is not JSON',
    files: { 'rules/art1.json': 'SECRET-TOKEN-abc123 {' },
    file: 'rules/art1.json',
    problem: /^cannot be read as JSON: not valid JSON( \(at character \d+\))?$/,
  },
  {
    name: 'a parameters file that is not JSON',
    files: { 'parameters.json': '{"parameters": SECRET' },
    file: 'parameters.json',
    problem: /^cannot be read as JSON: not valid JSON/,
  },
  // Catalogues.
  {
    name: 'a catalogue listing a provision twice',
    files: { 'provisions.json': catalogue(['hostile:art1', 'hostile:art1']) },
    file: 'provisions.json',
    problem: /^provisions\[1\]\.id: "hostile:art1" is already listed at provisions\[0\]$/,
  },
  {
    name: 'a catalogue listing another instrument\'s provision',
    files: { 'provisions.json': catalogue(['xfgz2022:art19']) },
    file: 'provisions.json',
    problem: /^provisions\[0\]\.id: "xfgz2022:art19" is not a provision of hostile/,
  },
  {
    name: 'a catalogue that is not JSON',
    files: { 'provisions.json': 'SECRET' },
    file: 'provisions.json',
    problem: /^cannot be read as JSON: not valid JSON/,
  },
];

describe('the malicious-pack set', () => {
  const root = mkdtempSync(join(tmpdir(), 'petition-rules-malicious-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;

  /** Writes a pack folder: a well-formed `pack.json` unless one is given, then the files given. */
  function write(files: Files): string {
    const dir = join(root, `pack-${n++}`);
    mkdirSync(join(dir, 'rules'), { recursive: true });
    const all: Files = { 'pack.json': manifest(), ...files };
    for (const [name, content] of Object.entries(all)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    return dir;
  }

  /** The RulePackError building an evaluator of this kind from the folder raises. */
  function refusal(dir: string, evaluator: (typeof EVALUATOR_KINDS)[number], jurisdiction?: string): RulePackError {
    try {
      createEvaluator({ directory: fixtureDirectory, packs: [dir], evaluator, ...(jurisdiction ? { jurisdiction } : {}) });
    } catch (error) {
      expect(error).toBeInstanceOf(RulePackError);
      return error as RulePackError;
    }
    return expect.fail('the pack was accepted');
  }

  for (const variant of variants) {
    it(`refuses ${variant.name}, naming the file and the field, on both evaluators`, () => {
      const dir = write(variant.files);
      for (const kind of EVALUATOR_KINDS) {
        const error = refusal(dir, kind, variant.jurisdiction);
        expect(error.file).toBe(join(dir, variant.file));
        if (variant.ruleId) expect(error.ruleId).toBe(variant.ruleId);
        expect(error.problems.some((p) => variant.problem.test(p)), error.problems.join('\n')).toBe(true);
        expect(error.message).not.toContain('SECRET');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses an unreadable file by its error code, on both evaluators', () => {
    // A folder where parameters.json should be: reading it fails with EISDIR (file modes do not stop root).
    const dir = write({});
    mkdirSync(join(dir, 'parameters.json'));
    for (const kind of EVALUATOR_KINDS) {
      const error = refusal(dir, kind);
      expect(error.file).toBe(join(dir, 'parameters.json'));
      expect(error.problems).toEqual(['cannot be read as JSON: the file is unreadable (EISDIR)']);
    }
  });

  it('accepts a local override that starts after its pack: the national value stays in force until then', async () => {
    const local = write({
      'pack.json': manifest({ id: 'local-late', role: 'jurisdiction', jurisdiction: 'late', inForce: { from: '2016-01-01', to: null } }),
      'parameters.json': { parameters: { conclude: { description: text('conclude'), overrides: ['xf2005', 'xfgz2022'], values: [value({ days: 20, unit: 'calendar' }, '2023-01-01')] } } },
    });
    for (const evaluator of EVALUATOR_KINDS) {
      const e = createEvaluator({ directory: fixtureDirectory, packs: [local], evaluator, jurisdiction: 'late' });
      const on = async (receivedOn: string) =>
        (await e.evaluate({ id: 'X', receivedOn, channel: 'letter', class: 'suggestion', receivingOrgan: 'qt-petition' }, { asOf: receivedOn })).parameters.find((p) => p.id === 'conclude');
      // xfgz2022 art. 34: concluded within 60 days of acceptance; the local value from 2023-01-01 replaces it.
      expect(await on('2022-06-01')).toMatchObject({ pack: 'xfgz2022', value: { days: 60, unit: 'calendar' } });
      expect(await on('2023-06-01')).toMatchObject({ pack: 'local-late', value: { days: 20, unit: 'calendar' } });
    }
  });

  it('accepts a successor pack for a jurisdiction once the earlier one has ceased', () => {
    const first = write({ 'pack.json': manifest({ id: 'local-a', role: 'jurisdiction', jurisdiction: 'local', inForce: { from: '2016-01-01', to: '2019-12-31' } }) });
    const second = write({ 'pack.json': manifest({ id: 'local-b', role: 'jurisdiction', jurisdiction: 'local', inForce: { from: '2020-01-01', to: null } }) });
    for (const evaluator of EVALUATOR_KINDS) {
      expect(createEvaluator({ directory: fixtureDirectory, packs: [first, second], evaluator, jurisdiction: 'local' }).packs.map((p) => p.manifest.id)).toContain('local-b');
    }
  });
});

describe('a condition value holding __proto__, on both evaluators', () => {
  const input = { id: 'X', receivedOn: '2023-03-01', channel: 'letter', class: 'suggestion', receivingOrgan: 'qt-petition', pendingBelow: true };
  const data = (conditionValue: unknown) => ({ manifest: manifest(), rules: [rule({ conditions: { all: [{ fact: 'case', path: 'pendingBelow', operator: 'equal', value: conditionValue }] } })] });

  it('is refused whether the key is the JSON text\'s own or a prototype set in code', () => {
    const own = JSON.parse('{"__proto__":{"polluted":true}}');
    const inherited = { __proto__: { polluted: true } };
    for (const evaluator of EVALUATOR_KINDS) {
      for (const [conditionValue, problem] of [
        [own, /^rules\[0\]\.conditions\.all\[0\]\.value\.__proto__: a "__proto__" key is not allowed$/],
        [inherited, /^rules\[0\]\.conditions\.all\[0\]\.value: is not plain JSON data/],
      ] as const) {
        let error: unknown;
        try {
          createEvaluator({ directory: fixtureDirectory, packs: [data(conditionValue)], evaluator });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(RulePackError);
        expect((error as RulePackError).file).toBe('packs[0]/rules');
        expect((error as RulePackError).problems[0]).toMatch(problem);
      }
    }
  });

  it('a plain object value gives the same answer on both evaluators', async () => {
    const answers = await Promise.all(
      EVALUATOR_KINDS.map(async (evaluator) => JSON.stringify(await createEvaluator({ directory: fixtureDirectory, packs: [data({ polluted: true })], evaluator }).evaluate(input, { asOf: '2023-03-01' }))),
    );
    expect(answers[0]).toBe(answers[1]);
  });
});

describe('the built-in catalogue reader', () => {
  const root = mkdtempSync(join(tmpdir(), 'petition-rules-catalogue-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const [name, content, problem] of [
    ['twice', JSON.stringify(catalogue(['hostile:art1', 'hostile:art1'])), /^provisions\[1\]\.id: "hostile:art1" is already listed/],
    ['proto', JSON.stringify(catalogue(['hostile:art1'])).replace('"instrument":{', '"instrument":{"__proto__":{},'), /^instrument\.__proto__: a "__proto__" key is not allowed$/],
    ['garbage', 'SECRET', /^cannot be read as JSON: not valid JSON/],
    ['schema', JSON.stringify({ ...catalogue(['hostile:art1']), extra: 1 }), /^\(root\): Unrecognized key: "extra"$/],
  ] as const) {
    it(`refuses a provisions file (${name}) with file and field`, () => {
      const dir = join(root, name);
      mkdirSync(join(dir, 'hostile'), { recursive: true });
      writeFileSync(join(dir, 'hostile', 'provisions.json'), content);
      let error: unknown;
      try {
        loadCatalogue(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RulePackError);
      expect((error as RulePackError).file).toBe(join(dir, 'hostile', 'provisions.json'));
      expect((error as RulePackError).problems[0]).toMatch(problem);
      expect((error as RulePackError).message).not.toContain('SECRET');
    });
  }
});
