// Long input (one row per transaction), read one row at a time so a caller can stream a file
// through it without holding the table. Every row read is used or reported with its sheet row
// number and a reason; nothing is dropped silently and no single row can abort the run.
//
// Two readings depend on whole columns: the decimal separator of text numbers and the day/month
// order of text dates. A cell whose reading waits for that decision is kept as its possible
// readings and settled in finish(); a row where the decision could turn a value into a problem is
// kept whole ("deferred") and read again in finish() with the decision made.
//
// Totals rows: a customer cell that is a totals word ("Total", "Σύνολο", "Итого", "Summe" …) is
// checked once per distinct name, when the name is first met; its rows are skipped. Subtotal
// lines ("Acme Total", "Итого по Acme") and rows with an empty customer are kept aside and
// decided in finish(), from the amounts of the rows above them (totals.ts).

import { CustomerIndex } from './customer-index';
import { DATE_FIXED, DATE_MAY_FAIL, DateTable, dayOfCell, isDateText } from './date-column';
import { NumberColumn, numberOf, numberProblem } from './number-column';
import { commonSerialDay, isoDateDay, isoFromDay, parseIsoDay } from '../basics/dates';
import { columnLabel } from './headers';
import { t } from '../messages';
import { take, giveBack } from '../basics/scratch';
import { errorValue, isBlank, isTruthy } from './values';
import { newCustomerFacts } from './customer-facts';
import { customerDimensions, DimensionColumn } from './dimension-column';
import { columnOf, rowIsBlank } from './row-cells';
import { foldTotals, isTotalsWord, maybeTotals, sameAmount, subtotalName } from './totals';
import type { ReadResult } from './read-types';
import type { ColumnMapping, RawCell, SegmentOptions, SkippedRow } from '../types';
import { checkLines, continuationRows, LineFacts, mayHoldCurrency, type ReaderView } from './plausibility';

const NO_DAY = -2147483648;
const TAGS = ['image', 'expert', 'need', 'solvency', 'authority'] as const;
/** What a customer name is, for the totals rule: a customer (0), a totals word, or a subtotal line. */
const TOTAL = 1;
const SUBTOTAL = 2;

export class LongReader {
  private readonly ci: number;
  private readonly di: number;
  /** Amount column, or the price column when amount = quantity × price. */
  private readonly ai: number;
  private readonly qi: number;
  private readonly fi: number;
  private readonly useQp: boolean;
  /** No option or column that a typed row needs evaluate() for (see add). */
  private readonly typedOnly: boolean;
  private readonly tagCols: number[];
  private readonly budgetCol: number;
  /** The dimension column (SPEC §7) and its values, or -1 / null. */
  private readonly dimCol: number;
  private readonly dimension: DimensionColumn | null;
  private readonly customers: CustomerIndex;
  private readonly numA: NumberColumn;
  private readonly numQ: NumberColumn;
  private readonly numP: NumberColumn;
  private readonly dates: DateTable;
  private readonly from: number;
  private readonly to: number;
  private readonly asOfOption: number;
  private readonly emptyAmount = t('skip.noAmount');

  // used rows, struct of arrays, grown by doubling
  private n = 0;
  private cust: Int32Array;
  private day: Int32Array;
  private amt: Float64Array;
  private profit: Float64Array | null;
  private index: Int32Array;
  private tagBits: Uint8Array | null;
  private budgets: RawCell[] | null;
  /** Per used row, the number of its dimension value (see dimension-column.ts). */
  private dimIds: Int32Array | null;
  /** What the plausibility checks need of the used rows (null: nothing to check per row). */
  private lines: LineFacts | null;
  /** The rows being added are not refilled by their caller (a grid's rows, or rows kept here). */
  stable = false;

  // readings settled in finish()
  private pendDate: number[] = [];
  private pendAmt: number[] = [];
  private pendAmtComma: number[] = [];
  private pendProfit: number[] = [];
  private pendProfitComma: number[] = [];
  private deferred: { r: number; row: RawCell[] }[] = [];
  /** Blank rows seen since the last non-blank one: skipped if a row follows, not read if the table ends. */
  private blanks: { r: number; row: readonly RawCell[] }[] = [];
  private readonly skipped: SkippedRow[] = [];
  private mismatches = 0;
  /** Index of the last non-blank row added (0 = none). */
  lastRow = 0;

