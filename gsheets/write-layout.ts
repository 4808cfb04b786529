/// <reference types="google-apps-script" />
// Writes a core ReportLayout into the spreadsheet. What goes where is decided by core/report
// (shortened there to what the spreadsheet has room for and what can be written in the time
// left); this file only decides how to get it into Sheets in a fixed number of service calls:
// per sheet one insert, a resize to exactly the cells it needs, one setNumberFormats + setValues +
// setFontWeights over the sheet's used rectangle, freeze, one filter, one
// setConditionalFormatRules, a few column-width runs, and one developer-metadata marker. Nothing
// here loops over rows with a call.
//
// The earlier report is kept until the new one is written: the new sheets go in under names free
// now ("ABC-XYZ (new)" while the earlier ABC-XYZ is there), are marked and filled, the queued
// writes are sent (an error surfaces here, with the earlier report untouched), and only then are
// the earlier sheets deleted and the new ones renamed to the proper names. A run that fails before
// that deletes the sheets it added; the caller holds the document lock throughout.
//
// Apps Script queues writes and sends the queue when a read comes (or the script ends), so every
// read after a write is a round trip. All reads come first; the only reads between writes are the
// ids of the new sheets, asked together right after the inserts.

import { FORMATS, SHEETS_LIMITS, freeSheetName, hostCells, markerValue, t, type CellRange, type ConditionalRule, type LayoutBlock, type LayoutSheet, type LayoutValue, type ReportLayout, type ReportLimits } from '../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface WrittenSheet {
  role: LayoutSheet['role'];
  name: string;
}

export interface WriteOutcome {
  sheets: WrittenSheet[];
  /** Number of sheets of an earlier run that were deleted. */
  replaced: number;
}

/** Pixels per character of the layout's widths (Arial 10 in Sheets), plus cell padding. */
const PX_PER_CHAR = 7;
const PX_PADDING = 10;
/** Width of every column of a new sheet: columns the layout wants no wider need no call. */
export const DEFAULT_COLUMN_PX = 100;
/** Adjacent wide columns share a width call when their widths differ by at most this many characters. */
export const WIDTH_TOLERANCE_CHARS = 4;
/** A sheet made by insertSheet has 1000 rows and 26 columns (verify in a real spreadsheet). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLS = 26;

/** A run of a menu item or a sidebar call may take 6 minutes (Apps Script quotas). */
export const RUN_LIMIT_MS = 6 * 60_000;
/** Kept free at the end of a run: the final send of the writes, the deletes of the earlier report, the lock. */
export const RUN_MARGIN_MS = 30_000;
/**
 * What the writer takes writing one cell to cost — its number format, value and weight, in three
 * calls — and one of its calls (about 60 a run, whatever the size). Cautious estimates, above the
 * test fakes' model (0.03 ms a cell, 10 ms a call); to be measured in a real spreadsheet.
 */
export const WRITE_MS_PER_CELL = 0.04;
export const WRITE_CALL_MS = 100;
export const WRITE_CALLS = 80;

export { markerValue };

interface ProductSheet {
  sheet: Sheet;
  /** Lower case: sheet names are unique regardless of case. */
  name: string;
}

/** What the writer reads before it writes anything. */
export interface SpreadsheetProbe {
  /** Sheets an earlier run wrote (found by their marker). */
  product: ProductSheet[];
  /** Every sheet's name, lower case. */
  names: Set<string>;
  /** Cells of every sheet's grid (rows × columns), as Sheets counts them against its 10 million. */
  cells: number;
}

/** The sheets an earlier run created; sheets without our marker (or with a copied one) are not among them. */
function productSheets(ss: Spreadsheet, marker: ReportLayout['marker']): ProductSheet[] {
  const found = ss.createDeveloperMetadataFinder()
    .withKey(marker.key)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const out: ProductSheet[] = [];
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    if (!sheet || md.getValue() !== markerValue(marker.value, sheet.getSheetId())) continue;
    out.push({ sheet, name: sheet.getName().toLowerCase() });
  }
  return out;
}

