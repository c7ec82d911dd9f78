import * as z from 'zod';
import { isIsoDate } from '../dates/isoDate.js';

const Hash = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be a content hash written sha256:<64 lowercase hex digits>');

/** One applied pack in a receipt: its id and role, the hash of its content, and of each part. */
export const ReceiptPackSchema = z.strictObject({
  id: z.string().min(1),
  role: z.enum(['principles', 'procedure', 'jurisdiction']),
  /** Hash of `{ manifest, parameters, rules }`: the whole of the pack that bears on an assessment. */
  hash: Hash,
  manifest: Hash,
  parameters: Hash,
  /** Hash of the rules in evaluation order, each as its data (without where its file lay). */
  rules: Hash,
});
export type ReceiptPack = z.infer<typeof ReceiptPackSchema>;

/**
 * A receipt: what an assessment was made with, so that it can be reproduced, or the difference
 * shown, years later — the library version, each applied pack's content hash, the policy values,
 * the calendar data's hash and the years projected, the organ directory's hash, the evaluation date,
 * and hashes of the input case and of the answer. Every hash is SHA-256 of canonical JSON (`method`).
 * The evaluator kind is not recorded: both evaluators give the same assessment, receipt included.
 */
export const ReceiptSchema = z.strictObject({
  format: z.literal('petition-rules-receipt/1'),
  library: z.strictObject({ name: z.string(), version: z.string() }),
  method: z.strictObject({ algorithm: z.literal('sha256'), canonicalisation: z.string() }),
  asOf: z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD'),
  /** The jurisdiction asked for (its packs are among `packs` when in force), or null. */
  jurisdiction: z.string().nullable(),
  /** Hash of the input case as given (parsed JSON). */
  input: Hash,
  /** Hash of the organ directory the evaluator was given (the case's own `organs` are part of the input). */
  directory: Hash,
  packs: z.array(ReceiptPackSchema),
  /** Every policy option's value. */
  policy: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
  calendar: z.strictObject({
    id: z.string(),
    /** Hash of the notice data and the projection data; null for a calendar given as an object, whose data is unknown. */
    hash: Hash.nullable(),
    coverage: z.strictObject({ from: z.number().int(), to: z.number().int() }),
    /** The years after the notice data that the assessment's dates were projected in, ascending. */
    projected: z.array(z.number().int()),
  }),
  /** Names of extra condition operators the evaluator was given (their code cannot be hashed). */
  operators: z.array(z.string()),
  /** Hash of the assessment without its `trace`, `policy` (recorded above) and `receipt`: the answer itself. */
  answer: Hash,
});
export type Receipt = z.infer<typeof ReceiptSchema>;
