import * as z from 'zod';
import { builtinCountingFile } from '../rules/builtinFiles.js';
import { Bilingual, CitationId } from '../rules/schema.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * The general rules on counting periods, as data (`rules/counting.json`): the provisions a due date
 * rests on besides the article that sets the period — the start day not counted, and a last day that
 * is a rest day carried to the next working day. An obligation cites them when its computation used them.
 */
export const CountingFileSchema = z
  .object({
    ...schemaKey,
    description: Bilingual,
    rules: z
      .object({
        startDayExcluded: z.object({ label: Bilingual, basis: z.array(CitationId).min(1) }).strict(),
        restDayRollover: z.object({ label: Bilingual, basis: z.array(CitationId).min(1) }).strict(),
      })
      .strict(),
  })
  .strict();
export type CountingRules = z.infer<typeof CountingFileSchema>['rules'];

let cached: CountingRules | undefined;

/** The counting rules of `rules/counting.json` (bundled), checked once. */
export function countingRules(): CountingRules {
  cached ??= CountingFileSchema.parse(builtinCountingFile.value).rules;
  return cached;
}
