import { describe, expect, it } from 'vitest';
import { addWorkingDays, CalendarCoverageError, chinaCalendar, nextWorkingDay, workingDaysBetween } from '../../src/calendar/index.js';

const cn = chinaCalendar();

describe('nextWorkingDay', () => {
  it('returns the day itself when it is a working day, including a make-up Sunday', () => {
    expect(nextWorkingDay(cn, '2024-03-11')).toBe('2024-03-11');
    expect(nextWorkingDay(cn, '2024-02-04')).toBe('2024-02-04');
  });

  it('carries a rest day to the next working day', () => {
    expect(nextWorkingDay(cn, '2024-02-10')).toBe('2024-02-18'); // Spring Festival, then the make-up Sunday
    expect(nextWorkingDay(cn, '2019-10-01')).toBe('2019-10-08');
    expect(nextWorkingDay(cn, '2024-03-09')).toBe('2024-03-11'); // an ordinary weekend
    expect(nextWorkingDay(cn, '2020-01-24')).toBe('2020-02-03'); // the extended 2020 Spring Festival
  });

  it('throws past the years the calendar covers or projects', () => {
    expect(() => nextWorkingDay(cn, '2101-01-04')).toThrow(CalendarCoverageError);
  });

  it('steps into a projected year: 1 January 2027 (a Friday, New Year holiday) goes to Monday 4 January', () => {
    expect(nextWorkingDay(cn, '2027-01-01')).toBe('2027-01-04');
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day', () => {
    expect(addWorkingDays(cn, '2024-03-11', 1)).toBe('2024-03-12');
    expect(addWorkingDays(cn, '2024-03-08', 1)).toBe('2024-03-11');
  });

  it('steps over the Spring Festival and onto make-up days', () => {
    // Friday 9 Feb 2024; 10–17 Feb off; Sunday 18 Feb worked.
    expect(addWorkingDays(cn, '2024-02-09', 1)).toBe('2024-02-18');
    expect(addWorkingDays(cn, '2024-02-09', 2)).toBe('2024-02-19');
    // Thursday 1 Feb 2024: 2 Feb (Fri), 4 Feb (make-up Sun), 5–9 Feb, then 18 Feb.
    expect(addWorkingDays(cn, '2024-02-01', 7)).toBe('2024-02-09');
    expect(addWorkingDays(cn, '2024-02-01', 8)).toBe('2024-02-18');
    // Spring Festival 2025 from Friday 24 Jan: 26 Jan (Sun) worked, 27 Jan, then 5 Feb.
    expect(addWorkingDays(cn, '2025-01-24', 3)).toBe('2025-02-05');
  });

  it('counts 15 and 60 working days across holidays (common petition time limits)', () => {
    // Friday 20 Sep 2024: 23–27 Sep (5), Sunday 29 Sep (6), 30 Sep (7), 1–7 Oct off, 8–11 Oct (11),
    // Saturday 12 Oct (12), 14–16 Oct (15).
    expect(addWorkingDays(cn, '2024-09-20', 15)).toBe('2024-10-16');
    expect(workingDaysBetween(cn, '2024-09-20', '2024-10-16')).toBe(15);
    const sixty = addWorkingDays(cn, '2023-12-25', 60);
    expect(workingDaysBetween(cn, '2023-12-25', sixty)).toBe(60);
    expect(cn.isWorkingDay(sixty)).toBe(true);
  });

  it('runs across a year boundary', () => {
    expect(addWorkingDays(cn, '2018-12-28', 1)).toBe('2018-12-29'); // Saturday worked for New Year's Day 2019
    expect(addWorkingDays(cn, '2018-12-28', 2)).toBe('2019-01-02');
  });

  it('rejects n below 1 or not whole, and throws past the years the calendar covers or projects', () => {
    expect(() => addWorkingDays(cn, '2024-03-11', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cn, '2024-03-11', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cn, '2100-12-30', 5)).toThrow(CalendarCoverageError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween(cn, '2024-03-11', '2024-03-11')).toBe(0);
    expect(workingDaysBetween(cn, '2024-03-11', '2024-03-12')).toBe(1);
    expect(workingDaysBetween(cn, '2024-03-08', '2024-03-11')).toBe(1);
    expect(workingDaysBetween(cn, '2024-02-09', '2024-02-18')).toBe(1);
    expect(workingDaysBetween(cn, '2024-02-09', '2024-02-17')).toBe(0);
  });

  it('is negative when `to` is earlier, and inverts addWorkingDays', () => {
    expect(workingDaysBetween(cn, '2024-02-18', '2024-02-09')).toBe(-1);
    for (const n of [1, 5, 10, 30]) {
      for (const start of ['2019-09-27', '2020-01-20', '2008-04-30', '2015-09-02']) {
        expect(workingDaysBetween(cn, start, addWorkingDays(cn, start, n))).toBe(n);
      }
    }
  });

  it('counts a whole year', () => {
    // 2024: 262 weekdays, less 19 weekdays off (1 Jan; 12–16 Feb; 4–5 Apr; 1–3 May; 10 Jun; 16–17 Sep;
    // 1–4 and 7 Oct), plus 8 make-up Saturdays and Sundays = 251.
    expect(workingDaysBetween(cn, '2023-12-31', '2024-12-31')).toBe(251);
  });
});
