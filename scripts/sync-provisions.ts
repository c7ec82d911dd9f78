/**
 * Rewrites the `rules` list of every provision in `rules/<instrument>/provisions.json` from the rules'
 * own citations, so the catalogue always says which rules encode each provision. Run after adding or
 * changing a rule: `npm run sync:provisions`. The catalogue test fails when this has not been run.
 */
import { writeFileSync } from 'node:fs';
import { provisionOf } from '../src/catalogue/catalogue.js';
import { loadCatalogue } from '../src/node/loadCatalogue.js';
import { loadPacksFromDir } from '../src/node/packFolder.js';
import { builtinRulesDir } from '../src/node/packageRoot.js';

const citedBy = new Map<string, string[]>();
for (const pack of loadPacksFromDir(builtinRulesDir())) {
  for (const rule of pack.rules) {
    for (const citation of new Set(rule.citations.map(provisionOf))) {
      citedBy.set(citation, [...(citedBy.get(citation) ?? []), rule.id]);
    }
  }
}
const missing = new Set(citedBy.keys());
for (const { file, data } of loadCatalogue(builtinRulesDir())) {
  const provisions = data.provisions.map((p) => {
    missing.delete(p.id);
    return { ...p, rules: [...new Set(citedBy.get(p.id) ?? [])] };
  });
  writeFileSync(file, `${JSON.stringify({ ...data, provisions }, null, 2)}\n`);
}
if (missing.size > 0) {
  console.error(`cited but not in any catalogue: ${[...missing].sort().join(', ')}`);
  process.exitCode = 1;
}
