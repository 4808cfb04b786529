// Check: header-plus-detail layouts keyed by an order number. A sale's header row carries the
// order total above its own product lines, all with the same order number (as ERP "sales by
// document" reports write them): the revenue would count twice. When most orders of three or
// more rows open with a row whose amount is the sum of the rows below it (at least two such
// orders), the layout is taken as header-plus-detail: each such header row is skipped with the
// reason (in an order of two rows: a header above its single line, the same amount twice).

import { columnLabel } from '../headers';
import { t } from '../../messages';
import type { OrderGroups } from './order-groups';
import { rowList, sameAmount } from './row-list';

export interface HeaderInput {
  groups: OrderGroups;
  amount: Float64Array;
  orderTexts: readonly string[];
  rowOf: (slot: number) => number;
  column: number;
  header: string;
}

export interface HeaderVerdict {
  drops: Map<number, string>;
  warnings: string[];
}

export function checkOrderHeaders(d: HeaderInput): HeaderVerdict {
  const { start, slots } = d.groups;
  const drops = new Map<number, string>();
  let big = 0;
  let bigHeaders = 0;
  const headerOf = new Int32Array(d.groups.count).fill(-1);
  for (let g = 1; g < d.groups.count; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (b - a < 2) continue;
    let rest = 0;
    for (let k = a + 1; k < b; k++) rest += d.amount[slots[k]];
    const first = d.amount[slots[a]];
    const isHeader = first !== 0 && sameAmount(first, rest);
    if (b - a >= 3) { big++; if (isHeader) bigHeaders++; }
    if (isHeader) headerOf[g] = slots[a];
  }
  if (bigHeaders < 2 || bigHeaders * 2 < big) return { drops, warnings: [] };
  const column = columnLabel(d.column, d.header);
  const rows: number[] = [];
  for (let g = 1; g < d.groups.count; g++) {
    const s = headerOf[g];
    if (s < 0) continue;
    const lines = start[g + 1] - start[g] - 1;
    drops.set(s, t('skip.orderHeader', { order: d.orderTexts[g], column, lines }));
    rows.push(d.rowOf(s));
  }
  return { drops, warnings: [t('warn.orderHeaders', { count: rows.length, column, rows: rowList(rows), flag: '--order -' })] };
}
