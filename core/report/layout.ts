// SegmentResult → ReportLayout: the sheets, blocks, formats and colour rules every surface writes.
// Content is decided here once; the Excel, Sheets and XLSX writers only transcribe it.

import { isoFromDay, localDayOfDate, serialFromDay } from '../basics/dates';
import { t, type MessageKey } from '../messages';
import { customersOf } from '../result/customer-list';
import { SEGMENTS } from '../analyses/segment';
import type { CellRange, ConditionalRule, FormatKind, LayoutBlock, LayoutSheet, LayoutValue, ReportLayout } from './layout-types';
import type { RawCell, SegmentResult, WinBackEntry } from '../types';

export const MARKER = { key: 'abcxyz', value: 'abcxyz-report-v1' };

/** Strings a spreadsheet would read as a formula (or a DDE payload) unless written as text. */
export function needsTextGuard(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && '=+-@\t\r'.includes(v[0]);
}

/** Fill and font colours. Text labels always sit in the coloured cell, so colour is never the only cue. */
export const PALETTE: Record<string, { fill: string; font: string }> = {
  AX: { fill: '#1A9641', font: '#FFFFFF' },
  AY: { fill: '#66BD63', font: '#000000' },
  AZ: { fill: '#A6D96A', font: '#000000' },
  BX: { fill: '#D9EF8B', font: '#000000' },
  BY: { fill: '#FFFFBF', font: '#000000' },
  BZ: { fill: '#FEE08B', font: '#000000' },
  CX: { fill: '#FDAE61', font: '#000000' },
  CY: { fill: '#F46D43', font: '#000000' },
  CZ: { fill: '#D7191C', font: '#FFFFFF' },
  A: { fill: '#A6D96A', font: '#000000' },
  B: { fill: '#FFFFBF', font: '#000000' },
  C: { fill: '#FDAE61', font: '#000000' },
  X: { fill: '#C6DBEF', font: '#000000' },
  Y: { fill: '#9ECAE1', font: '#000000' },
  Z: { fill: '#4292C6', font: '#FFFFFF' },
  Lost: { fill: '#D7191C', font: '#FFFFFF' },
  'At risk': { fill: '#FDAE61', font: '#000000' },
  New: { fill: '#C6DBEF', font: '#000000' },
};

function block(id: string, row: number, col: number, values: LayoutValue[][], formats: FormatKind[], opts: { header?: boolean; table?: string | null; bold?: [number, number][] } = {}): LayoutBlock {
  const guarded: [number, number][] = [];
  values.forEach((r, i) => r.forEach((v, j) => { if (needsTextGuard(v)) guarded.push([i, j]); }));
  return { id, row, col, values, formats, header: opts.header ?? false, guarded, table: opts.table ?? null, bold: opts.bold ?? [] };
}

function rules(range: CellRange, labels: string[]): ConditionalRule[] {
  return labels.map((text) => ({ range, text, ...PALETTE[text] }));
}

const dateCell = (day: number | null): LayoutValue => (day === null ? null : serialFromDay(day));
const num = (v: number | null): LayoutValue => (v === null || !Number.isFinite(v) ? null : v);
const pct = (v: number) => `${+(v * 100).toFixed(4)} %`;

interface Column<R> { header: string; format: FormatKind; width: number; value: (r: R) => LayoutValue; key?: string }

/**
 * Columns of the customer table, each reading the result's customer list at a position (rank
 * order); shared with the custom functions so both show the same table.
 */
