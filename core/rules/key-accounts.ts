// Key accounts (SPEC §4): the smallest top set of customers reaching keyShare of the metric — a
// group of tied customers is never split — plus every financier.

import { EPS } from '../basics/sum';

/**
 * 1 for each customer in the smallest top set whose cumulative share reaches keyShare. `order` is
 * the rank order, `cumShare` and `metric` by customer index.
 */
export function topSet(order: readonly number[], cumShare: Float64Array, metric: ArrayLike<number>, keyShare: number): Uint8Array {
  const key = new Uint8Array(metric.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    const reached = prev >= 0 && cumShare[prev] >= keyShare - EPS;
    if (reached && metric[prev] !== metric[i]) break;
    key[i] = 1;
  }
  return key;
}
