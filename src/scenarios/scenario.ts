import * as z from 'zod';
import { Organ } from '../case/organ.js';
import { schemaKey } from '../util/schemaKey.js';

/**
 * A scenario: a case, an evaluation date and the outcomes the law requires, worked out by hand. It
 * reads like the law's own worked example, and the same file is run by this library's tests, by the
 * CLI's `test` command and by a user's own test suite.
 */

/**
 * What an assessment list must hold. An array is the exact set of ids (order ignored). The object form
 * can require items (each given field must match; `organ` matches an organ id, or a role's name when
 * the directory lacks the organ), require ids to be absent, or fix the exact id set.
 */
export const ListExpectation = z.union([
  z.array(z.string()),
  z
    .object({
      ids: z.array(z.string()).optional(),
      includes: z.array(z.record(z.string(), z.unknown())).optional(),
      excludes: z.array(z.string()).optional(),
    })
    .strict(),
]);
export type ListExpectation = z.infer<typeof ListExpectation>;

export const Expectations = z
  .object({
    /** Pack ids applied, in order. */
    packs: z.array(z.string()).optional(),
    responsibilities: ListExpectation.optional(),
    obligations: ListExpectation.optional(),
    escalations: ListExpectation.optional(),
    actions: ListExpectation.optional(),
    findings: ListExpectation.optional(),
    guidance: ListExpectation.optional(),
    /** The case must be rejected, with exactly these input paths named. */
    error: z.object({ paths: z.array(z.string()) }).strict().optional(),
  })
  .strict();
export type Expectations = z.infer<typeof Expectations>;

export const ScenarioSchema = z
  .object({
    ...schemaKey,
    title: z.string().min(1),
    /** How the expectation follows from the law: the hand-worked reasoning, with article references. */
    law: z.string().min(1),
    asOf: z.string(),
    /** A directory file (relative to the scenario file) or inline organs. */
    directory: z.union([z.string(), z.array(Organ)]).optional(),
    /** Evaluator options: a jurisdiction and policy overrides. */
    evaluator: z
      .object({
        jurisdiction: z.string().optional(),
        policy: z.record(z.string(), z.union([z.boolean(), z.number()])).optional(),
      })
      .strict()
      .optional(),
    case: z.unknown(),
    expect: Expectations,
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A scenario file holds one scenario or `{ "scenarios": [...] }`. */
export const ScenarioFileSchema = z.union([ScenarioSchema, z.object({ ...schemaKey, scenarios: z.array(ScenarioSchema).min(1) }).strict()]);
