import { createCalendar } from './createCalendar.js';
import type { Calendar, CalendarYearData } from './types.js';

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

/** The year files, one static import each so that bundlers inline them and no file is read at run time. */
const YEARS: readonly CalendarYearData[] = [y2005, y2006, y2007, y2008, y2009, y2010, y2011, y2012, y2013, y2014, y2015, y2016, y2017, y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026];

let cached: Calendar | undefined;

/**
 * China's national working-day calendar (id `cn`), 2005–2026.
 *
 * Built from `rules/calendar/cn/<year>.json`: for each year the State Council General Office notice
 * that fixed its public holidays and make-up working days (and any later notice that changed them),
 * checked by the schema the first time it is asked for and cached after that. A date outside the
 * covered years throws `CalendarCoverageError`; to cover a new year, add its file and import it here.
 */
export function chinaCalendar(): Calendar {
  cached ??= createCalendar('cn', YEARS);
  return cached;
}
