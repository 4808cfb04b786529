// Value lost (SPEC §7): what a newly lost customer brought in its last year, and its share of what
// all customers brought in the year up to the period end.

/** A loss is worth the customer's revenue (returns included) in the 365 days X − 364 … X, X its last purchase day. */
export const VALUE_LOST_DAYS = 365;

/** First day of the year a loss is valued over, or of the year of revenue it is compared with. */
export function yearBefore(day: number): number {
  return day - (VALUE_LOST_DAYS - 1);
}

/** Value lost ÷ the revenue of all customers in the 365 days up to the period end; null when that revenue is ≤ 0. */
export function valueLostShare(valueLost: number, revenue: number): number | null {
  return revenue > 0 ? valueLost / revenue : null;
}
