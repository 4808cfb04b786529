// From a reader's rows to the continuation plan (continuation.ts) and back: which skipped rows
// with an empty customer are read again, with which cells, and which get a new reason.

import { isoFromDay } from '../../basics/dates';
import { columnLabel } from '../headers';
import { t } from '../../messages';
import { cellText, errorValue, isBlank } from '../values';
import { columnOf } from '../row-cells';
import type { RawCell, SkippedRow } from '../../types';
import { planContinuations, type Anchor, type Candidate } from './continuation';
import { rowAmount, type ReaderView } from './reader-view';

export interface ContinuationRows {
  /** Skipped rows to read again, with the customer (date, order number) of the row above filled in. */
  inherit: { entry: SkippedRow; row: RawCell[] }[];
  /** Skipped rows that keep being skipped, with a new reason. */
  relabel: { entry: SkippedRow; reason: string }[];
  warnings: string[];
}

export function continuationRows(v: ReaderView): ContinuationRows | null {
  const empty = t('skip.noCustomer');
  const base = v.base;
  const entries = v.skipped.filter((k) => k.reason === empty);
  if (entries.length === 0) return null;
  if (entries.some((k, i) => i > 0 && k.row < entries[i - 1].row)) entries.sort((x, y) => x.row - y.row);
  const ci = v.customerColumn;
  const di = v.dateColumn;
  const oi = columnOf(v.mapping, 'order');
  const text = (c: RawCell) => (oi >= 0 ? cellText(c).trim() : '');
  const candidate = (k: number): Candidate => {
    const cells = entries[k].values;
    return { r: entries[k].row - base, dateBlank: isBlank(cells[di]), amount: rowAmount(v, cells), order: text(cells[oi]) };
  };
  const others = new Map<number, SkippedRow>();
  for (const k of v.skipped) if (k.reason !== empty) others.set(k.row - base, k);
  const { n, index, amount, cust } = v;
  const slotOf = (r: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (index[mid] === r) return mid;
      if (index[mid] < r) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  };
  // sums of the used rows up to each one, and where each customer run starts (for the total guards)
  const prefix = new Float64Array(n + 1);
  const runStart = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    prefix[s + 1] = prefix[s] + amount[s];
    runStart[s] = s > 0 && cust[s] === cust[s - 1] && index[s] === index[s - 1] + 1 ? runStart[s - 1] : s;
  }
  const rowsOf = new Int32Array(v.names.length);
  for (let s = 0; s < n; s++) rowsOf[cust[s]]++;
  const usedUpTo = (r: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (index[mid] <= r) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const cellsOf = (r: number): { customer: RawCell; date: RawCell; order: string; amount: number; slot: number } | null => {
    const s = slotOf(r);
    if (s >= 0) {
      const order = oi >= 0 && v.lines ? v.lines.orderText(s) : '';
      return { customer: v.names[cust[s]], date: isoFromDay(v.day[s]), order, amount: amount[s], slot: s };
    }
    const k = others.get(r);
    if (!k || isBlank(k.values[ci]) || errorValue(k.values[ci])) return null;
    return { customer: k.values[ci], date: k.values[di], order: text(k.values[oi]), amount: rowAmount(v, k.values), slot: -1 };
  };
  const anchorAt = (r: number): Anchor | null => {
    const c = cellsOf(r);
    if (!c) return null;
    const used = usedUpTo(r);
    const s = c.slot;
    return {
      r, amount: c.amount, order: c.order, heading: c.amount !== c.amount && isBlank(c.date),
      runSum: s >= 0 ? prefix[s + 1] - prefix[runStart[s]] : NaN, runRows: s >= 0 ? s + 1 - runStart[s] : 0,
      tableSum: prefix[used], tableRows: used, customerRows: s >= 0 ? rowsOf[cust[s]] : -1,
    };
  };
  const plan = planContinuations(entries.map((k) => k.row - base), candidate, anchorAt, (r) => base + r, columnLabel(ci, v.headers[ci]));
  if (plan.inherit.length === 0 && plan.lines.length === 0) return null;
  const relabel = plan.lines.map((l) => ({ entry: entries[l.k], reason: t('skip.orderLine', { row: base + l.header }) }));
  const inherit = plan.inherit.map(({ k, from }) => {
    const entry = entries[k];
    const a = cellsOf(from)!;
    const row = Array.from(entry.values);
    row[ci] = a.customer;
    if (isBlank(row[di])) row[di] = a.date;
    if (oi >= 0 && isBlank(row[oi]) && a.order !== '') row[oi] = a.order;
    return { entry, row };
  });
  return { inherit, relabel, warnings: plan.warnings };
}
