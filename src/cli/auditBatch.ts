import type { Assessment } from '../assessment/types.js';
import type { Lang } from '../case/validateCase.js';
import { CaseValidationError, type InputIssue } from '../errors/CaseValidationError.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { addAssessment, addRejection, createAuditSummary, type AuditSummary } from './auditSummary.js';
import { addToReport } from '../report/reportData.js';
import { timeline } from '../timeline/timeline.js';
import { linesOf } from './ndjsonBatches.js';

/** What every line of one audit is assessed with. */
export interface AuditSettings {
  readonly asOf: string;
  readonly lang: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace: boolean;
  /** Gather what `audit --report` draws (totals by organ and month, and the timelines of the cases it shows). */
  readonly report?: boolean;
}

/** One output record per input line: the assessment, or the problems that kept the line from one. */
export type AuditRecord =
  | { readonly line: number; readonly assessment: unknown }
  | { readonly line: number; readonly error: { readonly caseId?: string; readonly issues: readonly InputIssue[] } };

function problem(message: string): InputIssue[] {
  return [{ path: '', message }];
}

function rejection(line: number, error: Extract<AuditRecord, { error: unknown }>['error'], summary: AuditSummary): string {
  addRejection(summary);
  return `${JSON.stringify({ line, error } satisfies AuditRecord)}\n`;
}

const EMPTY_TRACE = ',"trace":[]}';

/**
 * An assessment as JSON through the evaluator's `stringify` (the bytes of `JSON.stringify`, faster);
 * without its trace, the bytes of `JSON.stringify({ ...assessment, trace: undefined })`: written with an
 * empty trace, which JSON ends with as the last member, then cut off.
 */
function assessmentJson(assessment: Assessment, evaluator: Evaluator, withoutTrace: boolean): string {
  if (!withoutTrace) return evaluator.stringify(assessment);
  const json = evaluator.stringify({ ...assessment, trace: [] });
  return json.endsWith(EMPTY_TRACE) ? `${json.slice(0, -EMPTY_TRACE.length)}}` : JSON.stringify({ ...assessment, trace: undefined });
}

function assessed(line: number, input: unknown, assessment: Assessment, evaluator: Evaluator, settings: AuditSettings, summary: AuditSummary): string {
  addAssessment(summary, assessment);
  if (summary.report) addToReport(summary.report, assessment, line, () => timeline(assessment, { lang: settings.lang, calendar: evaluator.calendar, case: input }));
  // The same bytes as JSON.stringify({ line, assessment }), without building that object.
  return `{"line":${line},"assessment":${assessmentJson(assessment, evaluator, settings.withoutTrace)}}\n`;
}

function failed(line: number, input: unknown, error: unknown, summary: AuditSummary): string {
  const caseId = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
  const issues = error instanceof CaseValidationError ? error.issues : problem((error as Error).message);
  return rejection(line, { ...(caseId !== undefined ? { caseId } : {}), issues }, summary);
}

/**
 * The record of one input line, counted into `summary`: `{"line":n,"assessment":…}`, or
 * `{"line":n,"error":{"caseId"?,"issues":[…]}}` for an invalid case, a line that is not JSON, or a blank
 * line (never silently dropped). The compiled evaluator answers synchronously, and then so does this;
 * json-rules-engine gives a promise.
 */
export function auditLine(text: string, line: number, evaluator: Evaluator, settings: AuditSettings, summary: AuditSummary): string | Promise<string> {
  const { lang } = settings;
  if (text.trim() === '') return rejection(line, { issues: problem(lang === 'zh' ? '空行：没有案件' : 'blank line: no case') }, summary);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return rejection(line, { issues: problem(`${lang === 'zh' ? '不是有效的 JSON' : 'not valid JSON'}: ${(error as Error).message}`) }, summary);
  }
  const options = { asOf: settings.asOf, lang };
  if (evaluator.kind === 'compiled') {
    try {
      return assessed(line, input, evaluator.evaluateSync(input, options), evaluator, settings, summary);
    } catch (error) {
      return failed(line, input, error, summary);
    }
  }
  return evaluator.evaluate(input, options).then(
    (assessment) => assessed(line, input, assessment, evaluator, settings, summary),
    (error: unknown) => failed(line, input, error, summary),
  );
}

/**
 * Audits a batch of whole input lines (see {@link linesOf} for what a line is): hands each line's record
 * to `emit` in input order, the moment it is made, and returns the totals of the batch's lines alone,
 * to be merged into the run's. The one place the sequential audit and the audit workers turn lines into
 * records, so both write the same bytes.
 */
export async function auditBatch(bytes: Uint8Array, firstLine: number, evaluator: Evaluator, settings: AuditSettings, emit: (record: string) => void): Promise<AuditSummary> {
  const summary = createAuditSummary(settings.report ?? false);
  const lines = linesOf(bytes);
  for (let i = 0; i < lines.length; i++) {
    const record = auditLine(lines[i]!, firstLine + i, evaluator, settings, summary);
    emit(typeof record === 'string' ? record : await record);
  }
  return summary;
}
