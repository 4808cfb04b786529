/// <reference types="google-apps-script" />
// Writes a core ReportLayout into the spreadsheet. What goes where is decided by core/layout.ts;
// this file only decides how to get it into Sheets in a fixed number of service calls:
// per sheet one insert, one resize, one setNumberFormats + setValues + setFontWeights over the
// sheet's used rectangle, freeze, one filter, one setConditionalFormatRules, a few column-width
// runs, and one developer-metadata marker. Nothing here loops over rows with a call.
//
// Apps Script queues writes and sends the queue when a read comes (or the script ends), so every
// read after a write is a round trip. All reads come first; the only read between writes is the
// ids of the new sheets, asked together right after the inserts.

import { FORMATS, type CellRange, type ConditionalRule, type LayoutBlock, type LayoutSheet, type LayoutValue, type ReportLayout } from '../core';

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

/**
 * The marker value names the sheet's own id: a copy the analyst makes of a report sheet carries the
 * same developer metadata but has another id, so it is the analyst's sheet and is never deleted.
 */
export function markerValue(value: string, sheetId: number): string {
  return `${value}#${sheetId}`;
}

export function writeLayout(ss: Spreadsheet, layout: ReportLayout): WriteOutcome {
  const old = productSheets(ss, layout.marker);
  const names = freeSheetNames(ss, layout.sheets.map((s) => s.name), new Set(old.map((o) => o.name)));
  for (const o of old) ss.deleteSheet(o.sheet);
  // insertSheet places the sheet after the active one and activates it, so the sheets keep layout order
  const sheets = names.map((name) => ss.insertSheet(name));
  const ids = sheets.map((sheet) => sheet.getSheetId());
  layout.sheets.forEach((spec, k) => {
    // marked before its content, so a run that fails half-way leaves sheets the next run replaces
    sheets[k].addDeveloperMetadata(layout.marker.key, markerValue(layout.marker.value, ids[k]));
    writeSheet(sheets[k], spec);
  });
  if (sheets.length) sheets[0].activate();
  return { sheets: layout.sheets.map((spec, k) => ({ role: spec.role, name: names[k] })), replaced: old.length };
}

interface ProductSheet {
  sheet: Sheet;
  /** Lower case: sheet names are unique regardless of case. */
  name: string;
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

/**
 * "ABC-XYZ", else "ABC-XYZ (2)", "ABC-XYZ (3)" … — a sheet of the analyst's with the name is left
 * alone. Asked before anything is deleted (no read between writes): a name held by a sheet in
 * `freed` (lower case) is free, and needs no lookup, since no other sheet can hold it.
 */
export function freeSheetNames(ss: Spreadsheet, preferred: string[], freed: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  return preferred.map((base) => {
    for (let k = 1; ; k++) {
      const name = k === 1 ? base : `${base} (${k})`;
      const key = name.toLowerCase();
      if (chosen.has(key)) continue;
      if (freed.has(key) || !ss.getSheetByName(name)) {
        chosen.add(key);
        return name;
      }
    }
  });
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
