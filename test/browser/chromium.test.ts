import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCore } from '../../scripts/browserBundle.js';
import * as core from '../../src/index.js';
import { evaluateEverywhere, type Job } from './evaluateEverywhere.js';

/**
 * Issue 12 §2: the core runs in a real browser and gives the bytes Node gives. The test bundles the
 * core as a web application would (scripts/browserBundle.ts), serves it from a localhost server, and
 * in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser is
 * downloaded) evaluates the example case with both evaluators, in the page and in a module Web Worker,
 * with the browser's clock in a zone far from China. The same code (evaluateEverywhere.ts) runs in
 * Node for the reference. A browser that cannot start fails the test: it is never skipped for that.
 * Runs once (first vitest project).
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const root = join(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const job: Job = {
  input: readJson('examples/cases/land-compensation-visit.json'),
  directory: readJson('examples/directory.json') as Job['directory'],
  asOf: '2023-07-03',
};

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const page = `<!doctype html>
<meta charset="utf-8">
<title>petition-rules in a browser</title>
<link rel="icon" href="data:,">
<script type="module">
  import * as core from '/core.js';
  import { evaluateEverywhere } from '/evaluateEverywhere.js';
  window.inPage = (job) => evaluateEverywhere(core, job);
  window.inWorker = (job) => new Promise((resolve, reject) => {
    const worker = new Worker('/worker.js', { type: 'module' });
    worker.onmessage = ({ data }) => { worker.terminate(); data.error ? reject(new Error(data.error)) : resolve(data); };
    worker.onerror = (event) => { worker.terminate(); reject(new Error(\`worker: \${event.message}\`)); };
    worker.postMessage(job);
  });
  window.ready = true;
</script>
`;
const worker = `import * as core from '/core.js';
import { evaluateEverywhere } from '/evaluateEverywhere.js';
self.onmessage = async ({ data }) => {
  try {
    postMessage({ scope: self.constructor.name, result: await evaluateEverywhere(core, data) });
  } catch (error) {
    postMessage({ error: String(error && error.stack || error) });
  }
};
`;

/** A localhost server for the page, the worker script, the core bundle and the shared code; any other path is a 404. */
async function serve(files: Record<string, { type: string; body: string }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file ? `${file.type}; charset=utf-8` : 'text/plain', 'cache-control': 'no-store' });
    res.end(file ? file.body : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.runIf(once)('the core in headless Chromium', () => {
  let server: Server | undefined;
  let origin = '';
  let context: BrowserContext | undefined;
  let profile = '';
  const problems: string[] = [];
  let fromNode: Record<string, string>;

  beforeAll(async () => {
    const [bundle, shared] = await Promise.all([
      bundleCore(),
      transform(readFileSync(join(import.meta.dirname, 'evaluateEverywhere.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }),
    ]);
    const js = 'text/javascript';
    ({ server, origin } = await serve({
      '/': { type: 'text/html', body: page },
      '/worker.js': { type: js, body: worker },
      '/core.js': { type: js, body: bundle.code },
      '/evaluateEverywhere.js': { type: js, body: shared.code },
    }));
    fromNode = await evaluateEverywhere(core, job);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  let opened: Promise<Page> | undefined;
  /**
   * The page, loaded in the browser started on first use: the system browser, a fresh profile
   * (--user-data-dir), no download. A browser that cannot start is an error in every test that needs it.
   */
  const tab = (): Promise<Page> =>
    (opened ??= (async () => {
      profile = mkdtempSync(join(tmpdir(), 'petition-rules-chromium-'));
      context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timezoneId: 'America/Los_Angeles', timeout: 20_000 });
      const p = context.pages()[0] ?? (await context.newPage());
      p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      p.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await p.goto(`${origin}/`);
      await p.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 15_000 });
      return p;
    })());

  it('gives in Node the same bytes from both evaluators (the reference the browser must match)', () => {
    for (const setting of ['national', 'zhejiang']) {
      expect(fromNode[`${setting}/compiled`]).toBe(fromNode[`${setting}/json-rules-engine`]);
      expect(fromNode[`${setting}/compiled/sync`]).toBe(fromNode[`${setting}/json-rules-engine`]);
    }
    expect(JSON.parse(fromNode['national/compiled']!).caseId).toBe('QT-2023-0301-017');
    expect(fromNode.invalid).toMatch(/^CaseValidationError: /);
  });

  it('starts Debian\'s Chromium headless and loads the bundled core in a page', async () => {
    const p = await tab();
    expect(await p.evaluate(() => typeof (globalThis as unknown as { inPage?: unknown }).inPage)).toBe('function');
    expect(problems).toEqual([]);
  }, 45_000);

  it('evaluates the example case in the page, byte for byte as Node does, with both evaluators', async () => {
    const inPage = await (await tab()).evaluate((j) => (globalThis as unknown as { inPage: (j: Job) => Promise<Record<string, string>> }).inPage(j), job);
    expect(Object.keys(inPage)).toEqual(Object.keys(fromNode));
    for (const key of Object.keys(fromNode)) expect(inPage[key], key).toBe(fromNode[key]);
    expect(problems).toEqual([]);
  }, 45_000);

  it('evaluates it in a Web Worker, byte for byte as Node does, with both evaluators', async () => {
    const reply = await (await tab()).evaluate((j) => (globalThis as unknown as { inWorker: (j: Job) => Promise<{ scope: string; result: Record<string, string> }> }).inWorker(j), job);
    expect(reply.scope).toBe('DedicatedWorkerGlobalScope');
    expect(Object.keys(reply.result)).toEqual(Object.keys(fromNode));
    for (const key of Object.keys(fromNode)) expect(reply.result[key], key).toBe(fromNode[key]);
    expect(problems).toEqual([]);
  }, 45_000);
});
