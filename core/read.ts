// Grid → transactions. Every row read is either used or reported with its sheet row number and
// a reason; nothing is dropped silently and no single row can abort the run.

import { dayFromParts, dayFromSerial, isoFromDay, localDayOfDate, parseIsoDay, SERIAL_1970, splitTextDate, type TextDateParts } from './dates';
import { columnLabel, mapColumns } from './headers';
import { AbcxyzError, t } from './messages';
import { cellText, cleanName, decimalEvidence, errorValue, isBlank, isTruthy, parseNumberText } from './values';
import type { ColumnMapping, ColumnRole, DateOrder, Grid, RawCell, SegmentOptions, SkippedRow } from './types';

/** Per-customer facts that come from columns other than amounts. */
export interface CustomerTable {
  names: string[];
  image: Uint8Array;
  expert: Uint8Array;
  need: Uint8Array;
  solvency: Uint8Array;
  authority: Uint8Array;
  /** NaN when no budget was given. */
  budget: Float64Array;
}

export interface LongData {
  kind: 'long';
  /** Used rows only, struct of arrays. */
  n: number;
  cust: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Null when no profit column is mapped. */
  profit: Float64Array | null;
  /** Null only when no row has a usable date and no as-of date was given. */
  asOf: number | null;
  windowStart: number | null;
  windowEnd: number | null;
}

export interface WideData {
  kind: 'wide';
  /** Period values per customer, row-major customers × periods. */
  values: Float64Array;
  profit: Float64Array | null;
  periods: number;
  labels: string[];
}

export interface ReadResult {
  data: LongData | WideData;
  customers: CustomerTable;
  mapping: ColumnMapping[];
  headers: string[];
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedRow[];
  warnings: string[];
  dateOrderUsed: DateOrder | null;
}

const NO_DAY = -2147483648;

const EMPTY_ROW: readonly RawCell[] = [];

/** The grid with the few questions the reader asks of whole rows. */
class Source {
  readonly height: number;
  readonly width: number;
  constructor(readonly rows: Grid) {
    this.height = rows ? rows.length : 0;
    let w = 0;
    for (let r = 0; r < this.height; r++) if (rows[r] && rows[r].length > w) w = rows[r].length;
    this.width = w;
  }

  /** A copy of row r, for the Skipped rows sheet. */
  row(r: number): RawCell[] {
    return Array.from(this.rows[r] ?? EMPTY_ROW);
  }

  rowIsBlank(r: number): boolean {
    return (this.rows[r] ?? EMPTY_ROW).every(isBlank);
  }

  lastNonBlankRow(): number {
    for (let r = this.height - 1; r >= 0; r--) if (!this.rowIsBlank(r)) return r;
    return -1;
  }
}

/** Customers are keyed by cleaned name, case-folded unless asked otherwise; the first spelling is shown. */
class CustomerIndex {
  readonly names: string[] = [];
  // raw cell text → index: a null-prototype object is the fastest string dictionary in V8
  private byText: Record<string, number> = Object.create(null);
  private byNumber = new Map<number, number>();
  private byKey = new Map<string, number>();
  constructor(private caseSensitive: boolean) {}

  /** Index of the customer in a cell, or -1 for an empty name. */
  lookup(v: RawCell): number {
    if (typeof v === 'string') {
      const hit = this.byText[v];
      return hit !== undefined ? hit : (this.byText[v] = this.add(v));
    }
    if (typeof v === 'number') {
      const hit = this.byNumber.get(v);
      if (hit !== undefined) return hit;
      const idx = this.add(v);
      this.byNumber.set(v, idx);
      return idx;
    }
    return this.add(v);
  }

  private add(v: RawCell): number {
    if (errorValue(v)) return -1; // #N/A is not a customer
    const name = cleanName(v);
    if (name === '') return -1;
    const key = this.caseSensitive ? name : name.toLowerCase();
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.names.length;
      this.names.push(name);
      this.byKey.set(key, idx);
    }
    return idx;
  }
}

function columnOf(mapping: ColumnMapping[], role: ColumnRole): number {
  return mapping.find((m) => m.role === role)?.index ?? -1;
}

