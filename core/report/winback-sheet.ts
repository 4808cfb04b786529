// The Win-back sheet: the valuable customers who are slipping away, with what each is worth and
// the suggested action. Its columns take their header, format and width from the customer fields.

import { t } from '../messages';
import { SEGMENTS } from '../rules/segments';
import { block, bodyColumn, extentOf } from './blocks';
import { dateCell, flagLabel, metricHeader, numberCell, statusLabel } from './labels';
import { colourRules } from './palette';
import { tableValues } from './report-sheet';
import type { Column } from './customer-columns';
import type { LayoutSheet } from './layout-types';
import type { SegmentResult, WinBackEntry } from '../result/types';

function winBackColumns(result: SegmentResult): Column<WinBackEntry>[] {
  return [
    { key: 'customer', header: t('h.customer'), format: 'text', width: 30, value: (r) => r.customer },
    { key: 'segment', header: t('h.segment'), format: 'text', width: 9, value: (r) => r.segment ?? r.abc },
    { key: 'keyAccount', header: t('h.keyAccount'), format: 'text', width: 8, value: (r) => flagLabel(r.keyAccount) },
    { key: 'status', header: t('h.status'), format: 'text', width: 9, value: (r) => statusLabel(r.status) },
    { key: 'lastPurchase', header: t('h.lastPurchase'), format: 'date', width: 12, value: (r) => dateCell(r.lastPurchase) },
    { key: 'daysSinceLast', header: t('h.daysSinceLast'), format: 'integer', width: 9, value: (r) => r.daysSinceLast },
    { key: 'typicalGap', header: t('h.typicalGap'), format: 'integer', width: 9, value: (r) => numberCell(r.typicalGap) },
    { key: 'metric', header: metricHeader(result.options.metric), format: 'number', width: 14, value: (r) => r.metric },
    { key: 'valueAtStake', header: t('h.valueAtStake'), format: 'number', width: 14, value: (r) => r.valueAtStake },
    { key: 'action', header: t('h.action'), format: 'text', width: 60, value: (r) => r.action },
  ];
}

export function winBackSheet(r: SegmentResult): LayoutSheet {
  const cols = winBackColumns(r);
  const n = r.winBack.length;
  const b = block('winback', { row: 0, col: 0 }, tableValues(cols, n, (k) => r.winBack[k]), cols.map((c) => c.format), { header: true, table: n > 0 ? 'ABCXYZ_WinBack' : null });
  const column = (key: string) => bodyColumn(b, cols.findIndex((c) => c.key === key));
  return {
    role: 'winback',
    name: t('sheet.winback'),
    blocks: [b],
    columnWidths: cols.map((c) => c.width),
    freeze: { rows: 1, cols: 1 },
    rules: [...colourRules(column('segment'), [...SEGMENTS, 'A', 'B', 'C']), ...colourRules(column('status'), ['Lost', 'At risk'] as const, statusLabel)],
    extent: extentOf([b]),
  };
}
