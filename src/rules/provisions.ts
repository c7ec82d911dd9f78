import * as z from 'zod';
import { Bilingual, CitationId, RuleId } from './schema.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * The provisions catalogue of an instrument (`rules/<pack>/provisions.json`): every provision the
 * library knows, each either encoded (cited by rules, or the source of a parameter, a policy option or
 * a counting rule), or catalogued with the reason it is not: `notOperational` when it states no duty,
 * time limit, routing, responsibility or consequence at all, `notEncoded` when it does but the library
 * does not apply it. An instrument with `extent` claims to list every one of its provisions.
 */
export const ProvisionsFileSchema = z
  .object({
    ...schemaKey,
    instrument: z
      .object({
        id: z.string().min(1),
        title: Bilingual,
        documentNumber: z.string().nullable().optional(),
        inForce: z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict(),
        numbering: z.string().optional(),
        /**
         * The catalogue lists every provision of the instrument: `${prefix}1` … `${prefix}${count}`
         * (`{ "prefix": "xfgz2022:art", "count": 50 }`), each exactly once, and no other.
         */
        extent: z.object({ prefix: z.string().min(1), count: z.number().int().positive() }).strict().optional(),
      })
      .strict(),
    provisions: z.array(
      z
        .object({
          id: CitationId,
          title: Bilingual,
          summary: Bilingual,
          rules: z.array(RuleId),
          /** Why the provision is not operational: it states no duty, time limit, routing, responsibility or consequence. */
          notOperational: Bilingual.nullable(),
          /** Operational, but not applied by the library: why (no case fact states it, not owed on a matter, …). */
          notEncoded: Bilingual.nullable().optional(),
          /**
           * Paragraphs or items of an encoded provision that are operational but not applied, each with the
           * reason: `id` is a finer locator of the provision (`xf2005:art22.3`, `xfgz2022:art21(2)`).
           */
          partsNotEncoded: z.array(z.object({ id: CitationId, reason: Bilingual }).strict()).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type ProvisionsFile = z.infer<typeof ProvisionsFileSchema>;
