// CustomerFacts: what a reader learns of each customer besides amounts — its name, its matching
// key, the tag columns and the budget — by customer index.

/** Per-customer facts that come from columns other than amounts. */
export interface CustomerFacts {
  names: string[];
  /** Matching key of each name (case-folded unless case-sensitive): the ABC tie-break. */
  keys: string[];
  image: Uint8Array;
  expert: Uint8Array;
  need: Uint8Array;
  solvency: Uint8Array;
  authority: Uint8Array;
  /** NaN when no budget was given. */
  budget: Float64Array;
  /**
   * The dimension column (SPEC §7), null when none is mapped: each customer's value as a number
   * into `values` (NO_DIMENSION: none), see dimension-column.ts.
   */
  dimension: { values: string[]; of: Int32Array } | null;
}

export function newCustomerFacts(names: string[], keys: string[]): CustomerFacts {
  const n = names.length;
  const budget = new Float64Array(n);
  budget.fill(NaN);
  return { names, keys, image: new Uint8Array(n), expert: new Uint8Array(n), need: new Uint8Array(n), solvency: new Uint8Array(n), authority: new Uint8Array(n), budget, dimension: null };
}
