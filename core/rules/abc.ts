// ABC: rank customers by a metric and cut the cumulative share into A, B and C.

import { giveBack, take } from '../basics/scratch';
import { compensatedSumAt, EPS } from '../basics/sum';
import type { AbcClass, AbcRule } from '../types';

export interface AbcInput {
  /** Metric per item (NaN or ≤ 0: not classified). */
  metric: ArrayLike<number>;
  /** Tie-break key per item (ascending); defaults to the item's position. */
  keys?: readonly string[];
  rule: AbcRule;
  a: number;
  b: number;
}

export interface AbcOutput {
  /** Eligible items in rank order. */
  order: number[];
  /** Per item. */
  cls: (AbcClass | null)[];
  share: Float64Array;
  cumShare: Float64Array;
  rank: Int32Array;
  total: number;
  /** Smallest metric of an A and of a B item. */
  cutoffs: { a: number | null; b: number | null };
}

/** Rank order: metric descending, ties by key ascending (plain code-unit order, same everywhere). */
export function rankOrder(metric: ArrayLike<number>, keys?: readonly string[]): number[] {
  let m = 0;
  for (let i = 0; i < metric.length; i++) if (metric[i] > 0) m++;
  const eligible = take('abc.eligible', Int32Array, m);
  const values = take('abc.values', Float64Array, m);
  for (let i = 0, k = 0; i < metric.length; i++) if (metric[i] > 0) { eligible[k] = i; values[k++] = metric[i]; }
  const sorted = radixDescending(values);
  const order: number[] = new Array(m);
  for (let k = 0; k < m; k++) order[k] = eligible[sorted[k]];
  giveBack('abc.eligible', eligible);
  giveBack('abc.values', values);
  giveBack('abc.sorted', sorted);
  // equal metrics sit together, in item order; a run of them is ordered by key
  if (keys) {
    for (let k = 0; k < m;) {
      const x = metric[order[k]];
      let e = k + 1;
      while (e < m && metric[order[e]] === x) e++;
      if (e - k > 1) sortRunByKey(order, k, e, keys);
      k = e;
    }
  }
  return order;
}

/**
 * Order items k..e-1 by key, equal keys by item. Runs of ties are many and short (thousands of
 * customers with the same small total): an insertion sort in place, where a sort() per run would
 * allocate its copies thousands of times.
 */
function sortRunByKey(order: number[], k: number, e: number, keys: readonly string[]): void {
  const before = (i: number, j: number) => keys[i] < keys[j] || (keys[i] === keys[j] && i < j);
  if (e - k > 32) {
    const run = order.slice(k, e).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
    for (let q = k; q < e; q++) order[q] = run[q - k];
    return;
  }
  for (let q = k + 1; q < e; q++) {
    const item = order[q];
    let p = q - 1;
    while (p >= k && before(item, order[p])) { order[p + 1] = order[p]; p--; }
    order[p + 1] = item;
  }
}

/**
 * Positions of positive doubles in descending order, equal values in position order. A positive
 * double's bit pattern orders like its value, so four stable passes over 16-bit digits sort it
 * without a comparator (a comparator sort of tens of thousands of customers is several times slower).
 */
function radixDescending(values: Float64Array): Int32Array {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  let from = take('abc.sorted', Int32Array, n);
  let to = take('abc.radix', Int32Array, n);
  for (let k = 0; k < n; k++) from[k] = k;
  const counts = take('abc.counts', Int32Array, 65537);
  for (let pass = 0; pass < 4; pass++) {
    // digit 0 is the lowest 16 bits; complemented, so larger values come first
    const word = (pass < 2) === little ? 0 : 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(~words[2 * k + word] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) { const c = counts[d]; counts[d] = sum; sum += c; }
    for (let k = 0; k < n; k++) {
      const i = from[k];
      to[counts[(~words[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    const t = from; from = to; to = t;
  }
  giveBack('abc.radix', to);
  giveBack('abc.counts', counts);
  return from;
}

export function classifyAbc({ metric, keys, rule, a, b }: AbcInput): AbcOutput {
  const n = metric.length;
  const order = rankOrder(metric, keys);
  const cls: (AbcClass | null)[] = new Array(n).fill(null);
  const share = new Float64Array(n).fill(NaN);
  const cumShare = new Float64Array(n).fill(NaN);
  const rank = new Int32Array(n);
  // compensated sums in rank order, so the last cumulative share is exactly total / total = 1
  const total = compensatedSumAt(metric, order);
  const m = order.length;
  const nA = Math.round(m * a);
  const nB = Math.round(m * b);
  let s = 0;
  let c = 0;
  let prevCum = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const x = metric[i];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
    const cum = (s + c) / total;
    share[i] = x / total;
    cumShare[i] = cum;
    rank[i] = k + 1;
    let k2: AbcClass;
    if (rule === 'cumulative') k2 = cum <= a + EPS ? 'A' : cum <= b + EPS ? 'B' : 'C';
    else if (rule === 'crossing') k2 = prevCum < a - EPS ? 'A' : prevCum < b - EPS ? 'B' : 'C';
    else k2 = k < nA ? 'A' : k < nB ? 'B' : 'C';
    // the top customer is always A; an equal metric always shares the class of its tie group's best
    if (k === 0) k2 = 'A';
    else if (metric[order[k - 1]] === x) k2 = cls[order[k - 1]]!;
    cls[i] = k2;
    prevCum = cum;
  }
  let cutA: number | null = null;
  let cutB: number | null = null;
  for (const i of order) {
    if (cls[i] === 'A') cutA = metric[i];
    else if (cls[i] === 'B') cutB = metric[i];
  }
  return { order, cls, share, cumShare, rank, total, cutoffs: { a: cutA, b: cutB } };
}
