// The columns of the loss-dynamics table (SPEC §7), shared by the Losses sheet and the custom
// function that spills the table, so both show the same columns. The two rare flows — left Lost
// without a purchase, won back and lost again — are columns only when some period has one: the
// stock moves by them, so a table that has them must show them for its numbers to add up.

import { t } from '../messages';
import { dateCell, numberCell } from './labels';
import type { Column } from './customer-columns';
import type { DynamicsRow } from '../result/types';

export function dynamicsColumns(rows: readonly DynamicsRow[]): Column<DynamicsRow>[] {
  const count = (key: keyof DynamicsRow, header: Parameters<typeof t>[0]): Column<DynamicsRow> => ({ key, header: t(header), format: 'integer', width: 11, value: (r) => r[key] as number });
  const cols: Column<DynamicsRow>[] = [
    { key: 'period', header: t('loss.h.period'), format: 'text', width: 12, value: (r) => r.period },
    { key: 'start', header: t('loss.h.start'), format: 'date', width: 12, value: (r) => dateCell(r.start) },
    { key: 'end', header: t('loss.h.end'), format: 'date', width: 12, value: (r) => dateCell(r.end) },
    count('customers', 'loss.h.customers'),
    count('new', 'loss.h.new'),
    count('newlyLost', 'loss.h.newlyLost'),
    count('wonBack', 'loss.h.wonBack'),
    count('lostStock', 'loss.h.lostStock'),
    count('atRisk', 'loss.h.atRisk'),
    count('netChange', 'loss.h.netChange'),
    { key: 'valueLost', header: t('loss.h.valueLost'), format: 'number', width: 14, value: (r) => numberCell(r.valueLost) },
    { key: 'valueLostShare', header: t('loss.h.valueLostShare'), format: 'percent', width: 14, value: (r) => numberCell(r.valueLostShare) },
  ];
  if (rows.some((r) => r.leftLost > 0)) cols.push(count('leftLost', 'loss.h.leftLost'));
  if (rows.some((r) => r.lostAgain > 0)) cols.push(count('lostAgain', 'loss.h.lostAgain'));
  return cols;
}
