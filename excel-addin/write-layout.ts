/// <reference types="office-js" />
// Writes a core ReportLayout into an Excel workbook. No business logic lives here: what goes in
// which cell is decided by core/report (shortened there to Excel's grid and cell limits); this file
// only decides how to get it into Excel with few round trips, under the 5 MB request limit of
// Excel on the web (counted in UTF-8 bytes, as the request carries it), without touching the
// user's sheets, and without losing the earlier report if the run fails:
//
//   1. the new sheets are added under names free now (an earlier report may hold the proper ones),
//      each with its marker (a hidden defined name whose comment says "being written"), and their
//      ids read back;
//   2. each marker's comment then names its sheet's id, and the sheets are filled: values in
//      chunks, then formats, tables, colour rules, panes, widths;
//   3. at the end of the last request, after all of that, the earlier report's sheets and markers
//      are deleted and the new sheets renamed to the proper names. Excel runs a request's operations
//      in order and stops at the first that fails, so the deletes run only after everything before
//      them worked.
//
// A run that fails before step 3 deletes the sheets it added (and their markers) and leaves the
// earlier report as it was; if even that fails, the sheets it left carry the marker (from the
// request that added them) and the next run replaces them.

import type { LayoutBlock, LayoutSheet, LayoutValue, ReportLayout } from '../core';
import { EXCEL_LIMITS, FORMATS, OFFSET_1904, freeSheetName, markerValue, t } from '../core';
import { jsonBytes } from './payload';
import { PENDING_ID, markerNameFor, productSheets, queueProbe, readProbe, tableNameFree, type WorkbookProbe } from './workbook-probe';

/** Budget for one request, in UTF-8 bytes; Excel on the web rejects requests over 5 MB. */
export const DEFAULT_REQUEST_BUDGET = 3.5 * 1024 * 1024;
/** Rough cost of one queued operation (method name, object path, ids) in a request. */
const OP_BYTES = 120;

export interface WriteOptions {
  /** Workbook state read beforehand (lets the caller fold this read into its own first sync). */
  probe?: WorkbookProbe;
  /** Workbook uses the 1904 date system: layout date serials are 1900-based and must be shifted. */
  date1904?: boolean;
  /** Bytes per request before a sync is forced. */
  requestBudget?: number;
}

export interface WrittenSheet {
  role: LayoutSheet['role'];
  name: string;
  table: string | null;
}

export interface WriteReport {
  sheets: WrittenSheet[];
  /** Product sheets of an earlier run, removed once the new ones were written. */
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

  /** Room for `count` light operations (formats, rules, names). */
  async op(count = 1): Promise<void> {
    await this.reserve(OP_BYTES * count);
  }

