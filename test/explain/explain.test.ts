import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, explain, explainVocabulary, type Assessment, type OrganRef } from '../../src/index.js';

/**
 * explain(): a readable report in English and Chinese, each line with its citations, every list shown
 * generically (unknown ids and fields still appear), deterministic.
 */
const nr: OrganRef = { id: 'qt-nr', name: 'Qingtian Natural Resources and Planning Bureau', nameZh: '青田县自然资源和规划局', level: 'county', kind: 'department' };
const petition: OrganRef = { id: 'qt-petition', name: 'Qingtian County Petition Bureau', nameZh: '青田县信访局', level: 'county', kind: 'petition-department' };
const superior: OrganRef = { id: null, name: 'the superior of Qingtian Natural Resources and Planning Bureau', nameZh: '青田县自然资源和规划局的上一级机关' };
const grounds = (basis: string[], facts: Record<string, unknown> = {}) => ({ basis, rules: ['test.rule.one'], facts });

// Built loosely and cast, so the fixture keeps compiling while the assessment type grows.
const assessment = {
  caseId: 'demo-1',
  asOf: '2023-08-01',
  receivedOn: '2023-03-01',
  packs: [
    { id: 'op2007', role: 'principles', title: { en: 'Opinions', zh: '意见' } },
    { id: 'xfgz2022', role: 'procedure', title: { en: 'Regulations on Petition Work', zh: '信访工作条例' } },
  ],
  parameters: [{ id: 'concludeDays', pack: 'xfgz2022', value: 60, from: '2022-05-01', source: ['xfgz2022:art34'] }],
  policy: [
    { id: 'holidayRollover', value: true, status: 'unverified-interpretation', isDefault: true },
    { id: 'repeatedPetitionThreshold', value: 3, status: 'policy', isDefault: false },
  ],
  responsibilities: [
    { role: 'handling-organ', organ: nr, ...grounds(['op2007:7', 'xfgz2022:art5']) },
    { role: 'territorial-authority', organ: superior, ...grounds(['op2007:7']) },
  ],
  obligations: [
    {
      id: 'conclude', organ: nr, start: { event: 'accepted', on: '2023-03-03' }, period: { kind: 'days', days: 60, unit: 'calendar' },
      dueOn: '2023-05-02', status: 'overdue', daysOverdue: 91,
      computation: [{ en: 'start day not counted', zh: '开始之日不计入' }, { en: 'rolled over a holiday', zh: '节假日顺延' }],
      ...grounds(['xfgz2022:art34']),
    },
    {
      id: 'notify-petitioner', organ: nr, start: { event: 'transferred', on: '2023-03-02' }, period: { kind: 'days', days: 15, unit: 'calendar' },
      dueOn: '2023-03-17', status: 'met-late', metOn: '2023-03-20', daysLate: 3, computation: [], ...grounds(['xfgz2022:art23']),
    },
    {
      id: 'object-to-transfer', organ: nr, start: { event: 'transferred', on: '2023-03-02' }, period: { kind: 'days', days: 5, unit: 'working' },
      dueOn: '2023-03-09', status: 'met', metOn: '2023-03-05', computation: [], ...grounds(['xfgz2022:art23']),
    },
    { id: 'reply-to-suggestion', organ: nr, start: null, period: { kind: 'no-day-count' }, dueOn: null, status: 'pending', computation: [], ...grounds(['xfgz2022:art29']) },
  ],
  escalations: [
    { id: 'supervise', organ: petition, supervised: nr, ...grounds(['xfgz2022:art40']) },
    { id: 'report-up', recipients: [petition, superior], ...grounds(['xfgz2022:art25']) },
    { id: 'leader-package', ...grounds(['op2007:12'], { 'case.repeatCount': 4, 'policy.repeatedPetitionThreshold': 3 }) },
    { id: 'brand-new-escalation', reason: 'a field this renderer has never seen', ...grounds(['xfgz2022:art99']) },
  ],
  actions: [{ id: 'assist-hardship', organ: nr, ...grounds(['xfgz2022:art27']) }],
  findings: [
    {
      id: 'overdue-conclusion', organ: nr,
      accountable: [{ role: 'responsible-manager', organ: nr }, { role: 'first-responsible-leader', organ: nr }],
      consequences: ['order-correction', 'sanction'],
      consequenceWords: {
        'order-correction': { en: 'its superior organ or unit orders it to correct', zh: '由其上级机关、单位责令改正' },
        sanction: { en: 'where serious consequences followed, the responsible people are dealt with severely', zh: '造成严重后果的，对直接负责的主管人员和其他直接责任人员依规依纪依法严肃处理' },
      },
      seriousConsequences: true, decidedBy: superior, ...grounds(['xfgz2022:art45']),
    },
  ],
  guidance: [{ id: 'use-legal-channel', organ: petition, ...grounds(['xfgz2022:art31']) }],
  trace: [
    {
      rule: 'test.rule.one', pack: 'xfgz2022', title: { en: 'A test rule', zh: '测试规则' }, citations: ['xfgz2022:art34'], stage: 1, dependsOn: ['test.rule.zero'],
      interpretation: { en: 'Read this way on purpose.', zh: '特意如此解释。' }, conditions: { all: [], result: true }, yielded: ['finding:overdue-conclusion'],
    },
  ],
} as unknown as Assessment;

