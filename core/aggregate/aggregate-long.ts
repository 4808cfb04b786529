// Aggregation of long input: per customer, revenue and profit (compensated sums), the per-period
// series (for XYZ), purchase days, first and last purchase and the typical gap — one sequential
// pass over the regrouped rows.

import { periodTable } from '../basics/periods';
import { snapZero } from '../basics/sum';
import { medianOfWhole } from '../rules/typical-gap';
import { sparseCv } from '../rules/xyz';
import { newAggregates, type Aggregates } from './aggregates';
import { groupRows, releaseGrouped, type Grouped } from './group-rows';
import type { LongData } from '../read/read-types';
import type { SegmentOptions } from '../types';

export function aggregateLong(d: LongData, customers: number, o: SegmentOptions): Aggregates {
  if (customers === 0 || d.asOf === null) return newAggregates(customers, d.profit !== null);
  const grouped = groupRows(d, customers);
  const agg = aggregateGroups(grouped, grouped.start, grouped.start.subarray(1), customers, Math.min(grouped.minDay, d.asOf), d.asOf, o);
  releaseGrouped(grouped);
  return agg;
}

/**
 * The aggregates of each customer's rows lo[c] … hi[c] − 1 of the regrouped rows (in day order):
 * all its rows, or those of one window (SPEC §8). `base` is a day no row is before; a customer with
 * no row there gets zeros (it has no class in that window).
 */
export function aggregateGroups(grouped: Grouped, lo: Int32Array, hi: Int32Array, customers: number, base: number, asOfDay: number, o: SegmentOptions): Aggregates {
  const agg = newAggregates(customers, grouped.profit !== null);
  const { day, amount, profit } = grouped;
  const per = periodTable(base, asOfDay, o.period, o.fiscalStart);
  const asOfP = per[asOfDay - base];
  // scratch space for one customer's period sums and purchase-day gaps
  let sums = new Float64Array(64);
  let gaps = new Float64Array(64);
  const gapCounts = new Int32Array(1024);
  for (let c = 0; c < customers; c++) {
    const s0 = lo[c];
    const s1 = hi[c];
    if (s1 === s0) continue; // no row: zeros, as newAggregates made them (the gap and CV stay NaN)
    if (s1 - s0 > sums.length) { sums = new Float64Array(s1 - s0); gaps = new Float64Array(s1 - s0); }
    let rs = 0, rc = 0, rmax = 0; // revenue (Neumaier)
    let ps = 0, pc = 0, pmax = 0; // profit
    let count = 0; // periods with lines
    let active = 0;
    let curP = -2147483648;
    let ss = 0, sc = 0, smax = 0, sPos = false;
    let purchases = 0, firstBuy = 0, lastBuy = -2147483648, nGaps = 0;
    let txDays = 0, txFirst = 0, txLast = -2147483648; // BG/NBD's transaction days: lines ≥ 0
    const firstP = per[day[s0] - base];
    for (let k = s0; k < s1; k++) {
      const x = amount[k];
      const dd = day[k];
      const p = per[dd - base];
      if (p !== curP) {
        if (curP !== -2147483648) { sums[count++] = snapZero(ss + sc, smax); if (sPos) active++; }
        curP = p; ss = 0; sc = 0; smax = 0; sPos = false;
      }
      let t = ss + x;
      sc += Math.abs(ss) >= Math.abs(x) ? ss - t + x : x - t + ss;
      ss = t;
      t = rs + x;
      rc += Math.abs(rs) >= Math.abs(x) ? rs - t + x : x - t + rs;
      rs = t;
      const ax = Math.abs(x);
      if (ax > smax) smax = ax;
      if (ax > rmax) rmax = ax;
      if (profit) {
        const y = profit[k];
        t = ps + y;
        pc += Math.abs(ps) >= Math.abs(y) ? ps - t + y : y - t + ps;
        ps = t;
        if (Math.abs(y) > pmax) pmax = Math.abs(y);
      }
      if (x >= 0 && dd !== txLast) {
        if (txDays === 0) txFirst = dd;
        txDays++;
        txLast = dd;
      }
      if (x > 0) {
        sPos = true;
        if (dd !== lastBuy) {
          if (purchases > 0) gaps[nGaps++] = dd - lastBuy;
          else firstBuy = dd;
          purchases++;
          lastBuy = dd;
        }
      }
    }
    sums[count++] = snapZero(ss + sc, smax);
    if (sPos) active++;
    const revenue = snapZero(rs + rc, rmax);
    const length = asOfP - firstP + 1;
    agg.revenue[c] = revenue;
    if (agg.profit) agg.profit[c] = snapZero(ps + pc, pmax);
    agg.periods[c] = length;
    agg.active[c] = active;
    agg.cv[c] = sparseCv(sums, count, length, revenue, o.sd) ?? NaN;
    agg.purchases[c] = purchases;
    if (purchases === 0) {
      // only returns or zero lines: their dates are all we know of the relationship
      firstBuy = day[s0];
      lastBuy = day[s1 - 1];
    }
    agg.first[c] = firstBuy;
    agg.last[c] = lastBuy;
    agg.txDays[c] = txDays;
    agg.txFirst[c] = txFirst;
    agg.txLast[c] = txLast;
    agg.gap[c] = nGaps === 1 ? gaps[0] : nGaps > 0 ? medianOfWhole(gaps, nGaps, gapCounts) : NaN;
  }
  return agg;
}
