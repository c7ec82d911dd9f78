import { z } from 'zod';
import { Bilingual, CitationId, RuleId } from './schema.js';

/**
 * The provisions catalogue of an instrument (`rules/<pack>/provisions.json`): every provision the
 * library knows, each with the rules that encode it or the reason it is not operational on a case.
 */
export const ProvisionsFileSchema = z
  .object({
    instrument: z
      .object({
        id: z.string().min(1),
        title: Bilingual,
        documentNumber: z.string().nullable().optional(),
        inForce: z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict(),
        numbering: z.string().optional(),
      })
      .strict(),
    provisions: z.array(
      z
        .object({
          id: CitationId,
          title: Bilingual,
          summary: Bilingual,
          rules: z.array(RuleId),
          notOperational: Bilingual.nullable(),
        })
        .strict(),
    ),
  })
  .strict();
export type ProvisionsFile = z.infer<typeof ProvisionsFileSchema>;
