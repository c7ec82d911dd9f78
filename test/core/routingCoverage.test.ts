import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListExpectation } from '../../src/scenarios/scenario.js';
import { loadScenarioDir } from '../../src/scenarios/runScenario.js';

/**
 * Issue 2, criterion 7: the routing scenarios, together, assert every role and guidance id of the
 * public vocabulary (DOMAIN §8, §9), the routing escalations, both procedural packs and every priority
 * area. Each scenario is run by test/scenarios.test.ts; this test keeps the set from losing coverage.
 */
const scenarios = loadScenarioDir(join(import.meta.dirname, '..', 'scenarios', 'routing'));

const ROLES = [
  'handling-organ',
  'territorial-authority',
  'petition-department',
  'review-organ',
  'reexamination-organ',
  'deciding-superior',
  'joint-conference',
  'political-legal-organ',
  'discipline-inspection',
  'party-discipline-inspection',
  'administrative-supervision',
  'first-responsible-leader',
  'directly-responsible-leader',
  'package-leader',
];
const GUIDANCE = ['use-legal-channel', 'go-to-political-legal-organ', 'submit-to-proper-level', 'elect-representatives', 'pending-below', 'terminated', 'prohibited-conduct'];
const ROUTING_ESCALATIONS = ['joint-visit', 'jurisdiction-decision', 'political-legal-coordination', 'terminate', 'report-up', 'leader-package', 'notify-organisation-department'];
const PRIORITY_AREAS = ['land-acquisition', 'urban-construction-demolition', 'environmental-protection', 'enterprise-restructuring', 'law-and-litigation'];

/** The ids a list expectation asserts to be present. */
function asserted(e: ListExpectation | undefined): string[] {
  if (!e) return [];
  if (Array.isArray(e)) return e;
  return [...(e.ids ?? []), ...(e.includes ?? []).map((i) => String(i.role ?? i.id))];
}

const cases = scenarios.map((s) => s.scenario.case as Record<string, unknown>);

describe('routing scenarios', () => {
  it('number at least 45', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(45);
  });

  it('assert every role id', () => {
    const seen = new Set(scenarios.flatMap((s) => asserted(s.scenario.expect.responsibilities)));
    expect(ROLES.filter((r) => !seen.has(r))).toEqual([]);
  });

  it('assert every guidance id, and use exact id sets for guidance and escalations', () => {
    const seen = new Set(scenarios.flatMap((s) => asserted(s.scenario.expect.guidance)));
    expect(GUIDANCE.filter((g) => !seen.has(g))).toEqual([]);
    const loose = scenarios
      .filter((s) => !s.scenario.expect.error)
      .filter((s) => {
        const { guidance, escalations } = s.scenario.expect;
        const exact = (e: ListExpectation | undefined) => e !== undefined && (Array.isArray(e) || e.ids !== undefined);
        return !exact(guidance) || !exact(escalations);
      })
      .map((s) => s.scenario.title);
    expect(loose).toEqual([]);
  });

  it('assert every routing escalation', () => {
    const seen = new Set(scenarios.flatMap((s) => asserted(s.scenario.expect.escalations)));
    expect(ROUTING_ESCALATIONS.filter((e) => !seen.has(e))).toEqual([]);
  });

  it('cover both procedural packs, the days either side of 2022-05-01, and xf2005 without op2007', () => {
    const packs = new Set(scenarios.map((s) => (s.scenario.expect.packs ?? []).join('+')));
    expect([...packs]).toEqual(expect.arrayContaining(['op2007+xf2005', 'op2007+xfgz2022', 'xf2005']));
    const received = new Set(cases.map((c) => c.receivedOn));
    expect(received.has('2022-04-30') && received.has('2022-05-01')).toBe(true);
    expect(scenarios.some((s) => String(s.scenario.case && (s.scenario.case as { receivedOn: string }).receivedOn) < '2005-05-01' && s.scenario.expect.error?.paths.includes('receivedOn'))).toBe(true);
  });

  it('cover every priority area, under at least one pack each', () => {
    const areas = new Set(cases.map((c) => c.priorityArea));
    expect(PRIORITY_AREAS.filter((a) => !areas.has(a))).toEqual([]);
  });

  it('cover visits with 5 and 6 representatives, and many visitors with none', () => {
    const visits = cases.filter((c) => c.channel === 'visit');
    expect(visits.some((c) => c.representatives === 5)).toBe(true);
    expect(visits.some((c) => c.representatives === 6)).toBe(true);
    expect(visits.some((c) => c.representatives === undefined && Number(c.petitioners) > 5)).toBe(true);
  });
});
