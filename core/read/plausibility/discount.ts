// Check: a discount column beside quantity × unit price. When the revenue of a line is computed
// as quantity × unit price, the discount is applied to it. Whether the column holds percentages
// or amounts is decided once for the whole column:
//  1. a cell written with "%" (or a header that says percent: "%", percent, Prozent, ποσοστό,
//     процент, pourcentage, taux, porcentaje …) → percentages: 10 is 10 %; when every value is at
//     most 1 they are fractions already (0.1 = 10 %);
//  2. else every value at most 1 and one of them strictly between 0 and 1 → fractions (0.1 = 10 %);
//  3. else every value at most 100 and one larger than its line's quantity × unit price (which an
//     amount cannot be) → percentages;
//  4. else amounts, subtracted from quantity × unit price.
// Signs are ignored (a discount of -5 is a discount of 5). When the amount column is read instead
// of quantity × unit price, the discount is not applied; if the amount equals quantity × unit
// price before the discount on most discounted rows, a warning says so.

import { columnLabel, foldHeader } from '../headers';
import { t } from '../../messages';
import { sameAmount } from './row-list';

const PERCENT_WORDS = ['percent', 'pct', 'prozent', 'satz', 'rate', 'ποσοστ', 'процент', 'pourcent', 'taux', 'porcentaje', 'porcentual']
  .map(foldHeader);

/** A header that says its values are percentages. */
export function percentHeader(header: string): boolean {
  if (header.includes('%')) return true;
  const f = foldHeader(header);
  return PERCENT_WORDS.some((w) => f.includes(w));
}

export type DiscountKind = 'percent' | 'fraction' | 'amount';

export interface DiscountInput {
  n: number;
  keep: Uint8Array;
  /** Per used row: the discount read as a number (NaN: empty or unreadable); "10 %" already 0.1. */
  value: Float64Array;
  /** Per used row: the cell was written with a % sign. */
  percentSign: Uint8Array;
  /** Quantity × unit price per used row (NaN where it does not read). */
  gross: Float64Array;
  /** The amounts in use; with `appliesToGross` these are quantity × unit price. */
  amount: Float64Array;
  /** The revenue is quantity × unit price, so the discount is applied. */
  appliesToGross: boolean;
  column: number;
  header: string;
  amountColumn: number;
  amountHeader: string;
}

export interface DiscountVerdict {
  amount: Float64Array | null;
  kind: DiscountKind | null;
  warnings: string[];
}

/** How the column's values are read (see the rules above); null when no row has a discount. */
export function discountKind(d: DiscountInput): DiscountKind | null {
  let any = false;
  let sign = false;
  let max = 0;
  let fraction = false;
  let aboveGross = false;
  for (let s = 0; s < d.n; s++) {
    const v = Math.abs(d.value[s]);
    if (!d.keep[s] || v !== v || v === 0) continue;
    any = true;
    if (d.percentSign[s]) sign = true;
    if (v > max) max = v;
    if (v < 1) fraction = true;
    const g = Math.abs(d.gross[s]);
    if (g === g && v > g) aboveGross = true;
  }
  if (!any) return null;
  if (sign || percentHeader(d.header)) return max <= 1 && !sign ? 'fraction' : 'percent';
  if (max <= 1 && fraction) return 'fraction';
  if (max <= 100 && aboveGross) return 'percent';
  return 'amount';
}

export function checkDiscount(d: DiscountInput): DiscountVerdict {
  const kind = discountKind(d);
  const column = columnLabel(d.column, d.header);
  if (kind === null) return { amount: null, kind, warnings: [] };
  if (!d.appliesToGross) {
    let discounted = 0;
    let gross = 0;
    for (let s = 0; s < d.n; s++) {
      const v = d.value[s];
      if (!d.keep[s] || v !== v || v === 0 || d.gross[s] !== d.gross[s]) continue;
      discounted++;
      if (d.gross[s] !== 0 && sameAmount(d.amount[s], d.gross[s])) gross++;
    }
    if (discounted === 0 || gross * 2 <= discounted) return { amount: null, kind, warnings: [] };
    return {
      amount: null,
      kind,
      warnings: [t('warn.discountGross', { amount: columnLabel(d.amountColumn, d.amountHeader), column, count: gross, rows: discounted, flag: '--amount -', off: '--discount -' })],
    };
  }
  const amount = d.amount.slice();
  let applied = 0;
  for (let s = 0; s < d.n; s++) {
    const v = Math.abs(d.value[s]);
    if (!d.keep[s] || v !== v || v === 0) continue;
    const g = amount[s];
    if (kind === 'amount') amount[s] = g - Math.sign(g) * v;
    else amount[s] = g * (1 - (kind === 'percent' && !d.percentSign[s] ? v / 100 : v));
    applied++;
  }
  const key = kind === 'amount' ? 'warn.discountAmount' : kind === 'fraction' ? 'warn.discountFraction' : 'warn.discountPercent';
  return { amount, kind, warnings: [t(key, { column, count: applied, flag: '--discount -' })] };
}
