// Host-neutral logic of the custom functions (=ABCXYZ.SEGMENT / =ABCXYZ(...) and friends).
// Excel and Sheets wrap these in a few lines each, so both give the same answers as the CLI.

import { customersOf } from '../result/customer-list';
import { classifyAbc } from '../rules/abc';
import { customerColumns } from '../report/customer-columns';
import { AbcxyzError, t } from '../messages';
import { parseOptionText, percentFromCell, resolveOptions } from '../options';
import { segment } from '../analyses/segment';
import { dayFromSerial, isoFromDay } from '../basics/dates';
import { parseNumberText } from '../read/values';
import { dynamicsColumns } from '../report/dynamics-columns';
import { transitionGrid } from '../report/transition-grid';
import { cutText, textRoom } from '../report/limits';
import { countText } from '../report/fit';
/** What a custom function returns: no nulls (Excel shows null as 0). */
export type FunctionValue = string | number | boolean;
import type { PartialOptions, RawCell } from '../types';
import type { SegmentResult } from '../result/types';

type Range = readonly (readonly RawCell[])[];

function argError(problem: string): never {
  throw new AbcxyzError(t('err.args', { problem }));
}

/** A one-column or one-row range as a flat list. */
function vector(name: string, range: Range | null | undefined): RawCell[] {
  if (!range || range.length === 0) argError(t('fn.empty', { name }));
  if (range.length === 1) return [...range[0]];
  if (range.every((r) => r.length === 1)) return range.map((r) => r[0]);
  return argError(t('fn.notVector', { name, rows: range.length, cols: range[0].length }));
}

/**
 * Percent argument, by the one percent rule (core/options/percent.ts): text as typed anywhere
 * else ("80", "80 %", "80,5"); a number as the cell holds it (80 → 0.8; a cell formatted as 80 %
 * holds 0.8, so a number up to 1 is already the fraction). Blank → the default.
 */
export function percentArg(v: unknown): number | undefined {
  const fraction = percentFromCell(v);
  if (fraction === null) argError(t('form.arg.notNumber', { value: String(v) }));
  return fraction;
}

function textArg(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v).trim().toLowerCase();
}

const blank = (v: RawCell) => v === null || v === undefined || v === '';

/**
 * Open-ended and whole-column references (A2:A, A:A) bring every empty row of the sheet: drop the
 * trailing rows where every argument is empty, so they neither slow the run nor count as skipped.
 */
function trimTrailingBlankRows(ranges: (Range | null | undefined)[]): (Range | null | undefined)[] {
  let n = Math.max(...ranges.map((r) => r?.length ?? 0));
  const empty = (r: Range | null | undefined, i: number) => !r || !r[i] || r[i].every(blank);
  while (n > 0 && ranges.every((r) => empty(r, n - 1))) n--;
  return ranges.map((r) => (r ? r.slice(0, n) : r));
}

/** Build a transactions grid (long, or wide when there are no dates) from function arguments. */
function gridFromArgs(customersIn: Range, amountsIn: Range, datesIn: Range | null | undefined): RawCell[][] {
  // a dates argument given as one empty cell means "no dates" (wide input)
  const noDates = !datesIn || datesIn.length === 0 || (datesIn.length === 1 && datesIn[0].length === 1 && blank(datesIn[0][0]));
  const [customers, amounts, dates] = trimTrailingBlankRows([customersIn, amountsIn, noDates ? null : datesIn]) as [Range, Range, Range | null];
  const names = vector('customers', customers);
  if (dates) {
    const amts = vector('amounts', amounts);
    const days = vector('dates', dates);
    if (amts.length !== names.length || days.length !== names.length) {
      argError(t('fn.lengths', { customers: names.length, amounts: amts.length, dates: days.length }));
    }
    const grid: RawCell[][] = [['customer', 'date', 'amount']];
    for (let i = 0; i < names.length; i++) grid.push([names[i], days[i], amts[i]]);
    return grid;
  }
  // no dates: amounts is a customer × period block (one column per period, oldest first)
  if (amounts.length !== names.length) argError(t('fn.wideRows', { amounts: amounts.length, customers: names.length }));
  const width = amounts[0]?.length ?? 0;
  const grid: RawCell[][] = [['customer', ...Array.from({ length: width }, (_, k) => `P${k + 1}`)]];
  for (let i = 0; i < names.length; i++) grid.push([names[i], ...amounts[i]]);
  return grid;
}