/** Reads only: the earlier report's sheets, every sheet's name and size. */
export function probeSpreadsheet(ss: Spreadsheet, marker: ReportLayout['marker']): SpreadsheetProbe {
  const product = productSheets(ss, marker);
  const names = new Set<string>();
  let cells = 0;
  for (const sheet of ss.getSheets()) {
    names.add(sheet.getName().toLowerCase());
    cells += sheet.getMaxRows() * sheet.getMaxColumns();
  }
  return { product, names, cells };
}

/**
 * Sheets' limits for this run: the cells the spreadsheet has left (less one new sheet's default
 * grid, which exists for a moment before it is sized), and the cells that can be written in the
 * time left to the run.
 */
export function sheetsLimits(probe: SpreadsheetProbe, msLeft: number): ReportLimits {
  const room = SHEETS_LIMITS.cells - probe.cells - NEW_SHEET_ROWS * NEW_SHEET_COLS;
  const writeMs = msLeft - RUN_MARGIN_MS - WRITE_CALLS * WRITE_CALL_MS;
  return { ...SHEETS_LIMITS, cells: Math.max(0, room), writeCells: Math.max(0, Math.floor(writeMs / WRITE_MS_PER_CELL)) };
}

interface SheetPlan {
  spec: LayoutSheet;
  /** The name the sheet goes in under (free now) and the one it has once the earlier report is gone. */
  initial: string;
  final: string;
}

/**
 * "ABC-XYZ", else "ABC-XYZ (2)" … (a sheet of the analyst's keeps its name), as if the earlier
 * report were gone; a name the earlier report still holds is taken at the swap, and the sheet
 * goes in as "ABC-XYZ (new)" until then.
 */
function planSheets(layout: ReportLayout, probe: SpreadsheetProbe): SheetPlan[] {
  const old = new Set(probe.product.map((p) => p.name));
  const after = new Set([...probe.names].filter((n) => !old.has(n)));
  const finals = layout.sheets.map((spec) => {
    const name = freeSheetName(spec.name, after, SHEETS_LIMITS);
    after.add(name.toLowerCase());
    return name;
  });
  const now = new Set([...probe.names, ...finals.map((n) => n.toLowerCase())]);
  return layout.sheets.map((spec, k) => {
    let initial = finals[k];
    if (probe.names.has(initial.toLowerCase())) {
      initial = freeSheetName(t('sheet.pending', { name: finals[k] }), now, SHEETS_LIMITS);
      now.add(initial.toLowerCase());
    }
    return { spec, initial, final: finals[k] };
  });
}

/** Apply the layout (see the top of this file); the writes are sent before it returns. */
export function writeLayout(ss: Spreadsheet, layout: ReportLayout, probe: SpreadsheetProbe = probeSpreadsheet(ss, layout.marker)): WriteOutcome {
  const plans = planSheets(layout, probe);
  const added: Sheet[] = [];
  let swapping = false;
  try {
    // insertSheet places the sheet after the active one and activates it, so the sheets keep layout order
    for (const p of plans) {
      const sheet = ss.insertSheet(p.initial);
      added.push(sheet);
      // sized at once: the spreadsheet's cells are counted against its limit
      sizeSheet(sheet, p.spec);
    }
    const ids = added.map((sheet) => sheet.getSheetId());
    // all marked before any content, so a run stopped half-way leaves sheets the next run replaces
    added.forEach((sheet, k) => sheet.addDeveloperMetadata(layout.marker.key, markerValue(layout.marker.value, ids[k])));
    plans.forEach((p, k) => writeSheet(added[k], p.spec));
    // the new report is in the spreadsheet before the earlier one goes
    if (probe.product.length) SpreadsheetApp.flush();
    swapping = true;
    for (const o of probe.product) ss.deleteSheet(o.sheet);
    plans.forEach((p, k) => { if (p.initial !== p.final) added[k].setName(p.final); });
    if (added.length) added[0].activate();
    // applied after the lock is released, queued writes could interleave with another run's
    // (LockService's documented advice); a write that fails also fails here, in the run
    SpreadsheetApp.flush();
  } catch (e) {
    if (!swapping) undo(ss, added);
    throw e;
  }
  return { sheets: plans.map((p) => ({ role: p.spec.role, name: p.final })), replaced: probe.product.length };
}

