import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Lang } from '../case/validateCase.js';
import { createEvaluator } from '../node/createEvaluator.js';
import { PARALLEL_BATCH } from './auditInParallel.js';
import { AuditWorkerError } from './auditWorkerError.js';
import { compareBatch } from './compareBatch.js';
import { createCompareSummary, mergeCompareSummary, type CompareSummary } from './compareSummary.js';
import type { CompareTask, CompareTaskResult, CompareWorkerData } from './compareWorker.js';
import { write } from './io.js';
import { ndjsonBatches, type BatchLimits, type LineBatch } from './ndjsonBatches.js';

export interface CompareOptions {
  /** The base's evaluator options and the reform's: plain data only (each worker builds both). */
  readonly base: CompareWorkerData['base'];
  readonly reform: CompareWorkerData['reform'];
  readonly asOf: string;
  readonly lang?: Lang;
  /** Worker threads; default `os.availableParallelism()`. 0 compares in this thread (no workers). */
  readonly threads?: number;
  readonly batch?: Partial<BatchLimits>;
  /** Batches read but not yet written, at most; default 4 per thread. */
  readonly inFlight?: number;
  readonly onProgress?: (summary: CompareSummary, bytesRead: number) => void;
  /** The worker module; only tests give another. */
  readonly workerFile?: URL;
}

function defaultWorkerFile(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './compareWorker.ts' : './compareWorker.js', import.meta.url);
}

function execArgvFor(file: URL): string[] | undefined {
  if (!file.pathname.endsWith('.ts')) return undefined;
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

const WORKER_HEAP = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 512 } as const;

/**
 * Compares an NDJSON stream of cases under a base and a reform, on every core, the way
 * `auditInParallel` audits: the main thread cuts the input into batches of whole lines (bytes, never
 * decoded), a piscina pool of workers each holding the two evaluators compares them
 * (`compareWorker.ts`), and the records are written back in input order, oldest batch first, at most
 * `inFlight` batches held, waiting for `drain` — so memory stays flat however long the input. Both
 * sides' options are checked once here, before any worker starts. With `threads: 0` the same batches
 * are compared in this thread (the same bytes). A worker that fails stops the run with an
 * {@link AuditWorkerError} naming the lines it held.
 */
export async function compareInParallel(input: Readable, output: Writable, options: CompareOptions): Promise<CompareSummary> {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 0) throw new TypeError(`threads must be a whole number, not ${threads}`);
  const limits = { ...PARALLEL_BATCH, ...options.batch };
  const settings = { asOf: options.asOf, lang: options.lang ?? 'en' } as const;
  const pair = { base: createEvaluator(options.base), reform: createEvaluator(options.reform) }; // checks both sides' options once
  const summary = createCompareSummary();

  if (threads === 0) {
    for await (const batch of ndjsonBatches(input, limits)) {
      let records = '';
      mergeCompareSummary(summary, await compareBatch(batch.bytes, batch.firstLine, pair, settings, (r) => (records += r)));
      await write(output, records);
      options.onProgress?.(summary, batch.endByte);
    }
    return summary;
  }

  const inFlight = options.inFlight ?? 4 * threads;
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const execArgv = execArgvFor(workerFile);
  const workerData: CompareWorkerData = { base: options.base, reform: options.reform, settings };
  const pool = new Piscina<CompareTask, CompareTaskResult>({
    filename: workerFile.href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: Infinity,
    concurrentTasksPerWorker: 1,
    workerData,
    resourceLimits: WORKER_HEAP,
    ...(execArgv ? { execArgv } : {}),
  });
  let poolFailure: unknown;
  const waiting = new Set<(error: unknown) => void>();
  pool.on('error', (error: unknown) => {
    poolFailure ??= error;
    for (const fail of waiting) fail(error);
  });
  const submit = (batch: LineBatch) =>
    new Promise<CompareTaskResult>((resolve, reject) => {
      if (poolFailure !== undefined) return reject(poolFailure);
      waiting.add(reject);
      pool
        .run({ bytes: batch.bytes, firstLine: batch.firstLine }, { transferList: [batch.bytes.buffer as ArrayBuffer] })
        .then(resolve, reject)
        .finally(() => waiting.delete(reject));
    });

  const pending: Array<{ result: Promise<CompareTaskResult>; firstLine: number; lines: number; endByte: number }> = [];
  const writeOldest = async () => {
    const oldest = pending.shift()!;
    let done: CompareTaskResult;
    try {
      done = await oldest.result;
    } catch (error) {
      throw new AuditWorkerError(oldest.firstLine, oldest.lines, error);
    }
    mergeCompareSummary(summary, done.summary);
    await write(output, done.records);
    options.onProgress?.(summary, oldest.endByte);
  };
  try {
    for await (const batch of ndjsonBatches(input, limits)) {
      const result = submit(batch);
      result.catch(() => {});
      pending.push({ result, firstLine: batch.firstLine, lines: batch.lines, endByte: batch.endByte });
      while (pending.length >= inFlight) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool.destroy();
  }
  return summary;
}
