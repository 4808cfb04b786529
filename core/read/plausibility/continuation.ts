// Check: rows with an empty customer directly below a row that has one. Order-line exports (1C,
// SAP and many ERP "sales by document" reports) write the customer and date on an order's first
// line only; grouped reports (QuickBooks "Sales by Customer Detail") write the customer once, on a
// heading row above its lines. Today such a row is skipped as "customer is empty". A row
// continues the row above (its anchor) when
//  - its customer cell is empty, its amount reads, and it follows the anchor directly (or another
//    continuation of it);
//  - and its order number is the anchor's; or it has none and its date is empty too; or the
//    anchor is a heading (a customer with neither amount nor date); or the table is grouped by
//    customer (Salesforce's formatted reports: the account on its group's first row only, each row
//    with its own date) — at least two such blocks of three rows or more on average, and the
//    customer of each appears in no other rows than its block's first ones;
//  - and it is no total: its amount is not the sum of the two or more rows of its block above it,
//    nor of the two or more rows of the anchor's customer run (a group subtotal), nor of the two or
//    more used rows of the table above it (a grand total).
// A row that continues only by the layout (no order number of the anchor's) needs company: at
// least two such rows in the table, else it stays skipped. Two readings of the blocks found:
//  - header-plus-detail: the anchor holds the order total and the rows below are its lines. When
//    at least two blocks of three or more rows open with the sum of their lines, and they are at
//    least half of such blocks, every block whose anchor has an amount is read so: the anchor
//    counts (it is the order), its lines are skipped with the reason (their total is counted);
//  - otherwise each continuation row takes the customer (and, where its own are empty, the date
//    and order number) of its anchor and is read as a line of its own.
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
  /** NaN when its amount does not read. */
  amount: number;
  order: string;
  /** A customer with neither amount nor date: the heading of a group of lines. */
  heading: boolean;
  /** The sum and number of the used rows of the anchor's customer run, ending at the anchor. */
  runSum: number;
  runRows: number;
  /** The sum and number of the used rows of the table up to the anchor. */
  tableSum: number;
  tableRows: number;
  /** The number of used rows of the anchor's customer in the whole table (-1: the anchor is not used). */
  customerRows: number;
}

export interface ContinuationPlan {
  /** Rows (by their position k in `rows`) that take the customer (and date) of the anchor row `from`. */
  inherit: { k: number; from: number }[];
  /** Lines of a header row (by position k): they stay skipped, with the reason naming the header's row. */
  lines: { k: number; header: number }[];
  warnings: string[];
}

interface Block { anchor: Anchor; lines: { k: number; c: Candidate }[]; sum: number }

const reads = (x: number) => x === x;

/**
 * The blocks of continuation rows; `layout`: rows may continue by the layout alone; `grouped`: the
 * table is grouped by customer, so a row with its own date continues too.
 */
function blocksOf(rows: readonly number[], candidate: (k: number) => Candidate, anchorAt: (r: number) => Anchor | null, layout: boolean, grouped: boolean) {
  const blocks: Block[] = [];
  let byLayout = 0;
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
    const a = cur.anchor;
    const byOrder = c.order !== '' && c.order === a.order;
    const fits = byOrder || a.heading || (c.order === '' && (c.dateBlank || grouped));
    const aboveRows = cur.lines.length + (reads(a.amount) ? 1 : 0);
    const aboveSum = cur.sum + (reads(a.amount) ? a.amount : 0);
    const total = (aboveRows >= 2 && sameAmount(c.amount, aboveSum))
      || (a.runRows >= 2 && sameAmount(c.amount, a.runSum + cur.sum))
      || (a.tableRows + cur.lines.length >= 2 && sameAmount(c.amount, a.tableSum + cur.sum));
    if (!reads(c.amount) || !fits || total || (!byOrder && !layout)) { cur = null; continue; }
    if (!byOrder) byLayout++;
    cur.lines.push({ k, c });
    cur.sum += c.amount;
    last = r;
  }
  return { blocks: blocks.filter((b) => b.lines.length > 0), byLayout };
}

/**
 * Whether the table is grouped by customer: the rows right below at least two rows with a customer
 * have an empty customer, their own date and an amount, and each of those customers appears in no
 * other used rows than its block's first run (so a ledger with a few missing names is no group).
 */
function groupedByCustomer(rows: readonly number[], candidate: (k: number) => Candidate, anchorAt: (r: number) => Anchor | null): boolean {
  let blocks = 0;
  let lines = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (k > 0 && rows[k - 1] === r - 1) { if (blocks > 0) lines++; continue; }
    const a = anchorAt(r - 1);
    if (!a || a.heading) continue;
    const c = candidate(k);
    if (c.dateBlank || c.order !== '' || !reads(c.amount)) continue;
    if (a.customerRows !== a.runRows) return false;
    blocks++;
    lines++;
  }
  // groups of three rows or more on average: a few stray rows without a name make no groups
  return blocks >= 2 && lines >= 2 * blocks;
}

/**
 * rows: the table rows with an empty customer, in order; candidate(k) reads rows[k] (asked only
 * for rows that follow an anchor or a continuation); anchorAt(r): row r when it has a customer.
 */
export function planContinuations(
  rows: readonly number[], candidate: (k: number) => Candidate, anchorAt: (r: number) => Anchor | null,
  sheetRow: (r: number) => number, customerColumn: string,
): ContinuationPlan {
  const grouped = groupedByCustomer(rows, candidate, anchorAt);
  let { blocks, byLayout } = blocksOf(rows, candidate, anchorAt, true, grouped);
  // a row that continues by the layout alone needs another one
  if (byLayout === 1) blocks = blocksOf(rows, candidate, anchorAt, false, false).blocks;
  const isHeader = (b: Block) => reads(b.anchor.amount) && b.anchor.amount !== 0 && sameAmount(b.anchor.amount, b.sum);
  const big = blocks.filter((b) => b.lines.length >= 2);
  const bigHeaders = big.filter(isHeader).length;
  const headerLayout = bigHeaders >= 2 && bigHeaders * 2 >= big.length;
  const plan: ContinuationPlan = { inherit: [], lines: [], warnings: [] };
  const headerRows: number[] = [];
  const inheritRows: number[] = [];
  for (const b of blocks) {
    if (headerLayout && reads(b.anchor.amount)) {
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
