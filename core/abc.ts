// ABC: rank customers by a metric and cut the cumulative share into A, B and C.

import { compensatedSum, EPS } from './sum';
import type { AbcClass, AbcRule } from './types';

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
  const order: number[] = [];
  for (let i = 0; i < metric.length; i++) if (metric[i] > 0) order.push(i);
  order.sort((i, j) => {
    const d = metric[j] - metric[i];
    if (d !== 0) return d;
    if (!keys) return i - j;
    return keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : 0;
  });
  return order;
}

export function classifyAbc({ metric, keys, rule, a, b }: AbcInput): AbcOutput {
  const n = metric.length;
  const order = rankOrder(metric, keys);
  const cls: (AbcClass | null)[] = new Array(n).fill(null);
  const share = new Float64Array(n).fill(NaN);
  const cumShare = new Float64Array(n).fill(NaN);
  const rank = new Int32Array(n);
  // compensated sums in rank order, so the last cumulative share is exactly total / total = 1
  const total = compensatedSum(order.map((i) => metric[i]));
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
