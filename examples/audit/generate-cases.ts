/**
 * A seeded generator of realistic petition cases, one JSON case per line (NDJSON), for trying an audit.
 *
 *   npx tsx examples/audit/generate-cases.ts 3000 > cases.ndjson          # 3000 cases, seed 1
 *   npx tsx examples/audit/generate-cases.ts 3000 --seed 7 --broken 0.01  # ~1% malformed lines
 *
 * The cases run over the organs of examples/directory.json (Qingtian and Jinyun counties, Lishui city),
 * received between 2021 and 2023 — so both the 2005 and the 2022 Regulations apply — with letters,
 * visits and online filings; appeals, suggestions and denunciations; priority areas, collective visits,
 * repeated petitions; and event logs where some steps are late or missing. A few lines can be made
 * malformed on purpose (`--broken`) to show how an audit reports them. Deterministic: the same seed
 * gives the same file on any machine (mulberry32 PRNG; no clock, no Math.random).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** mulberry32: a small, well-known 32-bit PRNG. */
function prng(seed: number): () => number {
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

interface Area {
  readonly petition: string;
  readonly departments: ReadonlyArray<{ id: string; area?: string }>;
  readonly discipline: string;
}

const AREAS: readonly Area[] = [
  { petition: 'qt-petition', discipline: 'qt-di', departments: [{ id: 'qt-nr', area: 'land-acquisition' }, { id: 'qt-housing', area: 'urban-construction-demolition' }, { id: 'qt-eco', area: 'environmental-protection' }, { id: 'qt-hrss', area: 'enterprise-restructuring' }] },
  { petition: 'jy-petition', discipline: 'ls-di', departments: [{ id: 'jy-nr', area: 'land-acquisition' }] },
  { petition: 'ls-petition', discipline: 'ls-di', departments: [{ id: 'ls-nr', area: 'land-acquisition' }, { id: 'ls-eco', area: 'environmental-protection' }] },
];

export interface GenerateOptions {
  /** PRNG seed; the same seed gives the same cases. */
  readonly seed?: number;
  /** Share of lines made malformed on purpose (unknown organ, bad date, truncated JSON, blank). */
  readonly broken?: number;
  /** No event is dated after this day (the audit's evaluation date). */
  readonly until?: string;
}

/** Yields `count` NDJSON lines (without newlines): cases, and malformed lines at the `broken` rate. */
export function* generateCases(count: number, options: GenerateOptions = {}): Generator<string> {
  const random = prng(options.seed ?? 1);
  const until = options.until ?? '2023-12-31';
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  for (let i = 1; i <= count; i++) {
    const area = pick(AREAS);
    const receivedOn = addDays('2021-01-04', between(0, 1075));
    const channel = pick(['letter', 'letter', 'visit', 'visit', 'online', 'online', 'phone'] as const);
    const klass = chance(0.7) ? 'appeal' : chance(0.5) ? 'suggestion' : 'accusation';
    const dept = pick(area.departments);
    const handlingOrgan = klass === 'accusation' ? area.discipline : dept.id;
    const collective = channel === 'visit' && chance(0.15);
    const petitioners = collective ? between(5, 60) : 1;
    const c: Record<string, unknown> = {
      id: `AUD-${receivedOn.slice(0, 4)}-${String(i).padStart(6, '0')}`,
      receivedOn,
      channel,
      class: klass,
      receivingOrgan: area.petition,
      handlingOrgan,
      petitioners,
    };
    if (klass === 'appeal') c.legalRoute = chance(0.75) ? 'petition' : pick(['litigation', 'administrative', 'arbitration', 'duty-to-protect'] as const);
    if (klass === 'appeal' && dept.area && chance(0.5)) c.priorityArea = dept.area;
    if (collective) c.representatives = between(1, 7);
    if (channel === 'visit') c.atDesignatedSite = chance(0.95);
    if (chance(0.12)) c.repeatCount = between(1, 5);
    const flags: Record<string, boolean> = {};
    if (chance(0.05)) flags.hardship = true;
    if (chance(0.02)) flags.major = true;
    if (collective && petitioners >= 30 && chance(0.3)) flags.massIncidentRisk = true;
    if (Object.keys(flags).length > 0) c.flags = flags;

    // The event log: each step some days after the one before; some steps late, some never taken.
    const events: Array<Record<string, unknown>> = [{ type: 'received', on: receivedOn, by: area.petition }];
    let day = receivedOn;
    const step = (lo: number, hi: number) => (day = addDays(day, between(lo, hi)));
    events.push({ type: 'registered', on: step(0, chance(0.9) ? 0 : 3), by: area.petition });
    if (chance(0.95)) {
      events.push({ type: 'transferred', on: step(1, chance(0.85) ? 12 : 25), by: area.petition, to: handlingOrgan });
      const transferredOn = day;
      if (chance(0.9)) {
        events.push({ type: 'accepted', on: step(1, 6), by: handlingOrgan });
        const acceptedOn = day;
        if (chance(0.85)) events.push({ type: 'petitioner-notified', on: addDays(transferredOn, between(2, chance(0.85) ? 14 : 30)), by: handlingOrgan });
        if (klass === 'appeal' && c.legalRoute === 'petition' && chance(0.8)) {
          day = acceptedOn;
          const opinion = pick(['support', 'explain', 'not-support'] as const);
          events.push({ type: 'concluded', on: step(15, chance(0.8) ? 58 : 100), by: handlingOrgan, opinion });
          events.push({ type: 'reply-received', on: step(1, 5) });
          if (opinion === 'support' && chance(0.7)) events.push({ type: 'opinion-executed', on: addDays(day, between(5, 40)), by: handlingOrgan });
          if (opinion === 'not-support' && chance(0.3)) events.push({ type: 'review-requested', on: step(3, 40) });
        }
      }
    }
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
