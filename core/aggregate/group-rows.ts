// The long rows regrouped by customer, in day order within each customer, so the aggregation reads
// them sequentially. The rows as read are left untouched: one read ledger can be regrouped again
// (another window, another period) and its buffers are returned by the analysis that read it.

import { giveBack, take } from '../basics/scratch';
import type { LongData } from '../read/read-types';

/** Each customer's rows contiguous (from start[c]), in day order. */
export interface Grouped {
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  profit: Float64Array | null;
  minDay: number;
}

/**
 * Copy the rows into customer order with a stable counting sort, so the aggregation reads them
 * sequentially. Stable on rows in day order gives day order within a customer; most exports are
 * sorted by date already, else a counting sort by day comes first.
 */
export function groupRows(d: LongData, customers: number): Grouped {
  const { n, cust, day, amount, profit, minDay, maxDay } = d;
  let byDay: Int32Array | null = null;
  if (!d.inDayOrder) {
    const span = maxDay - minDay + 1;
    const next = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) next[day[i] - minDay + 1]++;
    for (let k = 1; k <= span; k++) next[k] += next[k - 1];
    byDay = take('grouped.byDay', Int32Array, n);
    for (let i = 0; i < n; i++) byDay[next[day[i] - minDay]++] = i;
  }
  const start = take('grouped.start', Int32Array, customers + 1).fill(0);
  for (let i = 0; i < n; i++) start[cust[i] + 1]++;
  for (let c = 1; c <= customers; c++) start[c] += start[c - 1];
  const fill = take('grouped.fill', Int32Array, customers);
  fill.set(start.subarray(0, customers));
  const gDay = take('grouped.day', Int32Array, n);
  const gAmount = take('grouped.amount', Float64Array, n);
  const gProfit = profit ? take('grouped.profit', Float64Array, n) : null;
  for (let k = 0; k < n; k++) {
    const i = byDay ? byDay[k] : k;
    const s = fill[cust[i]]++;
    gDay[s] = day[i];
    gAmount[s] = amount[i];
    if (gProfit) gProfit[s] = profit![i];
  }
  giveBack('grouped.byDay', byDay);
  giveBack('grouped.fill', fill);
  return { start, day: gDay, amount: gAmount, profit: gProfit, minDay: n ? minDay : 0 };
}

/** Hand the regrouped rows back for the next run. */
export function releaseGrouped(g: Grouped): void {
  giveBack('grouped.start', g.start);
  giveBack('grouped.day', g.day);
  giveBack('grouped.amount', g.amount);
  giveBack('grouped.profit', g.profit);
}
