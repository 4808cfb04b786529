// Lifecycle: how long since the last purchase compared with the customer's usual rhythm.

import type { SegmentOptions, Status } from './types';

/** Median of a numeric list (sorts a copy). */
export function median(values: ArrayLike<number>): number | null {
  return values.length ? medianInPlace(Float64Array.from(values), values.length) : null;
}

/** Median of the first n values of a scratch buffer, which it sorts. */
export function medianInPlace(s: Float64Array, n: number): number {
  if (n <= 24) {
    // insertion sort: most customers have a handful of gaps, and this path allocates nothing
    for (let i = 1; i < n; i++) {
      const x = s[i];
      let j = i - 1;
      while (j >= 0 && s[j] > x) { s[j + 1] = s[j]; j--; }
      s[j + 1] = x;
    }
  } else s.subarray(0, n).sort();
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Typical gap used when a customer has a single purchase day and nobody has two. */
export const DEFAULT_GAP_DAYS = 90;

/** Status from recency (days), typical gap (days) and age (days since the first purchase). */
export function lifecycleStatus(recency: number, gap: number, age: number, o: SegmentOptions): Status {
  const lapse = recency / gap;
  if (lapse >= o.lostLapse && recency >= o.lostDays) return 'Lost';
  if (lapse >= o.riskLapse && recency >= o.riskDays) return 'At risk';
  if (age <= o.newDays) return 'New';
  return 'Active';
}
