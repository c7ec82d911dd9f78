import { describe, expect, it, vi } from 'vitest';
import { addCalendarDays, daysBetween, isIsoDate } from '../../src/dates/isoDate.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { fixtureDirectory, generateCases } from '../core/generateCases.js';

/**
 * Issue 11 §2: no poisoned memory. Date arithmetic that leaves years 0000–9999 is refused and never
 * remembered, so a case cannot make a non-date count as a date for a later case. The probe runs a
 * poisoning sequence, then compares later answers with a freshly imported copy of the library.
 */

const laterCases = generateCases(40, 11);

async function answers(create: typeof createEvaluator): Promise<string[]> {
  const evaluator = create({ directory: fixtureDirectory });
  const out: string[] = [];
  for (const c of laterCases) out.push(JSON.stringify(await evaluator.evaluate(c.input, { asOf: c.asOf })));
  out.push(JSON.stringify(await evaluator.evaluate({ ...laterCases[0]!.input, events: [{ type: 'assigned', on: laterCases[0]!.input.receivedOn, to: 'qt-petition', dueOn: '10000-01-30' }] }, { asOf: laterCases[0]!.asOf }).catch((e: Error) => e.name)));
  return out;
}

describe('remembered dates', () => {
  it('refuses arithmetic past year 9999 or before year 0000 and does not remember it', () => {
    expect(() => addCalendarDays('9999-12-31', 30)).toThrow(RangeError);
    expect(() => addCalendarDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => addCalendarDays('2023-01-01', 1e12)).toThrow(RangeError);
    expect(() => addCalendarDays('2023-01-01', 0.5)).toThrow(RangeError);
    expect(isIsoDate('10000-01-30')).toBe(false);
    expect(() => daysBetween('2023-01-01', '10000-01-30')).toThrow(RangeError);
    expect(addCalendarDays('9999-12-01', 30)).toBe('9999-12-31');
  });

  it('answers later cases exactly as a fresh copy of the library does, after a poisoning sequence', async () => {
    for (const days of [30, 365, 3000, -1e6, 2e6]) {
      try {
        addCalendarDays(days > 0 ? '9999-12-31' : '0000-01-01', days);
      } catch {
        // refused, as it must be
      }
    }
    expect(isIsoDate('10000-01-30')).toBe(false);
    const poisoned = await answers(createEvaluator);
    vi.resetModules();
    const fresh = await import('../../src/evaluate/createEvaluator.js');
    expect(await answers(fresh.createEvaluator)).toEqual(poisoned);
    expect(poisoned.at(-1)).toBe(JSON.stringify('CaseValidationError'));
  }, 60_000);
});
