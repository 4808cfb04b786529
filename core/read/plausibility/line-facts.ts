// LineFacts: what the plausibility checks need of each used row, gathered while the rows are
// read — the order number, the document type, the currency, the discount, a line-level amount —
// at O(1) per row, and only when a table has such columns (or amounts written with a currency).
// The lines of an order are the consecutive rows with its number: no lookup per row.
// A row the checks may set aside later keeps its cells, so the Skipped rows sheet can show them:
// the first row of each order, payment rows, and rows that name a currency. Rows of a grid are
// kept by reference (the grid outlives the run); rows a caller may refill are copied — of a
// streamed table with one currency so far, the first 20,000 only (see CurrencyInput.uncopied).

import { cellText } from '../values';
import { columnOf } from '../row-cells';
import { NumberColumn, numberOf } from '../number-column';
import { DOC_NOT_SALE, DOC_PAYMENT, docKind } from './doc-type';
import { currencyCode, currencyMark } from './currency';
import type { ColumnMapping, RawCell, SegmentOptions } from '../../types';

const FIRST_CURRENCY_COPIES = 20000;

const NONE = Symbol('none');

/** Interned texts: id 0 is the empty text. */
class Texts {
  readonly list: string[] = [''];
  private ids = new Map<string, number>();
  /** The last cell asked for and its id: a column of few values repeats them row after row. */
  private lastCell: RawCell | typeof NONE = NONE;
  private lastId = 0;
  id(text: string): number {
    if (text === '') return 0;
    let id = this.ids.get(text);
    if (id === undefined) { id = this.list.length; this.list.push(text); this.ids.set(text, id); }
    return id;
  }

  /** The id of a cell's text, made by `text` (asked only when the cell is not the last one's). */
  idOfCell(cell: RawCell, text: (cell: RawCell) => string): number {
    if (cell !== this.lastCell) { this.lastCell = cell; this.lastId = this.id(text(cell)); }
    return this.lastId;
  }
}

/** A cell as a key: its text, trimmed (the usual cell needs no trimming and is its own key). */
export function keyOf(v: RawCell): string {
  if (v === null || v === undefined || v === '') return '';
  const s = typeof v === 'string' ? v : cellText(v);
  return s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32 ? s : s.trim();
}

function grown(a: Int32Array<ArrayBuffer>, s: number): Int32Array<ArrayBuffer> {
  if (s < a.length) return a;
  const b = new Int32Array(Math.max(16, a.length * 2, s + 1));
  b.set(a);
  return b;
}

export class LineFacts {
  readonly order: number;
  readonly line: number;
  readonly quantity: number;
  readonly price: number;
  readonly docType: number;
  readonly currency: number;
  readonly discount: number;
  /** Quantity and unit price are kept per row (the amount column is read, and a check compares). */
  private readonly keepQp: boolean;
  private readonly chosenCurrency: string | null;

  n = 0;
  /** Per used row: its run of rows with the same order number (0 = none); the run's number as text. */
  private runIds: Int32Array<ArrayBuffer> = new Int32Array(0);
  private readonly runTexts: string[] = [''];
  private lastOrderKey = '';
  private lastRun = 0;
  lineCells: RawCell[] = [];
  quantityCells: RawCell[] = [];
  priceCells: RawCell[] = [];
  docIds: Int32Array<ArrayBuffer> = new Int32Array(0);
  readonly docs = new Texts();
  readonly docKinds: number[] = [0];
  currencyIds: Int32Array<ArrayBuffer> | null = null;
  readonly currencies = new Texts();
  /** Per currency id: rows without a copy of their cells. */
  readonly uncopied: number[] = [0];
  private firstCurrencyCopies = 0;
  /** Currencies seen in amount texts (no currency column). */
  marked = false;
  discountCells: RawCell[] = [];
  /** The cells of rows the checks may skip, and their used-row positions (copy them before handing them out). */
  private copySlots: number[] = [];
  private copyRows: (readonly RawCell[])[] = [];
  /** The order cell of the last row taken: a row whose cell differs may start an order. */
  private lastOrderCell: RawCell | typeof NONE = NONE;

  constructor(mapping: ColumnMapping[], useQp: boolean, options: SegmentOptions) {
    this.order = columnOf(mapping, 'order');
    this.line = columnOf(mapping, 'line-amount');
    this.quantity = columnOf(mapping, 'quantity');
    this.price = columnOf(mapping, 'price');
    this.docType = columnOf(mapping, 'doc-type');
    this.currency = columnOf(mapping, 'currency-column');
    this.discount = columnOf(mapping, 'discount');
    this.keepQp = !useQp && this.quantity >= 0 && this.price >= 0 && (this.order >= 0 || this.discount >= 0);
    this.chosenCurrency = options.currency ? currencyCode(options.currency) : null;
    if (this.currency >= 0) this.currencyIds = new Int32Array(0);
  }

  /** Whether a table with this mapping has anything for the checks to gather per row. */
  static wanted(mapping: ColumnMapping[]): boolean {
    return mapping.some((m) => m.role === 'order' || m.role === 'doc-type' || m.role === 'currency-column' || m.role === 'discount');
  }

