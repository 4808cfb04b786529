// The §4 rules on the aggregates of one window: the metric, ABC, the key-account set, the
// financier shares and the per-customer pass (XYZ, segment, archetypes, lifecycle, actions). The
// main report runs them on the whole window; class migration (SPEC §8) on each of its two windows.

import { classifyAbc } from '../rules/abc';
import { financierShares } from '../rules/archetypes';
import { topSet } from '../rules/key-accounts';
import { populationGap } from '../rules/typical-gap';
import { classifyCustomers } from './classify-customers';
import type { Aggregates } from '../aggregate';
import type { CustomerFacts } from '../read/customer-facts';
import type { SegmentOptions } from '../types';

/** The metric the ABC ranks by: profit only when there is a profit column. */
export function metricOf(o: SegmentOptions, agg: Aggregates) {
  const profitMissing = o.metric === 'profit' && !agg.profit;
  const name: 'revenue' | 'profit' = profitMissing ? 'revenue' : o.metric;
  return { profitMissing, name, values: name === 'profit' ? agg.profit! : agg.revenue };
}

/**
 * `asOf` is null for wide input (no dates: no status, no prospect); `statusFrom`, each customer's
 * P(alive) when the BG/NBD model gives the statuses (SPEC §11), else null for the gap rule.
 */
export function segmentAggregates(agg: Aggregates, table: CustomerFacts, asOf: number | null, o: SegmentOptions, statusFrom: Float64Array | null = null) {
  const metric = metricOf(o, agg);
  const m = metric.values;
  const abc = classifyAbc({ metric: m, keys: table.keys, rule: o.abcRule, a: o.a, b: o.b });
  const inTopSet = topSet(abc.order, abc.cumShare, m, o.keyShare);
  const profitShares = financierShares(agg.profit ?? agg.revenue);
  const fallbackGap = asOf !== null ? populationGap(agg.gap) : 0;
  const perCustomer = classifyCustomers(agg, table, abc, m, inTopSet, profitShares, asOf, fallbackGap, o, statusFrom);
  return { metric, abc, inTopSet, profitShares, perCustomer };
}
