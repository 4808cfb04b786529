// The one rule for a report the host cannot hold whole: which rows of each table are shown, and
// what the report says about the rest. A table longer than a sheet's rows, or than the cells the
// spreadsheet has room for (or the host can write in the time left), shows its first rows and a
// line below them: "… and N more …, see the command line's CSV/JSON output". The room is given
// first to the Win-back list (short, and what to act on), then to the customer table, then to the
// Skipped rows (their values are in the source too). A report that cannot fit even its summary is
// refused with a sentence before anything is written.

import { AbcxyzError, t } from '../messages';
import { customersOf } from '../result/customer-list';
import { hostCells, type ReportLimits } from './limits';
import type { LayoutSheet, TableCut } from './layout-types';
import type { SegmentResult } from '../result/types';

/** Numbers in the sentences about the cuts. */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** Original columns the Skipped rows sheet can show beside its row number and reason. */
export function skippedColumns(rawWidth: number, limits: ReportLimits): number {
  return Math.min(rawWidth, Math.max(0, limits.cols - 2));
}

/** A sheet before its table's body: the rows above and including the header, its width, its freeze. */
export interface SheetShape {
  /** Rows above the table's first body row. */
  base: number;
  cols: number;
  freeze: LayoutSheet['freeze'];
}

export interface TablePlan {
  total: number;
  cut: TableCut | null;
}

export interface FitPlan {
  customers: TablePlan;
  winBack: TablePlan;
  skipped: TablePlan | null;
  /** Original columns the Skipped rows sheet shows. */
  skippedWidth: number;
  /** Sentences for the warnings (the layout's notes). */
  warnings: string[];
}

type Reason = 'rows' | 'cells' | 'time';

interface Table {
  key: 'customers' | 'winBack' | 'skipped';
  sheet: string;
  total: number;
  shape: SheetShape;
}

/** Cells of a sheet showing `shown` of its table's `total` rows (with the line below when some are left out). */
function costOf(t: Table, shown: number): number {
  const rows = t.shape.base + shown + (shown < t.total ? 1 : 0);
  return hostCells(rows, t.shape.cols, t.shape.freeze);
}

function reasonText(reason: Reason, limits: ReportLimits): string {
  if (reason === 'rows') return t('cap.reason.rows', { rows: countText(limits.rows) });
  if (reason === 'cells') return t('cap.reason.cells', { cells: countText(limits.cells) });
  return t('cap.reason.time');
}

const MORE_KEY = { customers: 'cap.more.customers', winBack: 'cap.more.winBack', skipped: 'cap.more.skipped' } as const;

/**
 * How much of each table the host can hold. `shapes` are the sheets without their tables' bodies
 * (measured by the caller with the warnings rows it assumes); a host with no limit met gets null cuts.
 */
export function fitPlan(r: SegmentResult, limits: ReportLimits, shapes: { report: SheetShape; winBack: SheetShape; skipped: SheetShape | null }, sheetNames: { report: string; winBack: string; skipped: string }, rawWidth: number): FitPlan {
  const tables: Table[] = [
    { key: 'winBack', sheet: sheetNames.winBack, total: r.winBack.length, shape: shapes.winBack },
    { key: 'customers', sheet: sheetNames.report, total: customersOf(r).length, shape: shapes.report },
  ];
  if (shapes.skipped) tables.push({ key: 'skipped', sheet: sheetNames.skipped, total: r.skipped.length, shape: shapes.skipped });

  // rows: a sheet has a last row; the line saying what is left out takes one
  const byRows = tables.map((tb) => (tb.shape.base + tb.total <= limits.rows ? tb.total : Math.max(0, limits.rows - tb.shape.base - 1)));
  // cells: what the spreadsheet has room for, or what can be written in the time left
  const budget = Math.min(limits.cells, limits.writeCells);
  const budgetReason: Reason = limits.writeCells < limits.cells ? 'time' : 'cells';
  const least = tables.reduce((n, tb) => n + costOf(tb, 0), 0);
  if (least > budget) {
    if (budgetReason === 'time') throw new AbcxyzError(t('err.noTime'));
    throw new AbcxyzError(t('err.noRoom', { need: countText(least), room: countText(Math.max(0, budget)) }));
  }
  let left = budget - least;
  const shown = byRows.map(() => 0);
  const reasons: (Reason | null)[] = tables.map(() => null);
  tables.forEach((tb, i) => {
    const rowCells = hostCells(2, tb.shape.cols, { rows: 0, cols: tb.shape.freeze.cols }) / 2;
    let k = Number.isFinite(left) ? Math.min(byRows[i], Math.floor(left / rowCells)) : byRows[i];
    while (k > 0 && costOf(tb, k) - costOf(tb, 0) > left) k--;
    // showing them all drops the line below: one more row may then fit
    if (k < tb.total && byRows[i] === tb.total && costOf(tb, tb.total) - costOf(tb, 0) <= left) k = tb.total;
    shown[i] = k;
    left -= costOf(tb, k) - costOf(tb, 0);
    if (k < tb.total) reasons[i] = k === byRows[i] ? 'rows' : budgetReason;
  });

  const warnings: string[] = [];
  const plans: Partial<Record<Table['key'], TablePlan>> = {};
  tables.forEach((tb, i) => {
    const reason = reasons[i];
    if (reason === null) {
      plans[tb.key] = { total: tb.total, cut: null };
      return;
    }
    const why = reasonText(reason, limits);
    plans[tb.key] = { total: tb.total, cut: { shown: shown[i], more: t(MORE_KEY[tb.key], { count: countText(tb.total - shown[i]), reason: why }) } };
    warnings.push(t('cap.warn.rows', { sheet: tb.sheet, shown: countText(shown[i]), total: countText(tb.total), reason: why }));
  });
  const skippedWidth = skippedColumns(rawWidth, limits);
  if (shapes.skipped && skippedWidth < rawWidth) {
    warnings.push(t('cap.warn.columns', { sheet: sheetNames.skipped, shown: countText(skippedWidth), total: countText(rawWidth), cols: countText(limits.cols) }));
  }
  return { customers: plans.customers!, winBack: plans.winBack!, skipped: plans.skipped ?? null, skippedWidth, warnings };
}
