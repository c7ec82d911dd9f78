import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { createEvaluator } from '../node/createEvaluator.js';
import type { AuditWorkerData } from './auditWorker.js';
import { compareBatch, type CompareSettings, type EvaluatorPair } from './compareBatch.js';
import type { CompareSummary } from './compareSummary.js';
import { RecordBytes } from './recordBytes.js';

/** What every compare worker is started with: the base's and the reform's evaluator options, as plain data. */
export interface CompareWorkerData {
  readonly base: AuditWorkerData['evaluator'];
  readonly reform: AuditWorkerData['evaluator'];
  readonly settings: CompareSettings;
}

/** One batch to compare: whole lines as bytes (transferred), and its first line's number. */
export interface CompareTask {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

/** A batch's records as UTF-8 bytes (transferred back) and the totals of its lines. */
export interface CompareTaskResult {
  readonly records: Uint8Array;
  readonly summary: CompareSummary;
}

const data = workerData as CompareWorkerData;
let pair: EvaluatorPair | undefined;
const records = new RecordBytes();

/**
 * A compare worker thread (run by the piscina pool of `compareInParallel`), as the audit's worker
 * is: builds its two evaluators on its first batch, then compares each batch's lines with the same
 * {@link compareBatch} the sequential path uses, and hands back the records already encoded.
 */
export default async function compareWorker(task: CompareTask): Promise<CompareTaskResult> {
  pair ??= { base: createEvaluator(data.base), reform: createEvaluator(data.reform) };
  records.discard();
  const summary = await compareBatch(task.bytes, task.firstLine, pair, data.settings, records.write);
  const bytes = records.take();
  const result: CompareTaskResult = { records: bytes, summary };
  return move({ get [transferableSymbol]() { return [bytes.buffer]; }, get [valueSymbol]() { return result; } }) as unknown as CompareTaskResult;
}
