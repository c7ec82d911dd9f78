import { workerData, type MessagePort } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Evaluator } from '../evaluate/createEvaluator.js';
import { createEvaluator, type EvaluatorOptions } from '../node/createEvaluator.js';
import { auditBatch, type AuditSettings } from './auditBatch.js';
import type { AuditSummary } from './auditSummary.js';
import { RecordBytes } from './recordBytes.js';

/** What every audit worker is started with: plain data, copied to each thread. */
export interface AuditWorkerData {
  /** The evaluator to build; only serialisable options (no calendar, no operator functions). */
  readonly evaluator: Omit<EvaluatorOptions, 'calendar' | 'operators'>;
  readonly settings: AuditSettings;
}

/**
 * One batch to audit: whole lines as bytes (transferred, not copied), and its first line's number;
 * where the batch has a time limit, a port on which the worker says when it starts on the batch, so
 * the limit counts from then (not from the time the batch waited in the queue).
 */
export interface AuditTask {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly started?: MessagePort;
}

/** A batch's records as UTF-8 bytes (transferred back, not copied) and the totals of its lines. */
export interface AuditTaskResult {
  readonly records: Uint8Array;
  readonly summary: AuditSummary;
}

const data = workerData as AuditWorkerData;
let evaluator: Evaluator | undefined;
// Piscina gives a worker one batch at a time (concurrentTasksPerWorker 1), so one buffer serves them all.
const records = new RecordBytes();

/**
 * An audit worker thread (run by the piscina pool of `auditInParallel`): builds its evaluator
 * once, on its first batch (so a failure to build rejects that batch instead of killing the thread),
 * then for each batch says it has started (the batch's time limit runs from then; past it the pool
 * stops this thread), and decodes, parses and assesses its lines with the same {@link auditBatch} as the
 * sequential audit, and hands back the records already encoded, so the main thread only writes bytes.
 */
export default async function auditWorker(task: AuditTask): Promise<AuditTaskResult> {
  evaluator ??= createEvaluator(data.evaluator);
  task.started?.postMessage('started');
  records.discard();
  let summary: AuditSummary;
  try {
    summary = await auditBatch(task.bytes, task.firstLine, evaluator, data.settings, records.write);
  } finally {
    task.started?.close();
  }
  const bytes = records.take();
  const result: AuditTaskResult = { records: bytes, summary };
  return move({ get [transferableSymbol]() { return [bytes.buffer]; }, get [valueSymbol]() { return result; } }) as unknown as AuditTaskResult;
}
