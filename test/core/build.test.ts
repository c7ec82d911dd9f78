import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';

/**
 * Issue 2, criterion 1: the build gives a package a consumer can `import` and `require`, with
 * declarations for both. Issue 12 §3: the package npm packs works where it is installed. The test
 * stages the package in a temporary folder (package.json and the files it publishes), builds into its
 * dist/ once with the project's own tsup config (the built code finds `rules/` by walking up to the
 * staged package root; its dependencies are the repository's), and loads the output from separate node processes, as a consumer would; then it
 * packs the staged package (`npm pack`, scripts skipped: dist/ is built), installs the tarball into a
 * copy of examples/policy-tests (from npm's cache where it can) and runs that project's own tests.
 * Runs once (first vitest project).
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
  let work = '';
  let staged = '';
  let out = '';
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'petition-rules-build-'));
    staged = join(work, 'package');
    out = join(staged, 'dist');
    cpSync(join(root, 'package.json'), join(staged, 'package.json'));
    // A `files` entry is a path, or a folder's files by extension (`docs/*.md`).
    const expand = (entry: string) => {
      const glob = /^(.+)\/\*(\.[a-z]+)$/.exec(entry);
      return glob ? readdirSync(join(root, glob[1]!)).filter((n) => n.endsWith(glob[2]!)).map((n) => `${glob[1]}/${n}`) : [entry];
    };
    for (const entry of (pkg.files as string[]).flatMap(expand)) if (entry !== 'dist') cpSync(join(root, entry), join(staged, entry), { recursive: true });
    // The staged package's dependencies are the repository's (npm pack leaves node_modules out).
    symlinkSync(join(root, 'node_modules'), join(staged, 'node_modules'), 'dir');
    await run(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--out-dir', out], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  }, 180_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
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

  it('prepares its dist/ when packed, and ships the licence and the changelog', () => {
    expect((pkg.scripts as Record<string, string>).prepack).toBe('npm run build');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'rules', 'schemas', 'README.md', 'LICENSE', 'CHANGELOG.md']));
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} petition-rules contributors\n/);
    expect(pkg.license).toBe('MIT');
  });

  it('publishes the testing kit for import only, as vitest is, and builds no CommonJS file for it', () => {
    expect((pkg.exports as Record<string, unknown>)['./testing']).toEqual({ import: { types: './dist/testing.d.ts', default: './dist/testing.js' } });
    expect(readdirSync(out).filter((f) => /^testing\.(c|d\.c)/.test(f))).toEqual([]);
  });

  it('installs from its tarball into the policy-tests example, whose own tests pass', async () => {
    const npm = (args: string[], cwd: string) => run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
    await npm(['pack', '--ignore-scripts', '--pack-destination', work], staged);
    const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    const project = join(work, 'policy-tests');
    cpSync(join(root, 'examples', 'policy-tests'), project, { recursive: true });
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    const installed = join(project, 'node_modules', 'petition-rules');
    expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'rules', 'schemas']);
    // From the installed tarball: the library can be required, the ESM-only testing kit offers no require entry.
    const required = await run(process.execPath, ['-e', "process.stdout.write(typeof require('petition-rules').createEvaluator)"], { cwd: project });
    expect(required.stdout).toBe('function');
    await expect(run(process.execPath, ['-e', "require('petition-rules/testing')"], { cwd: project })).rejects.toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    const { stdout } = await run(process.execPath, [join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter', 'json'], { cwd: project, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    const report = JSON.parse(stdout) as { success: boolean; numTotalTests: number; numPassedTests: number };
    expect(report.success).toBe(true);
    expect(report.numTotalTests).toBeGreaterThanOrEqual(3);
    expect(report.numPassedTests).toBe(report.numTotalTests);
  }, 180_000);

  it('runs the audit command on worker threads, its worker file next to the command', async () => {
    expect(existsSync(join(out, 'auditWorker.js'))).toBe(true);
    const file = join(out, 'cases.ndjson');
    writeFileSync(file, `${JSON.stringify(input)}\nnot json\n${JSON.stringify({ ...input, id: 'built-2' })}\n`);
    const { stdout, stderr } = await run(process.execPath, [join(out, 'cli.js'), 'audit', file, '--as-of', '2023-03-01', '--threads', '2', '--record', 'full'], { cwd: out });
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
    for (const child of [cjs, esm]) expect(JSON.parse(child.stdout)).toEqual(['beijing-2006', 'op2007', 'shanghai-2012', 'xf2005', 'xfgz2022', 'zhejiang-2016', 'shandong-2015']);
    const core = await run(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)}); try { m.createEvaluator({ packs: [${packs}] }) } catch (e) { process.stdout.write(e.message) }`], { cwd: out });
    expect(core.stdout).toMatch(/petition-rules\/node/);
  });
});
