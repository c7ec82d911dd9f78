import { Worker } from 'node:worker_threads';

/** The parse-and-serialise floor on some threads: records per second, all threads together. */
export interface FloorFigures {
  readonly serialiser: Serialiser['kind'];
  readonly threads: number;
  readonly recordsPerSecond: number;
  /** Average output record, in bytes (assessment with trace, as the audit writes it). */
  readonly recordBytes: number;
}

/**
 * How the floor writes each record: `JSON.stringify` of assessments produced beforehand (the floor the
 * targets name), `JSON.stringify` of their compact records (the compact audit's floor), or the built package's `evaluator.stringify` (the same bytes, faster, as the audit
 * writes them) of assessments each worker makes once with the compiled evaluator before the clock starts.
 */
export type Serialiser =
  | { readonly kind: 'JSON.stringify'; readonly assessmentsJson: string }
  | { readonly kind: 'compact'; readonly compactJson: string }
  | { readonly kind: 'evaluator.stringify'; readonly distIndexUrl: string; readonly directoryFile: string; readonly asOf: string };

interface Done {
  readonly done: number;
  readonly ms: number;
  readonly bytes: number;
}

/**
 * The floor no audit can beat: only `JSON.parse` of each input line and the serialising of its output
 * record, no evaluation and no I/O. Runs on `threads` worker threads at once (each with its own copy of
 * the corpus, started together after setup), for `seconds`; one thread is the per-core cost, all cores
 * the ceiling for a parallel audit.
 */
export async function measureFloor(lines: readonly string[], serialiser: Serialiser, threads: number, seconds: number): Promise<FloorFigures> {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./floorWorker.mjs', import.meta.url), { workerData: { lines, serialiser, seconds } }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    })));
    const results = await Promise.all(workers.map((w) => new Promise<Done>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage('go');
    })));
    const done = results.reduce((n, r) => n + r.done, 0);
    const ms = Math.max(...results.map((r) => r.ms));
    return { serialiser: serialiser.kind, threads, recordsPerSecond: (done / ms) * 1000, recordBytes: results.reduce((n, r) => n + r.bytes, 0) / done };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
