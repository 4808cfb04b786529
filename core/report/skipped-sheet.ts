// The Skipped rows sheet: every row not used, with its sheet row number, the reason and its
// original cells, so nothing is lost without a word.

import { isoFromDay, localDayOfDate } from '../basics/dates';
import { t } from '../messages';
import { below, block, extentOf } from './blocks';
import type { FormatKind, LayoutSheet, LayoutValue, TableCut } from './layout-types';
import type { SegmentResult } from '../result/types';
import type { RawCell } from '../types';

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

/** Columns of original values the skipped rows need: the widest row or the header. */
export function skippedWidth(r: SegmentResult): number {
  // a loop, not Math.max(...list): a list of 100,000+ skipped rows would overflow the call stack
  let width = r.headers.length;
  for (const s of r.skipped) if (s.values.length > width) width = s.values.length;
  return width;
}

/**
 * The Skipped rows sheet; `cut` as for the report sheet's customer table, and `maxWidth` the
 * original columns shown (a host has a last column).
 */
export function skippedSheet(r: SegmentResult, cut: TableCut | null = null, maxWidth = Infinity, name = t('sheet.skipped')): LayoutSheet {
  const width = Math.min(skippedWidth(r), maxWidth);
  const headers = uniqueNames([t('h.row'), t('h.reason'), ...Array.from({ length: width }, (_, i) => r.headers[i] || t('h.column', { n: i + 1 }))]);
  const values: LayoutValue[][] = [headers];
  const dayOf = r.options.dateObjectDay ?? localDayOfDate;
  const n = cut ? cut.shown : r.skipped.length;
  for (let k = 0; k < n; k++) {
    const s = r.skipped[k];
    const raw = Array.from({ length: width }, (_, i) => rawCellValue(s.values[i], dayOf));
    values.push([s.row, s.reason, ...raw]);
  }
  // original values keep their own types, so they are written with the General format
  const b = block('skipped', { row: 0, col: 0 }, values, ['integer', 'text', ...headers.slice(2).map((): FormatKind => 'general')], { header: true, table: 'ABCXYZ_Skipped' });
  const blocks = cut?.more ? [b, block('skipped-more', below([b], 0), [[cut.more]], ['text'])] : [b];
  return {
    role: 'skipped',
    name,
    blocks,
    columnWidths: [8, 48, ...headers.slice(2).map(() => 14)],
    freeze: { rows: 1, cols: 0 },
    rules: [],
    extent: extentOf(blocks),
  };
}
