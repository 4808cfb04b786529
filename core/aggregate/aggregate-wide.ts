// Aggregation of wide input (one row per customer, one column per period): totals, the series from
// the first non-zero period, active periods.

import { snapZero } from '../basics/sum';
import { sparseCv } from '../rules/xyz';
import { newAggregates, type Aggregates } from './aggregates';
import type { WideData } from '../read/read-types';
import type { SegmentOptions } from '../types';

export function aggregateWide(d: WideData, customers: number, o: SegmentOptions): Aggregates {
  const agg = newAggregates(customers, d.profit !== null);
  const P = d.periods;
  const sums = new Float64Array(P);
  for (let c = 0; c < customers; c++) {
    let firstP = -1;
    let total = 0, comp = 0, big = 0, active = 0;
    for (let k = 0; k < P; k++) {
      const x = d.values[c * P + k];
      if (firstP < 0 && x !== 0) firstP = k;
      if (x > 0) active++;
      const t = total + x;
      comp += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
      total = t;
      if (Math.abs(x) > big) big = Math.abs(x);
    }
    if (firstP < 0) firstP = 0;
    const length = P - firstP;
    for (let k = firstP; k < P; k++) sums[k - firstP] = d.values[c * P + k];
    const revenue = snapZero(total + comp, big);
    agg.revenue[c] = revenue;
    if (agg.profit && d.profit) agg.profit[c] = d.profit[c];
    agg.periods[c] = length;
    agg.active[c] = active;
    agg.cv[c] = sparseCv(sums, length, length, revenue, o.sd) ?? NaN;
    agg.purchases[c] = active;
  }
  return agg;
}
