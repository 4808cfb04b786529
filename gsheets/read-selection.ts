/// <reference types="google-apps-script" />
// Which cells the run reads: the selection trimmed to the sheet's data (a whole-column selection
// would otherwise bring a thousand empty rows), or the data region around a single selected cell.

import { AbcxyzError, columnLetter, t } from '../core';
import { msg } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Source {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
  /** 1-based, as Apps Script counts. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  address: string;
}

/** 'Sales 2024'!A1:D10 — quoted so names with spaces, dashes or quotes are read back exactly. */
export function qualifiedA1(sheetName: string, row: number, col: number, rows: number, cols: number): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetter(col - 1)}${row}:${columnLetter(col + cols - 2)}${row + rows - 1}`;
}

export function selectedSource(ss: Spreadsheet): Source {
  const active = ss.getActiveRange();
  if (!active) throw new AbcxyzError(msg('noSelection'));
  const sheet = active.getSheet();
  const range = active.getNumRows() === 1 && active.getNumColumns() === 1 ? active.getDataRegion() : active;
  const row = range.getRow();
  const col = range.getColumn();
  const rows = Math.min(range.getLastRow(), sheet.getLastRow()) - row + 1;
  const cols = Math.min(range.getLastColumn(), sheet.getLastColumn()) - col + 1;
  if (rows < 1 || cols < 1) throw new AbcxyzError(t('err.empty'));
  const sheetName = sheet.getName();
  return { sheet, sheetName, row, col, rows, cols, address: qualifiedA1(sheetName, row, col, rows, cols) };
}

/** A1 addresses come back from the sidebar; accept only the shape qualifiedA1 produces. */
export function isQualifiedA1(address: unknown): address is string {
  return typeof address === 'string' && address.length <= 300 && /^'(?:[^']|'')+'![A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7}$/.test(address);
}

/** First row of a checked address: read from its text, which saves asking the range (a service call). */
export function firstRowOf(address: string): number {
  // anchored at the end: the sheet name before it may itself contain "!A1:"
  return Number(/![A-Z]+(\d+):[A-Z]+\d+$/.exec(address)![1]);
}
