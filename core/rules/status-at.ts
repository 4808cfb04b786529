// Status at a period end (SPEC §7): the lifecycle rule of §4 as if the as-of date were the
// period's last day e, on the customer's lines dated ≤ e only.

import { lifecycleCode } from './lifecycle';
import type { SegmentOptions } from '../types';

/** No status at e: the customer has no purchase day up to e (not yet a customer then). */
export const NO_STATUS = 0;

/**
 * The status code at period end `end` of a customer whose first and last purchase days up to it
 * are `first` and `last`, with the median gap of its purchase days up to it (NaN with fewer than
 * two: then `populationGap`, the median typical gap at `end` of all customers with two or more).
 */
export function statusAt(end: number, first: number, last: number, gap: number, populationGap: number, o: SegmentOptions): number {
  return lifecycleCode(end - last, gap === gap ? gap : populationGap, end - first, o);
}
