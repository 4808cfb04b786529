// Check: rows with an empty customer directly below a row that has one. Order-line exports (1C,
// SAP and many ERP "sales by document" reports, QuickBooks' "Sales by Customer Detail") write
// the customer and date on an order's first line only; today such a row is skipped as "customer
// is empty". A row is a continuation of the row above when
//  - its customer cell is empty, its amount reads, and it follows the row above directly (or
//    another continuation of it), and
//  - its order number is the one of the row above, or it has none and its date is empty too;
//  - and it is no subtotal: its amount is not the sum of the two or more lines above it.
// Two readings of such blocks:
//  - header-plus-detail: the first row holds the order total and the rows below its lines. When
//    at least two blocks of three or more rows open with the sum of their lines, and they are at
//    least half of such blocks, every block whose first row has an amount is read so: its first
//    row counts (it is the order), its lines are skipped with the reason (their total is counted);
//  - otherwise each continuation row takes the customer (and, if its own is empty, the date) of
//    the row above and is read as a line of its own.
// `--continuation off` skips such rows as before.

import { t } from '../../messages';
import { rowList, sameAmount } from './row-list';

export interface Candidate {
  /** Table row (the header is row 0). */
  r: number;
  dateBlank: boolean;
  /** The row's amount (NaN when it does not read). */
  amount: number;
  /** Its order number as text ('' = none). */
  order: string;
}

export interface Anchor {
  r: number;
  amount: number;
  order: string;
}

export interface ContinuationPlan {
  /** Rows (by their position k in `rows`) that take the customer (and date) of the anchor row `from`. */
  inherit: { k: number; from: number }[];
  /** Lines of a header row (by position k): they stay skipped, with the reason naming the header's row. */
  lines: { k: number; header: number }[];
  warnings: string[];
}

interface Block { anchor: Anchor; lines: { k: number; c: Candidate }[]; sum: number }

/**
 * rows: the table rows with an empty customer, in order; candidate(k) reads rows[k] (asked only
 * for rows that follow an anchor or a continuation); anchorAt(r): row r when it has a customer.
 */
export function planContinuations(
  rows: readonly number[], candidate: (k: number) => Candidate, anchorAt: (r: number) => Anchor | null,
  sheetRow: (r: number) => number, customerColumn: string,
): ContinuationPlan {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let last = -2;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!cur || last !== r - 1) {
      // the row above is an empty-customer row outside any block: no anchor
      const anchor = k > 0 && rows[k - 1] === r - 1 ? null : anchorAt(r - 1);
      cur = anchor ? { anchor, lines: [], sum: 0 } : null;
      if (cur) blocks.push(cur);
    }
    if (!cur) continue;
    const c = candidate(k);
    const belongs = c.amount === c.amount && (c.order !== '' ? c.order === cur.anchor.order : c.dateBlank);
    const above = cur.lines.length + (cur.anchor.amount === cur.anchor.amount ? 1 : 0);
    const subtotal = above >= 2 && sameAmount(c.amount, cur.sum + (cur.anchor.amount === cur.anchor.amount ? cur.anchor.amount : 0));
    if (!belongs || subtotal) { cur = null; continue; }
    cur.lines.push({ k, c });
    cur.sum += c.amount;
    last = r;
  }
  const used = blocks.filter((b) => b.lines.length > 0);
  const isHeader = (b: Block) => b.anchor.amount === b.anchor.amount && b.anchor.amount !== 0 && sameAmount(b.anchor.amount, b.sum);
  const big = used.filter((b) => b.lines.length >= 2);
  const bigHeaders = big.filter(isHeader).length;
  const headerLayout = bigHeaders >= 2 && bigHeaders * 2 >= big.length;
  const plan: ContinuationPlan = { inherit: [], lines: [], warnings: [] };
  const headerRows: number[] = [];
  const inheritRows: number[] = [];
  for (const b of used) {
    if (headerLayout && b.anchor.amount === b.anchor.amount) {
      headerRows.push(sheetRow(b.anchor.r));
      for (const l of b.lines) plan.lines.push({ k: l.k, header: b.anchor.r });
    } else {
      for (const l of b.lines) { plan.inherit.push({ k: l.k, from: b.anchor.r }); inheritRows.push(sheetRow(l.c.r)); }
    }
  }
  const flag = '--continuation off';
  if (plan.inherit.length) {
    plan.warnings.push(t('warn.continuation', { count: plan.inherit.length, column: customerColumn, rows: rowList(inheritRows), flag }));
  }
  if (plan.lines.length) {
    plan.warnings.push(t('warn.continuationHeader', { count: plan.lines.length, headers: headerRows.length, column: customerColumn, rows: rowList(headerRows), flag }));
  }
  return plan;
}
