// The plausibility checks of a long table's used rows, called once per run when the rows are
// read (LongReader.finish): each check is a pure function in its own file; this file feeds them
// in order and collects what they decide. Order: other currencies and payments leave first (they
// are no revenue of this report), then the order-level checks (header rows, repeated order
// totals), then the discount, then the sign of credit notes, and last the look of the amounts.

import { columnLabel } from '../headers';
import { t } from '../../messages';
import type { SegmentOptions } from '../../types';
import type { ReaderView } from './reader-view';
import { amountTexts, checkAmountValues } from './amount-values';
import { checkCurrencies } from './currency';
import { checkDiscount } from './discount';
import { checkDocTypes } from './doc-type';
import { LineFacts } from './line-facts';
import { checkOrderHeaders } from './order-header';
import { orderGroups } from './order-groups';
import { checkRepeatedTotals } from './repeated-total';

export { LineFacts } from './line-facts';
export { mayHoldCurrency } from './currency';
export { continuationRows } from './continuation-rows';
export { SplitDate, splitDatePlan } from './split-date';
export type { ReaderView } from './reader-view';

export interface LineEdits {
  /** New amounts (and profits) of the used rows, or null when unchanged. */
  amount: Float64Array | null;
  profit: Float64Array | null;
  /** Used rows to skip, with the reason. */
  drops: Map<number, string>;
  warnings: string[];
}

/** The checks of the used rows of a reader; `profit`: their profits, or null. */
export function checkLines(view: ReaderView, profit: Float64Array | null): LineEdits {
  const { n, headers, options, lines: facts } = view;
  const useQp = view.quantityColumn >= 0;
  const amountColumn = view.amountColumn;
  const edits: LineEdits = { amount: null, profit: null, drops: new Map(), warnings: [] };
  // a column the reader already warned about (it reads badly as the amount) needs no second word
  const label = columnLabel(amountColumn, headers[amountColumn]);
  const told = view.warnings.some((w) => w.includes(label));
  const amountValues = () => (told ? [] : checkAmountValues({
    amount: view.amount, n, textCells: amountTexts(view.skipped, amountColumn, view.decimal),
    partial: view.mapping.find((m) => m.role === 'amount')?.partial === true, column: amountColumn, header: headers[amountColumn],
  }));
  if (!facts && !options.currency) {
    // the usual ledger: no column for the other checks, no currency written in its amounts
    if (!useQp) edits.warnings.push(...amountValues());
    return edits;
  }
  const keep = new Uint8Array(n).fill(1);
  const drop = (m: Map<number, string>) => {
    for (const [s, reason] of m) { keep[s] = 0; edits.drops.set(s, reason); }
  };
  const rowOf = (s: number) => view.base + view.index[s];
  let amount = view.amount;
  let usesLine = false;
  let lineIsQp = false;

  if (facts?.currencyIds || options.currency) {
    const verdict = checkCurrencies({
      n, keep, ids: facts ? facts.ids(facts.currencyIds, n) : new Int32Array(n), codes: facts?.currencies.list ?? [''],
      uncopied: facts?.uncopied ?? [0], column: facts?.currency ?? -1, header: headers[facts?.currency ?? -1] ?? '',
      amountColumn, amountHeader: headers[amountColumn] ?? '', chosen: options.currency || null,
    });
    drop(verdict.drops);
    edits.warnings.push(...verdict.warnings);
  }

  let flips: number[] = [];
  if (facts && facts.docType >= 0) {
    const verdict = checkDocTypes({
      n, keep, ids: facts.ids(facts.docIds, n), texts: facts.docs.list, kinds: facts.docKinds, amount, rowOf,
      column: facts.docType, header: headers[facts.docType],
    });
    drop(verdict.drops);
    flips = verdict.flips;
    edits.warnings.push(...verdict.warnings);
  }

  const qp = facts && facts.quantityCells.length ? grossOf(facts, n, options) : null;
  if (facts && facts.order >= 0) {
    const { ids, texts } = facts.orderRuns(n);
    const orders = texts.length;
    const orderColumn = { column: facts.order, header: headers[facts.order] };
    let groups = orderGroups(n, ids, keep, orders);
    const h = checkOrderHeaders({ groups, amount, orderTexts: texts, rowOf, ...orderColumn });
    drop(h.drops);
    if (h.drops.size) groups = orderGroups(n, ids, keep, orders);
    edits.warnings.push(...h.warnings);
    if (!useQp) {
      const lineCol = facts.line;
      const line = lineCol >= 0 ? LineFacts.numbers(facts.lineCells, n, options.decimal) : qp;
      const lineSource = lineCol >= 0 ? columnLabel(lineCol, headers[lineCol])
        : t('plaus.quantityPrice', { quantity: columnLabel(facts.quantity, headers[facts.quantity]), price: columnLabel(facts.price, headers[facts.price]) });
      const chosen = view.mapping.find((m) => m.role === 'amount')?.source === 'option';
      const r = checkRepeatedTotals({
        groups, amount, line, lineSource, chosen,
        column: amountColumn, header: headers[amountColumn], orderColumn: facts.order, orderHeader: headers[facts.order],
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
    for (let s = 0; s < n; s++) { const c = cells[s]; if (typeof c === 'string' && c.includes('%')) percentSign[s] = 1; }
    const verdict = checkDiscount({
      n, keep, value: LineFacts.numbers(cells, n, options.decimal), percentSign,
      gross: useQp ? amount : qp ?? new Float64Array(n).fill(NaN), amount, appliesToGross: useQp || lineIsQp,
      column: facts.discount, header: headers[facts.discount], amountColumn, amountHeader: headers[amountColumn],
    });
    if (verdict.amount) amount = verdict.amount;
    edits.warnings.push(...verdict.warnings);
  }

  if (flips.length) {
    if (amount === view.amount) amount = amount.slice();
    const flipped = profit ? profit.slice() : null;
    for (const s of flips) {
      if (!(amount[s] > 0)) continue;
      amount[s] = -amount[s];
      if (flipped) flipped[s] = -flipped[s];
    }
    edits.profit = flipped;
  }

  if (!useQp && !usesLine) edits.warnings.push(...amountValues());
  if (amount !== view.amount) edits.amount = amount;
  return edits;
}

/** Quantity × unit price of each used row, from the kept cells (NaN where either does not read). */
function grossOf(facts: LineFacts, n: number, options: SegmentOptions): Float64Array {
  const q = LineFacts.numbers(facts.quantityCells, n, options.decimal);
  const p = LineFacts.numbers(facts.priceCells, n, options.decimal);
  for (let s = 0; s < n; s++) q[s] *= p[s];
  return q;
}
