import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareDates } from '../../src/dates/isoDate.js';
import { CalendarCoverageError, chinaCalendar } from '../../src/calendar/index.js';

const cn = chinaCalendar();

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('chinaCalendar', () => {
  it('is built once and covers 2005–2026', () => {
    expect(chinaCalendar()).toBe(cn);
    expect(cn.id).toBe('cn');
    expect(cn.coverage).toEqual({ from: 2005, to: 2026 });
  });

  it('2024 Spring Festival: 10–17 Feb off, Sundays 4 and 18 Feb worked, the eve (9 Feb) a working day', () => {
    for (const d of range('2024-02-10', '2024-02-17')) {
      expect(cn.isWorkingDay(d), d).toBe(false);
      expect(cn.describe(d)).toMatchObject({ kind: 'holiday', holiday: { en: 'Spring Festival', zh: '春节' } });
    }
    expect(cn.describe('2024-02-04')).toEqual({
      date: '2024-02-04',
      kind: 'make-up-working-day',
      holiday: { en: 'Spring Festival', zh: '春节' },
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    });
    expect(cn.isWorkingDay('2024-02-04')).toBe(true);
    expect(cn.isWorkingDay('2024-02-18')).toBe(true);
    expect(cn.describe('2024-02-18').kind).toBe('make-up-working-day');
    expect(cn.isWorkingDay('2024-02-09')).toBe(true);
    expect(cn.describe('2024-02-19').kind).toBe('working-day');
  });

  it('ordinary days are weekends or working days, citing the year’s notice', () => {
    expect(cn.describe('2024-03-09')).toEqual({
      date: '2024-03-09',
      kind: 'weekend',
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    });
    expect(cn.isWorkingDay('2024-03-09')).toBe(false);
    expect(cn.describe('2024-03-11').kind).toBe('working-day');
    expect(cn.isWorkingDay('2024-03-11')).toBe(true);
  });

  it('2019 National Day: 1–7 Oct off, Sunday 29 Sep and Saturday 12 Oct worked', () => {
    for (const d of range('2019-10-01', '2019-10-07')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.describe('2019-10-01').holiday).toEqual({ en: 'National Day', zh: '国庆节' });
    expect(cn.isWorkingDay('2019-09-29')).toBe(true);
    expect(cn.isWorkingDay('2019-10-12')).toBe(true);
    expect(cn.isWorkingDay('2019-10-08')).toBe(true);
  });

  it('2019 Labour Day as lengthened by 国办发明电〔2019〕3号: 1–4 May off, 28 Apr and 5 May worked', () => {
    for (const d of range('2019-05-01', '2019-05-04')) {
      expect(cn.isWorkingDay(d), d).toBe(false);
      expect(cn.describe(d).source).toContain('国办发明电〔2019〕3号');
    }
    expect(cn.describe('2019-04-28')).toMatchObject({ kind: 'make-up-working-day', source: expect.stringContaining('国办发明电〔2019〕3号') });
    expect(cn.isWorkingDay('2019-05-05')).toBe(true);
  });

  it('2020 Spring Festival: the annual notice ends it on 30 Jan; the extension notice carries it to 2 Feb', () => {
    for (const d of range('2020-01-24', '2020-02-02')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.describe('2020-01-31')).toMatchObject({ kind: 'holiday', source: expect.stringContaining('国办发明电〔2020〕1号') });
    // Saturday 1 February was a make-up working day under 国办发明电〔2019〕16号, cancelled by the extension.
    expect(cn.describe('2020-02-01')).toMatchObject({ kind: 'holiday', holiday: { zh: '春节' } });
    expect(cn.isWorkingDay('2020-02-03')).toBe(true);
    expect(cn.describe('2020-01-19')).toMatchObject({ kind: 'make-up-working-day', source: expect.stringContaining('国办发明电〔2019〕16号') });
  });

  it('2015: 3–5 Sep off for the 70th anniversary (国发明电〔2015〕1号), Sunday 6 Sep worked', () => {
    expect(cn.isWorkingDay('2015-09-03')).toBe(false);
    expect(cn.isWorkingDay('2015-09-04')).toBe(false);
    expect(cn.describe('2015-09-04').source).toContain('国发明电〔2015〕1号');
    expect(cn.isWorkingDay('2015-09-06')).toBe(true);
  });

  it('2008, the first year of the 2007 revision: Labour Day 1–3 May, Sunday 4 May worked', () => {
    for (const d of range('2008-05-01', '2008-05-03')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.describe('2008-05-04')).toMatchObject({ kind: 'make-up-working-day', holiday: { en: 'Labour Day' } });
    expect(cn.isWorkingDay('2008-05-05')).toBe(true);
    expect(cn.describe('2008-04-04').holiday?.en).toBe('Qingming Festival');
  });

  it('golden weeks before 2008: Labour Day 2007 is 1–7 May with 28–29 April worked', () => {
    for (const d of range('2007-05-01', '2007-05-07')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.isWorkingDay('2007-04-28')).toBe(true);
    expect(cn.isWorkingDay('2007-04-29')).toBe(true);
  });

  it('late-December days fixed by the next year’s notice cite that notice', () => {
    expect(cn.describe('2018-12-29')).toMatchObject({ kind: 'make-up-working-day', source: expect.stringContaining('国办发明电〔2018〕15号') });
    expect(cn.describe('2018-12-31')).toMatchObject({ kind: 'holiday', holiday: { zh: '元旦' } });
    expect(cn.describe('2018-12-28').source).toContain('国办发明电〔2017〕12号');
    expect(cn.isWorkingDay('2007-12-29')).toBe(true);
    expect(cn.isWorkingDay('2007-12-31')).toBe(false);
    expect(cn.isWorkingDay('2005-12-31')).toBe(true);
    expect(cn.isWorkingDay('2011-12-31')).toBe(true);
  });

  it('2025 under the 2024 revision: Spring Festival 28 Jan–4 Feb, Sundays 26 Jan and Saturday 8 Feb worked', () => {
    for (const d of range('2025-01-28', '2025-02-04')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.describe('2025-01-26')).toMatchObject({ kind: 'make-up-working-day', holiday: { zh: '春节' } });
    expect(cn.isWorkingDay('2025-02-08')).toBe(true);
    expect(cn.describe('2025-10-08').holiday).toEqual({ en: 'National Day and Mid-Autumn Festival', zh: '国庆节、中秋节' });
  });

  it('2026: National Day 1–7 Oct with Sunday 20 Sep and Saturday 10 Oct worked; Spring Festival 15–23 Feb', () => {
    for (const d of range('2026-10-01', '2026-10-07')) expect(cn.describe(d).holiday?.zh, d).toBe('国庆节');
    expect(cn.isWorkingDay('2026-09-20')).toBe(true);
    expect(cn.isWorkingDay('2026-10-10')).toBe(true);
    expect(cn.isWorkingDay('2026-10-08')).toBe(true);
    for (const d of range('2026-02-15', '2026-02-23')) expect(cn.isWorkingDay(d), d).toBe(false);
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
    expect(cn.isWorkingDay('2026-02-28')).toBe(true);
    expect(cn.describe('2026-01-04').kind).toBe('make-up-working-day');
  });

  it('combined Mid-Autumn and National Day periods keep the notice’s combined name', () => {
    expect(cn.describe('2023-09-29').holiday).toEqual({ en: 'Mid-Autumn Festival and National Day', zh: '中秋节、国庆节' });
    expect(cn.describe('2020-10-08').holiday).toEqual({ en: 'National Day and Mid-Autumn Festival', zh: '国庆节、中秋节' });
    expect(cn.isWorkingDay('2023-10-07')).toBe(true);
    expect(cn.isWorkingDay('2023-10-08')).toBe(true);
  });

  it('throws CalendarCoverageError before 2005 and after the projected years (2027–2100)', () => {
    expect(() => cn.isWorkingDay('2004-12-31')).toThrow(CalendarCoverageError);
    expect(() => cn.describe('2101-01-03')).toThrow(CalendarCoverageError);
    try {
      cn.isWorkingDay('2101-01-03');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarCoverageError);
      expect((e as CalendarCoverageError).coverage).toEqual({ from: 2005, to: 2026 });
      expect((e as CalendarCoverageError).projectable).toEqual({ from: 2027, to: 2100 });
      expect((e as Error).message).toContain('2101-01-03');
      expect((e as CalendarCoverageError).reason.zh).toContain('2101-01-03');
    }
    expect(cn.isWorkingDay('2005-01-04')).toBe(true);
    expect(cn.describe('2026-12-31').kind).toBe('working-day');
  });

  it('rejects strings that are not real dates', () => {
    expect(() => cn.isWorkingDay('2023-02-29')).toThrow(RangeError);
    expect(() => cn.describe('2024-1-1')).toThrow(RangeError);
  });
});