  // the totals rule (see the top of the file)
  /** Customers (by index) whose names have been checked. */
  private checked = 0;
  /** Per customer: 0, TOTAL or SUBTOTAL; null until the first totals name is met. */
  private totalsKind: Uint8Array | null = null;
  /** For a subtotal line whose name is a customer met before it: that customer. */
  private subtotalOf: Map<number, number> | null = null;
  /** Customer names folded as totals.ts folds them, built only when a subtotal line needs them. */
  private folded: Map<string, number> | null = null;
  /** Table rows of the totals-word rows, in order. */
  private totalRows: number[] = [];
  /** Rows that may be totals: subtotal lines and rows with an empty customer, in order. */
  private maybeTotal: { r: number; row: RawCell[]; c: number }[] = [];

  /**
   * `base`: sheet row of the header, so row r of the table is sheet row base + r (rows above the
   * header are not part of the table).
   */
  constructor(private mapping: ColumnMapping[], private headers: string[], private warnings: string[], private options: SegmentOptions, capacity: number,
    private readonly base: number = options.firstRow) {
    this.ci = columnOf(mapping, 'customer');
    this.di = columnOf(mapping, 'date');
    const amount = columnOf(mapping, 'amount');
    this.useQp = amount < 0;
    this.ai = this.useQp ? columnOf(mapping, 'price') : amount;
    this.qi = columnOf(mapping, 'quantity');
    this.fi = columnOf(mapping, 'profit');
    this.tagCols = TAGS.map((role) => columnOf(mapping, role));
    this.budgetCol = columnOf(mapping, 'budget');
    this.dimCol = columnOf(mapping, 'dimension');
    this.dimension = this.dimCol >= 0 ? new DimensionColumn() : null;
    this.lines = LineFacts.wanted(mapping) ? new LineFacts(mapping, this.useQp, options) : null;
    this.typedOnly = !this.useQp && this.budgetCol < 0 && this.tagCols.every((k) => k < 0) && !options.date1904
      && !options.from && !options.to && !options.asOf;
    this.customers = new CustomerIndex(options.caseSensitive, capacity);
    this.numA = new NumberColumn(options.decimal);
    this.numQ = new NumberColumn(options.decimal);
    this.numP = new NumberColumn(options.decimal);
    this.dates = new DateTable(this.di, headers[this.di], options);
    this.from = options.from ? parseIsoDay(options.from)! : NO_DAY;
    this.to = options.to ? parseIsoDay(options.to)! : 2147483647;
    this.asOfOption = options.asOf ? parseIsoDay(options.asOf)! : NO_DAY;
    const cap = Math.max(16, capacity);
    this.cust = take('rows.cust', Int32Array, cap);
    this.day = take('rows.day', Int32Array, cap);
    this.amt = take('rows.amount', Float64Array, cap);
    this.profit = this.fi >= 0 ? take('rows.profit', Float64Array, cap) : null;
    this.index = take('rows.index', Int32Array, cap);
    const tagged = this.tagCols.some((c) => c >= 0);
    this.tagBits = tagged ? new Uint8Array(cap) : null;
    this.budgets = this.budgetCol >= 0 ? [] : null;
    this.dimIds = this.dimension ? new Int32Array(cap) : null;
  }

  /** Data row r of the table (the header is row 0). */
  add(row: readonly RawCell[], r: number): void {
    const c = this.customers.lookup(row[this.ci]);
    if (c >= this.checked) this.checkNames();
    const kinds = this.totalsKind;
    if (c >= 0 && this.typedOnly && this.blanks.length === 0 && (kinds === null || kinds[c] === 0)) {
      // the usual typed row (a serial date, a number, maybe a number or nothing as profit) in a
      // table without a window, tags or quantity × price: what evaluate() would find, found directly
      const d = commonSerialDay(row[this.di]);
      const av = row[this.ai];
      if (d === d && typeof av === 'number' && av - av === 0) {
        let p = 0;
        let plain = true;
        if (this.fi >= 0) {
          const pv = row[this.fi];
          if (typeof pv === 'number' && pv - pv === 0) p = pv;
          else plain = pv === '' || pv === null || pv === undefined;
        }
        if (plain) {
          this.lastRow = r;
          const s = this.put(c, d, av, p, r);
          if (this.dimIds) this.dimIds[s] = this.dimension!.idOf(row[this.dimCol]);
          if (this.lines) this.lines.take(s, row, this.stable);
          return;
        }
      }
    }
    // a copy: the row is kept past this call, and the caller may refill the same array
    if (c < 0 && rowIsBlank(row)) { this.blanks.push({ r, row: Array.from(row) }); return; }
    if (this.blanks.length) {
      for (const b of this.blanks) this.skip(b.r, b.row, t('skip.blank'));
      this.blanks.length = 0;
    }
    this.lastRow = r;
    if (kinds !== null && c >= 0 && kinds[c] !== 0) { this.totalsRow(row, r, c, kinds[c]); return; }
    this.evaluate(row, r, c, false);
  }

