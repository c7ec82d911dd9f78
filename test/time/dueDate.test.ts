import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, chinaCalendar } from '../../src/calendar/index.js';
import { computeDueDate, type DueDateInput } from '../../src/time/dueDate.js';

/**
 * The due-date module, against dates worked out by hand from the State Council holiday notices in
 * rules/calendar/cn (start day excluded; rollover to the next working day; make-up days are working days).
 */
const calendar = chinaCalendar();
const base = (over: Partial<DueDateInput>): DueDateInput => ({
  calendar,
  start: '2024-03-01',
  startEvent: { en: 'receipt', zh: '收到' },
  period: { days: 15, unit: 'calendar' },
  rollover: true,
  ...over,
});
const text = (d: ReturnType<typeof computeDueDate>) => d.computation.map((s) => s.en).join('\n');

describe('calendar days', () => {
  it('does not count the start day', () => {
    // 2024-03-04 (Mon) + 15 = 2024-03-19 (Tue), a working day.
    expect(computeDueDate(base({ start: '2024-03-04' })).dueOn).toBe('2024-03-19');
  });

  it('carries a Saturday over the weekend to Monday and says so', () => {
    // 2024-03-01 + 15 = 2024-03-16, a Saturday; Sunday 17th is a rest day too; Monday 18th.
    const d = computeDueDate(base({}));
    expect(d.dueOn).toBe('2024-03-18');
    expect(d.rolledOverFrom).toBe('2024-03-16');
    expect(text(d)).toContain('Rolled over from 2024-03-16 to 2024-03-18 because 2024-03-16..17 is a weekend');
  });

  it('carries a Spring Festival day to the make-up Sunday after it', () => {
    // 2024-01-26 + 15 = 2024-02-10; Spring Festival 10–17 February; Sunday 18 February is worked.
    const d = computeDueDate(base({ start: '2024-01-26' }));
    expect(d.dueOn).toBe('2024-02-18');
    expect(text(d)).toContain('because 2024-02-10..17 is the Spring Festival holiday');
    expect(d.computation.map((s) => s.zh).join('')).toContain('2024-02-10..17为春节假期');
  });

  it('leaves a rest day alone when rollover is off, and says so', () => {
    const d = computeDueDate(base({ start: '2024-01-26', rollover: false }));
    expect(d.dueOn).toBe('2024-02-10');
    expect(d.rolledOverFrom).toBeUndefined();
    expect(text(d)).toContain('holiday rollover is off');
  });

  it('does not roll over onto a make-up Saturday: it is a working day', () => {
    // 2024-09-29 is a Sunday worked for National Day: 2024-09-14 + 15 = 2024-09-29 stays.
    expect(computeDueDate(base({ start: '2024-09-14' })).dueOn).toBe('2024-09-29');
  });

  it('runs through 29 February in a leap year', () => {
    // 2024-02-29 + 60: 31 days to 31 March, 29 more to 29 April (Monday).
    expect(computeDueDate(base({ start: '2024-02-29', period: { days: 60, unit: 'calendar' } })).dueOn).toBe('2024-04-29');
    // 2023-01-31 + 30: 28 days to 28 February (not a leap year), 2 more to 2 March.
    expect(computeDueDate(base({ start: '2023-01-31', period: { days: 30, unit: 'calendar' } })).dueOn).toBe('2023-03-02');
  });

  it('carries National Day 2019 to 8 October', () => {
    // 2019-09-16 + 15 = 2019-10-01; National Day 1–7 October 2019.
    const d = computeDueDate(base({ start: '2019-09-16' }));
    expect(d.dueOn).toBe('2019-10-08');
    expect(text(d)).toContain('2019-10-01..07 is the National Day holiday');
  });

  it('names a holiday and the weekend after it', () => {
    // 2021-04-18 + 15 = 2021-05-03; Labour Day 1–5 May 2021 (Sat–Wed); Thursday 6 May.
    const d = computeDueDate(base({ start: '2021-04-18' }));
    expect(d.dueOn).toBe('2021-05-06');
    // 2025-09-23 + 15 = 2025-10-08, the last day of National Day 2025; Thursday 9 October.
    expect(computeDueDate(base({ start: '2025-09-23' })).dueOn).toBe('2025-10-09');
  });

  it('counts into a projected year and marks the due date provisional, citing the Measures', () => {
    // 2026-12-20 + 30 = 2027-01-19 (Tuesday). 2027 has no notice: a projected working day, so provisional.
    const d = computeDueDate(base({ start: '2026-12-20', period: { days: 30, unit: 'calendar' } }));
    expect(d.dueOn).toBe('2027-01-19');
    expect(d.provisional?.years).toEqual([2027]);
    expect(d.provisional?.basis).toEqual(['holiday-measures:art2', 'holiday-measures:art6']);
    expect(d.provisional?.reasons[0]?.en).toContain('国务院令第795号');
  });

  it('rolls over a projected Spring Festival: Saturday 6 February 2027 to Thursday 11 February', () => {
    // 2026-12-08 + 60 = 2027-02-06, 正月初一 (Saturday). Measures art. 2: 除夕 5 Feb to 初三 8 Feb; art. 6:
    // 6 and 7 Feb fall on the weekend, made up on Tuesday 9 and Wednesday 10. First working day: 11 Feb.
    const d = computeDueDate(base({ start: '2026-12-08', period: { days: 60, unit: 'calendar' } }));
    expect(d.dueOn).toBe('2027-02-11');
    expect(d.rolledOverFrom).toBe('2027-02-06');
    expect(text(d)).toContain('Spring Festival');
    expect(d.provisional?.years).toEqual([2027]);
  });

  it("under strict coverage refuses a projected day with the calendar's coverage error", () => {
    expect(() => computeDueDate(base({ start: '2026-12-20', period: { days: 30, unit: 'calendar' }, calendarCoverage: 'strict' }))).toThrow(CalendarCoverageError);
    // A computation that never consults 2027 stays firm under strict.
    expect(computeDueDate(base({ start: '2026-11-02', calendarCoverage: 'strict' })).provisional).toBeUndefined();
  });

  it('marks the last days of the last noticed year provisional: the next notice may rearrange them', () => {
    // 2026-12-15 + 15 = 2026-12-30 (Wednesday): a working day by the 2026 notice, but on or after 12-29.
    const d = computeDueDate(base({ start: '2026-12-15' }));
    expect(d.dueOn).toBe('2026-12-30');
    expect(d.provisional?.years).toEqual([2026]);
    expect(d.provisional?.basis).toEqual([]);
  });

  it('fails loudly past the years the calendar covers or projects', () => {
    expect(() => computeDueDate(base({ start: '2100-12-20', period: { days: 30, unit: 'calendar' } }))).toThrow(CalendarCoverageError);
  });
});

