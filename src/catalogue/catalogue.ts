import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPath } from '../errors/CaseValidationError.js';
import { RulePackError } from '../errors/RulePackError.js';
import { ProvisionsFileSchema, type ProvisionsFile } from '../rules/provisions.js';

/** One instrument's catalogue with the file it came from. */
export interface CatalogueFile {
  readonly file: string;
  readonly data: ProvisionsFile;
}

/**
 * Every `provisions.json` under a rules folder (one per instrument, including instruments that have no
 * rules of their own, such as the Civil Code's rules on periods).
 */
export function loadCatalogue(rulesDir: string): CatalogueFile[] {
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(rulesDir, d.name, 'provisions.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = join(rulesDir, name, 'provisions.json');
      const parsed = ProvisionsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new RulePackError(file, parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
      return { file, data: parsed.data };
    });
}

/** The catalogue id a citation belongs to: `xfgz2022:art31(6)` and `xfgz2022:art23.3` → `xfgz2022:art31`, `xfgz2022:art23`. */
export function provisionOf(citation: string): string {
  return citation.replace(/(\([0-9]+\))+/, '').replace(/\.[0-9]+$/, '');
}
