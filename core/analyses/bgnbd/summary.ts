// The BG/NBD data in the form its likelihood needs (SPEC §11): customers with the same history
// (x, t_x, T) counted once with a weight, as Fader & Hardie condense the calibration data and as
// lifetimes' fit does with `weights` — 70,000 customers are some 50,000 distinct histories, and a
// ledger of regular buyers far fewer. The likelihood's terms are then split by what they depend
// on, so each is summed once per distinct value rather than once per customer:
//   - the Γ-function ratios depend on x alone: summed as Σ_k M_k·f(k), M_k = customers with x > k;
//   - −(r + x)·ln(α + T) on T alone: by distinct T, with the customers and their x summed;
//   - the term that tells a customer who left from one who is quiet exists only for x > 0:
//     one entry per distinct (x, t_x, T) among the repeat buyers.
// The distinct histories are also what P(alive) and the expectation are computed for, once each.
// Times are whole days here; `unitDays` turns them into the model's unit (7: weeks).

/** Customers' histories in whole days: x repeat transaction days, t_x and T since the first. */
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
  /** Every distinct history (x = 0 too), in days, and each customer's: for the per-customer answers. */
  patterns: { n: number; x: Int32Array; tDays: Int32Array; TDays: Int32Array };
  patternOf: Int32Array;
  /** The largest T in the unit: the scale of α (its starts and its limits are relative to it). */
  maxT: number;
}

/**
 * The distinct histories, numbered in order of first appearance, by open addressing on the key
 * x·(D+1)² + t·(D+1) + T — exact below 2^53 for any span of days a ledger has (100 years:
 * D = 36,525, (D+1)² ≈ 1.3e9, so x up to 6e6). A Map of 50,000 number keys costs more than the
 * rest of the summary together.
 */
export function distinctHistories(h: DayHistories, maxDay: number): { count: number; first: Int32Array; of: Int32Array } {
  const D1 = maxDay + 1;
  let cap = 16;
  while (cap < 2 * h.n) cap *= 2;
  const mask = cap - 1;
  const keys = new Float64Array(cap);
  const slots = new Int32Array(cap).fill(-1);
  const first = new Int32Array(h.n);
  const of = new Int32Array(h.n);
  let count = 0;
  for (let i = 0; i < h.n; i++) {
    const key = (h.x[i] * D1 + h.tDays[i]) * D1 + h.TDays[i];
    let p = (Math.imul(h.x[i], 0x9e3779b1) ^ Math.imul(h.tDays[i], 0x85ebca6b) ^ Math.imul(h.TDays[i], 0xc2b2ae35)) & mask;
    while (slots[p] >= 0 && keys[p] !== key) p = (p + 1) & mask;
    if (slots[p] < 0) { slots[p] = count; keys[p] = key; first[count++] = i; }
    of[i] = slots[p];
  }
  return { count, first, of };
}

/** Condense the histories into the sums the likelihood reads. */
export function summarise(h: DayHistories, unitDays: number): BgnbdSummary {
  let maxX = 0, maxDay = 0, repeaters = 0;
  for (let i = 0; i < h.n; i++) {
    if (h.x[i] > maxX) maxX = h.x[i];
    if (h.TDays[i] > maxDay) maxDay = h.TDays[i];
    if (h.x[i] > 0) repeaters++;
  }
  // tail counts: customers with x > k
  const tail = new Float64Array(maxX);
  const byX = new Float64Array(maxX + 1);
  for (let i = 0; i < h.n; i++) byX[h.x[i]]++;
  for (let k = maxX - 1, above = 0; k >= 0; k--) { above += byX[k + 1]; tail[k] = above; }

  const d = distinctHistories(h, maxDay);
  const P = d.count;
  const px = new Int32Array(P), pt = new Int32Array(P), pT = new Int32Array(P), pn = new Float64Array(P);
  for (let p = 0; p < P; p++) { const i = d.first[p]; px[p] = h.x[i]; pt[p] = h.tDays[i]; pT[p] = h.TDays[i]; }
  for (let i = 0; i < h.n; i++) pn[d.of[i]]++;

  // the days in use, numbered compactly
  const slot = new Int32Array(maxDay + 1).fill(-1);
  let used = 0;
  const day = new Int32Array(maxDay + 1);
  const slotOf = (v: number) => { if (slot[v] < 0) { slot[v] = used; day[used++] = v; } return slot[v]; };

  // by distinct T
  const tPos = new Int32Array(maxDay + 1).fill(-1);
  const tIndex = new Int32Array(maxDay + 1), tCustomers = new Float64Array(maxDay + 1), tSumX = new Float64Array(maxDay + 1);
  let nT = 0;
  // the repeat buyers' distinct histories
  const gx = new Int32Array(P), gt = new Int32Array(P), gT = new Int32Array(P), gn = new Float64Array(P);
  let G = 0;
  for (let p = 0; p < P; p++) {
    const T = pT[p];
    let q = tPos[T];
    if (q < 0) { q = tPos[T] = nT++; tIndex[q] = slotOf(T); }
    tCustomers[q] += pn[p];
    tSumX[q] += pn[p] * px[p];
    if (px[p] === 0) continue;
    gx[G] = px[p]; gt[G] = slotOf(pt[p]); gT[G] = slotOf(T); gn[G] = pn[p]; G++;
  }
  const times = new Float64Array(used);
  for (let j = 0; j < used; j++) times[j] = day[j] / unitDays;
  return {
    customers: h.n, repeaters, tail, times,
    tIndex: tIndex.slice(0, nT), tCustomers: tCustomers.slice(0, nT), tSumX: tSumX.slice(0, nT),
    gx: gx.slice(0, G), gt: gt.slice(0, G), gT: gT.slice(0, G), gn: gn.slice(0, G),
    patterns: { n: P, x: px, tDays: pt, TDays: pT }, patternOf: d.of,
    maxT: maxDay / unitDays,
  };
}
