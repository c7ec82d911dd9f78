import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateAllScenarios } from './evaluateScenarios.js';

/**
 * Dates are China calendar dates, never instants: the same case must give the same assessment on a
 * machine in any time zone. Every scenario is evaluated here (in this project's zone) and in child
 * processes started under the other zones, and the JSON output compared byte for byte. The whole suite
 * also runs under each zone (the projects of vitest.config.ts); this comparison runs in one of them.
 */
const run = promisify(execFile);
const script = join(import.meta.dirname, 'evaluateScenarios.ts');
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

describe.runIf(process.env.PETITION_RULES_TZ_COMPARE !== 'off')('time zones', () => {
  it('every scenario gives byte-identical assessments under UTC, Asia/Shanghai and America/Los_Angeles', async () => {
    const here = process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const others = ZONES.filter((z) => z !== here);
    const [local, ...children] = await Promise.all([
      evaluateAllScenarios(),
      ...others.map(async (TZ) => (await run(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ }, maxBuffer: 1 << 30 })).stdout),
    ]);
    const lines = local!.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    children.forEach((out, i) => {
      if (out === local) return;
      const other = out.trimEnd().split('\n');
      const at = lines.findIndex((l, k) => l !== other[k]);
      expect.fail(`output under TZ=${others[i]} differs from TZ=${here} at ${at >= 0 ? (JSON.parse(lines[at]!) as { scenario: string }).scenario : 'the end'}`);
    });
  });
});
