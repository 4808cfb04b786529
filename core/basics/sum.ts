// Compensated (Neumaier) summation: sales ledgers mix large invoices with small credit notes,
// and naive float sums leave residue such as 4e-15 where returns cancel a purchase exactly.

/** Neumaier sum of values[at[0]], values[at[1]], … (in that order). */
export function compensatedSumAt(values: ArrayLike<number>, at: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (let k = 0; k < at.length; k++) {
    const x = values[at[k]];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Relative size below which a net total counts as zero (times the largest absolute line). */
export const ZERO_TOLERANCE = 1e-9;

/** A net total that is float residue of cancelling lines becomes exactly 0. */
export function snapZero(total: number, largestLine: number): number {
  return Math.abs(total) <= ZERO_TOLERANCE * largestLine ? 0 : total;
}

/** Tolerance for comparing shares and ratios with thresholds (absorbs float noise, never a real difference). */
export const EPS = 1e-12;