  async flush(): Promise<void> {
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

interface SheetPlan {
  spec: LayoutSheet;
  /** Name the sheet is added under (free now). */
  initial: string;
  /** Name it has once the earlier report is gone. */
  final: string;
  /** Marker defined name. */
  mark: string;
}

/**
 * Names for the new sheets: the proper name (or a free variant, when a sheet of the user's holds
 * it) as if the earlier report's sheets were gone; a sheet whose proper name an earlier report
 * sheet still holds goes in under "ABC-XYZ (new)" and is renamed at the swap.
 */
function planSheets(layout: ReportLayout, probe: WorkbookProbe, oldNames: ReadonlySet<string>): SheetPlan[] {
  const live = new Set(probe.sheets.map((s) => s.name.toLowerCase()));
  const after = new Set([...live].filter((n) => !oldNames.has(n)));
  const finals = layout.sheets.map((spec) => {
    const name = freeSheetName(spec.name, after, EXCEL_LIMITS);
    after.add(name.toLowerCase());
    return name;
  });
  const now = new Set([...live, ...finals.map((n) => n.toLowerCase())]);
  const markNames = new Set(probe.names.map((n) => n.name.toLowerCase()));
  return layout.sheets.map((spec, k) => {
    let initial = finals[k];
    if (live.has(initial.toLowerCase())) {
      initial = freeSheetName(t('sheet.pending', { name: finals[k] }), now, EXCEL_LIMITS);
      now.add(initial.toLowerCase());
    }
    const mark = markerNameFor(layout.marker.key, spec.role, markNames);
    markNames.add(mark.toLowerCase());
    return { spec, initial, final: finals[k], mark };
  });
}

/**
 * Apply the layout (see the top of this file). Syncs: 1 probe (skipped when the caller passes
 * one) + 1 for the new sheets' ids + 1 final + 1 per extra request-budget chunk of values.
 */
export async function writeLayout(context: Excel.RequestContext, layout: ReportLayout, options: WriteOptions = {}): Promise<WriteReport> {
  const batch = new Batcher(context, options.requestBudget ?? DEFAULT_REQUEST_BUDGET);
  let probe = options.probe;
  if (!probe) {
    const pending = queueProbe(context);
    await batch.flush();
    probe = readProbe(pending);
  }
  const old = productSheets(probe, layout.marker);
  const oldNames = new Set(old.sheets.map((s) => s.name.toLowerCase()));
  const plans = planSheets(layout, probe, oldNames);

  // 1. the new sheets, under names free now, each marked as being written (so that a sheet a run
  //    could neither finish nor remove is the next run's to replace); their ids come back
  const added = plans.map((p) => context.workbook.worksheets.add(p.initial));
  const marks = plans.map((p, k) => {
    const mark = context.workbook.names.add(p.mark, added[k].getRange('A1'), markerValue(layout.marker.value, PENDING_ID));
    mark.visible = false;
    return mark;
  });
  for (const sheet of added) sheet.load('id');
  try {
    await batch.flush();
  } catch (e) {
    await undo(context, probe, plans, null, old.sheets.map((s) => s.id));
    throw e;
  }
  const ids = added.map((s) => s.id);

  try {
    // 2. the markers name their sheets' ids (a copy of a sheet gets another id), then the content
    marks.forEach((mark, k) => { mark.comment = markerValue(layout.marker.value, ids[k]); });
    await batch.op(plans.length);
    // all values first (the bulk of the payload, chunked), then the light formatting operations
    for (let k = 0; k < plans.length; k++) {
      for (const block of plans[k].spec.blocks) await writeBlockValues(added[k], block, batch, options.date1904 === true);
    }
    const tables = tableNames(layout, probe, oldNames);
    const made: { table: Excel.Table; final: string; initial: string }[] = [];
    const info: WrittenSheet[] = [];
    for (let k = 0; k < plans.length; k++) {
      const table = await formatSheet(added[k], plans[k].spec, tables, batch);
      if (table) made.push(table);
      info.push({ role: plans[k].spec.role, name: plans[k].final, table: table?.final ?? null });
    }

    // 3. the swap, last in the last request: it runs only if everything before it did
    await batch.op(old.sheets.length * 2 + old.stale.length + plans.length + made.length + 1);
    for (const m of [...old.sheets.map((s) => s.mark), ...old.stale]) context.workbook.names.getItem(m).delete();
    for (const o of old.sheets) context.workbook.worksheets.getItem(o.id).delete();
    plans.forEach((p, k) => { if (p.initial !== p.final) added[k].name = p.final; });
    for (const m of made) if (m.initial !== m.final) m.table.name = m.final;
    if (added.length) added[0].activate();
    await batch.flush();
    return { sheets: info, replaced: old.sheets.map((s) => s.name), syncs: batch.syncs };
  } catch (e) {
    await undo(context, probe, plans, ids, old.sheets.map((s) => s.id));
    throw e;
  }
}

/**
 * After a failed request: while the earlier report is all there, delete the sheets this run added
 * and their markers (sheets found by id, or — when the ids never came back — by the names they
 * were added under, among the sheets that did not exist before). Once the swap has begun, the new
 * report is complete and stays. Best effort: if this fails too, the next run replaces what is left.
 */
async function undo(context: Excel.RequestContext, probe: WorkbookProbe, plans: SheetPlan[], ids: string[] | null, oldIds: string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load('items/name,items/id');
    const names = context.workbook.names.load('items/name');
    await context.sync();
    const now = new Set(sheets.items.map((s) => s.id));
    if (!oldIds.every((id) => now.has(id))) return;
    const before = new Set(probe.sheets.map((s) => s.id));
    const initial = new Set(plans.map((p) => p.initial.toLowerCase()));
    const ours = sheets.items.filter((s) => (ids ? ids.includes(s.id) : !before.has(s.id) && initial.has(s.name.toLowerCase())));
    const marks = new Set(plans.map((p) => p.mark.toLowerCase()));
    const existing = new Set(probe.names.map((n) => n.name.toLowerCase()));
    for (const n of names.items) if (marks.has(n.name.toLowerCase()) && !existing.has(n.name.toLowerCase())) n.delete();
    for (const s of ours) s.delete();
    await context.sync();
  } catch {
    // the first error is the one to report
  }
}

interface TableName { initial: string; final: string }

/** Table names per block table: the proper one once the earlier report is gone, and one free now. */
function tableNames(layout: ReportLayout, probe: WorkbookProbe, oldNames: ReadonlySet<string>): Map<string, TableName> {
  const live = new Set(probe.tables.map((t) => t.name.toLowerCase()));
  const after = new Set(probe.tables.filter((t) => !oldNames.has(t.sheet.toLowerCase())).map((t) => t.name.toLowerCase()));
  const out = new Map<string, TableName>();
  const wanted = layout.sheets.flatMap((s) => s.blocks.filter((b) => b.table && b.header && b.values.length > 1).map((b) => b.table!));
  for (const name of wanted) {
    const final = tableNameFree(name, after);
    after.add(final.toLowerCase());
    out.set(name, { initial: '', final });
  }
  const now = new Set([...live, ...[...out.values()].map((n) => n.final.toLowerCase())]);
  for (const n of out.values()) {
    n.initial = live.has(n.final.toLowerCase()) ? tableNameFree(n.final, now) : n.final;
    now.add(n.initial.toLowerCase());
  }
  return out;
}

/** Adjacent columns with the same value, as runs: [start, count, value]. */
function runs<T>(list: readonly T[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  list.forEach((v, j) => {
    const last = out[out.length - 1];
    if (last && last[2] === v && last[0] + last[1] === j) last[1]++;
    else out.push([j, 1, v]);
  });
  return out;
}

/** Number formats go on before the values, so text columns never parse a value as a number or formula. */
async function writeBlockValues(sheet: Excel.Worksheet, block: LayoutBlock, batch: Batcher, date1904: boolean): Promise<void> {
  const rows = block.values.length;
  const cols = rows ? block.values[0].length : 0;
  if (!rows || !cols) return;
  const bodyStart = block.header ? 1 : 0;
  if (rows > bodyStart) {
    for (const [j, count, kind] of runs(block.formats.slice(0, cols))) {
      const range = sheet.getRangeByIndexes(block.row + bodyStart, block.col + j, rows - bodyStart, count);
      // a single value applies to every cell of the range: keeps the request small
      (range as unknown as { numberFormat: string }).numberFormat = FORMATS[kind];
      await batch.op();
    }
  }
  const dateCols = block.formats.map((k, j) => (k === 'date' && date1904 ? j : -1)).filter((j) => j >= 0);
  const guarded = guardIndex(block);
  let r = 0;
  let next: LayoutValue[] | null = null;
  while (r < rows) {
    const first = next ?? cellRow(block, r, guarded, dateCols, bodyStart);
    next = null;
    const size = jsonBytes(first) + 1;
    if (size + OP_BYTES > batch.budget) {
      // one row larger than a request (many long texts): sent in pieces of columns
      await writeWideRow(sheet, block.row + r, block.col, first, batch);
      r++;
      continue;
    }
    // a nearly full request gets sent first rather than carrying a sliver of this block
    if (batch.bytes > batch.budget * 0.75) await batch.flush();
    const start = r;
    const chunk: LayoutValue[][] = [first];
    let bytes = size;
    r++;
    // grow the chunk row by row until the request budget would be exceeded
    while (r < rows) {
      const row = cellRow(block, r, guarded, dateCols, bodyStart);
      const s = jsonBytes(row) + 1;
      if (batch.bytes + bytes + s + OP_BYTES > batch.budget) { next = row; break; }
      chunk.push(row);
      bytes += s;
      r++;
    }
    await batch.reserve(bytes + OP_BYTES);
    sheet.getRangeByIndexes(block.row + start, block.col, chunk.length, cols).values = chunk as (string | number | boolean)[][];
  }
}

/** A row too large for one request, in pieces of adjacent cells that each fit. */
async function writeWideRow(sheet: Excel.Worksheet, row: number, col: number, values: LayoutValue[], batch: Batcher): Promise<void> {
  const room = batch.budget / 2;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 2;
    while (end < values.length) {
      const s = jsonBytes(values[end]) + 1;
      if (end > start && bytes + s + OP_BYTES > room) break;
      bytes += s;
      end++;
    }
    await batch.reserve(bytes + OP_BYTES);
    sheet.getRangeByIndexes(row, col + start, 1, end - start).values = [values.slice(start, end) as (string | number | boolean)[]];
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

/** Header style, bold cells, table, colour rules, freeze, widths. Returns the table made, if any. */
async function formatSheet(sheet: Excel.Worksheet, spec: LayoutSheet, tables: Map<string, TableName>, batch: Batcher): Promise<{ table: Excel.Table; initial: string; final: string } | null> {
  let made: { table: Excel.Table; initial: string; final: string } | null = null;
  for (const block of spec.blocks) {
    const cols = block.values[0]?.length ?? 0;
    if (!cols) continue;
    if (block.header) {
      const head = sheet.getRangeByIndexes(block.row, block.col, 1, cols);
      head.format.font.bold = true;
      head.format.wrapText = true;
      await batch.op(2);
    }
    for (const [r, c] of block.bold) {
      sheet.getRangeByIndexes(block.row + r, block.col + c, 1, 1).format.font.bold = true;
      await batch.op();
    }
    const names = block.table ? tables.get(block.table) : undefined;
    if (names && block.header && block.values.length > 1 && !made) {
      const table = sheet.tables.add(sheet.getRangeByIndexes(block.row, block.col, block.values.length, cols), true);
      table.name = names.initial;
      // a light style: the colour rules carry the meaning and must stay readable on it
      table.style = 'TableStyleLight1';
      await batch.op(3);
      made = { table, ...names };
    }
  }
  for (const rule of spec.rules) {
    const range = sheet.getRangeByIndexes(rule.range.row, rule.range.col, rule.range.rows, rule.range.cols);
    const cf = range.conditionalFormats.add('CellValue');
    cf.cellValue.format.fill.color = rule.fill;
    cf.cellValue.format.font.color = rule.font;
    cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    await batch.op(4);
  }
  freeze(sheet, spec.freeze);
  for (const [j, count, chars] of runs(spec.columnWidths)) {
    // Excel widths are in points; one character of the default font is about 7 px = 5.25 pt
    sheet.getRangeByIndexes(0, j, 1, count).format.columnWidth = Math.round(chars * 5.25 + 7);
    await batch.op();
  }
  return made;
}

function freeze(sheet: Excel.Worksheet, f: LayoutSheet['freeze']): void {
  if (f.rows > 0 && f.cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, f.rows, f.cols));
  else if (f.rows > 0) sheet.freezePanes.freezeRows(f.rows);
  else if (f.cols > 0) sheet.freezePanes.freezeColumns(f.cols);
}
