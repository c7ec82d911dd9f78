import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** What one bench run measures, from its command-line flags. */
export interface BenchOptions {
  /** Cases through the end-to-end audit (`--cases`; the peak-RSS target is for 1,000,000). */
  readonly cases: number;
  /** Cases in the evaluate corpus: json-rules-engine evaluates each once; the compiled evaluator repeats them. */
  readonly corpus: number;
  /** The compiled evaluator and the floor run at least this long. */
  readonly minSeconds: number;
  /** Fresh processes timed for start-up (the median is reported). */
  readonly startups: number;
  /** Worker threads for the parallel audit and the all-cores floor. */
  readonly threads: number;
  /** Rounds of the audits, each followed by its floor (medians are reported). */
  readonly rounds: number;
  /** Generator seed: the same seed gives the same cases. */
  readonly seed: number;
  readonly quick: boolean;
}

const USAGE = `npm run bench [-- --cases N] [--rounds N] [--quick] [--seed N] [--threads N]

  --cases N     cases through the end-to-end audit (default 200000; the RSS targets are for 1000000)
  --rounds N    rounds of the audits, each followed by its floor (default 3; medians)
  --quick       a fast smoke run with small numbers (not for the README figures)
  --seed N      generator seed (default 1)
  --threads N   worker threads for the audit and the all-cores floor (default: all cores)`;

/** Parses `npm run bench -- …` flags; `--quick` shrinks every section for a smoke run. */
export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, raw: string | undefined, fallback: number) => {
    const n = raw === undefined ? fallback : Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number ≥ 1, not "${raw}"\n\n${USAGE}`);
    return n;
  };
  const quick = values.quick ?? false;
  return {
    cases: whole('cases', values.cases, quick ? 20_000 : 200_000),
    corpus: quick ? 500 : 3_000,
    minSeconds: quick ? 0.5 : 2,
    startups: quick ? 3 : 7,
    rounds: whole('rounds', values.rounds, quick ? 1 : 3),
    threads: whole('threads', values.threads, availableParallelism()),
    seed: whole('seed', values.seed, 1),
    quick,
  };
}
