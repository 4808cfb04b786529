// TableReader: a table handed over one row at a time (from a grid, or streamed from a file). The
// first row is the header; it decides the columns and whether the table is long (one row per
// transaction, read by LongReader) or wide (customer × period, read by readWide).

import { mapColumns } from './headers';
import { AbcxyzError, t } from '../messages';
import { LongReader } from './long-reader';
import type { ColumnMapping, ColumnRole, Grid, RawCell, SegmentOptions } from '../types';
import { EMPTY_ROW, columnOf, rowIsBlank } from './row-cells';
import { readWide, Source } from './wide-reader';
import type { ReadResult } from './read-types';
import { SplitDate, splitDatePlan } from './plausibility';

/**
 * Reads a table handed over one row at a time — from a grid, or streamed from a file so the
 * table is never held whole. Errors about the table as a whole are thrown by finish().
 */
export class TableReader {
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
  /** Dates split into Year and Month (or Week) columns: each row gets its built date (plausibility/split-date). */
  private split: SplitDate | null = null;

  constructor(private options: SegmentOptions, private expectedRows = 0) {}

  add(row: readonly RawCell[] | null | undefined): void {
    const cells = row ?? EMPTY_ROW;
    const r = ++this.r;
    if (r === 0) this.header(cells);
    else if (this.long) this.long.add(this.split ? this.split.row(cells) : cells, r);
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
      let { mapping, warnings, headers } = mapColumns(cells, this.options.columns);
      // plausibility: a date built from Year and Month (or Week) columns
      const plan = splitDatePlan(mapping, headers);
      if (plan) {
        this.split = new SplitDate(plan);
        mapping = plan.mapping;
        headers = [...headers, plan.header];
        warnings.push(plan.warning);
      }
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
      if (this.split) this.long.stable = true; // each row is a new array with its built date
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
    if (!long || this.split) {
      for (let r = from; r < rows.length; r++) this.add(rows[r]);
      return;
    }
    long.stable = true; // a grid's rows stay as they are: the reader may keep them
    for (let r = from; r < rows.length; r++) long.add(rows[r] ?? EMPTY_ROW, r);
    long.stable = false;
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
  const reader = new TableReader(options, rows.length);
  if (rows.length) reader.add(rows[0]);
  reader.addAll(rows, 1);
  return reader.finish();
}
