// TableReader: a table handed over one row at a time (from a grid, or streamed from a file). The
// header is found among the first rows (header-row.ts: titles, period lines, blank lines and
// `sep=` hints above it are not data); it decides the columns, with the evidence of the first data
// rows, and whether the table is long (one row per transaction, read by LongReader) or wide
// (customer × period, read by readWide).

import { columnLetter, headersSeen, mapColumns } from './headers';
import { groupHeadingColumn } from './group-heading-column';
import { AbcxyzError, t } from '../messages';
import { LongReader } from './long-reader';
import type { ColumnMapping, ColumnRole, Grid, RawCell, SegmentOptions } from '../types';
import { EMPTY_ROW, columnOf, rowIsBlank } from './row-cells';
import { readWide, Source } from './wide-reader';
import type { ReadResult } from './read-types';
import { findHeaderRow, HEADER_SCAN } from './header-row';
import { evidenceWarnings, SAMPLE_ROWS, SampleEvidence } from './column-evidence';
import { noRowsError } from './no-rows';
import { releaseRows } from './release-rows';
import { SplitDate, splitDatePlan } from './plausibility';

/**
 * Reads a table handed over one row at a time — from a grid, or streamed from a file so the
 * table is never held whole: only its first rows are kept until the header is decided. Errors
 * about the table as a whole are thrown by finish().
 */
export class TableReader {
  /** Rows handed over so far. */
  private n = 0;
  /** Copies of the first rows (streaming), kept until the header is decided; pending[0] is row pendingFrom. */
  private pending: RawCell[][] = [];
  private pendingFrom = 0;
  private decided = false;
  /** Grid index of the header; -1 when none was found (every row looked at was blank). */
  private h = -1;
  /** The header-row option as a grid index (-1: not set); `forcedOutside`: it lies above the table. */
  private readonly forced: number;
  private readonly forcedOutside: boolean;
  private readonly limit: number;
  private headerBlank = true;
  private long: LongReader | null = null;
  /** Wide tables are small (one row per customer): their rows, from the header on, are kept and read at the end. */
  private wideRows: (readonly RawCell[])[] | null = null;
  private wideMapping: ColumnMapping[] = [];
  private headers: string[] = [];
  private warnings: string[] = [];
  private headerError: unknown = null;
  /** Last non-blank row, counted from the header (0 = none). */
  private lastNonBlank = 0;
  /** A non-blank row came after rows that were all blank (no header found among them). */
  private lateRows = false;
  /** Dates split into Year and Month (or Week) columns: each row gets its built date (plausibility/split-date). */
  private split: SplitDate | null = null;

  constructor(private options: SegmentOptions, private expectedRows = 0) {
    const hr = options.headerRow;
    this.forced = hr === null || hr === undefined ? -1 : hr - options.firstRow;
    this.forcedOutside = hr !== null && hr !== undefined && this.forced < 0;
    this.limit = (this.forced >= 0 ? 1 : HEADER_SCAN) + SAMPLE_ROWS;
  }

  add(row: readonly RawCell[] | null | undefined): void {
    const cells = row ?? EMPTY_ROW;
    const r = this.n++;
    if (this.decided) { this.feed(cells, r); return; }
    // above a header the option names: not data, not kept
    if (this.forcedOutside || (this.forced >= 0 && r < this.forced)) return;
    if (this.pending.length === 0) this.pendingFrom = r;
    // a copy: the caller may refill the same array for the next row
    this.pending.push(Array.from(cells));
    if (this.pending.length >= this.limit) this.decidePending();
  }

  private decidePending(): void {
    const rows = this.pending;
    this.decide(rows, this.pendingFrom, rows.length);
    for (let k = this.h - this.pendingFrom + 1; k < rows.length; k++) this.feed(rows[k], this.pendingFrom + k);
    this.pending = [];
  }

  /** A row after the header (or after rows that were all blank). */
  private feed(cells: readonly RawCell[], r: number): void {
    if (this.h < 0) { if (!this.lateRows && !rowIsBlank(cells)) this.lateRows = true; return; }
    const rel = r - this.h;
    if (this.long) this.long.add(this.split ? this.split.row(cells) : cells, rel);
    else {
      // kept past this call, so a copy: the caller may refill the same array for the next row
      if (this.wideRows) this.wideRows.push(Array.from(cells));
      if (!rowIsBlank(cells)) this.lastNonBlank = rel;
    }
  }

