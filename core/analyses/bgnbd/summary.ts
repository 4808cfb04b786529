// The BG/NBD data in the form its likelihood needs (SPEC §11): customers with the same history
// (x, t_x, T) counted once with a weight, as Fader & Hardie condense the calibration data and as
// lifetimes' fit does with `weights` — 70,000 customers are some 50,000 distinct histories, and a
// ledger of regular buyers far fewer. The likelihood's terms are then split by what they depend
// on, so each is summed once per distinct value rather than once per customer:
//   - the Γ-function ratios depend on x alone: summed as Σ_k M_k·f(k), M_k = customers with x > k;
//   - −(r + x)·ln(α + T) on T alone: by distinct T, with the customers and their x summed;
//   - the term that tells a customer who left from one who is quiet exists only for x > 0:
//     one entry per distinct (x, t_x, T) among the repeat buyers.
// Times are whole days here; `unitDays` turns them into the model's unit (7: weeks).

/** A customer's history in whole days: x repeat transaction days, t_x and T since the first. */
export interface DayHistories {
  /** Customers (one entry each). */
  n: number;
  x: Int32Array;
  tDays: Int32Array;
  TDays: Int32Array;
}

export interface BgnbdSummary {
  /** Customers fitted, and those of them with x > 0. */
  customers: number;
  repeaters: number;
  /** Σ x over all customers (the shift of the log-likelihood between time units is −Σx·ln c). */
  sumX: number;
  /** M[k] = customers with x > k, k = 0 … max x − 1. */
  tail: Float64Array;
  /** The distinct times (in the unit) that any t_x or T takes: the likelihood takes one log of each. */
  times: Float64Array;
  /** By distinct T: its index in `times`, the customers and their Σ x. */
  tIndex: Int32Array;
  tCustomers: Float64Array;
  tSumX: Float64Array;
  /** By distinct (x, t_x, T) with x > 0: x, the indices of t_x and T in `times`, the customers. */
  gx: Int32Array;
  gt: Int32Array;
  gT: Int32Array;
  gn: Float64Array;
  /** The largest T in the unit: the scale of α (its starts and its limits are relative to it). */
  maxT: number;
}

/** Condense the histories into the sums the likelihood reads. */
export function summarise(h: DayHistories, unitDays: number): BgnbdSummary {
  let maxX = 0, maxDay = 0, sumX = 0, repeaters = 0;
  for (let i = 0; i < h.n; i++) {
    if (h.x[i] > maxX) maxX = h.x[i];
    if (h.TDays[i] > maxDay) maxDay = h.TDays[i];
    sumX += h.x[i];
    if (h.x[i] > 0) repeaters++;
  }
  // tail counts: customers with x > k
  const tail = new Float64Array(maxX);
  const byX = new Float64Array(maxX + 1);
  for (let i = 0; i < h.n; i++) byX[h.x[i]]++;
  for (let k = maxX - 1, above = 0; k >= 0; k--) { above += byX[k + 1]; tail[k] = above; }

  // the days in use, numbered compactly
  const slot = new Int32Array(maxDay + 1).fill(-1);
  const used: number[] = [];
  const slotOf = (d: number) => { if (slot[d] < 0) { slot[d] = used.length; used.push(d); } return slot[d]; };

  // by distinct T
  const tPos = new Int32Array(maxDay + 1).fill(-1);
  const tIndex: number[] = [], tCustomers: number[] = [], tSumX: number[] = [];
  // by distinct (x, t_x, T) of the repeat buyers: key x·(D+1)² + t·(D+1) + T is exact below 2^53
  // for any span of days a ledger has (D = 100 years: 3.6e4 → 1.3e9·x)
  const D1 = maxDay + 1;
  const groups = new Map<number, number>();
  const gx: number[] = [], gt: number[] = [], gT: number[] = [], gn: number[] = [];
  for (let i = 0; i < h.n; i++) {
    const T = h.TDays[i];
    let p = tPos[T];
    if (p < 0) { p = tPos[T] = tIndex.length; tIndex.push(slotOf(T)); tCustomers.push(0); tSumX.push(0); }
    tCustomers[p]++;
    tSumX[p] += h.x[i];
    const x = h.x[i];
    if (x === 0) continue;
    const t = h.tDays[i];
    const key = (x * D1 + t) * D1 + T;
    const g = groups.get(key);
    if (g !== undefined) { gn[g]++; continue; }
    groups.set(key, gx.length);
    gx.push(x); gt.push(slotOf(t)); gT.push(slotOf(T)); gn.push(1);
  }
  const times = Float64Array.from(used, (d) => d / unitDays);
  return {
    customers: h.n, repeaters, sumX, tail, times,
    tIndex: Int32Array.from(tIndex), tCustomers: Float64Array.from(tCustomers), tSumX: Float64Array.from(tSumX),
    gx: Int32Array.from(gx), gt: Int32Array.from(gt), gT: Int32Array.from(gT), gn: Float64Array.from(gn),
    maxT: maxDay / unitDays,
  };
}
