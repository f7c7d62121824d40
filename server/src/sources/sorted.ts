/** Ascending arrays searched by bisection (the readers' linear-time lookups). */

/** The first index of the ascending `values` at `min` or after (`values.length` if none). */
export function firstFrom(values: readonly number[], min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
