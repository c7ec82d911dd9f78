import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueCoverage, provisionOf } from '../../src/catalogue/catalogue.js';
import { loadCatalogue } from '../../src/node/loadCatalogue.js';
import { ProvisionsFileSchema, type ProvisionsFile } from '../../src/rules/provisions.js';
import { loadBuiltinPacks } from '../../src/rules/builtinPacks.js';
import { builtinRulesDir } from '../../src/node/packageRoot.js';

/** The provisions catalogue and the rules must agree in both directions (issue: provisions catalogue). */
describe('provisions catalogue', () => {
  const catalogue = loadCatalogue(builtinRulesDir());
  const provisions = new Map(catalogue.flatMap(({ data }) => data.provisions.map((p) => [p.id, p] as const)));
  const rules = loadBuiltinPacks().flatMap((p) => p.rules);
  const ruleIds = new Set(rules.map((r) => r.id));

  it('lists every item of op2007, (一) to (二十二)', () => {
    for (let i = 1; i <= 22; i++) expect(provisions.has(`op2007:${i}`), `op2007:${i}`).toBe(true);
  });

  it('holds every provision a rule cites', () => {
    const missing = rules.flatMap((r) => r.citations.filter((c) => !provisions.has(provisionOf(c))).map((c) => `${r.id} cites ${c}`));
    expect(missing).toEqual([]);
  });

  it('claims only rules that exist, and every rule citing a provision is listed on it (run npm run sync:provisions)', () => {
    const phantom = [...provisions.values()].flatMap((p) => p.rules.filter((id) => !ruleIds.has(id)).map((id) => `${p.id} claims ${id}`));
    expect(phantom).toEqual([]);
    const unlisted = rules.flatMap((r) => r.citations.map(provisionOf).filter((c) => provisions.has(c) && !provisions.get(c)!.rules.includes(r.id)).map((c) => `${c} does not list ${r.id}`));
    expect(unlisted).toEqual([]);
  });

  const packs = loadBuiltinPacks();
  const policy = JSON.parse(readFileSync(join(builtinRulesDir(), 'policy.json'), 'utf8')) as { options: Record<string, { basis?: string[] }> };
  const counting = JSON.parse(readFileSync(join(builtinRulesDir(), 'counting.json'), 'utf8')) as { rules: Record<string, { basis: string[] }> };
  const encodings = {
    citations: rules.flatMap((r) => r.citations),
    sources: [
      ...packs.flatMap((p) => Object.values(p.parameters).flatMap((param) => param.values.flatMap((v) => v.source))),
      ...Object.values(policy.options).flatMap((o) => o.basis ?? []),
      ...Object.values(counting.rules).flatMap((r) => r.basis),
    ],
  };

  it('accounts for every provision: encoded (by rules, or as the source of a parameter, a policy option or a counting rule) or catalogued with a reason, never stale', () => {
    const problems = catalogue.flatMap(({ data }) => catalogueCoverage(data, encodings).problems);
    expect(problems).toEqual([]);
  });

  it('lists every article of xf2005 (51) and xfgz2022 (50) and every item of op2007 (22), each classified', () => {
    const extent = Object.fromEntries(catalogue.map(({ data }) => [data.instrument.id, data.instrument.extent]));
    expect(extent).toMatchObject({ xf2005: { prefix: 'xf2005:art', count: 51 }, xfgz2022: { prefix: 'xfgz2022:art', count: 50 }, op2007: { prefix: 'op2007:', count: 22 } });
    for (const id of ['xf2005', 'xfgz2022', 'op2007']) {
      const c = catalogueCoverage(catalogue.find(({ data }) => data.instrument.id === id)!.data, encodings);
      expect(c.encoded.length + c.setsParameters.length + c.notEncoded.length + c.notOperational.length, id).toBe(extent[id]!.count);
      for (const p of c.catalogued) expect(p.reason.zh, `${p.id}: reason in Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('encodes the provisions issue 10 names', () => {
    const cited = new Set(rules.flatMap((r) => r.citations));
    for (const c of ['xfgz2022:art31(5)', 'xfgz2022:art33', 'xf2005:art25', 'xfgz2022:art24.2', 'xf2005:art30', 'xfgz2022:art28.3', 'xfgz2022:art40.3', 'op2007:17', 'xf2005:art48', 'xfgz2022:art47.3', 'xf2005:art27', 'xfgz2022:art25.1']) {
      expect(cited.has(c), c).toBe(true);
    }
  });
});

/** The coverage check itself: each kind of gap in a catalogue is reported. */
describe('catalogue coverage check', () => {
  const text = (en: string) => ({ en, zh: `中文${en}` });
  const entry = (id: string, more: Record<string, unknown> = {}) => ({ id, title: text(id), summary: text(id), rules: [], notOperational: null, ...more });
  const catalogue = (provisions: unknown[], extent = { prefix: 'demo:art', count: 3 }): ProvisionsFile =>
    ProvisionsFileSchema.parse({ instrument: { id: 'demo', title: text('Demo'), inForce: { from: null, to: null }, extent }, provisions });
  const encodings = { citations: ['demo:art1(2)', 'demo:art3'], sources: ['demo:art2'] };

  it('passes a catalogue where every provision is encoded or catalogued', () => {
    const c = catalogueCoverage(catalogue([entry('demo:art1'), entry('demo:art2'), entry('demo:art3')]), encodings);
    expect(c.problems).toEqual([]);
    expect([c.encoded, c.setsParameters]).toEqual([['demo:art1', 'demo:art3'], ['demo:art2']]);
  });

  it('fails an operational provision that is neither encoded nor catalogued', () => {
    const c = catalogueCoverage(catalogue([entry('demo:art1'), entry('demo:art2'), entry('demo:art3'), entry('demo:art4')], { prefix: 'demo:art', count: 4 }), encodings);
    expect(c.awaitingRules).toEqual(['demo:art4']);
    expect(c.problems).toEqual([expect.stringMatching(/^demo:art4: neither encoded nor catalogued/)]);
  });

  it('fails a catalogued reason on a provision that is encoded (stale), and a part a rule cites', () => {
    const c = catalogueCoverage(
      catalogue([
        entry('demo:art1', { notEncoded: text('no case fact'), partsNotEncoded: [{ id: 'demo:art1(2)', reason: text('none') }] }),
        entry('demo:art2', { notOperational: text('purpose') }),
        entry('demo:art3'),
      ]),
      encodings,
    );
    expect(c.problems).toEqual([
      expect.stringMatching(/^demo:art1: catalogued as not encoded, but a rule cites it \(stale/),
      'demo:art1(2): listed as a part not encoded, but a rule cites it (stale)',
      expect.stringMatching(/^demo:art2: catalogued as not operational, but a parameter/),
    ]);
  });

  it('fails a provision that does not exist, one missing, one listed twice, and one a rule cites but the catalogue lacks', () => {
    const c = catalogueCoverage(catalogue([entry('demo:art1'), entry('demo:art1'), entry('demo:art9', { notOperational: text('x') })]), encodings);
    expect(c.problems).toEqual([
      'demo:art1: listed twice',
      'demo:art3: a rule cites it, but the catalogue does not list it',
      'demo:art9: not a provision of demo, which has demo:art1 to demo:art3',
      'demo:art2: missing from the catalogue, which claims to list every provision of demo',
      'demo:art3: missing from the catalogue, which claims to list every provision of demo',
    ]);
  });
});

/**
 * Shipped rule data states its sources itself, in both languages: it never points a user at notes
 * outside the package (the project's domain brief), which a user of the package cannot read.
 */
describe('shipped rule data', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
  it('names no internal note, in English or in Chinese', () => {
    const pointers = /DOMAIN|domain brief|project brief|领域说明|项目说明/;
    const hits = files(builtinRulesDir()).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i, line }))
        .filter(({ line }) => pointers.test(line))
        .map(({ f, i }) => `${f.slice(builtinRulesDir().length + 1)}:${i + 1}`),
    );
    expect(hits).toEqual([]);
  });
});
