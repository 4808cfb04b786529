// The main report sheet: title, parameters, the 3 × 3 matrix and the strategies per segment on
// top, the customer table below, and the colour rules on its Segment, ABC, XYZ and Status columns.

import { isoFromDay } from '../basics/dates';
import { t } from '../messages';
import { SEGMENTS } from '../rules/segments';
import { customersOf } from '../result/customer-list';
import { block, below, bodyColumn, extentOf, headerCells, rightOf } from './blocks';
import { customerColumns, type Column } from './customer-columns';
import { statusLabel } from './labels';
import { colourRules } from './palette';
import { parameterRows } from './parameters';
import type { LayoutSheet, LayoutValue, TableCut } from './layout-types';
import type { SegmentResult } from '../result/types';

/** The header row, then rows 0..n-1 (the row at a position is `at(k)`). */
export function tableValues<R>(cols: Column<R>[], n: number, at: (k: number) => R): LayoutValue[][] {
  const out: LayoutValue[][] = [cols.map((c) => c.header)];
  for (let k = 0; k < n; k++) {
    const r = at(k);
    out.push(cols.map((c) => c.value(r)));
  }
  return out;
}

function matrixGrid(r: SegmentResult): LayoutValue[][] {
  const out: LayoutValue[][] = [[t('m.abc'), 'X', 'Y', 'Z', t('m.total')]];
  for (const a of ['A', 'B', 'C']) {
    const counts = ['X', 'Y', 'Z'].map((x) => r.matrix[`${a}${x}` as keyof typeof r.matrix].customers);
    out.push([a, ...counts, counts.reduce((p, q) => p + q, 0)]);
  }
  const cols = [0, 1, 2].map((k) => out[1][k + 1] as number + (out[2][k + 1] as number) + (out[3][k + 1] as number));
  out.push([t('m.total'), ...cols, cols.reduce((p, q) => p + q, 0)]);
  return out;
}

function segmentRows(r: SegmentResult): LayoutValue[][] {
  const metric = t(r.options.metric === 'profit' ? 'metric.profit' : 'metric.revenue');
  const out: LayoutValue[][] = [[t('m.cell'), t('m.customers'), t('m.customerShare'), t('m.metricShare', { metric }), t('m.strategy')]];
  for (const s of SEGMENTS) {
    const c = r.matrix[s];
    out.push([s, c.customers, c.customerShare, c.metricShare, c.strategy]);
  }
  return out;
}

/**
 * The report sheet. `cut` says how many customers the table shows (all, unless the host cannot
 * hold them) and the line below it that says what is left out; `notes` are the layout's own
 * warnings, shown first among the run's.
 */
export function reportSheet(r: SegmentResult, cut: TableCut | null = null, notes: readonly string[] = [], name = t('sheet.report')): LayoutSheet {
  const cols = customerColumns(r);
  const titleText = r.asOf === null ? t('report.title') : t('report.titleAsOf', { title: t('report.title'), date: isoFromDay(r.asOf) });
  const title = block('title', { row: 0, col: 0 }, [[titleText]], ['text'], { bold: [[0, 0]] });
  // summary on top: parameters at B:C, the 3×3 grid and the per-segment strategies to their right
  const params = parameterRows(r, notes);
  const parameters = block('parameters', below([title], 1, 1), params, ['text', 'text'], { bold: params.map((_, i) => [i, 0] as [number, number]) });
  const matrix = block('matrix', { row: parameters.row, col: Math.min(6, Math.max(4, cols.length - 10)) }, matrixGrid(r), ['text', 'integer', 'integer', 'integer', 'integer'], {
    header: true, bold: [[1, 0], [2, 0], [3, 0], [4, 0]],
  });
  const segments = block('segments', rightOf(matrix, 1), segmentRows(r), ['text', 'integer', 'percent', 'percent', 'text'], { header: true });
  const n = cut ? cut.shown : customersOf(r).length;
  const customers = block('customers', below([parameters, matrix, segments], 1), tableValues(cols, n, (k) => k), cols.map((c) => c.format), {
    header: true, table: n > 0 ? 'ABCXYZ_Customers' : null,
  });
  const more = cut?.more ? [block('customers-more', below([customers], 0), [[cut.more]], ['text'])] : [];
  const column = (key: string) => bodyColumn(customers, cols.findIndex((c) => c.key === key));
  const rules = [
    ...colourRules(bodyColumn(segments, 0), SEGMENTS),
    ...colourRules({ ...bodyColumn(matrix, 0), rows: 3 }, ['A', 'B', 'C']),
    ...colourRules(headerCells(matrix, 1, 3), ['X', 'Y', 'Z']),
    ...colourRules(column('segment'), SEGMENTS),
    ...colourRules(column('abc'), ['A', 'B', 'C']),
    ...colourRules(column('xyz'), ['X', 'Y', 'Z']),
    ...colourRules(column('status'), ['Lost', 'At risk', 'New'] as const, statusLabel),
  ];
  const blocks = [title, parameters, matrix, segments, customers, ...more];
  const widths = cols.map((c) => c.width);
  widths[1] = Math.max(widths[1], 34); // parameter labels live in column B
  return { role: 'report', name, blocks, columnWidths: widths, freeze: { rows: customers.row + 1, cols: 2 }, rules, extent: extentOf(blocks) };
}
