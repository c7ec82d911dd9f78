import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../scripts/playground/build.js';
import { serveFolder, type ServedFolder } from '../../src/cli/serveFolder.js';
import { statusColour } from '../../src/timeline/palette.js';
import { runCli } from '../cli/run.js';

/**
 * The pictures in a real browser (issue 15 §4): the playground page, built and served as
 * `petition-rules serve` serves it (with its content security policy: no eval), and the audit report,
 * each loaded in Debian's headless Chromium with no console error. The example case shows one bar per
 * obligation, the overdue one in the overdue colour; changing `asOf` on the page changes a status on
 * screen; a broken field is shown at its line. With WRITE_SCREENSHOTS=1 the screenshots are written to
 * docs/images/ for the README; otherwise to a temporary folder.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let work: string;
let served: ServedFolder;
let context: BrowserContext;
const problems: string[] = [];
const shots = () => (process.env.WRITE_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'images') : join(work, 'shots'));

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'petition-rules-pictures-'));
  await buildPlayground(join(work, 'site'));
  // The report of a small audit beside the page, served from the same origin.
  const cases = readFileSync('examples/cases/land-compensation-visit.json', 'utf8');
  const lines = [JSON.stringify(JSON.parse(cases)), '{"id": "broken"'].join('\n');
  const r = await runCli(['audit', '-', '--directory', 'examples/directory.json', '--as-of', '2023-06-30', '--report', join(work, 'site', 'report.html'), '--threads', '1'], { stdin: lines });
  if (r.code !== 0) throw new Error(`audit --report failed: ${r.stderr}`);
  served = await serveFolder(join(work, 'site'), { port: 0 });
  context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timezoneId: 'America/Los_Angeles', viewport: { width: 1400, height: 900 }, timeout: 20_000 });
  mkdirSync(shots(), { recursive: true });
}, 90_000);

afterAll(async () => {
  await context?.close();
  await served?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const bars = (page: Page) =>
  page.$$eval('#timeline rect.obligation', (rects) => rects.map((r) => ({ id: r.getAttribute('data-obligation'), status: r.getAttribute('data-status'), fill: r.getAttribute('fill') })));

describe('the playground in Chromium', () => {
  it('loads with no console error and shows one bar per obligation of the example, the overdue one in its colour', async () => {
    const page = await open(served.url);
    await page.waitForSelector('#timeline rect.obligation', { timeout: 20_000 });
    // The example as of 2023-06-30: registered and disposed of in time, the notice late, the conclusion (due 8 May) overdue.
    expect(await bars(page)).toEqual([
      { id: 'register', status: 'met', fill: statusColour.met },
      { id: 'dispose', status: 'met', fill: statusColour.met },
      { id: 'notify-petitioner', status: 'met-late', fill: statusColour['met-late'] },
      { id: 'conclude', status: 'overdue', fill: statusColour.overdue },
    ]);
    expect(await page.textContent('#report')).toContain('Conclude the handling');
    await page.screenshot({ path: join(shots(), 'playground.png') });
    expect(problems).toEqual([]);
  }, 60_000);

  it('changes a status on screen when asOf changes, and shows a broken field at its line', async () => {
    const page = await open(served.url);
    await page.waitForSelector('#timeline rect.obligation[data-obligation="conclude"]');
    // On 2023-04-01 the conclusion (due 8 May) is still running.
    await page.fill('#asOf', '2023-04-01');
    await page.dispatchEvent('#asOf', 'change');
    await page.waitForSelector('#timeline rect.obligation[data-obligation="conclude"][data-status="pending"]', { timeout: 10_000 });
    // A date that does not exist, on the line of the accepted event.
    const text = await page.inputValue('#case');
    const broken = text.replace('"2023-03-08"', '"2023-02-30"');
    const line = broken.split('\n').findIndex((l) => l.includes('2023-02-30')) + 1;
    await page.fill('#case', broken);
    await page.waitForSelector('#problems li', { timeout: 10_000 });
    const shown = await page.textContent('#problems');
    expect(shown).toContain(`line ${line} · events[3].on`);
    expect(await page.textContent('#gutter .bad')).toBe(String(line));
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the audit report in Chromium', () => {
  it('loads with no console error, its charts drawn and its case linked to the timeline', async () => {
    const page = await open(new URL('report.html', served.url).href);
    expect(await page.$$eval('svg', (s) => s.length)).toBeGreaterThanOrEqual(4);
    await page.click('a[href="#case-line-1"]');
    expect(await page.$$eval('#case-line-1 rect.obligation', (r) => r.length)).toBe(4);
    await page.screenshot({ path: join(shots(), 'audit-report.png'), fullPage: false });
    expect(problems).toEqual([]);
  }, 60_000);
});
