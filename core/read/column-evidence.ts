// Column evidence: how the first data rows under a header read — as names, dates or numbers. It
// decides between several columns whose headers fit a role, and says when the column a role got
// reads in fewer than half of those rows. Asked once, when the header is decided, never per row.

import { DATE_FIXED, DateTable, dayOfCell, isDateText } from './date-column';
import { columnLabel, READS_WELL, type ColumnEvidence } from './headers';
import { numberOf } from './number-column';
import { errorValue, isBlank } from './values';
import { t } from '../messages';
import type { ColumnMapping, ColumnRole, Grid, RawCell, SegmentOptions } from '../types';
import { rowIsBlank } from './row-cells';

/** Data rows looked at after the header. */
export const SAMPLE_ROWS = 200;

type Kind = 'name' | 'date' | 'number';
const KIND: Partial<Record<ColumnRole, Kind>> = {
  customer: 'name', date: 'date', amount: 'number', profit: 'number', quantity: 'number', price: 'number', budget: 'number',
};

function readsAsName(v: RawCell): boolean {
  return !isBlank(v) && !errorValue(v);
}

function readsAsNumber(v: RawCell, decimal: '.' | ',' | null): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'string' || v.trim() === '') return false;
  if (decimal) return numberOf(v, decimal) === numberOf(v, decimal);
  const d = numberOf(v, '.');
  return d === d || numberOf(v, ',') === numberOf(v, ',');
}

/**
 * The evidence of the rows under a header: rows[from..to) of the grid, the blank ones left out.
 * Each (kind, column) is read once and remembered.
 */
export class SampleEvidence {
  private readonly rows: (readonly RawCell[])[] = [];
  private readonly cache = new Map<string, number>();

  constructor(grid: Grid, from: number, to: number, private readonly options: SegmentOptions) {
    for (let r = from; r < to; r++) {
      const row = grid[r];
      if (row && !rowIsBlank(row)) this.rows.push(row);
    }
  }

  get size(): number {
    return this.rows.length;
  }

  /** Share of the sampled rows whose cell in column `index` reads as the role's kind; NaN without evidence. */
  readonly rate: ColumnEvidence = (role, index) => {
    const kind = KIND[role];
    if (!kind || this.rows.length === 0) return NaN;
    const key = `${kind}:${index}`;
    let rate = this.cache.get(key);
    if (rate === undefined) {
      rate = this.read(kind, index) / this.rows.length;
      this.cache.set(key, rate);
    }
    return rate;
  };

  private read(kind: Kind, index: number): number {
    let ok = 0;
    if (kind === 'date') {
      const dates = new DateTable(index, '', this.options);
      for (const row of this.rows) {
        const v = row[index];
        if (isDateText(v)) {
          const id = dates.idOf(v);
          // a day under either order: which one the column takes is decided later, for all its rows
          if (dates.state(id) !== DATE_FIXED || typeof dates.read(id) === 'number') ok++;
        } else if (typeof dayOfCell(v, this.options, index, '') === 'number') ok++;
      }
      return ok;
    }
    for (const row of this.rows) if (kind === 'name' ? readsAsName(row[index]) : readsAsNumber(row[index], this.options.decimal)) ok++;
    return ok;
  }
}

/**
 * A warning for each of the `roles` whose column was recognised from its header but reads in
 * fewer than half of the sampled rows: it names the column and the flag that sets it.
 */
export function evidenceWarnings(mapping: ColumnMapping[], roles: readonly ColumnRole[], evidence: SampleEvidence): string[] {
  const out: string[] = [];
  if (evidence.size === 0) return out;
  for (const role of roles) {
    const m = mapping.find((x) => x.role === role);
    if (!m || m.source !== 'header') continue;
    const rate = evidence.rate(role, m.index);
    if (rate === rate && rate < READS_WELL) {
      out.push(t('warn.columnUnread', {
        role, column: columnLabel(m.index, m.header), share: `${Math.round(rate * 100)} %`, rows: evidence.size,
      }));
    }
  }
  return out;
}
