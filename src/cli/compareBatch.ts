import type { Assessment } from '../assessment/types.js';
import type { Lang } from '../case/validateCase.js';
import { compareAssessments } from '../compare/compareAssessments.js';
import { CaseValidationError, type InputIssue } from '../errors/CaseValidationError.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { addComparison, addCompareRejection, createCompareSummary, type CompareSummary } from './compareSummary.js';
import { linesOf, NOT_UTF8 } from './ndjsonBatches.js';

/** What every line of one comparison is assessed with. */
export interface CompareSettings {
  readonly asOf: string;
  readonly lang: Lang;
}

/** The two evaluators a comparison runs each case through. */
export interface EvaluatorPair {
  readonly base: Evaluator;
  readonly reform: Evaluator;
}

type Side = { readonly assessment: Assessment } | { readonly error: { readonly caseId?: string; readonly issues: readonly InputIssue[] } };

function failure(input: unknown, error: unknown): Side {
  const caseId = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
  const issues = error instanceof CaseValidationError ? error.issues : [{ path: '', message: (error as Error).message }];
  return { error: { ...(caseId !== undefined ? { caseId } : {}), issues } };
}

function assessSide(evaluator: Evaluator, input: unknown, options: CompareSettings): Side | Promise<Side> {
  if (evaluator.kind === 'compiled') {
    try {
      return { assessment: evaluator.evaluateSync(input, options) };
    } catch (error) {
      return failure(input, error);
    }
  }
  return evaluator.evaluate(input, options).then(
    (assessment) => ({ assessment }),
    (error: unknown) => failure(input, error),
  );
}

/** The record of a line both sides answered (or not): see `petition-rules compare --help` for the shapes. */
function record(line: number, base: Side, reform: Side, summary: CompareSummary): string {
  if ('assessment' in base && 'assessment' in reform) {
    const { caseId, changed, ...differences } = compareAssessments(base.assessment, reform.assessment);
    addComparison(summary, { caseId, changed, ...differences });
    return `${JSON.stringify({ line, caseId, changed, differences })}\n`;
  }
  if ('error' in base && 'error' in reform) {
    addCompareRejection(summary, 'both');
    return `${JSON.stringify({ line, error: base.error })}\n`;
  }
  const rejectedBy = 'error' in base ? 'base' : 'reform';
  const error = 'error' in base ? base.error : (reform as Extract<Side, { error: unknown }>).error;
  const caseId = 'assessment' in base ? base.assessment.caseId : (reform as Extract<Side, { assessment: unknown }>).assessment.caseId;
  addCompareRejection(summary, rejectedBy);
  return `${JSON.stringify({ line, caseId, changed: true, rejectedBy, error })}\n`;
}

/**
 * The record of one input line of a comparison, counted into `summary`: the case assessed by the base
 * and by the reform and the differences, or the problems that kept either side from an assessment (a
 * blank or unparseable line is rejected by both). Synchronous with two compiled evaluators.
 */
export function compareLine(text: string | typeof NOT_UTF8, line: number, pair: EvaluatorPair, settings: CompareSettings, summary: CompareSummary): string | Promise<string> {
  const { lang } = settings;
  const both = (message: string) => {
    addCompareRejection(summary, 'both');
    return `${JSON.stringify({ line, error: { issues: [{ path: '', message }] } })}\n`;
  };
  if (text === NOT_UTF8) return both(lang === 'zh' ? '不是有效的 UTF-8 文本' : 'not valid UTF-8 text');
  if (text.trim() === '') return both(lang === 'zh' ? '空行：没有案件' : 'blank line: no case');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return both(`${lang === 'zh' ? '不是有效的 JSON' : 'not valid JSON'}: ${(error as Error).message}`);
  }
  const options = { asOf: settings.asOf, lang };
  const base = assessSide(pair.base, input, options);
  const reform = assessSide(pair.reform, input, options);
  if (!(base instanceof Promise) && !(reform instanceof Promise)) return record(line, base, reform, summary);
  return Promise.all([base, reform]).then(([b, r]) => record(line, b, r, summary));
}

/** Compares a batch of whole input lines, handing each record to `emit` in input order; returns the batch's totals. */
export async function compareBatch(bytes: Uint8Array, firstLine: number, pair: EvaluatorPair, settings: CompareSettings, emit: (record: string) => void): Promise<CompareSummary> {
  const summary = createCompareSummary();
  const lines = linesOf(bytes, firstLine);
  for (let i = 0; i < lines.length; i++) {
    const r = compareLine(lines[i]!, firstLine + i, pair, settings, summary);
    emit(typeof r === 'string' ? r : await r);
  }
  return summary;
}