export function customerColumns(result: SegmentResult): Column<number>[] {
  const l = customersOf(result);
  const cols: (Column<number> | false)[] = [
    { key: 'rank', header: t('h.rank'), format: 'integer', width: 6, value: (k) => l.rank(k) },
    { key: 'customer', header: t('h.customer'), format: 'text', width: 30, value: (k) => l.customer(k) },
    { key: 'revenue', header: t('h.revenue'), format: 'number', width: 14, value: (k) => l.revenue(k) },
    l.hasProfit && { key: 'profit', header: t('h.profit'), format: 'number', width: 14, value: (k) => num(l.profit(k)) },
    { key: 'share', header: t('h.share'), format: 'percent', width: 9, value: (k) => num(l.share(k)) },
    { key: 'cumShare', header: t('h.cumShare'), format: 'percent', width: 12, value: (k) => num(l.cumShare(k)) },
    { key: 'abc', header: t('h.abc'), format: 'text', width: 8, value: (k) => l.abc(k) ?? l.abcNote(k) },
    { key: 'purchases', header: t('h.purchases'), format: 'integer', width: 10, value: (k) => l.purchases(k) },
    { key: 'activePeriods', header: t('h.activePeriods'), format: 'integer', width: 9, value: (k) => l.activePeriods(k) },
    { key: 'periods', header: t('h.periods'), format: 'integer', width: 8, value: (k) => l.periods(k) },
    { key: 'frequency', header: t('h.frequency'), format: 'percent', width: 10, value: (k) => num(l.frequency(k)) },
    { key: 'cv', header: t('h.cv'), format: 'ratio', width: 7, value: (k) => num(l.cv(k)) },
    { key: 'xyz', header: t('h.xyz'), format: 'text', width: 8, value: (k) => l.xyz(k) ?? l.xyzNote(k) },
    { key: 'segment', header: t('h.segment'), format: 'text', width: 9, value: (k) => l.segment(k) },
    { key: 'keyAccount', header: t('h.keyAccount'), format: 'text', width: 8, value: (k) => (l.keyAccount(k) ? t('yes') : t('no')) },
    { key: 'archetypes', header: t('h.archetypes'), format: 'text', width: 22, value: (k) => archetypeText(l.archetypes(k)) },
    { key: 'firstPurchase', header: t('h.firstPurchase'), format: 'date', width: 12, value: (k) => dateCell(l.firstPurchase(k)) },
    { key: 'lastPurchase', header: t('h.lastPurchase'), format: 'date', width: 12, value: (k) => dateCell(l.lastPurchase(k)) },
    { key: 'daysSinceLast', header: t('h.daysSinceLast'), format: 'integer', width: 9, value: (k) => l.daysSinceLast(k) },
    { key: 'typicalGap', header: t('h.typicalGap'), format: 'integer', width: 9, value: (k) => num(l.typicalGap(k)) },
    { key: 'status', header: t('h.status'), format: 'text', width: 9, value: (k) => { const s = l.status(k); return s ? t(`status.${s}` as MessageKey) : null; } },
    { key: 'action', header: t('h.action'), format: 'text', width: 48, value: (k) => l.action(k) },
  ];
  return cols.filter((c): c is Column<number> => c !== false);
}

/** The archetypes as shown (most customers have none). */
const archetypeText = (list: readonly string[]): string => (list.length ? list.map((a) => t(`arch.${a}` as MessageKey)).join(', ') : '');

