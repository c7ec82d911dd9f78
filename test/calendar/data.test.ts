import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareDates } from '../../src/dates/isoDate.js';
import { CalendarYearSchema, chinaCalendar, type CalendarYearData } from '../../src/calendar/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../rules/calendar/cn');
const files = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f)).sort();
const years: CalendarYearData[] = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CalendarYearData);
const cn = chinaCalendar();

/** 正月初一 of each year (independent of the notices: the Chinese calendar). */
const LUNAR_NEW_YEAR: Record<number, string> = {
  2005: '2005-02-09', 2006: '2006-01-29', 2007: '2007-02-18', 2008: '2008-02-07', 2009: '2009-01-26',
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31',
  2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05',
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17',
};

/** The statutory Spring Festival days under the Measures in force that year. */
function springFestivalStatutoryDays(year: number): string[] {
  const first = LUNAR_NEW_YEAR[year]!;
  const eve = addCalendarDays(first, -1);
  if (year >= 2025) return [eve, first, addCalendarDays(first, 1), addCalendarDays(first, 2)];
  if (year >= 2008 && year <= 2013) return [eve, first, addCalendarDays(first, 1)];
  return [first, addCalendarDays(first, 1), addCalendarDays(first, 2)];
}

describe('rules/calendar/cn', () => {
  it('has one file per year, 2005 through 2026, each named after its year, beside the projection data', () => {
    expect(readdirSync(dir).filter((f) => !files.includes(f)).sort()).toEqual(['festivals.json', 'holiday-measures.json']);
    expect(files).toEqual(Array.from({ length: 22 }, (_, i) => `${2005 + i}.json`));
    years.forEach((y, i) => expect(y.year).toBe(2005 + i));
  });

  it.each(years.map((y) => [y.year, y] as const))('%i matches the schema and cites its notice', (_year, data) => {
    const result = CalendarYearSchema.safeParse(data);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(data.source.id).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    expect(data.source.id).toContain(`〔${data.year - 1}〕`);
    expect(data.source.title.zh).toBe(`国务院办公厅关于${data.year}年部分节假日安排的通知`);
    if (data.source.issued) expect(data.source.issued.startsWith(String(data.year - 1))).toBe(true);
  });

  it('every year has a Spring Festival and a National Day period', () => {
    for (const data of years) {
      const names = data.holidays.map((h) => h.name.zh);
      expect(names.some((n) => n.includes('春节')), `${data.year} Spring Festival`).toBe(true);
      expect(names.some((n) => n.includes('国庆节')), `${data.year} National Day`).toBe(true);
      expect(names.some((n) => n === '元旦'), `${data.year} New Year's Day`).toBe(true);
    }
  });

  it('the statutory days of each year are rest days: 1 Jan, the Spring Festival days, 1 May, 1–3 Oct', () => {
    for (let year = 2005; year <= 2026; year++) {
      const days = [`${year}-01-01`, ...springFestivalStatutoryDays(year), `${year}-05-01`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`];
      if (year < 2008) days.push(`${year}-05-02`, `${year}-05-03`);
      if (year >= 2025) days.push(`${year}-05-02`);
      for (const d of days) expect(cn.isWorkingDay(d), d).toBe(false);
      for (const d of springFestivalStatutoryDays(year)) expect(cn.describe(d).holiday?.zh, d).toBe('春节');
    }
  });

  it('follows the regime changes: golden weeks to 2007, Qingming/Dragon Boat/Mid-Autumn from 2008', () => {
    for (const data of years) {
      const names = new Set(data.holidays.flatMap((h) => h.name.zh.split('、')));
      const labour = data.holidays.find((h) => h.name.zh === '劳动节')!;
      const labourDays = [...rangeOf(labour.from, labour.to)].length;
      if (data.year < 2008) {
        expect([...names].sort()).toEqual(['元旦', '劳动节', '国庆节', '春节'].sort());
        expect(labourDays, `${data.year}`).toBe(7);
      } else {
        for (const n of ['清明节', '端午节', '中秋节']) expect(names.has(n), `${data.year} ${n}`).toBe(true);
        expect(labourDays, `${data.year}`).toBeLessThanOrEqual(5);
      }
    }
  });

  it('notes only through the `note` field (besides "$schema", for editors)', () => {
    for (const data of years) {
      expect(Object.keys(data).every((k) => ['$schema', 'year', 'source', 'note', 'holidays', 'makeUpWorkingDays', 'amendments'].includes(k))).toBe(true);
    }
  });
});

function* rangeOf(from: string, to: string): Generator<string> {
  for (let d = from; compareDates(d, to) <= 0; d = addCalendarDays(d, 1)) yield d;
}
