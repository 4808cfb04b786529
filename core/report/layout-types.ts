// The host-neutral report layout: what every writer (Excel, Sheets, XLSX) applies verbatim.
// Writers decide *how* to put it in a host, never *what* goes in.

/** A value to write. Dates are numbers (1900-system serials) with a date format on their column. */
export type LayoutValue = string | number | boolean | null;

/** Number format patterns understood alike by Excel, Google Sheets and ExcelJS. */
export const FORMATS = {
  text: '@',
  general: 'General',
  integer: '#,##0',
  number: '#,##0.00',
  ratio: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
} as const;
export type FormatKind = keyof typeof FORMATS;

export interface CellRange {
  /** 0-based top-left row and column on the sheet. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface LayoutBlock {
  /** Stable id: 'title', 'parameters', 'matrix', 'customers', 'winback', 'skipped'. */
  id: string;
  row: number;
  col: number;
  /** Rectangular: every row has the same length. */
  values: LayoutValue[][];
  /** One format per column of the block (applies to the rows below a header row). */
  formats: FormatKind[];
  /** The first row is a header row (bold, wrapped). */
  header: boolean;
  /** Block cells (relative row, col) holding strings that a host could take for a formula; write them as text. */
  guarded: [number, number][];
  /** Make the block an Excel table / filtered range with this name (header row required). */
  table: string | null;
  /** Cells (relative row, col) written bold, e.g. row labels of the matrix. */
  bold: [number, number][];
}

/** Conditional-format rule: cells in `range` whose text equals `text` get `fill` and `font` colours. */
export interface ConditionalRule {
  range: CellRange;
  text: string;
  fill: string;
  font: string;
}

export interface LayoutSheet {
  /** 'report', 'winback' or 'skipped'. */
  role: 'report' | 'winback' | 'skipped';
  /** Preferred name; a writer uses a free variant if a sheet of the user's already has it. */
  name: string;
  blocks: LayoutBlock[];
  /** Width of each column in characters. */
  columnWidths: number[];
  /** Rows and columns to freeze (header of the main table). */
  freeze: { rows: number; cols: number };
  rules: ConditionalRule[];
  /** Used range of the sheet, for writers that size or clear it. */
  extent: { rows: number; cols: number };
}

export interface ReportLayout {
  /** Key and value identifying sheets created by this product (developer metadata, custom property, …). */
  marker: { key: string; value: string };
  sheets: LayoutSheet[];
  /**
   * What the layout shortened to fit the host (rows, columns, long texts), as sentences. They are
   * also the first warnings of the parameters block; a host shows them with the run's warnings.
   */
  warnings: string[];
}

/** How many rows of a sheet's table the layout shows, and the line below it saying what is left out. */
export interface TableCut {
  shown: number;
  more: string | null;
}