describe('explain', () => {
  const en = explain(assessment);
  const zh = explain(assessment, { lang: 'zh' });

  it('answers each question under its own heading, in English', () => {
    for (const heading of ['Who is responsible', 'What is due, and when', 'What is late', 'What must be escalated', 'Follow-up actions', 'Who is accountable', 'What the petitioner is told', 'Packs, parameters and policy applied']) {
      expect(en).toContain(`\n${heading}\n`);
    }
    expect(en.startsWith('Petition case demo-1 — assessed as of 2023-08-01 (received 2023-03-01)\n')).toBe(true);
  });

  it('names the principle behind each responsibility, with the Chinese term', () => {
    expect(en).toMatch(/Handling organ \(有权处理的机关\) — whoever is in charge is responsible \(谁主管、谁负责\): Qingtian Natural Resources and Planning Bureau \[qt-nr\] · basis: op2007:7, xfgz2022:art5/);
    expect(en).toContain('territorial management, graded responsibility (属地管理、分级负责): the superior of Qingtian Natural Resources and Planning Bureau · basis: op2007:7');
  });

  it('shows each due date with its status, how it was computed, and its basis', () => {
    expect(en).toContain('Conclude the handling (办结信访事项) — Qingtian Natural Resources and Planning Bureau [qt-nr]: due 2023-05-02; overdue; days overdue 91 · basis: xfgz2022:art34');
    expect(en).toContain('how: 60 calendar days; from acceptance 2023-03-03');
    expect(en).toContain('start day not counted');
    expect(en).toContain('how: 5 working days; from transfer 2023-03-02');
    expect(en).toContain('no due date; pending');
    expect(en).toContain('no day count in the law');
  });

  it('lists what is late: overdue and met late, not met on time', () => {
    const late = en.slice(en.indexOf('\nWhat is late\n'), en.indexOf('\nWhat must be escalated\n'));
    expect(late).toContain('Conclude the handling');
    expect(late).toContain('met late; done 2023-03-20; days late 3');
    expect(late).not.toContain('Object to a transfer');
  });

  it('shows escalations with recipients, policy thresholds labelled as policy, and unknown ids and fields as they are', () => {
    expect(en).toContain('Supervision (督办): Qingtian County Petition Bureau [qt-petition] · basis: xfgz2022:art40');
    expect(en).toContain('organ supervised: Qingtian Natural Resources and Planning Bureau [qt-nr]');
    expect(zh).toContain('被督办机关：青田县自然资源和规划局 [qt-nr]');
    expect(en).toContain('Report upward (向上报告); to Qingtian County Petition Bureau [qt-petition], the superior of Qingtian');
    expect(en).toContain('policy: Earlier petitions that make a matter repeated = 3 (policy)');
    expect(en).toContain('  - brand-new-escalation · basis: xfgz2022:art99');
    expect(en).toContain('reason: a field this renderer has never seen');
  });

  it('says who is accountable, for what consequence and who decides', () => {
    expect(en).toContain('Did not conclude the handling in time (未在规定期限内办结信访事项); against Qingtian Natural Resources and Planning Bureau [qt-nr]; accountable: responsible managers (Qingtian Natural Resources and Planning Bureau [qt-nr]), first responsible person (Qingtian Natural Resources and Planning Bureau [qt-nr]); consequences: the superior orders correction, sanction of the responsible people; decided by the superior of');
    expect(en).toContain('serious consequences: yes');
    expect(zh).toContain('造成严重后果：是');
  });

  it("quotes each consequence in the article's own words, under the finding", () => {
    expect(en).toContain("\n      in the article's words: its superior organ or unit orders it to correct; where serious consequences followed, the responsible people are dealt with severely\n");
    expect(zh).toContain('\n      条文规定：由其上级机关、单位责令改正；造成严重后果的，对直接负责的主管人员和其他直接责任人员依规依纪依法严肃处理\n');
    expect(en).not.toContain('consequenceWords');
  });

  it('labels parameters with their source and policy options as policy or unverified interpretation', () => {
    expect(en).toContain('concludeDays = 60 — xfgz2022, in force from 2022-05-01 · basis: xfgz2022:art34');
    expect(en).toContain('holidayRollover = true — A period ending on a rest day ends on the next working day; unverified interpretation, default');
    expect(en).toContain('repeatedPetitionThreshold = 3 — Earlier petitions that make a matter repeated; policy, set by the caller');
  });

  it('puts a citation on every item line', () => {
    const section = en.slice(0, en.indexOf('\nPacks, parameters and policy applied\n'));
    const items = section.split('\n').filter((l) => l.startsWith('  - '));
    expect(items.length).toBeGreaterThan(10);
    for (const line of items) expect(line, line).toMatch(/ · basis: [a-z0-9-]+:/);
  });

  it('writes Chinese with the legal terms of the instruments', () => {
    expect(zh.startsWith('信访事项 demo-1 — 评估日 2023-08-01（收到日期 2023-03-01）')).toBe(true);
    for (const term of ['属地管理、分级负责', '谁主管、谁负责', '督办', '领导包案', '办理时限', '责任追究', '责令改正', '已逾期', '逾期完成', '帮扶救助', '诉访分离', '60日', '5个工作日', '依据：xfgz2022:art34', '未经核实的解释']) {
      expect(zh, term).toContain(term);
    }
    expect(zh).toContain('青田县自然资源和规划局 [qt-nr]');
    expect(zh).not.toContain('Qingtian');
  });

  it('adds the trace on request, with stages, dependencies and interpretations', () => {
    expect(en).not.toContain('Rules that fired');
    const withTrace = explain(assessment, { trace: true });
    expect(withTrace).toContain('[stage 1] test.rule.one — A test rule · basis: xfgz2022:art34');
    expect(withTrace).toContain('depends on: test.rule.zero');
    expect(withTrace).toContain('interpretation: Read this way on purpose.');
    expect(explain(assessment, { trace: true, lang: 'zh' })).toContain('解释：特意如此解释。');
  });

  it('is deterministic and does not change the assessment', () => {
    const copy = structuredClone(assessment);
    expect(explain(assessment)).toBe(en);
    expect(explain(assessment, { lang: 'zh' })).toBe(zh);
    expect(assessment).toEqual(copy);
  });

  it('renders a real evaluation, and says so when a list is empty', async () => {
    const directory = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/directory.json'), 'utf8'));
    const evaluator = createEvaluator({ directory });
    const a = await evaluator.evaluate(
      { id: 'letter-1', receivedOn: '2023-03-01', channel: 'letter', class: 'suggestion', receivingOrgan: 'qt-petition', handlingOrgan: 'qt-nr', events: [{ type: 'received', on: '2023-03-01' }] },
      { asOf: '2023-03-02' },
    );
    const text = explain({ ...a, findings: [], actions: [] });
    expect(text).toContain('Who is accountable\n  none');
    expect(explain({ ...a, obligations: [] })).toContain('What is late\n  nothing is late');
    expect(explain({ ...a, obligations: [] }, { lang: 'zh' })).toContain('逾期事项\n  无逾期事项');
  });
});

