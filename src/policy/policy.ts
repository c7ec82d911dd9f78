import * as z from 'zod';
import { Bilingual } from '../rules/schema.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * Policy: the choices the law leaves open (thresholds it does not fix, interpretations not verified).
 * Defaults live in `rules/policy.json`, each labelled; a caller overrides any of them per evaluator.
 */
export const PolicySchema = z
  .object({
    holidayRollover: z.boolean(),
    lateExtensionCures: z.boolean(),
    warningDays: z.number().int().min(0),
    promptlyDays: z.number().int().min(0),
    majorReportDays: z.number().int().min(0),
    repeatedPetitionThreshold: z.number().int().min(1),
    collectiveVisitThreshold: z.number().int().min(2),
    largeScaleThreshold: z.number().int().min(2),
    opinionExecutionDays: z.number().int().min(0),
    calendarCoverage: z.enum(['project', 'strict']),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyId = keyof Policy;

export const PolicyFileSchema = z
  .object({
    ...schemaKey,
    description: Bilingual,
    options: z.record(
      z.string(),
      z
        .object({
          default: z.union([z.boolean(), z.number(), z.string()]),
          status: z.enum(['policy', 'unverified-interpretation']),
          label: Bilingual,
          basis: z.array(z.string()).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type PolicyFile = z.infer<typeof PolicyFileSchema>;
