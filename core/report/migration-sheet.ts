// The Migration sheet (SPEC §8): the two windows in words, the ABC and the XYZ transition matrix
// (customers, and the metric in each window), and the movers — every change of ABC class, biggest
// falls first. The falls (A → B, A → C, A → —) and the rises are coloured by their own labels.

import { isoFromDay } from '../basics/dates';
import { t } from '../messages';
import { ABC_ROWS } from '../rules/class-migration';
import { SEGMENTS } from '../rules/segments';
import { block, below, bodyColumn, extentOf, headerCells, rightOf } from './blocks';
import { classLabel, directionLabel, directionOf, metricHeader, moveLabel, numberCell } from './labels';
import { colourRules, PALETTE } from './palette';
import { tableValues } from './report-sheet';
import { transitionGrid, type TransitionKind } from './transition-grid';
import type { Column } from './customer-columns';
import type { ConditionalRule, LayoutBlock, LayoutSheet, TableCut } from './layout-types';
import type { Migration, Mover, SegmentResult } from '../result/types';

const PERIOD_KEY = { month: 'p.period.month', week: 'p.period.week', quarter: 'p.period.quarter', year: 'p.period.year' } as const;

/** Every move between two different classes, with the direction that colours it. */
function moves(classes: readonly string[]): { text: string; direction: 'fall' | 'rise' }[] {
  return classes.flatMap((p) => classes.filter((q) => q !== p).map((q) => ({ text: moveLabel(p, q), direction: directionOf(p, q)! })));
}

function moverColumns(metric: string): Column<Mover>[] {
  const direction = (m: Mover) => { const d = directionOf(m.previousAbc, m.currentAbc); return d === null ? '' : directionLabel(d); };
  return [
    { key: 'customer', header: t('h.customer'), format: 'text', width: 30, value: (m) => m.customer },
    { key: 'move', header: t('mig.h.move'), format: 'text', width: 12, value: (m) => moveLabel(m.previousAbc, m.currentAbc) },
    { key: 'direction', header: t('mig.h.direction'), format: 'text', width: 12, value: direction },
    { key: 'previousAbc', header: t('mig.h.previousAbc'), format: 'text', width: 12, value: (m) => classLabel(m.previousAbc) },
    { key: 'currentAbc', header: t('mig.h.currentAbc'), format: 'text', width: 12, value: (m) => classLabel(m.currentAbc) },
    { key: 'previousSegment', header: t('mig.h.previousSegment'), format: 'text', width: 12, value: (m) => classLabel(m.previousSegment) },
    { key: 'currentSegment', header: t('mig.h.currentSegment'), format: 'text', width: 12, value: (m) => classLabel(m.currentSegment) },
    { key: 'metricPrevious', header: t('mig.h.metricPrevious', { metric }), format: 'number', width: 14, value: (m) => numberCell(m.metricPrevious) },
    { key: 'metricCurrent', header: t('mig.h.metricCurrent', { metric }), format: 'number', width: 14, value: (m) => numberCell(m.metricCurrent) },
    { key: 'change', header: t('mig.h.change'), format: 'number', width: 14, value: (m) => numberCell(m.change) },
  ];
}

/** A window in words: "2024-01-01 – 2024-12-31 (12 periods of a month)". */
function windowText(w: { from: number; to: number }, r: SegmentResult): string {
  return t('mig.window', { from: isoFromDay(w.from), to: isoFromDay(w.to), count: r.options.comparePeriods, period: t(PERIOD_KEY[r.options.period]) });
}