  /** Check the names of the customers met since the last call for totals words and subtotal lines. */
  private checkNames(): void {
    const names = this.customers.names;
    for (let k = this.checked; k < names.length; k++) {
      const name = names[k];
      if (typeof name !== 'string' || !maybeTotals(name)) continue;
      let kind = 0;
      if (isTotalsWord(name)) kind = TOTAL;
      else {
        const sub = subtotalName(name);
        if (sub !== null) {
          kind = SUBTOTAL;
          const of = this.customerNamed(sub, k);
          if (of >= 0) (this.subtotalOf ??= new Map()).set(k, of);
        }
      }
      if (kind === 0) continue;
      this.reserveKinds(names.length);
      this.totalsKind![k] = kind;
    }
    this.checked = names.length;
    // every customer met so far has its entry (0 for a customer)
    if (this.totalsKind !== null) this.reserveKinds(names.length);
  }

  private reserveKinds(n: number): void {
    const kinds = this.totalsKind;
    if (kinds !== null && kinds.length >= n) return;
    const more = new Uint8Array(Math.max(64, 2 * n));
    if (kinds) more.set(kinds);
    this.totalsKind = more;
  }

  /** The customer met before customer `before` whose folded name is `folded`, or -1. */
  private customerNamed(folded: string, before: number): number {
    const map = (this.folded ??= new Map());
    const names = this.customers.names;
    for (let k = this.foldedUpTo; k < before; k++) {
      const f = foldTotals(String(names[k]));
      if (!map.has(f)) map.set(f, k);
    }
    if (before > this.foldedUpTo) this.foldedUpTo = before;
    const hit = map.get(folded);
    return hit !== undefined && hit < before ? hit : -1;
  }
  private foldedUpTo = 0;

  /** A row whose customer is a totals word (skipped), or a subtotal line (decided in finish()). */
  private totalsRow(row: readonly RawCell[], r: number, c: number, kind: number): void {
    // its cells still count towards the column decisions, as a skipped row's do
    this.observeFrom(row, 1);
    if (kind === TOTAL) {
      this.totalRows.push(r);
      this.skip(r, row, t('skip.totals'));
      return;
    }
    this.maybeTotal.push({ r, row: Array.from(row), c });
  }