/** Decide each numeric column's decimal separator from the evidence of all its text cells. */
function columnDecimal(rows: Grid, col: number, end: number, forced: '.' | ',' | null): '.' | ',' {
  if (forced) return forced;
  if (col < 0) return '.';
  let comma = 0;
  let dot = 0;
  for (let r = 1; r <= end; r++) {
    const v = rows[r]?.[col];
    if (typeof v !== 'string') continue;
    // "12.5" alone is the default reading; only commas or repeated points carry evidence
    if (v.indexOf(',') < 0 && v.indexOf('.') === v.lastIndexOf('.')) continue;
    const e = decimalEvidence(v);
    if (e === ',') comma++;
    else if (e === '.') dot++;
  }
  return comma > dot ? ',' : '.';
}

/** A number cell's value, or NaN when it is empty, an error or not a number (see numberProblem). */
function numberOf(v: RawCell, decimal: '.' | ','): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string' || v === '') return NaN;
  if (v.charCodeAt(0) === 35 && errorValue(v)) return NaN;
  return parseNumberText(v, decimal);
}

/**
 * Numbers of one column. Plain "123.45" text is read at once; the column's decimal separator is
 * only worked out (one scan of the column) when a cell is not plain, so a clean export pays nothing.
 * "1.234" is not plain: it is 1234 in a decimal-comma column.
 */
class NumberColumn {
  private decimal: '.' | ',' | null;
  constructor(private rows: Grid, private col: number, private last: number, forced: '.' | ',' | null) {
    this.decimal = forced;
  }

  value(v: RawCell): number {
    if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
    if (typeof v !== 'string' || v === '') return NaN;
    if (this.decimal !== ',') {
      const f = v.charCodeAt(0);
      const len = v.length;
      const l = v.charCodeAt(len - 1);
      // (a second character that is a letter would be 0x/0b/0o, which + reads but a ledger never means)
      const s1 = v.charCodeAt(1) | 32;
      if (((f >= 48 && f <= 57) || f === 45 || f === 46) && l >= 48 && l <= 57 && v.indexOf(',') < 0
        && !(s1 >= 97 && s1 <= 122 && s1 !== 101) && (len < 5 || v.charCodeAt(len - 4) !== 46)) {
        const n = +v;
        if (Number.isFinite(n)) return n;
      }
    }
    this.decimal ??= columnDecimal(this.rows, this.col, this.last, null);
    return numberOf(v, this.decimal);
  }

  get separator(): '.' | ',' {
    return (this.decimal ??= columnDecimal(this.rows, this.col, this.last, null));
  }
}

/** Why a cell gave no number (only called for rows that are skipped). */
function numberProblem(v: RawCell, col: number, header: string, emptyReason: string): string {
  if (isBlank(v)) return emptyReason;
  const err = errorValue(v);
  if (err) return t('skip.error', { value: err, column: columnLabel(col, header) });
  return t('skip.badNumber', { value: cellText(v), column: columnLabel(col, header) });
}

function readNumber(v: RawCell, decimal: '.' | ',', col: number, header: string, emptyReason: string): { ok: true; value: number } | { ok: false; reason: string } {
  const n = numberOf(v, decimal);
  return n === n ? { ok: true, value: n } : { ok: false, reason: numberProblem(v, col, header, emptyReason) };
}

/** Text-date reader bound to one column: order decided once, results cached per distinct text. */
class DateColumn {
  private cache = new Map<string, number>();
  order: 'dmy' | 'mdy' | null = null;
  usedOrder: DateOrder | null = null;
  mismatches = 0;
  warnings: string[] = [];

