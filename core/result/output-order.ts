// The order customers are listed in: rank order, then the customers that could not be ranked
// (net ≤ 0), by metric descending, then by name.

import type { AbcClass } from '../types';

export function outputOrder(rankOrder: readonly number[], cls: readonly (AbcClass | null)[], metric: ArrayLike<number>, names: readonly string[]): Int32Array {
  const C = cls.length;
  const unranked: number[] = [];
  for (let c = 0; c < C; c++) if (cls[c] === null) unranked.push(c);
  // the comparator answers -1/0/1: a difference of metrics would be a new number object per comparison
  unranked.sort((p, q) => (metric[q] > metric[p] ? 1 : metric[q] < metric[p] ? -1 : names[p] < names[q] ? -1 : names[p] > names[q] ? 1 : 0));
  const order = new Int32Array(C);
  for (let k = 0; k < rankOrder.length; k++) order[k] = rankOrder[k];
  for (let k = 0; k < unranked.length; k++) order[rankOrder.length + k] = unranked[k];
  return order;
}
