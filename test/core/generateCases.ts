import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organ } from '../../src/case/organ.js';
import { addCalendarDays, daysBetween } from '../../src/dates/isoDate.js';
import { prng } from '../../examples/audit/generate-cases.js';

/**
 * A seeded generator of varied, valid cases over the fixture directory, for tests that need many cases
 * (concurrency, trace completeness). Deterministic: the same seed gives the same cases on any machine,
 * and it never reads the clock or `Math.random`.
 */

export const fixtureDirectory: Organ[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'directory.json'), 'utf8'));

/** The PRNG of the example generator (mulberry32), so the two generators share one. */
export const rng = prng;

export interface GeneratedCase {
  readonly input: Record<string, unknown>;
  readonly asOf: string;
}

const CHANNELS = ['letter', 'visit', 'phone', 'fax', 'email', 'online'] as const;
const ROUTES = ['litigation', 'procuratorial', 'police', 'arbitration', 'party-member-appeal', 'administrative', 'duty-to-protect', 'petition'] as const;
const AREAS = ['land-acquisition', 'urban-construction-demolition', 'environmental-protection', 'enterprise-restructuring', 'law-and-litigation'] as const;
const CONDUCT = ['illegal-gathering-or-blocking', 'staying-and-making-trouble', 'insulting-or-threatening-staff'] as const;
const FLAGS = ['major', 'urgent', 'collective', 'massIncidentRisk', 'longUnresolved', 'stronglyRaised', 'hardship', 'policyGap', 'seriousConsequences'] as const;

const ACCUSED: ReadonlyArray<(organ: string | undefined) => Record<string, unknown>> = [
  () => ({}),
  () => ({ partyMember: true }),
  (organ) => ({ publicOfficial: true, ...(organ ? { organ } : {}) }),
  (organ) => ({ partyMember: true, publicOfficial: true, cadre: true, ...(organ ? { organ } : {}) }),
];

/** Receipt dates span both procedural packs, from 2005-05-01 to 2025-10-31. */
const FIRST = '2005-05-01';
const SPAN = daysBetween(FIRST, '2025-10-31');

export function generateCases(count: number, seed = 20070301): GeneratedCase[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const chance = (p: number) => r() < p;
  const receivers = fixtureDirectory.filter((o) => o.kind === 'petition-department' || o.kind === 'government');
  const handlers = fixtureDirectory.filter((o) => o.level !== 'central' && o.kind !== 'joint-conference');
  const out: GeneratedCase[] = [];
  for (let i = 0; i < count; i++) {
    const receivedOn = addCalendarDays(FIRST, Math.floor(r() * SPAN));
    const channel = pick(CHANNELS);
    const cls = pick(['appeal', 'appeal', 'appeal', 'accusation', 'suggestion'] as const);
    const receiving = pick(receivers);
    const handling = chance(0.85) ? pick(handlers) : undefined;
    const petitioners = chance(0.7) ? 1 + Math.floor(r() * 3) : 2 + Math.floor(r() * 80);
    const input: Record<string, unknown> = {
      id: `gen-${seed}-${i}`,
      receivedOn,
      channel,
      class: cls,
      receivingOrgan: receiving.id,
      petitioners,
    };
    if (cls === 'appeal') input.legalRoute = pick(ROUTES);
    // Whom an accusation is against, in turn by case number (no draw, so the other values stay as they were).
    if (cls === 'accusation') input.accused = ACCUSED[i % ACCUSED.length]!(handling?.id);
    if (handling) input.handlingOrgan = handling.id;
    if (chance(0.3)) input.priorityArea = pick(AREAS);
    if (chance(0.1)) input.lawAndLitigation = true;
    if (petitioners > 1 && chance(0.5)) input.representatives = 1 + Math.floor(r() * Math.min(petitioners, 8));
    if (channel === 'visit' && chance(0.3)) input.atDesignatedSite = chance(0.5);
    if (chance(0.2)) input.involvedOrgans = [pick(handlers).id];
    if (chance(0.1)) input.jurisdictionDisputed = true;
    if (chance(0.1)) input.pendingBelow = true;
    if (chance(0.05)) input.previouslyTerminated = true;
    if (chance(0.2)) input.repeatCount = Math.floor(r() * 5);
    if (chance(0.05)) input.petitionerConduct = [pick(CONDUCT)];
    const flags: Record<string, boolean> = {};
    for (const f of FLAGS) if (chance(0.06)) flags[f] = true;
    if (Object.keys(flags).length > 0) input.flags = flags;

    // An event log that runs forward from receipt, stopping at a random step.
    const events: Array<Record<string, unknown>> = [{ type: 'received', on: receivedOn, by: receiving.id }];
    let day = receivedOn;
    const step = (max: number) => (day = addCalendarDays(day, Math.floor(r() * max)));
    const steps = Math.floor(r() * 9);
    if (steps > 0) events.push({ type: 'registered', on: step(3), by: receiving.id });
    if (steps > 1 && handling) events.push({ type: 'transferred', on: step(20), by: receiving.id, to: handling.id });
    if (steps > 2) events.push({ type: 'accepted', on: step(10), ...(handling ? { by: handling.id } : {}) });
    if (steps > 3) events.push({ type: 'petitioner-notified', on: step(20), ...(handling ? { by: handling.id } : {}) });
    if (steps > 4) events.push({ type: 'concluded', on: step(80), opinion: pick(['support', 'explain', 'not-support'] as const), ...(handling ? { by: handling.id } : {}) });
    if (steps > 5) events.push({ type: 'reply-received', on: step(5) });
    if (steps > 6) events.push({ type: 'review-requested', on: step(40) });
    if (steps > 7) events.push({ type: 'review-decided', on: step(40) });
    input.events = events;
    const asOf = addCalendarDays(day, Math.floor(r() * 90));
    out.push({ input, asOf });
  }
  return out;
}