  constructor(rows: Grid, end: number, private col: number, private header: string, private options: SegmentOptions) {
    const forced = options.dateOrder;
    let dmy = 0;
    let mdy = 0;
    let example = '';
    let dots = 0;
    let ambiguous = 0;
    const seen = new Set<string>();
    for (let r = 1; r <= end; r++) {
      const v = rows[r]?.[col];
      if (typeof v !== 'string' || seen.has(v)) continue;
      seen.add(v);
      const p = splitTextDate(v);
      if (!p || p.kind !== 'ambiguous') continue;
      ambiguous++;
      if (p.a > 12 && p.b <= 12) dmy++;
      else if (p.b > 12 && p.a <= 12) mdy++;
      else if (!example) example = v.trim();
      if (v.includes('.')) dots++;
    }
    if (ambiguous === 0) { this.usedOrder = forced ?? null; this.order = forced === 'mdy' ? 'mdy' : 'dmy'; return; }
    if (forced) {
      this.order = forced === 'mdy' ? 'mdy' : 'dmy';
      this.usedOrder = forced;
      return;
    }
    if (dmy || mdy) {
      this.order = dmy >= mdy ? 'dmy' : 'mdy';
    } else {
      // Nothing in the column tells the order. Dotted dates are day-first by convention; for
      // slashes we still decide once for the whole column and say so.
      this.order = 'dmy';
      if (dots < ambiguous) this.warnings.push(t('warn.dateOrderGuess', { example, order: 'day/month/year' }));
    }
    this.usedOrder = this.order;
  }

  /** Day number, or a skip reason. */
  read(v: string): number | string {
    const hit = this.cache.get(v);
    if (hit !== undefined) return hit;
    const p: TextDateParts | null = splitTextDate(v);
    let day: number | null = null;
    let reason: string | null = null;
    if (p && p.kind === 'ambiguous' && this.options.dateOrder === 'ymd') day = null;
    else if (p) {
      day = dayFromParts(p, this.order ?? 'dmy');
      if (day === null && p.kind === 'ambiguous' && dayFromParts(p, this.order === 'dmy' ? 'mdy' : 'dmy') !== null) {
        this.mismatches++;
        reason = t('skip.dateOrder', { value: v.trim(), order: this.order === 'dmy' ? 'day/month/year' : 'month/day/year' });
      }
    } else {
      const iso = parseIsoDay(v);
      if (iso !== null) day = iso;
    }
    if (day === null) {
      // a number typed as text is still a serial date
      if (day === null && /^\d+(?:\.\d+)?$/.test(v.trim()) && v.trim().length <= 7 && !p) {
        const d = dayFromSerial(Number(v.trim()), this.options.date1904);
        if (d !== null) { this.cache.set(v, d); return d; }
      }
      return reason ?? t('skip.badDate', { value: v.trim(), column: columnLabel(this.col, this.header) });
    }
    this.cache.set(v, day);
    return day;
  }
}

function customerProblem(src: Source, r: number, v: RawCell, col: number, header: string): string {
  const err = errorValue(v);
  if (err) return t('skip.error', { value: err, column: columnLabel(col, header) });
  return src.rowIsBlank(r) ? t('skip.blank') : t('skip.noCustomer');
}

function readDay(v: RawCell, dates: DateColumn, options: SegmentOptions, col: number, header: string): number | string {
  if (typeof v === 'number') {
    const d = dayFromSerial(v, options.date1904);
    return d ?? t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
  }
  if (v instanceof Date) {
    const d = options.dateObjectDay ? options.dateObjectDay(v) : localDayOfDate(v);
    return d ?? t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
  }
  if (v === null || v === undefined || v === '') return t('skip.noDate');
  if (typeof v === 'string') {
    const err = errorValue(v);
    if (err) return t('skip.error', { value: err, column: columnLabel(col, header) });
    if (v.trim() === '') return t('skip.noDate');
    return dates.read(v);
  }
  return t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
}

function newCustomerTable(names: string[]): CustomerTable {
  const n = names.length;
  const budget = new Float64Array(n);
  budget.fill(NaN);
  return { names, image: new Uint8Array(n), expert: new Uint8Array(n), need: new Uint8Array(n), solvency: new Uint8Array(n), authority: new Uint8Array(n), budget };
}

