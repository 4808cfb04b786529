// What the plausibility checks see of a long table's reader once its rows are read: the used
// rows (struct of arrays, in row order), the skipped ones, and how a row's amount reads.

import { numberOf, plainNumber } from '../number-column';
import type { ColumnMapping, RawCell, SegmentOptions, SkippedRow } from '../../types';
import type { LineFacts } from './line-facts';

export interface ReaderView {
  n: number;
  cust: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Table row of each used row (the header is row 0), ascending. */
  index: Int32Array;
  /** The sheet row of the header: a table row r is sheet row base + r. */
  base: number;
  /** Customer names by id. */
  names: readonly string[];
  skipped: readonly SkippedRow[];
  /** The reader's warnings so far (the mapping's, the columns' evidence). */
  warnings: readonly string[];
  lines: LineFacts | null;
  mapping: ColumnMapping[];
  headers: readonly string[];
  options: SegmentOptions;
  customerColumn: number;
  dateColumn: number;
  /** The amount column, or the unit price column when the revenue is quantity × unit price. */
  amountColumn: number;
  /** The quantity column when the revenue is quantity × unit price, else -1. */
  quantityColumn: number;
  /** The decided decimal separators of the amount (or price) and quantity columns. */
  decimal: '.' | ',';
  quantityDecimal: '.' | ',';
}

function read(v: RawCell, decimal: '.' | ','): number {
  const x = typeof v === 'string' && decimal === '.' ? plainNumber(v) : NaN;
  return x === x ? x : numberOf(v, decimal);
}

/** The revenue a row's cells give, read with the column decisions made (NaN when it does not read). */
export function rowAmount(v: ReaderView, row: readonly RawCell[]): number {
  const a = read(row[v.amountColumn], v.decimal);
  return v.quantityColumn >= 0 ? read(row[v.quantityColumn], v.quantityDecimal) * a : a;
}