  /**
   * Decide the header among rows[0..count) (grid rows offset…offset+count-1), its columns and the
   * layout. The rows after the header are not read here.
   */
  private decide(rows: Grid, offset: number, count: number): void {
    this.decided = true;
    if (this.forcedOutside) return;
    let h: number;
    if (this.forced >= 0) h = this.forced - offset < count ? this.forced - offset : -1;
    else h = findHeaderRow(rows, Math.min(HEADER_SCAN, count), this.options.columns);
    if (h < 0) return;
    this.h = offset + h;
    const row = rows[h] ?? EMPTY_ROW;
    this.headerBlank = rowIsBlank(row);
    try {
      // a copy: holes of a sparse header row read as empty headers (not holes), and the caller may
      // refill the array for the next row
      const cells = Array.from(row);
      const evidence = new SampleEvidence(rows, h + 1, Math.min(count, h + 1 + SAMPLE_ROWS), this.options);
      // a grouped report's customer: the unnamed column of its group headings (group-heading-column.ts)
      const g = this.options.columns.customer ? -1 : groupHeadingColumn(rows, h, Math.min(count, h + 1 + SAMPLE_ROWS));
      const columns = g >= 0 ? { ...this.options.columns, customer: columnLetter(g) } : this.options.columns;
      let { mapping, warnings, headers } = mapColumns(cells, columns, evidence.rate);
      if (g >= 0) {
        mapping = mapping.map((m) => (m.role === 'customer' ? { ...m, source: 'header' as const } : m));
        warnings.push(t('warn.groupHeadings', { column: columnLetter(g) }));
      }
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
      const seen = headersSeen(headers);
      const has = (role: ColumnRole) => columnOf(mapping, role) >= 0;
      if (!has('customer')) throw new AbcxyzError(t('err.noColumn', { role: 'customer', headers: seen }));
      if (!has('date')) {
        // Per-period columns are often named "Sales Jan", "Umsatz Q1": a header that merely contains a
        // money word is a period here, not the amount (or profit) column.
        const numeric: ColumnRole[] = ['amount', 'profit', 'quantity', 'price', 'budget'];
        this.wideMapping = mapping.filter((m) => !(m.partial && numeric.includes(m.role)));
        warnings.push(...evidenceWarnings(mapping, ['customer'], evidence));
        this.wideRows = [cells];
        return;
      }
      if (!has('amount') && !(has('quantity') && has('price'))) throw new AbcxyzError(t('err.noAmount', { headers: seen }));
      const checked: ColumnRole[] = has('amount') ? ['customer', 'date', 'amount'] : ['customer', 'date', 'quantity', 'price'];
      // (a built date is no column of the sample)
      warnings.push(...evidenceWarnings(mapping, this.split ? checked.filter((r) => r !== 'date') : checked, evidence));
      this.long = new LongReader(mapping, headers, warnings, this.options, this.expectedRows, this.options.firstRow + this.h);
      if (this.split) this.long.stable = true; // each row is a new array with its built date
    } catch (e) {
      // an empty table is the first thing to say; the header's problem is told in finish()
      this.headerError = e;
    }
  }

  /** Every row of a grid: the header decided from its first rows, then a long table's rows straight to its reader. */
  addGrid(rows: Grid): void {
    this.decide(rows, 0, rows.length);
    this.n = rows.length;
    const long = this.long;
    if (long) {
      long.stable = true; // a grid's rows stay as they are: the reader may keep them
      const split = this.split;
      if (split) for (let r = this.h + 1; r < rows.length; r++) long.add(split.row(rows[r] ?? EMPTY_ROW), r - this.h);
      else for (let r = this.h + 1; r < rows.length; r++) long.add(rows[r] ?? EMPTY_ROW, r - this.h);
      return;
    }
    for (let r = this.h < 0 ? 0 : this.h + 1; r < rows.length; r++) {
      const cells = rows[r] ?? EMPTY_ROW;
      if (this.h < 0) { if (!rowIsBlank(cells)) this.lateRows = true; continue; }
      // the grid is not refilled under us: its rows need no copy
      if (this.wideRows) this.wideRows.push(cells);
      if (!rowIsBlank(cells)) this.lastNonBlank = r - this.h;
    }
  }

  /** The table's problem, once finish() has found one: told again by a second call. */
  private failed: AbcxyzError | null = null;

  finish(): ReadResult {
    if (this.failed) throw this.failed;
    try {
      return this.read();
    } catch (e) {
      if (e instanceof AbcxyzError) this.failed = e;
      throw e;
    }
  }

  private read(): ReadResult {
    if (!this.decided) this.decidePending();
    const o = this.options;
    if (this.forcedOutside || (this.forced >= 0 && this.h < 0 && this.n > 0)) {
      throw new AbcxyzError(t('err.headerRowOutside', { row: o.headerRow!, first: o.firstRow, last: o.firstRow + Math.max(0, this.n - 1) }));
    }
    if (this.h < 0) {
      if (this.lateRows) throw new AbcxyzError(t('err.noHeader', { rows: HEADER_SCAN }));
      throw new AbcxyzError(t('err.empty'));
    }
    const lastData = this.long ? this.long.lastRow : this.lastNonBlank;
    const last = lastData > 0 ? lastData : this.headerBlank ? -1 : 0;
    if (last < 0) throw new AbcxyzError(t('err.empty'));
    if (last < 1) throw new AbcxyzError(t('err.headerOnly'));
    if (this.headerError) throw this.headerError;
    const result = this.long
      ? this.long.finish()
      : readWide(new Source(this.wideRows!), last, this.wideMapping, this.headers, this.warnings, o, o.firstRow + this.h);
    if (result.rowsUsed === 0) {
      releaseRows(result);
      throw noRowsError(result);
    }
    // which options the rows were read with: an analysis of this read must not claim others
    result.readWith = this.options;
    return result;
  }
}

/** Read a whole grid: header, mapping, every row. */
export function readGrid(grid: Grid, options: SegmentOptions): ReadResult {
  const rows = grid ?? [];
  const reader = new TableReader(options, rows.length);
  reader.addGrid(rows);
  return reader.finish();
}
