// The customers of a result as columns, by customer index (the order customers were first met),
// and the output order. What the rules compute lands here; the field table (customer-fields.ts)
// says how each customer field reads from these columns.

import type { AbcClass } from '../types';

export interface CustomerColumns {
  /** Customer index at each position: rank order, then the customers that cannot be ranked. */
  order: Int32Array;
  /** Long input (dates known): the day columns and the status mean something. */
  long: boolean;
  asOf: number;
  names: readonly string[];
  cls: readonly (AbcClass | null)[];
  rank: Int32Array;
  revenue: Float64Array;
  profit: Float64Array | null;
  metric: Float64Array;
  share: Float64Array;
  cumShare: Float64Array;
  purchases: Int32Array;
  periods: Int32Array;
  active: Int32Array;
  /** NaN: none. */
  cv: Float64Array;
  /** XYZ_CODES. */
  xyz: Uint8Array;
  /** XYZ note codes (rules/xyz.ts), 0: none. */
  xyzNote: Uint8Array;
  /** Segment number in SEGMENTS order, -1: none. */
  segment: Int8Array;
  keyAccount: Uint8Array;
  /** ARCHETYPE_BITS. */
  archetypes: Uint8Array;
  /** NaN: none. */
  profitShare: Float64Array;
  dependencyRisk: Uint8Array;
  qualified: Uint8Array;
  first: Int32Array;
  last: Int32Array;
  gap: Float64Array;
  gapFallback: Uint8Array;
  /** STATUS_CODES. */
  status: Uint8Array;
  /** BG/NBD (SPEC §11): P(alive) and the expected transaction days in the horizon; NaN: none. */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  action: readonly string[];
}
