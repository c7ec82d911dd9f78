import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, explainVocabulary, type Organ } from '../../src/index.js';
import { commandHelp } from '../../src/cli/help.js';

/**
 * The README keeps its two commands at the top and links every guide; the guides under docs/ document
 * every public id and every CLI command, and their sample obligation is what the bundled example
 * really holds. (The samples that run are checked by test/docs/samples.test.ts.)
 */
const root = join(import.meta.dirname, '../..');
const page = (path: string) => readFileSync(join(root, path), 'utf8');
const readme = page('README.md');
const readJson = (path: string) => JSON.parse(page(path));
const GUIDES = ['concepts', 'case-input', 'vocabulary', 'api', 'cli', 'rule-packs', 'testing', 'performance', 'legal-notes-and-policy'];

/** The fenced block that follows `marker` in `text`. */
function blockAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  expect(at, `${marker}`).toBeGreaterThan(-1);
  const open = text.indexOf('```', at);
  const body = text.indexOf('\n', open) + 1;
  return text.slice(body, text.indexOf('```', body));
}

describe('README and guides', () => {
  it('starts with the two commands', () => {
    const head = readme.split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm install && npx tsx examples/evaluate-one-case.ts\nnpm test');
  });

  it('links every guide, and every relative link of the README and the guides leads to a file and heading', () => {
    for (const guide of GUIDES) expect(readme).toContain(`](docs/${guide}.md)`);
    // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
    const anchors = (file: string) => new Set([...page(file).matchAll(/^#+ (.+)$/gm)].map(([, h]) => h!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
    for (const file of ['README.md', ...GUIDES.map((g) => `docs/${g}.md`)]) {
      for (const [, target, anchor] of page(file).matchAll(/\]\(([^)#:\s]*)(?:#([^)]*))?\)/g)) {
        const linked = target ? join(dirname(file), target) : file;
        expect(existsSync(join(root, linked)), `${file} links to ${target}`).toBe(true);
        if (anchor && linked.endsWith('.md')) expect(anchors(linked).has(anchor), `${file} links to ${linked}#${anchor}`).toBe(true);
      }
    }
  });

  it('lists every public id of the vocabulary with its Chinese term', () => {
    for (const kind of ['role', 'obligation', 'escalation', 'action', 'finding', 'guidance', 'status'] as const) {
      for (const [id, term] of Object.entries(explainVocabulary[kind])) {
        const row = page('docs/vocabulary.md').split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
        expect(row, `${kind} ${id} missing from docs/vocabulary.md`).toBeDefined();
        expect(row, `${kind} ${id}: Chinese term`).toContain(term.zh);
      }
    }
  });

  it('documents every CLI command and the exit codes', () => {
    const cli = page('docs/cli.md');
    for (const command of Object.keys(commandHelp)) expect(cli).toContain(`| \`${command}`);
    expect(cli).toMatch(/\| `0` \|[\s\S]*\| `1` \|[\s\S]*\| `2` \|/);
  });

  it('shows measured figures only with the machine, the date and every target judged (npm run bench)', () => {
    const section = page('docs/performance.md');
    expect(section).toContain('npm run bench');
    expect(section).toMatch(/^Measured \d{4}-\d{2}-\d{2} on .+ cores, .+ RAM, Node v\d+/m);
    for (const target of ['≥ 30,000 cases/s', '≥ 0.4 × floor', '≥ 10,000 cases/s', '≥ 0.5 × floor', '≥ 15,000 cases/s', '≥ 100× json-rules-engine', '≥ 25×', 'p99 ≤ 150 µs', 'p99.9 ≤ 1 ms', '≤ 250 ms', '≤ 256 MB', '≤ 160 MB']) {
      expect(section.split('\n').some((row) => row.includes(`| ${target}`) && /\| (PASS|MISS|n\/a) \|$/.test(row)), target).toBe(true);
    }
  });

  it('shows the conclude obligation as JSON as the assessment holds it', async () => {
    const evaluator = createEvaluator({ directory: readJson('examples/directory.json') as Organ[] });
    const a = await evaluator.evaluate(readJson('examples/cases/land-compensation-visit.json'), { asOf: '2023-07-03' });
    const actual = a.obligations.find((o) => o.id === 'conclude')!;
    const { computation, ...shown } = JSON.parse(blockAfter(page('docs/concepts.md'), 'An obligation as JSON'));
    const { computation: actualComputation, ...rest } = actual;
    expect(shown).toEqual(JSON.parse(JSON.stringify(rest)));
    expect(computation[0].en).toBe(actualComputation[0]!.en);
  });
});

