// Lifecycle status from P(alive) (SPEC §11, churn-model = bgnbd): Lost below lostBelow, At risk
// below riskBelow, and otherwise the New test of §4 — the same four statuses as the gap rule, so
// the win-back list, the actions and the colours work alike whichever rule gave them.

import type { SegmentOptions, Status } from '../types';

/** Status from P(alive) and age (days since the first purchase). */
export function pAliveStatus(pAlive: number, age: number, o: SegmentOptions): Status {
  if (pAlive < o.lostBelow) return 'Lost';
  if (pAlive < o.riskBelow) return 'At risk';
  if (age <= o.newDays) return 'New';
  return 'Active';
}
