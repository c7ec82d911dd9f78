import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator, timeline, timelinePage, type Organ } from '../../src/index.js';
import { statusColour } from '../../src/timeline/palette.js';
import { runCli } from '../cli/run.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const directory = read('../../examples/directory.json') as Organ[];
const fixtureDirectory = read('../fixtures/directory.json') as Organ[];
const landCase = read('../../examples/cases/land-compensation-visit.json');
const evaluator = createEvaluator({ directory });

/** The obligation bars: id, status and fill, in drawing order. */
const bars = (svg: string) =>
  [...svg.matchAll(/<rect class="obligation" data-obligation="([^"]+)" data-status="([^"]+)"([^>]*)>/g)].map((m) => ({ id: m[1], status: m[2], fill: /fill="([^"]+)"/.exec(m[3]!)?.[1] }));
const titles = (svg: string) => [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

describe('the example case on a line of dates', async () => {
  // Received and registered 2023-03-01, transferred 03-03, accepted 03-08, petitioner told 03-22; as of 2023-06-30.
  const assessment = await evaluator.evaluate(landCase, { asOf: '2023-06-30' });
  const svg = timeline(assessment, { case: landCase });

  it('draws one bar per obligation, coloured by its status', () => {
    expect(bars(svg).map((b) => [b.id, b.status])).toEqual(assessment.obligations.map((o) => [o.id, o.status]));
    const conclude = bars(svg).find((b) => b.id === 'conclude')!;
    expect(conclude.status).toBe('overdue');
    expect(conclude.fill).toBe(statusColour.overdue);
  });

  it('marks the days the due dates were counted over (2023 notice: Labour Day 29 April – 3 May, make-up Sundays 23 April and Saturday 6 May)', () => {
    const t = titles(svg);
    expect(t).toContain('2023-04-29 – 2023-05-03 public holiday: Labour Day');
    expect(t).toContain('2023-04-05 public holiday: Qingming Festival');
    expect(t).toContain('2023-04-23 make-up working day: Labour Day');
    expect(t).toContain('2023-05-06 make-up working day: Labour Day');
    expect(t).toContain('2023-03-04 – 2023-03-05 rest day');
  });

  it('shows the lateness worked out by hand', () => {
    const t = titles(svg);
    // Conclude: 60 days from acceptance on 8 March is Sunday 7 May, carried to Monday 8 May; not concluded by 30 June.
    expect(t).toContain('carried past a rest day: 2023-05-07 → 2023-05-08');
    expect(t).toContain('overdue stretch: 2023-05-09 – 2023-06-30');
    // Telling the petitioner: 15 days from the transfer on 3 March is Saturday 18 March, carried to Monday 20 March; told on 22 March.
    expect(t).toContain('carried past a rest day: 2023-03-18 → 2023-03-20');
    expect(t).toContain('overdue stretch: 2023-03-21 – 2023-03-22');
    expect(t).toContain('done: 2023-03-22');
    expect(svg).toContain('>due 2023-05-08<');
  });

  it('is the same bytes every time, and in Chinese uses the legal terms', async () => {
    expect(timeline(await evaluator.evaluate(landCase, { asOf: '2023-06-30' }), { case: landCase })).toBe(svg);
    const zh = timeline(assessment, { lang: 'zh', case: landCase });
    expect(zh).toContain('案件 QT-2023-0301-017 的办理时限（截至 2023-06-30）');
    expect(titles(zh)).toContain('2023-04-29 – 2023-05-03 法定节假日: 劳动节');
    expect(zh).toContain('>期限届满 2023-05-08<');
    expect(bars(zh)).toEqual(bars(svg));
  });

  it('is well-formed XML with no script', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|javascript:|on[a-z]+="/i);
    const opened = [...svg.matchAll(/<([a-zA-Z]+)[^>]*?(\/?)>/g)].filter((m) => m[2] !== '/').length;
    const closed = [...svg.matchAll(/<\/[a-zA-Z]+>/g)].length;
    expect(opened).toBe(closed);
  });
});

describe('what the picture says about time', () => {
  it('draws the hearing on the days it took (reexamination, 2024: hearing 10–12 March not counted)', async () => {
    const scenario = read('../scenarios/time-limits/review-and-reexamination.json').scenarios.find((s: { case: { id: string } }) => s.case.id === 'tl-reexam-hearing-met');
    const assessment = await createEvaluator({ directory: fixtureDirectory }).evaluate(scenario.case, { asOf: scenario.asOf });
    const svg = timeline(assessment, { case: scenario.case });
    expect(titles(svg)).toContain('hearing (not counted): 2024-03-10 – 2024-03-12');
    // Without the case, the bar says how many days were paused.
    expect(timeline(assessment)).toContain('>3 days paused<');
  });

  it('hatches days of a projected year and marks the bar provisional; a notice for the year removes both', async () => {
    // Received 2026-12-01, accepted 2026-12-08: 60 days is Saturday 2027-02-06, the first day of the
    // Spring Festival; projected from the Measures (5–8 February statutory, 9–10 made up) it rolls to 2027-02-11.
    const c = {
      id: 'projected-2027',
      receivedOn: '2026-12-01',
      channel: 'letter',
      class: 'appeal',
      legalRoute: 'petition',
      receivingOrgan: 'qt-petition',
      handlingOrgan: 'qt-nr',
      events: [
        { type: 'received', on: '2026-12-01', by: 'qt-petition' },
        { type: 'transferred', on: '2026-12-02', by: 'qt-petition', to: 'qt-nr' },
        { type: 'accepted', on: '2026-12-08', by: 'qt-nr' },
      ],
    };
    const assessment = await evaluator.evaluate(c, { asOf: '2026-12-20' });
    const conclude = assessment.obligations.find((o) => o.id === 'conclude')!;
    expect(conclude.dueOn).toBe('2027-02-11');
    const svg = timeline(assessment);
    expect(svg).toContain('>projected calendar<');
    expect(svg).toMatch(/data-obligation="conclude" data-status="pending"[^>]*stroke-dasharray="4 2"/);
    expect(svg).toContain('>due 2027-02-11<');

    const notice = read('../fixtures/notice-2027.json');
    const withNotice = createEvaluator({ directory, calendarYears: [notice] });
    const firm = await withNotice.evaluate(c, { asOf: '2026-12-20' });
    const svg2 = timeline(firm, { calendar: withNotice.calendar });
    expect(svg2).not.toContain('>projected calendar<');
    expect(svg2).toContain('>due 2027-02-15<');
  });

  it('keeps a far-off due date on the picture as "continues to"', async () => {
    const c = {
      id: 'far',
      receivedOn: '2023-03-01',
      channel: 'letter',
      class: 'appeal',
      legalRoute: 'petition',
      receivingOrgan: 'qt-petition',
      handlingOrgan: 'qt-nr',
      events: [
        { type: 'received', on: '2023-03-01', by: 'qt-petition' },
        { type: 'assigned', on: '2023-03-02', by: 'ls-petition', to: 'qt-petition', dueOn: '2029-06-01' },
      ],
    };
    const assessment = await evaluator.evaluate(c, { asOf: '2023-03-10' });
    const svg = timeline(assessment);
    expect(assessment.obligations.some((o) => o.dueOn === '2029-06-01')).toBe(true);
    expect(svg).toContain('>continues to 2029-06-01<');
    const width = Number(/width="([0-9.]+)"/.exec(svg)![1]);
    expect(width).toBeLessThan(1500);
  });
});

describe('petition-rules evaluate --format', () => {
  const args = ['evaluate', 'examples/cases/land-compensation-visit.json', '--directory', 'examples/directory.json', '--as-of', '2023-06-30'];

  it('svg writes the timeline; html one page with the timeline and the report', async () => {
    const assessment = await evaluator.evaluate(landCase, { asOf: '2023-06-30' });
    const svg = await runCli([...args, '--format', 'svg']);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toBe(timeline(assessment, { case: landCase }));
    const html = await runCli([...args, '--format', 'html', '--lang', 'zh']);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe(timelinePage(assessment, { case: landCase, lang: 'zh' }));
    expect(html.stdout).toContain('<html lang="zh-CN">');
    expect(html.stdout).toContain('案件 QT-2023-0301-017 的办理时限');
    expect(html.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('refuses an unknown format, and --json with another format', async () => {
    const bad = await runCli([...args, '--format', 'png']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of text, json, svg, html');
    const both = await runCli([...args, '--format', 'svg', '--json']);
    expect(both.code).toBe(2);
  });
});
