import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaCalendar } from '../../src/calendar/index.js';
import { CaseValidationError } from '../../src/errors/CaseValidationError.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { computeDueDate, type DueDateInput } from '../../src/time/dueDate.js';

/**
 * Issue 11 §1 and §3: no hang, and incoherent dates refused with the field named. A date later than the
 * calendar can count to, in any event field, is a CaseValidationError naming that field; counting never
 * walks a long pause or a long calendar-day period day by day.
 */

const directory = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'directory.json'), 'utf8'));
const B = { id: 'X', receivedOn: '2023-03-01', channel: 'letter', class: 'suggestion', receivingOrgan: 'qt-petition' };
const evaluator = createEvaluator({ directory });

async function problems(input: unknown, asOf = '2023-07-03'): Promise<string[]> {
  const started = performance.now();
  try {
    await evaluator.evaluate(input, { asOf });
    return [];
  } catch (error) {
    if (!(error instanceof CaseValidationError)) throw error;
    return error.issues.map((i) => i.path);
  } finally {
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

describe('dates far after asOf', () => {
  it('refuses a hearing until 9999-12-31 with the field named, at once (the issue took 40–47 s)', async () => {
    expect(await problems({ ...B, events: [{ type: 'reexamination-requested', on: '2023-03-02' }, { type: 'hearing', on: '2023-03-03', until: '9999-12-31' }] })).toEqual(['events[1].until']);
  });

  it('refuses an assigner due date past the calendar, and one before the assignment', async () => {
    expect(await problems({ ...B, events: [{ type: 'assigned', on: '2023-03-02', to: 'qt-petition', dueOn: '2101-01-01' }] })).toEqual(['events[0].dueOn']);
    expect(await problems({ ...B, events: [{ type: 'assigned', on: '2023-03-02', to: 'qt-petition', dueOn: '2023-03-01' }] })).toEqual(['events[0].dueOn']);
  });

  it('still assesses a hearing that runs to the last day the calendar counts, quickly', async () => {
    expect(await problems({ ...B, events: [{ type: 'reexamination-requested', on: '2023-03-02' }, { type: 'hearing', on: '2023-03-03', until: '2100-12-31' }] })).toEqual([]);
  });

  it('refuses a matter received after asOf and a hearing that ends before it starts', async () => {
    expect(await problems({ ...B, receivedOn: '2023-08-01' })).toEqual(['receivedOn']);
    expect(await problems({ ...B, events: [{ type: 'reexamination-requested', on: '2023-03-02' }, { type: 'hearing', on: '2023-03-05', until: '2023-03-04' }] })).toEqual(['events[1].until']);
  });
});

describe('counting does not walk unbounded spans', () => {
  const calendar = chinaCalendar();
  const base = (over: Partial<DueDateInput>): DueDateInput => ({
    calendar,
    start: '2024-03-01',
    startEvent: { en: 'receipt', zh: '收到' },
    period: { days: 15, unit: 'calendar' },
    rollover: true,
    ...over,
  });
  const pause = (from: string, until: string) => ({ from, until, what: { en: 'hearing', zh: '听证' } });

  it('skips a long pause in one step and counts it', () => {
    // 2024-03-01, paused 2024-03-02..2099-12-31: 15 calendar days after the pause end on 2100-01-15 (Friday).
    const d = computeDueDate(base({ pauses: [pause('2024-03-02', '2099-12-31')] }));
    expect(d.dueOn).toBe('2100-01-15');
  });

  it('reports a period reaching past year 9999 as a date no calendar answers for, without walking it', () => {
    const started = performance.now();
    expect(() => computeDueDate(base({ period: { days: 1e9, unit: 'calendar' } }))).toThrow(CalendarCoverageError);
    expect(() => computeDueDate(base({ period: { days: 1e9, unit: 'calendar' }, pauses: [pause('2024-03-02', '2024-03-05')] }))).toThrow(CalendarCoverageError);
    expect(() => computeDueDate(base({ period: { days: 1e9, unit: 'working' } }))).toThrow(CalendarCoverageError);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("a case's own organs and its size", () => {
  const own = (id: string, superior: string) => ({ id, name: id, nameZh: id, level: 'county', kind: 'department', region: '331121', superior });
  it('refuses an organ that is its own superior, and a ring of superiors, naming the organ', async () => {
    expect(await problems({ ...B, organs: [own('self', 'self')] })).toEqual(['organs[0].superior']);
    expect(await problems({ ...B, organs: [own('a1', 'a2'), own('a2', 'a1')] })).toEqual(['organs[0].superior']);
  });

  it('refuses more events than the documented limit at once', async () => {
    const events = Array.from({ length: 1001 }, () => ({ type: 'reexamination-requested', on: '2023-03-02' }));
    expect(await problems({ ...B, events })).toEqual(['events']);
  });
});

describe('directory validation is linear', () => {
  const chain = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `o${i}`, nameZh: `o${i}`, level: 'county', kind: 'department', region: '331121', ...(i > 0 ? { superior: `o${i - 1}` } : {}) }));
  it('checks a 40,000-organ superior chain (10× the issue probe, which took 28 s) in well under the test timeout', () => {
    const started = performance.now();
    createEvaluator({ directory: chain(40_000) as never });
    expect(performance.now() - started).toBeLessThan(3000);
    const ring = chain(40_000);
    (ring[0] as { superior?: string }).superior = 'o39999';
    expect(() => createEvaluator({ directory: ring as never })).toThrow('superiors form a cycle: o0 → o39999 → o39998');
  });
});
