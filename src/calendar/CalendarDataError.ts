/**
 * Thrown when calendar data is malformed: a year file that fails the schema, or a set of years that
 * does not fit together. It names the calendar, the year where there is one, and each problem, and
 * no calendar is built from the data — a wrong holiday would silently move every deadline near it.
 */
export class CalendarDataError extends Error {
  constructor(
    readonly calendarId: string,
    readonly problems: readonly string[],
    readonly year?: number,
  ) {
    const where = `calendar "${calendarId}"${year === undefined ? '' : `, year ${year}`}`;
    super(`${where}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'CalendarDataError';
  }
}
