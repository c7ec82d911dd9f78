import { Worker } from 'node:worker_threads';

/** The parse-and-serialise floor on some threads: records per second, all threads together. */
export interface FloorFigures {
  readonly threads: number;
  readonly recordsPerSecond: number;
  /** Average output record, in bytes (assessment with trace, as the audit writes it). */
  readonly recordBytes: number;
}

interface Done {
  readonly done: number;
  readonly ms: number;
  readonly bytes: number;
}

/**
 * The floor no audit can beat: only `JSON.parse` of each input line and `JSON.stringify` of its output
 * record (the same assessments, produced beforehand), no evaluation and no I/O. Runs on `threads`
 * worker threads at once (each with its own copy of the corpus, started together after setup), for
 * `seconds`; one thread is the per-core cost, all cores the ceiling for a parallel audit.
 */
export async function measureFloor(lines: readonly string[], assessmentsJson: string, threads: number, seconds: number): Promise<FloorFigures> {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./floorWorker.mjs', import.meta.url), { workerData: { lines, assessments: assessmentsJson, seconds } }));
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
    return { threads, recordsPerSecond: (done / ms) * 1000, recordBytes: results.reduce((n, r) => n + r.bytes, 0) / done };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
