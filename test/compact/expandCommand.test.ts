import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../core/generateCases.js';
import { runCli } from '../cli/run.js';

/**
 * Issue 13 §1 on the command line: `audit` writes compact records by default, `expand` turns them into
 * exactly what `audit --record full` writes (with and without the trace), error lines pass through,
 * and `rules` prints the pack versions the records name.
 */

const root = join(import.meta.dirname, '../..');
const directory = join(root, 'test/fixtures/directory.json');
const lines = generateCases(60, 4242).map((c) => JSON.stringify(c.input));
lines.splice(7, 0, '', '{"id": "broken"');
const stdin = `${lines.join('\n')}\n`;
const asOf = '2024-06-30';

describe.runIf(process.env.PETITION_RULES_TZ_COMPARE !== 'off')('audit --record compact | expand', () => {
  for (const extra of [[], ['--without-trace']]) {
    it(`expands to the bytes of audit --record full${extra.length ? ` ${extra.join(' ')}` : ''}`, async () => {
      const args = ['audit', '-', '--directory', directory, '--as-of', asOf, '--threads', '1', ...extra];
      const compact = await runCli(args, { stdin });
      const full = await runCli([...args, '--record', 'full'], { stdin });
      expect(compact.code).toBe(0);
      expect(compact.stdout.split('\n')[0]).toMatch(/^\{"line":1,"compact":\{"format":"petition-rules-compact\/1"/);
      // With the trace, facts are told by reference too; without it, each item keeps its facts.
      expect(Buffer.byteLength(compact.stdout)).toBeLessThan(Buffer.byteLength(full.stdout) / (extra.length ? 1.5 : 3));
      const expanded = await runCli(['expand', '-', '--directory', directory], { stdin: compact.stdout });
      expect(expanded.code).toBe(0);
      expect(expanded.stdout).toBe(full.stdout);
    });
  }

  it('reports a record made with another directory or policy, and a line that is not a record, and goes on', async () => {
    const compact = await runCli(['audit', '-', '--directory', directory, '--as-of', asOf, '--threads', '1'], { stdin: `${lines[0]}\n` });
    const withOtherPolicy = await runCli(['expand', '-', '--directory', directory, '--policy', 'holidayRollover=false'], { stdin: `${compact.stdout}not json\n${compact.stdout}` });
    expect(withOtherPolicy.code).toBe(2);
    const out = withOtherPolicy.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].error.issues[0].path).toBe('compact.policy');
    expect(out[1]).toMatchObject({ line: 2, error: { issues: [{ path: '' }] } });
    expect((await runCli(['expand', '-'], { stdin: compact.stdout })).stdout).toContain('"path":"compact.directory"');
  });

  it('rules prints each pack as compact records name it', async () => {
    const { stdout } = await runCli(['rules']);
    const record = JSON.parse((await runCli(['audit', '-', '--directory', directory, '--as-of', asOf, '--threads', '1'], { stdin: `${lines[0]}\n` })).stdout);
    for (const ref of record.compact.law as string[]) expect(stdout).toContain(`version ${ref} (content hash sha256:${ref.split('@')[1]}`);
    const json = JSON.parse((await runCli(['rules', '--json'])).stdout);
    expect(json.packs[0].reference).toMatch(/^[a-z0-9-]+@[0-9a-f]{12}$/);
    expect(json.packs[0].hash.slice(7, 19)).toBe(json.packs[0].reference.split('@')[1]);
  });
});
