import type { Assessment, Evaluator } from '../../src/index.js';
import { AS_OF } from './paths.js';
import { percentile } from './stats.js';

/** Throughput and per-call latency of one evaluator over the corpus. */
export interface EvaluateFigures {
  readonly evaluator: string;
  /** Distinct cases in the corpus, and calls measured (the corpus repeated). */
  readonly cases: number;
  readonly calls: number;
  readonly seconds: number;
  readonly casesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  /** Whether the assessments carry their trace (`trace: false` leaves it out, where the build offers it). */
  readonly trace: boolean;
  /** Cases the evaluator rejected (a generator bug if not 0). */
  readonly rejected: number;
}

export interface EvaluateRun {
  readonly figures: EvaluateFigures;
  /** Each case's assessment as JSON, from the first measured pass (to compare evaluators). */
  readonly json: readonly string[];
  /** Each case's assessment, from the first measured pass (the floor serialises these). */
  readonly assessments: readonly Assessment[];
}

/**
 * Evaluates the corpus one case at a time, timing every call with `performance.now()` after a warm-up
 * pass (so the figures are of optimised code): passes over the corpus are repeated until at least
 * `minSeconds` have been measured — one pass for json-rules-engine, many for the compiled evaluator.
 * The compiled evaluator is called through `evaluateSync`, json-rules-engine through `evaluate`.
 */
export async function measureEvaluate(evaluator: Evaluator, cases: readonly unknown[], options: { minSeconds: number; warmUp: number; trace?: boolean }): Promise<EvaluateRun> {
  const sync = evaluator.kind === 'compiled';
  const callOptions = { asOf: AS_OF, ...(options.trace === false ? { trace: false } : {}) };
  const one = sync ? (input: unknown) => evaluator.evaluateSync(input, callOptions) : (input: unknown) => evaluator.evaluate(input, callOptions);
  for (let i = 0; i < Math.min(options.warmUp, cases.length); i++) {
    try {
      await one(cases[i]);
    } catch {
      // counted in the measured pass
    }
  }

  const latencies: number[] = [];
  const json: string[] = [];
  const assessments: Assessment[] = [];
  let rejected = 0;
  let measured = 0;
  let pass = 0;
  while (pass === 0 || measured < options.minSeconds * 1000) {
    for (const input of cases) {
      const started = performance.now();
      let assessment: Assessment | undefined;
      try {
        assessment = sync ? (one(input) as Assessment) : await one(input);
      } catch {
        if (pass === 0) rejected++;
      }
      const ms = performance.now() - started;
      latencies.push(ms);
      measured += ms;
      if (pass === 0) {
        json.push(assessment ? JSON.stringify(assessment) : 'null');
        if (assessment) assessments.push(assessment);
      }
    }
    pass++;
  }
  const seconds = measured / 1000;
  return {
    figures: {
      evaluator: evaluator.kind ?? 'json-rules-engine',
      cases: cases.length,
      calls: latencies.length,
      seconds,
      casesPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      p999Ms: percentile(latencies, 0.999),
      maxMs: percentile(latencies, 1),
      trace: assessments.some((a) => a.trace.length > 0),
      rejected,
    },
    json,
    assessments,
  };
}
