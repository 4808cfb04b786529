// Wide input: one row per customer, one column per period (a pivot of sales by month). Every row
// is used or reported with its sheet row number and a reason.

import { CustomerIndex } from './customer-index';
import { NumberColumn, readNumber } from './number-column';
import { columnLabel, headersSeen } from './headers';
import { AbcxyzError, t } from '../messages';
import { cleanName, errorValue, isBlank, isTruthy, parseNumberText } from './values';
import { foldTotals, isTotalsHeader, isTotalsWord, sameAmount, subtotalName } from './totals';
import type { ColumnMapping, Grid, RawCell, SegmentOptions, SkippedRow } from '../types';
import { EMPTY_ROW, columnOf, rowIsBlank } from './row-cells';
import { newCustomerFacts, type CustomerFacts } from './customer-facts';
import type { ReadResult } from './read-types';

/** The grid with the few questions the wide reader asks of whole rows. */
export class Source {
  readonly height: number;
  readonly width: number;
  constructor(readonly rows: Grid) {
    this.height = rows.length;
    let w = 0;
    for (let r = 0; r < this.height; r++) if (rows[r] && rows[r].length > w) w = rows[r].length;
    this.width = w;
  }

  /** A copy of row r, for the Skipped rows sheet. */
  row(r: number): RawCell[] {
    return Array.from(this.rows[r] ?? EMPTY_ROW);
  }

  rowIsBlank(r: number): boolean {
    return rowIsBlank(this.rows[r] ?? EMPTY_ROW);
  }
}

/** Each numeric column's decimal separator, from the evidence of all its text cells (as in long tables). */
function columnDecimal(rows: Grid, col: number, end: number, forced: '.' | ',' | null): '.' | ',' {
  if (col < 0) return forced ?? '.';
  const numbers = new NumberColumn(forced);
  for (let r = 1; r <= end; r++) numbers.observe(rows[r]?.[col]);
  return numbers.decide();
}

type TagColumns = Record<'image' | 'expert' | 'need' | 'solvency' | 'authority' | 'budget', number>;

function readTags(row: readonly RawCell[], c: number, cols: TagColumns, tab: CustomerFacts, decimal: '.' | ','): void {
  if (cols.image >= 0 && isTruthy(row[cols.image])) tab.image[c] = 1;
  if (cols.expert >= 0 && isTruthy(row[cols.expert])) tab.expert[c] = 1;
  if (cols.need >= 0 && isTruthy(row[cols.need])) tab.need[c] = 1;
  if (cols.solvency >= 0 && isTruthy(row[cols.solvency])) tab.solvency[c] = 1;
  if (cols.authority >= 0 && isTruthy(row[cols.authority])) tab.authority[c] = 1;
  if (cols.budget >= 0) {
    const b = readNumber(row[cols.budget], decimal, 0, '', '');
    // the largest budget stated for the customer counts
    if (b.ok && !(tab.budget[c] >= b.value)) tab.budget[c] = b.value;
  }
}

function tagColumns(mapping: ColumnMapping[]): TagColumns | null {
  const out = {} as TagColumns;
  let any = false;
  for (const role of ['image', 'expert', 'need', 'solvency', 'authority', 'budget'] as const) {
    out[role] = columnOf(mapping, role);
    any ||= out[role] >= 0;
  }
  return any ? out : null;
}

/** A cell that reads as a number under the decimal separator forced, or under either one. */
function readsAsNumber(v: RawCell, forced: '.' | ',' | null): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  if (Number.isFinite(parseNumberText(v, forced ?? '.'))) return true;
  return forced === null && Number.isFinite(parseNumberText(v, ','));
}

/** Every value of a row equals the sum of the rows it follows (and not all of them are zero). */
function sameValues(vals: Float64Array, sums: Float64Array): boolean {
  let any = false;
  for (let k = 0; k < vals.length; k++) {
    if (vals[k] === 0 && Math.abs(sums[k]) <= 0.005) continue;
    if (!sameAmount(vals[k], sums[k])) return false;
    any = true;
  }
  return any;
}

