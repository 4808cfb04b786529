// Lifecycle: how long since the last purchase compared with the customer's usual rhythm.

import type { SegmentOptions, Status } from '../types';

/** Statuses as the columns store them (0: none — wide input has no dates). */
export const STATUS_CODES: readonly (Status | null)[] = [null, 'Active', 'New', 'At risk', 'Lost'];
export const ACTIVE = 1;
export const NEW = 2;
export const AT_RISK = 3;
export const LOST = 4;

type LifecycleOptions = Pick<SegmentOptions, 'lostLapse' | 'lostDays' | 'riskLapse' | 'riskDays' | 'newDays'>;

/**
 * The status as its code (ACTIVE … LOST), from recency (days), typical gap (days) and age (days
 * since the first purchase). A code, so the loss dynamics (SPEC §7) can judge every customer at
 * every period end without a string per judgement.
 */
export function lifecycleCode(recency: number, gap: number, age: number, o: LifecycleOptions): number {
  const lapse = recency / gap;
  if (lapse >= o.lostLapse && recency >= o.lostDays) return LOST;
  if (lapse >= o.riskLapse && recency >= o.riskDays) return AT_RISK;
  if (age <= o.newDays) return NEW;
  return ACTIVE;
}

/** Status from recency (days), typical gap (days) and age (days since the first purchase). */
export function lifecycleStatus(recency: number, gap: number, age: number, o: LifecycleOptions): Status {
  return STATUS_CODES[lifecycleCode(recency, gap, age, o)]!;
}
