import { verifyReceipt as verifyWith, type Verification, type VerifyOptions } from '../receipt/verifyReceipt.js';
import { createEvaluator, type EvaluatorOptions } from './createEvaluator.js';

/**
 * `verifyReceipt` of `petition-rules/node`: the same check, with an evaluator that also reads pack
 * folders given in `packs` (as the command line's `verify --packs DIR` does).
 */
export function verifyReceipt(recorded: unknown, input: unknown, options: VerifyOptions<EvaluatorOptions> = {}): Promise<Verification> {
  return verifyWith(recorded, input, options, createEvaluator);
}
