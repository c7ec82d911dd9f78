import type { IsoDate } from '../dates/isoDate.js';

/**
 * A working-day calendar.
 *
 * China's working days are not "Monday to Friday": each year a State Council General Office notice
 * fixes the public holidays and the make-up working days (调休) — Saturdays or Sundays that are
 * worked to bridge a holiday. A calendar therefore answers from data, for the years its data covers,
 * and throws a {@link CalendarCoverageError} for any other date rather than guessing.
 */
export interface Calendar {
  /** Stable id, e.g. `cn` for the national calendar. */
  readonly id: string;
  /** First and last year the data covers, inclusive. */
  readonly coverage: { readonly from: number; readonly to: number };
  /** True when `date` is a working day (a weekday that is not a holiday, or a make-up working day). */
  isWorkingDay(date: IsoDate): boolean;
  /** What kind of day `date` is, with the holiday's name and the notice the year's data came from. */
  describe(date: IsoDate): DayInfo;
}

export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: 'working-day' | 'make-up-working-day' | 'weekend' | 'holiday';
  /** Holiday name when `kind` is `holiday` (or the holiday a make-up day belongs to). */
  readonly holiday?: { readonly en: string; readonly zh: string };
  /** Citation of the notice that fixed the year's arrangement. */
  readonly source: string;
}

/** One year of calendar data as stored in `rules/calendar/<id>/<year>.json`. */
export interface CalendarYearData {
  readonly year: number;
  readonly source: {
    /** Short citation id, e.g. `国办发明电〔2021〕11号`. */
    readonly id: string;
    readonly title: { readonly en: string; readonly zh: string };
    /** Date the notice was issued, if known. */
    readonly issued?: IsoDate;
  };
  /** Each holiday period: every date in it (inclusive) is a rest day. */
  readonly holidays: ReadonlyArray<{
    readonly name: { readonly en: string; readonly zh: string };
    readonly from: IsoDate;
    readonly to: IsoDate;
  }>;
  /** Saturdays or Sundays that are working days, each with the holiday it makes up for. */
  readonly makeUpWorkingDays: ReadonlyArray<{ readonly date: IsoDate; readonly for: { readonly en: string; readonly zh: string } }>;
  /** A short remark on the year's data (regime, cross-year dates, what was not verified), in both languages. */
  readonly note?: { readonly en: string; readonly zh: string };
  /** Later notices that changed the published arrangement, applied in order. */
  readonly amendments?: ReadonlyArray<CalendarAmendment>;
}

/**
 * A later notice that changed a year's published arrangement, such as the extension of the 2020
 * Spring Festival (国办发明电〔2020〕1号). It is kept apart from the annual notice so that every day
 * still cites the notice that actually fixed it.
 */
export interface CalendarAmendment {
  readonly source: CalendarYearData['source'];
  /**
   * Holiday periods fixed by this notice. One with the same Chinese name as a period of the annual
   * notice replaces that period; any other is added.
   */
  readonly holidays: CalendarYearData['holidays'];
  /** Saturdays or Sundays this notice makes working days. */
  readonly makeUpWorkingDays: CalendarYearData['makeUpWorkingDays'];
  /** Make-up working days of the annual notice that this notice turns back into rest days. */
  readonly cancelledMakeUpWorkingDays?: ReadonlyArray<IsoDate>;
}

/** Thrown when asked about a date outside the years a calendar's data covers. */
export class CalendarCoverageError extends RangeError {
  constructor(
    readonly calendarId: string,
    readonly date: IsoDate,
    readonly coverage: { from: number; to: number },
  ) {
    super(
      `calendar "${calendarId}" has no data for ${date}: it covers ${coverage.from}–${coverage.to}. ` +
        `Supply a calendar that covers this year (option "calendar") rather than let working days be guessed.`,
    );
    this.name = 'CalendarCoverageError';
  }
}
