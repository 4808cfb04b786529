/// <reference types="google-apps-script" />
// The =ABCXYZ…(…) custom functions: turn what Sheets passes into what core/functions.ts expects, and
// turn core errors into an Error whose message Sheets shows in the cell. No segmentation logic here.

import { AbcxyzError, SHEETS_LIMITS, abcColumn, lossesTable, matrixTable, migrationTable, pAliveTable, segmentTable, t, xyzColumn, type FunctionLimits, type FunctionValue, type PartialOptions, type RawCell } from '../core';
import { dayOfDateIn } from './sheet-time-zone';

type Cells = RawCell[][];

/**
 * A custom function must return within 30 seconds. What it reads and returns is bounded so that it
 * does: at most FUNCTION_MAX_CELLS cells of data in its arguments (refused with a sentence above
 * that), and a table of at most FUNCTION_MAX_OUTPUT_CELLS cells (its first customers and a line
 * saying how many more). Chosen from the test fakes' model (0.01 ms a cell written; the core
 * segments about a million cells a second in Node); to be measured in a real spreadsheet.
 */
export const FUNCTION_MAX_CELLS = 2_000_000;
export const FUNCTION_MAX_OUTPUT_CELLS = 500_000;
const OUTPUT_LIMITS: FunctionLimits = { rows: SHEETS_LIMITS.rows, cells: FUNCTION_MAX_OUTPUT_CELLS, cellChars: SHEETS_LIMITS.cellChars };

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Cells of data in the arguments: up to the last row with a value in any of them (an open range
 * such as A2:A brings every empty row of the sheet, which costs the function nothing).
 */
export function dataCells(ranges: (Cells | null)[]): number {
  let rows = 0;
  let width = 0;
  for (const r of ranges) {
    if (!r) continue;
    width += r[0]?.length ?? 0;
    let last = r.length;
    while (last > rows && r[last - 1].every(isBlank)) last--;
    if (last > rows) rows = last;
  }
  return rows * width;
}

function checkSize(ranges: (Cells | null)[]): void {
  const cells = dataCells(ranges);
  if (cells > FUNCTION_MAX_CELLS) {
    throw new AbcxyzError(t('fn.sheets.tooLarge', { cells: cells.toLocaleString('en-US'), max: FUNCTION_MAX_CELLS.toLocaleString('en-US') }));
  }
}

/** A single-cell argument arrives as the bare value, a range as a 2-D array; make both a 2-D array. */
export function asRange(arg: unknown): Cells | null {
  if (arg === undefined || arg === null) return null;
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row])) as Cells;
  return [[arg as RawCell]];
}

/** Date cells are bucketed in the spreadsheet's zone (allowed in custom functions: read-only). */
function zoneOptions(): PartialOptions {
  const tz = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone();
  return tz ? { dateObjectDay: dayOfDateIn(tz) } : {};
}

/** Sheets shows the message of a thrown Error in the cell; core errors already read as a sentence. */
function asCellError(e: unknown): Error {
  if (e instanceof AbcxyzError) return new Error(e.message);
  if (e instanceof Error) return new Error(e.message);
  return new Error(String(e));
}

/** Optional arguments: an empty cell or skipped argument is '' or undefined. */
function optionalText(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) throw new AbcxyzError(t('fn.sheets.options', { name: 'options', example: 'metric=profit; period=quarter' }));
  return String(v);
}

/**
 * (customers, amounts, [dates], [options]). When dates is left out but a text with "=" sits in its
 * place (=ABCXYZ(A:A, C:C, "period=quarter")), it is the options.
 */
function tableArgs(customers: unknown, amounts: unknown, dates: unknown, options: unknown): [Cells, Cells, Cells | null, string | null] {
  let opt = options;
  let dateArg = dates;
  if (typeof dates === 'string' && dates.includes('=') && (options === undefined || options === '')) {
    opt = dates;
    dateArg = null;
  }
  const c = asRange(customers);
  const a = asRange(amounts);
  if (!c) throw new AbcxyzError(t('fn.sheets.customers', { name: 'customers', example: 'A2:A' }));
  if (!a) throw new AbcxyzError(t('fn.sheets.amounts', { name: 'amounts', example: 'C2:C' }));
  // an empty dates cell and trailing empty rows of open ranges (A2:A) are the core's business
  const d = asRange(dateArg);
  checkSize([c, a, d]);
  return [c, a, d, optionalText(opt)];
}

export function segmentFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return segmentTable(c, a, d, o, zoneOptions(), OUTPUT_LIMITS);
  } catch (e) {
    throw asCellError(e);
  }
}

export function matrixFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return matrixTable(c, a, d, o, zoneOptions());
  } catch (e) {
    throw asCellError(e);
  }
}

export function pAliveFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return pAliveTable(c, a, d, o, zoneOptions(), OUTPUT_LIMITS);
  } catch (e) {
    throw asCellError(e);
  }
}

export function lossesFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return lossesTable(c, a, d, o, zoneOptions());
  } catch (e) {
    throw asCellError(e);
  }
}

export function migrationFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return migrationTable(c, a, d, o, zoneOptions());
  } catch (e) {
    throw asCellError(e);
  }
}

export function abcFunction(values: unknown, a: unknown, b: unknown, rule: unknown): string[][] {
  try {
    const v = asRange(values);
    if (!v) throw new AbcxyzError(t('fn.sheets.values', { name: 'values' }));
    checkSize([v]);
    return abcColumn(v, a, b, rule);
  } catch (e) {
    throw asCellError(e);
  }
}

export function xyzFunction(periodValues: unknown, method: unknown, x: unknown, y: unknown): string[][] {
  try {
    const v = asRange(periodValues);
    if (!v) throw new AbcxyzError(t('fn.sheets.periodValues', { name: 'periodValues' }));
    checkSize([v]);
    return xyzColumn(v, method, x, y);
  } catch (e) {
    throw asCellError(e);
  }
}
