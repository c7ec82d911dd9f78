import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineScenarioTests, petitionMatchers } from '../../src/testing/index.js';
import { createEvaluator, type Assessment } from '../../src/index.js';

/** The testing kit: matchers on a real assessment (pass and fail messages), and scenario folders as tests. */
const directory = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/directory.json'), 'utf8'));
const evaluator = createEvaluator({ directory });
const land = {
  id: 'kit-land-1',
  receivedOn: '2023-03-01',
  channel: 'visit',
  class: 'appeal',
  legalRoute: 'petition',
  priorityArea: 'land-acquisition',
  petitioners: 12,
  receivingOrgan: 'qt-petition',
  handlingOrgan: 'qt-nr',
  events: [
    { type: 'received', on: '2023-03-01', by: 'qt-petition' },
    { type: 'transferred', on: '2023-03-03', by: 'qt-petition', to: 'qt-nr' },
    { type: 'accepted', on: '2023-03-08', by: 'qt-nr' },
  ],
};

let a: Assessment;
beforeAll(async () => {
  a = await evaluator.evaluate(land, { asOf: '2023-06-30' });
});

describe('assessment matchers', () => {
  it('pass on what the assessment holds', () => {
    expect(a).toName('handling-organ', 'qt-nr');
    expect(a).toName('territorial-authority', 'qt-gov');
    expect(a).toRequireObligation('conclude', { dueOn: '2023-05-08', status: 'overdue', organ: 'qt-nr' });
    expect(a).toRequireObligation('dispose', { status: 'met', metOn: '2023-03-03' });
    expect(a).toGuide('elect-representatives', { organ: 'qt-petition' });
    expect(a).toEscalate('joint-visit');
    expect(a).toCite('xfgz2022:art34');
    expect(a).not.toCite('xf2005:art33');
    expect(a).not.toGuide('pending-below');
    expect(a).not.toName('handling-organ', 'qt-gov');
  });

  it('name what differs when they fail', () => {
    expect(() => expect(a).toRequireObligation('conclude', { dueOn: '2023-05-07' })).toThrow(/to require obligation conclude \(dueOn "2023-05-07"\); it has conclude with dueOn "2023-05-08"/);
    expect(() => expect(a).toRequireObligation('no-such-duty')).toThrow(/its obligations: .*conclude/);
    expect(() => expect(a).toName('handling-organ', 'qt-gov')).toThrow(/it names qt-nr/);
    expect(() => expect(a).toName('package-leader', 'qt-pc')).toThrow(/no package-leader is named/);
    expect(() => expect(a).toEscalate('joint-visit', { organ: 'qt-gov' })).toThrow(/it has joint-visit with organ qt-pc/);
    expect(() => expect(a).toFind('retaliation')).toThrow(/to find retaliation/);
    expect(() => expect(a).not.toEscalate('joint-visit')).toThrow(/not to escalate joint-visit, but it does/);
    expect(() => expect(a).toCite('xf2005:art33')).toThrow(/it cites .*xfgz2022:art34/);
  });

  it('match findings by organ, consequences and accountable roles', () => {
    const finding = a.findings.find((f) => f.id === 'overdue-conclusion');
    if (!finding) return; // findings land with the accountability rules; the matcher is covered below on a built assessment
    expect(a).toFind('overdue-conclusion', { organ: finding.organ.id ?? finding.organ.name, consequences: [...finding.consequences] });
  });

  it('match a finding on a built assessment', () => {
    const organ = { id: 'qt-nr', name: 'Qingtian bureau', nameZh: '青田局' };
    const built = { ...a, findings: [{ id: 'late-notice', organ, accountable: [{ role: 'responsible-manager', organ }], consequences: ['order-correction'], seriousConsequences: false, basis: ['xfgz2022:art44'], rules: [], facts: {} }] } as unknown as Assessment;
    expect(built).toFind('late-notice', { organ: 'qt-nr', consequences: ['order-correction'], accountable: ['responsible-manager'] });
    expect(() => expect(built).toFind('late-notice', { consequences: ['order-correction', 'sanction'] })).toThrow(/consequences order-correction/);
    expect(() => expect(built).toFind('late-notice', { accountable: ['first-responsible-leader'] })).toThrow(/missing first-responsible-leader/);
  });

  it('refuse what is not an assessment', () => {
    expect(() => expect({ foo: 1 }).toGuide('x')).toThrow(/expected an assessment/);
  });

  it('are exported for expect.extend', () => {
    expect(Object.keys(petitionMatchers).sort()).toEqual(['toCite', 'toEscalate', 'toFind', 'toGuide', 'toName', 'toRequireObligation', 'toTakeAction']);
  });
});

defineScenarioTests(join(import.meta.dirname, 'scenarios'), { name: 'defineScenarioTests: a folder of scenarios' });
