import type { Assessment } from '../assessment/types.js';
import type { Lang } from '../case/validateCase.js';
import { compareAssessments, COMPARED_LISTS, type AssessmentComparison } from '../compare/compareAssessments.js';
import { formatPath } from '../errors/CaseValidationError.js';
import { createEvaluator, type Evaluator, type EvaluatorOptions } from '../evaluate/createEvaluator.js';
import type { Policy } from '../policy/policy.js';
import { answerHash } from './receipt.js';
import { receiptDifferences, type ReceiptDifference } from './receiptDifferences.js';
import { ReceiptSchema, type Receipt } from './schema.js';

/** The outcome of re-evaluating a case against its receipt. */
export interface Verification {
  /** True when the answer and everything it was made with are as recorded (the library version aside). */
  readonly reproduced: boolean;
  /** What differs from the receipt; a different library version alone does not stop `reproduced`. */
  readonly differences: readonly ReceiptDifference[];
  /** How the answer changed, when the recorded assessment was given (not only its receipt) and the answer differs. */
  readonly answer?: AssessmentComparison;
  /** The assessment made now, with its receipt. */
  readonly assessment: Assessment;
}

/** The evaluator options `verifyReceipt` takes: the jurisdiction and policy come from the receipt. */
export type VerifyOptions<O extends { readonly jurisdiction?: string; readonly policy?: Partial<Policy> } = EvaluatorOptions> = Omit<O, 'jurisdiction' | 'policy' | 'receipt'> & { readonly lang?: Lang };

/** How an evaluator is built from options: the core's `createEvaluator`, or `petition-rules/node`'s (which also reads pack folders). */
export type EvaluatorFactory<O> = (options: O) => Evaluator;

/** A recorded receipt, or an assessment carrying one: checked, with the assessment when there is one. */
export function readRecorded(recorded: unknown): { receipt: Receipt; assessment?: Assessment } {
  const holder = recorded !== null && typeof recorded === 'object' && 'receipt' in recorded ? (recorded as { receipt: unknown }) : undefined;
  const parsed = ReceiptSchema.safeParse(holder ? holder.receipt : recorded);
  if (!parsed.success) {
    const at = holder ? 'receipt' : '';
    const problems = parsed.error.issues.map((i) => `${[at, formatPath(i.path)].filter(Boolean).join('.') || '(root)'}: ${i.message}`);
    throw new TypeError(`not a petition-rules receipt: ${problems.join('; ')}`);
  }
  const assessment = holder && COMPARED_LISTS.every((l) => Array.isArray((holder as Record<string, unknown>)[l])) ? (holder as unknown as Assessment) : undefined;
  return { receipt: parsed.data, ...(assessment ? { assessment } : {}) };
}

/**
 * Re-evaluates a case as its receipt says it was evaluated — the same evaluation date, jurisdiction
 * and policy values, with the packs, calendar and directory given now — and reports whether the answer
 * was reproduced, or exactly what differs (a pack's part, a policy option, the calendar, the input,
 * the answer) and, when the whole recorded assessment is given, how the answer changed. A recorded
 * assessment whose answer no longer matches its own receipt (edited after it was made) is reported too.
 */
export async function verifyReceipt<O extends { readonly jurisdiction?: string; readonly policy?: Partial<Policy> } = EvaluatorOptions>(
  recorded: unknown,
  input: unknown,
  options: VerifyOptions<O> = {} as VerifyOptions<O>,
  build: EvaluatorFactory<O> = createEvaluator as unknown as EvaluatorFactory<O>,
): Promise<Verification> {
  const { receipt, assessment: before } = readRecorded(recorded);
  const { lang, ...rest } = options;
  const evaluatorOptions = rest as unknown as O;
  // The recorded values that differ from today's defaults, as overrides (a value left at its default
  // stays a default, so the assessment's policy list reads as it did); options unknown now are left
  // out and reported as differences.
  const defaults = new Map(build({ ...evaluatorOptions, ...(receipt.jurisdiction !== null ? { jurisdiction: receipt.jurisdiction } : {}) }).policy.map((p) => [p.id, p.value]));
  const policy = Object.fromEntries(Object.entries(receipt.policy).filter(([id, value]) => defaults.has(id) && defaults.get(id) !== value)) as Partial<Policy>;
  const evaluator = build({ ...evaluatorOptions, ...(receipt.jurisdiction !== null ? { jurisdiction: receipt.jurisdiction } : {}), policy });
  const now = await evaluator.evaluate(input, { asOf: receipt.asOf, receipt: true, ...(lang ? { lang } : {}) });
  const differences = [...receiptDifferences(receipt, now.receipt!)];
  if (before && answerHash(before) !== receipt.answer) {
    differences.push({
      what: 'answer',
      recorded: receipt.answer,
      now: answerHash(before),
      message: {
        en: `the recorded assessment does not match its own receipt (its answer hashes to ${answerHash(before)}, the receipt says ${receipt.answer}): it was changed after it was made`,
        zh: `所记录的评估结果与其凭据不符（其结果哈希为 ${answerHash(before)}，凭据记载 ${receipt.answer}）：评估结果在生成后被修改过`,
      },
    });
  }
  const answerDiffers = now.receipt!.answer !== receipt.answer;
  return {
    reproduced: differences.every((d) => d.what === 'library'),
    differences,
    ...(before && answerDiffers ? { answer: compareAssessments(before, now) } : {}),
    assessment: now,
  };
}
