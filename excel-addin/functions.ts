// Custom functions =ABCXYZ.SEGMENT / ABC / XYZ / MATRIX / LOSSES / MIGRATION. Thin wrappers: the logic is the core's
// (core/functions.ts), shared with Google Sheets, so the answers equal the CLI's. The JSDoc below
// is read by custom-functions-metadata to generate functions.json; keep the tags in step with it.
// No Office globals at module level: the build registers the functions (functions-register.ts), and
// tests import this file in Node.

import { AbcxyzError, EXCEL_LIMITS, abcColumn, lossesTable, matrixTable, migrationTable, pAliveTable, segmentTable, xyzColumn, type RawCell } from '../core';

type Matrix = RawCell[][];

/** Turns a user error into #VALUE! with the sentence as its message; other errors stay errors. */
export type ErrorFactory = (message: string) => Error;
let makeError: ErrorFactory = (message) => new Error(message);
export function setErrorFactory(f: ErrorFactory): void {
  makeError = f;
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AbcxyzError) throw makeError(e.message);
    throw makeError(`ABCXYZ: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A dates argument given as one empty cell means "no dates" (wide input). */
function optionalRange(m: Matrix | null | undefined): Matrix | null {
  if (!m || m.length === 0) return null;
  return m;
}

/**
 * ABC-XYZ segmentation of transactions: the customer table, header row first.
 * @customfunction SEGMENT
 * @param customers Customer of each transaction (one column).
 * @param amounts Amount of each transaction; without dates, a customer × period block.
 * @param [dates] Date of each transaction (leave out for per-period columns).
 * @param [options] Options text, e.g. "metric=profit; a=70; b=90; period=quarter; xyz=cv".
 * @returns The customer table.
 */
export function segment(customers: any[][], amounts: any[][], dates?: any[][], options?: string): any[][] {
  // a spilled table stops at the grid's last row, with a line saying how many more; texts fit a cell
  return guarded(() => segmentTable(customers, amounts, optionalRange(dates), options ?? null, {}, { rows: EXCEL_LIMITS.rows, cells: Infinity, cellChars: EXCEL_LIMITS.cellChars }));
}

/**
 * ABC class (A, B or C) of each value by its share of the total.
 * @customfunction ABC
 * @param values Values to classify, e.g. revenue per customer.
 * @param [a] Cumulative share limit of class A in percent (default 80).
 * @param [b] Cumulative share limit of class B in percent (default 95).
 * @param [rule] cumulative, crossing or count.
 * @returns One class per value.
 */
export function abc(values: any[][], a?: number, b?: number, rule?: string): any[][] {
  return guarded(() => abcColumn(values, a ?? null, b ?? null, rule ?? null));
}

/**
 * XYZ class (X, Y or Z) of each row of a customer × period block.
 * @customfunction XYZ
 * @param periodValues One row per customer, one column per period (oldest first).
 * @param [method] frequency or cv.
 * @param [x] Limit of class X (percent).
 * @param [y] Limit of class Y (percent).
 * @returns One class per row.
 */
export function xyz(periodValues: any[][], method?: string, x?: number, y?: number): any[][] {
  return guarded(() => xyzColumn(periodValues, method ?? null, x ?? null, y ?? null));
}

/**
 * The 3 × 3 ABC-XYZ matrix of customer counts, with headers.
 * @customfunction MATRIX
 * @param customers Customer of each transaction (one column).
 * @param amounts Amount of each transaction; without dates, a customer × period block.
 * @param [dates] Date of each transaction.
 * @param [options] Options text, e.g. "metric=profit; period=quarter".
 * @returns The matrix.
 */
export function matrix(customers: any[][], amounts: any[][], dates?: any[][], options?: string): any[][] {
  return guarded(() => matrixTable(customers, amounts, optionalRange(dates), options ?? null));
}

/**
 * Probability that each customer still buys, P(alive), and its expected purchases, from the BG/NBD model.
 * @customfunction PALIVE
 * @param customers Customer of each transaction (one column).
 * @param amounts Amount of each transaction (returns, negative, are not purchases).
 * @param dates Date of each transaction.
 * @param [options] Options text, e.g. "horizon-days=30; as-of=2024-12-31".
 * @returns Customer, P(alive) and expected purchases in the next horizon-days (default 90), header row first.
 */
export function palive(customers: any[][], amounts: any[][], dates: any[][], options?: string): any[][] {
  return guarded(() => pAliveTable(customers, amounts, optionalRange(dates), options ?? null, {}, { rows: EXCEL_LIMITS.rows, cells: Infinity, cellChars: EXCEL_LIMITS.cellChars }));
}

/**
 * Loss dynamics: one row per period (oldest first) with customers, new, newly lost, won back, lost, at risk, net change and value lost.
 * @customfunction LOSSES
 * @param customers Customer of each transaction (one column).
 * @param amounts Amount of each transaction.
 * @param dates Date of each transaction.
 * @param [options] Options text, e.g. "dynamics-periods=24; period=quarter".
 * @returns The per-period table, header row first.
 */
export function losses(customers: any[][], amounts: any[][], dates: any[][], options?: string): any[][] {
  return guarded(() => lossesTable(customers, amounts, optionalRange(dates), options ?? null));
}

/**
 * Class migration: customers by ABC class in the previous window (rows) and the current one (columns).
 * @customfunction MIGRATION
 * @param customers Customer of each transaction (one column).
 * @param amounts Amount of each transaction.
 * @param dates Date of each transaction.
 * @param [options] Options text, e.g. "compare-periods=6; metric=profit".
 * @returns The ABC transition matrix with headers.
 */
export function migration(customers: any[][], amounts: any[][], dates: any[][], options?: string): any[][] {
  return guarded(() => migrationTable(customers, amounts, optionalRange(dates), options ?? null));
}
