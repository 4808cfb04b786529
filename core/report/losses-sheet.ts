// The Losses sheet (SPEC §7): the per-period table, the newly lost per period by ABC class, by
// segment and by dimension value, then the Lost customers list. Colours as elsewhere: the class
// and segment labels, the headers of the flows (losses red, gains green) and the win-back flag —
// the text always in the cell.

import { isoFromDay } from '../basics/dates';
import { t } from '../messages';
import { ABC_ROWS, NO_CLASS } from '../rules/class-migration';
import { SEGMENTS } from '../rules/segments';
import { block, below, bodyColumn, extentOf, headerCells } from './blocks';
import { dynamicsColumns } from './dynamics-columns';
import { classLabel, dateCell, flagLabel, numberCell } from './labels';
import { colourRules, PALETTE } from './palette';
import { tableValues } from './report-sheet';
import type { Column } from './customer-columns';
import type { ConditionalRule, LayoutBlock, LayoutSheet, LayoutValue, TableCut } from './layout-types';
import type { LostCustomer, SegmentResult } from '../result/types';

/** The flows whose header is coloured: what is lost in red and amber, what is gained in green. */
const FLOW_COLOURS: Record<string, keyof typeof PALETTE> = { newlyLost: 'Lost', lostStock: 'Lost', atRisk: 'At risk', new: 'rise', wonBack: 'rise' };

/** A count per period and its total, one row per class, segment or value. */
function countsBlock(id: string, at: { row: number; col: number }, title: string, periods: string[], rows: [string, number[]][]): LayoutBlock {
  const values: LayoutValue[][] = [[title, ...periods, t('m.total')]];
  for (const [label, counts] of rows) values.push([label, ...counts, counts.reduce((s, n) => s + n, 0)]);
  return block(id, at, values, ['text', ...periods.map(() => 'integer' as const), 'integer'], { header: true });
}

/** The dimension's rows: most losses first, then by value; "—" (no value) last. */
function dimensionRows(by: Record<string, number[]>): [string, number[]][] {
  const total = (xs: number[]) => xs.reduce((s, n) => s + n, 0);
  return Object.keys(by)
    .sort((p, q) => Number(p === NO_CLASS) - Number(q === NO_CLASS) || total(by[q]) - total(by[p]) || (p < q ? -1 : p > q ? 1 : 0))
    .map((v) => [classLabel(v), by[v]]);
}

/** Table column names must be unique: a dimension headed "Segment" becomes "Segment (2)". */
function unique(header: string, taken: string[]): string {
  let name = header;
  for (let k = 2; taken.some((x) => x.toLowerCase() === name.toLowerCase()); k++) name = `${header} (${k})`;
  return name;
}

function lostColumns(dimension: string | null): Column<LostCustomer>[] {
  const cols: Column<LostCustomer>[] = [
    { key: 'customer', header: t('h.customer'), format: 'text', width: 30, value: (l) => l.customer },
    { key: 'period', header: t('loss.h.lostIn'), format: 'text', width: 12, value: (l) => l.period },
    { key: 'abc', header: t('h.abc'), format: 'text', width: 12, value: (l) => classLabel(l.abc) },
    { key: 'segment', header: t('h.segment'), format: 'text', width: 12, value: (l) => classLabel(l.segment) },
  ];
  if (dimension !== null) cols.push({ key: 'dimension', header: unique(dimension, cols.map((c) => c.header)), format: 'text', width: 16, value: (l) => classLabel(l.dimension ?? NO_CLASS) });
  cols.push(
    { key: 'lastPurchase', header: t('h.lastPurchase'), format: 'date', width: 12, value: (l) => dateCell(l.lastPurchase) },
    { key: 'valueLost', header: t('loss.h.valueLost'), format: 'number', width: 14, value: (l) => numberCell(l.valueLost) },
    { key: 'wonBack', header: t('loss.h.wonBackLater'), format: 'text', width: 12, value: (l) => flagLabel(l.wonBack) },
  );
  return cols;
}