  /**
   * Use, skip or defer one row. The checks run in a fixed order (customer, date, amount, profit,
   * window) and the first that fails names the reason. `final`: the column decisions are made.
   */
  private evaluate(row: readonly RawCell[], r: number, c: number, final: boolean): void {
    const { di, ai, qi, fi } = this;
    if (c < 0) {
      const cv = row[this.ci];
      const err = errorValue(cv);
      if (err) this.skip(r, row, t('skip.error', { value: err, column: columnLabel(this.ci, this.headers[this.ci]) }));
      // an empty customer under rows whose amounts it adds up is a totals row: decided in finish()
      else if (!final) this.maybeTotal.push({ r, row: Array.from(row), c: -1 });
      else this.skip(r, row, t('skip.noCustomer'));
      this.observeFrom(row, 1);
      return;
    }
    const dv = row[di];
    let d = 0;
    let dateId = -1;
    if (!this.options.date1904 && (d = commonSerialDay(dv)) === d) {
      // the common case; dayOfCell has the rest
    } else if (typeof dv === 'string' && (d = isoDateDay(dv)) === d) {
      // plain ISO text, the common case of a CSV: no column decision can change it
    } else if (isDateText(dv)) {
      const id = this.dates.idOf(dv);
      const state = final ? DATE_FIXED : this.dates.state(id);
      if (state === DATE_MAY_FAIL) { this.defer(r, row); this.observeFrom(row, 2); return; }
      if (state === DATE_FIXED) {
        const x = this.dates.read(id);
        if (typeof x === 'string') {
          if (this.dates.mismatch(id)) this.mismatches++;
          this.skip(r, row, x);
          this.observeFrom(row, 2);
          return;
        }
        d = x;
      } else dateId = id;
    } else {
      const x = dayOfCell(dv, this.options, di, this.headers[di]);
      if (typeof x === 'string') { this.skip(r, row, x); this.observeFrom(row, 2); return; }
      d = x;
    }

    let amount: number;
    let amountComma = NaN;
    if (this.useQp) {
      const q = this.factor(this.numQ, row, r, qi, 3);
      if (q !== q) return;
      const p = this.factor(this.numA, row, r, ai, 4);
      if (p !== p) return;
      amount = q * p;
    } else {
      const av = row[ai];
      amount = typeof av === 'number' && Number.isFinite(av) ? av : this.numA.value(av);
      if (amount !== amount) {
        const num = this.numA;
        if (!num.pending) { this.skip(r, row, numberProblem(av, ai, this.headers[ai], this.emptyAmount)); this.observeFrom(row, 4); return; }
        if (num.dotValue !== num.dotValue || num.commaValue !== num.commaValue) { this.defer(r, row); this.observeFrom(row, 4); return; }
        amount = num.dotValue;
        amountComma = num.commaValue;
      }
    }

    let profit = 0;
    let profitComma = NaN;
    if (fi >= 0) {
      const pv = row[fi];
      // a missing margin counts as none; the line still counts for revenue
      if (!(pv === null || pv === undefined || pv === '')) {
        const num = this.numP;
        const p = num.value(pv);
        if (p === p) profit = p;
        else if (num.pending) {
          if (num.dotValue !== num.dotValue || num.commaValue !== num.commaValue) { this.defer(r, row); return; }
          profit = num.dotValue;
          profitComma = num.commaValue;
        } else if (!isBlank(pv)) { this.skip(r, row, numberProblem(pv, fi, this.headers[fi], '')); return; }
      }
    }

    if (dateId >= 0) {
      // the window needs the day, which waits for the column's order
      if (this.from !== NO_DAY || this.to !== 2147483647 || this.asOfOption !== NO_DAY) { this.defer(r, row); return; }
    } else if (d < this.from) { this.skip(r, row, t('skip.beforeWindow', { date: isoFromDay(d), from: isoFromDay(this.from) })); return; }
    else if (d > this.to) { this.skip(r, row, t('skip.afterWindow', { date: isoFromDay(d), to: isoFromDay(this.to) })); return; }
    else if (this.asOfOption !== NO_DAY && d > this.asOfOption) { this.skip(r, row, t('skip.afterAsOf', { date: isoFromDay(d), asOf: isoFromDay(this.asOfOption) })); return; }

    const s = this.put(c, d, amount, profit, r);
    if (dateId >= 0) { this.day[s] = dateId; this.pendDate.push(s); }
    if (amountComma === amountComma) { this.pendAmt.push(s); this.pendAmtComma.push(amountComma); }
    if (this.profit && profitComma === profitComma) { this.pendProfit.push(s); this.pendProfitComma.push(profitComma); }
    if (this.tagBits) this.tagBits[s] = this.tagsOf(row);
    if (this.budgets) this.budgets[s] = row[this.budgetCol];
    if (this.dimIds) this.dimIds[s] = this.dimension!.idOf(row[this.dimCol]);
    // plausibility: what the checks need of the row, and a currency written in its amount
    if (this.lines) this.lines.take(s, row, this.stable);
    const mv = row[ai];
    if (typeof mv === 'string' && mv.length > 0 && mayHoldCurrency(mv)) (this.lines ??= new LineFacts(this.mapping, this.useQp, this.options)).mark(s, mv, row, this.stable);
  }

  /** Store a used row; its position among the used rows. */
  private put(c: number, d: number, amount: number, profit: number, r: number): number {
    const s = this.n;
    if (s === this.cust.length) this.grow();
    this.cust[s] = c;
    this.day[s] = d;
    this.amt[s] = amount;
    if (this.profit) this.profit[s] = profit;
    this.index[s] = r;
    this.n = s + 1;
    return s;
  }

