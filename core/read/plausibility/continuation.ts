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
  /** Rows that take the customer (and date) of the anchor row `from`. */
  inherit: { r: number; from: number }[];
  /** Lines of a header row: they stay skipped, with the reason naming the header's row. */
  lines: { r: number; header: number }[];
  warnings: string[];
}

interface Block { anchor: Anchor; lines: Candidate[]; sum: number }

export function planContinuations(
  candidates: readonly Candidate[], anchorAt: (r: number) => Anchor | null, sheetRow: (r: number) => number, customerColumn: string,
): ContinuationPlan {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let last = -2;
  for (const c of candidates) {
    if (!cur || last !== c.r - 1) {
      const anchor = anchorAt(c.r - 1);
      cur = anchor ? { anchor, lines: [], sum: 0 } : null;
      if (cur) blocks.push(cur);
    }
    if (!cur) continue;
    const belongs = c.amount === c.amount && (c.order !== '' ? c.order === cur.anchor.order : c.dateBlank);
    const above = cur.lines.length + (cur.anchor.amount === cur.anchor.amount ? 1 : 0);
    const subtotal = above >= 2 && sameAmount(c.amount, cur.sum + (cur.anchor.amount === cur.anchor.amount ? cur.anchor.amount : 0));
    if (!belongs || subtotal) { cur = null; continue; }
    cur.lines.push(c);
    cur.sum += c.amount;
    last = c.r;
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
      for (const l of b.lines) plan.lines.push({ r: l.r, header: b.anchor.r });
    } else {
      for (const l of b.lines) { plan.inherit.push({ r: l.r, from: b.anchor.r }); inheritRows.push(sheetRow(l.r)); }
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
