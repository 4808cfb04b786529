/// <reference types="office-js" />
// Writes a core ReportLayout into an Excel workbook. No business logic lives here: what goes in
// which cell is decided by core/layout.ts; this file only decides how to get it into Excel with few
// round trips, under the 5 MB request limit of Excel on the web, without touching the user's sheets.

import type { LayoutBlock, LayoutSheet, LayoutValue, ReportLayout } from '../core';
import { FORMATS, OFFSET_1904 } from '../core';
import { freeName, markerNameFor, parseMarkerReference, queueProbe, readProbe, tableNameFree, type WorkbookProbe } from './workbook-probe';

/** Budget for the values of one request; Excel on the web rejects requests over 5 MB. */
export const DEFAULT_REQUEST_BUDGET = 3.5 * 1024 * 1024;
/** Rough cost of one queued operation (method name, object path, ids) in a request. */
const OP_BYTES = 120;

export interface WriteOptions {
  /** Workbook state read beforehand (lets the caller fold this read into its own first sync). */
  probe?: WorkbookProbe;
  /** Workbook uses the 1904 date system: layout date serials are 1900-based and must be shifted. */
  date1904?: boolean;
  /** Bytes of values per request before a sync is forced. */
  requestBudget?: number;
}

export interface WrittenSheet {
  role: LayoutSheet['role'];
  name: string;
  table: string | null;
}

export interface WriteReport {
  sheets: WrittenSheet[];
  /** Product sheets removed before writing (from an earlier run). */
  replaced: string[];
  syncs: number;
}

/** Accumulates the estimated size of the pending request and syncs when the next write would not fit. */
class Batcher {
  bytes = 0;
  syncs = 0;
  constructor(private context: Excel.RequestContext, readonly budget: number) {}

  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }

  op(count = 1): void {
    this.bytes += OP_BYTES * count;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }
}

/**
 * Apply the layout: replace earlier product sheets, add the new ones, write values in chunks,
 * then formats, tables, colour rules, frozen panes, widths. Syncs: 1 probe (skipped when the
 * caller passes one) + 1 final + 1 per extra request-budget chunk of values.
 */
export async function writeLayout(context: Excel.RequestContext, layout: ReportLayout, options: WriteOptions = {}): Promise<WriteReport> {
  const batch = new Batcher(context, options.requestBudget ?? DEFAULT_REQUEST_BUDGET);
  let probe = options.probe;
  if (!probe) {
    const pending = queueProbe(context, layout.marker.key);
    await batch.flush();
    probe = readProbe(pending, layout.marker.key);
  }
  const replaced = removeProductSheets(context, probe, batch);
  const taken = new Set(probe.sheetNames.filter((n) => !replaced.includes(n)).map((n) => n.toLowerCase()));
  const tables = new Set(probe.tables.filter((t) => !replaced.includes(t.sheet)).map((t) => t.name.toLowerCase()));

  const written: { spec: LayoutSheet; sheet: Excel.Worksheet; info: WrittenSheet }[] = [];
  for (const spec of layout.sheets) {
    const name = freeName(spec.name, taken);
    taken.add(name.toLowerCase());
    const sheet = context.workbook.worksheets.add(name);
    // hidden workbook-level name pointing at the sheet: survives renames, is not copied with the sheet
    const mark = context.workbook.names.add(markerNameFor(layout.marker.key, spec.role), sheet.getRange('A1'), layout.marker.value);
    mark.visible = false;
    batch.op(3);
    written.push({ spec, sheet, info: { role: spec.role, name, table: null } });
  }
  // all values first (the bulk of the payload, chunked), then the light formatting operations
  for (const w of written) {
    for (const block of w.spec.blocks) await writeBlockValues(w.sheet, block, batch, options.date1904 === true);
  }
  for (const w of written) {
    w.info.table = formatSheet(w.sheet, w.spec, tables, batch);
  }
  if (written.length) written[0].sheet.activate();
  await batch.flush();
  return { sheets: written.map((w) => w.info), replaced, syncs: batch.syncs };
}

/** Delete every sheet an earlier run created (found through the marker names) and the names themselves. */
function removeProductSheets(context: Excel.RequestContext, probe: WorkbookProbe, batch: Batcher): string[] {
  const removed: string[] = [];
  for (const m of probe.markers) {
    const sheet = m.formula ? parseMarkerReference(m.formula) : null;
    if (sheet && probe.sheetNames.includes(sheet) && !removed.includes(sheet)) {
      context.workbook.worksheets.getItem(sheet).delete();
      removed.push(sheet);
      batch.op();
    }
    context.workbook.names.getItem(m.name).delete();
    batch.op();
  }
  return removed;
}

