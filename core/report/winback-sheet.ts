// The Win-back sheet: the valuable customers who are slipping away, with what each is worth and
// the suggested action. Its columns take their header, format and width from the customer fields.

import { t } from '../messages';
import { SEGMENTS } from '../rules/segments';
import { below, block, bodyColumn, extentOf } from './blocks';
import { dateCell, flagLabel, metricHeader, numberCell, statusLabel } from './labels';
import { colourRules } from './palette';
import { tableValues } from './report-sheet';
import { CUSTOMER_FIELDS, type FieldName } from '../result/customer-fields';
import type { Column } from './customer-columns';
import type { LayoutSheet, LayoutValue, TableCut } from './layout-types';
import type { SegmentResult, WinBackEntry } from '../result/types';

/** A win-back column that shows a customer field: its header, format and width from the field table. */
function fieldColumn(name: FieldName, value: (r: WinBackEntry) => LayoutValue, width?: number): Column<WinBackEntry> {
  const sheet = CUSTOMER_FIELDS.find((f) => f.name === name)!.sheet!;
  return { key: name, header: t(sheet.header), format: sheet.format, width: width ?? sheet.width, value };
}

function winBackColumns(result: SegmentResult): Column<WinBackEntry>[] {
  return [
    fieldColumn('customer', (r) => r.customer),
    fieldColumn('segment', (r) => r.segment ?? r.abc),
    fieldColumn('keyAccount', (r) => flagLabel(r.keyAccount)),
    fieldColumn('status', (r) => statusLabel(r.status)),
    fieldColumn('pAlive', (r) => r.pAlive),
    fieldColumn('expectedPurchases', (r) => r.expectedPurchases),
    fieldColumn('lastPurchase', (r) => dateCell(r.lastPurchase)),
    fieldColumn('daysSinceLast', (r) => r.daysSinceLast),
    fieldColumn('typicalGap', (r) => numberCell(r.typicalGap)),
    { key: 'metric', header: metricHeader(result.options.metric), format: 'number', width: 14, value: (r) => r.metric },
    { key: 'valueAtStake', header: t('h.valueAtStake'), format: 'number', width: 14, value: (r) => r.valueAtStake },
    // the win-back actions are sentences, wider than the strategies of the customer table
    fieldColumn('action', (r) => r.action, 60),
  ];
}

/** The Win-back sheet; `cut` as for the report sheet's customer table. */
export function winBackSheet(r: SegmentResult, cut: TableCut | null = null, name = t('sheet.winback')): LayoutSheet {
  const cols = winBackColumns(r);
  const n = cut ? cut.shown : r.winBack.length;
  const b = block('winback', { row: 0, col: 0 }, tableValues(cols, n, (k) => r.winBack[k]), cols.map((c) => c.format), { header: true, table: n > 0 ? 'ABCXYZ_WinBack' : null });
  const blocks = cut?.more ? [b, block('winback-more', below([b], 0), [[cut.more]], ['text'])] : [b];
  const column = (key: string) => bodyColumn(b, cols.findIndex((c) => c.key === key));
  return {
    role: 'winback',
    name,
    blocks,
    columnWidths: cols.map((c) => c.width),
    freeze: { rows: 1, cols: 1 },
    rules: [...colourRules(column('segment'), [...SEGMENTS, 'A', 'B', 'C']), ...colourRules(column('status'), ['Lost', 'At risk'] as const, statusLabel)],
    extent: extentOf(blocks),
  };
}
