// The shapes of the export catalogue: a ground-truth ledger per export, the features a reader
// needs to read it, what a correct reading gives, and the workbook model the .xlsx exports and the
// Excel / Sheets cell grids are made from.

/**
 * What an export needs from the readers. The first group works on main today; the others are the
 * parts of issue 11 (see FEATURES for which part builds each).
 */
export type Feature =
  // read before issue 11
  | 'base'
  // cli/input.ts: bytes → rows
  | 'encoding' | 'utf16' | 'sep-line' | 'delimiter-sniff' | 'sheet-choice'
  // core/read: where the table is, what its rows are
  | 'header-row' | 'totals-rows' | 'wide-totals' | 'wide-decimal-comma' | 'mapping-evidence' | 'zero-rows-error'
  // core/read values
  | 'month-names' | 'timestamp-offset' | 'unicode-minus' | 'nfc-names'
  // plausibility
  | 'repeated-order-totals' | 'header-detail' | 'continuation-lines' | 'document-types' | 'split-dates'
  | 'amount-looks-like-ids' | 'discount' | 'currencies' | 'hidden-rows'
  // asked for by the catalogue, in no part of issue 11 yet
  | 'group-headers';

export const FEATURES: Record<Feature, string> = {
  base: 'what the readers did before issue 11: UTF-8 (BOM or not), , ; tab, decimal comma and thousands in long tables, d.m.y / m/d/y / ISO dates, serials, wide tables with point decimals',
  encoding: 'input: legacy code pages (Windows-1252/1253/1251) detected and decoded, named in the warnings',
  utf16: 'input: UTF-16 LE with BOM (Excel "Unicode Text", tab-separated .txt)',
  'sep-line': 'input: Excel\'s sep=; first line is a delimiter hint, not the header',
  'delimiter-sniff': 'input: the delimiter guessed from the table\'s own lines, not from a title line',
  'sheet-choice': 'input: workbooks read the active sheet, else the first visible one',
  'header-row': 'read: the header found below titles, period lines and blanks (CSV, xlsx, selection)',
  'totals-rows': 'read: totals rows in six languages and "<name> Total" subtotals skipped as "totals row"',
  'wide-totals': 'read: a pivot\'s Grand Total column is no period and its Grand Total row no customer',
  'wide-decimal-comma': 'read: wide tables read decimal-comma text as long tables do',
  'mapping-evidence': 'read: among header candidates the column whose values read wins over an empty look-alike',
  'zero-rows-error': 'read: a run that uses no row is an error naming the most common reason',
  'month-names': 'values: 5-Mar-24, 05 Mar 2024, month names in six languages incl. genitive forms',
  'timestamp-offset': 'values: 2024-06-18 12:17:00 -0500 (shop platforms)',
  'unicode-minus': 'values: U+2212 and dash forms read as a sign',
  'nfc-names': 'values: customer names compared in NFC / NFKC',
  'repeated-order-totals': 'plausibility: an order total repeated on every line of the order counted once',
  'header-detail': 'plausibility: a document header row above its own lines not counted twice',
  'continuation-lines': 'plausibility: lines with blank customer and date under the first line of a document',
  'document-types': 'plausibility: invoices, credit notes and payments told apart; payments are not revenue',
  'split-dates': 'plausibility: Year + Month columns read as the date, never summed as revenue',
  'amount-looks-like-ids': 'plausibility: an amount column whose values look like ids/years is not taken silently',
  discount: 'plausibility: a discount column beside quantity × price',
  currencies: 'plausibility: a currency column with more than one currency is never added up silently',
  'hidden-rows': 'plausibility: rows hidden by a filter skipped with a reason, or read with a warning',
  'group-headers': 'layout: the customer as a group header row with its lines below (QuickBooks reports)',
};

/** Why a row is not used; the test matches the core's reason text against these patterns. */
export type Reason = 'totals' | 'blank' | 'no-customer' | 'no-date' | 'no-amount' | 'payment' | 'hidden' | 'any';

export const REASON_PATTERNS: Record<Reason, string> = {
  totals: 'total',
  blank: 'blank',
  'no-customer': 'customer',
  'no-date': 'date',
  'no-amount': 'amount|not a number',
  payment: 'payment|not revenue|document',
  hidden: 'hidden|filter',
  any: '.',
};

