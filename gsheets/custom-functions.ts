/// <reference types="google-apps-script" />
// The =ABCXYZ…(…) custom functions: turn what Sheets passes into what core/functions.ts expects, and
// turn core errors into an Error whose message Sheets shows in the cell. No segmentation logic here.

import { AbcxyzError, abcColumn, matrixTable, pAliveTable, segmentTable, t, xyzColumn, type FunctionValue, type PartialOptions, type RawCell } from '../core';
import { dayOfDateIn } from './sheet-time-zone';

type Cells = RawCell[][];

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
  return [c, a, asRange(dateArg), optionalText(opt)];
}

export function segmentFunction(customers: unknown, amounts: unknown, dates: unknown, options: unknown): FunctionValue[][] {
  try {
    const [c, a, d, o] = tableArgs(customers, amounts, dates, options);
    return segmentTable(c, a, d, o, zoneOptions());
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
    return pAliveTable(c, a, d, o, zoneOptions());
  } catch (e) {
    throw asCellError(e);
  }
}

export function abcFunction(values: unknown, a: unknown, b: unknown, rule: unknown): string[][] {
  try {
    const v = asRange(values);
    if (!v) throw new AbcxyzError(t('fn.sheets.values', { name: 'values' }));
    return abcColumn(v, a, b, rule);
  } catch (e) {
    throw asCellError(e);
  }
}

export function xyzFunction(periodValues: unknown, method: unknown, x: unknown, y: unknown): string[][] {
  try {
    const v = asRange(periodValues);
    if (!v) throw new AbcxyzError(t('fn.sheets.periodValues', { name: 'periodValues' }));
    return xyzColumn(v, method, x, y);
  } catch (e) {
    throw asCellError(e);
  }
}
