// Every customer's status at every period end of the loss-dynamics table (SPEC §7), from one pass
// over each customer's rows in day order — not a segmentation per period end. Walking the rows,
// the pass closes each period end as the rows pass it: the purchase days so far give the last
// purchase and the median gap of the purchase days up to that end. The median of a growing list of
// gaps is kept by inserting each new gap into a sorted buffer, so no end sorts anything.
//
// A customer with one purchase day up to an end is judged by the population's typical gap at that
// end (the median gap of all customers with two or more by then), known only once every customer
// has been passed: those are judged after the pass.

import { giveBack, take } from '../basics/scratch';
import { medianInPlace, DEFAULT_GAP_DAYS } from '../rules/typical-gap';
import { NO_STATUS, statusAt } from '../rules/status-at';
import type { Grouped } from '../aggregate/group-rows';
import type { SegmentOptions } from '../types';

export const NO_DAY = -2147483648;
/** Judged after the pass (one purchase day: the population's gap decides). */
const PENDING = 255;

export interface PeriodStatuses {
  /** Period ends e(p): ends[0] is the end of the period before the table's first row. */
  ends: Int32Array;
  customers: number;
  /** Status code (rules/lifecycle.ts; NO_STATUS) of customer c at end j, at j × customers + c. */
  status: Uint8Array;
  /** Last purchase day up to end j (NO_DAY: none), at j × customers + c. */
  last: Int32Array;
  /** First purchase day of each customer (NO_DAY: none within the rows). */
  first: Int32Array;
  /** The population's typical gap at each end. */
  populationGap: Float64Array;
}

/** Insert x into the sorted s[0 … n−1]; the buffer must have room for one more. */
function insertSorted(s: Int32Array, n: number, x: number): void {
  let lo = 0;
  let hi = n;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid] <= x) lo = mid + 1; else hi = mid; }
  if (lo < n) s.copyWithin(lo + 1, lo, n);
  s[lo] = x;
}

/** The median of the sorted s[0 … n−1] (n ≥ 1), as rules/typical-gap.ts computes it. */
const sortedMedian = (s: Int32Array, n: number): number => (n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2);

/**
 * The statuses at `ends` (ascending days) of the customers of the regrouped rows. Only rows dated
 * up to the last end are read; purchase days are dates with a positive line (SPEC §4).
 */
export function periodStatuses(grouped: Grouped, customers: number, ends: Int32Array, o: SegmentOptions): PeriodStatuses {
  const J = ends.length;
  const C = customers;
  const { start, day, amount } = grouped;
  const status = new Uint8Array(J * C);
  const last = new Int32Array(J * C);
  const first = new Int32Array(C);
  // each end's gaps of the customers with two or more purchase days, for the population's median
  const gapsAt = take('dynamics.gaps', Float64Array, J * C);
  const gapCount = new Int32Array(J);
  let sorted = new Int32Array(64);
  for (let c = 0; c < C; c++) {
    let n = 0; // purchase days so far
    let firstBuy = NO_DAY;
    let lastBuy = NO_DAY;
    let k = start[c];
    const kEnd = start[c + 1];
    for (let j = 0; j < J; j++) {
      const e = ends[j];
      // the rows up to this end (rows come in day order)
      for (; k < kEnd && day[k] <= e; k++) {
        const d = day[k];
        if (!(amount[k] > 0) || d === lastBuy) continue;
        if (n === 0) firstBuy = d;
        else {
          if (n > sorted.length) { const more = new Int32Array(sorted.length * 2); more.set(sorted); sorted = more; }
          insertSorted(sorted, n - 1, d - lastBuy);
        }
        n++;
        lastBuy = d;
      }
      const at = j * C + c;
      last[at] = lastBuy;
      if (n === 0) status[at] = NO_STATUS;
      else if (n === 1) status[at] = PENDING;
      else {
        const gap = sortedMedian(sorted, n - 1);
        gapsAt[j * C + gapCount[j]++] = gap;
        status[at] = statusAt(e, firstBuy, lastBuy, gap, NaN, o);
      }
    }
    first[c] = firstBuy;
  }
  const populationGap = new Float64Array(J);
  for (let j = 0; j < J; j++) populationGap[j] = gapCount[j] ? medianInPlace(gapsAt.subarray(j * C, j * C + gapCount[j]), gapCount[j]) : DEFAULT_GAP_DAYS;
  giveBack('dynamics.gaps', gapsAt);
  // the customers with one purchase day, judged by the population's gap at each end
  for (let j = 0; j < J; j++) {
    const row = j * C;
    for (let c = 0; c < C; c++) {
      if (status[row + c] === PENDING) status[row + c] = statusAt(ends[j], first[c], last[row + c], NaN, populationGap[j], o);
    }
  }
  return { ends, customers: C, status, last, first, populationGap };
}
