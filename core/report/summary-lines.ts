// The task pane's and the sidebar's lines on how the portfolio changes: the losses of the as-of
// period and how many A customers fell. One function, so both panes say the same.

import { t } from '../messages';
import { ABC_ROWS } from '../rules/class-migration';
import type { Migration, SegmentResult } from '../result/types';

/** Customers who were A in the previous window and are not now (A → B, A → C, A → —). */
export function fellFromA(m: Migration): number {
  let n = 0;
  for (const q of ABC_ROWS) if (q !== 'A') n += m.abc.A[q].customers;
  return n;
}

/** "Lost this period: N (value V); won back: M" and "Fell from A: K customers" — each when there is one. */
export function portfolioLines(r: SegmentResult): string[] {
  const out: string[] = [];
  const last = r.dynamics?.[r.dynamics.length - 1];
  if (last) out.push(t('loss.summary', { count: last.newlyLost, value: last.valueLost.toLocaleString('en-US', { maximumFractionDigits: 0 }), won: last.wonBack }));
  if (r.migration) out.push(t('mig.fellFromA', { count: fellFromA(r.migration) }));
  return out;
}
