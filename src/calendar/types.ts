import type { IsoDate } from '../dates/isoDate.js';
import type { Bilingual as Text } from '../text/bilingual.js';

export type { Bilingual as Text } from '../text/bilingual.js';

/**
 * A working-day calendar.
 *
 * China's working days are not "Monday to Friday": each year a State Council General Office notice
 * fixes the public holidays and the make-up working days (调休) — Saturdays or Sundays that are
 * worked to bridge a holiday. A calendar answers from that data for the years it covers. China's
 * national calendar also projects later years from the Measures on National Holidays, and says which
 * answers are provisional for that reason; any other date throws a {@link CalendarCoverageError}.
 */
export interface Calendar {
  /** Stable id, e.g. `cn` for the national calendar. */
  readonly id: string;
  /** First and last year the notice data covers, inclusive. */
  readonly coverage: { readonly from: number; readonly to: number };
  /** The years after the data that the calendar projects from the law, when it projects at all. */
  readonly projectable?: { readonly from: number; readonly to: number };
  /** True when `date` is a working day (a weekday that is not a holiday, or a make-up working day). */
  isWorkingDay(date: IsoDate): boolean;
  /** What kind of day `date` is, with the holiday's name and the notice the year's data came from. */
  describe(date: IsoDate): DayInfo;
  /**
   * Why the answer for `date` is not firm — its year was projected for want of a notice, or a notice
   * not yet in the data may still change it — or undefined when it rests on a notice. A calendar
   * without this method is firm wherever it answers.
   */
  provisional?(date: IsoDate): Text | undefined;
  /** The provisions a projected date rests on (none for a date a notice fixed). */
  basisOf?(date: IsoDate): readonly string[];
}

export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: 'working-day' | 'make-up-working-day' | 'weekend' | 'holiday';
  /** Holiday name when `kind` is `holiday` (or the holiday a make-up day belongs to). */
  readonly holiday?: { readonly en: string; readonly zh: string };
  /** Citation of the notice that fixed the year's arrangement (for a projected year, the Measures it was projected from). */
  readonly source: string;
  /** Present when the answer is not firm: why (see {@link Calendar.provisional}). */
  readonly provisional?: Text;
}

/** One year of calendar data as stored in `rules/calendar/<id>/<year>.json`. */
export interface CalendarYearData {
  /** The JSON Schema the year's file is written against, for editors; ignored. */
  readonly $schema?: string;
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

/**
 * Thrown when asked about a date a calendar cannot answer for: outside the years its data covers and
 * those it projects — or, when the caller wants only firm answers (policy `calendarCoverage: strict`),
 * a date it could only project. `reason` says which, in both languages.
 */
export class CalendarCoverageError extends RangeError {
  readonly reason: Text;
  constructor(
    readonly calendarId: string,
    readonly date: IsoDate,
    readonly coverage: { from: number; to: number },
    readonly projectable?: { from: number; to: number },
    reason?: Text,
  ) {
    const reach = projectable && projectable.to >= projectable.from ? ` and projects ${projectable.from}–${projectable.to} from the Measures on National Holidays` : '';
    const reachZh = projectable && projectable.to >= projectable.from ? `，并依《全国年节及纪念日放假办法》推算${projectable.from}–${projectable.to}年` : '';
    const why = reason ?? {
      en: `calendar "${calendarId}" has no data for ${date}: it covers ${coverage.from}–${coverage.to}${reach}. Supply the year's notice (option "calendarYears") or a calendar that covers it (option "calendar") rather than let working days be guessed.`,
      zh: `日历“${calendarId}”没有${date}的数据：其数据覆盖${coverage.from}–${coverage.to}年${reachZh}。请补充该年的节假日安排通知（选项 calendarYears）或提供覆盖该年的日历（选项 calendar），而不是猜测工作日。`,
    };
    super(why.en);
    this.reason = why;
    this.name = 'CalendarCoverageError';
  }
}
