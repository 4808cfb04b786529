// The shapes of a segmentation result: what every surface reads. A customer's fields are those of
// the one customer field table (customer-fields.ts).

import type { BgnbdParameters } from '../analyses/bgnbd';
import type { CustomerReader, CustomerResult } from './customer-fields';
import type { AbcClass, ColumnMapping, DateOrder, Segment, SegmentOptions, SkippedRow, Status } from '../types';

export type { CustomerReader, CustomerResult } from './customer-fields';

export interface WinBackEntry {
  customer: string;
  segment: Segment | null;
  abc: AbcClass | null;
  keyAccount: boolean;
  status: Status;
  lastPurchase: number | null;
  daysSinceLast: number | null;
  typicalGap: number | null;
  metric: number;
  valueAtStake: number;
  action: string;
  /** BG/NBD (SPEC §11); null without a model. */
  pAlive: number | null;
  expectedPurchases: number | null;
}

export interface MatrixCell {
  customers: number;
  customerShare: number;
  metric: number;
  metricShare: number;
  strategy: string;
}

export interface Totals {
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
  customers: number;
  classified: number;
  metricTotal: number;
  keyAccounts: number;
  keyAccountShare: number;
}

export interface SegmentResult {
  options: SegmentOptions;
  mapping: ColumnMapping[];
  /** Header row as read (for showing skipped rows with their original columns). */
  headers: string[];
  /** Sheet row of the header row (found among the first rows, or set by the header-row option). */
  headerRow: number;
  layout: 'long' | 'wide';
  /** Resolved analysis frame, days since 1970-01-01. */
  asOf: number | null;
  windowStart: number | null;
  windowEnd: number | null;
  dateOrderUsed: DateOrder | null;
  /** Labels of the period columns for wide input. */
  periodLabels: string[];
  /** Smallest metric of an A and of a B customer, null when the class is empty. */
  cutoffs: { a: number | null; b: number | null };
  totals: Totals;
  matrix: Record<Segment, MatrixCell>;
  /** In rank order, then the customers that cannot be ranked; made when first read (see customerList). */
  customers: CustomerResult[];
  /**
   * The same customers by column, read by position: what the report, the custom functions and the
   * command line use (through customersOf), so no customer object need be made. Not enumerable;
   * null once `customers` is assigned anew (a copy of a result has none either).
   */
  customerList: CustomerReader | null;
  winBack: WinBackEntry[];
  skipped: SkippedRow[];
  warnings: string[];
  /** The fitted BG/NBD model (SPEC §11), converged or not; null when none was tried (no dates, too few repeat buyers). */
  bgnbd: BgnbdParameters | null;
  /** Why the BG/NBD columns are empty (also among the warnings); null when they are filled or there are no customers. */
  bgnbdWarning: string | null;
}
