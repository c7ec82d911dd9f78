import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';

/**
 * Issue 2, criterion 1: the build gives a package a consumer can `import` and `require`, with
 * declarations for both. The test builds with the project's own tsup config into a temporary folder
 * inside the repository (the built code finds `rules/` by walking up to the package root), then loads
 * the output from separate node processes, as a consumer would. Runs once (first vitest project).
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

const input = {
  id: 'built',
  receivedOn: '2023-03-01',
  channel: 'visit',
  class: 'appeal',
  legalRoute: 'petition',
  petitioners: 8,
  receivingOrgan: 'sy-petition',
  handlingOrgan: 'sy-agri',
  organs: [
    { id: 'sy-petition', name: 'Songyang County Petition Bureau', level: 'county', kind: 'petition-department', region: '331124' },
    { id: 'sy-agri', name: 'Songyang Agriculture Bureau', level: 'county', kind: 'department', region: '331124' },
  ],
};
const call = `m.createEvaluator().evaluate(${JSON.stringify(input)}, { asOf: '2023-03-01' }).then((a) => process.stdout.write(JSON.stringify({ type: typeof m.createEvaluator, assessment: a })))`;

/** Every `./dist/...` path the package manifest points a consumer to (main, module, types, exports, bin). */
function distPaths(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('./dist/')) out.push(value.slice('./dist/'.length));
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) distPaths(v, out);
  return out;
}

describe.runIf(once)('the built package', () => {
  let out = '';
  beforeAll(async () => {
    out = mkdtempSync(join(root, '.tmp-build-'));
    await run(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--out-dir', out], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('holds every file package.json points to, declarations for ESM and CommonJS included', () => {
    const paths = distPaths({ main: pkg.main, module: pkg.module, types: pkg.types, exports: pkg.exports, bin: pkg.bin });
    expect(paths).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts']));
    expect(paths.filter((p) => !existsSync(join(out, p)))).toEqual([]);
    expect(readFileSync(join(out, 'index.d.ts'), 'utf8')).toMatch(/createEvaluator/);
    expect(readFileSync(join(out, 'index.d.cts'), 'utf8')).toMatch(/createEvaluator/);
  });

  it('can be required and imported, and both give the assessment the source gives', async () => {
    const cjs = await run(process.execPath, ['-e', `const m = require(${JSON.stringify(join(out, 'index.cjs'))}); ${call}`], { cwd: out });
    const esm = await run(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)}); ${call}`], { cwd: out });
    const fromSource = JSON.stringify(await createEvaluator().evaluate(input, { asOf: '2023-03-01' }));
    for (const child of [cjs, esm]) {
      const result = JSON.parse(child.stdout) as { type: string; assessment: unknown };
      expect(result.type).toBe('function');
      expect(JSON.stringify(result.assessment)).toBe(fromSource);
    }
    expect(JSON.parse(cjs.stdout).assessment.guidance.map((g: { id: string }) => g.id)).toEqual(['elect-representatives']);
  });

  it('runs the audit command on worker threads, its worker file next to the command', async () => {
    expect(existsSync(join(out, 'auditWorker.js'))).toBe(true);
    const file = join(out, 'cases.ndjson');
    writeFileSync(file, `${JSON.stringify(input)}\nnot json\n${JSON.stringify({ ...input, id: 'built-2' })}\n`);
    const { stdout, stderr } = await run(process.execPath, [join(out, 'cli.js'), 'audit', file, '--as-of', '2023-03-01', '--threads', '2'], { cwd: out });
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; assessment?: unknown });
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(JSON.stringify(records[0]!.assessment)).toBe(JSON.stringify(await createEvaluator().evaluate(input, { asOf: '2023-03-01' })));
    expect(stderr).toMatch(/read\s+3\n\s+assessed\s+2\n\s+rejected\s+1/);
  });

  it('keeps the core free of Node: index.js, index.cjs and the chunks they load import no Node built-in and no worker pool', () => {
    const loaded = new Set<string>();
    const visit = (file: string): void => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const m of readFileSync(join(out, file), 'utf8').matchAll(/(?:from\s+|require\()["']\.\/([^"']+)["']/g)) visit(m[1]!);
    };
    visit('index.js');
    visit('index.cjs');
    expect([...loaded].filter((f) => f.startsWith('chunk-')).length).toBeGreaterThan(0);
    const nodeOnly = /(?:from\s+|require\()["'](?:node:)?(?:fs|path|url|worker_threads|child_process|piscina)["']/;
    for (const file of loaded) expect(nodeOnly.test(readFileSync(join(out, file), 'utf8')), file).toBe(false);
    expect(readdirSync(out).some((f) => f.startsWith('chunk-') && nodeOnly.test(readFileSync(join(out, f), 'utf8')))).toBe(true);
  });

  it('shares one copy of the core between the entries, in CommonJS too (one RulePackError class for all)', async () => {
    const same = `const a = require(${JSON.stringify(join(out, 'index.cjs'))}), b = require(${JSON.stringify(join(out, 'node.cjs'))}); try { b.createEvaluator({ packs: ['/no/such/folder'] }) } catch (e) { process.stdout.write(String(a.RulePackError === b.RulePackError && e instanceof a.RulePackError)) }`;
    expect((await run(process.execPath, ['-e', same], { cwd: out })).stdout).toBe('true');
  });

  it('has a Node entry (petition-rules/node) that reads packs from folders, from ESM and from CommonJS', async () => {
    const packs = JSON.stringify(join(root, 'examples', 'provincial-pack', 'packs'));
    const node = `m.createEvaluator({ packs: [${packs}], jurisdiction: 'shandong' }); process.stdout.write(JSON.stringify(m.createEvaluator({ packs: [${packs}] }).packs.map((p) => p.manifest.id)))`;
    const cjs = await run(process.execPath, ['-e', `const m = require(${JSON.stringify(join(out, 'node.cjs'))}); ${node}`], { cwd: out });
    const esm = await run(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'node.js')).href)}); ${node}`], { cwd: out });
    for (const child of [cjs, esm]) expect(JSON.parse(child.stdout)).toEqual(['op2007', 'xf2005', 'xfgz2022', 'zhejiang-2016', 'shandong-2015']);
    const core = await run(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)}); try { m.createEvaluator({ packs: [${packs}] }) } catch (e) { process.stdout.write(e.message) }`], { cwd: out });
    expect(core.stdout).toMatch(/petition-rules\/node/);
  });
});
