import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../case/validateCase.js';
import { CaseValidationError, type InputIssue } from '../errors/CaseValidationError.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { addAssessment, addRejection, createAuditSummary, type AuditSummary } from './auditSummary.js';
import { write } from './io.js';
import { readLines } from './readLines.js';

export interface AuditOptions {
  readonly evaluator: Evaluator;
  readonly asOf: string;
  readonly lang?: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace?: boolean;
  /** Called after each line with the totals so far and the bytes of input consumed. */
  readonly onProgress?: (summary: AuditSummary, bytesRead: number) => void;
}

/** One output record per input line: the assessment, or the problems that kept the line from one. */
export type AuditRecord =
  | { readonly line: number; readonly assessment: unknown }
  | { readonly line: number; readonly error: { readonly caseId?: string; readonly issues: readonly InputIssue[] } };

function problem(message: string): InputIssue[] {
  return [{ path: '', message }];
}

/**
 * Audits an NDJSON stream of cases: each input line yields exactly one output line, in input order —
 * `{"line": n, "assessment": …}`, or `{"line": n, "error": {"issues": […]}}` for an invalid case, a line
 * that is not JSON, or a blank line (never silently dropped). Reading pauses while the output is
 * full (`drain`), and only counters are kept, so memory stays flat however long the input.
 */
export async function audit(input: Readable, output: Writable, options: AuditOptions): Promise<AuditSummary> {
  const summary = createAuditSummary();
  const lang = options.lang ?? 'en';
  let line = 0;
  let bytes = 0;
  for await (const text of readLines(input)) {
    line++;
    bytes += Buffer.byteLength(text) + 1;
    let record: AuditRecord;
    if (text.trim() === '') {
      record = { line, error: { issues: problem(lang === 'zh' ? '空行：没有案件' : 'blank line: no case') } };
    } else {
      let input: unknown;
      let parsed = true;
      try {
        input = JSON.parse(text);
      } catch (error) {
        parsed = false;
        record = { line, error: { issues: problem(`${lang === 'zh' ? '不是有效的 JSON' : 'not valid JSON'}: ${(error as Error).message}`) } };
      }
      if (parsed) {
        try {
          const assessment = await options.evaluator.evaluate(input, { asOf: options.asOf, lang });
          addAssessment(summary, assessment);
          record = { line, assessment: options.withoutTrace ? { ...assessment, trace: undefined } : assessment };
        } catch (error) {
          const caseId = typeof (input as { id?: unknown } | null)?.id === 'string' ? (input as { id: string }).id : undefined;
          const issues = error instanceof CaseValidationError ? error.issues : problem((error as Error).message);
          record = { line, error: { ...(caseId !== undefined ? { caseId } : {}), issues } };
        }
      }
    }
    if ('error' in record!) addRejection(summary);
    await write(output, `${JSON.stringify(record!)}\n`);
    options.onProgress?.(summary, bytes);
  }
  return summary;
}