/** A report the CLI (or a pane) writes, as the test checks it. */
export interface ReportOutcome {
  kind: 'report';
  /** Every customer and its net revenue in cents (the whole set: no customer more or less). */
  customers: Record<string, number>;
  /** Rows used; left out where the layout leaves the count to the implementation. */
  used?: number;
  /** Skipped rows: sheet (or file record) row number and reason. Checked when `used` is given. */
  skipped?: [number, Reason][];
  /** Patterns (case-insensitive) each of which some warning must match. */
  warnings?: string[];
  /** Why `used` and `skipped` are left out: the layout leaves the row accounting to the implementation. */
  rowsNote?: string;
}

/** A refusal: exit 1 (CLI) or an error (panes) whose message matches. */
export interface ErrorOutcome { kind: 'error'; message: string }

/** A report that says plainly what it could not decide: exit 0 and a warning matching; totals unchecked. */
export interface WarnedOutcome { kind: 'warned'; warning: string }

export type Outcome = ReportOutcome | ErrorOutcome | WarnedOutcome;

// ---------------------------------------------------------------------------------------------
// workbooks

/** A cell of the workbook model: a value, a calendar day with its number format, or a formula with its result. */
export type XCell = string | number | boolean | null | { date: string; fmt?: string } | { formula: string; result: number };

export interface SheetSpec {
  name: string;
  rows: XCell[][];
  /** A1 ranges merged (the value stays in the top-left cell). */
  merges?: string[];
  state?: 'visible' | 'hidden';
  /** 1-based sheet rows hidden (by a filter). */
  hiddenRows?: number[];
  autoFilter?: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Index of the active sheet (default 0). */
  active?: number;
}

export interface Entry {
  name: string;
  /** File name of the export, with the extension the CLI dispatches on. */
  file: string;
  system: string;
  variant: string;
  features: Feature[];
  /** What a correct reading gives; `also` lists other outcomes the issue accepts. */
  expect: Outcome;
  also?: Outcome[];
  /** CLI flags, if the export needs any (the catalogue prefers none: the first try must work). */
  args?: string[];
  bytes(): Promise<Uint8Array>;
  /** For cell-level exports: the workbook, whose data sheet is also handed to the Excel and Sheets readers. */
  workbook?: WorkbookSpec;
  /** Which sheet of the workbook the analyst selects in Excel / Sheets (default: the active one). */
  dataSheet?: number;
  /** Not for the panes (e.g. hidden rows or sheets, which the fakes do not model). */
  cliOnly?: string;
}

// ---------------------------------------------------------------------------------------------
// ground truth

export interface Line {
  customer: string;
  /** ISO yyyy-mm-dd */
  date: string;
  /** Signed net revenue of the line in cents (a credit note is negative, a payment carries its amount). */
  cents: number;
  /** A payment is no revenue; everything else counts with its sign. */
  kind?: 'sale' | 'credit' | 'payment';
  currency?: string;
}

/** Net revenue per customer in cents: the ground truth of every report. Payments are not revenue. */
export function netOf(lines: readonly Line[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) if (l.kind !== 'payment') out[l.customer] = (out[l.customer] ?? 0) + l.cents;
  return out;
}

/** Leave the row accounting of an outcome unchecked, saying why (the customers and totals still are). */
export function rowsUnchecked<T extends ReportOutcome>(o: T, why: string): T {
  delete o.used;
  delete o.skipped;
  o.rowsNote = why;
  return o;
}

/** Rows of an export with their accounting: what a correct reader uses, skips, or does not read at all. */
export class Rows<C> {
  rows: C[][] = [];
  used = 0;
  skipped: [number, Reason][] = [];
  /** A row that is no part of the table (title, period line, sep= hint, footer after the end). */
  outside(row: C[]): this { this.rows.push(row); return this; }
  data(row: C[]): this { this.rows.push(row); this.used++; return this; }
  skip(row: C[], reason: Reason): this { this.rows.push(row); this.skipped.push([this.rows.length, reason]); return this; }
  /** The report that a correct reading of these rows gives. */
  report(customers: Record<string, number>, warnings?: string[]): ReportOutcome {
    return { kind: 'report', customers, used: this.used, skipped: this.skipped, ...(warnings ? { warnings } : {}) };
  }
}
