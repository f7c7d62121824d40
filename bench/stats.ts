/** Small statistics helpers for the benchmarks. */

/** The p-th percentile (0–100) of `values`, linearly interpolated between ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** The geometric mean: the right average for ratios. */
export function geomean(values: readonly number[]): number {
  if (!values.length) return NaN;
  return Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
}

export const MB = 1024 * 1024;
