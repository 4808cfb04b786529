/// <reference types="google-apps-script" />
// Writes a core ReportLayout into the spreadsheet. What goes where is decided by core/layout.ts;
// this file only decides how to get it into Sheets in a fixed number of service calls:
// per sheet one insert, one resize, one setNumberFormats + setValues + setFontWeights over the
// sheet's used rectangle, freeze, one filter, one setConditionalFormatRules, column widths per run
// of equal widths, and one developer-metadata marker. Nothing here loops over rows with a call.

import { FORMATS, type LayoutBlock, type LayoutSheet, type LayoutValue, type ReportLayout } from '../core/index';

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

/**
 * The marker value names the sheet's own id: a copy the analyst makes of a report sheet carries the
 * same developer metadata but has another id, so it is the analyst's sheet and is never deleted.
 */
export function markerValue(value: string, sheetId: number): string {
  return `${value}#${sheetId}`;
}

export function writeLayout(ss: Spreadsheet, layout: ReportLayout): WriteOutcome {
  const replaced = removeProductSheets(ss, layout.marker);
  const written: { spec: LayoutSheet; sheet: Sheet; name: string }[] = [];
  for (const spec of layout.sheets) {
    const name = freeSheetName(ss, spec.name);
    // insertSheet places the sheet after the active one and activates it, so the sheets keep layout order
    const sheet = ss.insertSheet(name);
    writeSheet(sheet, spec);
    sheet.addDeveloperMetadata(layout.marker.key, markerValue(layout.marker.value, sheet.getSheetId()));
    written.push({ spec, sheet, name });
  }
  if (written.length) written[0].sheet.activate();
  return { sheets: written.map((w) => ({ role: w.spec.role, name: w.name })), replaced };
}

/** Delete the sheets an earlier run created; sheets without our marker (or with a copied one) stay. */
function removeProductSheets(ss: Spreadsheet, marker: ReportLayout['marker']): number {
  const found = ss.createDeveloperMetadataFinder()
    .withKey(marker.key)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  let removed = 0;
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    if (!sheet || md.getValue() !== markerValue(marker.value, sheet.getSheetId())) continue;
    ss.deleteSheet(sheet);
    removed++;
  }
  return removed;
}

/** "ABC-XYZ", else "ABC-XYZ (2)", "ABC-XYZ (3)" … — a sheet of the analyst's with the name is left alone. */
export function freeSheetName(ss: Spreadsheet, preferred: string): string {
  for (let k = 1; ; k++) {
    const name = k === 1 ? preferred : `${preferred} (${k})`;
    if (!ss.getSheetByName(name)) return name;
  }
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
  // a new sheet has 1000 rows and 26 columns; inserting after row 1 always makes room without
  // reading the size first, and keeps the call count the same for every data size
  sheet.insertRowsAfter(1, grid.rows);
  if (grid.cols > 26) sheet.insertColumnsAfter(1, grid.cols);
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

/** One builder per rule; ranges shared by several rules are fetched once. */
function buildRules(sheet: Sheet, spec: LayoutSheet): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  return spec.rules.map((rule) => {
    const { row, col, rows, cols } = rule.range;
    const key = `${row},${col},${rows},${cols}`;
    let range = ranges.get(key);
    if (!range) ranges.set(key, (range = sheet.getRange(row + 1, col + 1, rows, cols)));
    return SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(rule.text)
      .setBackground(rule.fill)
      .setFontColor(rule.font)
      .setRanges([range])
      .build();
  });
}

/** Adjacent columns of equal width share one setColumnWidths call. */
export function widthRuns(widths: number[]): { start: number; count: number; px: number }[] {
  const runs: { start: number; count: number; px: number }[] = [];
  widths.forEach((w, i) => {
    const px = Math.round(w * PX_PER_CHAR + PX_PADDING);
    const prev = runs[runs.length - 1];
    if (prev && prev.px === px && prev.start + prev.count === i) prev.count++;
    else runs.push({ start: i, count: 1, px });
  });
  return runs;
}
