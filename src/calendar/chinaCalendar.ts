import { CalendarDataError } from './CalendarDataError.js';
import { createCalendar } from './createCalendar.js';
import { FestivalsSchema, HolidayMeasuresSchema, type Projection } from './projection.js';
import { citeSource } from './resolveYear.js';
import { CalendarYearSchema, issueMessages } from './schema.js';
import type { Calendar, CalendarYearData } from './types.js';
import measures from '../../rules/calendar/cn/holiday-measures.json' with { type: 'json' };
import festivals from '../../rules/calendar/cn/festivals.json' with { type: 'json' };

import y2005 from '../../rules/calendar/cn/2005.json' with { type: 'json' };
import y2006 from '../../rules/calendar/cn/2006.json' with { type: 'json' };
import y2007 from '../../rules/calendar/cn/2007.json' with { type: 'json' };
import y2008 from '../../rules/calendar/cn/2008.json' with { type: 'json' };
import y2009 from '../../rules/calendar/cn/2009.json' with { type: 'json' };
import y2010 from '../../rules/calendar/cn/2010.json' with { type: 'json' };
import y2011 from '../../rules/calendar/cn/2011.json' with { type: 'json' };
import y2012 from '../../rules/calendar/cn/2012.json' with { type: 'json' };
import y2013 from '../../rules/calendar/cn/2013.json' with { type: 'json' };
import y2014 from '../../rules/calendar/cn/2014.json' with { type: 'json' };
import y2015 from '../../rules/calendar/cn/2015.json' with { type: 'json' };
import y2016 from '../../rules/calendar/cn/2016.json' with { type: 'json' };
import y2017 from '../../rules/calendar/cn/2017.json' with { type: 'json' };
import y2018 from '../../rules/calendar/cn/2018.json' with { type: 'json' };
import y2019 from '../../rules/calendar/cn/2019.json' with { type: 'json' };
import y2020 from '../../rules/calendar/cn/2020.json' with { type: 'json' };
import y2021 from '../../rules/calendar/cn/2021.json' with { type: 'json' };
import y2022 from '../../rules/calendar/cn/2022.json' with { type: 'json' };
import y2023 from '../../rules/calendar/cn/2023.json' with { type: 'json' };
import y2024 from '../../rules/calendar/cn/2024.json' with { type: 'json' };
import y2025 from '../../rules/calendar/cn/2025.json' with { type: 'json' };
import y2026 from '../../rules/calendar/cn/2026.json' with { type: 'json' };

/** The year files (and the projection data above), static imports so that bundlers inline them and no file is read at run time. */
const YEARS: readonly CalendarYearData[] = [y2005, y2006, y2007, y2008, y2009, y2010, y2011, y2012, y2013, y2014, y2015, y2016, y2017, y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026];

let cached: Calendar | undefined;
let projection: Projection | undefined;

/** The Measures on National Holidays and the festival dates, checked the first time a calendar needs them. */
export function chinaProjection(): Projection {
  projection ??= { measures: HolidayMeasuresSchema.parse(measures), festivals: FestivalsSchema.parse(festivals) };
  return projection;
}

/**
 * China's national working-day calendar (id `cn`): the State Council General Office notices of
 * 2005–2026 (`rules/calendar/cn/<year>.json`, each with the notice that fixed it and any later notice
 * that changed it), and after them years projected from the Measures on National Holidays, every answer
 * for which is marked provisional (see `projection.ts`).
 *
 * `years` adds the notices published since this release — one object per year, in the same form as the
 * files, checked by the same schema — so that a new notice needs no new release. A year the built-in
 * data already covers is refused, and the years must follow on from 2026 without a gap. Without
 * `years` the calendar is built once and shared.
 */
export function chinaCalendar(years: readonly CalendarYearData[] = []): Calendar {
  if (years.length === 0) {
    cached ??= createCalendar('cn', YEARS, { projection: chinaProjection() });
    return cached;
  }
  const builtIn = new Map(YEARS.map((y) => [y.year, y]));
  const problems = years.flatMap((y, i) => {
    const parsed = CalendarYearSchema.safeParse(y);
    if (!parsed.success) return issueMessages(parsed.error).map((p) => `calendarYears[${i}].${p}`);
    const known = builtIn.get(parsed.data.year);
    return known ? [`calendarYears[${i}].year: ${parsed.data.year} is already covered by ${citeSource(known.source)}; a year is given once`] : [];
  });
  if (problems.length > 0) throw new CalendarDataError('cn', problems);
  return createCalendar('cn', [...YEARS, ...years], { projection: chinaProjection() });
}