  /**
   * A quantity or a price. NaN when the row has been dealt with: deferred when the cell waits for
   * its column's decimal decision, else skipped with the cell's problem (the later stages' cells
   * still count as evidence).
   */
  private factor(num: NumberColumn, row: readonly RawCell[], r: number, col: number, stage: number): number {
    const x = num.value(row[col]);
    if (x !== x) {
      if (num.pending) this.defer(r, row);
      else this.skip(r, row, numberProblem(row[col], col, this.headers[col], this.emptyAmount));
      this.observeFrom(row, stage);
    }
    return x;
  }

  private tagsOf(row: readonly RawCell[]): number {
    let bits = 0;
    for (let k = 0; k < this.tagCols.length; k++) if (this.tagCols[k] >= 0 && isTruthy(row[this.tagCols[k]])) bits |= 1 << k;
    return bits;
  }

  /** Cells a skipped or deferred row did not read still count towards the column decisions. */
  private observeFrom(row: readonly RawCell[], stage: number): void {
    if (stage <= 1) { const dv = row[this.di]; if (isDateText(dv)) this.dates.idOf(dv); }
    if (stage <= 2 && this.useQp) this.numQ.observe(row[this.qi]);
    if (stage <= 3) this.numA.observe(row[this.ai]);
    if (stage <= 4 && this.fi >= 0) this.numP.observe(row[this.fi]);
  }

  private skip(r: number, row: readonly RawCell[], reason: string): void {
    this.skipped.push({ row: this.base + r, reason, values: Array.from(row) });
  }

  private defer(r: number, row: readonly RawCell[]): void {
    this.deferred.push({ r, row: Array.from(row) });
  }

  private grow(): void {
    const cap = Math.max(16, this.cust.length * 2);
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.cust = more(this.cust);
    this.day = more(this.day);
    this.amt = more(this.amt);
    this.index = more(this.index);
    if (this.profit) this.profit = more(this.profit);
    if (this.tagBits) this.tagBits = more(this.tagBits);
    if (this.dimIds) this.dimIds = more(this.dimIds);
  }

  /** Settle the column decisions and pending readings; the rows of the long table, ready to aggregate. */
  finish(): ReadResult {
    this.blanks.length = 0; // blank rows at the end are not part of the table
    const decimal = this.numA.decide();
    this.numQ.decide();
    const profitDecimal = this.numP.decide();
    this.dates.decide();
    if (decimal === ',') for (let k = 0; k < this.pendAmt.length; k++) this.amt[this.pendAmt[k]] = this.pendAmtComma[k];
    if (profitDecimal === ',' && this.profit) for (let k = 0; k < this.pendProfit.length; k++) this.profit[this.pendProfit[k]] = this.pendProfitComma[k];
    for (const s of this.pendDate) this.day[s] = this.dates.read(this.day[s]) as number;
    this.stable = true; // deferred rows (and continuation rows) are arrays of this reader's own
    for (const { r, row } of this.deferred) this.evaluate(row, r, this.customers.lookup(row[this.ci]), true);
    if (this.deferred.length) this.restoreRowOrder();
    if (this.settleTotals(decimal)) this.restoreRowOrder();
    this.warnings.push(...this.dates.warnings);
    if (this.mismatches > 0) {
      this.warnings.push(t('warn.dateOrderMixed', { count: this.mismatches, order: t(this.dates.order === 'dmy' ? 'form.date-order.dmy' : 'form.date-order.mdy') }));
    }
    this.continuations(decimal);
    this.lineChecks(decimal);
    return this.result(decimal);
  }

  /** A row's amount (or quantity × price) as the column decisions read it; NaN when it has none. */
  private amountOf(row: readonly RawCell[], decimal: '.' | ','): number {
    if (!this.useQp) return numberOf(row[this.ai], decimal);
    return numberOf(row[this.qi], this.numQ.decide()) * numberOf(row[this.ai], decimal);
  }

