// segment(grid, options): the whole computation of SPEC §4 — read, aggregate, apply the rules,
// assemble the result. Each rule lives in rules/, one per file; this file only calls them in order.

import { aggregate } from '../aggregate';
import { aggregateGroups } from '../aggregate/aggregate-long';
import { groupRows, releaseGrouped, type Grouped } from '../aggregate/group-rows';
import { AbcxyzError, t } from '../messages';
import { resolveOptions } from '../options';
import { readGrid, TableReader } from '../read/table-reader';
import { releaseRows } from '../read/release-rows';
import { SEGMENTS } from '../rules/segments';
import { valueAtStake } from '../rules/win-back';
import { churnModel, type ChurnModel } from './bgnbd';
import { emptyLosses, lossDynamics } from './loss-dynamics';
import { classMigration } from './migration';
import { segmentAggregates } from './segment-core';
import { customerList, type CustomerList } from '../result/customer-list';
import { outputOrder } from '../result/output-order';
import { attachCustomers } from '../result/segment-result';
import { runWarnings } from '../result/warnings';
import { buildMatrix } from './matrix';
import type { ReadResult } from '../read/read-types';
import type { SegmentResult, WinBackEntry } from '../result/types';
import type { Grid, PartialOptions, RawCell, SegmentOptions } from '../types';

export { SEGMENTS };

/** Run the whole segmentation on a grid of raw cells. Throws AbcxyzError for unusable input or options. */
export function segment(grid: Grid, partial: PartialOptions = {}): SegmentResult {
  const o = resolveOptions(partial);
  return analyseAndRelease(readGrid(grid, o), o);
}

/**
 * Rows in one at a time (the first is the header), the result at the end: for tables streamed from
 * a file. A row is not kept by reference: the caller may reuse its array for the next row.
 */
export interface Segmenter {
  add(row: readonly RawCell[] | null | undefined): void;
  finish(): SegmentResult;
}

/**
 * Options are checked at once (AbcxyzError); problems of the table are thrown by finish(). The
 * reader's working memory goes to the next run once finished, so finish() answers the same result
 * again, and a row added afterwards is refused.
 */
export function createSegmenter(partial: PartialOptions = {}, expectedRows = 0): Segmenter {
  const o = resolveOptions(partial);
  const reader = new TableReader(o, expectedRows);
  let done: SegmentResult | null = null;
  return {
    add: (row) => {
      if (done) throw new AbcxyzError(t('err.addAfterFinish'));
      reader.add(row);
    },
    finish: () => done ?? (done = analyseAndRelease(reader.finish(), o)),
  };
}

/** The analysis of a read table, whose row buffers go back to the pool once it is done. */
function analyseAndRelease(read: ReadResult, o: SegmentOptions): SegmentResult {
  try {
    return segmentRead(read, o);
  } finally {
    releaseRows(read);
  }
}

/**
 * Options applied while the rows are read (the window, how cells read, which columns): an
 * analysis of a read ledger cannot change them, so it refuses different ones rather than report
 * options it did not apply.
 */
const READ_TIME: readonly (keyof SegmentOptions)[] = ['from', 'to', 'asOf', 'decimal', 'dateOrder', 'caseSensitive', 'date1904', 'firstRow', 'columns', 'dateObjectDay'];

function checkReadOptions(read: ReadResult, o: SegmentOptions): void {
  const w = read.readWith;
  if (!w) return;
  const differ = READ_TIME.filter((k) => JSON.stringify(w[k] ?? null) !== JSON.stringify(o[k] ?? null) || (k === 'dateObjectDay' && w[k] !== o[k]));
  if (differ.length) throw new AbcxyzError(t('err.readOptions', { names: differ.join(', ') }));
}

/**
 * SPEC §4 on a read table, and for long tables the loss dynamics (§7) and class migration (§8).
 * The read rows are left as they are (the caller releases them); the rows regrouped by customer
 * serve the aggregation, the dynamics and both migration windows, and are handed back here.
 */
export function segmentRead(read: ReadResult, o: SegmentOptions): SegmentResult {
  checkReadOptions(read, o);
  const { data } = read;
  const C = read.customers.names.length;
  const grouped = data.kind === 'long' && C > 0 && data.asOf !== null ? groupRows(data, C) : null;
  try {
    return segmentRows(read, grouped, o);
  } finally {
    if (grouped) releaseGrouped(grouped);
  }
}

