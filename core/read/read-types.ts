// What a reader hands to the analyses: the used rows (long) or the period values (wide), the
// customers, and the account of every row read.

import type { ColumnMapping, DateOrder, SegmentOptions, SkippedRow } from '../types';
import type { CustomerFacts } from './customer-facts';

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
  customers: CustomerFacts;
  mapping: ColumnMapping[];
  headers: string[];
  /** Rows from the one after the header to the last non-blank one. */
  rowsRead: number;
  /** Sheet row of the header (rows above it are titles, period lines, blank lines: not data). */
  headerRow: number;
  rowsUsed: number;
  skipped: SkippedRow[];
  warnings: string[];
  dateOrderUsed: DateOrder | null;
  /** The options the rows were read with (set by the table reader). */
  readWith?: SegmentOptions;
}
