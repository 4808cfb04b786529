// Per-customer aggregates: what the rules read, before any classification. Struct of arrays, by
// customer index, so 70,000 customers are a few typed arrays rather than 70,000 objects.

export interface Aggregates {
  n: number;
  revenue: Float64Array;
  profit: Float64Array | null;
  /** Periods from the customer's first period to the as-of period (wide: from the first non-zero column). */
  periods: Int32Array;
  /** Periods with a positive net amount. */
  active: Int32Array;
  /** CV of the zero-filled per-period series; NaN: none. */
  cv: Float64Array;
  /** Distinct purchase days (wide: active periods). */
  purchases: Int32Array;
  /** Days (long input only): Int32, so the results hold them as small integers, not boxed doubles. */
  first: Int32Array;
  last: Int32Array;
  /** Median gap between purchase days; NaN with fewer than two. */
  gap: Float64Array;
  /**
   * Transaction days for BG/NBD (SPEC §11, long input only): distinct dates with a line ≥ 0 — a
   * zero-value order is still an order, a return is not — and the first and last of them.
   */
  txDays: Int32Array;
  txFirst: Int32Array;
  txLast: Int32Array;
}

export function newAggregates(n: number, withProfit: boolean): Aggregates {
  const nan = () => new Float64Array(n).fill(NaN);
  return {
    n,
    revenue: new Float64Array(n),
    profit: withProfit ? new Float64Array(n) : null,
    periods: new Int32Array(n),
    active: new Int32Array(n),
    cv: nan(),
    purchases: new Int32Array(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    gap: nan(),
    txDays: new Int32Array(n),
    txFirst: new Int32Array(n),
    txLast: new Int32Array(n),
  };
}
