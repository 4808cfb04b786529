// Check: an order-level value repeated on every line of its order. Shop and ERP exports with one
// row per order line often repeat the order's total on each line (WooCommerce's "Order Total
// Amount", SAP Business One's document total beside the row total): summed, the revenue is the
// total times the number of lines. The column is taken for an order total when, among the
// orders with two or more lines (at least two such orders), at least 60 % show the same amount on
// every line — and, when a line-level amount is at hand (a line-total column, or quantity × unit
// price), it differs between those lines in at least half of them (identical lines are no
// evidence). Then:
//  - with a line-level amount (and the amount column recognised, not chosen): each row's revenue
//    is its line amount; a row without one keeps the total on its order's first line only;
//  - else (or when --amount chose the column): each order's total counts once, on its first line,
//    and its other lines count 0 (they stay used, with their profit).

import { columnLabel } from '../headers';
import { t } from '../../messages';
import type { OrderGroups } from './order-groups';
import { sameAmount } from './row-list';

export interface RepeatInput {
  groups: OrderGroups;
  amount: Float64Array;
  /** The line-level amount per used row (NaN where it does not read), or null. */
  line: Float64Array | null;
  /** How messages name the line-level amount: "G (Line total)" or "quantity × unit price (D, E)". */
  lineSource: string;
  /** The amount column was chosen with --amount. */
  chosen: boolean;
  column: number;
  header: string;
  orderColumn: number;
  orderHeader: string;
}

export interface RepeatVerdict {
  /** The amounts to use, or null when the column is left as it is. */
  amount: Float64Array | null;
  /** The amounts are now the line-level ones. */
  usesLine: boolean;
  warnings: string[];
}

export function checkRepeatedTotals(d: RepeatInput): RepeatVerdict {
  const { start, slots } = d.groups;
  let multi = 0;
  let repeated = 0;
  let lineDiffers = 0;
  const isRepeated = new Uint8Array(d.groups.count);
  for (let g = 1; g < d.groups.count; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (b - a < 2) continue;
    multi++;
    const first = d.amount[slots[a]];
    let same = true;
    for (let k = a + 1; k < b && same; k++) same = sameAmount(d.amount[slots[k]], first);
    if (!same) continue;
    repeated++;
    isRepeated[g] = 1;
    if (d.line) {
      const l0 = d.line[slots[a]];
      for (let k = a + 1; k < b; k++) {
        const l = d.line[slots[k]];
        if (l === l && l0 === l0 && !sameAmount(l, l0)) { lineDiffers++; break; }
      }
    }
  }
  const none: RepeatVerdict = { amount: null, usesLine: false, warnings: [] };
  if (multi < 2 || repeated < 2 || repeated < 0.6 * multi) return none;
  if (d.line && lineDiffers * 2 < repeated) return none;

  const amount = d.amount.slice();
  const column = columnLabel(d.column, d.header);
  const order = columnLabel(d.orderColumn, d.orderHeader);
  const params = { column, orders: repeated, multi, order, flag: '--amount', off: '--order -' };
  if (d.line && !d.chosen) {
    const inOrder = new Uint8Array(amount.length);
    for (let g = 1; g < d.groups.count; g++) {
      for (let k = start[g]; k < start[g + 1]; k++) {
        const s = slots[k];
        const l = d.line[s];
        inOrder[s] = 1;
        if (l === l) amount[s] = l;
        else if (k > start[g]) amount[s] = 0;
      }
    }
    // a row without an order number is an order of one line: its line amount too, where it reads
    for (let s = 0; s < amount.length; s++) if (!inOrder[s] && d.line[s] === d.line[s]) amount[s] = d.line[s];
    return { amount, usesLine: true, warnings: [t('warn.orderTotalLine', { ...params, source: d.lineSource })] };
  }
  for (let g = 1; g < d.groups.count; g++) {
    if (!isRepeated[g]) continue;
    for (let k = start[g] + 1; k < start[g + 1]; k++) amount[slots[k]] = 0;
  }
  return { amount, usesLine: false, warnings: [t('warn.orderTotalOnce', params)] };
}