/** The Losses sheet; `cut` as for the report sheet's customer table (here the Lost customers list). */
export function lossesSheet(r: SegmentResult, cut: TableCut | null = null, name = t('sheet.losses')): LayoutSheet {
  const rows = r.dynamics;
  const periods = rows.map((d) => d.period);
  const titleText = r.asOf === null ? t('loss.title') : t('report.titleAsOf', { title: t('loss.title'), date: isoFromDay(r.asOf) });
  const title = block('title', { row: 0, col: 0 }, [[titleText]], ['text'], { bold: [[0, 0]] });
  const cols = dynamicsColumns(rows);
  const dynamics = block('dynamics', below([title], 1), tableValues(cols, rows.length, (k) => rows[k]), cols.map((c) => c.format), { header: true });
  const byAbc = countsBlock('lossesByAbc', below([dynamics], 1), t('loss.byAbc'), periods, ABC_ROWS.map((c) => [classLabel(c), r.lossesBy.abc[c]]));
  const bySegment = countsBlock('lossesBySegment', below([byAbc], 1), t('loss.bySegment'), periods, [...SEGMENTS, NO_CLASS].map((s) => [classLabel(s), r.lossesBy.segment[s as keyof typeof r.lossesBy.segment]]));
  const blocks = [title, dynamics, byAbc, bySegment];
  const dimensionHeader = r.lossesBy.dimension ? r.mapping.find((m) => m.role === 'dimension')?.header || t('role.dimension') : null;
  if (r.lossesBy.dimension) blocks.push(countsBlock('lossesByDimension', below(blocks, 1), t('loss.byDimension', { dimension: dimensionHeader! }), periods, dimensionRows(r.lossesBy.dimension)));
  const listTitle = block('lostTitle', below(blocks, 1), [[t('loss.listTitle')]], ['text'], { bold: [[0, 0]] });
  const lcols = lostColumns(dimensionHeader);
  const n = cut ? cut.shown : r.lostCustomers.length;
  const list = block('lostCustomers', below([listTitle], 0), tableValues(lcols, n, (k) => r.lostCustomers[k]), lcols.map((c) => c.format), { header: true, table: n > 0 ? 'ABCXYZ_LostCustomers' : null });
  blocks.push(listTitle, list);
  if (cut?.more) blocks.push(block('lostCustomers-more', below([list], 0), [[cut.more]], ['text']));

  const listColumn = (key: string) => bodyColumn(list, lcols.findIndex((c) => c.key === key));
  const flowRules: ConditionalRule[] = cols.flatMap((c, j) => (FLOW_COLOURS[c.key] ? [{ range: headerCells(dynamics, j, 1), text: c.header, ...PALETTE[FLOW_COLOURS[c.key]] }] : []));
  const rules: ConditionalRule[] = [
    ...flowRules,
    ...colourRules({ ...bodyColumn(byAbc, 0), rows: 3 }, ['A', 'B', 'C']),
    ...colourRules({ ...bodyColumn(bySegment, 0), rows: SEGMENTS.length }, SEGMENTS),
    // the list's columns, when it has rows (a rule below an empty list would lie outside the sheet)
    ...(n > 0 ? [
      ...colourRules(listColumn('abc'), ['A', 'B', 'C']),
      ...colourRules(listColumn('segment'), SEGMENTS),
      { range: listColumn('wonBack'), text: flagLabel(true), ...PALETTE.rise },
    ] : []),
  ];
  const extent = extentOf(blocks);
  const widths = Array.from({ length: extent.cols }, (_, j) => Math.max(cols[j]?.width ?? 9, lcols[j]?.width ?? 9));
  widths[0] = Math.max(widths[0], 30);
  return { role: 'losses', name, blocks, columnWidths: widths, freeze: { rows: 1, cols: 1 }, rules, extent };
}
