// Which row is the header. Exports from ERP and accounting systems put a title, a period line
// ("Period: 01.01.2024 – 31.12.2024") and a blank line above the table; Excel's "CSV" may start
// with a `sep=;` hint; a workbook's title is often one merged cell. The header is the row among
// the first HEADER_SCAN that maps the most roles (a customer and a date or an amount at least),
// followed by rows of data; the option header-row names it outright.

import { columnLetter, headerFacts, type HeaderFacts } from './headers';
import { groupHeadingColumn } from './group-heading-column';
import { cellText } from './values';
import type { ColumnRole, Grid, RawCell } from '../types';

/** Rows looked at for the header. */
export const HEADER_SCAN = 30;

/** Excel's delimiter hint, `sep=;` (or `sep=,`, `sep=\t`), alone on the first line. */
export function isSepHint(row: readonly RawCell[] | undefined): boolean {
  if (!row || typeof row[0] !== 'string' || !/^\s*sep=.?\s*$/i.test(row[0])) return false;
  for (let i = 1; i < row.length; i++) if (cellText(row[i]).trim() !== '') return false;
  return true;
}

/**
 * Index of the header among rows[0..count) (count ≤ HEADER_SCAN), or -1 when all of them are
 * blank. In order of preference:
 *  1. a row that maps the customer and a date or an amount, and at least two roles from its own
 *     cells: the one that maps the most (then the most by their exact names, then one followed
 *     by a data row, then the first);
 *  1b. else a row that maps a date or an amount and two roles, and whose unnamed column holds the
 *     group headings of a grouped report (see group-heading-column.ts): the first such;
 *  2. else the first row of at least two cells that maps the customer (a wide table: customer ×
 *     periods), where the customer comes from a column letter, another cell must still be a known name;
 *  3. else the first row whose cells name the customer, even alone;
 *  4. else the first row at least half as full as the fullest one, so that an error lists the
 *     headers of the table rather than a title.
 */
export function findHeaderRow(rows: Grid, count: number, overrides: Partial<Record<ColumnRole, string>>): number {
  const facts: (HeaderFacts | null)[] = [];
  let maxFilled = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    const f = row && !isSepHint(row) ? headerFacts(row, overrides) : null;
    facts.push(f && f.filled > 0 ? f : null);
    if (f && f.filled > maxFilled) maxFilled = f.filled;
  }
  if (maxFilled === 0) return firstNonBlank(rows, count);

  /** The next non-blank row after i is a data row of some width (or none is in view). */
  const dataFollows = (i: number): boolean => {
    for (let j = i + 1; j < count; j++) if (facts[j]) return facts[j]!.filled >= Math.min(2, facts[i]!.filled);
    return true;
  };

  let best = -1;
  for (let i = 0; i < count; i++) {
    const f = facts[i];
    if (!f || !f.complete || f.roles < 2) continue;
    if (best < 0) { best = i; continue; }
    const b = facts[best]!;
    if (f.roles !== b.roles ? f.roles > b.roles : f.exact !== b.exact ? f.exact > b.exact : dataFollows(i) && !dataFollows(best)) best = i;
  }
  if (best >= 0) return best;

  if (!overrides.customer) {
    for (let i = 0; i < count; i++) {
      const f = facts[i];
      if (!f || f.customer !== null || f.roles < 2) continue;
      const g = groupHeadingColumn(rows, i, count);
      if (g >= 0 && headerFacts(rows[i]!, { ...overrides, customer: columnLetter(g) }).complete) return i;
    }
  }

  for (let i = 0; i < count; i++) {
    const f = facts[i];
    if (f && f.filled >= 2 && (f.customer === 'name' || (f.customer === 'letter' && f.roles >= 1))) return i;
  }
  for (let i = 0; i < count; i++) if (facts[i]?.customer === 'name') return i;
  const half = Math.max(2, Math.ceil(maxFilled / 2));
  for (let i = 0; i < count; i++) if (facts[i] && facts[i]!.filled >= half) return i;
  for (let i = 0; i < count; i++) if (facts[i]) return i;
  return firstNonBlank(rows, count);
}

/** Only `sep=` hints or blank rows: the first non-blank one (-1 for none), so the error says what it says today. */
function firstNonBlank(rows: Grid, count: number): number {
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    if (row && row.some((v) => cellText(v).trim() !== '')) return i;
  }
  return -1;
}
