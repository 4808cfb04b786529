// The ABC-XYZ matrix (SPEC §4): customers and metric per segment.

import { t } from '../messages';
import { STRATEGY_KEY } from '../rules/actions';
import { SEGMENTS } from '../rules/segments';
import type { MatrixCell } from '../result/types';
import type { Segment } from '../types';

/**
 * The nine cells. Sums run in rank order (as the customer table lists them); segments are
 * looked up by number, not by name, because a lookup by a computed name is slow in a long loop.
 */
export function buildMatrix(order: readonly number[], segmentOf: Int8Array, metric: ArrayLike<number>, total: number): Record<Segment, MatrixCell> {
  const counts = new Int32Array(9);
  const sums = new Float64Array(9);
  let classified = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const s = segmentOf[i];
    if (s < 0) continue;
    classified++;
    counts[s]++;
    sums[s] += metric[i];
  }
  const out = {} as Record<Segment, MatrixCell>;
  SEGMENTS.forEach((seg, s) => {
    out[seg] = {
      customers: counts[s],
      customerShare: classified ? counts[s] / classified : 0,
      metric: sums[s],
      metricShare: total > 0 ? sums[s] / total : 0,
      strategy: t(STRATEGY_KEY[seg]),
    };
  });
  return out;
}