function runArgs(customers: Range, amounts: Range, dates: Range | null | undefined, options: string | null | undefined, extra: PartialOptions = {}): SegmentResult {
  const grid = gridFromArgs(customers, amounts, dates);
  const parsed = parseOptionText(options);
  const opts: PartialOptions = { ...parsed, ...extra, columns: { customer: 'customer', ...(grid[0][1] === 'date' ? { date: 'date', amount: 'amount' } : {}) } };
  return segment(grid, opts);
}

/** What the functions that show neither table need not compute (SPEC §7, §8). */
const WITHOUT_CHANGES: PartialOptions = { dynamicsPeriods: 0, comparePeriods: 0 };

/**
 * What a custom function may return: rows of the host's grid, cells it can write in the time a
 * function has, characters a cell. A longer table shows its first customers and a last row that
 * says how many more there are (the rule of the report, core/report/fit.ts).
 */
export interface FunctionLimits {
  rows: number;
  cells: number;
  cellChars: number;
}

/** =ABCXYZ.SEGMENT(customers, amounts, [dates], [options]): the customer table, header row first. */
export function segmentTable(customers: Range, amounts: Range, dates?: Range | null, options?: string | null, extra?: PartialOptions, limits?: FunctionLimits): FunctionValue[][] {
  const result = runArgs(customers, amounts, dates, options, { ...extra, ...WITHOUT_CHANGES });
  const cols = customerColumns(result);
  const out: FunctionValue[][] = [cols.map((c) => c.header)];
  const list = customersOf(result);
  const room = limits ? Math.min(limits.rows, Math.floor(limits.cells / Math.max(1, cols.length))) : Infinity;
  // the header, the customers, and (when they do not all fit) the line saying how many more
  const shown = list.length + 1 <= room ? list.length : Math.max(0, room - 2);
  const chars = limits ? textRoom(limits) : Infinity;
  for (let k = 0; k < shown; k++) {
    // a function cannot format its cells: dates go out as ISO text, blanks as ''
    out.push(cols.map((c) => {
      if (c.format === 'date') {
        const day = c.key === 'firstPurchase' ? list.firstPurchase(k) : list.lastPurchase(k);
        return day === null ? '' : isoFromDay(day);
      }
      const v = c.value(k);
      if (typeof v === 'string' && v.length > chars) return cutText(v, chars);
      return v === null ? '' : v;
    }));
  }
  if (shown < list.length) {
    const reason = room === limits!.rows ? t('cap.reason.rows', { rows: countText(limits!.rows) }) : t('cap.reason.function', { cells: countText(limits!.cells) });
    out.push(cols.map((_, j) => (j === 0 ? t('cap.more.customers', { count: countText(list.length - shown), reason }) : '')));
  }
  return out;
}

/**
 * =ABCXYZ.PALIVE(customers, amounts, dates, [options]): per customer (in the report's order) its
 * P(alive) and expected purchases in the next horizon-days (SPEC §11), header row first. The
 * model needs the dates, so they are not optional here; when it cannot be fitted the function
 * answers with the reason (the warning of the report) rather than a column of blanks.
 */
export function pAliveTable(customers: Range, amounts: Range, dates: Range | null | undefined, options?: string | null, extra?: PartialOptions, limits?: FunctionLimits): FunctionValue[][] {
  const noDates = !dates || dates.length === 0 || dates.every((row) => row.every(blank));
  if (noDates) argError(t('fn.empty', { name: 'dates' }));
  const result = runArgs(customers, amounts, dates, options, extra);
  const list = customersOf(result);
  if (result.bgnbdWarning) argError(result.bgnbdWarning);
  const out: FunctionValue[][] = [[t('h.customer'), t('h.pAlive'), t('h.expectedPurchases')]];
  // bounded as SEGMENT's table is: the first customers, then a line saying how many more
  const room = limits ? Math.min(limits.rows, Math.floor(limits.cells / 3)) : Infinity;
  const shown = list.length + 1 <= room ? list.length : Math.max(0, room - 2);
  const chars = limits ? textRoom(limits) : Infinity;
  for (let k = 0; k < shown; k++) {
    const name = list.customer(k);
    out.push([name.length > chars ? cutText(name, chars) : name, list.pAlive(k) ?? '', list.expectedPurchases(k) ?? '']);
  }
  if (shown < list.length) {
    const reason = room === limits!.rows ? t('cap.reason.rows', { rows: countText(limits!.rows) }) : t('cap.reason.function', { cells: countText(limits!.cells) });
    out.push([t('cap.more.customers', { count: countText(list.length - shown), reason }), '', '']);
  }
  return out;
}

