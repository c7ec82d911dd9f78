import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, provisionOf } from '../../src/catalogue/catalogue.js';
import { builtinRulesDir, loadBuiltinPacks } from '../../src/rules/loadPack.js';

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

  it('marks each provision as encoded (by rules, or as the source of a parameter, a policy option or a counting rule) or not operational, with a reason', () => {
    const packs = loadBuiltinPacks();
    const policy = JSON.parse(readFileSync(join(builtinRulesDir(), 'policy.json'), 'utf8')) as { options: Record<string, { basis?: string[] }> };
    const counting = JSON.parse(readFileSync(join(builtinRulesDir(), 'counting.json'), 'utf8')) as { rules: Record<string, { basis: string[] }> };
    const sourced = new Set([
      ...packs.flatMap((p) => Object.values(p.parameters).flatMap((param) => param.values.flatMap((v) => v.source.map(provisionOf)))),
      ...Object.values(policy.options).flatMap((o) => (o.basis ?? []).map(provisionOf)),
      ...Object.values(counting.rules).flatMap((r) => r.basis.map(provisionOf)),
    ]);
    const neither = [...provisions.values()].filter((p) => p.rules.length === 0 && p.notOperational === null && !sourced.has(p.id)).map((p) => p.id);
    expect(neither).toEqual([]);
    const both = [...provisions.values()].filter((p) => p.rules.length > 0 && p.notOperational !== null).map((p) => p.id);
    expect(both).toEqual([]);
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
