import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainVocabulary } from '../../src/index.js';
import { commandHelp } from '../../src/cli/help.js';

/** The README keeps its two commands at the top, documents every public id, and every CLI command. */
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

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

  it('documents every CLI command and the exit codes, and has no Performance section', () => {
    for (const command of Object.keys(commandHelp)) expect(readme).toContain(`| \`${command}`);
    expect(readme).toMatch(/\| `0` \|[\s\S]*\| `1` \|[\s\S]*\| `2` \|/);
    expect(readme).not.toMatch(/^#+ Performance/m);
  });
});
