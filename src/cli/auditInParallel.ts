import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Lang } from '../case/validateCase.js';
import { createEvaluator } from '../node/createEvaluator.js';
import { timedOutBatch } from './auditBatch.js';
import type { AuditRecordKind } from './auditRecordKind.js';
import { createAuditSummary, mergeAuditSummary, type AuditSummary } from './auditSummary.js';
import type { AuditTask, AuditTaskResult, AuditWorkerData } from './auditWorker.js';
import { AuditWorkerError } from './auditWorkerError.js';
import { InputError } from './exitCodes.js';
import { write } from './io.js';
import { ndjsonBatches, type BatchLimits, type LineBatch } from './ndjsonBatches.js';

export interface ParallelAuditOptions {
  /** The evaluator each worker builds: plain data only (directory array, jurisdiction, pack folders or data, policy, evaluator kind). */
  readonly evaluator: AuditWorkerData['evaluator'];
  readonly asOf: string;
  readonly lang?: Lang;
  /** Leave the rule trace out of each assessment (smaller output). */
  readonly withoutTrace?: boolean;
  /** `full` (the default here): each record holds the assessment; `compact`: its compact record (see `AuditSettings.record`). */
  readonly record?: AuditRecordKind;
  /** Gather what `audit --report` draws. */
  readonly report?: boolean;
  /** Worker threads; default `os.availableParallelism()`. */
  readonly threads?: number;
  /** How many lines (or bytes) make a batch, the unit of work a worker takes. */
  readonly batch?: Partial<BatchLimits>;
  /** Batches read but not yet written, at most; default 4 per thread. Reading pauses at this bound. */
  readonly inFlight?: number;
  /**
   * How long a worker may take over one batch, in milliseconds, counted from the moment it starts on
   * the batch; past it the worker thread is stopped, the batch's lines are written as rejections saying
   * so, and the audit goes on with a fresh worker. `0` sets no limit. Default {@link DEFAULT_BATCH_TIMEOUT_MS}.
   */
  readonly batchTimeoutMs?: number;
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
 * Compact records are about a fifth of that, so a batch takes eight times the lines: fewer hand-overs
 * between threads for the same megabyte of answers.
 */
export const PARALLEL_COMPACT_BATCH: BatchLimits = { lines: 256, bytes: 256 * 1024 };

/**
 * A minute a batch: a batch of a few dozen cases takes milliseconds (a second or two with the
 * json-rules-engine evaluator on a busy machine), so only a batch that will not end reaches it, and a
 * slow machine never does.
 */
export const DEFAULT_BATCH_TIMEOUT_MS = 60_000;

/** The reason a batch's task is aborted when it runs past its time limit. */
const TIMED_OUT = Symbol('batch timed out');

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

/**
 * Compact records are a seventh of a full one's bytes, so what a batch leaves young is smaller too: a
 * young generation of 8 MB takes another 15–20 MB off a two-thread audit's peak RSS (about 268 down to
 * 251 MB over 30,000 cases) at no cost in speed.
 */
const COMPACT_WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 } as const;

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
 * so a bad pack folder fails once, with the usual message. A worker that runs past the time limit on a
 * batch is stopped, and that batch's lines are written as rejections saying so (the audit goes on); a
 * worker that fails or dies otherwise fails the audit with an {@link AuditWorkerError}. No line is
 * dropped silently and nothing waits forever.
 */
export async function auditInParallel(input: Readable, output: Writable, options: ParallelAuditOptions): Promise<AuditSummary> {
  const threads = count(options.threads ?? availableParallelism(), 'threads');
  const inFlight = count(options.inFlight ?? 4 * threads, 'inFlight');
  const record = options.record ?? 'full';
  const limits = { ...(record === 'compact' ? PARALLEL_COMPACT_BATCH : PARALLEL_BATCH), ...options.batch };
  count(limits.lines, 'batch lines');
  count(limits.bytes, 'batch bytes');
  const timeoutMs = options.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0) throw new TypeError(`batchTimeoutMs must be a whole number of milliseconds (0 for no limit), not ${timeoutMs}`);
  try {
    createEvaluator(options.evaluator); // only to check the options here, once; each worker builds its own
  } catch (error) {
    // The evaluator's own checks of its options (directory, policy, jurisdiction) are bad input here.
    if (error instanceof TypeError) throw new InputError(error.message, { cause: error });
    throw error;
  }

  const workerFile = options.workerFile ?? defaultWorkerFile();
  const execArgv = execArgvFor(workerFile);
  const workerData: AuditWorkerData = {
    evaluator: options.evaluator,
    settings: { asOf: options.asOf, lang: options.lang ?? 'en', withoutTrace: options.withoutTrace ?? false, record, ...(options.report ? { report: true } : {}) },
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
    resourceLimits: record === 'compact' ? COMPACT_WORKER_HEAP : WORKER_HEAP,
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
  // A batch with a time limit carries a port on which its worker says it has started; the clock starts
  // then, and at the limit the task is aborted, which makes piscina stop that worker thread.
  const submit = (batch: LineBatch, abort: AbortController | undefined) =>
    new Promise<AuditTaskResult>((resolve, reject) => {
      if (poolFailure !== undefined) return reject(poolFailure);
      waiting.add(reject);
      let timer: NodeJS.Timeout | undefined;
      const channel = abort ? new MessageChannel() : undefined;
      channel?.port1.once('message', () => (timer = setTimeout(() => abort!.abort(TIMED_OUT), timeoutMs)));
      const task: AuditTask = { bytes: batch.bytes, firstLine: batch.firstLine, ...(channel ? { started: channel.port2 } : {}) };
      pool
        .run(task, { transferList: [batch.bytes.buffer as ArrayBuffer, ...(channel ? [channel.port2] : [])], ...(abort ? { signal: abort.signal } : {}) })
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          channel?.port1.close();
          waiting.delete(reject);
        });
    });

  const summary = createAuditSummary(options.report ?? false);
  const pending: Array<{ result: Promise<AuditTaskResult>; abort: AbortController | undefined; firstLine: number; lines: number; endByte: number }> = [];
  const writeOldest = async () => {
    const oldest = pending.shift()!;
    let done: AuditTaskResult;
    try {
      done = await oldest.result;
    } catch (error) {
      if (oldest.abort?.signal.reason !== TIMED_OUT) throw new AuditWorkerError(oldest.firstLine, oldest.lines, error);
      const part = createAuditSummary();
      const records = timedOutBatch(oldest.firstLine, oldest.lines, timeoutMs, workerData.settings.lang, part);
      done = { records: Buffer.from(records, 'utf8'), summary: part };
    }
    mergeAuditSummary(summary, done.summary);
    await write(output, done.records);
    options.onProgress?.(summary, oldest.endByte);
  };
  try {
    for await (const batch of ndjsonBatches(input, limits)) {
      const abort = timeoutMs > 0 ? new AbortController() : undefined;
      const result = submit(batch, abort);
      result.catch(() => {}); // reported when its turn to be written comes
      pending.push({ result, abort, firstLine: batch.firstLine, lines: batch.lines, endByte: batch.endByte });
      while (pending.length >= inFlight) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool.destroy();
  }
  return summary;
}
