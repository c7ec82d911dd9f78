import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../examples/audit/generate-cases.js';
import { zhejiangVsNational } from '../../examples/compare/zhejiang-vs-national.js';
import type { Organ } from '../../src/index.js';
import { runCli } from '../cli/run.js';

/**
 * examples/compare (issue 14 §2): Zhejiang's limits against the national ones over the generated corpus.
 * Every Zhejiang limit is at most the national one — disposal and the transferee's notice 5 working days
 * against 15 days (no 15-day span of 2021–2023, the corpus's years, holds fewer than 5 working days), handling 30 days
 * against 60 with at most 60 days' extension against 30 (so at most 90 either way) — so no due date moves
 * later and no lateness finding disappears. The API example and the CLI agree. Runs once (first project).
 */
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-compare-example-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const directoryFile = join(root, 'examples/directory.json');
const directory = JSON.parse(readFileSync(directoryFile, 'utf8')) as Organ[];

describe.runIf(once)('examples/compare/zhejiang-vs-national.ts', () => {
  const lines = [...generateCases(150, { seed: 5 })];
  const api = zhejiangVsNational(lines, directory, '2023-12-31');

  it('moves due dates only earlier, makes lateness findings appear and none disappear', () => {
    expect(api.compared).toBe(150);
    expect(api.obligations.map((s) => s.obligation)).toEqual(expect.arrayContaining(['dispose', 'notify-petitioner', 'conclude']));
    for (const s of api.obligations) expect(s.later).toBe(0);
    expect(api.obligations.find((s) => s.obligation === 'dispose')!.earlier).toBeGreaterThan(0);
    for (const f of api.findings) expect(f.disappeared).toBe(0);
    expect(api.findings.reduce((n, f) => n + f.appeared, 0)).toBeGreaterThan(0);
  });

  it('agrees with petition-rules compare over the same file', async () => {
    const file = join(tmp, 'cases.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const summaryFile = join(tmp, 'summary.json');
    const { code } = await runCli(['compare', file, '--directory', directoryFile, '--as-of', '2023-12-31', '--reform-jurisdiction', 'zhejiang', '--threads', '1', '--out', join(tmp, 'out.ndjson'), '--summary', summaryFile]);
    expect(code).toBe(0);
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(s.compared).toBe(api.compared);
    expect(s.changed).toBe(api.changed);
    for (const shift of api.obligations) {
      expect(s.dueDates.find((d: { obligation: string }) => d.obligation === shift.obligation)).toMatchObject({ earlier: shift.earlier, later: 0 });
    }
    const findings = s.byList.find((l: { list: string }) => l.list === 'findings');
    expect(findings).toMatchObject({ appeared: api.findings.reduce((n, f) => n + f.appeared, 0), disappeared: 0 });
  });
});