function segmentRows(read: ReadResult, grouped: Grouped | null, o: SegmentOptions): SegmentResult {
  const { data, customers: table } = read;
  const C = table.names.length;
  const long = data.kind === 'long';
  const asOf = long ? data.asOf : null;
  const agg = grouped && asOf !== null
    ? aggregateGroups(grouped, grouped.start, grouped.start.subarray(1), C, Math.min(grouped.minDay, asOf), asOf, o)
    : aggregate(data, C, o);
  // BG/NBD (SPEC §11) before the statuses: with churn-model = bgnbd they come from its P(alive)
  const churn: ChurnModel | null = long && asOf !== null ? churnModel(agg, asOf, o) : null;
  const statusFrom = churn?.available && o.churnModel === 'bgnbd' ? churn.pAlive : null;
  const { metric, abc, profitShares, perCustomer } = segmentAggregates(agg, table, long ? asOf : null, o, statusFrom);
  const m = metric.values;
  const { segmentOf, slipping, counts } = perCustomer;
  // how the portfolio changes: only a long table has the dates for it
  const losses = grouped && asOf !== null ? lossDynamics(grouped, table, { cls: abc.cls, segmentOf }, grouped.minDay, asOf, o) : emptyLosses(table.dimension !== null);
  const migration = grouped && asOf !== null ? classMigration(grouped, table, grouped.minDay, asOf, o) : { migration: null, warning: null };

  const order = outputOrder(abc.order, abc.cls, m, table.names);
  const list = customerList({
    order, long, asOf: asOf ?? 0, names: table.names, cls: abc.cls, rank: abc.rank, revenue: agg.revenue, profit: agg.profit, metric: m,
    share: abc.share, cumShare: abc.cumShare, purchases: agg.purchases, periods: agg.periods, active: agg.active, cv: agg.cv,
    xyz: perCustomer.xyz, xyzNote: perCustomer.xyzNote, segment: segmentOf, keyAccount: perCustomer.keyAccount,
    archetypes: perCustomer.archetypes, profitShare: profitShares, dependencyRisk: perCustomer.dependencyRisk,
    qualified: perCustomer.qualified, first: agg.first, last: agg.last, gap: perCustomer.gap,
    gapFallback: perCustomer.gapFallback, status: perCustomer.status, action: perCustomer.action,
    pAlive: churn?.pAlive ?? noValues(C), expectedPurchases: churn?.expected ?? noValues(C),
  });
  const matrix = buildMatrix(abc.order, segmentOf, m, abc.total);
  let classified = 0;
  for (const s of SEGMENTS) classified += matrix[s].customers;

  const warnings = runWarnings({
    readerWarnings: read.warnings, profitMissing: metric.profitMissing, rowsUsed: read.rowsUsed, ranked: abc.order.length,
    netLe: counts.netLe, tooNew: counts.tooNew, xyzCount: counts.xyz, mostlyZ: counts.z, metricName: metric.name, profitBasis: agg.profit !== null,
    risky: perCustomer.risky.slice(0, 5).map((c) => ({ name: table.names[c], share: profitShares[c] })),
    migration: migration.warning,
    bgnbd: churn?.warning,
  }, o);

  return attachCustomers({
    options: { ...o, metric: metric.name },
    mapping: read.mapping,
    headers: read.headers,
    headerRow: read.headerRow,
    layout: data.kind,
    asOf,
    windowStart: long ? data.windowStart : null,
    windowEnd: long ? data.windowEnd : null,
    dateOrderUsed: read.dateOrderUsed,
    periodLabels: long ? [] : data.labels,
    cutoffs: abc.cutoffs,
    totals: {
      rowsRead: read.rowsRead,
      rowsUsed: read.rowsUsed,
      rowsSkipped: read.skipped.length,
      customers: C,
      classified,
      metricTotal: abc.total,
      keyAccounts: counts.keyAccounts,
      keyAccountShare: counts.keyShare,
    },
    matrix,
    customers: [], // replaced by attachCustomers: the rows are made when first read
    customerList: list,
    winBack: winBackList(list, slipping, order),
    dynamics: losses.dynamics,
    lostCustomers: losses.lostCustomers,
    lossesBy: losses.lossesBy,
    migration: migration.migration,
    migrationNote: migration.warning,
    skipped: read.skipped,
    warnings,
    bgnbd: churn?.parameters ?? null,
    bgnbdWarning: churn?.warning ?? null,
  }, list);
}

/** A column of no values (NaN), for input without dates. */
const noValues = (n: number) => new Float64Array(n).fill(NaN);

/** The win-back list, in rank order. */
function winBackList(list: CustomerList, slipping: Uint8Array, order: Int32Array): WinBackEntry[] {
  const out: WinBackEntry[] = [];
  for (let k = 0; k < order.length; k++) {
    if (!slipping[order[k]]) continue;
    const lastPurchase = list.lastPurchase(k)!;
    const typicalGap = list.typicalGap(k);
    const metric = list.metric(k);
    out.push({
      customer: list.customer(k),
      segment: list.segment(k),
      abc: list.abc(k),
      keyAccount: list.keyAccount(k),
      status: list.status(k)!,
      lastPurchase,
      daysSinceLast: list.daysSinceLast(k),
      typicalGap,
      metric,
      valueAtStake: valueAtStake(metric, list.firstPurchase(k)!, lastPurchase, typicalGap),
      action: list.action(k),
      pAlive: list.pAlive(k),
      expectedPurchases: list.expectedPurchases(k),
    });
  }
  return out;
}
