import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { loadBuiltinPacks } from '../../src/rules/builtinPacks.js';
import { loadScenarioFile } from '../../src/scenarios/runScenario.js';
import type { Assessment } from '../../src/assessment/types.js';
import { fixtureDirectory } from './generateCases.js';

/**
 * Routing and who-is-responsible readings (issue 10, §2) that the scenarios' subset matching cannot
 * pin down: exact recipients, citations that must be absent, the citations of a rule itself, and ids
 * that must never appear for a pack. The cases are those of the routing scenarios, worked by hand there.
 */
const evaluator = createEvaluator({ directory: fixtureDirectory });
const routing = join(import.meta.dirname, '..', 'scenarios', 'routing');

/** Evaluates the scenario of a routing file whose case has the id given. */
async function assess(file: string, caseId: string): Promise<Assessment> {
  const found = loadScenarioFile(join(routing, file)).find((s) => (s.scenario.case as { id: string }).id === caseId);
  if (!found) throw new Error(`no scenario with case ${caseId} in ${file}`);
  return evaluator.evaluate(found.scenario.case, { asOf: found.scenario.asOf });
}

const ids = (organs: ReadonlyArray<{ id: string | null; name: string }> | undefined) => (organs ?? []).map((o) => o.id ?? o.name);

describe('xf2005 art26: report-up recipients by the kind of organ that received the report', () => {
  it.each([
    ['report-2005-county-government', ['ls-gov']],
    ['report-2005-township', ['qt-gov']],
    ['report-2005-county-department', ['qt-gov', 'ls-nr']],
    ['report-2005-department-role', ['qt-gov', 'the competent department one level above Qingtian Human Resources and Social Security Bureau']],
    ['report-2005-city-petition', ['ls-gov', 'zj-petition']],
    ['report-2005-national', ['cn-gov']],
  ])('%s reports to exactly %j', async (caseId, recipients) => {
    const a = await assess('report-up-2005.json', caseId);
    const reports = a.escalations.filter((e) => e.id === 'report-up');
    expect(reports).toHaveLength(1);
    expect(ids(reports[0]!.recipients)).toEqual(recipients);
  });
});

describe('jurisdiction disputes', () => {
  it('under xf2005 the common superior decides even when the directory does not show it, and no joint conference appears', async () => {
    const a = await assess('jurisdiction.json', 'dispute-cross-county-2005');
    expect(a.responsibilities.filter((r) => r.role === 'joint-conference')).toEqual([]);
    const decision = a.escalations.find((e) => e.id === 'jurisdiction-decision')!;
    expect(decision.basis).toEqual(['xf2005:art24']);
  });

  it('under xfgz2022 the joint-conference fallback rests on art24 and art13, not on op2007 item 14', async () => {
    const a = await assess('jurisdiction.json', 'dispute-no-common-superior-2022');
    expect(a.escalations.find((e) => e.id === 'jurisdiction-decision')!.basis).toEqual(['xfgz2022:art24', 'xfgz2022:art13']);
    expect(a.responsibilities.find((r) => r.role === 'joint-conference')!.basis).toEqual(['xfgz2022:art24', 'xfgz2022:art13']);
  });

  it('no rule of op2007 or xf2005 yields the joint-conference role', () => {
    const rules = loadBuiltinPacks()
      .filter((p) => p.manifest.id === 'op2007' || p.manifest.id === 'xf2005')
      .flatMap((p) => p.rules)
      .filter((r) => r.outcomes.some((o) => o.kind === 'responsibility' && o.role === 'joint-conference'));
    expect(rules.map((r) => r.id)).toEqual([]);
  });
});

describe('law- and litigation-related matters', () => {
  it('the political-legal committee coordinates on op2007 item 7 alone; the political-legal department is the police, on xfgz2022 art22 and art28', async () => {
    const a = await assess('law-and-litigation.json', 'litigation-letter-2022');
    expect(a.escalations.find((e) => e.id === 'political-legal-coordination')!.basis).toEqual(['op2007:7']);
    expect(a.responsibilities.filter((r) => r.role === 'political-legal-organ').map((r) => [r.organ.id, r.basis])).toEqual([['qt-psb', ['xfgz2022:art22', 'xfgz2022:art28']]]);
  });

  it('the joint-visit rules of xfgz2022 art18 cite op2007 item 7 for the priority areas and item 14 for cross-region matters', () => {
    const rules = loadBuiltinPacks().find((p) => p.manifest.id === 'xfgz2022')!.rules;
    expect(rules.find((r) => r.id === 'xfgz2022.art18.joint-visit')!.citations).toEqual(['xfgz2022:art18', 'op2007:7']);
    expect(rules.find((r) => r.id === 'xfgz2022.art18.joint-visit-cross-region')!.citations).toEqual(['xfgz2022:art18', 'op2007:14']);
  });
});

describe('assist-hardship', () => {
  it('no rule yields it for a matter received before 2022-05-01', () => {
    const rules = loadBuiltinPacks()
      .flatMap((p) => p.rules.map((r) => ({ r, from: r.validFrom ?? p.manifest.inForce.from })))
      .filter(({ r }) => r.outcomes.some((o) => o.kind === 'action' && o.id === 'assist-hardship'))
      .filter(({ from }) => from < '2022-05-01')
      .map(({ r }) => r.id);
    expect(rules).toEqual([]);
  });
});

describe('accusations', () => {
  it('one against a company names no discipline-inspection, supervision or party-discipline role, in either pack', async () => {
    for (const caseId of ['accusation-company-2022', 'accusation-company-2005']) {
      const a = await assess('accusation-remit.json', caseId);
      const roles = new Set(a.responsibilities.map((r) => r.role));
      for (const role of ['discipline-inspection', 'party-discipline-inspection', 'administrative-supervision']) expect(roles.has(role), `${caseId} ${role}`).toBe(false);
    }
  });

  it('the organisation-department notice goes to exactly that department', async () => {
    const a = await assess('accusation-remit.json', 'accusation-cadre-county');
    expect(a.escalations.map((e) => [e.id, e.organ?.id, ids(e.recipients)])).toEqual([['notify-organisation-department', 'qt-petition', ['qt-org']]]);
  });
});
