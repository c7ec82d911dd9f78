import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Organ } from '../../src/index.js';
import { addToReport, createReportData, mergeReportData, REPORT_CASES } from '../../src/report/reportData.js';
import { auditReport } from '../../src/report/auditReport.js';
import { runCli } from '../cli/run.js';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const directory = read('../../examples/directory.json') as Organ[];
const landCase = read('../../examples/cases/land-compensation-visit.json');
const evaluator = createEvaluator({ directory });

describe('what a report counts', () => {
  it('counts the example case as worked out by hand (as of 2023-06-30)', async () => {
    const assessment = await evaluator.evaluate(landCase, { asOf: '2023-06-30' });
    const data = createReportData();
    addToReport(data, assessment, 1, () => '<svg/>');
    // The petition bureau registered and disposed of the matter in time (March).
    expect(data.byOrgan.get('qt-petition')).toEqual({ standings: { met: 2, 'met-late': 0, overdue: 0, pending: 0 }, daysPastDue: 0 });
    // The land bureau told the petitioner on 22 March, 2 days after the due 20 March; the conclusion
    // due 8 May is not done by 30 June: 9 May – 30 June is 23 + 30 = 53 days overdue. 2 + 53 = 55.
    expect(data.byOrgan.get('qt-nr')).toEqual({ standings: { met: 0, 'met-late': 1, overdue: 1, pending: 0 }, daysPastDue: 55 });
    expect(Object.fromEntries(data.byMonth)).toEqual({
      '2023-03': { met: 2, 'met-late': 1, overdue: 0, pending: 0 },
      '2023-05': { met: 0, 'met-late': 0, overdue: 1, pending: 0 },
    });
    expect(data.cases).toEqual([{ line: 1, caseId: 'QT-2023-0301-017', overdue: 1, findings: assessment.findings.length, timeline: '<svg/>' }]);
  });

  it('keeps the first cases in input order across merged parts, and counts the rest', async () => {
    const assessment = await evaluator.evaluate(landCase, { asOf: '2023-06-30' });
    const whole = createReportData();
    let drawn = 0;
    for (let part = 0; part < 3; part++) {
      const data = createReportData();
      for (let i = 0; i < 100; i++) addToReport(data, assessment, part * 100 + i + 1, () => `<svg id="${++drawn}"/>`);
      mergeReportData(whole, data);
    }
    expect(whole.cases).toHaveLength(REPORT_CASES);
    expect(whole.cases.map((c) => c.line)).toEqual(Array.from({ length: REPORT_CASES }, (_, i) => i + 1));
    expect(whole.moreCases).toBe(300 - REPORT_CASES);
    expect(whole.byOrgan.get('qt-nr')!.daysPastDue).toBe(55 * 300);
  });
});

describe('petition-rules audit --report', () => {
  const lines = [JSON.stringify(landCase), '{"id": "broken"', JSON.stringify({ ...landCase, id: 'QT-2', events: landCase.events.concat([{ type: 'concluded', on: '2023-05-04', by: 'qt-nr', opinion: 'support' }]) })].join('\n');

  it('writes one self-contained page: totals, charts, every organ, the cases linked to their timelines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const file = join(dir, 'report.html');
    const r = await runCli(['audit', '-', '--directory', 'examples/directory.json', '--as-of', '2023-06-30', '--report', file, '--threads', '1'], { stdin: lines });
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<th>lines read<\/th><td class="n">3<\/td>.*<th>cases assessed<\/th><td class="n">2<\/td>.*<th>lines rejected<\/th><td class="n">1<\/td>/s);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    // Line 1: the conclusion is overdue, with two findings (the late written notice and the overdue
    // conclusion). Line 3 concluded on 4 May, in time — nothing overdue — but its notice was still late: one finding.
    expect(html).toContain('<tr><td class="n">1</td><td><a href="#case-line-1">QT-2023-0301-017</a></td><td class="n">1</td><td class="n">2</td></tr>');
    expect(html).toContain('<tr><td class="n">3</td><td><a href="#case-line-3">QT-2</a></td><td class="n">0</td><td class="n">1</td></tr>');
    expect(html).toContain('<section class="case" id="case-line-1">');
    expect(html).toContain('<section class="case" id="case-line-3">');
    expect(html).not.toContain('#case-line-2');
    expect(html).not.toMatch(/<script|<link (?!rel="icon" href="data:,")|src="http/);
    // The same bytes from two workers, and in Chinese the legal terms.
    const file2 = join(dir, 'report2.html');
    await runCli(['audit', '-', '--directory', 'examples/directory.json', '--as-of', '2023-06-30', '--report', file2, '--threads', '2'], { stdin: lines });
    expect(readFileSync(file2, 'utf8')).toBe(html);
    const zh = join(dir, 'zh.html');
    await runCli(['audit', '-', '--directory', 'examples/directory.json', '--as-of', '2023-06-30', '--report', zh, '--lang', 'zh', '--threads', '1'], { stdin: lines });
    expect(readFileSync(zh, 'utf8')).toContain('信访事项办理情况审查报告（截至 2023-06-30）'.replace('（', ' (').replace('）', ')'));
  });

  it('refuses a report into a folder that does not exist, before the run', async () => {
    const r = await runCli(['audit', '-', '--as-of', '2023-06-30', '--report', '/nonexistent/dir/report.html'], { stdin: lines });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--report /nonexistent/dir/report.html: the folder /nonexistent/dir does not exist');
  });
});

describe('the page itself', () => {
  it('says so when there is nothing late and no finding', () => {
    const html = auditReport(createReportData(), { asOf: '2023-06-30', totals: { read: 0, assessed: 0, rejected: 0 } });
    expect(html).toContain('No accountability findings.');
    expect(html).toContain('No case has an overdue duty or a finding.');
  });
});