/** Read the grid: header, mapping, every row. */
export function readGrid(grid: Grid, options: SegmentOptions): ReadResult {
  const src = new Source(grid);
  const last = src.lastNonBlankRow();
  if (last < 0) throw new AbcxyzError(t('err.empty'));
  if (last < 1) throw new AbcxyzError(t('err.headerOnly'));
  const { mapping, warnings, headers } = mapColumns(src.row(0), options.columns);
  const seen = headers.filter(Boolean).join(', ') || '(none)';
  const has = (role: ColumnRole) => columnOf(mapping, role) >= 0;
  if (!has('customer')) throw new AbcxyzError(t('err.noColumn', { role: 'customer', headers: seen }));
  if (!has('date')) {
    // Per-period columns are often named "Sales Jan", "Umsatz Q1": a header that merely contains a
    // money word is a period here, not the amount (or profit) column.
    const numeric: ColumnRole[] = ['amount', 'profit', 'quantity', 'price', 'budget'];
    const wide = mapping.filter((m) => !(m.partial && numeric.includes(m.role)));
    return readWide(src, last, wide, headers, warnings, options);
  }
  if (!has('amount') && !(has('quantity') && has('price'))) throw new AbcxyzError(t('err.noAmount', { headers: seen }));
  return readLong(src, last, mapping, headers, warnings, options);
}

type TagColumns = Record<'image' | 'expert' | 'need' | 'solvency' | 'authority' | 'budget', number>;

function readTags(row: readonly RawCell[], c: number, cols: TagColumns, tab: CustomerTable, decimal: '.' | ','): void {
  if (cols.image >= 0 && isTruthy(row[cols.image])) tab.image[c] = 1;
  if (cols.expert >= 0 && isTruthy(row[cols.expert])) tab.expert[c] = 1;
  if (cols.need >= 0 && isTruthy(row[cols.need])) tab.need[c] = 1;
  if (cols.solvency >= 0 && isTruthy(row[cols.solvency])) tab.solvency[c] = 1;
  if (cols.authority >= 0 && isTruthy(row[cols.authority])) tab.authority[c] = 1;
  if (cols.budget >= 0) {
    const b = readNumber(row[cols.budget], decimal, 0, '', '');
    // the largest budget stated for the customer counts
    if (b.ok && !(tab.budget[c] >= b.value)) tab.budget[c] = b.value;
  }
}

function tagColumns(mapping: ColumnMapping[]): TagColumns | null {
  const out = {} as TagColumns;
  let any = false;
  for (const role of ['image', 'expert', 'need', 'solvency', 'authority', 'budget'] as const) {
    out[role] = columnOf(mapping, role);
    any ||= out[role] >= 0;
  }
  return any ? out : null;
}

