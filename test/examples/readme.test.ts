import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, explain, explainVocabulary, type Organ } from '../../src/index.js';
import { commandHelp } from '../../src/cli/help.js';

/**
 * The README keeps its two commands at the top, documents every public id, and every CLI command; its
 * sample report and sample obligation are what the bundled example really prints.
 */
const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** The fenced block that follows `marker` in the README. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  expect(at, `README: ${marker}`).toBeGreaterThan(-1);
  const open = readme.indexOf('```', at);
  const body = readme.indexOf('\n', open) + 1;
  return readme.slice(body, readme.indexOf('```', body));
}

describe('README', () => {
  it('starts with the two commands', () => {
    const head = readme.split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm install && npx tsx examples/evaluate-one-case.ts\nnpm test');
  });

  it('lists every public id of the vocabulary with its Chinese term', () => {
    for (const kind of ['role', 'obligation', 'escalation', 'action', 'finding', 'guidance', 'status'] as const) {
      for (const [id, term] of Object.entries(explainVocabulary[kind])) {
        const row = readme.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
        expect(row, `${kind} ${id} missing from the README vocabulary`).toBeDefined();
        expect(row, `${kind} ${id}: Chinese term`).toContain(term.zh);
      }
    }
  });

  it('documents every CLI command and the exit codes', () => {
    for (const command of Object.keys(commandHelp)) expect(readme).toContain(`| \`${command}`);
    expect(readme).toMatch(/\| `0` \|[\s\S]*\| `1` \|[\s\S]*\| `2` \|/);
  });

  it('shows measured figures only with the machine, the date and every target judged (npm run bench)', () => {
    const start = readme.indexOf('\n## Performance\n');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(section).toContain('npm run bench');
    expect(section).toMatch(/^Measured \d{4}-\d{2}-\d{2} on .+ cores, .+ RAM, Node v\d+/m);
    for (const target of ['≥ 50,000 cases/s', '≥ 0.25 × floor', '≥ 100× json-rules-engine', 'p99 ≤ 1 ms', 'p99 ≤ 5 ms', '≤ 256 MB', '≤ 150 ms']) {
      expect(section.split('\n').some((row) => row.includes(`| ${target}`) && /\| (PASS|MISS|n\/a) \|$/.test(row)), target).toBe(true);
    }
  });

  it('shows the example report as the program prints it: every line in order, `…` standing for lines or text left out', async () => {
    const evaluator = createEvaluator({ directory: readJson('examples/directory.json') as Organ[] });
    const printed = explain(await evaluator.evaluate(readJson('examples/cases/land-compensation-visit.json'), { asOf: '2023-07-03' })).split('\n');
    const sample = blockAfter('prints the explained assessment').trimEnd().split('\n');
    let at = 0;
    for (const line of sample) {
      if (line.trim() === '…') continue;
      const cut = line.indexOf('…');
      const matches = (p: string) => (cut === -1 ? p === line : p.startsWith(line.slice(0, cut)));
      const found = printed.findIndex((p, i) => i >= at && matches(p));
      expect(found, `README sample line not printed (in this order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('shows the conclude obligation as JSON as the assessment holds it', async () => {
    const evaluator = createEvaluator({ directory: readJson('examples/directory.json') as Organ[] });
    const a = await evaluator.evaluate(readJson('examples/cases/land-compensation-visit.json'), { asOf: '2023-07-03' });
    const actual = a.obligations.find((o) => o.id === 'conclude')!;
    const { computation, ...shown } = JSON.parse(blockAfter('An obligation as JSON'));
    const { computation: actualComputation, ...rest } = actual;
    expect(shown).toEqual(JSON.parse(JSON.stringify(rest)));
    expect(computation[0].en).toBe(actualComputation[0]!.en);
  });
});

