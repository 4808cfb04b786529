/// <reference types="office-js" />
// Reads the transactions the analyst points at: the selection, trimmed to the used range (a whole
// column selection would otherwise mean a million rows), or — when a single cell is selected — the
// region around it. Values come back in row chunks kept under the response size limit of Excel on
// the web; the workbook's date system and the columns formatted as dates are read alongside.

import { AbcxyzError, t, type RawCell } from '../core';
import { jsonBytes } from './payload';
import { queueProbe, readProbe, type PendingProbe, type WorkbookProbe } from './workbook-probe';

/** Response budget for one chunk of values (Excel on the web fails responses over 5 MB). */
export const READ_BUDGET = 4 * 1024 * 1024;
/** Serial of 2000-01-01 in the 1904 date system (1900 system: 36526). */
const SERIAL_2000_IN_1904 = 35064;

export interface Rect { row: number; col: number; rows: number; cols: number }

export interface SourceData {
  sheetName: string;
  /** A1 address of what was read, e.g. Sales!A1:D5001. */
  address: string;
  rect: Rect;
  grid: RawCell[][];
  date1904: boolean;
  /** Columns (0-based in the grid) whose first data cell has a date number format. */
  dateColumns: number[];
  /** Rows of the rectangle read that are hidden (by hand or by a filter), read like the others. */
  hiddenRows: number;
  /** Whether an AutoFilter hides rows of the sheet (false when the host cannot say). */
  filtered: boolean;
  /** Workbook state for the writer, read in the same request. */
  probe: WorkbookProbe | null;
  syncs: number;
}

export interface ReadOptions {
  /** Only the header row (for the mapping drop-downs); skips values below it. */
  headerOnly?: boolean;
  /** Also read what the writer needs (sheets, defined names, tables). */
  probe?: boolean;
  /** Getting the region around a cell needs ExcelApi 1.13; without it the used range is taken. */
  regionSupported?: boolean;
  /** The AutoFilter's isDataFiltered needs ExcelApi 1.9. */
  filterSupported?: boolean;
  readBudget?: number;
}

interface Dims { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }
const DIMS = 'rowIndex,columnIndex,rowCount,columnCount';

function rectOf(d: Dims): Rect {
  return { row: d.rowIndex, col: d.columnIndex, rows: d.rowCount, cols: d.columnCount };
}

/** Overlap of two rectangles, or null. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
  return rows > 0 && cols > 0 ? { row, col, rows, cols } : null;
}

/** Number formats that display a serial number as a date (d, m, y codes outside quotes and brackets). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || /(^|[^h:])m+([^s:]|$)/i.test(bare) && /[d]|y/i.test(bare);
}

function a1(rect: Rect, sheet: string): string {
  const col = (i: number) => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${col(rect.col)}${rect.row + 1}:${col(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/** Choose the rectangle to read from what the first request returned. */
function chooseRect(selection: Rect, used: Rect | null, region: Rect | null): Rect {
  const single = selection.rows === 1 && selection.cols === 1;
  const picked = single ? (region && used ? intersect(region, used) : used) : used ? intersect(selection, used) : null;
  if (!picked) throw new AbcxyzError(t('err.empty'));
  return picked;
}

/**
 * Request 1: selection, used range, region, date system, sample of cell sizes (and the writer's probe).
 * Requests 2…: values in chunks of rows under the budget; the first also brings the data row's formats.
 */
