import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Organ } from '../../src/case/organ.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { loadBuiltinPacks } from '../../src/rules/builtinPacks.js';
import { RuleSchema } from '../../src/rules/schema.js';

/**
 * Escalation and accountability (issue 4): what the scenarios' subset matching cannot pin down —
 * exact lists of accountable people, the absence of leaders without serious consequences, the finding
 * ids each pack can produce, the explicit rule chaining in the data and the trace, and determinism.
 */
const directory = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'directory.json'), 'utf8')) as Organ[];
const evaluator = createEvaluator({ directory });

const base = (over: Record<string, unknown> = {}) => ({
  id: 'acc-unit',
  receivedOn: '2023-03-01',
  channel: 'letter',
  class: 'appeal',
  legalRoute: 'petition',
  receivingOrgan: 'qt-petition',
  handlingOrgan: 'qt-nr',
  events: [
    { type: 'received', on: '2023-03-01', by: 'qt-petition' },
    { type: 'registered', on: '2023-03-01', by: 'qt-petition' },
    { type: 'transferred', on: '2023-03-03', by: 'qt-petition', to: 'qt-nr' },
    { type: 'petitioner-notified', on: '2023-03-08', by: 'qt-nr' },
    { type: 'accepted', on: '2023-03-08', by: 'qt-nr' },
  ],
  ...over,
});
const in2005 = (c: Record<string, unknown>) => ({
  ...c,
  receivedOn: '2021-03-01',
  events: (c.events as Array<Record<string, unknown>>).map((e) => ({ ...e, on: String(e.on).replace('2023', '2021') })),
});

/** The finding ids the rules of a pack can yield. */
function findingIds(pack: string): string[] {
  const p = loadBuiltinPacks().find((x) => x.manifest.id === pack)!;
  return [...new Set(p.rules.flatMap((r) => r.outcomes.filter((o) => o.kind === 'finding').map((o) => (o as { id: string }).id)))].sort();
}

describe('findings per pack (DOMAIN §7)', () => {
  const all = [
    'caused-by-abuse-of-power', 'caused-by-inaction', 'caused-by-wrong-law-or-procedure', 'refused-to-implement',
    'failed-to-register', 'failed-to-dispose', 'failed-to-supervise', 'refused-acceptance', 'late-notice',
    'overdue-conclusion', 'prevarication', 'unsupported-valid-claim', 'ignored-improvement-suggestion',
    'rough-conduct', 'extortion', 'mishandled-collective-visit', 'concealed-or-late-report', 'leaked-accusation', 'retaliation',
    'failed-to-take-measures',
  ];
  it('xfgz2022 can yield every finding id of the brief', () => {
    expect(findingIds('xfgz2022')).toEqual([...all].sort());
  });
  it('xf2005 yields every id except those its text lacks (extortion, ignored suggestions, mishandled collective visits, measures not taken)', () => {
    const absent = ['extortion', 'ignored-improvement-suggestion', 'mishandled-collective-visit', 'failed-to-take-measures'];
    expect(findingIds('xf2005')).toEqual(all.filter((id) => !absent.includes(id)).sort());
  });
});

