/**
 * A seeded generator of realistic petition cases, one JSON case per line (NDJSON), for trying an audit
 * and for the benchmark (`npm run bench`).
 *
 *   npx tsx examples/audit/generate-cases.ts 3000 > cases.ndjson          # 3000 cases, seed 1
 *   npx tsx examples/audit/generate-cases.ts 3000 --seed 7 --broken 0.01  # ~1% malformed lines
 *
 * The cases are the intake of the petition bureaus of examples/directory.json (Qingtian and Jinyun
 * counties, Lishui city), received between 2021 and 2023 — so both the 2005 and the 2022 Regulations
 * apply — in the mix such a bureau sees (see {@link MIX}): mostly online filings, visits and letters;
 * mostly appeals handled in the petition procedure, some belonging in litigation, arbitration or an
 * administrative procedure (guided there), denunciations sent to discipline inspection, suggestions;
 * collective visits, repeated petitions, a few major matters. Each case's event log runs forward from
 * receipt — register, transfer or assign, accept, tell the petitioner, conclude (some after an approved
 * extension), reply, execution, review and reexamination — with most steps on time, a few late and a
 * few never taken, and is cut at the evaluation date, so recent matters are still in progress. A few
 * cases record misconduct, a good reason for a delay, or prohibited conduct of petitioners. A few lines
 * can be made malformed on purpose (`--broken`) to show how an audit reports them.
 *
 * Deterministic and streaming: the same seed gives the same lines on any machine (mulberry32 PRNG; no
 * clock, no Math.random), one line at a time, so a million cases never sit in memory.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** mulberry32: a small, well-known 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `YYYY-MM-DD` plus whole days, through UTC so the host's time zone never enters. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A share table: each entry with its relative weight. */
type Shares<T extends string> = ReadonlyArray<readonly [T, number]>;

/**
 * What a county or city petition bureau's intake looks like, as shares. Online filing has been the
 * main channel since the mid-2010s; fax and e-mail are rare enough to leave out. Most matters are
 * appeals/requests, most of those handled in the petition procedure itself; the rest belong in a legal
 * procedure and are guided there. The shares are judgements for a plausible workload, not statistics.
 */
export const MIX = {
  channel: [['online', 45], ['visit', 25], ['letter', 20], ['phone', 10]] as Shares<'online' | 'visit' | 'letter' | 'phone'>,
  class: [['appeal', 78], ['accusation', 12], ['suggestion', 10]] as Shares<'appeal' | 'accusation' | 'suggestion'>,
  legalRoute: [
    ['petition', 72], ['administrative', 8], ['litigation', 6], ['arbitration', 4], ['duty-to-protect', 4],
    ['police', 3], ['procuratorial', 2], ['party-member-appeal', 1],
  ] as Shares<'petition' | 'administrative' | 'litigation' | 'arbitration' | 'duty-to-protect' | 'police' | 'procuratorial' | 'party-member-appeal'>,
  opinion: [['explain', 50], ['support', 25], ['not-support', 25]] as Shares<'explain' | 'support' | 'not-support'>,
  misconduct: [
    ['prevarication', 35], ['rough-conduct', 20], ['unsupported-valid-claim', 15], ['caused-by-inaction', 10],
    ['caused-by-abuse-of-power', 5], ['caused-by-wrong-law-or-procedure', 5], ['wrong-handling-procedure', 5], ['extortion', 3], ['retaliation', 2],
  ] as Shares<string>,
  conduct: [['staying-and-making-trouble', 50], ['illegal-gathering-or-blocking', 25], ['insulting-or-threatening-staff', 20], ['damaging-property', 5]] as Shares<string>,
} as const;

interface Department {
  readonly id: string;
  readonly weight: number;
  readonly area?: string;
}

/** A bureau's territory: its petition bureau, government, discipline organ, legal organs and departments. */
interface Territory {
  readonly share: number;
  readonly petition: string;
  readonly government: string;
  readonly discipline: string;
  readonly court?: string;
  readonly police?: string;
  readonly procuratorate?: string;
  readonly departments: readonly Department[];
}

