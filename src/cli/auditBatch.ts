import type { Assessment } from '../assessment/types.js';
import type { Lang } from '../case/validateCase.js';
import { CaseValidationError, type InputIssue } from '../errors/CaseValidationError.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { CalendarCoverageError } from '../calendar/types.js';
import { addToReport } from '../report/reportData.js';
import { timeline } from '../timeline/timeline.js';
import { addAssessment, addRejection, createAuditSummary, type AuditSummary, type RejectionCause } from './auditSummary.js';
import type { AuditRecordKind } from './auditRecordKind.js';
import { linesOf, NOT_UTF8 } from './ndjsonBatches.js';

/** What every line of one audit is assessed with. */
export interface AuditSettings {
  readonly asOf: string;
  readonly lang: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace: boolean;
  /**
   * What each case's record holds: `full`, the assessment (`{"line":n,"assessment":…}`), or `compact`,
   * the compact record (`{"line":n,"compact":…}`) that `evaluator.expand` (or `petition-rules expand`)
   * turns back into exactly that assessment. Left out: `full`.
   */
  readonly record?: AuditRecordKind;
  /** Gather what `audit --report` draws (totals by organ and month, and the timelines of the cases it shows). */
  readonly report?: boolean;
}

/** One output record per input line: the assessment (or its compact record), or the problems that kept the line from one. */
export type AuditRecord =
  | { readonly line: number; readonly assessment: unknown }
  | { readonly line: number; readonly compact: unknown }
  | { readonly line: number; readonly error: { readonly caseId?: string; readonly issues: readonly InputIssue[] } };

function problem(message: string): InputIssue[] {
  return [{ path: '', message }];
}

function rejection(line: number, error: Extract<AuditRecord, { error: unknown }>['error'], summary: AuditSummary, cause?: RejectionCause): string {
  addRejection(summary, cause);
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
  if (settings.record === 'compact') {
    // Without the trace, the compact record has no `trace` either, and expands to the full record without one.
    const compact = settings.withoutTrace ? { ...evaluator.compact({ ...assessment, trace: [] }), trace: undefined } : evaluator.compact(assessment);
    return `{"line":${line},"compact":${JSON.stringify(compact)}}\n`;
  }
  // The same bytes as JSON.stringify({ line, assessment }), without building that object.
  return `{"line":${line},"assessment":${assessmentJson(assessment, evaluator, settings.withoutTrace)}}\n`;
}

/**
 * The record of a case the evaluator refused. A `CaseValidationError` lists the case's problems; a
 * `CalendarCoverageError` says the case needs dates the calendar does not reach (a property of the
 * case too). Anything else is a fault of the program, not of the line: it says "internal error" and is
 * counted apart, so the audit ends with the internal-error exit code instead of passing it off as bad input.
 */
function failed(line: number, input: unknown, error: unknown, settings: AuditSettings, summary: AuditSummary): string {
  const caseId = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
  const withId = (issues: readonly InputIssue[]) => ({ ...(caseId !== undefined ? { caseId } : {}), issues });
  if (error instanceof CaseValidationError) return rejection(line, withId(error.issues), summary);
  if (error instanceof CalendarCoverageError) return rejection(line, withId(problem(settings.lang === 'zh' ? error.reason.zh : error.message)), summary);
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return rejection(line, withId(problem(`${settings.lang === 'zh' ? '内部错误（程序故障，并非该行的问题）' : 'internal error (a fault of the program, not of this line)'}: ${what}`)), summary, 'internal-error');
}

/**
 * The records of a batch whose worker ran past the time limit and was stopped: one rejection per line,
 * naming the limit, so every line still has its record and the rest of the audit goes on.
 */
export function timedOutBatch(firstLine: number, lines: number, limitMs: number, lang: Lang, summary: AuditSummary): string {
  const last = firstLine + lines - 1;
  const range = lines > 1 ? `${firstLine}–${last}` : `${firstLine}`;
  const message =
    lang === 'zh'
      ? `未评估：本行所在批次（第 ${range} 行）超过每批时限 ${limitMs} 毫秒（--batch-timeout），其工作线程已被终止`
      : `not assessed: the batch holding ${lines > 1 ? `lines ${range}` : `line ${range}`} ran past the time limit of ${limitMs} ms a batch (--batch-timeout) and its worker was stopped`;
  let records = '';
  for (let line = firstLine; line <= last; line++) records += rejection(line, { issues: problem(message) }, summary, 'timed-out');
  return records;
}

/**
 * The record of one input line, counted into `summary`: `{"line":n,"assessment":…}`, or
 * `{"line":n,"error":{"caseId"?,"issues":[…]}}` for an invalid case, a line that is not JSON or not
 * UTF-8, or a blank line (never silently dropped). The compiled evaluator answers synchronously, and then so does this;
 * json-rules-engine gives a promise.
 */
export function auditLine(text: string | typeof NOT_UTF8, line: number, evaluator: Evaluator, settings: AuditSettings, summary: AuditSummary): string | Promise<string> {
  const { lang } = settings;
  if (text === NOT_UTF8) return rejection(line, { issues: problem(lang === 'zh' ? '不是有效的 UTF-8 文本' : 'not valid UTF-8 text') }, summary);
  if (text.trim() === '') return rejection(line, { issues: problem(lang === 'zh' ? '空行：没有案件' : 'blank line: no case') }, summary);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return rejection(line, { issues: problem(`${lang === 'zh' ? '不是有效的 JSON' : 'not valid JSON'}: ${(error as Error).message}`) }, summary);
  }
  // Without the trace in the output, none is built (the rest of the assessment is the same).
  const options = { asOf: settings.asOf, lang, ...(settings.withoutTrace ? { trace: false } : {}) };
  if (evaluator.kind === 'compiled') {
    try {
      return assessed(line, input, evaluator.evaluateSync(input, options), evaluator, settings, summary);
    } catch (error) {
      return failed(line, input, error, settings, summary);
    }
  }
  return evaluator.evaluate(input, options).then(
    (assessment) => assessed(line, input, assessment, evaluator, settings, summary),
    (error: unknown) => failed(line, input, error, settings, summary),
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
  const lines = linesOf(bytes, firstLine);
  for (let i = 0; i < lines.length; i++) {
    const record = auditLine(lines[i]!, firstLine + i, evaluator, settings, summary);
    emit(typeof record === 'string' ? record : await record);
  }
  return summary;
}
