// Lifecycle: how long since the last purchase compared with the customer's usual rhythm.

import type { SegmentOptions, Status } from '../types';

/** Status from recency (days), typical gap (days) and age (days since the first purchase). */
export function lifecycleStatus(recency: number, gap: number, age: number, o: SegmentOptions): Status {
  const lapse = recency / gap;
  if (lapse >= o.lostLapse && recency >= o.lostDays) return 'Lost';
  if (lapse >= o.riskLapse && recency >= o.riskDays) return 'At risk';
  if (age <= o.newDays) return 'New';
  return 'Active';
}

/** Statuses as the columns store them (0: none — wide input has no dates). */
export const STATUS_CODES: readonly (Status | null)[] = [null, 'Active', 'New', 'At risk', 'Lost'];