  /**
   * Decide the rows kept aside as possible totals. A row is a totals row when its amount equals the
   * sum of the used rows since the previous totals row (at least two of them), or of all the used
   * rows above it; a subtotal line whose name is a customer met above also when the used row just
   * above it is that customer's (Excel's Subtotal layout). A subtotal name is a customer after all
   * if any of its lines fails: a real "Total Logistics Ltd" is never dropped, nor split. True when
   * rows were added to the used rows (out of row order).
   */
  private settleTotals(decimal: '.' | ','): boolean {
    const cands = this.maybeTotal;
    if (cands.length === 0) return false;
    const n = this.n;
    const idx = this.index;
    const prefix = new Float64Array(n + 1);
    for (let s = 0; s < n; s++) prefix[s + 1] = prefix[s] + this.amt[s];
    /** Used rows above table row r. */
    const above = (r: number): number => {
      let lo = 0;
      let hi = n;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (idx[mid] < r) lo = mid + 1; else hi = mid; }
      return lo;
    };
    const totals = this.totalRows;
    let p = 0;
    let prev = 0;
    const verdict = new Uint8Array(cands.length);
    for (let k = 0; k < cands.length; k++) {
      const { r, row, c } = cands[k];
      while (p < totals.length && totals[p] < r) prev = Math.max(prev, totals[p++]);
      const a = this.amountOf(row, decimal);
      const lo = above(prev + 1);
      const hi = above(r);
      let total = (hi - lo >= 2 && sameAmount(a, prefix[hi] - prefix[lo])) || (hi >= 2 && sameAmount(a, prefix[hi]));
      const of = c >= 0 ? this.subtotalOf?.get(c) : undefined;
      if (!total && of !== undefined) total = hi > 0 && this.cust[hi - 1] === of;
      if (total) { verdict[k] = 1; prev = r; }
    }
    const customers = new Set<number>();
    for (let k = 0; k < cands.length; k++) if (cands[k].c >= 0 && !verdict[k]) customers.add(cands[k].c);
    let added = false;
    for (let k = 0; k < cands.length; k++) {
      const { r, row, c } = cands[k];
      if (c >= 0 && customers.has(c)) { this.evaluate(row, r, c, true); added = true; } else this.skip(r, row, t(verdict[k] ? 'skip.totals' : 'skip.noCustomer'));
    }
    this.maybeTotal = [];
    return added;
  }

  // --- plausibility (core/read/plausibility): continuation lines, then the checks of the used rows

  private view(decimal: '.' | ','): ReaderView {
    return {
      n: this.n, cust: this.cust, day: this.day, amount: this.amt.subarray(0, this.n), index: this.index, base: this.base, names: this.customers.names,
      skipped: this.skipped, warnings: this.warnings, lines: this.lines, mapping: this.mapping, headers: this.headers, options: this.options,
      customerColumn: this.ci, dateColumn: this.di, amountColumn: this.ai, quantityColumn: this.useQp ? this.qi : -1,
      decimal, quantityDecimal: this.numQ.decide(),
    };
  }

  /** Rows with an empty customer below an order's first line: read as its lines (see plausibility/continuation). */
  private continuations(decimal: '.' | ','): void {
    if (this.options.continuation === 'off') return;
    const plan = continuationRows(this.view(decimal));
    if (!plan) return;
    for (const { entry, reason } of plan.relabel) entry.reason = reason;
    const gone = new Set(plan.inherit.map((i) => i.entry));
    let w = 0;
    for (const k of this.skipped) if (!gone.has(k)) this.skipped[w++] = k;
    this.skipped.length = w;
    for (const { entry, row } of plan.inherit) {
      const before = this.skipped.length;
      this.evaluate(row, entry.row - this.base, this.customers.lookup(row[this.ci]), true);
      // a continuation that still fails is listed with its own cells
      if (this.skipped.length > before) this.skipped[this.skipped.length - 1].values = entry.values;
    }
    if (plan.inherit.length) this.restoreRowOrder();
    this.warnings.push(...plan.warnings);
  }

  /** The plausibility checks of the used rows; their changes and the rows they set aside. */
  private lineChecks(decimal: '.' | ','): void {
    const n = this.n;
    const e = checkLines(this.view(decimal), this.profit ? this.profit.subarray(0, n) : null);
    this.warnings.push(...e.warnings);
    if (e.amount) this.amt.set(e.amount);
    if (e.profit && this.profit) this.profit.set(e.profit);
    if (e.drops.size === 0) return;
    const base = this.base;
    const copies = this.lines?.copies();
    let k = 0;
    for (let s = 0; s < n; s++) {
      const reason = e.drops.get(s);
      if (reason !== undefined) {
        this.skipped.push({ row: base + this.index[s], reason, values: Array.from(copies?.get(s) ?? []) });
        continue;
      }
      if (k !== s) {
        this.cust[k] = this.cust[s];
        this.day[k] = this.day[s];
        this.amt[k] = this.amt[s];
        this.index[k] = this.index[s];
        if (this.profit) this.profit[k] = this.profit[s];
        if (this.tagBits) this.tagBits[k] = this.tagBits[s];
        if (this.budgets) this.budgets[k] = this.budgets[s];
        if (this.dimIds) this.dimIds[k] = this.dimIds[s];
      }
      k++;
    }
    this.n = k;
    if (this.budgets) this.budgets.length = k;
  }

  /** Deferred rows were added last; customers are numbered by their first row, so put rows back in order. */
  private restoreRowOrder(): void {
    const n = this.n;
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => this.index[i] - this.index[j]);
    const pick = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = a.slice(0, n) as T;
      for (let k = 0; k < n; k++) b[k] = a[order[k]];
      return b;
    };
    this.cust = pick(this.cust);
    this.day = pick(this.day);
    this.amt = pick(this.amt);
    if (this.profit) this.profit = pick(this.profit);
    if (this.tagBits) this.tagBits = pick(this.tagBits);
    if (this.dimIds) this.dimIds = pick(this.dimIds);
    if (this.budgets) { const b = this.budgets; this.budgets = order.map((i) => b[i]); }
    this.index = pick(this.index);
    this.lines?.reorder(order);
  }

  private result(decimal: '.' | ','): ReadResult {
    const m = this.n;
    const { cust, day } = this;
    let maxDay = NO_DAY;
    let minDay = 2147483647;
    let inDayOrder = true;
    // customers are numbered as first met; when the used rows meet them in that order too (every
    // customer first met on a used row), the numbering is already the final one
    let met = 0;
    let inMetOrder = true;
    for (let i = 0; i < m; i++) {
      const d = day[i];
      if (d > maxDay) maxDay = d;
      if (d < minDay) minDay = d;
      if (i > 0 && d < day[i - 1]) inDayOrder = false;
      const c = cust[i];
      if (c === met) met++;
      else if (c > met) inMetOrder = false;
    }
    const asOf = this.asOfOption !== NO_DAY ? this.asOfOption : maxDay;
    let { names, keys } = this.customers;
    this.customers.release(); // no row is looked up after this
    if (!inMetOrder || met !== names.length) {
      // renumber customers to those with a used row, in the order of their first used row
      const allNames = names;
      const allKeys = keys;
      const remap = new Int32Array(allNames.length).fill(-1);
      names = [];
      keys = [];
      for (let i = 0; i < m; i++) {
        let c = remap[cust[i]];
        if (c < 0) { c = remap[cust[i]] = names.length; names.push(allNames[cust[i]]); keys.push(allKeys[cust[i]]); }
        cust[i] = c;
      }
    }
    const table = newCustomerFacts(names, keys);
    if (this.tagBits) {
      const flags = [table.image, table.expert, table.need, table.solvency, table.authority];
      for (let i = 0; i < m; i++) {
        const bits = this.tagBits[i];
        if (bits) for (let k = 0; k < flags.length; k++) if (bits & (1 << k)) flags[k][cust[i]] = 1;
      }
    }
    if (this.budgets) {
      for (let i = 0; i < m; i++) {
        const b = numberOf(this.budgets[i], decimal);
        // the largest budget stated for the customer counts
        if (b === b && !(table.budget[cust[i]] >= b)) table.budget[cust[i]] = b;
      }
    }
    if (this.dimIds) table.dimension = { values: this.dimension!.values, of: customerDimensions(m, cust, day, this.dimIds, names.length) };
    this.skipped.sort((x, y) => x.row - y.row);
    giveBack('rows.index', this.index);
    return {
      data: {
        kind: 'long',
        n: m,
        cust: cust.subarray(0, m),
        day: day.subarray(0, m),
        amount: this.amt.subarray(0, m),
        profit: this.profit ? this.profit.subarray(0, m) : null,
        minDay,
        maxDay,
        inDayOrder,
        // no dated row at all: there is no as-of date to show (not the sentinel of an empty maximum)
        asOf: asOf === NO_DAY ? null : asOf,
        windowStart: this.from !== NO_DAY ? this.from : m ? minDay : asOf === NO_DAY ? null : asOf,
        windowEnd: asOf === NO_DAY ? null : asOf,
      },
      customers: table,
      mapping: this.mapping,
      headers: this.headers,
      rowsRead: this.lastRow,
      headerRow: this.base,
      rowsUsed: m,
      skipped: this.skipped,
      warnings: this.warnings,
      dateOrderUsed: this.dates.usedOrder,
    };
  }
}
