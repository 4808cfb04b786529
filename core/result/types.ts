// The shapes of a segmentation result: what every surface reads. A customer's fields are those of
// the one customer field table (customer-fields.ts).

import type { BgnbdParameters } from '../analyses/bgnbd';
import type { CustomerReader, CustomerResult } from './customer-fields';
import type { AbcOrNone, SegmentOrNone, XyzOrNone } from '../rules/class-migration';
import type { AbcClass, ColumnMapping, DateOrder, Segment, SegmentOptions, SkippedRow, Status } from '../types';

export type { CustomerReader, CustomerResult } from './customer-fields';
export type { AbcOrNone, SegmentOrNone, XyzOrNone } from '../rules/class-migration';

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

/** One period of the loss-dynamics table (SPEC §7). Days are days since 1970-01-01. */
export interface DynamicsRow {
  /** The period's label, as the report shows it ("2024-03"). */
  period: string;
  /** First day of the period, and its last (the as-of date for the as-of period). */
  start: number;
  end: number;
  /** Customers with a status at the period end (a purchase day up to it). */
  customers: number;
  /** First purchase day in the period. */
  new: number;
  /** Lost at the period end, not at the previous one. */
  newlyLost: number;
  /** Lost at the previous period end, and a purchase day in the period. */
  wonBack: number;
  /** Lost at the period end. */
  lostStock: number;
  /** At risk at the period end. */
  atRisk: number;
  /** new + won back − newly lost. */
  netChange: number;
  /** Lost at the previous period end, not at this one, without a purchase (a longer population gap; see rules/loss-events). */
  leftLost: number;
  /** Won back in the period and Lost again at its end (only periods longer than the lost-days can hold both). */
  lostAgain: number;
  /** The newly lost customers' revenue in the 365 days up to their last purchase day. */
  valueLost: number;
  /** valueLost ÷ all customers' revenue in the 365 days up to the period end; null when that is ≤ 0. */
  valueLostShare: number | null;
}

/** One loss event of the dynamics table: a customer newly lost in a period. */
export interface LostCustomer {
  customer: string;
  /** The period it was lost in (its label). */
  period: string;
  /** Its class and segment in the main report. */
  abc: AbcOrNone;
  segment: SegmentOrNone;
  /** Its dimension value ("—": none); null when no dimension column is mapped. */
  dimension: string | null;
  /** Its last purchase day as of that period's end. */
  lastPurchase: number;
  valueLost: number;
  /** It bought again in a later period of the table while still Lost. */
  wonBack: boolean;
}

/** The newly lost per period (arrays aligned with the dynamics rows), by class, segment and dimension value. */
export interface LossesBy {
  abc: Record<AbcOrNone, number[]>;
  segment: Record<SegmentOrNone, number[]>;
  /**
   * By dimension value: every value some customer holds, by how many customers hold it ("—" last,
   * for customers without one); null when no dimension column is mapped. The sheet orders by losses.
   */
  dimension: Record<string, number[]> | null;
}

export interface MigrationCell {
  customers: number;
  metricPrevious: number;
  metricCurrent: number;
}

/** A customer whose ABC class differs between the two windows. */
export interface Mover {
  customer: string;
  previousAbc: AbcOrNone;
  currentAbc: AbcOrNone;
  previousSegment: SegmentOrNone;
  currentSegment: SegmentOrNone;
  metricPrevious: number;
  metricCurrent: number;
  /** metricCurrent − metricPrevious. */
  change: number;
}

/** Class migration between two windows (SPEC §8). Days are days since 1970-01-01. */
export interface Migration {
  /** Each window's first day and its as-of date. */
  previous: { from: number; to: number };
  current: { from: number; to: number };
  /** Rows: the class in the previous window; columns: in the current one. */
  abc: Record<AbcOrNone, Record<AbcOrNone, MigrationCell>>;
  xyz: Record<XyzOrNone, Record<XyzOrNone, MigrationCell>>;
  movers: Mover[];
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
  /** The loss-dynamics table (SPEC §7), oldest period first; empty without dates or with dynamics-periods 0. */
  dynamics: DynamicsRow[];
  /** Every loss event of the table's periods: the latest period first, then by value lost. */
  lostCustomers: LostCustomer[];
  lossesBy: LossesBy;
  /** Class migration (SPEC §8); null without dates, with compare-periods 0, or when the previous window has no lines (a warning says so). */
  migration: Migration | null;
  /** Why migration is null when the previous window has no lines (the same sentence is among the warnings). */
  migrationNote: string | null;
  skipped: SkippedRow[];
  warnings: string[];
  /** The fitted BG/NBD model (SPEC §11), converged or not; null when none was tried (no dates, too few repeat buyers). */
  bgnbd: BgnbdParameters | null;
  /** Why the BG/NBD columns are empty (also among the warnings); null when they are filled or there are no customers. */
  bgnbdWarning: string | null;
}
