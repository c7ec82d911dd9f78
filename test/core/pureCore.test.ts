import { describe, expect, it } from 'vitest';
import { bundleCore } from '../../scripts/browserBundle.js';
import { createEvaluator } from '../../src/index.js';
import { createEvaluator as createNodeEvaluator } from '../../src/node/index.js';

/**
 * Issue 12 §1: `petition-rules` (the core) does no file-system, path, URL or worker work, so a web
 * application can bundle it. esbuild with platform=browser and nothing external refuses any Node
 * built-in, so a bundle that builds is the proof; the inputs show what it carries. Runs once.
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';

describe.runIf(once)('the core bundled for a browser', () => {
  it('builds with no Node built-in, no Node-only module of src/, and only the zod locales it uses', async () => {
    const { inputs, contributing } = await bundleCore({ minify: false });
    expect(inputs).toContain('src/index.ts');
    expect(inputs.filter((f) => /^(node:|fs$|path$|url$|worker_threads$)/.test(f) || f.startsWith('src/node/') || f.startsWith('src/cli/') || f.startsWith('src/testing/') || f.startsWith('src/scenarios/') || f.includes('piscina'))).toEqual([]);
    expect(contributing.filter((f) => f.includes('zod/v4/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js', 'node_modules/zod/v4/locales/zh-CN.js']);
    expect(contributing).toContain('rules/xfgz2022/rules/art31.json');
    expect(contributing).toContain('rules/calendar/cn/2026.json');
  }, 60_000);
});

describe('a folder path given to the core', () => {
  it('is refused with a TypeError naming the entry that reads folders; petition-rules/node reads it', () => {
    const folder = new URL('../../examples/provincial-pack/packs', import.meta.url).pathname;
    expect(() => createEvaluator({ packs: [folder as never] })).toThrow(new TypeError(`packs[0]: "${folder}" is a folder path; the core reads no files — pass the pack as data, or import { createEvaluator } from 'petition-rules/node' to load it from a folder`));
    expect(createNodeEvaluator({ packs: [folder] }).packs.map((p) => p.manifest.id)).toContain('shandong-2015');
  });
});
