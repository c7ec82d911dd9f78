import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../case/validateCase.js';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { auditBatch } from './auditBatch.js';
import type { AuditRecordKind } from './auditRecordKind.js';
import { createAuditSummary, mergeAuditSummary, type AuditSummary } from './auditSummary.js';
import { write } from './io.js';
import { ndjsonBatches, type BatchLimits } from './ndjsonBatches.js';

export type { AuditRecord } from './auditBatch.js';

export interface AuditOptions {
  readonly evaluator: Evaluator;
  readonly asOf: string;
  readonly lang?: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace?: boolean;
  /** `full` (the default here): each record holds the assessment; `compact`: its compact record (see `AuditSettings.record`). */
  readonly record?: AuditRecordKind;
  /** Gather what `audit --report` draws. */
  readonly report?: boolean;
  /** Called after each batch of lines with the totals so far and the bytes of input consumed. */
  readonly onProgress?: (summary: AuditSummary, bytesRead: number) => void;
  /** How many lines (or bytes) are read and written at a time; small by default. */
  readonly batch?: Partial<BatchLimits>;
}

/** Lines are taken a few at a time: assessments with their trace are large, so batches stay short. */
export const DEFAULT_BATCH: BatchLimits = { lines: 64, bytes: 256 * 1024 };

/**
 * Audits an NDJSON stream of cases in this thread: each input line yields exactly one output line,
 * in input order — `{"line": n, "assessment": …}`, or `{"line": n, "error": {"issues": […]}}` for an
 * invalid case, a line that is not JSON or not UTF-8, or a blank line (never silently dropped). Reading pauses
 * while the output is full (`drain`), and only counters are kept, so memory stays flat however long
 * the input. The command line uses {@link auditInParallel} (worker threads), which writes the same bytes
 * and can also stop a batch that runs past a time limit; this one runs in the caller's thread, where a
 * runaway computation cannot be stopped.
 */
export async function audit(input: Readable, output: Writable, options: AuditOptions): Promise<AuditSummary> {
  const summary = createAuditSummary(options.report ?? false);
  const settings = { asOf: options.asOf, lang: options.lang ?? 'en', withoutTrace: options.withoutTrace ?? false, record: options.record ?? 'full', ...(options.report ? { report: true } : {}) };
  for await (const batch of ndjsonBatches(input, { ...DEFAULT_BATCH, ...options.batch })) {
    let records = '';
    mergeAuditSummary(summary, await auditBatch(batch.bytes, batch.firstLine, options.evaluator, settings, (record) => (records += record)));
    await write(output, records);
    options.onProgress?.(summary, batch.endByte);
  }
  return summary;
}
