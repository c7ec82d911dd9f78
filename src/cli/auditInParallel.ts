import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Lang } from '../case/validateCase.js';
import { createEvaluator } from '../node/createEvaluator.js';
import { createAuditSummary, mergeAuditSummary, type AuditSummary } from './auditSummary.js';
import type { AuditTask, AuditTaskResult, AuditWorkerData } from './auditWorker.js';
import { AuditWorkerError } from './auditWorkerError.js';
import { write } from './io.js';
import { ndjsonBatches, type BatchLimits, type LineBatch } from './ndjsonBatches.js';

export interface ParallelAuditOptions {
  /** The evaluator each worker builds: plain data only (directory array, jurisdiction, pack folders or data, policy, evaluator kind). */
  readonly evaluator: AuditWorkerData['evaluator'];
  readonly asOf: string;
  readonly lang?: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace?: boolean;
  /** Gather what `audit --report` draws. */
  readonly report?: boolean;
  /** Worker threads; default `os.availableParallelism()`. */
  readonly threads?: number;
  /** How many lines (or bytes) make a batch, the unit of work a worker takes. */
  readonly batch?: Partial<BatchLimits>;
  /** Batches read but not yet written, at most; default 4 per thread. Reading pauses at this bound. */
  readonly inFlight?: number;
  /** Called after each batch is written with the totals so far and the bytes of input consumed. */
  readonly onProgress?: (summary: AuditSummary, bytesRead: number) => void;
  /** The worker module; only tests give another. */
  readonly workerFile?: URL;
}

/**
 * A batch is a few dozen lines: assessments with their trace run to tens of kilobytes, so this keeps
 * each worker's answer under a megabyte (and what is in flight small), while a batch still costs far
 * more to assess than to hand over.
 */
export const PARALLEL_BATCH: BatchLimits = { lines: 32, bytes: 256 * 1024 };

/**
 * Each worker's heap limits. Left to V8, a worker's heap is sized for a process with gigabytes to
 * spare: semi-spaces of 16 MB, and old-generation garbage let grow to around 100 MB before the first
 * full collections, while what a worker keeps is about 16 MB (its evaluator, with the built-in packs).
 * A young generation of 24 MB (semi-spaces of about 8 MB) costs no speed, because a worker's records
 * die young (written out as they are made); an old-generation ceiling, even one as far above that as
 * 512 MB, makes V8 collect early. Together they take 50–70 MB off the peak RSS of a two-thread audit
 * (about 300 MB down to 240–255 MB over 100,000 generated cases).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 512 } as const;

/** The worker next to this module: `auditWorker.js` in the build, `auditWorker.ts` from the sources. */
function defaultWorkerFile(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './auditWorker.ts' : './auditWorker.js', import.meta.url);
}

/** A TypeScript worker (the sources, under tsx or vitest) is loaded through tsx, as the sources are. */
function execArgvFor(file: URL): string[] | undefined {
  if (!file.pathname.endsWith('.ts')) return undefined;
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** Positive whole numbers only, for thread and batch counts. */
function count(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${what} must be a whole number of at least 1, not ${value}`);
  return value;
}

/**
 * Audits an NDJSON stream of cases on every core and writes exactly the bytes the sequential
 * `audit()` (./audit.ts) writes. The main thread only cuts the input into batches of whole lines (as bytes,
 * never decoded), hands each to a worker thread of a piscina pool (the buffer is transferred, not
 * copied), and writes the encoded records it gets back — in input order, oldest batch first, so the
 * queue of batches in flight is the reorder buffer. At most `inFlight` batches are read and not yet
 * written: reading pauses there, and writing waits for `drain`, so memory stays flat however long the
 * input. The evaluator options are checked here by building one evaluator before any worker starts,
 * so a bad pack folder fails once, with the usual message. A worker that fails or dies fails the audit
 * with an {@link AuditWorkerError}; no line is dropped silently and nothing waits forever.
 */
export async function auditInParallel(input: Readable, output: Writable, options: ParallelAuditOptions): Promise<AuditSummary> {
  const threads = count(options.threads ?? availableParallelism(), 'threads');
  const inFlight = count(options.inFlight ?? 4 * threads, 'inFlight');
  const limits = { ...PARALLEL_BATCH, ...options.batch };
  count(limits.lines, 'batch lines');
  count(limits.bytes, 'batch bytes');
  createEvaluator(options.evaluator); // only to check the options here, once; each worker builds its own

  const workerFile = options.workerFile ?? defaultWorkerFile();
  const execArgv = execArgvFor(workerFile);
  const workerData: AuditWorkerData = {
    evaluator: options.evaluator,
    settings: { asOf: options.asOf, lang: options.lang ?? 'en', withoutTrace: options.withoutTrace ?? false, ...(options.report ? { report: true } : {}) },
  };
  const pool = new Piscina<AuditTask, AuditTaskResult>({
    filename: workerFile.href,
    // One worker at first, more as batches queue up: a short input starts only what it needs.
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: Infinity,
    // One batch at a time per worker: a worker keeps one buffer for the records it writes.
    concurrentTasksPerWorker: 1,
    workerData,
    resourceLimits: WORKER_HEAP,
    ...(execArgv ? { execArgv } : {}),
  });
  // A worker that fails outside a task (at start-up, say) is reported on the pool, not on a task: it
  // fails every batch still waiting. (Not a Promise.race against one never-settled promise: each race
  // would stay attached to it, holding its batch's records, and memory would grow with the input.)
  let poolFailure: unknown;
  const waiting = new Set<(error: unknown) => void>();
  pool.on('error', (error: unknown) => {
    poolFailure ??= error;
    for (const fail of waiting) fail(error);
  });
  const submit = (batch: LineBatch) =>
    new Promise<AuditTaskResult>((resolve, reject) => {
      if (poolFailure !== undefined) return reject(poolFailure);
      waiting.add(reject);
      pool
        .run({ bytes: batch.bytes, firstLine: batch.firstLine }, { transferList: [batch.bytes.buffer as ArrayBuffer] })
        .then(resolve, reject)
        .finally(() => waiting.delete(reject));
    });

  const summary = createAuditSummary(options.report ?? false);
  const pending: Array<{ result: Promise<AuditTaskResult>; firstLine: number; lines: number; endByte: number }> = [];
  const writeOldest = async () => {
    const oldest = pending.shift()!;
    let done: AuditTaskResult;
    try {
      done = await oldest.result;
    } catch (error) {
      throw new AuditWorkerError(oldest.firstLine, oldest.lines, error);
    }
    mergeAuditSummary(summary, done.summary);
    await write(output, done.records);
    options.onProgress?.(summary, oldest.endByte);
  };
  try {
    for await (const batch of ndjsonBatches(input, limits)) {
      const result = submit(batch);
      result.catch(() => {}); // reported when its turn to be written comes
      pending.push({ result, firstLine: batch.firstLine, lines: batch.lines, endByte: batch.endByte });
      while (pending.length >= inFlight) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool.destroy();
  }
  return summary;
}