/** Remove what a failed run added, leaving the earlier report as it was. Best effort: the first error is the one reported. */
function undo(ss: Spreadsheet, added: Sheet[]): void {
  try {
    for (const sheet of added) ss.deleteSheet(sheet);
    SpreadsheetApp.flush();
  } catch {
    // the sheets left are marked (or empty and unmarked, if the run stopped before the marker): see the README
  }
}

/** Rows and columns the sheet's grid gets: what the layout uses, and one more than it freezes. */
export function sheetSize(spec: LayoutSheet): { rows: number; cols: number } {
  const cells = hostCells(spec.extent.rows, spec.extent.cols, spec.freeze);
  const rows = Math.max(spec.extent.rows, spec.freeze.rows + 1, 1);
  return { rows, cols: cells / rows };
}

/** A new sheet (1000 × 26) made exactly as large as the layout needs: shrink first, so the count never peaks above the result. */
function sizeSheet(sheet: Sheet, spec: LayoutSheet): void {
  const { rows, cols } = sheetSize(spec);
  if (cols < NEW_SHEET_COLS) sheet.deleteColumns(cols + 1, NEW_SHEET_COLS - cols);
  if (rows < NEW_SHEET_ROWS) sheet.deleteRows(rows + 1, NEW_SHEET_ROWS - rows);
  if (cols > NEW_SHEET_COLS) sheet.insertColumnsAfter(NEW_SHEET_COLS, cols - NEW_SHEET_COLS);
  if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
}

export interface SheetGrid {
  rows: number;
  cols: number;
  values: LayoutValue[][];
  formats: string[][];
  weights: ('bold' | 'normal')[][];
}

/**
 * All blocks of a sheet as one rectangle from A1: a single setValues/setNumberFormats/setFontWeights
 * instead of three per block. Cells between blocks are written empty with the General format.
 */
export function sheetGrid(spec: LayoutSheet): SheetGrid {
  const rows = Math.max(1, spec.extent.rows);
  const cols = Math.max(1, spec.extent.cols);
  const values: LayoutValue[][] = Array.from({ length: rows }, () => new Array<LayoutValue>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(FORMATS.general));
  const weights: ('bold' | 'normal')[][] = Array.from({ length: rows }, () => new Array<'bold' | 'normal'>(cols).fill('normal'));
  for (const block of spec.blocks) placeBlock(block, values, formats, weights);
  return { rows, cols, values, formats, weights };
}

function placeBlock(block: LayoutBlock, values: LayoutValue[][], formats: string[][], weights: ('bold' | 'normal')[][]): void {
  block.values.forEach((row, i) => {
    const r = block.row + i;
    const isHeader = block.header && i === 0;
    row.forEach((v, j) => {
      const c = block.col + j;
      values[r][c] = v === null ? '' : v;
      formats[r][c] = isHeader ? FORMATS.text : FORMATS[block.formats[j] ?? 'general'];
      if (isHeader) weights[r][c] = 'bold';
    });
  });
  // a leading apostrophe makes Sheets store the string as text, never a formula; the apostrophe is
  // only honoured (and hidden) in automatically formatted cells, so these cells get General
  for (const [i, j] of block.guarded) {
    const r = block.row + i;
    const c = block.col + j;
    values[r][c] = `'${String(values[r][c])}`;
    formats[r][c] = FORMATS.general;
  }
  for (const [i, j] of block.bold) weights[block.row + i][block.col + j] = 'bold';
}