describe('who answers', () => {
  it('names only the managers and staff without serious consequences, and adds the leaders with them', async () => {
    const plain = await evaluator.evaluate(base({ misconduct: [{ kind: 'prevarication', by: 'qt-nr' }] }), { asOf: '2023-04-10' });
    const f = plain.findings.find((x) => x.id === 'prevarication')!;
    expect(f.accountable.map((p) => p.role)).toEqual(['responsible-manager', 'directly-responsible-staff']);
    expect(f.consequences).toEqual(['order-correction']);
    expect(f.basis).not.toContain('op2007:21');

    const serious = await evaluator.evaluate(base({ misconduct: [{ kind: 'prevarication', by: 'qt-nr', seriousConsequences: true, otherLeadersPortfolio: true }] }), { asOf: '2023-04-10' });
    const g = serious.findings.find((x) => x.id === 'prevarication')!;
    expect(g.accountable.map((p) => p.role)).toEqual(['responsible-manager', 'directly-responsible-staff', 'first-responsible-leader', 'directly-responsible-leader', 'leading-member']);
    expect(g.accountable.every((p) => p.organ.id === 'qt-nr')).toBe(true);
    expect(g.consequences).toEqual(['order-correction', 'sanction']);
    expect(g.basis).toEqual(['xfgz2022:art45(1)', 'op2007:21']);
    expect(g.decidedBy?.id).toBe('ls-nr');
  });

  it('gives one finding per organ at fault, each with its own seriousness', async () => {
    const a = await evaluator.evaluate(
      base({ misconduct: [{ kind: 'rough-conduct', by: 'qt-petition' }, { kind: 'rough-conduct', by: 'qt-housing', seriousConsequences: true }] }),
      { asOf: '2023-04-10' },
    );
    const rough = a.findings.filter((f) => f.id === 'rough-conduct');
    expect(rough.map((f) => [f.organ.id, f.consequences])).toEqual([
      ['qt-petition', ['order-correction']],
      ['qt-housing', ['order-correction', 'sanction']],
    ]);
    expect(rough[1]!.decidedBy).toEqual({ id: null, name: 'the superior of Qingtian Housing and Urban-Rural Development Bureau', nameZh: '青田县住房和城乡建设局的上级机关' });
  });

  it('an entry that says "no serious consequences" overrides the case flag', async () => {
    const a = await evaluator.evaluate(base({ flags: { seriousConsequences: true }, misconduct: [{ kind: 'extortion', by: 'qt-nr', seriousConsequences: false }] }), { asOf: '2023-04-10' });
    expect(a.findings.find((f) => f.id === 'extortion')!.consequences).toEqual(['order-correction']);
  });

  it('under xf2005 retaliation is sanctioned without an order to correct, whatever the consequences', async () => {
    const a = await evaluator.evaluate(in2005(base({ misconduct: [{ kind: 'retaliation', by: 'hc-gov' }] })), { asOf: '2021-04-10' });
    const f = a.findings.find((x) => x.id === 'retaliation')!;
    expect(f.consequences).toEqual(['sanction']);
    expect(f.seriousConsequences).toBe(false);
  });
});

describe("consequences in the article's own words", () => {
  it('quotes only the consequences attached: the order to correct alone without serious consequences, both with them', async () => {
    const plain = await evaluator.evaluate(base({ misconduct: [{ kind: 'prevarication', by: 'qt-nr' }] }), { asOf: '2023-04-10' });
    expect(plain.findings.find((f) => f.id === 'prevarication')!.consequenceWords).toEqual({
      'order-correction': { en: 'its superior organ or unit orders it to correct', zh: '由其上级机关、单位责令改正' },
    });
    const serious = await evaluator.evaluate(in2005(base({ misconduct: [{ kind: 'prevarication', by: 'qt-nr', seriousConsequences: true }] })), { asOf: '2021-04-10' });
    const words = serious.findings.find((f) => f.id === 'prevarication')!.consequenceWords;
    expect(Object.keys(words)).toEqual(['order-correction', 'sanction']);
    expect(words['order-correction']!.zh).toBe('由其上级行政机关责令改正');
    expect(words.sanction!.zh).toBe('造成严重后果的，对直接负责的主管人员和其他直接责任人员依法给予行政处分');
  });

  it('gives xf2005 art46 its administrative or disciplinary sanction, and xfgz2022 art42 no order to correct', async () => {
    const retaliation = await evaluator.evaluate(in2005(base({ misconduct: [{ kind: 'retaliation', by: 'hc-gov' }] })), { asOf: '2021-04-10' });
    expect(retaliation.findings.find((f) => f.id === 'retaliation')!.consequenceWords).toEqual({
      sanction: {
        en: 'where the retaliation constitutes a crime, criminal liability is pursued according to law; where it does not yet constitute a crime, administrative or disciplinary sanctions are given according to law',
        zh: '构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予行政处分或者纪律处分',
      },
    });
    const caused = await evaluator.evaluate(base({ misconduct: [{ kind: 'caused-by-inaction', by: 'qt-nr', seriousConsequences: true }] }), { asOf: '2023-04-10' });
    const f = caused.findings.find((x) => x.id === 'caused-by-inaction')!;
    expect(f.consequences).toEqual(['sanction']);
    expect(f.consequenceWords).toEqual({
      sanction: {
        en: 'the directly responsible managers and other directly responsible staff are dealt with severely according to party rules, discipline and law; where the conduct constitutes a crime, criminal liability is pursued according to law',
        zh: '对直接负责的主管人员和其他直接责任人员，依规依纪依法严肃处理；构成犯罪的，依法追究刑事责任',
      },
    });
  });

  it('every finding rule of the built-in packs quotes its article', () => {
    for (const r of loadBuiltinPacks().flatMap((p) => p.rules)) {
      for (const o of r.outcomes) {
        if (o.kind !== 'finding') continue;
        expect(o.consequenceWords.sanction.zh, r.id).toMatch(r.pack === 'xf2005' ? /行政处分/ : /依规依纪依法严肃处理/);
        if (o.consequenceWords['order-correction']) expect(o.consequenceWords['order-correction'].zh, r.id).toMatch(/责令改正$/);
      }
    }
  });
});

