// Public types of the core: cells, the vocabulary of classes, options, and what a reader reports
// of the columns and rows. The result's shapes are in result/types.ts.

/** A raw cell as a host delivers it: Excel numbers/strings/booleans/error text, Apps Script Date objects, CSV strings. */
export type RawCell = string | number | boolean | Date | null | undefined;
export type Grid = readonly (readonly RawCell[])[];


export type ColumnRole =
  | 'customer' | 'date' | 'amount' | 'profit' | 'quantity' | 'price'
  | 'image' | 'expert' | 'budget' | 'need' | 'solvency' | 'authority'
  // where customers are lost (SPEC §7): region, manager, channel … any text
  | 'dimension'
  // plausibility checks (core/read/plausibility)
  | 'doc-type' | 'order' | 'line-amount' | 'currency-column' | 'discount' | 'year' | 'month' | 'week';

export type Metric = 'revenue' | 'profit';
export type AbcRule = 'cumulative' | 'crossing' | 'count';
export type XyzMethod = 'frequency' | 'cv';
export type SdKind = 'population' | 'sample';
export type PeriodKind = 'month' | 'week' | 'quarter' | 'year';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';
export type Status = 'Active' | 'New' | 'At risk' | 'Lost';
export type Archetype = 'Financier' | 'Prospect' | 'Image builder' | 'Expert';
export type Segment = `${AbcClass}${XyzClass}`;

/** Everything the analyst can set. Shares and thresholds are fractions (0.8 = 80 %). */
export interface SegmentOptions {
  /** Column overrides: header text (case-insensitive), a column letter such as "C", or "-" for not used. */
  columns: Partial<Record<ColumnRole, string>>;
  metric: Metric;
  abcRule: AbcRule;
  a: number;
  b: number;
  xyzMethod: XyzMethod;
  x: number;
  y: number;
  sd: SdKind;
  period: PeriodKind;
  fiscalStart: number;
  /** Dates as ISO text `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  asOf: string | null;
  minPeriods: number;
  keyShare: number;
  newDays: number;
  financierShare: number;
  dependencyShare: number;
  lostLapse: number;
  lostDays: number;
  riskLapse: number;
  riskDays: number;
  /** Periods of the loss-dynamics table (SPEC §7), ending with the as-of period; 0 leaves it out. */
  dynamicsPeriods: number;
  /** Periods of each of the two windows class migration compares (SPEC §8); 0 leaves it out. */
  comparePeriods: number;
  /** Which rule gives the lifecycle status: the gap rule of §4, or P(alive) of the BG/NBD model (§11). */
  churnModel: 'gap' | 'bgnbd';
  /** With churnModel bgnbd: Lost below this P(alive), At risk below riskBelow (fractions). */
  lostBelow: number;
  riskBelow: number;
  /** Days ahead the expected purchases count. */
  horizonDays: number;
  /** The BG/NBD time unit (t_x, T and α): weeks as in the literature, or days. */
  bgnbdUnit: 'week' | 'day';
  dateOrder: DateOrder | null;
  decimal: '.' | ',' | null;
  caseSensitive: boolean;
  /** The workbook uses the 1904 date system (Excel for Mac legacy). */
  date1904: boolean;
  /** Sheet row number of the grid's first row, so skipped rows name real sheet rows. */
  firstRow: number;
  /**
   * Sheet row number of the header (1-based, as firstRow counts). Null: found among the first rows
   * (titles, period lines, blank lines and `sep=` hints above it are skipped).
   */
  headerRow: number | null;
  /**
   * How a `Date` cell becomes a calendar day. Default: its local calendar components, which in
   * Apps Script are those of the script's time zone. Sheets passes one that uses the spreadsheet's zone.
   * Returns days since 1970-01-01, or null for an invalid date (the row is then skipped).
   */
  dateObjectDay: ((d: Date) => number | null) | null;
  /** The one currency a table with several is read in (a code such as EUR, or a sign); null: its most frequent. */
  currency: string | null;
  /** Rows with an empty customer directly below an order's first line: read as its lines ('auto') or skipped ('off'). */
  continuation: 'auto' | 'off';
}

export type PartialOptions = Partial<Omit<SegmentOptions, 'columns'>> & { columns?: Partial<Record<ColumnRole, string>> };

export interface SkippedRow {
  /** Sheet row number (1-based, as the user sees it). */
  row: number;
  reason: string;
  values: RawCell[];
}

export interface ColumnMapping {
  role: ColumnRole;
  /** 0-based column index in the grid. */
  index: number;
  header: string;
  /** 'header' when recognised from its name, 'option' when set by the user. */
  source: 'header' | 'option';
  /** Recognised because the header contains a known name ("Sales Jan"), not because it is one. */
  partial?: boolean;
}