function writeSheet(sheet: Sheet, spec: LayoutSheet): void {
  const grid = sheetGrid(spec);
  const all = sheet.getRange(1, 1, grid.rows, grid.cols);
  // formats first: text columns then keep "00123" and "1-2" as typed
  all.setNumberFormats(grid.formats);
  all.setValues(grid.values);
  all.setFontWeights(grid.weights);
  if (spec.freeze.rows > 0) sheet.setFrozenRows(spec.freeze.rows);
  if (spec.freeze.cols > 0) sheet.setFrozenColumns(spec.freeze.cols);
  // a sheet holds at most one filter; the layout has at most one table per sheet
  const table = spec.blocks.find((b) => b.table !== null && b.values.length > 0);
  if (table) sheet.getRange(table.row + 1, table.col + 1, table.values.length, table.values[0].length).createFilter();
  if (spec.rules.length) sheet.setConditionalFormatRules(buildRules(sheet, spec));
  for (const run of widthRuns(spec.columnWidths)) sheet.setColumnWidths(run.start + 1, run.count, run.px);
}

/** One builder per merged rule (six calls each); ranges shared by several rules are fetched once. */
function buildRules(sheet: Sheet, spec: LayoutSheet): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const rangeOf = ({ row, col, rows, cols }: CellRange) => {
    const key = `${row},${col},${rows},${cols}`;
    let range = ranges.get(key);
    if (!range) ranges.set(key, (range = sheet.getRange(row + 1, col + 1, rows, cols)));
    return range;
  };
  return mergedRules(spec.rules).map((rule) => SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(rule.text)
    .setBackground(rule.fill)
    .setFontColor(rule.font)
    .setRanges(rule.ranges.map(rangeOf))
    .build());
}

export interface MergedRule {
  text: string;
  fill: string;
  font: string;
  ranges: CellRange[];
}

/**
 * Rules that differ only in their range, as one rule with several ranges (the layout colours the
 * same segment letters in the summary and in the table). Merging moves a rule's range up to the
 * first rule of its text; only rules with the same text can match the same cell, so this keeps
 * every cell's colour as long as all rules of that text share their colours — texts that do not
 * are left as they are, in their order.
 */
export function mergedRules(rules: ConditionalRule[]): MergedRule[] {
  // text → the colours all its rules share, or null when they differ
  const shared = new Map<string, string | null>();
  for (const r of rules) {
    const c = `${r.fill}|${r.font}`;
    shared.set(r.text, shared.has(r.text) && shared.get(r.text) !== c ? null : c);
  }
  const out: MergedRule[] = [];
  const byText = new Map<string, MergedRule>();
  for (const r of rules) {
    const first = shared.get(r.text) !== null ? byText.get(r.text) : undefined;
    if (first) {
      first.ranges.push(r.range);
      continue;
    }
    const merged = { text: r.text, fill: r.fill, font: r.font, ranges: [r.range] };
    byText.set(r.text, merged);
    out.push(merged);
  }
  return out;
}

export interface WidthRun {
  /** 0-based first column. */
  start: number;
  count: number;
  px: number;
}

export function columnPx(chars: number): number {
  return Math.round(chars * PX_PER_CHAR + PX_PADDING);
}

/**
 * Column widths in few calls, each column at least as wide as the layout asks. A new sheet's
 * columns are already DEFAULT_COLUMN_PX wide, which fits most of the layout's numeric, date and
 * code columns: those keep it, with no call (a call per distinct narrow width would cost more
 * than the few pixels it saves). The wider ones are grouped with their wide neighbours while the
 * group's widths stay within WIDTH_TOLERANCE_CHARS, and the group takes its widest width; so no
 * wide column grows by more than the tolerance, and long text columns keep their own width.
 */
export function widthRuns(widths: number[], basePx = DEFAULT_COLUMN_PX): WidthRun[] {
  const groups: { start: number; count: number; min: number; max: number }[] = [];
  widths.forEach((w, i) => {
    if (columnPx(w) <= basePx) return;
    const g = groups[groups.length - 1];
    if (g && g.start + g.count === i && Math.max(g.max, w) - Math.min(g.min, w) <= WIDTH_TOLERANCE_CHARS) {
      g.count++;
      g.min = Math.min(g.min, w);
      g.max = Math.max(g.max, w);
    } else {
      groups.push({ start: i, count: 1, min: w, max: w });
    }
  });
  return groups.map((g) => ({ start: g.start, count: g.count, px: columnPx(g.max) }));
}
