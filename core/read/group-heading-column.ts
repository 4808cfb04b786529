// The customer of a grouped report with no customer header. QuickBooks' "Sales by Customer
// Detail" writes the customer once, on a row of its own above its lines, in a first column whose
// header cell is empty; the lines below leave that column empty (core/read/plausibility/
// continuation.ts gives them their heading's customer). So a header row that names a date and an
// amount but no customer is still the header when one of its unnamed columns holds such group
// headings: that column is the customer's.

import { cellText } from './values';
import type { Grid, RawCell } from '../types';

/** Headings needed below the header, within the rows looked at. */
const MIN_HEADINGS = 2;

function blank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || cellText(v).trim() === '';
}

/**
 * The index of the column, unnamed in `rows[h]`, that holds group headings in rows h+1 … count-1:
 * rows where it alone is filled (at least two), and no row where it holds a number. -1 when none.
 */
export function groupHeadingColumn(rows: Grid, h: number, count: number): number {
  const header = rows[h];
  if (!header) return -1;
  let width = header.length;
  for (let r = h + 1; r < count; r++) width = Math.max(width, rows[r]?.length ?? 0);
  for (let c = 0; c < width; c++) {
    if (!blank(header[c])) continue;
    let headings = 0;
    let numbers = false;
    for (let r = h + 1; r < count && !numbers; r++) {
      const row = rows[r];
      if (!row || blank(row[c])) continue;
      if (typeof row[c] === 'number') numbers = true;
      else if (row.every((v, i) => i === c || blank(v))) headings++;
    }
    if (!numbers && headings >= MIN_HEADINGS) return c;
  }
  return -1;
}