  /** Used row s has been stored; `stable`: the row array is not refilled by the caller. */
  take(s: number, row: readonly RawCell[], stable: boolean): void {
    if (s >= this.n) this.n = s + 1;
    let copy = false;
    if (this.order >= 0) {
      const cell = row[this.order];
      if (cell !== this.lastOrderCell) {
        this.lastOrderCell = cell;
        const key = keyOf(cell);
        if (key !== this.lastOrderKey) {
          this.lastOrderKey = key;
          this.lastRun = key === '' ? 0 : this.runTexts.push(key) - 1;
          copy = true;
        }
      }
      if (s >= this.runIds.length) this.runIds = grown(this.runIds, s);
      this.runIds[s] = this.lastRun;
    }
    if (this.line >= 0 && this.order >= 0) this.lineCells[s] = row[this.line];
    if (this.keepQp) { this.quantityCells[s] = row[this.quantity]; this.priceCells[s] = row[this.price]; }
    if (this.docType >= 0) {
      const known = this.docs.list.length;
      const id = this.docs.idOfCell(row[this.docType], keyOf);
      if (id >= known) this.docKinds[id] = docKind(this.docs.list[id]);
      if (s >= this.docIds.length) this.docIds = grown(this.docIds, s);
      this.docIds[s] = id;
      const kind = this.docKinds[id];
      if (kind === DOC_PAYMENT || kind === DOC_NOT_SALE) copy = true;
    }
    if (this.currency >= 0) copy = this.setCurrency(s, this.currencies.idOfCell(row[this.currency], (c) => currencyCode(keyOf(c))), stable) || copy;
    if (this.discount >= 0) this.discountCells[s] = row[this.discount];
    if (copy) this.keep(s, row, stable);
  }

  private keep(s: number, row: readonly RawCell[], stable: boolean): void {
    this.copySlots.push(s);
    this.copyRows.push(stable ? row : Array.from(row));
  }

  /** The kept cells of used rows, by position. */
  copies(): Map<number, readonly RawCell[]> {
    return new Map(this.copySlots.map((s, k) => [s, this.copyRows[k]]));
  }

  /** The amount text of used row s names a currency (read only when there is no currency column). */
  mark(s: number, text: string, row: readonly RawCell[], stable: boolean): void {
    if (this.currency >= 0) return;
    const code = currencyMark(text);
    if (code === null) return;
    this.marked = true;
    if (s >= this.n) this.n = s + 1;
    if (this.setCurrency(s, this.currencies.id(code), stable)) this.keep(s, row, stable);
  }

  /**
   * The orders of the used rows (in row order): runs of consecutive rows with the same number
   * (rows read late, such as rows that waited for a column decision, join the run they fall in).
   */
  orderRuns(n: number): { ids: Int32Array; texts: string[] } {
    const ids = new Int32Array(n);
    const texts = [''];
    let prevRun = -1;
    let prevKey = '';
    let id = 0;
    for (let s = 0; s < n; s++) {
      const run = s < this.runIds.length ? this.runIds[s] : 0;
      if (run !== prevRun) {
        prevRun = run;
        const key = this.runTexts[run];
        if (key !== prevKey) { prevKey = key; id = key === '' ? 0 : texts.push(key) - 1; }
      }
      ids[s] = id;
    }
    return { ids, texts };
  }

  /** The order number of used row s as text ('' = none). */
  orderText(s: number): string {
    return s < this.runIds.length ? this.runTexts[this.runIds[s]] : '';
  }

  /** Record the currency (id) of row s; whether its cells should be kept (a grid's rows cost nothing to keep). */
  private setCurrency(s: number, id: number, stable: boolean): boolean {
    let ids = this.currencyIds ?? new Int32Array(0);
    if (s >= ids.length) ids = grown(ids, s);
    this.currencyIds = ids;
    if (this.uncopied[id] === undefined) this.uncopied[id] = 0;
    ids[s] = id;
    if (id === 0) return false;
    if (this.chosenCurrency !== null) return this.currencies.list[id] !== this.chosenCurrency;
    if (stable || this.currencies.list.length > 2) return true;
    if (this.firstCurrencyCopies < FIRST_CURRENCY_COPIES) { this.firstCurrencyCopies++; return true; }
    this.uncopied[id]++;
    return false;
  }

  /** Used rows were put back in row order: position k now holds what was at order[k]. */
  reorder(order: readonly number[]): void {
    const n = order.length;
    const ints = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(n);
      const len = a.length;
      for (let k = 0; k < n; k++) { const i = order[k]; if (i < len) b[k] = a[i]; }
      return b;
    };
    const cells = <T>(a: T[]): T[] => (a.length ? order.map((i) => a[i]) : a);
    if (this.copySlots.length) {
      const at = new Int32Array(n);
      for (let k = 0; k < n; k++) at[order[k]] = k;
      this.copySlots = this.copySlots.map((s) => at[s]);
    }
    if (this.order >= 0) this.runIds = ints(this.runIds);
    if (this.docType >= 0) this.docIds = ints(this.docIds);
    if (this.currencyIds) this.currencyIds = ints(this.currencyIds);
    this.lineCells = cells(this.lineCells);
    this.quantityCells = cells(this.quantityCells);
    this.priceCells = cells(this.priceCells);
    this.discountCells = cells(this.discountCells);
    this.n = n;
  }

  /** An Int32Array of the used rows' ids (0 for rows never recorded). */
  ids(a: Int32Array | null, n: number): Int32Array {
    const b = new Int32Array(n);
    if (a) b.set(a.subarray(0, Math.min(n, a.length)));
    return b;
  }

  /** The cells of one kept column read as numbers, with the column's decimal separator decided from them. */
  static numbers(cells: readonly RawCell[], n: number, forced: '.' | ',' | null): Float64Array {
    const col = new NumberColumn(forced);
    for (let s = 0; s < n; s++) col.observe(cells[s]);
    const decimal = col.decide();
    const out = new Float64Array(n);
    for (let s = 0; s < n; s++) out[s] = numberOf(cells[s], decimal);
    return out;
  }
}