describe('vocabulary', () => {
  it('labels every public id of DOMAIN §6–§9 in both languages, without day counts or article numbers', () => {
    const ids = {
      role: ['handling-organ', 'territorial-authority', 'petition-department', 'review-organ', 'reexamination-organ', 'deciding-superior', 'joint-conference', 'political-legal-organ', 'discipline-inspection', 'party-discipline-inspection', 'administrative-supervision', 'first-responsible-leader', 'directly-responsible-leader', 'package-leader'],
      obligation: ['register', 'dispose', 'notify-petitioner', 'object-to-transfer', 'report-assigned-result', 'conclude', 'review-request-window', 'review-decision', 'reexamination-request-window', 'reexamination-decision', 'report-major-matter', 'feedback-on-improvement', 'reply-to-suggestion'],
      escalation: ['supervise', 'report-up', 'joint-visit', 'leader-package', 'front-line-command', 'jurisdiction-decision', 'political-legal-coordination', 'terminate', 'notify-organisation-department'],
      action: ['execute-opinion', 'guide-and-educate', 'assist-hardship', 'study-policy'],
      finding: ['caused-by-abuse-of-power', 'caused-by-inaction', 'caused-by-wrong-law-or-procedure', 'refused-to-implement', 'failed-to-register', 'failed-to-dispose', 'failed-to-supervise', 'refused-acceptance', 'late-notice', 'overdue-conclusion', 'prevarication', 'unsupported-valid-claim', 'ignored-improvement-suggestion', 'rough-conduct', 'extortion', 'mishandled-collective-visit', 'concealed-or-late-report', 'leaked-accusation', 'retaliation'],
      guidance: ['use-legal-channel', 'go-to-political-legal-organ', 'submit-to-proper-level', 'elect-representatives', 'pending-below', 'terminated', 'prohibited-conduct'],
      status: ['pending', 'due-soon', 'met', 'met-late', 'overdue', 'open', 'expired'],
    } as const;
    for (const [kind, list] of Object.entries(ids)) {
      for (const id of list) {
        const t = explainVocabulary[kind as keyof typeof explainVocabulary][id];
        expect(t, `${kind} ${id}`).toBeDefined();
        expect(t!.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(`${t!.en} ${t!.zh}`).not.toMatch(/art\d|\d+ ?(days|日)/);
      }
    }
  });

  it('uses the brief\'s legal terms', () => {
    const all = JSON.stringify(explainVocabulary);
    for (const term of ['属地管理、分级负责', '谁主管、谁负责', '督办', '包案', '联合接访', '党政同责', '一岗双责', '疏导教育', '帮扶救助']) expect(all).toContain(term);
  });

  it('tags the other leading members with one post, two responsibilities, and the first responsible person with shared party-government responsibility', () => {
    expect(explainVocabulary.accountable['leading-member']!.principle?.zh).toBe('一岗双责');
    expect(explainVocabulary.role['first-responsible-leader']!.principle?.zh).toBe('党政同责');
    for (const t of [explainVocabulary.role['first-responsible-leader']!, explainVocabulary.role['directly-responsible-leader']!, explainVocabulary.accountable['first-responsible-leader']!]) {
      expect(JSON.stringify(t)).not.toContain('一岗双责');
    }
  });

  it('uses the instruments\' own words for the terms the review corrected', () => {
    expect(explainVocabulary.finding.extortion!.zh).toBe('吃拿卡要、谋取私利');
    expect(explainVocabulary.finding['mishandled-collective-visit']!.zh).toContain('规模性集体访、负面舆情');
    expect(explainVocabulary.finding['refused-acceptance']!.zh).toContain('职权范围');
    expect(explainVocabulary.obligation['feedback-on-improvement']!.zh).toContain('采纳情况');
  });
});

describe('explain with caller labels', () => {
  it('labels ids a local pack adds, and leaves other calls unaffected', () => {
    const local = { ...assessment, obligations: [{ ...assessment.obligations[0]!, id: 'decide-review-acceptance' }] } as Assessment;
    const labels = { obligation: { 'decide-review-acceptance': { en: 'Decide whether to accept the review request', zh: '决定是否受理复查申请' } } };
    expect(explain(local, { labels })).toContain('Decide whether to accept the review request (决定是否受理复查申请)');
    expect(explain(local, { labels, lang: 'zh' })).toContain('  - 决定是否受理复查申请 — ');
    expect(explain(local)).toContain('  - decide-review-acceptance — ');
  });
});

describe('vocabulary coverage of the built-in rules', () => {
  it('labels every id a built-in rule can yield', async () => {
    const { loadBuiltinPacks } = await import('../../src/rules/builtinPacks.js');
    const kindOf: Record<string, keyof typeof explainVocabulary> = { responsibility: 'role', guidance: 'guidance', escalation: 'escalation', action: 'action', finding: 'finding', obligation: 'obligation', supervision: 'escalation', 'accountability-proposal': 'escalation' };
    const missing: string[] = [];
    for (const pack of loadBuiltinPacks()) {
      for (const rule of pack.rules) {
        for (const o of rule.outcomes as unknown as Array<Record<string, string>>) {
          const kind = kindOf[o.kind!];
          const id = o.kind === 'responsibility' ? o.role! : o.kind === 'supervision' ? 'supervise' : o.kind === 'accountability-proposal' ? 'propose-accountability' : o.id!;
          if (!kind || !explainVocabulary[kind][id]) missing.push(`${o.kind}:${id} (${rule.id})`);
        }
      }
    }
    expect(missing, 'add labels for these ids to src/explain/vocabulary.ts').toEqual([]);
  });
});