/** The three grids of one kind side by side: customers, the metric in the previous window, in the current one. */
function matrices(m: Migration, kind: TransitionKind, at: { row: number; col: number }, metric: string): LayoutBlock[] {
  const fmt = (f: 'integer' | 'number') => ['text', f, f, f, f, f] as const;
  const bold = (g: unknown[][]) => g.slice(1).map((_, i) => [i + 1, 0] as [number, number]);
  const counts = transitionGrid(m, kind, 'customers', t(kind === 'abc' ? 'mig.abcCounts' : 'mig.xyzCounts'));
  const a = block(`${kind}Customers`, at, counts, [...fmt('integer')], { header: true, bold: bold(counts) });
  const prev = transitionGrid(m, kind, 'metricPrevious', t('mig.metricPrevious', { metric }));
  const b = block(`${kind}MetricPrevious`, rightOf(a, 1), prev, [...fmt('number')], { header: true, bold: bold(prev) });
  const cur = transitionGrid(m, kind, 'metricCurrent', t('mig.metricCurrent', { metric }));
  const c = block(`${kind}MetricCurrent`, rightOf(b, 1), cur, [...fmt('number')], { header: true, bold: bold(cur) });
  return [a, b, c];
}

/** The Migration sheet, or null when there is no migration to show; `cut` as for the report sheet's customer table (here the Movers). */
export function migrationSheet(r: SegmentResult, cut: TableCut | null = null, name = t('sheet.migration')): LayoutSheet | null {
  const m = r.migration;
  if (!m) return null;
  const metric = metricHeader(r.options.metric);
  const title = block('title', { row: 0, col: 0 }, [[t('mig.title')]], ['text'], { bold: [[0, 0]] });
  const windows = block('windows', below([title], 1), [[t('mig.previous'), windowText(m.previous, r)], [t('mig.current'), windowText(m.current, r)]], ['text', 'text'], { bold: [[0, 0], [1, 0]] });
  const abc = matrices(m, 'abc', below([windows], 1), metric);
  const xyz = matrices(m, 'xyz', below(abc, 1), metric);
  const moversTitle = block('moversTitle', below(xyz, 1), [[t('mig.moversTitle')]], ['text'], { bold: [[0, 0]] });
  const cols = moverColumns(metric);
  const n = cut ? cut.shown : m.movers.length;
  const movers = block('movers', below([moversTitle], 0), tableValues(cols, n, (k) => m.movers[k]), cols.map((c) => c.format), { header: true, table: n > 0 ? 'ABCXYZ_Movers' : null });
  const blocks = [title, windows, ...abc, ...xyz, moversTitle, movers];
  if (cut?.more) blocks.push(block('movers-more', below([movers], 0), [[cut.more]], ['text']));

  const column = (key: string) => bodyColumn(movers, cols.findIndex((c) => c.key === key));
  const labelsOf = (b: LayoutBlock) => ({ ...bodyColumn(b, 0), rows: 3 });
  const rules: ConditionalRule[] = [
    ...abc.flatMap((b) => [...colourRules(labelsOf(b), ['A', 'B', 'C']), ...colourRules(headerCells(b, 1, 3), ['A', 'B', 'C'])]),
    ...xyz.flatMap((b) => [...colourRules(labelsOf(b), ['X', 'Y', 'Z']), ...colourRules(headerCells(b, 1, 3), ['X', 'Y', 'Z'])]),
    // the movers' columns, when there are any (a rule below an empty list would lie outside the sheet)
    ...(n > 0 ? [
      ...moves(ABC_ROWS).map(({ text, direction }) => ({ range: column('move'), text, ...PALETTE[direction] })),
      ...(['fall', 'rise'] as const).map((d) => ({ range: column('direction'), text: directionLabel(d), ...PALETTE[d] })),
      ...colourRules(column('previousAbc'), ['A', 'B', 'C']),
      ...colourRules(column('currentAbc'), ['A', 'B', 'C']),
      ...colourRules(column('previousSegment'), SEGMENTS),
      ...colourRules(column('currentSegment'), SEGMENTS),
    ] : []),
  ];
  const extent = extentOf(blocks);
  const widths = Array.from({ length: extent.cols }, (_, j) => cols[j]?.width ?? 12);
  widths[0] = Math.max(widths[0], 34);
  return { role: 'migration', name, blocks, columnWidths: widths, freeze: { rows: 1, cols: 1 }, rules, extent };
}
