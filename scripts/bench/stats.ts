/** Order statistics for the bench: a median of a few runs, percentiles of many latencies. */

/** The value at quantile `q` (0–1) of `values`, nearest rank; NaN for no values. */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: ArrayLike<number>): number => percentile(values, 0.5);
