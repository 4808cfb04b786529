// The plausibility checks of a long table's used rows, called once per run when the rows are
// read (LongReader.finish): each check is a pure function in its own file; this file feeds them
// in order and collects what they decide. Order: other currencies and payments leave first (they
// are no revenue of this report), then the order-level checks (header rows, repeated order
// totals), then the discount, then the sign of credit notes, and last the look of the amounts.

import { columnLabel } from '../headers';
import { t } from '../../messages';
import type { ColumnMapping, SegmentOptions } from '../../types';
import { checkAmountValues } from './amount-values';
import { checkCurrencies } from './currency';
import { checkDiscount } from './discount';
import { checkDocTypes } from './doc-type';
import { LineFacts } from './line-facts';
import { checkOrderHeaders } from './order-header';
import { orderGroups } from './order-groups';
import { checkRepeatedTotals } from './repeated-total';

export { LineFacts } from './line-facts';
export { mayHoldCurrency } from './currency';
export { planContinuations, type Anchor, type Candidate } from './continuation';
export { SplitDate, splitDatePlan } from './split-date';

export interface UsedRows {
  n: number;
  amount: Float64Array;
  profit: Float64Array | null;
  /** Table row of each used row (the header is row 0). */
  index: Int32Array;
}

export interface LineContext {
  mapping: ColumnMapping[];
  headers: readonly string[];
  options: SegmentOptions;
  /** Revenue is quantity × unit price (no amount column). */
  useQp: boolean;
  /** The amount column (the price column when useQp). */
  amountColumn: number;
  /** Texts of the amount cells of rows skipped because they are not numbers. */
  amountTexts: readonly string[];
}

export interface LineEdits {
  /** New amounts (and profits) of the used rows, or null when unchanged. */
  amount: Float64Array | null;
  profit: Float64Array | null;
  /** Used rows to skip, with the reason. */
  drops: Map<number, string>;
  warnings: string[];
}

export function checkLines(facts: LineFacts | null, rows: UsedRows, ctx: LineContext): LineEdits {
  const { n } = rows;
  const { headers } = ctx;
  const edits: LineEdits = { amount: null, profit: null, drops: new Map(), warnings: [] };
  const partial = ctx.mapping.find((m) => m.role === 'amount')?.partial === true;
  const amountValues = () => checkAmountValues({ amount: rows.amount, n, textCells: ctx.amountTexts, partial, column: ctx.amountColumn, header: headers[ctx.amountColumn] });
  if (!facts && !ctx.options.currency) {
    // the usual ledger: no column for the other checks, no currency written in its amounts
    if (!ctx.useQp) edits.warnings.push(...amountValues());
    return edits;
  }
  const keep = new Uint8Array(n).fill(1);
  const drop = (m: Map<number, string>) => {
    for (const [s, reason] of m) { keep[s] = 0; edits.drops.set(s, reason); }
  };
  const rowOf = (s: number) => ctx.options.firstRow + rows.index[s];
  let amount = rows.amount;
  let usesLine = false;
  let lineIsQp = false;

  if (facts?.currencyIds || ctx.options.currency) {
    const v = checkCurrencies({
      n, keep, ids: facts ? facts.ids(facts.currencyIds, n) : new Int32Array(n), codes: facts?.currencies.list ?? [''],
      uncopied: facts?.uncopied ?? [0], column: facts?.currency ?? -1, header: headers[facts?.currency ?? -1] ?? '',
      amountColumn: ctx.amountColumn, amountHeader: headers[ctx.amountColumn] ?? '', chosen: ctx.options.currency || null,
    });
    drop(v.drops);
    edits.warnings.push(...v.warnings);
  }

  let flips: number[] = [];
  if (facts && facts.docType >= 0) {
    const v = checkDocTypes({
      n, keep, ids: facts.ids(facts.docIds, n), texts: facts.docs.list, kinds: facts.docKinds, amount, rowOf,
      column: facts.docType, header: headers[facts.docType],
    });
    drop(v.drops);
    flips = v.flips;
    edits.warnings.push(...v.warnings);
  }

  const qp = facts && facts.quantityCells.length ? grossOf(facts, n, ctx.options) : null;
  if (facts && facts.order >= 0) {
    const ids = facts.ids(facts.orderIds, n);
    const orders = facts.orders.list.length;
    const header = { column: facts.order, header: headers[facts.order] };
    const h = checkOrderHeaders({ groups: orderGroups(n, ids, keep, orders), amount, orderTexts: facts.orders.list, rowOf, ...header });
    drop(h.drops);
    edits.warnings.push(...h.warnings);
    if (!ctx.useQp) {
      const lineCol = facts.line;
      const line = lineCol >= 0 ? LineFacts.numbers(facts.lineCells, n, ctx.options.decimal) : qp;
      const lineSource = lineCol >= 0 ? columnLabel(lineCol, headers[lineCol])
        : t('plaus.quantityPrice', { quantity: columnLabel(facts.quantity, headers[facts.quantity]), price: columnLabel(facts.price, headers[facts.price]) });
      const chosen = ctx.mapping.find((m) => m.role === 'amount')?.source === 'option';
      const r = checkRepeatedTotals({
        groups: orderGroups(n, ids, keep, orders), amount, line, lineSource, chosen,
        column: ctx.amountColumn, header: headers[ctx.amountColumn], orderColumn: facts.order, orderHeader: headers[facts.order],
      });
      if (r.amount) amount = r.amount;
      usesLine = r.usesLine;
      lineIsQp = r.usesLine && lineCol < 0;
      edits.warnings.push(...r.warnings);
    }
  }

  if (facts && facts.discount >= 0) {
    const cells = facts.discountCells;
    const percentSign = new Uint8Array(n);
    for (let s = 0; s < n; s++) { const v = cells[s]; if (typeof v === 'string' && v.includes('%')) percentSign[s] = 1; }
    const appliesToGross = ctx.useQp || lineIsQp;
    const v = checkDiscount({
      n, keep, value: LineFacts.numbers(cells, n, ctx.options.decimal), percentSign,
      gross: ctx.useQp ? amount : qp ?? new Float64Array(n).fill(NaN), amount, appliesToGross,
      column: facts.discount, header: headers[facts.discount], amountColumn: ctx.amountColumn, amountHeader: headers[ctx.amountColumn],
    });
    if (v.amount) amount = v.amount;
    edits.warnings.push(...v.warnings);
  }

  if (flips.length) {
    if (amount === rows.amount) amount = amount.slice();
    const profit = rows.profit ? rows.profit.slice() : null;
    for (const s of flips) {
      if (!(amount[s] > 0)) continue;
      amount[s] = -amount[s];
      if (profit) profit[s] = -profit[s];
    }
    edits.profit = profit;
  }

  if (!ctx.useQp && !usesLine) edits.warnings.push(...amountValues());
  if (amount !== rows.amount) edits.amount = amount;
  return edits;
}

/** Quantity × unit price of each used row, from the kept cells (NaN where either does not read). */
function grossOf(facts: LineFacts, n: number, options: SegmentOptions): Float64Array {
  const q = LineFacts.numbers(facts.quantityCells, n, options.decimal);
  const p = LineFacts.numbers(facts.priceCells, n, options.decimal);
  for (let s = 0; s < n; s++) q[s] *= p[s];
  return q;
}
