// What a host's grid can hold. The report layout is shortened to fit these limits here, in one
// place, so that no writer meets a host error half-way: each host passes its limits in
// (buildLayout(result, limits)), and every writer only transcribes what fits.

import type { LayoutSheet } from './layout-types';

export interface ReportLimits {
  /** Rows of one sheet. */
  rows: number;
  /** Columns of one sheet. */
  cols: number;
  /** Characters of one cell. */
  cellChars: number;
  /** Cells the report's sheets may hold together: the room the spreadsheet has left (Infinity: no such limit). */
  cells: number;
  /** Cells the host can still write in the time left to the run (Infinity: no such limit). */
  writeCells: number;
  /** Longest sheet name, and the characters a sheet name may not hold. */
  sheetNameChars: number;
  sheetNameForbidden: string;
}

/** Excel's grid: 1,048,576 × 16,384 cells, 32,767 characters a cell, sheet names of 31 characters without []:*?/\ . */
export const EXCEL_LIMITS: Readonly<ReportLimits> = Object.freeze({
  rows: 1_048_576,
  cols: 16_384,
  cellChars: 32_767,
  cells: Infinity,
  writeCells: Infinity,
  sheetNameChars: 31,
  sheetNameForbidden: '[]:*?/\\',
});

/** An .xlsx file is read by Excel: its limits are Excel's. */
export const XLSX_LIMITS: Readonly<ReportLimits> = EXCEL_LIMITS;

/**
 * Google Sheets: 10 million cells per spreadsheet (the Sheets add-on passes what is left of them),
 * 18,278 columns, 50,000 characters a cell. Sheet names of up to 100 characters are taken as safe.
 */
export const SHEETS_LIMITS: Readonly<ReportLimits> = Object.freeze({
  rows: 10_000_000,
  cols: 18_278,
  cellChars: 50_000,
  cells: 10_000_000,
  writeCells: Infinity,
  sheetNameChars: 100,
  sheetNameForbidden: '',
});

/**
 * The cells a host grid must have for a sheet: its used rectangle, and one row and column more than
 * it freezes (a host cannot freeze every row). A writer that sizes its sheets (Sheets) makes them
 * exactly this large, so the layout's cell count is the spreadsheet's.
 */
export function hostCells(rows: number, cols: number, freeze: LayoutSheet['freeze']): number {
  return Math.max(rows, freeze.rows + 1, 1) * Math.max(cols, freeze.cols + 1, 1);
}

export const ELLIPSIS = '…';

/**
 * The longest text a cell is given: one character short of the host's limit, leaving room for the
 * quote a writer puts before a text that must not be read as a formula.
 */
export function textRoom(limits: Pick<ReportLimits, 'cellChars'>): number {
  return Math.max(2, limits.cellChars - 1);
}

/** A text cut to `room` characters, the last of them an ellipsis; a surrogate pair is never split. */
export function cutText(text: string, room: number): string {
  if (text.length <= room) return text;
  let end = room - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** A sheet name the host accepts: forbidden characters become "-", no quote at either end, not too long. */
export function validSheetName(name: string, limits: Pick<ReportLimits, 'sheetNameChars' | 'sheetNameForbidden'>): string {
  let out = '';
  for (const ch of name) out += limits.sheetNameForbidden.includes(ch) || ch < ' ' ? '-' : ch;
  out = out.replace(/^'+|'+$/g, '').trim();
  out = cutText(out, limits.sheetNameChars).trim();
  return out || '-';
}

/**
 * The preferred name (made valid), or "name (2)", "name (3)" … when a sheet already has it.
 * `taken` holds lower-case names: sheet names are unique regardless of case.
 */
export function freeSheetName(preferred: string, taken: ReadonlySet<string>, limits: Pick<ReportLimits, 'sheetNameChars' | 'sheetNameForbidden'>): string {
  const base = validSheetName(preferred, limits);
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = validSheetName(base, { ...limits, sheetNameChars: limits.sheetNameChars - suffix.length }) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