describe('working days', () => {
  it('counts make-up days and skips the National Day holiday', () => {
    // From Friday 2024-09-27: Sun 29 Sep (make-up) 1, Mon 30 Sep 2, [1–7 Oct holiday], 8 Oct 3, 9 Oct 4, 10 Oct 5.
    const d = computeDueDate(base({ start: '2024-09-27', period: { days: 5, unit: 'working' } }));
    expect(d.dueOn).toBe('2024-10-10');
    expect(d.rolledOverFrom).toBeUndefined();
    expect(text(d)).toContain('5 working days');
  });

  it('counts the Spring Festival make-up Sunday', () => {
    // From Thursday 2024-02-08: Fri 9 Feb 1, [10–17 Feb], Sun 18 Feb 2, 19 Feb 3, 20 Feb 4, 21 Feb 5.
    expect(computeDueDate(base({ start: '2024-02-08', period: { days: 5, unit: 'working' } })).dueOn).toBe('2024-02-21');
  });
});

describe('same day ("promptly" with promptlyDays 0)', () => {
  it('is due on the start day itself, even a Saturday, with nothing rolled over', () => {
    const d = computeDueDate(base({ start: '2024-03-16', period: { days: 0, unit: 'calendar' } }));
    expect(d.dueOn).toBe('2024-03-16');
    expect(d.rolledOverFrom).toBeUndefined();
  });
});

describe('hearing pause', () => {
  it('does not count hearing days inside the period', () => {
    // 2024-03-01 + 30 = 2024-03-31; a hearing 10–12 March (3 days) moves day 30 to 3 April (Wednesday).
    const d = computeDueDate(base({ period: { days: 30, unit: 'calendar' }, pauses: [{ from: '2024-03-10', until: '2024-03-12', what: { en: 'Hearing', zh: '听证' } }] }));
    expect(d.dueOn).toBe('2024-04-03');
    expect(d.pausedDays).toBe(3);
    expect(text(d)).toContain('Hearing from 2024-03-10 to 2024-03-12 is not counted');
  });

  it('ignores a hearing outside the period', () => {
    // Without the pause 2024-03-31 is a Sunday, carried to Monday 1 April.
    const d = computeDueDate(base({ period: { days: 30, unit: 'calendar' }, pauses: [{ from: '2024-05-10', until: '2024-05-12', what: { en: 'Hearing', zh: '听证' } }] }));
    expect(d.dueOn).toBe('2024-04-01');
    expect(d.pausedDays).toBe(0);
  });
});

