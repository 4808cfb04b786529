// Rows → transactions. The first row is the header; it decides the columns and whether the table
// is long (one row per transaction, read row by row by LongReader) or wide (customer × period).
// Every row read is either used or reported with its sheet row number and a reason.

import { CustomerIndex, NumberColumn, readNumber } from './columns';
import { columnLabel, mapColumns } from './headers';
import { AbcxyzError, t } from '../messages';
import { columnOf, LongReader, newCustomerTable, rowIsBlank } from './long-reader';
import { errorValue, isBlank, isTruthy, parseNumberText } from './values';
import type { ColumnMapping, ColumnRole, DateOrder, Grid, RawCell, SegmentOptions, SkippedRow } from '../types';

/** Per-customer facts that come from columns other than amounts. */
export interface CustomerTable {
  names: string[];
  /** Matching key of each name (case-folded unless case-sensitive): the ABC tie-break. */
  keys: string[];
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
  /** Earliest and latest day of the rows (meaningless when n = 0), and whether the rows are in day order. */
  minDay: number;
  maxDay: number;
  inDayOrder: boolean;
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

const EMPTY_ROW: readonly RawCell[] = [];

/** The grid with the few questions the wide reader asks of whole rows. */
class Source {
  readonly height: number;
  readonly width: number;
  constructor(readonly rows: Grid) {
    this.height = rows.length;
    let w = 0;
    for (let r = 0; r < this.height; r++) if (rows[r] && rows[r].length > w) w = rows[r].length;
    this.width = w;
  }

  /** A copy of row r, for the Skipped rows sheet. */
  row(r: number): RawCell[] {
    return Array.from(this.rows[r] ?? EMPTY_ROW);
  }

  rowIsBlank(r: number): boolean {
    return rowIsBlank(this.rows[r] ?? EMPTY_ROW);
  }
}

/** Each numeric column's decimal separator, from the evidence of all its text cells (as in long tables). */
function columnDecimal(rows: Grid, col: number, end: number, forced: '.' | ',' | null): '.' | ',' {
  if (col < 0) return forced ?? '.';
  const numbers = new NumberColumn(forced);
  for (let r = 1; r <= end; r++) numbers.observe(rows[r]?.[col]);
  return numbers.decide();
}

/**
 * Reads a table handed over one row at a time — from a grid, or streamed from a file so the
 * table is never held whole. Errors about the table as a whole are thrown by finish().
 */
export class RowReader {
  private r = -1;
  private headerBlank = true;
  private long: LongReader | null = null;
  /** Wide tables are small (one row per customer): their rows are kept and read at the end. */
  private wideRows: (readonly RawCell[])[] | null = null;
  private wideMapping: ColumnMapping[] = [];
  private headers: string[] = [];
  private warnings: string[] = [];
  private headerError: unknown = null;
  private lastNonBlank = -1;

  constructor(private options: SegmentOptions, private expectedRows = 0) {}

  add(row: readonly RawCell[] | null | undefined): void {
    const cells = row ?? EMPTY_ROW;
    const r = ++this.r;
    if (r === 0) this.header(cells);
    else if (this.long) this.long.add(cells, r);
    else {
      // kept past this call, so a copy: the caller may refill the same array for the next row
      if (this.wideRows) this.wideRows.push(Array.from(cells));
      if (!rowIsBlank(cells)) this.lastNonBlank = r;
    }
  }

  private header(row: readonly RawCell[]): void {
    this.headerBlank = rowIsBlank(row);
    try {
      // a copy: holes of a sparse header row read as empty headers (not holes), and the caller may
      // refill the array for the next row
      const cells = Array.from(row);
      const { mapping, warnings, headers } = mapColumns(cells, this.options.columns);
      this.headers = headers;
      this.warnings = warnings;
      const seen = headers.filter(Boolean).join(', ') || '(none)';
      const has = (role: ColumnRole) => columnOf(mapping, role) >= 0;
      if (!has('customer')) throw new AbcxyzError(t('err.noColumn', { role: 'customer', headers: seen }));
      if (!has('date')) {
        // Per-period columns are often named "Sales Jan", "Umsatz Q1": a header that merely contains a
        // money word is a period here, not the amount (or profit) column.
        const numeric: ColumnRole[] = ['amount', 'profit', 'quantity', 'price', 'budget'];
        this.wideMapping = mapping.filter((m) => !(m.partial && numeric.includes(m.role)));
        this.wideRows = [cells];
        return;
      }
      if (!has('amount') && !(has('quantity') && has('price'))) throw new AbcxyzError(t('err.noAmount', { headers: seen }));
      this.long = new LongReader(mapping, headers, warnings, this.options, this.expectedRows);
    } catch (e) {
      // an empty table is the first thing to say; the header's problem is told in finish()
      this.headerError = e;
    }
  }

  /**
   * Rows from..end of a grid (the header already added): a long table's rows go straight to its
   * reader, without a call through add() per row.
   */
  addAll(rows: Grid, from: number): void {
    const long = this.long;
    if (!long) {
      for (let r = from; r < rows.length; r++) this.add(rows[r]);
      return;
    }
    for (let r = from; r < rows.length; r++) long.add(rows[r] ?? EMPTY_ROW, r);
    this.r = rows.length - 1;
  }

  finish(): ReadResult {
    const lastData = this.long ? this.long.lastRow : this.lastNonBlank;
    const last = lastData > 0 ? lastData : this.headerBlank ? -1 : 0;
    if (last < 0) throw new AbcxyzError(t('err.empty'));
    if (last < 1) throw new AbcxyzError(t('err.headerOnly'));
    if (this.headerError) throw this.headerError;
    if (this.long) return this.long.finish();
    return readWide(new Source(this.wideRows!), last, this.wideMapping, this.headers, this.warnings, this.options);
  }
}

/** Read a whole grid: header, mapping, every row. */
export function readGrid(grid: Grid, options: SegmentOptions): ReadResult {
  const rows = grid ?? [];
  const reader = new RowReader(options, rows.length);
  if (rows.length) reader.add(rows[0]);
  reader.addAll(rows, 1);
  return reader.finish();
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
  customers.release(); // every row is looked up
  const C = customers.names.length;
  const values = new Float64Array(C * P);
  const profit = fi >= 0 ? new Float64Array(C) : null;
  const table = newCustomerTable(customers.names, customers.keys);
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
