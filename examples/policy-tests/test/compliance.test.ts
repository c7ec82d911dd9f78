/**
 * Compliance tests of a county petition bureau's policy, written as a user's own project would write
 * them: the library by its package name, the matchers and the scenario runner from
 * `petition-rules/testing`. Run with `npm test` (in the petition-rules repository the root suite runs
 * this file too).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Organ } from 'petition-rules';
import { defineScenarioTests } from 'petition-rules/testing';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const directory = read('../directory.json') as Organ[];
const letter = read('../scenarios/_case.json');

describe('Zhejiang time limits for a letter handled by the county bureau', () => {
  const zhejiang = createEvaluator({ directory, jurisdiction: 'zhejiang' });

  it('the county bureau must conclude within 30 days of acceptance, and answers for being late', async () => {
    const a = await zhejiang.evaluate(letter, { asOf: '2023-04-20' });
    expect(a).toName('handling-organ', 'qt-nr');
    expect(a).toRequireObligation('conclude', { organ: 'qt-nr', dueOn: '2023-04-07', status: 'overdue' });
    expect(a).toFind('overdue-conclusion', { organ: 'qt-nr', consequences: ['order-correction'], accountable: ['responsible-manager'] });
    expect(a).toEscalate('supervise', { organ: 'qt-petition' });
    expect(a).toCite('xfgz2022:art45(1)');
  });

  it('a written notice sent on the sixth working day after the transfer is late', async () => {
    const a = await zhejiang.evaluate(letter, { asOf: '2023-03-31' });
    expect(a).toRequireObligation('notify-petitioner', { dueOn: '2023-03-10', status: 'met-late', metOn: '2023-03-14' });
    expect(a).toFind('late-notice', { organ: 'qt-nr' });
  });

  it('before the due date nothing is found', async () => {
    const a = await zhejiang.evaluate({ ...letter, events: letter.events.slice(0, 4) }, { asOf: '2023-03-09' });
    expect(a).toRequireObligation('notify-petitioner', { status: 'due-soon' });
    expect(a.findings).toEqual([]);
    expect(a).not.toEscalate('supervise');
  });
});

// Every hand-worked scenario under ../scenarios becomes a test of its own.
defineScenarioTests(new URL('../scenarios', import.meta.url), { name: 'policy scenarios' });