/** The three bureaus of examples/directory.json: two counties and the city above them. */
const TERRITORIES: readonly Territory[] = [
  {
    share: 55, petition: 'qt-petition', government: 'qt-gov', discipline: 'qt-di', court: 'qt-court', police: 'qt-psb', procuratorate: 'qt-procuratorate',
    departments: [
      { id: 'qt-nr', weight: 3, area: 'land-acquisition' }, { id: 'qt-housing', weight: 3, area: 'urban-construction-demolition' },
      { id: 'qt-hrss', weight: 2, area: 'enterprise-restructuring' }, { id: 'qt-eco', weight: 1, area: 'environmental-protection' },
      { id: 'qt-transport', weight: 1 }, { id: 'qt-econ', weight: 1 }, { id: 'hc-gov', weight: 2 },
    ],
  },
  {
    share: 30, petition: 'jy-petition', government: 'jy-gov', discipline: 'ls-di',
    departments: [{ id: 'jy-nr', weight: 3, area: 'land-acquisition' }, { id: 'jy-housing', weight: 2, area: 'urban-construction-demolition' }],
  },
  {
    share: 15, petition: 'ls-petition', government: 'ls-gov', discipline: 'ls-di', court: 'ls-court',
    departments: [{ id: 'ls-nr', weight: 2, area: 'land-acquisition' }, { id: 'ls-eco', weight: 1, area: 'environmental-protection' }],
  },
];

export interface GenerateOptions {
  /** PRNG seed; the same seed gives the same cases. */
  readonly seed?: number;
  /** Share of lines made malformed on purpose (unknown organ, bad date, truncated JSON, blank). */
  readonly broken?: number;
  /** No event is dated after this day (the audit's evaluation date); later steps have not happened yet. */
  readonly until?: string;
}

type Json = Record<string, unknown>;

