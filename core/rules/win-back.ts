// The win-back list (SPEC §5): valuable customers who are slipping away, and what each is worth.

import type { AbcClass, Status } from '../types';

/** Lost or at risk, and a key account or an A or B customer. */
export function isSlipping(status: Status | null, keyAccount: boolean, abc: AbcClass | null): boolean {
  return (status === 'Lost' || status === 'At risk') && (keyAccount || abc === 'A' || abc === 'B');
}

/** Yearly value of the relationship while it lasted (at least one year): what a win-back is worth. */
export function valueAtStake(metric: number, firstPurchase: number, lastPurchase: number, typicalGap: number | null): number {
  return metric * 365 / Math.max(lastPurchase - firstPurchase + (typicalGap ?? 0), 365);
}
