/**
 * Today's calendar date in China (Asia/Shanghai), `YYYY-MM-DD`.
 *
 * The library never reads the clock: every evaluation takes its `asOf` date from the caller. The CLI is
 * the one caller that may supply "today" when `--as-of` is left out, and it says so on stderr, so a
 * report always shows the date it was made for. Computed in Asia/Shanghai so the answer is the same on a
 * machine in any time zone.
 */
export function todayInChina(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