/** =ABCXYZ.MATRIX(...): the 3 × 3 customer counts with headers. */
export function matrixTable(customers: Range, amounts: Range, dates?: Range | null, options?: string | null, extra?: PartialOptions): FunctionValue[][] {
  const r = runArgs(customers, amounts, dates, options, { ...extra, ...WITHOUT_CHANGES });
  const out: FunctionValue[][] = [[t('m.abc'), 'X', 'Y', 'Z']];
  for (const a of ['A', 'B', 'C'] as const) out.push([a, r.matrix[`${a}X`].customers, r.matrix[`${a}Y`].customers, r.matrix[`${a}Z`].customers]);
  return out;
}

/** A value a function can return: dates of the layout (serials) as ISO text, blanks as ''. */
function functionCell(v: unknown, format: string): FunctionValue {
  if (v === null || v === undefined) return '';
  if (format === 'date' && typeof v === 'number') return isoFromDay(dayFromSerial(v, false)!);
  return v as FunctionValue;
}

/**
 * =ABCXYZ.LOSSES(customers, amounts, dates, [options]): the loss-dynamics table of SPEC §7 (one
 * row per period, oldest first), header row first — the Losses sheet's table.
 */
export function lossesTable(customers: Range, amounts: Range, dates?: Range | null, options?: string | null, extra?: PartialOptions): FunctionValue[][] {
  const r = runArgs(customers, amounts, dates, options, { ...extra, comparePeriods: 0 });
  if (r.layout !== 'long' || r.asOf === null) argError(t('fn.needsDates', { name: 'dates' }));
  const cols = dynamicsColumns(r.dynamics);
  return [cols.map((c) => c.header), ...r.dynamics.map((d) => cols.map((c) => functionCell(c.value(d), c.format)))];
}

/**
 * =ABCXYZ.MIGRATION(customers, amounts, dates, [options]): the ABC transition matrix of SPEC §8
 * (customers; previous classes down, current across), with headers — the Migration sheet's.
 */
export function migrationTable(customers: Range, amounts: Range, dates?: Range | null, options?: string | null, extra?: PartialOptions): FunctionValue[][] {
  const r = runArgs(customers, amounts, dates, options, { ...extra, dynamicsPeriods: 0 });
  if (r.layout !== 'long' || r.asOf === null) argError(t('fn.needsDates', { name: 'dates' }));
  if (!r.migration) argError(r.migrationNote ?? t('fn.noMigration'));
  return transitionGrid(r.migration, 'abc', 'customers', t('mig.abcCounts')).map((row) => row.map((v) => (v === null ? '' : v)));
}

function cellNumber(v: RawCell): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return parseNumberText(v, '.');
  return NaN;
}

/** =ABCXYZ.ABC(values, [a], [b], [rule]): one class per value, same shape; '' for blanks and values ≤ 0. */
export function abcColumn(values: Range, a?: unknown, b?: unknown, rule?: unknown): string[][] {
  if (!values || values.length === 0) argError(t('fn.empty', { name: 'values' }));
  const o = resolveOptions({ abcRule: textArg(rule) as never, a: percentArg(a), b: percentArg(b) });
  const flat: number[] = [];
  for (const row of values) for (const v of row) flat.push(cellNumber(v));
  const { cls } = classifyAbc({ metric: flat, rule: o.abcRule, a: o.a, b: o.b });
  let k = 0;
  return values.map((row) => row.map(() => cls[k++] ?? ''));
}

/** =ABCXYZ.XYZ(periodValues, [method], [x], [y]): one class per row of a customer × period block. */
export function xyzColumn(block: Range, method?: unknown, x?: unknown, y?: unknown): string[][] {
  if (!block || block.length === 0) argError(t('fn.empty', { name: 'periodValues' }));
  const xyzMethod = (textArg(method) ?? 'frequency') as never;
  // each row is its own customer: unique names, so equal rows are never merged
  const grid: RawCell[][] = [['customer', ...block[0].map((_, k) => `P${k + 1}`)]];
  block.forEach((row, i) => grid.push([`#${i + 1}`, ...row]));
  const result = segment(grid, { xyzMethod, x: percentArg(x), y: percentArg(y), columns: { customer: 'customer' } });
  const list = customersOf(result);
  const byName = new Map(Array.from({ length: list.length }, (_, k) => [list.customer(k), list.xyz(k) ?? '']));
  return block.map((_, i) => [byName.get(`#${i + 1}`) ?? '']);
}