function readLong(src: Source, last: number, mapping: ColumnMapping[], headers: string[], warnings: string[], options: SegmentOptions): ReadResult {
  const ci = columnOf(mapping, 'customer');
  const di = columnOf(mapping, 'date');
  const ai = columnOf(mapping, 'amount');
  const useQp = ai < 0;
  const qi = columnOf(mapping, 'quantity');
  const pi = columnOf(mapping, 'price');
  const fi = columnOf(mapping, 'profit');
  const grid = src.rows;
  const numA = new NumberColumn(grid, useQp ? pi : ai, last, options.decimal);
  const numQ = new NumberColumn(grid, qi, last, options.decimal);
  const numP = new NumberColumn(grid, fi, last, options.decimal);
  const dates = new DateColumn(grid, last, di, headers[di], options);
  const customers = new CustomerIndex(options.caseSensitive);
  const rows = last;
  const rowCust = new Int32Array(rows);
  const rowDay = new Int32Array(rows);
  const rowAmt = new Float64Array(rows);
  const rowProfit = fi >= 0 ? new Float64Array(rows) : null;
  const rowIndex = new Int32Array(rows);
  const skipped: SkippedRow[] = [];
  const base = options.firstRow;
  let n = 0;
  const emptyAmount = t('skip.noAmount');

  // The hot loop: no allocation per used row; reasons are only built for rows that are skipped.
  const date1904 = options.date1904;
  const skipRow = (r: number, reason: string): void => { skipped.push({ row: base + r, reason, values: src.row(r) }); };
  for (let r = 1; r <= last; r++) {
    const row = grid[r] ?? EMPTY_ROW;
    const cv = row[ci];
    const c = customers.lookup(cv);
    if (c < 0) { skipRow(r, customerProblem(src, r, cv, ci, headers[ci])); continue; }
    const dv = row[di];
    let d: number;
    if (typeof dv === 'number' && !date1904 && dv >= 61 && dv < 2958466) {
      d = Math.floor(dv) - SERIAL_1970; // the common case, inlined; dayFromSerial has the rest
    } else {
      const rd = readDay(dv, dates, options, di, headers[di]);
      if (typeof rd === 'string') { skipRow(r, rd); continue; }
      d = rd;
    }
    let amount: number;
    if (useQp) {
      const q = numQ.value(row[qi]);
      if (q !== q) { skipRow(r, numberProblem(row[qi], qi, headers[qi], emptyAmount)); continue; }
      const p = numA.value(row[pi]);
      if (p !== p) { skipRow(r, numberProblem(row[pi], pi, headers[pi], emptyAmount)); continue; }
      amount = q * p;
    } else {
      const av = row[ai];
      amount = typeof av === 'number' && Number.isFinite(av) ? av : numA.value(av);
      if (amount !== amount) { skipRow(r, numberProblem(av, ai, headers[ai], emptyAmount)); continue; }
    }
    if (rowProfit) {
      const pv = row[fi];
      // a missing margin counts as none; the line still counts for revenue
      if (pv === null || pv === undefined || pv === '') rowProfit[n] = 0;
      else {
        const p = numP.value(pv);
        if (p !== p) {
          if (isBlank(pv)) rowProfit[n] = 0;
          else { skipRow(r, numberProblem(pv, fi, headers[fi], '')); continue; }
        } else rowProfit[n] = p;
      }
    }
    rowCust[n] = c;
    rowDay[n] = d;
    rowAmt[n] = amount;
    rowIndex[n] = r;
    n++;
  }
  warnings.push(...dates.warnings);
  if (dates.mismatches > 0) warnings.push(t('warn.dateOrderMixed', { count: dates.mismatches, order: dates.order === 'dmy' ? 'day/month/year' : 'month/day/year' }));

  // Window: from/to, then as-of (default: the latest date left). Rows outside are reported.
  const from = options.from ? parseIsoDay(options.from)! : NO_DAY;
  const to = options.to ? parseIsoDay(options.to)! : 2147483647;
  let maxDay = NO_DAY;
  let minDay = 2147483647;
  for (let i = 0; i < n; i++) {
    const d = rowDay[i];
    if (d >= from && d <= to) {
      if (d > maxDay) maxDay = d;
      if (d < minDay) minDay = d;
    }
  }
  const asOf = options.asOf ? parseIsoDay(options.asOf)! : maxDay;
  const keep = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const d = rowDay[i];
    if (d < from) skipped.push({ row: base + rowIndex[i], reason: t('skip.beforeWindow', { date: isoFromDay(d), from: isoFromDay(from) }), values: src.row(rowIndex[i]) });
    else if (d > to) skipped.push({ row: base + rowIndex[i], reason: t('skip.afterWindow', { date: isoFromDay(d), to: isoFromDay(to) }), values: src.row(rowIndex[i]) });
    else if (d > asOf) skipped.push({ row: base + rowIndex[i], reason: t('skip.afterAsOf', { date: isoFromDay(d), asOf: isoFromDay(asOf) }), values: src.row(rowIndex[i]) });
    else { keep[i] = 1; m++; }
  }

  // Compact in place to the rows kept (the write index never passes the read index), and
  // renumber customers to those with a used row, keeping first-seen order.
  const remap = new Int32Array(customers.names.length).fill(-1);
  const names: string[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    let c = remap[rowCust[i]];
    if (c < 0) { c = remap[rowCust[i]] = names.length; names.push(customers.names[rowCust[i]]); }
    rowCust[j] = c;
    rowDay[j] = rowDay[i];
    rowAmt[j] = rowAmt[i];
    if (rowProfit) rowProfit[j] = rowProfit[i];
    rowIndex[j] = rowIndex[i];
    j++;
  }
  const cust = rowCust.subarray(0, m);
  const day = rowDay.subarray(0, m);
  const amount = rowAmt.subarray(0, m);
  const profit = rowProfit ? rowProfit.subarray(0, m) : null;
  const usedRows = rowIndex.subarray(0, m);
  const table = newCustomerTable(names);
  const tags = tagColumns(mapping);
  if (tags) {
    for (let k = 0; k < m; k++) readTags(grid[usedRows[k]], cust[k], tags, table, numA.separator);
  }
  skipped.sort((x, y) => x.row - y.row);
  return {
    data: {
      kind: 'long', n: m, cust, day, amount, profit,
      // no dated row at all: there is no as-of date to show (not the sentinel of an empty maximum)
      asOf: asOf === NO_DAY ? null : asOf,
      windowStart: from !== NO_DAY ? from : m ? minDay : asOf === NO_DAY ? null : asOf,
      windowEnd: asOf === NO_DAY ? null : asOf,
    },
    customers: table,
    mapping,
    headers,
    rowsRead: last,
    rowsUsed: m,
    skipped,
    warnings,
    dateOrderUsed: dates.usedOrder,
  };
}

