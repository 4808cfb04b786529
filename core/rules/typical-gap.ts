// Typical gap: the median of the gaps between a customer's purchase days, and the population's
// typical gap, used for customers with a single purchase day (SPEC §4).

/** Median of a numeric list (sorts a copy). */
export function median(values: ArrayLike<number>): number | null {
  return values.length ? medianInPlace(Float64Array.from(values), values.length) : null;
}

/**
 * Median of the first n values of a scratch buffer, which it reorders. A selection, not a sort:
 * a customer with hundreds of purchase days would otherwise pay for ordering all their gaps.
 */
export function medianInPlace(s: Float64Array, n: number): number {
  if (n <= 16) {
    // insertion sort: most customers have a handful of gaps
    for (let i = 1; i < n; i++) {
      const x = s[i];
      let j = i - 1;
      while (j >= 0 && s[j] > x) { s[j + 1] = s[j]; j--; }
      s[j + 1] = x;
    }
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
  const k = n >> 1;
  selectInPlace(s, n, k);
  if (n % 2) return s[k];
  // everything left of k is ≤ s[k]: the lower middle is the largest of them
  let lower = s[0];
  for (let i = 1; i < k; i++) if (s[i] > lower) lower = s[i];
  return (lower + s[k]) / 2;
}

/** Hoare's selection: afterwards s[k] holds the value of rank k, smaller-or-equal ones to its left. */
function selectInPlace(s: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    // median of three as the pivot; gaps repeat a lot (weekly buyers), which this scheme handles evenly
    const mid = (lo + hi) >> 1;
    const a = s[lo], b = s[mid], c = s[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (s[i] < pivot) i++;
      while (s[j] > pivot) j--;
      if (i <= j) { const t = s[i]; s[i] = s[j]; s[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // between j and i every value equals the pivot
  }
}

/**
 * Median of the first n values of s, whole numbers (gaps in days), which it may reorder. A regular
 * buyer's gaps sit in a narrow range, so they are counted into `counts` (all zero, and left so) and
 * the middle found by walking the counts: no compare-and-swap whose outcome the processor must
 * guess, as a sort or a selection has. A wide range falls back to the selection.
 */
export function medianOfWhole(s: Float64Array, n: number, counts: Int32Array): number {
  if (n < 8) return medianInPlace(s, n);
  let lo = s[0];
  let hi = s[0];
  for (let i = 1; i < n; i++) {
    const x = s[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const range = hi - lo + 1;
  if (range > counts.length) return medianInPlace(s, n);
  for (let i = 0; i < n; i++) counts[s[i] - lo]++;
  // the values of rank (n - 1) / 2 and n / 2, rounded down: the same for odd n
  const k1 = (n - 1) >> 1;
  const k2 = n >> 1;
  let below = 0;
  let v = 0;
  while (below + counts[v] <= k1) below += counts[v++];
  const a = lo + v;
  while (below + counts[v] <= k2) below += counts[v++];
  const b = lo + v;
  for (let i = 0; i < n; i++) counts[s[i] - lo] = 0;
  return (a + b) / 2;
}

/** Typical gap used when a customer has a single purchase day and nobody has two. */
export const DEFAULT_GAP_DAYS = 90;

/**
 * The population's typical gap: the median typical gap of the customers with two or more purchase
 * days (NaN: fewer than two), else DEFAULT_GAP_DAYS.
 */
export function populationGap(gaps: Float64Array): number {
  const known: number[] = [];
  for (let c = 0; c < gaps.length; c++) if (gaps[c] === gaps[c]) known.push(gaps[c]);
  return median(known) ?? DEFAULT_GAP_DAYS;
}
