// segment(grid, options): the whole computation of SPEC §4 — read, aggregate, apply the rules,
// assemble the result. Each rule lives in rules/, one per file; this file only calls them in order.

import { aggregate, type Aggregates } from '../aggregate';
import { AbcxyzError, t } from '../messages';
import { resolveOptions } from '../options';
import { readGrid, TableReader } from '../read/table-reader';
import { releaseRows } from '../read/release-rows';
import { classifyAbc } from '../rules/abc';
import { actionFor, actionTexts } from '../rules/actions';
import { archetypeBits, financierShares, isDependencyRisk, isFinancier, isProspect } from '../rules/archetypes';
import { topSet } from '../rules/key-accounts';
import { lifecycleStatus, STATUS_CODES } from '../rules/lifecycle';
import { segmentNumber, SEGMENTS } from '../rules/segments';
import { populationGap } from '../rules/typical-gap';
import { isSlipping, valueAtStake } from '../rules/win-back';
import { xyzCode } from '../rules/xyz';
import { CustomerList } from '../result/customer-list';
import { outputOrder } from '../result/output-order';
import { attachCustomers } from '../result/segment-result';
import { runWarnings } from '../result/warnings';
import { buildMatrix } from './matrix';
import type { ReadResult } from '../read/read-types';
import type { SegmentResult, WinBackEntry } from '../result/types';
import type { Grid, PartialOptions, RawCell, SegmentOptions, Status } from '../types';

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

/** The metric the ABC ranks by: profit only when there is a profit column. */
function metricOf(o: SegmentOptions, agg: Aggregates) {
  const profitMissing = o.metric === 'profit' && !agg.profit;
  const name: 'revenue' | 'profit' = profitMissing ? 'revenue' : o.metric;
  return { profitMissing, name, values: name === 'profit' ? agg.profit! : agg.revenue };
}

/** SPEC §4 on a read table. The read rows are left as they are (the caller releases them). */
export function segmentRead(read: ReadResult, o: SegmentOptions): SegmentResult {
  const { data, customers: table } = read;
  const C = table.names.length;
  const long = data.kind === 'long';
  const asOf = long ? data.asOf : null;
  const agg = aggregate(data, C, o);
  const metric = metricOf(o, agg);
  const m = metric.values;
  const abc = classifyAbc({ metric: m, keys: table.keys, rule: o.abcRule, a: o.a, b: o.b });
  const inTopSet = topSet(abc.order, abc.cumShare, m, o.keyShare);
  const profitShares = financierShares(agg.profit ?? agg.revenue);
  const fallbackGap = long ? populationGap(agg.gap) : 0;

  // the customer columns: one pass works out every customer's classes, status, archetypes and action
  const texts = actionTexts();
  const segmentOf = new Int8Array(C).fill(-1);
  const xyzCodes = new Uint8Array(C);
  const xyzNotes = new Uint8Array(C);
  const keyAccounts = new Uint8Array(C);
  const archetypes = new Uint8Array(C);
  const dependency = new Uint8Array(C);
  const qualified = new Uint8Array(C);
  const gaps = new Float64Array(C);
  const fallbacks = new Uint8Array(C);
  const statusCodes = new Uint8Array(C);
  const actions: string[] = new Array(C);
  const slipping = new Uint8Array(C);
  let mostlyZ = 0, xyzCount = 0, tooNew = 0, netLe = 0, keyCount = 0, keyShare = 0;
  const risky: number[] = [];
  for (let c = 0; c < C; c++) {
    const cls = abc.cls[c];
    const eligible = cls !== null;
    const xyz = xyzCode(eligible, agg.periods[c], agg.active[c], agg.cv[c], o);
    if (xyz > 0) { xyzCodes[c] = xyz; xyzCount++; if (xyz === 3) mostlyZ++; } else xyzNotes[c] = -xyz;
    if (xyz === -2) tooNew++;
    segmentOf[c] = segmentNumber(cls, xyz > 0 ? xyz : 0);
    const share = profitShares[c];
    const financier = isFinancier(share, o);
    if (isDependencyRisk(share, o)) { dependency[c] = 1; risky.push(c); }
    const keyAccount = inTopSet[c] === 1 || financier;
    if (keyAccount) { keyAccounts[c] = 1; keyCount++; if (eligible) keyShare += abc.share[c]; }

    let status: Status | null = null;
    let prospect = false;
    if (long) {
      const age = asOf! - agg.first[c];
      const fallback = !(agg.gap[c] === agg.gap[c]);
      const gap = fallback ? fallbackGap : agg.gap[c];
      gaps[c] = gap;
      fallbacks[c] = fallback ? 1 : 0;
      status = lifecycleStatus(asOf! - agg.last[c], gap, age, o);
      statusCodes[c] = STATUS_CODES.indexOf(status);
      prospect = isProspect(m[c], age, table.budget[c], abc.cutoffs.a, o);
    }
    archetypes[c] = archetypeBits(financier, prospect, table.image[c] === 1, table.expert[c] === 1);
    qualified[c] = table.need[c] && table.solvency[c] && table.authority[c] ? 1 : 0;
    if (!eligible) netLe++;
    if (isSlipping(status, keyAccount, cls)) slipping[c] = 1;
    actions[c] = actionFor(texts, status, cls, keyAccount, segmentOf[c], !eligible);
  }

  const order = outputOrder(abc.order, abc.cls, m, table.names);
  const list = new CustomerList({
    order, long, asOf: asOf ?? 0, names: table.names, cls: abc.cls, rank: abc.rank, revenue: agg.revenue, profit: agg.profit, metric: m,
    share: abc.share, cumShare: abc.cumShare, purchases: agg.purchases, periods: agg.periods, active: agg.active, cv: agg.cv,
    xyz: xyzCodes, xyzNote: xyzNotes, segment: segmentOf, keyAccount: keyAccounts, archetypes,
    profitShare: profitShares, dependencyRisk: dependency, qualified, first: agg.first, last: agg.last, gap: gaps,
    gapFallback: fallbacks, status: statusCodes, action: actions,
  });
  const matrix = buildMatrix(abc.order, segmentOf, m, abc.total);
  let classified = 0;
  for (const s of SEGMENTS) classified += matrix[s].customers;

  const warnings = runWarnings({
    readerWarnings: read.warnings, profitMissing: metric.profitMissing, rowsUsed: read.rowsUsed, ranked: abc.order.length,
    netLe, tooNew, xyzCount, mostlyZ, metricName: metric.name, profitBasis: agg.profit !== null,
    risky: risky.slice(0, 5).map((c) => ({ name: table.names[c], share: profitShares[c] })),
  }, o);

  return attachCustomers({
    options: { ...o, metric: metric.name },
    mapping: read.mapping,
    headers: read.headers,
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
      keyAccounts: keyCount,
      keyAccountShare: keyShare,
    },
    matrix,
    customers: [], // replaced by attachCustomers: the rows are made when first read
    customerList: list,
    winBack: winBackList(list, slipping, order),
    skipped: read.skipped,
    warnings,
  }, list);
}

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
    });
  }
  return out;
}
