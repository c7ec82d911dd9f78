import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, CalendarDataError, createCalendar, type CalendarYearData } from '../../src/calendar/index.js';

const NY = { en: "New Year's Day", zh: '元旦' };
const SF = { en: 'Spring Festival', zh: '春节' };

/** A small, valid year (the real 2024 New Year's Day and Spring Festival). */
function year2024(): CalendarYearData {
  return {
    year: 2024,
    source: { id: '国办发明电〔2023〕7号', title: { en: 'Notice … 2024', zh: '国务院办公厅关于2024年部分节假日安排的通知' }, issued: '2023-10-25' },
    holidays: [
      { name: NY, from: '2024-01-01', to: '2024-01-01' },
      { name: SF, from: '2024-02-10', to: '2024-02-17' },
    ],
    makeUpWorkingDays: [
      { date: '2024-02-04', for: SF },
      { date: '2024-02-18', for: SF },
    ],
  };
}

function year2025(): CalendarYearData {
  return {
    year: 2025,
    source: { id: '国办发明电〔2024〕12号', title: { en: 'Notice … 2025', zh: '国务院办公厅关于2025年部分节假日安排的通知' } },
    holidays: [{ name: SF, from: '2025-01-28', to: '2025-02-04' }],
    makeUpWorkingDays: [
      { date: '2025-01-26', for: SF },
      { date: '2025-02-08', for: SF },
    ],
  };
}

/** Builds a calendar from one edited year and returns the error it throws. */
function errorFor(edit: (y: Record<string, unknown>) => void): CalendarDataError {
  const data = structuredClone(year2024()) as unknown as Record<string, unknown>;
  edit(data);
  try {
    createCalendar('test', [data as unknown as CalendarYearData]);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarDataError);
    return e as CalendarDataError;
  }
  throw new Error('expected a CalendarDataError');
}

describe('createCalendar', () => {
  it('builds a calendar that answers from the data', () => {
    const cal = createCalendar('test', [year2025(), year2024()]);
    expect(cal.coverage).toEqual({ from: 2024, to: 2025 });
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    expect(cal.isWorkingDay('2024-02-12')).toBe(false);
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.describe('2025-02-03')).toEqual({
      date: '2025-02-03',
      kind: 'holiday',
      holiday: SF,
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    });
    expect(() => cal.isWorkingDay('2023-12-29')).toThrow(CalendarCoverageError);
    expect(() => cal.isWorkingDay('2026-01-05')).toThrow(CalendarCoverageError);
  });

  it('rejects a bad data object with a message naming the calendar and the year', () => {
    const e = errorFor((y) => {
      (y.makeUpWorkingDays as { date: string }[])[1]!.date = '2024-02-19';
    });
    expect(e.year).toBe(2024);
    expect(e.message).toContain('calendar "test", year 2024');
    expect(e.message).toContain('2024-02-19 is a Monday, not a Saturday or Sunday');
  });

  it('rejects dates that do not exist', () => {
    const e = errorFor((y) => {
      (y.holidays as { to: string }[])[1]!.to = '2024-02-30';
    });
    expect(e.message).toMatch(/year 2024: holidays\[1\]\.to: not a real calendar date/);
  });

  it('rejects a date outside its year', () => {
    const e = errorFor((y) => {
      (y.holidays as { from: string; to: string }[])[1]!.from = '2023-02-10';
    });
    expect(e.message).toContain('2023-02-10 is outside 2024');
  });

  it('accepts a New Year’s Day period that starts in December of the year before, and nothing else there', () => {
    const data = year2024();
    const ok: CalendarYearData = { ...data, holidays: [{ name: NY, from: '2023-12-30', to: '2024-01-01' }, data.holidays[1]!] };
    expect(createCalendar('test', [ok]).coverage.from).toBe(2024);
    const e = errorFor((y) => {
      (y.makeUpWorkingDays as { date: string }[])[0]!.date = '2023-12-30';
    });
    expect(e.message).toContain('2023-12-30 is outside 2024');
  });

  it('rejects overlapping holidays', () => {
    const e = errorFor((y) => {
      (y.holidays as { from: string; to: string }[])[0]!.to = '2024-02-11';
    });
    expect(e.message).toContain('overlap');
  });

  it('rejects a make-up working day inside a holiday', () => {
    const e = errorFor((y) => {
      (y.makeUpWorkingDays as { date: string }[])[0]!.date = '2024-02-17';
    });
    expect(e.message).toContain('2024-02-17 falls inside the holiday "Spring Festival"');
  });

  it('rejects a make-up working day for a holiday the year does not have', () => {
    const e = errorFor((y) => {
      (y.makeUpWorkingDays as { for: unknown }[])[0]!.for = { en: 'Labour Day', zh: '劳动节' };
    });
    expect(e.message).toContain('"劳动节", which is not a holiday of 2024');
  });

  it('rejects a period that ends before it starts, and free-text fields other than `note`', () => {
    expect(
      errorFor((y) => {
        (y.holidays as { to: string }[])[1]!.to = '2024-02-09';
      }).message,
    ).toContain('ends (2024-02-09) before it starts');
    expect(
      errorFor((y) => {
        y.comment = 'checked by hand';
      }).message,
    ).toContain('comment');
  });

  it('names the position of an entry whose year is missing', () => {
    const e = errorFor((y) => {
      delete y.year;
    });
    expect(e.year).toBeUndefined();
    expect(e.message).toContain('years[0]: year');
  });

  it('requires contiguous, distinct years', () => {
    const y2026 = { ...year2025(), year: 2026, holidays: [{ name: SF, from: '2026-02-15', to: '2026-02-23' }], makeUpWorkingDays: [] };
    expect(() => createCalendar('test', [year2024(), y2026])).toThrow(/2025 missing between 2024 and 2026/);
    expect(() => createCalendar('test', [year2024(), year2024()])).toThrow(/year 2024 is given twice/);
    expect(() => createCalendar('test', [])).toThrow(CalendarDataError);
  });

  it('rejects a date set by two years’ data', () => {
    const y2024: CalendarYearData = { ...year2024(), holidays: [...year2024().holidays, { name: { en: 'Test', zh: '测试' }, from: '2024-12-31', to: '2024-12-31' }] };
    const y2025: CalendarYearData = { ...year2025(), holidays: [{ name: NY, from: '2024-12-31', to: '2025-01-01' }, ...year2025().holidays] };
    expect(() => createCalendar('test', [y2024, y2025])).toThrow(/2024-12-31 is set by the data of both 2024 and 2025/);
  });

  it('applies amendments: a replaced period, a cancelled make-up day, each day citing its notice', () => {
    const amended: CalendarYearData = {
      ...year2024(),
      amendments: [
        {
          source: { id: 'TEST〔2024〕1号', title: { en: 'Extension', zh: '延长通知' } },
          holidays: [{ name: SF, from: '2024-02-10', to: '2024-02-18' }],
          makeUpWorkingDays: [],
          cancelledMakeUpWorkingDays: ['2024-02-18'],
        },
      ],
    };
    const cal = createCalendar('test', [amended]);
    expect(cal.isWorkingDay('2024-02-18')).toBe(false);
    expect(cal.describe('2024-02-18').source).toBe('延长通知（TEST〔2024〕1号）');
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    const bad = structuredClone(amended) as unknown as { amendments: { cancelledMakeUpWorkingDays: string[] }[] };
    bad.amendments[0]!.cancelledMakeUpWorkingDays = ['2024-02-25'];
    expect(() => createCalendar('test', [bad as unknown as CalendarYearData])).toThrow(/cancels 2024-02-25, which is not a make-up working day/);
  });
});