export function readWide(src: Source, last: number, mapping: ColumnMapping[], headers: string[], warnings: string[], options: SegmentOptions,
  base: number = options.firstRow): ReadResult {
  const ci = columnOf(mapping, 'customer');
  const fi = columnOf(mapping, 'profit');
  // Period columns: every column not mapped to a role (a "Total" mapped as amount is left out,
  // ABC uses the sum of the periods) that holds at least one number — read as the column's decimal
  // separator will read it, so "1.234,56" counts — and whose header does not say it holds totals.
  const roleCols = new Set(mapping.map((m) => m.index));
  const periodCols: number[] = [];
  for (let c = 0; c < src.width; c++) {
    if (roleCols.has(c)) continue;
    let numeric = false;
    for (let r = 1; r <= last && !numeric; r++) numeric = readsAsNumber(src.rows[r]?.[c], options.decimal);
    if (!numeric) continue;
    if (headers[c] && isTotalsHeader(headers[c])) { warnings.push(t('warn.totalsColumn', { column: columnLabel(c, headers[c]) })); continue; }
    periodCols.push(c);
  }
  if (periodCols.length === 0) {
    throw new AbcxyzError(t('err.noColumn', { role: 'date', headers: headersSeen(headers) }));
  }
  const decimals = periodCols.map((c) => columnDecimal(src.rows, c, last, options.decimal));
  const decP = columnDecimal(src.rows, fi, last, options.decimal);
  const P = periodCols.length;
  const customers = new CustomerIndex(options.caseSensitive);
  const skipped: SkippedRow[] = [];
  const rowsOf: { c: number; vals: Float64Array; profit: number; r: number }[] = [];
  // the totals rule: sums of the used rows since the previous totals row, and of all of them
  const since = new Float64Array(P);
  const all = new Float64Array(P);
  let sinceRows = 0;
  /** Folded names of the used rows' customers, made when a subtotal line first needs them. */
  let named: Set<string> | null = null;
  let lastName = '';
  const usedNames: string[] = [];
  const totalsRow = () => { since.fill(0); sinceRows = 0; };
  for (let r = 1; r <= last; r++) {
    const row = src.row(r);
    const skip = (reason: string) => skipped.push({ row: base + r, reason, values: row });
    const cv = row[ci];
    const err = errorValue(cv);
    if (err) { skip(t('skip.error', { value: err, column: columnLabel(ci, headers[ci]) })); continue; }
    const name = isBlank(cv) ? '' : cleanName(cv);
    if (typeof cv === 'string' && isTotalsWord(name)) { skip(t('skip.totals')); totalsRow(); continue; }
    if (isBlank(cv) && src.rowIsBlank(r)) { skip(t('skip.blank')); continue; }
    const vals = new Float64Array(P);
    let bad: string | null = null;
    let any = false;
    for (let k = 0; k < P && !bad; k++) {
      const v = row[periodCols[k]];
      if (isBlank(v)) continue;
      const x = readNumber(v, decimals[k], periodCols[k], headers[periodCols[k]], '');
      if (!x.ok) bad = x.reason;
      else { vals[k] = x.value; any = true; }
    }
    // a row that adds up the rows above it: an empty customer, or a subtotal line ("Acme Total")
    const sub = typeof cv === 'string' && name ? subtotalName(name) : null;
    if ((isBlank(cv) || sub !== null) && !bad && any) {
      let total = (sinceRows >= 2 && sameValues(vals, since)) || (rowsOf.length >= 2 && sameValues(vals, all));
      if (!total && sub !== null) {
        named ??= new Set(usedNames.map(foldTotals));
        total = named.has(sub) && foldTotals(lastName) === sub;
      }
      if (total) { skip(t('skip.totals')); totalsRow(); continue; }
    }
    if (isBlank(cv)) { skip(t('skip.noCustomer')); continue; }
    if (bad) { skip(bad); continue; }
    if (!any) { skip(t('skip.noValues')); continue; }
    let profit = 0;
    if (fi >= 0 && !isBlank(row[fi])) {
      const p = readNumber(row[fi], decP, fi, headers[fi], '');
      if (!p.ok) { skip(p.reason); continue; }
      profit = p.value;
    }
    rowsOf.push({ c: customers.lookup(cv), vals, profit, r });
    for (let k = 0; k < P; k++) { since[k] += vals[k]; all[k] += vals[k]; }
    sinceRows++;
    lastName = name;
    usedNames.push(name);
    named?.add(foldTotals(name));
  }
  customers.release(); // every row is looked up
  const C = customers.names.length;
  const values = new Float64Array(C * P);
  const profit = fi >= 0 ? new Float64Array(C) : null;
  const table = newCustomerFacts(customers.names, customers.keys);
  const tags = tagColumns(mapping);
  const decB = tags && tags.budget >= 0 ? columnDecimal(src.rows, tags.budget, last, options.decimal) : '.';
  for (const { c, vals, profit: p, r } of rowsOf) {
    for (let k = 0; k < P; k++) values[c * P + k] += vals[k];
    if (profit) profit[c] += p;
    if (tags) readTags(src.rows[r], c, tags, table, decB);
  }
  skipped.sort((x, y) => x.row - y.row);
  warnings.push(t('warn.noLifecycle'));
  return {
    data: { kind: 'wide', values, profit, periods: P, labels: periodCols.map((c) => headers[c] || columnLabel(c, '')) },
    customers: table,
    mapping,
    headers,
    rowsRead: last,
    headerRow: base,
    rowsUsed: rowsOf.length,
    skipped,
    warnings,
    dateOrderUsed: null,
  };
}