describe('extension', () => {
  // 2024-02-05 + 60 = 2024-04-05 (Qingming, 4–6 April) → Sunday 7 April (make-up day).
  const conclude = (extensions: DueDateInput['extensions'], lateExtensionCures = false) =>
    computeDueDate(base({ start: '2024-02-05', startEvent: { en: 'acceptance', zh: '受理' }, period: { days: 60, unit: 'calendar' }, extensions, lateExtensionCures }));

  it('without an extension', () => {
    expect(conclude([]).dueOn).toBe('2024-04-07');
  });

  it('approved in time by the head of the organ: the period becomes 90 days', () => {
    // 2024-02-05 + 90 = 2024-05-05 (Labour Day 1–5 May) → Monday 6 May.
    const d = conclude([{ on: '2024-04-01', days: 30, byHead: true }]);
    expect(d.dueOn).toBe('2024-05-06');
    expect(d.originalDueOn).toBe('2024-04-07');
    expect(d.extensions).toEqual([{ on: '2024-04-01', days: 30, counted: true, reason: 'in-time' }]);
  });

  it('approved on the (rolled-over) due date itself is in time', () => {
    expect(conclude([{ on: '2024-04-07', days: 30, byHead: true }]).dueOn).toBe('2024-05-06');
  });

  it('approved after the due date: does not cure the lateness by default', () => {
    const d = conclude([{ on: '2024-04-08', days: 30, byHead: true }]);
    expect(d.dueOn).toBe('2024-04-07');
    expect(d.extensions[0]).toMatchObject({ counted: false, reason: 'late' });
    expect(text(d)).toContain('does not cure the lateness');
  });

  it('approved after the due date: counted when the policy says late extensions cure', () => {
    const d = conclude([{ on: '2024-04-08', days: 30, byHead: true }], true);
    expect(d.dueOn).toBe('2024-05-06');
    expect(d.extensions[0]).toMatchObject({ counted: true, reason: 'late-cured' });
  });

  it('not approved by the head of the organ: not counted', () => {
    const d = conclude([{ on: '2024-04-01', days: 30, byHead: false }]);
    expect(d.dueOn).toBe('2024-04-07');
    expect(d.extensions[0]).toMatchObject({ counted: false, reason: 'not-by-head' });
  });

  it('two approvals add up', () => {
    // 60 + 10 + 20 = 90 days → 2024-05-05 → 2024-05-06.
    expect(conclude([{ on: '2024-03-01', days: 10, byHead: true }, { on: '2024-04-10', days: 20, byHead: true }]).dueOn).toBe('2024-05-06');
  });

  describe('beyond the most the law allows (30 days in all)', () => {
    const capped = (extensions: DueDateInput['extensions']) =>
      computeDueDate(base({ start: '2024-02-05', startEvent: { en: 'acceptance', zh: '受理' }, period: { days: 60, unit: 'calendar' }, extensions, maxExtensionDays: 30 }));

    it('one approval of 45 days: 30 count, 15 are reported and not counted', () => {
      // 60 + 30 = 90 days → 2024-05-05 (Labour Day) → 2024-05-06; 105 days would have been 2024-05-20.
      const d = capped([{ on: '2024-04-01', days: 45, byHead: true }]);
      expect(d.dueOn).toBe('2024-05-06');
      expect(d.extensions).toEqual([{ on: '2024-04-01', days: 45, counted: true, reason: 'in-time', excessDays: 15 }]);
      expect(text(d)).toContain('only 30 calendar days count');
    });

    it('a later approval once the 30 days are used counts for nothing', () => {
      const d = capped([{ on: '2024-03-01', days: 30, byHead: true }, { on: '2024-04-10', days: 5, byHead: true }]);
      expect(d.dueOn).toBe('2024-05-06');
      expect(d.extensions[1]).toEqual({ on: '2024-04-10', days: 5, counted: false, reason: 'beyond-maximum', excessDays: 5 });
    });

    it('approvals within the maximum are untouched', () => {
      const d = capped([{ on: '2024-03-01', days: 10, byHead: true }, { on: '2024-04-10', days: 20, byHead: true }]);
      expect(d.dueOn).toBe('2024-05-06');
      expect(d.extensions.every((e) => e.excessDays === undefined && e.counted)).toBe(true);
    });
  });
});