describe('xf2005 art44: the staff member answers, and rough conduct needs 激化矛盾', () => {
  it('names only the directly responsible staff for a leaked accusation', async () => {
    const a = await evaluator.evaluate(in2005(base({ misconduct: [{ kind: 'leaked-accusation', by: 'qt-petition' }] })), { asOf: '2021-04-10' });
    expect(a.findings.find((f) => f.id === 'leaked-accusation')!.accountable.map((p) => p.role)).toEqual(['directly-responsible-staff']);
  });

  it('finds rough conduct only against the organ whose entry both inflamed the conflict and had serious consequences', async () => {
    const a = await evaluator.evaluate(
      in2005(base({
        misconduct: [
          { kind: 'rough-conduct', by: 'qt-petition', seriousConsequences: true },
          { kind: 'rough-conduct', by: 'qt-nr', inflamedConflict: true },
          { kind: 'rough-conduct', by: 'qt-housing', inflamedConflict: true, seriousConsequences: true },
        ],
      })),
      { asOf: '2021-04-10' },
    );
    const rough = a.findings.filter((f) => f.id === 'rough-conduct');
    expect(rough.map((f) => [f.organ.id, f.consequences, f.accountable.map((p) => p.role)])).toEqual([['qt-housing', ['sanction'], ['directly-responsible-staff']]]);
    expect(rough[0]!.basis).toEqual(['xf2005:art44.2']);
  });
});

describe('the 2022 response ladder', () => {
  it('never gives the police warning or restraint of xf2005 art47, whatever is stated', async () => {
    const a = await evaluator.evaluate(
      base({ channel: 'visit', atDesignatedSite: true, petitionerConduct: ['staying-and-making-trouble'], conductFacts: { persistedAfterDissuasion: true, publicOrderViolation: true, crime: true } }),
      { asOf: '2023-04-10' },
    );
    expect(a.actions.map((x) => x.id).filter((id) => ['dissuade-and-educate', 'police-warning-or-restraint', 'public-order-penalty', 'criminal-liability'].includes(id))).toEqual(['dissuade-and-educate', 'public-order-penalty', 'criminal-liability']);
  });
});