function readWide(src: Source, last: number, mapping: ColumnMapping[], headers: string[], warnings: string[], options: SegmentOptions): ReadResult {
  const ci = columnOf(mapping, 'customer');
  const fi = columnOf(mapping, 'profit');
  // Period columns: every column not mapped to a role (a "Total" mapped as amount is left out,
  // ABC uses the sum of the periods) that holds at least one number.
  const roleCols = new Set(mapping.map((m) => m.index));
  const periodCols: number[] = [];
  for (let c = 0; c < src.width; c++) {
    if (roleCols.has(c)) continue;
    for (let r = 1; r <= last; r++) {
      const v = src.rows[r]?.[c];
      if (typeof v === 'number' || (typeof v === 'string' && Number.isFinite(parseNumberText(v, '.')))) { periodCols.push(c); break; }
    }
  }
  if (periodCols.length === 0) {
    throw new AbcxyzError(t('err.noColumn', { role: 'date', headers: headers.filter(Boolean).join(', ') || '(none)' }));
  }
  const decimals = periodCols.map((c) => columnDecimal(src.rows, c, last, options.decimal));
  const decP = columnDecimal(src.rows, fi, last, options.decimal);
  const P = periodCols.length;
  const customers = new CustomerIndex(options.caseSensitive);
  const skipped: SkippedRow[] = [];
  const rowsOf: { c: number; vals: Float64Array; profit: number; r: number }[] = [];
  const base = options.firstRow;
  for (let r = 1; r <= last; r++) {
    const row = src.row(r);
    const skip = (reason: string) => skipped.push({ row: base + r, reason, values: row });
    const cv = row[ci];
    const err = errorValue(cv);
    if (err) { skip(t('skip.error', { value: err, column: columnLabel(ci, headers[ci]) })); continue; }
    if (isBlank(cv)) { skip(src.rowIsBlank(r) ? t('skip.blank') : t('skip.noCustomer')); continue; }
    const vals = new Float64Array(P);
    let bad: string | null = null;
    let any = false;
    for (let k = 0; k < P && !bad; k++) {
      const v = row[periodCols[k]];
      if (isBlank(v)) continue;
      const x = readNumber(v, decimals[k], periodCols[k], headers[periodCols[k]], '');
      if (!x.ok) bad = x.reason;
      else { vals[k] = x.value; any = true; }
    }
    if (bad) { skip(bad); continue; }
    if (!any) { skip(t('skip.noValues')); continue; }
    let profit = 0;
    if (fi >= 0 && !isBlank(row[fi])) {
      const p = readNumber(row[fi], decP, fi, headers[fi], '');
      if (!p.ok) { skip(p.reason); continue; }
      profit = p.value;
    }
    rowsOf.push({ c: customers.lookup(cv), vals, profit, r });
  }
  const C = customers.names.length;
  const values = new Float64Array(C * P);
  const profit = fi >= 0 ? new Float64Array(C) : null;
  const table = newCustomerTable(customers.names);
  const tags = tagColumns(mapping);
  for (const { c, vals, profit: p, r } of rowsOf) {
    for (let k = 0; k < P; k++) values[c * P + k] += vals[k];
    if (profit) profit[c] += p;
    if (tags) readTags(src.rows[r], c, tags, table, '.');
  }
  skipped.sort((x, y) => x.row - y.row);
  warnings.push(t('warn.noLifecycle'));
  return {
    data: { kind: 'wide', values, profit, periods: P, labels: periodCols.map((c) => headers[c] || columnLabel(c, '')) },
    customers: table,
    mapping,
    headers,
    rowsRead: last,
    rowsUsed: rowsOf.length,
    skipped,
    warnings,
    dateOrderUsed: null,
  };
}
