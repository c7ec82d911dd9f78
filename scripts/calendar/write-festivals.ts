import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { festivalsFile, tymeVersion } from './festivals.js';

/** Writes `rules/calendar/cn/festivals.json` from the installed tyme4ts (npm run calendar:festivals). */
const target = fileURLToPath(new URL('../../rules/calendar/cn/festivals.json', import.meta.url));
writeFileSync(target, festivalsFile(tymeVersion()));
console.log(`wrote ${target} (tyme4ts ${tymeVersion()})`);