describe('rule chaining', () => {
  it('declares the dependency in the data: findings and supervision on a time limit depend on its obligation rule', () => {
    const rules = loadBuiltinPacks().flatMap((p) => p.rules);
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const id of ['xfgz2022.art45.overdue-conclusion', 'xfgz2022.art40.supervise-overdue-conclusion']) {
      expect(byId.get(id)!.dependsOn).toEqual(['xfgz2022.art34.conclude']);
    }
    for (const id of ['xf2005.art43.overdue-conclusion', 'xf2005.art36.supervise-overdue-conclusion']) {
      expect(byId.get(id)!.dependsOn).toEqual(['xf2005.art33.conclude']);
    }
    // Every rule reading the obligations stage fact names the rules it reads.
    for (const r of rules) {
      if (JSON.stringify(r.conditions).includes('"fact":"obligations"')) expect(r.dependsOn?.length, r.id).toBeGreaterThan(0);
    }
  });

  it('shows the stage and the dependency in the trace, after the obligation rule that fed it', async () => {
    const a = await evaluator.evaluate(base(), { asOf: '2023-05-15' });
    const at = (id: string) => a.trace.findIndex((t) => t.rule === id);
    const conclude = a.trace[at('xfgz2022.art34.conclude')]!;
    const supervise = a.trace[at('xfgz2022.art40.supervise-overdue-conclusion')]!;
    const finding = a.trace[at('xfgz2022.art45.overdue-conclusion')]!;
    expect(supervise.stage).toBe(conclude.stage + 1);
    expect(finding.stage).toBe(conclude.stage + 1);
    expect(supervise.dependsOn).toEqual(['xfgz2022.art34.conclude']);
    expect(at('xfgz2022.art34.conclude')).toBeLessThan(at('xfgz2022.art40.supervise-overdue-conclusion'));
    expect(at('xfgz2022.art40.supervise-overdue-conclusion')).toBeLessThan(at('xfgz2022.art45.overdue-conclusion'));
    expect(supervise.yielded).toEqual(['supervision:supervise']);
    expect(finding.yielded).toEqual(['finding:overdue-conclusion']);
  });

  it('gives the same assessment every time, in the same order', async () => {
    const input = base({ misconduct: [{ kind: 'prevarication', by: 'qt-nr' }, { kind: 'retaliation', by: 'hc-gov' }], flags: { policyGap: true, hardship: true } });
    const runs = await Promise.all(Array.from({ length: 5 }, () => evaluator.evaluate(input, { asOf: '2023-05-15' })));
    for (const r of runs.slice(1)) expect(JSON.stringify(r)).toBe(JSON.stringify(runs[0]));
  });
});

describe('rule file format', () => {
  it('rejects a finding that names no organ at fault, or two', () => {
    const rule = (outcome: Record<string, unknown>) => ({ id: 'x.art1.y', title: { en: 'a', zh: 'b' }, citations: ['xfgz2022:art45'], conditions: { all: [] }, outcomes: [outcome] });
    const consequenceWords = { sanction: { en: 'sanctioned', zh: '处分' } };
    expect(RuleSchema.safeParse(rule({ kind: 'finding', id: 'prevarication', liability: 'sanction', consequenceWords })).success).toBe(false);
    expect(RuleSchema.safeParse(rule({ kind: 'finding', id: 'prevarication', organ: 'handlingOrgan', misconduct: 'prevarication', liability: 'sanction', consequenceWords })).success).toBe(false);
    expect(RuleSchema.safeParse(rule({ kind: 'finding', id: 'prevarication', misconduct: 'prevarication', liability: 'sanction', consequenceWords })).success).toBe(true);
    expect(RuleSchema.safeParse(rule({ kind: 'supervision', organ: 'petitionDepartment' })).success).toBe(false);
  });

  it('requires the consequences in the article\'s words, with words for an order to correct exactly where the article has one', () => {
    const rule = (outcome: Record<string, unknown>) => ({ id: 'x.art1.y', title: { en: 'a', zh: 'b' }, citations: ['xfgz2022:art45'], conditions: { all: [] }, outcomes: [outcome] });
    const sanction = { en: 'sanctioned', zh: '处分' };
    const correction = { en: 'ordered to correct', zh: '责令改正' };
    const finding = (liability: string, consequenceWords?: unknown) => rule({ kind: 'finding', id: 'prevarication', misconduct: 'prevarication', liability, ...(consequenceWords ? { consequenceWords } : {}) });
    expect(RuleSchema.safeParse(finding('sanction')).success).toBe(false);
    expect(RuleSchema.safeParse(finding('correction-then-sanction', { sanction })).success).toBe(false);
    expect(RuleSchema.safeParse(finding('correction-then-sanction', { 'order-correction': correction, sanction })).success).toBe(true);
    expect(RuleSchema.safeParse(finding('sanction-if-serious', { 'order-correction': correction, sanction })).success).toBe(false);
    expect(RuleSchema.safeParse(finding('sanction-if-serious', { sanction })).success).toBe(true);
  });
});
