// Entry points of the Sheets add-on. The build turns every `export function` of this file into a
// plain top-level function of Code.js (with the JSDoc above it), delegating to the bundle. Keep
// this file to thin exported functions: no logic, no constants, no top-level statements.

import { abcFunction, lossesFunction, matrixFunction, migrationFunction, pAliveFunction, segmentFunction, xyzFunction } from './custom-functions';
import { addMenu, openSidebar } from './menu';
import { getSelectionInfo as selectionInfo, goToSheet as activateSheet, runSegmentation as run } from './run-segment';
import type { RunSummary, SelectionInfo } from './sidebar-api';

/** Adds the ABC-XYZ menu when the spreadsheet opens. */
export function onOpen(e?: unknown) {
  addMenu();
}

/** Adds the menu right after the add-on is installed. */
export function onInstall(e?: unknown) {
  addMenu();
}

/** Opens the "Segment customers" sidebar (menu ABC-XYZ → Segment customers…). */
export function showSidebar() {
  openSidebar();
}

/** Sidebar: the selected range, its headers and the recognised column mapping. */
export function getSelectionInfo(): SelectionInfo {
  return selectionInfo();
}

/** Sidebar: segment the range and write the report sheets. */
export function runSegmentation(request: unknown): RunSummary {
  return run(request);
}

/** Sidebar: activate a sheet of the report (e.g. Skipped rows). */
export function goToSheet(name: unknown) {
  activateSheet(name);
}

/**
 * Segments customers by ABC (value) and XYZ (regularity) and returns the customer table:
 * rank, customer, revenue, share, ABC, XYZ, segment, key account, status, suggested action.
 *
 * @param {string[][]} customers Customer names or ids, one per transaction row (e.g. A2:A).
 * @param {number[][]} amounts Amount of each row (e.g. C2:C). Without dates: one column per period, oldest first.
 * @param {Date[][]} dates [optional] Date of each row (e.g. B2:B).
 * @param {string} options [optional] Options such as "metric=profit; a=70; period=quarter; xyz=cv" (thresholds in percent).
 * @return The customer table, header row first.
 * @customfunction
 */
export function ABCXYZ(customers: unknown, amounts?: unknown, dates?: unknown, options?: unknown) {
  return segmentFunction(customers, amounts, dates, options);
}

/**
 * ABC class (A, B or C) of each value, by cumulative share of the total.
 *
 * @param {number[][]} values Per-customer totals, e.g. D2:D.
 * @param {number} a [optional] Upper cumulative share of class A in percent (default 80).
 * @param {number} b [optional] Upper cumulative share of class B in percent (default 95).
 * @param {string} rule [optional] "cumulative" (default), "crossing" or "count".
 * @return One class per value, same shape as values; empty for blanks and values ≤ 0.
 * @customfunction
 */
export function ABCXYZ_ABC(values: unknown, a?: unknown, b?: unknown, rule?: unknown) {
  return abcFunction(values, a, b, rule);
}

/**
 * XYZ class (X, Y or Z) of each row of per-period values.
 *
 * @param {number[][]} periodValues One row per customer, one column per period (oldest first).
 * @param {string} method [optional] "frequency" (share of active periods, default) or "cv" (variation of spend).
 * @param {number} x [optional] X threshold in percent (frequency: at least 75; cv: at most 10).
 * @param {number} y [optional] Y threshold in percent (frequency: at least 30; cv: at most 25).
 * @return One class per row; empty when the series is too short or has no positive mean.
 * @customfunction
 */
export function ABCXYZ_XYZ(periodValues: unknown, method?: unknown, x?: unknown, y?: unknown) {
  return xyzFunction(periodValues, method, x, y);
}

/**
 * The 3 × 3 ABC-XYZ matrix: number of customers in each segment.
 *
 * @param {string[][]} customers Customer names or ids, one per transaction row (e.g. A2:A).
 * @param {number[][]} amounts Amount of each row (e.g. C2:C). Without dates: one column per period, oldest first.
 * @param {Date[][]} dates [optional] Date of each row (e.g. B2:B).
 * @param {string} options [optional] Options such as "metric=profit; period=quarter" (thresholds in percent).
 * @return Rows A, B, C by columns X, Y, Z with customer counts, headers included.
 * @customfunction
 */
export function ABCXYZ_MATRIX(customers: unknown, amounts?: unknown, dates?: unknown, options?: unknown) {
  return matrixFunction(customers, amounts, dates, options);
}

/**
 * Probability that each customer still buys, P(alive), and its expected purchases, from the BG/NBD model.
 *
 * @param {string[][]} customers Customer names or ids, one per transaction row (e.g. A2:A).
 * @param {number[][]} amounts Amount of each row (e.g. C2:C); returns (negative) are not purchases.
 * @param {Date[][]} dates Date of each row (e.g. B2:B).
 * @param {string} options [optional] Options such as "horizon-days=30; as-of=2024-12-31".
 * @return Customer, P(alive) and expected purchases in the next horizon-days (default 90), header row first.
 * @customfunction
 */
export function ABCXYZ_PALIVE(customers: unknown, amounts?: unknown, dates?: unknown, options?: unknown) {
  return pAliveFunction(customers, amounts, dates, options);
}

/**
 * Loss dynamics: one row per period (oldest first) with customers, new, newly lost, won back, lost, at risk, net change and value lost.
 *
 * @param {string[][]} customers Customer names or ids, one per transaction row (e.g. A2:A).
 * @param {number[][]} amounts Amount of each row (e.g. C2:C).
 * @param {Date[][]} dates Date of each row (e.g. B2:B).
 * @param {string} options [optional] Options such as "dynamics-periods=24; period=quarter".
 * @return The per-period table, header row first.
 * @customfunction
 */
export function ABCXYZ_LOSSES(customers: unknown, amounts?: unknown, dates?: unknown, options?: unknown) {
  return lossesFunction(customers, amounts, dates, options);
}

/**
 * Class migration: customers by ABC class in the previous window (rows) and in the current one (columns).
 *
 * @param {string[][]} customers Customer names or ids, one per transaction row (e.g. A2:A).
 * @param {number[][]} amounts Amount of each row (e.g. C2:C).
 * @param {Date[][]} dates Date of each row (e.g. B2:B).
 * @param {string} options [optional] Options such as "compare-periods=6; metric=profit".
 * @return The ABC transition matrix, headers included.
 * @customfunction
 */
export function ABCXYZ_MIGRATION(customers: unknown, amounts?: unknown, dates?: unknown, options?: unknown) {
  return migrationFunction(customers, amounts, dates, options);
}