/** Number formats go on before the values, so text columns never parse a value as a number or formula. */
async function writeBlockValues(sheet: Excel.Worksheet, block: LayoutBlock, batch: Batcher, date1904: boolean): Promise<void> {
  const rows = block.values.length;
  const cols = rows ? block.values[0].length : 0;
  if (!rows || !cols) return;
  const bodyStart = block.header ? 1 : 0;
  block.formats.forEach((kind, j) => {
    if (rows > bodyStart && j < cols) {
      const column = sheet.getRangeByIndexes(block.row + bodyStart, block.col + j, rows - bodyStart, 1);
      // a single value applies to every cell of the range: keeps the request small
      (column as unknown as { numberFormat: string }).numberFormat = FORMATS[kind];
      batch.op();
    }
  });
  const dateCols = block.formats.map((k, j) => (k === 'date' && date1904 ? j : -1)).filter((j) => j >= 0);
  const guarded = guardIndex(block);
  let start = 0;
  while (start < rows) {
    // a nearly full request gets sent first rather than carrying a sliver of this block
    if (batch.bytes > batch.budget * 0.75) await batch.flush();
    let end = start;
    let bytes = 0;
    const chunk: LayoutValue[][] = [];
    // grow the chunk row by row until the request budget would be exceeded
    while (end < rows) {
      const row = cellRow(block, end, guarded, dateCols, bodyStart);
      const size = JSON.stringify(row).length + 1;
      if (chunk.length && batch.bytes + bytes + size + OP_BYTES > batch.budget) break;
      chunk.push(row);
      bytes += size;
      end++;
    }
    await batch.reserve(bytes + OP_BYTES);
    sheet.getRangeByIndexes(block.row + start, block.col, chunk.length, cols).values = chunk as (string | number | boolean)[][];
    start = end;
  }
}

/** Guarded cells (strings a host would take for a formula) by row, for quick lookup. */
function guardIndex(block: LayoutBlock): Map<number, Set<number>> {
  const map = new Map<number, Set<number>>();
  for (const [r, c] of block.guarded) {
    if (!map.has(r)) map.set(r, new Set());
    map.get(r)!.add(c);
  }
  return map;
}

/**
 * One row as Excel values: null → '' (null would mean "leave unchanged"), guarded strings get the
 * quote prefix so Excel stores them as text, and 1904 workbooks get their date serials shifted.
 */
function cellRow(block: LayoutBlock, r: number, guarded: Map<number, Set<number>>, dateCols: number[], bodyStart: number): LayoutValue[] {
  const src = block.values[r];
  const g = guarded.get(r);
  if (!g && (!dateCols.length || r < bodyStart) && !src.includes(null)) return src;
  const row = src.map((v) => (v === null ? '' : v));
  if (g) for (const c of g) row[c] = `'${String(src[c])}`;
  if (r >= bodyStart) for (const c of dateCols) if (typeof row[c] === 'number') row[c] = (row[c] as number) - OFFSET_1904;
  return row;
}

/** Header style, bold cells, table, colour rules, freeze, widths. Returns the table name used. */
function formatSheet(sheet: Excel.Worksheet, spec: LayoutSheet, tables: Set<string>, batch: Batcher): string | null {
  let tableName: string | null = null;
  for (const block of spec.blocks) {
    const cols = block.values[0]?.length ?? 0;
    if (!cols) continue;
    if (block.header) {
      const head = sheet.getRangeByIndexes(block.row, block.col, 1, cols);
      head.format.font.bold = true;
      head.format.wrapText = true;
      batch.op(2);
    }
    for (const [r, c] of block.bold) {
      sheet.getRangeByIndexes(block.row + r, block.col + c, 1, 1).format.font.bold = true;
      batch.op();
    }
    if (block.table && block.header && block.values.length > 1) {
      const name = tableNameFree(block.table, tables);
      tables.add(name.toLowerCase());
      const table = sheet.tables.add(sheet.getRangeByIndexes(block.row, block.col, block.values.length, cols), true);
      table.name = name;
      // a light style: the colour rules carry the meaning and must stay readable on it
      table.style = 'TableStyleLight1';
      batch.op(3);
      tableName = tableName ?? name;
    }
  }
  for (const rule of spec.rules) {
    const range = sheet.getRangeByIndexes(rule.range.row, rule.range.col, rule.range.rows, rule.range.cols);
    const cf = range.conditionalFormats.add('CellValue');
    cf.cellValue.format.fill.color = rule.fill;
    cf.cellValue.format.font.color = rule.font;
    cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    batch.op(4);
  }
  freeze(sheet, spec.freeze);
  spec.columnWidths.forEach((chars, j) => {
    // Excel widths are in points; one character of the default font is about 7 px = 5.25 pt
    sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(chars * 5.25 + 7);
    batch.op();
  });
  return tableName;
}

function freeze(sheet: Excel.Worksheet, f: LayoutSheet['freeze']): void {
  if (f.rows > 0 && f.cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, f.rows, f.cols));
  else if (f.rows > 0) sheet.freezePanes.freezeRows(f.rows);
  else if (f.cols > 0) sheet.freezePanes.freezeColumns(f.cols);
}