/** Yields `count` NDJSON lines (without newlines): cases, and malformed lines at the `broken` rate. */
export function* generateCases(count: number, options: GenerateOptions = {}): Generator<string> {
  const random = prng(options.seed ?? 1);
  const until = options.until ?? '2023-12-31';
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const share = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
    let x = random() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [value, weight] of entries) if ((x -= weight) < 0) return value;
    return entries[entries.length - 1]![0];
  };

  for (let i = 1; i <= count; i++) {
    const where = share(TERRITORIES.map((t) => [t, t.share] as const));
    const receivedOn = addDays('2021-01-04', between(0, 1075));
    const channel = share(MIX.channel);
    const klass = share(MIX.class);
    const dept = share(where.departments.map((d) => [d, d.weight] as const));
    const route = klass === 'appeal' ? share(MIX.legalRoute) : undefined;
    const guided = route !== undefined && route !== 'petition';
    // The competent organ; a county without its own court or police leaves it unnamed.
    let handlingOrgan =
      klass === 'accusation' || route === 'party-member-appeal' ? where.discipline
      : route === 'litigation' ? where.court
      : route === 'police' ? where.police
      : route === 'procuratorial' ? where.procuratorate
      : dept.id;
    // Some online filings and letters go straight to the department concerned, not through the bureau.
    const direct = !guided && klass !== 'accusation' && (channel === 'online' || channel === 'letter') && chance(0.1);
    const receivingOrgan = direct ? handlingOrgan! : where.petition;
    const collective = channel === 'visit' && chance(0.12);
    const petitioners = collective ? (chance(0.1) ? between(50, 200) : between(5, 49)) : chance(0.1) ? between(2, 4) : 1;

    const c: Json = { id: `AUD-${receivedOn.slice(0, 4)}-${String(i).padStart(6, '0')}`, receivedOn, channel, class: klass, receivingOrgan };
    if (handlingOrgan !== undefined) c.handlingOrgan = handlingOrgan;
    c.petitioners = petitioners;
    if (route) c.legalRoute = route;
    if (route === 'litigation' || route === 'police' || route === 'procuratorial') {
      c.lawAndLitigation = true;
      if (chance(0.5)) c.priorityArea = 'law-and-litigation';
    } else if (klass === 'appeal' && dept.area && chance(0.6)) c.priorityArea = dept.area;
    if (collective) c.representatives = petitioners > 5 && chance(0.1) ? between(6, Math.min(10, petitioners)) : between(1, Math.min(5, petitioners));
    if (channel === 'visit') c.atDesignatedSite = chance(0.95);
    if (chance(0.15)) c.repeatCount = chance(0.7) ? between(1, 2) : between(3, 8);
    const pendingBelow = where.petition === 'ls-petition' && !direct && chance(0.05);
    const terminated = !pendingBelow && klass === 'appeal' && chance(0.01);
    if (pendingBelow) c.pendingBelow = true;
    if (terminated) c.previouslyTerminated = true;
    const others = where.departments.filter((d) => d.id !== handlingOrgan);
    if (klass === 'appeal' && others.length > 0 && chance(0.04)) c.involvedOrgans = [pick(others).id];

    const flags: Record<string, boolean> = {};
    if (klass === 'appeal' && chance(0.05)) flags.hardship = true;
    if (chance(0.015)) flags.major = true;
    if (chance(0.005)) flags.urgent = true;
    if (collective && petitioners >= 30 && chance(0.3)) flags.massIncidentRisk = true;
    if ((c.repeatCount as number | undefined ?? 0) >= 3 && chance(0.5)) flags.longUnresolved = true;
    if (chance(0.02)) flags.stronglyRaised = true;
    if (klass === 'appeal' && chance(0.01)) flags.policyGap = true;
    if (c.involvedOrgans) flags.crossDepartment = true;
    const anonymous = channel === 'letter' && chance(klass === 'accusation' ? 0.2 : 0.01);
    if (anonymous) flags.nameOrAddressUnclear = true;
    if (chance(0.002)) flags.seriousConsequences = true;

    // The event log, each step some days after the one it follows; most on time, some late, a few never.
    const events: Json[] = [{ type: 'received', on: receivedOn, by: receivingOrgan }];
    const at = (from: string, lo: number, hi: number) => addDays(from, between(lo, hi));
    const registeredOn = at(receivedOn, 0, chance(0.95) ? 0 : 3);
    events.push({ type: 'registered', on: registeredOn, by: receivingOrgan });
    if (flags.major || flags.urgent) {
      const r = random();
      if (r < 0.95) events.push({ type: 'major-matter-reported', on: at(receivedOn, 0, r < 0.85 ? 0 : 3), by: receivingOrgan, to: [where.government] });
    }

    let concluded: { on: string; opinion: string } | undefined;
    let lateConclusion = false;
    if (pendingBelow || terminated || (guided && (handlingOrgan === undefined || chance(0.6)))) {
      // Told where the matter belongs (being handled below, terminated, or a legal procedure).
      if (chance(0.97)) events.push({ type: 'petitioner-notified', on: at(registeredOn, 1, chance(0.95) ? 14 : 25), by: receivingOrgan });
    } else if (!chance(0.01)) {
      // Transferred or assigned (unless filed directly with the department), accepted, notified, concluded.
      let reachedOn = receivedOn;
      let assignedDue: string | undefined;
      if (!direct) {
        reachedOn = at(registeredOn, 1, chance(0.96) ? 13 : 25);
        if (klass === 'appeal' && !guided && (where.petition === 'ls-petition' || flags.major) && chance(0.3)) {
          assignedDue = addDays(reachedOn, 45);
          events.push({ type: 'assigned', on: reachedOn, by: receivingOrgan, to: handlingOrgan, dueOn: assignedDue });
        } else events.push({ type: 'transferred', on: reachedOn, by: receivingOrgan, to: handlingOrgan });
        if (!guided && klass !== 'accusation' && others.length > 0 && chance(0.01)) {
          // The transferee objects that the matter is not in its remit; the bureau sends it on.
          events.push({ type: 'transfer-objected', on: at(reachedOn, 1, 5), by: handlingOrgan, reason: 'not within its remit' });
          handlingOrgan = pick(others).id;
          c.handlingOrgan = handlingOrgan;
          reachedOn = at(reachedOn, 6, 10);
          events.push({ type: 'transferred', on: reachedOn, by: receivingOrgan, to: handlingOrgan });
        }
      }
      const by = handlingOrgan!;
      if (!anonymous) {
        const r = random();
        if (r < 0.97) events.push({ type: 'petitioner-notified', on: at(reachedOn, 2, r < 0.9 ? 13 : 28), by });
      }
      if (guided) {
        events.push({ type: 'not-accepted', on: at(reachedOn, 1, 10), by, reason: 'a legal procedure applies' });
      } else if (klass === 'suggestion') {
        if (chance(0.85)) events.push({ type: 'suggestion-replied', on: at(reachedOn, 10, 60), by });
      } else {
        const acceptedOn = at(reachedOn, 1, 7);
        events.push({ type: 'accepted', on: acceptedOn, by });
        const r = random();
        let concludedOn: string | undefined;
        if (r < 0.84) concludedOn = at(acceptedOn, 15, 58);
        else if (r < 0.89) {
          events.push({ type: 'extension-approved', on: at(acceptedOn, 40, 58), by, days: 30, approvedBy: chance(0.95) ? 'head-of-organ' : 'other', reasonGivenToPetitioner: true });
          concludedOn = at(acceptedOn, 61, 88);
        } else if (r < 0.97) {
          concludedOn = at(acceptedOn, 61, 120);
          lateConclusion = true;
        }
        if (concludedOn) {
          const opinion = klass === 'accusation' ? 'explain' : share(MIX.opinion);
          concluded = { on: concludedOn, opinion };
          events.push({ type: 'concluded', on: concludedOn, by, opinion });
        }
      }
      if (assignedDue) {
        const r = random();
        if (r < 0.96) events.push({ type: 'result-reported', on: r < 0.88 ? at(assignedDue, -10, 0) : at(assignedDue, 1, 20), by });
      }
    }

    if (concluded) {
      const replyOn = at(concluded.on, 1, 7);
      events.push({ type: 'reply-received', on: replyOn });
      if (concluded.opinion === 'support') {
        const r = random();
        if (r < 0.95) events.push({ type: 'opinion-executed', on: at(concluded.on, r < 0.85 ? 5 : 31, r < 0.85 ? 25 : 60), by: handlingOrgan });
      }
      if (chance(concluded.opinion === 'not-support' ? 0.25 : concluded.opinion === 'explain' ? 0.06 : 0.01)) {
        const requestedOn = at(replyOn, 3, chance(0.95) ? 28 : 40);
        events.push({ type: 'review-requested', on: requestedOn });
        const r = random();
        if (r < 0.97) {
          const decidedOn = at(requestedOn, 10, r < 0.88 ? 28 : 50);
          events.push({ type: 'review-decided', on: decidedOn });
          const receivedOpinion = at(decidedOn, 1, 7);
          events.push({ type: 'review-opinion-received', on: receivedOpinion });
          if (chance(0.25)) {
            const reRequested = at(receivedOpinion, 3, 28);
            events.push({ type: 'reexamination-requested', on: reRequested });
            let pause = 0;
            if (chance(0.1)) {
              const hearingOn = at(reRequested, 5, 10);
              pause = 3;
              events.push({ type: 'hearing', on: hearingOn, until: addDays(hearingOn, 2) });
            }
            const r2 = random();
            if (r2 < 0.97) events.push({ type: 'reexamination-decided', on: at(reRequested, 10 + pause, (r2 < 0.9 ? 28 : 45) + pause) });
          }
        }
      }
      if (chance(0.005)) {
        const suggestedOn = at(concluded.on, 5, 30);
        events.push({ type: 'improvement-suggested', on: suggestedOn, by: where.petition, to: handlingOrgan });
        if (chance(0.7)) events.push({ type: 'improvement-answered', on: at(suggestedOn, 5, 30), by: handlingOrgan });
      }
    }
    if (lateConclusion && chance(0.15)) c.goodReasons = [{ obligation: 'conclude', reason: 'awaiting an expert assessment' }];
    if (handlingOrgan !== undefined && chance(0.015)) {
      const on = at(receivedOn, 0, 90);
      if (on <= until) c.misconduct = [{ kind: share(MIX.misconduct), by: handlingOrgan, on, ...(chance(0.1) ? { seriousConsequences: true } : {}) }];
    }
    if (channel === 'visit' && chance(0.02)) {
      c.petitionerConduct = [share(MIX.conduct)];
      const facts: Record<string, boolean> = {};
      if (chance(0.4)) facts.persistedAfterDissuasion = true;
      if (chance(0.15)) facts.publicOrderViolation = true;
      if (chance(0.02)) facts.crime = true;
      if (Object.keys(facts).length > 0) c.conductFacts = facts;
    }
    if (Object.keys(flags).length > 0) c.flags = flags;
    c.events = events.filter((e) => (e.on as string) <= until).sort((a, b) => ((a.on as string) < (b.on as string) ? -1 : (a.on as string) > (b.on as string) ? 1 : 0));

    let line = JSON.stringify(c);
    if (options.broken && chance(options.broken)) {
      const kind = between(0, 3);
      if (kind === 0) line = JSON.stringify({ ...c, handlingOrgan: 'no-such-organ' });
      else if (kind === 1) line = JSON.stringify({ ...c, receivedOn: `${receivedOn.slice(0, 5)}02-30` });
      else if (kind === 2) line = line.slice(0, Math.floor(line.length / 2));
      else line = '';
    }
    yield line;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    options: { seed: { type: 'string', default: '1' }, broken: { type: 'string', default: '0' }, until: { type: 'string', default: '2023-12-31' } },
    allowPositionals: true,
  });
  const count = Number(positionals[0] ?? 1000);
  for (const line of generateCases(count, { seed: Number(values.seed), broken: Number(values.broken), until: values.until })) {
    if (!process.stdout.write(`${line}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
}