export async function readSource(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SourceData> {
  let syncs = 0;
  const wb = context.workbook;
  const selection = wb.getSelectedRange().load(DIMS);
  const sheet = selection.worksheet.load('name');
  const used = sheet.getUsedRangeOrNullObject(true).load(DIMS);
  const region = options.regionSupported === false ? null : selection.getCell(0, 0).getSurroundingRegion().load(DIMS);
  const dateProbe = wb.functions.date(2000, 1, 1).load('value');
  let pending: PendingProbe | null = null;
  if (options.probe) pending = queueProbe(context);
  await context.sync();
  syncs++;

  const rect = chooseRect(rectOf(selection), used.isNullObject ? null : rectOf(used), region ? rectOf(region) : null);
  const date1904 = dateProbe.value === SERIAL_2000_IN_1904;
  const target = options.headerOnly ? { ...rect, rows: Math.min(rect.rows, 2) } : rect;
  // hidden rows, sent with the first chunk of values (no request of their own): rowHidden is null
  // when some rows are hidden, and the visible view's row count then says how many
  const hiddenProbe = () => {
    const whole = sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).load('rowHidden');
    return { whole, visible: whole.getVisibleView().load('rowCount'), filter: options.filterSupported !== false ? sheet.autoFilter.load('isDataFiltered') : null };
  };
  const { grid, formats, syncs: chunkSyncs, first: hidden } = await readValues(context, sheet, target, options.readBudget ?? READ_BUDGET, options.headerOnly ? undefined : hiddenProbe);
  syncs += chunkSyncs;
  if (options.headerOnly) grid.length = Math.min(grid.length, 1);
  const dateColumns = (formats ?? []).map((f, j) => (isDateFormat(f) && typeof grid[1]?.[j] === 'number' ? j : -1)).filter((j) => j >= 0);
  return {
    sheetName: sheet.name,
    address: a1(rect, sheet.name),
    rect,
    grid,
    date1904,
    dateColumns,
    hiddenRows: hidden ? (hidden.whole.rowHidden === false ? 0 : rect.rows - hidden.visible.rowCount) : 0,
    filtered: hidden?.filter ? hidden.filter.isDataFiltered : false,
    probe: pending ? readProbe(pending) : null,
    syncs,
  };
}

/**
 * Values of a rectangle in chunks. The chunk height comes from a cost estimate per cell, refined
 * after each chunk from the bytes actually received, so a narrow table of short values arrives in
 * one request and a wide one of long text in several.
 */
async function readValues<R>(context: Excel.RequestContext, sheet: Excel.Worksheet, rect: Rect, budget: number, queueFirst?: () => R) {
  const grid: RawCell[][] = [];
  let formats: unknown[] | null = null;
  // loads that ride with the first chunk, queued again when a too-large request fails as a whole
  let first: R | null = null;
  let bytesPerCell = 10; // typical of transaction exports: short names, serial dates, amounts
  let syncs = 0;
  for (let start = 0; start < rect.rows;) {
    const rows = Math.max(1, Math.min(rect.rows - start, Math.floor(budget / (bytesPerCell * rect.cols))));
    const chunk = sheet.getRangeByIndexes(rect.row + start, rect.col, rows, rect.cols).load('values');
    const fmt: Excel.Range | null = formats === null && rect.rows > 1 ? sheet.getRangeByIndexes(rect.row + 1, rect.col, 1, rect.cols).load('numberFormat') : null;
    const extra = start === 0 && queueFirst ? queueFirst() : null;
    try {
      await context.sync();
    } catch (e) {
      // the estimate was too low for this data (long texts): ask again for at most half the rows
      if (isPayloadLimit(e) && rows > 1) { syncs++; bytesPerCell = Math.max(bytesPerCell * 2, (2 * budget) / (rows * rect.cols)); continue; }
      throw e;
    }
    syncs++;
    if (extra !== null) first = extra;
    const values = chunk.values as RawCell[][];
    for (const row of values) grid.push(row);
    if (fmt) formats = fmt.numberFormat[0];
    // learn the real cost from a sample of what arrived (at most 200 rows are measured)
    const sample = values.slice(0, 200);
    const measured = jsonBytes(sample) / Math.max(1, sample.length * rect.cols);
    bytesPerCell = Math.max(bytesPerCell, measured * 1.2);
    start += rows;
  }
  return { grid, formats, syncs, first };
}

function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return /PayloadSizeLimitExceeded/.test(code);
}
