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
  /**
   * Status code (rules/lifecycle.ts; NO_STATUS) of customer c at end j, at c × ends + j: a
   * customer's ends side by side, as the pass writes them and the counting reads them.
   */
  status: Uint8Array;
  /** Last purchase day up to end j (NO_DAY: none), at c × ends + j. */
  last: Int32Array;
  /** First purchase day of each customer (NO_DAY: none within the rows). */
  first: Int32Array;
  /** The population's typical gap at each end. */
  populationGap: Float64Array;
}

/**
 * Insert x into the sorted s[0 … n−1]; the buffer must have room for one more. Shifted by hand:
 * a customer has a handful of gaps, too few for copyWithin's call to pay.
 */
function insertSorted(s: Int32Array, n: number, x: number): void {
  let k = n;
  while (k > 0 && s[k - 1] > x) { s[k] = s[k - 1]; k--; }
  s[k] = x;
}

/** The median of the sorted s[0 … n−1] (n ≥ 1), as rules/typical-gap.ts computes it. */
function sortedMedian(s: Int32Array, n: number): number {
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * The statuses at `ends` (ascending days) of the customers of the regrouped rows. Only rows dated
 * up to the last end are read; purchase days are dates with a positive line (SPEC §4).
 */
export function periodStatuses(grouped: Grouped, customers: number, ends: Int32Array, o: SegmentOptions): PeriodStatuses {
  const J = ends.length;
  const C = customers;
  const status = new Uint8Array(J * C);
  const last = new Int32Array(J * C);
  const first = new Int32Array(C);
  // each end's gaps of the customers with two or more purchase days, for the population's median
  const gapsAt = take('dynamics.gaps', Float64Array, J * C);
  const gapCount = new Int32Array(J);
  onePass(grouped, C, ends, o, status, last, first, gapsAt, gapCount);
  const populationGap = new Float64Array(J);
  for (let j = 0; j < J; j++) populationGap[j] = gapCount[j] ? medianInPlace(gapsAt.subarray(j * C, j * C + gapCount[j]), gapCount[j]) : DEFAULT_GAP_DAYS;
  giveBack('dynamics.gaps', gapsAt);
  judgeOnePurchase(C, ends, o, status, last, first, populationGap);
  return { ends, customers: C, status, last, first, populationGap };
}

// The loops live in functions of their own: a function whose long loop the engine compiles while
// it runs must not then meet code after the loop it has never seen (it would fall back to the
// interpreter for the rest of the run).

/** The pass over every customer's rows: last purchase, median gap and status (or PENDING) at each end. */
function onePass(grouped: Grouped, C: number, ends: Int32Array, o: SegmentOptions, status: Uint8Array, last: Int32Array, first: Int32Array, gapsAt: Float64Array, gapCount: Int32Array): void {
  const J = ends.length;
  const { start, day, amount } = grouped;
  let sorted: Int32Array = new Int32Array(64);
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
          if (n > sorted.length) sorted = grown(sorted);
          insertSorted(sorted, n - 1, d - lastBuy);
        }
        n++;
        lastBuy = d;
      }
      const at = c * J + j;
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
}

function grown(s: Int32Array): Int32Array {
  const more = new Int32Array(s.length * 2);
  more.set(s);
  return more;
}

/** The customers with one purchase day at an end, judged by the population's gap at that end. */
function judgeOnePurchase(C: number, ends: Int32Array, o: SegmentOptions, status: Uint8Array, last: Int32Array, first: Int32Array, populationGap: Float64Array): void {
  const J = ends.length;
  for (let c = 0; c < C; c++) {
    for (let j = 0, at = c * J; j < J; j++, at++) {
      if (status[at] === PENDING) status[at] = statusAt(ends[j], first[c], last[at], NaN, populationGap[j], o);
    }
  }
}
