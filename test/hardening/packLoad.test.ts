import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RulePackError } from '../../src/errors/RulePackError.js';
import { MAX_PACK_NESTING } from '../../src/rules/loadPack.js';
import { loadPackFromDir } from '../../src/node/packFolder.js';

/**
 * Issue 11 §4 (the malicious-pack probes kept as tests): a pack file is refused at load, naming the
 * file and the field, for a `__proto__` key anywhere (also inside a condition value) and for nesting
 * past the documented limit (1,500 nested `not` overflowed the stack); a non-JSON file is reported
 * without echoing its content.
 */
const manifest = { id: 'test-hostile', title: { en: 'A hostile pack', zh: '恶意规则包' }, role: 'principles', inForce: { from: '2005-05-01', to: null } };
const rule = (conditions: unknown) => ({
  id: 'test-hostile.art1.x',
  title: { en: 'x', zh: 'x' },
  citations: ['xfgz2022:art19'],
  conditions,
  outcomes: [{ kind: 'guidance', id: 'pending-below' }],
});

describe('hostile pack files', () => {
  const root = mkdtempSync(join(tmpdir(), 'petition-rules-hostile-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  function refusal(name: string, content: string): RulePackError {
    const dir = join(root, name);
    mkdirSync(join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'rules', 'art1.json'), content);
    try {
      loadPackFromDir(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(RulePackError);
      expect((error as RulePackError).file).toBe(join(dir, 'rules', 'art1.json'));
      return error as RulePackError;
    }
    throw new Error('pack was accepted');
  }

  it('refuses a __proto__ key anywhere, naming its path', () => {
    const leaf = '{"fact":"case","path":"class","operator":"equal","value":{"__proto__":{"polluted":true}}}';
    expect(refusal('proto-value', `{"rules":[${JSON.stringify(rule({ all: [] })).replace('"all":[]', `"all":[${leaf}]`)}]}`).problems).toEqual(['rules[0].conditions.all[0].value.__proto__: a "__proto__" key is not allowed']);
    expect(refusal('proto-top', '{"__proto__":{"x":1},"rules":[]}').problems[0]).toMatch(/^__proto__:/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting past the documented limit without overflowing the stack', () => {
    let conditions: unknown = { fact: 'case', path: 'class', operator: 'equal', value: 'appeal' };
    for (let i = 0; i < 1500; i++) conditions = { not: conditions };
    expect(refusal('deep', JSON.stringify({ rules: [rule(conditions)] })).problems[0]).toMatch(new RegExp(`nests deeper than ${MAX_PACK_NESTING} levels`));
  });

  it('reports a non-JSON file without echoing its content', () => {
    const error = refusal('secret', 'SECRET-TOKEN-abc123 not json');
    expect(error.message).not.toContain('SECRET');
    expect(error.problems[0]).toMatch(/^cannot be read as JSON: not valid JSON/);
  });
});