function winBackColumns(result: SegmentResult): Column<WinBackEntry>[] {
  return [
    { header: t('h.customer'), format: 'text', width: 30, value: (r) => r.customer },
    { header: t('h.segment'), format: 'text', width: 9, value: (r) => r.segment ?? r.abc },
    { header: t('h.keyAccount'), format: 'text', width: 8, value: (r) => (r.keyAccount ? t('yes') : t('no')) },
    { header: t('h.status'), format: 'text', width: 9, value: (r) => t(`status.${r.status}` as MessageKey) },
    { header: t('h.lastPurchase'), format: 'date', width: 12, value: (r) => dateCell(r.lastPurchase) },
    { header: t('h.daysSinceLast'), format: 'integer', width: 9, value: (r) => r.daysSinceLast },
    { header: t('h.typicalGap'), format: 'integer', width: 9, value: (r) => num(r.typicalGap) },
    { header: capital(t(`metric.${result.options.metric}`)), format: 'number', width: 14, value: (r) => r.metric },
    { header: t('h.valueAtStake'), format: 'number', width: 14, value: (r) => r.valueAtStake },
    { header: t('h.action'), format: 'text', width: 60, value: (r) => r.action },
  ];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The header row, then rows 0..n-1 (the row at a position is `at(k)`). */
function tableValues<R>(cols: Column<R>[], n: number, at: (k: number) => R): LayoutValue[][] {
  const out: LayoutValue[][] = [cols.map((c) => c.header)];
  for (let k = 0; k < n; k++) {
    const r = at(k);
    out.push(cols.map((c) => c.value(r)));
  }
  return out;
}

/** Rows of the parameters block: what was computed, with which rules — so it can be re-checked by hand. */
function parameterRows(r: SegmentResult): LayoutValue[][] {
  const o = r.options;
  const fmtMoney = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  const abcRule = o.abcRule === 'count'
    ? `count (A = top ${pct(o.a)} of customers, B = up to ${pct(o.b)})`
    : o.abcRule === 'crossing'
      ? `crossing (A while the share before the customer < ${pct(o.a)}, B < ${pct(o.b)})`
      : `cumulative (A ≤ ${pct(o.a)}, B ≤ ${pct(o.b)})`;
  const xyzRule = o.xyzMethod === 'cv'
    ? `cv, ${o.sd} SD (X ≤ ${pct(o.x)}, Y ≤ ${pct(o.y)})`
    : `frequency (X ≥ ${pct(o.x)} of periods active, Y ≥ ${pct(o.y)})`;
  const period = o.period + ((o.period === 'quarter' || o.period === 'year') && o.fiscalStart !== 1 ? `, fiscal year from month ${o.fiscalStart}` : '');
  const rows: LayoutValue[][] = [
    [t('p.asOf'), r.asOf === null ? '—' : isoFromDay(r.asOf)],
    [t('p.window'), r.windowStart === null ? `${r.periodLabels.length} period columns` : `${isoFromDay(r.windowStart)} – ${isoFromDay(r.windowEnd!)}`],
    [t('p.period'), period],
    [t('p.metric'), t(`metric.${o.metric}`)],
    [t('p.abcRule'), abcRule],
    [t('p.cutoffs'), `${fmtMoney(r.cutoffs.a)} / ${fmtMoney(r.cutoffs.b)}`],
    [t('p.xyzMethod'), xyzRule],
    [t('p.minPeriods'), String(o.minPeriods)],
    [t('p.lifecycle'), `Lost ≥ ${o.lostLapse}× gap & ≥ ${o.lostDays} d; At risk ≥ ${o.riskLapse}× & ≥ ${o.riskDays} d; New ≤ ${o.newDays} d`],
    [t('p.rows'), `${r.totals.rowsRead} / ${r.totals.rowsUsed} / ${r.totals.rowsSkipped}`],
    [t('p.customers'), `${r.totals.customers} (${r.totals.classified})`],
    [t('p.keyShare'), `${r.totals.keyAccounts} (${pct(r.totals.keyAccountShare)})`],
  ];
  const shown = r.warnings.slice(0, 6);
  if (r.warnings.length > shown.length) shown.push(`… and ${r.warnings.length - shown.length} more`);
  if (shown.length === 0) rows.push([t('p.warnings'), t('p.none')]);
  shown.forEach((w, i) => rows.push([i === 0 ? t('p.warnings') : '', w]));
  return rows;
}

function matrixGrid(r: SegmentResult): LayoutValue[][] {
  const out: LayoutValue[][] = [[t('m.abc'), 'X', 'Y', 'Z', t('m.total')]];
  for (const a of ['A', 'B', 'C']) {
    const counts = ['X', 'Y', 'Z'].map((x) => r.matrix[`${a}${x}` as keyof typeof r.matrix].customers);
    out.push([a, ...counts, counts.reduce((p, q) => p + q, 0)]);
  }
  const cols = [0, 1, 2].map((k) => out[1][k + 1] as number + (out[2][k + 1] as number) + (out[3][k + 1] as number));
  out.push([t('m.total'), ...cols, cols.reduce((p, q) => p + q, 0)]);
  return out;
}

function segmentRows(r: SegmentResult): LayoutValue[][] {
  const metric = t(`metric.${r.options.metric}`);
  const out: LayoutValue[][] = [[t('m.cell'), t('m.customers'), t('m.customerShare'), t('m.metricShare', { metric }), t('m.strategy')]];
  for (const s of SEGMENTS) {
    const c = r.matrix[s];
    out.push([s, c.customers, c.customerShare, c.metricShare, c.strategy]);
  }
  return out;
}

/** An original cell for the Skipped rows sheet; a Date shows the calendar day the run itself used. */
function rawCellValue(v: RawCell, dayOf: (d: Date) => number | null): LayoutValue {
  if (v === undefined) return null;
  if (v instanceof Date) {
    const day = dayOf(v);
    return day === null ? null : isoFromDay(day);
  }
  return v;
}

/** Table column names must be unique: a second "Amount" becomes "Amount (2)". */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function extentOf(blocks: LayoutBlock[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const b of blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    cols = Math.max(cols, b.col + (b.values[0]?.length ?? 0));
  }
  return { rows, cols };
}

/** Build the report layout of a segmentation result. */
export function buildLayout(result: SegmentResult): ReportLayout {
  const sheets: LayoutSheet[] = [reportSheet(result), winBackSheet(result)];
  if (result.skipped.length > 0) sheets.push(skippedSheet(result));
  return { marker: { ...MARKER }, sheets };
}

function reportSheet(r: SegmentResult): LayoutSheet {
  const cols = customerColumns(r);
  const asOf = r.asOf === null ? '' : ` — ${t('p.asOf').toLowerCase()} ${isoFromDay(r.asOf)}`;
  const title = block('title', 0, 0, [[t('report.title') + asOf]], ['text'], { bold: [[0, 0]] });
  // summary on top: parameters at B:C, the 3×3 grid and the per-segment strategies to their right
  const params = parameterRows(r);
  const parameters = block('parameters', 2, 1, params, ['text', 'text'], { bold: params.map((_, i) => [i, 0] as [number, number]) });
  const gridCol = Math.min(6, Math.max(4, cols.length - 10));
  const matrix = block('matrix', 2, gridCol, matrixGrid(r), ['text', 'integer', 'integer', 'integer', 'integer'], {
    header: true, bold: [[1, 0], [2, 0], [3, 0], [4, 0]],
  });
  const segCol = gridCol + 6;
  const segments = block('segments', 2, segCol, segmentRows(r), ['text', 'integer', 'percent', 'percent', 'text'], { header: true });
  const top = Math.max(2 + params.length, 2 + 10) + 1;
  const n = customersOf(r).length;
  const customers = block('customers', top, 0, tableValues(cols, n, (k) => k), cols.map((c) => c.format), {
    header: true, table: n > 0 ? 'ABCXYZ_Customers' : null,
  });
  const colOf = (key: string) => cols.findIndex((c) => c.key === key);
  const body = (key: string): CellRange => ({ row: top + 1, col: colOf(key), rows: Math.max(n, 1), cols: 1 });
  const ruleList = [
    ...rules({ row: 3, col: segCol, rows: 9, cols: 1 }, SEGMENTS),
    ...rules({ row: 3, col: gridCol, rows: 3, cols: 1 }, ['A', 'B', 'C']),
    ...rules({ row: 2, col: gridCol + 1, rows: 1, cols: 3 }, ['X', 'Y', 'Z']),
    ...rules(body('segment'), SEGMENTS),
    ...rules(body('abc'), ['A', 'B', 'C']),
    ...rules(body('xyz'), ['X', 'Y', 'Z']),
    ...rules(body('status'), ['Lost', 'At risk', 'New']),
  ];
  const blocks = [title, parameters, matrix, segments, customers];
  const widths = cols.map((c) => c.width);
  widths[1] = Math.max(widths[1], 34); // parameter labels live in column B
  return { role: 'report', name: t('sheet.report'), blocks, columnWidths: widths, freeze: { rows: top + 1, cols: 2 }, rules: ruleList, extent: extentOf(blocks) };
}

function winBackSheet(r: SegmentResult): LayoutSheet {
  const cols = winBackColumns(r);
  const n = r.winBack.length;
  const b = block('winback', 0, 0, tableValues(cols, r.winBack.length, (k) => r.winBack[k]), cols.map((c) => c.format), { header: true, table: n > 0 ? 'ABCXYZ_WinBack' : null });
  const col = (h: string) => ({ row: 1, col: cols.findIndex((c) => c.header === h), rows: Math.max(n, 1), cols: 1 });
  return {
    role: 'winback',
    name: t('sheet.winback'),
    blocks: [b],
    columnWidths: cols.map((c) => c.width),
    freeze: { rows: 1, cols: 1 },
    rules: [...rules(col(t('h.segment')), [...SEGMENTS, 'A', 'B', 'C']), ...rules(col(t('h.status')), ['Lost', 'At risk'])],
    extent: extentOf([b]),
  };
}

function skippedSheet(r: SegmentResult): LayoutSheet {
  // a loop, not Math.max(...list): a list of 100,000+ skipped rows would overflow the call stack
  let width = r.headers.length;
  for (const s of r.skipped) if (s.values.length > width) width = s.values.length;
  const headers = uniqueNames([t('h.row'), t('h.reason'), ...Array.from({ length: width }, (_, i) => r.headers[i] || `Column ${i + 1}`)]);
  const values: LayoutValue[][] = [headers];
  const dayOf = r.options.dateObjectDay ?? localDayOfDate;
  for (const s of r.skipped) {
    const raw = Array.from({ length: width }, (_, i) => rawCellValue(s.values[i], dayOf));
    values.push([s.row, s.reason, ...raw]);
  }
  // original values keep their own types, so they are written with the General format
  const b = block('skipped', 0, 0, values, ['integer', 'text', ...headers.slice(2).map((): FormatKind => 'general')], { header: true, table: 'ABCXYZ_Skipped' });
  return {
    role: 'skipped',
    name: t('sheet.skipped'),
    blocks: [b],
    columnWidths: [8, 48, ...headers.slice(2).map(() => 14)],
    freeze: { rows: 1, cols: 0 },
    rules: [],
    extent: extentOf([b]),
  };
}
