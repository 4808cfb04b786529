// A run that uses no row at all is an error, not an empty report: the message names the most
// common reason the rows were skipped and the column it came from, and how to choose another.

import { AbcxyzError, t, type MessageKey } from '../messages';
import { columnLabel } from './headers';
import type { ReadResult } from './read-types';
import type { ColumnRole } from '../types';

/** Skip reasons that name no column of their own, and the role whose column they are about. */
const ROLE_OF: Partial<Record<MessageKey, ColumnRole>> = {
  'skip.noCustomer': 'customer', 'skip.totals': 'customer', 'skip.noDate': 'date', 'skip.dateOrder': 'date',
  'skip.beforeWindow': 'date', 'skip.afterWindow': 'date', 'skip.afterAsOf': 'date', 'skip.noAmount': 'amount',
};
const KEYS = ['skip.error', 'skip.badDate', 'skip.badNumber', 'skip.dateOrder', 'skip.beforeWindow', 'skip.afterWindow', 'skip.afterAsOf',
  'skip.noCustomer', 'skip.noDate', 'skip.noAmount', 'skip.noValues', 'skip.totals', 'skip.blank'] as const satisfies readonly MessageKey[];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reason's kind (its message key) and the column it names, read back from the reason text. */
function kindOf(reason: string, patterns: { key: MessageKey; re: RegExp }[]): { key: MessageKey | null; column: string | null } {
  for (const { key, re } of patterns) {
    const m = re.exec(reason);
    if (m) return { key, column: m.groups?.column ?? null };
  }
  return { key: null, column: null };
}

/** The error for a read table none of whose rows could be used (rowsUsed = 0, at least one row skipped). */
export function noRowsError(read: ReadResult): AbcxyzError {
  // the current catalogue's texts, with their placeholders as wildcards ({column} captured)
  const patterns = KEYS.map((key) => {
    const parts = t(key).split(/(\{\w+\})/);
    const body = parts.map((p) => (p === '{column}' ? '(?<column>.+?)' : /^\{\w+\}$/.test(p) ? '.*?' : escape(p))).join('');
    return { key: key as MessageKey, re: new RegExp(`^${body}$`, 's') };
  });
  const groups = new Map<string, { count: number; first: number; reason: string; key: MessageKey | null; column: string | null }>();
  for (const s of read.skipped) {
    const { key, column } = kindOf(s.reason, patterns);
    if (key === 'skip.blank') continue;
    const id = key ? `${key}\u0000${column ?? ''}` : s.reason;
    const g = groups.get(id);
    if (g) g.count++;
    else groups.set(id, { count: 1, first: s.row, reason: s.reason, key, column });
  }
  let top: { count: number; first: number; reason: string; key: MessageKey | null; column: string | null } | null = null;
  for (const g of groups.values()) if (!top || g.count > top.count) top = g;
  if (!top) return new AbcxyzError(t('err.noRowsUsed', { rows: read.rowsRead, count: read.skipped.length, row: read.skipped[0]?.row ?? 0, reason: t('skip.blank') }));

  // the column: as the reason names it, else the column of the role the reason is about
  let role: ColumnRole | null = top.key ? ROLE_OF[top.key] ?? null : null;
  let column = top.column;
  let reason = top.reason;
  if (column === null && role) {
    const m = read.mapping.find((x) => x.role === role) ?? (role === 'amount' ? read.mapping.find((x) => x.role === 'price') : undefined);
    if (m) { column = columnLabel(m.index, m.header); role = m.role; reason = t('err.noRowsUsed.column', { reason, column }); }
  } else if (column !== null) {
    const m = read.mapping.find((x) => columnLabel(x.index, x.header) === column);
    role = m ? m.role : null;
  }
  const message = t('err.noRowsUsed', { rows: read.rowsRead, count: top.count, row: top.first, reason });
  return new AbcxyzError(role ? `${message} ${t('err.noRowsUsed.choose', { column: column!, role })}` : message);
}
