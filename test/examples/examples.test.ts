import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../examples/audit/generate-cases.js';
import { overdueByOrgan } from '../../examples/audit/overdue-by-organ.js';
import { exampleCase, localLabels, shandongEvaluator } from '../../examples/provincial-pack/evaluate.js';
import { createEvaluator, explain, type Organ } from '../../src/index.js';
import { defineScenarioTests } from '../../src/testing/index.js';
import { runCli } from '../cli/run.js';

/**
 * Smoke tests of every example in examples/, so none can rot: the README's first command, the batch
 * audit over generated cases, the provincial pack and its scenarios. (examples/policy-tests runs as part
 * of the suite itself; the HTTP service has its own test.) The process-spawning test runs once.
 */
const root = join(import.meta.dirname, '../..');
const once = process.env.PETITION_RULES_TZ_COMPARE !== 'off';
const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const directory = JSON.parse(readFileSync(join(root, 'examples/directory.json'), 'utf8')) as Organ[];

describe.runIf(once)('examples/evaluate-one-case.ts (the README\'s first command)', () => {
  it('prints the explained assessment of the bundled case', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/evaluate-one-case.ts'], { cwd: root });
    expect(stdout).toContain('Petition case QT-2023-0301-017 — assessed as of 2023-07-03');
    expect(stdout).toMatch(/What is late\n  - Tell the petitioner in writing .* met late/);
    expect(stdout).toMatch(/Conclude the handling .*: due 2023-05-08; overdue/);
    expect(stdout).toContain('Supervision (督办)');
  }, 60_000);
});

// The audit runs 400 evaluations: once, not in every time zone.
describe.runIf(once)('examples/audit', () => {
  const lines = [...generateCases(200, { seed: 11, broken: 0.03 })];

  it('generates the same realistic cases for the same seed, with a few broken lines', () => {
    expect([...generateCases(200, { seed: 11, broken: 0.03 })]).toEqual(lines);
    expect(lines).toHaveLength(200);
    const parsed = lines.flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
    expect(new Set(parsed.map((c) => c.channel))).toEqual(new Set(['letter', 'visit', 'online', 'phone']));
    expect(new Set(parsed.map((c) => c.receivedOn.slice(0, 4)))).toEqual(new Set(['2021', '2022', '2023']));
  });

  it('audits through the CLI: one record per line, read = assessed + rejected, and the API example agrees', async () => {
    const file = join(tmp, 'cases.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const summaryFile = join(tmp, 'summary.json');
    const { code, stdout } = await runCli(['audit', file, '--directory', join(root, 'examples/directory.json'), '--as-of', '2023-12-31', '--without-trace', '--summary', summaryFile]);
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(s.read).toBe(200);
    expect(s.read).toBe(s.assessed + s.rejected);
    expect(s.rejected).toBeGreaterThan(0);
    expect(s.overdueObligations.total).toBeGreaterThan(0);

    const api = await overdueByOrgan(createInterface({ input: createReadStream(file), crlfDelay: Infinity }), createEvaluator({ directory }), '2023-12-31');
    expect(api.read).toBe(200);
    expect(api.assessed).toBe(s.assessed);
    expect(api.rejected.length).toBe(s.rejected);
    expect(api.byOrgan.reduce((n, t) => n + t.overdue, 0)).toBe(s.overdueObligations.total);
    expect(api.byOrgan.reduce((n, t) => n + t.findings, 0)).toBe(s.findings.total);
  });
});

describe('examples/provincial-pack', () => {
  it('adds a local obligation citing the local article, labelled in the report', async () => {
    const a = await shandongEvaluator().evaluate(exampleCase, { asOf: '2023-06-09' });
    expect(a.packs.map((p) => p.id)).toEqual(['op2007', 'xfgz2022', 'shandong-2015']);
    expect(a.parameters.find((p) => p.id === 'reviewAcceptanceDecision')).toMatchObject({ pack: 'shandong-2015', source: ['shandong-2015:art43', 'shandong-2015:art44'] });
    const text = explain(a, { labels: localLabels });
    expect(text).toContain('Decide whether to accept the review request (决定是否受理复查申请) — Jinan Municipal Housing and Urban-Rural Development Bureau [jn-housing]: due 2023-06-06; overdue');
    expect(text).toContain('basis: shandong-2015:art43, shandong-2015:art44');
  });

  it('runs its scenarios with the CLI', async () => {
    const { code, stdout } = await runCli(['test', 'examples/provincial-pack/scenarios', '--packs', 'examples/provincial-pack/packs', '--quiet'], { cwd: root });
    expect(stdout).toContain('5 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('a caller can override a national parameter for its own jurisdiction with a pack given as data', async () => {
    // A made-up jurisdiction for the test only: it shortens the conclusion period to 20 days.
    const pack = {
      manifest: { id: 'test-province', title: { en: 'Test province', zh: '测试省' }, role: 'jurisdiction', jurisdiction: 'test', inForce: { from: '2020-01-01', to: null } },
      parameters: {
        parameters: {
          conclude: {
            description: { en: 'Handling period', zh: '办理期限' },
            overrides: ['xf2005', 'xfgz2022'],
            values: [{ from: '2020-01-01', value: { days: 20, unit: 'calendar' }, source: ['test-province:art1'] }],
          },
        },
      },
      // Every citation names a provision some catalogue lists: the pack catalogues the article it cites.
      provisions: {
        instrument: { id: 'test-province', title: { en: 'Test province', zh: '测试省' }, inForce: { from: '2020-01-01', to: null } },
        provisions: [{ id: 'test-province:art1', title: { en: 'Handling period', zh: '办理期限' }, summary: { en: '20 days', zh: '20日' }, rules: [], notOperational: null }],
      },
    };
    const evaluator = createEvaluator({ directory, packs: [pack], jurisdiction: 'test' });
    const input = JSON.parse(readFileSync(join(root, 'examples/cases/land-compensation-visit.json'), 'utf8'));
    const a = await evaluator.evaluate(input, { asOf: '2023-07-03' });
    expect(a.obligations.find((o) => o.id === 'conclude')).toMatchObject({ dueOn: '2023-03-28', parameter: 'conclude' });
    expect(a.parameters.find((p) => p.id === 'conclude')).toMatchObject({ pack: 'test-province', source: ['test-province:art1'] });
  });
});

defineScenarioTests(join(root, 'examples/provincial-pack/scenarios'), {
  name: 'examples/provincial-pack/scenarios',
  evaluator: { packs: [join(root, 'examples/provincial-pack/packs')] },
});
