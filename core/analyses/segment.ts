// segment(grid, options): the whole computation of SPEC §4, host-neutral.

import { classifyAbc } from '../rules/abc';
import { CustomerList, SEGMENTS, STATUS_CODES } from '../result/customer-list';
import { DEFAULT_GAP_DAYS, lifecycleStatus, median, medianOfWhole } from '../rules/lifecycle';
import { AbcxyzError, t, type MessageKey } from '../messages';
import { resolveOptions } from '../options';
import { periodTable } from '../basics/periods';
import { readGrid, TableReader } from '../read/table-reader';
import type { CustomerTable } from '../read/customer-table';
import type { LongData, WideData } from '../read/read-types';
import { giveBack, take } from '../basics/scratch';
import { EPS, snapZero } from '../basics/sum';
import { classifyXyz, sparseCv } from '../rules/xyz';
import type {
  AbcClass, CustomerResult, Grid, MatrixCell, PartialOptions, RawCell, Segment, SegmentOptions,
  SegmentResult, Status, WinBackEntry,
} from '../types';

export { SEGMENTS };

/** Per-customer aggregates, before any classification. Struct of arrays for speed. */
interface Aggregates {
  n: number;
  revenue: Float64Array;
  profit: Float64Array | null;
  periods: Int32Array;
  active: Int32Array;
  cv: Float64Array;
  purchases: Int32Array;
  /** Days (long input only): Int32, so the results hold them as small integers, not boxed doubles. */
  first: Int32Array;
  last: Int32Array;
  /** Median gap between purchase days; NaN with fewer than two. */
  gap: Float64Array;
}

function newAggregates(n: number, withProfit: boolean): Aggregates {
  const nan = () => new Float64Array(n).fill(NaN);
  return {
    n,
    revenue: new Float64Array(n),
    profit: withProfit ? new Float64Array(n) : null,
    periods: new Int32Array(n),
    active: new Int32Array(n),
    cv: nan(),
    purchases: new Int32Array(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    gap: nan(),
  };
}

/** The long rows regrouped: each customer's rows contiguous (from start[c]), in day order. */
interface Grouped {
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  profit: Float64Array | null;
  minDay: number;
}

/**
 * Copy the rows into customer order with a stable counting sort, so the aggregation reads them
 * sequentially. Stable on rows in day order gives day order within a customer; most exports are
 * sorted by date already, else a counting sort by day comes first.
 */
function groupRows(d: LongData, customers: number): Grouped {
  const { n, cust, day, amount, profit, minDay, maxDay } = d;
  let byDay: Int32Array | null = null;
  if (!d.inDayOrder) {
    const span = maxDay - minDay + 1;
    const next = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) next[day[i] - minDay + 1]++;
    for (let k = 1; k <= span; k++) next[k] += next[k - 1];
    byDay = take('grouped.byDay', Int32Array, n);
    for (let i = 0; i < n; i++) byDay[next[day[i] - minDay]++] = i;
  }
  const start = take('grouped.start', Int32Array, customers + 1).fill(0);
  for (let i = 0; i < n; i++) start[cust[i] + 1]++;
  for (let c = 1; c <= customers; c++) start[c] += start[c - 1];
  const fill = take('grouped.fill', Int32Array, customers);
  fill.set(start.subarray(0, customers));
  const gDay = take('grouped.day', Int32Array, n);
  const gAmount = take('grouped.amount', Float64Array, n);
  const gProfit = profit ? take('grouped.profit', Float64Array, n) : null;
  for (let k = 0; k < n; k++) {
    const i = byDay ? byDay[k] : k;
    const s = fill[cust[i]]++;
    gDay[s] = day[i];
    gAmount[s] = amount[i];
    if (gProfit) gProfit[s] = profit![i];
  }
  // the rows as read are not needed any more
  giveBack('grouped.byDay', byDay);
  giveBack('grouped.fill', fill);
  giveBack('rows.cust', cust);
  giveBack('rows.day', day);
  giveBack('rows.amount', amount);
  giveBack('rows.profit', profit);
  return { start, day: gDay, amount: gAmount, profit: gProfit, minDay: n ? minDay : 0 };
}

function aggregateLong(d: LongData, customers: number, o: SegmentOptions): Aggregates {
  const agg = newAggregates(customers, d.profit !== null);
  if (customers === 0 || d.asOf === null) return agg;
  const asOfDay = d.asOf;
  const { start, day, amount, profit, minDay } = groupRows(d, customers);
  const base = Math.min(minDay, asOfDay);
  const per = periodTable(base, asOfDay, o.period, o.fiscalStart);
  const asOfP = per[asOfDay - base];
  // scratch space for one customer's period sums and purchase-day gaps
  let sums = new Float64Array(64);
  let gaps = new Float64Array(64);
  const gapCounts = new Int32Array(1024);
  for (let c = 0; c < customers; c++) {
    const s0 = start[c];
    const s1 = start[c + 1];
    if (s1 - s0 > sums.length) { sums = new Float64Array(s1 - s0); gaps = new Float64Array(s1 - s0); }
    let rs = 0, rc = 0, rmax = 0; // revenue (Neumaier)
    let ps = 0, pc = 0, pmax = 0; // profit
    let count = 0; // periods with lines
    let active = 0;
    let curP = -2147483648;
    let ss = 0, sc = 0, smax = 0, sPos = false;
    let purchases = 0, firstBuy = 0, lastBuy = -2147483648, nGaps = 0;
    const firstP = per[day[s0] - base];
    for (let k = s0; k < s1; k++) {
      const x = amount[k];
      const dd = day[k];
      const p = per[dd - base];
      if (p !== curP) {
        if (curP !== -2147483648) { sums[count++] = snapZero(ss + sc, smax); if (sPos) active++; }
        curP = p; ss = 0; sc = 0; smax = 0; sPos = false;
      }
      let t = ss + x;
      sc += Math.abs(ss) >= Math.abs(x) ? ss - t + x : x - t + ss;
      ss = t;
      t = rs + x;
      rc += Math.abs(rs) >= Math.abs(x) ? rs - t + x : x - t + rs;
      rs = t;
      const ax = Math.abs(x);
      if (ax > smax) smax = ax;
      if (ax > rmax) rmax = ax;
      if (profit) {
        const y = profit[k];
        t = ps + y;
        pc += Math.abs(ps) >= Math.abs(y) ? ps - t + y : y - t + ps;
        ps = t;
        if (Math.abs(y) > pmax) pmax = Math.abs(y);
      }
      if (x > 0) {
        sPos = true;
        if (dd !== lastBuy) {
          if (purchases > 0) gaps[nGaps++] = dd - lastBuy;
          else firstBuy = dd;
          purchases++;
          lastBuy = dd;
        }
      }
    }
    sums[count++] = snapZero(ss + sc, smax);
    if (sPos) active++;
    const revenue = snapZero(rs + rc, rmax);
    const length = asOfP - firstP + 1;
    agg.revenue[c] = revenue;
    if (agg.profit) agg.profit[c] = snapZero(ps + pc, pmax);
    agg.periods[c] = length;
    agg.active[c] = active;
    agg.cv[c] = sparseCv(sums, count, length, revenue, o.sd) ?? NaN;
    agg.purchases[c] = purchases;
    if (purchases === 0) {
      // only returns or zero lines: their dates are all we know of the relationship
      firstBuy = day[s0];
      lastBuy = day[s1 - 1];
    }
    agg.first[c] = firstBuy;
    agg.last[c] = lastBuy;
    agg.gap[c] = nGaps === 1 ? gaps[0] : nGaps > 0 ? medianOfWhole(gaps, nGaps, gapCounts) : NaN;
  }
  giveBack('grouped.start', start);
  giveBack('grouped.day', day);
  giveBack('grouped.amount', amount);
  giveBack('grouped.profit', profit);
  return agg;
}

function aggregateWide(d: WideData, customers: number, o: SegmentOptions): Aggregates {
  const agg = newAggregates(customers, d.profit !== null);
  const P = d.periods;
  const sums = new Float64Array(P);
  for (let c = 0; c < customers; c++) {
    let firstP = -1;
    let total = 0, comp = 0, big = 0, active = 0;
    for (let k = 0; k < P; k++) {
      const x = d.values[c * P + k];
      if (firstP < 0 && x !== 0) firstP = k;
      if (x > 0) active++;
      const t = total + x;
      comp += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
      total = t;
      if (Math.abs(x) > big) big = Math.abs(x);
    }
    if (firstP < 0) firstP = 0;
    const length = P - firstP;
    for (let k = firstP; k < P; k++) sums[k - firstP] = d.values[c * P + k];
    const revenue = snapZero(total + comp, big);
    agg.revenue[c] = revenue;
    if (agg.profit && d.profit) agg.profit[c] = d.profit[c];
    agg.periods[c] = length;
    agg.active[c] = active;
    agg.cv[c] = sparseCv(sums, length, length, revenue, o.sd) ?? NaN;
    agg.purchases[c] = active;
  }
  return agg;
}

/** The texts of the suggested actions, looked up once per run rather than once per customer. */
function actionTexts() {
  return {
    lostKey: t('action.lostKey'), lostB: t('action.lostB'), lostC: t('action.lostC'),
    riskKey: t('action.riskKey'), riskB: t('action.riskB'), riskC: t('action.riskC'),
    net: t('action.net'), none: t('action.none'),
    /** By segment number (SEGMENTS order). */
    strategy: SEGMENTS.map((seg) => t(STRATEGY_KEY[seg])),
  };
}

/** Suggested action of a customer, from status, class, key-account flag and segment number (-1: none). */
function actionFor(texts: ReturnType<typeof actionTexts>, status: Status | null, abc: AbcClass | null, key: boolean, segment: number, netLeZero: boolean): string {
  const important = key || abc === 'A';
  if (status === 'Lost') return important ? texts.lostKey : abc === 'B' ? texts.lostB : texts.lostC;
  if (status === 'At risk') return important ? texts.riskKey : abc === 'B' ? texts.riskB : texts.riskC;
  if (netLeZero) return texts.net;
  return segment >= 0 ? texts.strategy[segment] : texts.none;
}

/** Message keys built once: a key built per customer would be a new string to hash every time. */
const STRATEGY_KEY = Object.fromEntries(SEGMENTS.map((s) => [s, `strategy.${s}`])) as Record<Segment, MessageKey>;

/** Run the whole segmentation on a grid of raw cells. Throws AbcxyzError for unusable input or options. */
export function segment(grid: Grid, partial: PartialOptions = {}): SegmentResult {
  const o = resolveOptions(partial);
  const read = readGrid(grid, o);
  return computeSegments(read.data, read.customers, o, read);
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
    finish: () => {
      if (done) return done;
      const read = reader.finish();
      return (done = computeSegments(read.data, read.customers, o, read));
    },
  };
}

function computeSegments(
  data: LongData | WideData, table: CustomerTable, o: SegmentOptions,
  read: Pick<ReturnType<typeof readGrid>, 'mapping' | 'headers' | 'rowsRead' | 'rowsUsed' | 'skipped' | 'warnings' | 'dateOrderUsed'>,
): SegmentResult {
  const C = table.names.length;
  const long = data.kind === 'long';
  const agg = long ? aggregateLong(data, C, o) : aggregateWide(data, C, o);
  const profitMissing = o.metric === 'profit' && !agg.profit;
  const metricName = profitMissing ? 'revenue' : o.metric;
  const metric = metricName === 'profit' ? agg.profit! : agg.revenue;

  // ABC
  const abc = classifyAbc({ metric, keys: table.keys, rule: o.abcRule, a: o.a, b: o.b });

  // financier share: profit when there is a profit column, else revenue
  const basis = agg.profit ?? agg.revenue;
  let basisTotal = 0;
  for (let c = 0; c < C; c++) if (basis[c] > 0) basisTotal += basis[c];

  // key accounts: smallest top set reaching keyShare (a tie group is never split), plus financiers
  const key = new Uint8Array(C);
  for (let k = 0; k < abc.order.length; k++) {
    const i = abc.order[k];
    const prev = k > 0 ? abc.order[k - 1] : -1;
    const reached = prev >= 0 && abc.cumShare[prev] >= o.keyShare - EPS;
    if (reached && metric[prev] !== metric[i]) break;
    key[i] = 1;
  }

  // typical-gap fallback: the median typical gap of customers with two or more purchase days
  const gapsKnown: number[] = [];
  if (long) for (let c = 0; c < C; c++) if (agg.gap[c] === agg.gap[c]) gapsKnown.push(agg.gap[c]);
  const fallbackGap = median(gapsKnown) ?? DEFAULT_GAP_DAYS;
  const asOf = long ? data.asOf : null;

  // the customer columns: one pass works out every customer's classes, status, archetypes and action
  const texts = actionTexts();
  const segmentOf = new Int8Array(C).fill(-1);
  const xyzCode = new Uint8Array(C);
  const xyzNoteCode = new Uint8Array(C);
  const keyAccounts = new Uint8Array(C);
  const archetypeBits = new Uint8Array(C);
  const profitShares = new Float64Array(C);
  const dependency = new Uint8Array(C);
  const qualified = new Uint8Array(C);
  const gaps = new Float64Array(C);
  const fallbacks = new Uint8Array(C);
  const statusCode = new Uint8Array(C);
  const actions: string[] = new Array(C);
  /** Customers for the win-back list: lost or at risk, and a key account or an A or B customer. */
  const slipping = new Uint8Array(C);
  let mostlyZ = 0, xyzCount = 0, tooNew = 0, netLe = 0;
  let keyCount = 0, keyShare = 0;
  const risky: number[] = [];
  for (let c = 0; c < C; c++) {
    const cls = abc.cls[c];
    const eligible = cls !== null;
    const periods = agg.periods[c];
    const cv = agg.cv[c];
    let xyz = 0; // XYZ_CODES
    if (!eligible) xyzNoteCode[c] = 1; // net ≤ 0: not classified at all (SPEC §4), so no XYZ letter either
    else if (periods < o.minPeriods) { xyzNoteCode[c] = 2; tooNew++; }
    else if (o.xyzMethod === 'cv') {
      if (cv !== cv) xyzNoteCode[c] = 3; // mean ≤ 0
      else xyz = classifyXyz('cv', cv, o.x, o.y).charCodeAt(0) - 87;
    } else xyz = classifyXyz('frequency', periods > 0 ? agg.active[c] / periods : 0, o.x, o.y).charCodeAt(0) - 87;
    xyzCode[c] = xyz;
    if (xyz) { xyzCount++; if (xyz === 3) mostlyZ++; }
    // SEGMENTS order: A/B/C × X/Y/Z
    if (cls && xyz) segmentOf[c] = (cls.charCodeAt(0) - 65) * 3 + xyz - 1;
    const profitShare = basis[c] > 0 && basisTotal > 0 ? basis[c] / basisTotal : NaN;
    profitShares[c] = profitShare;
    const financier = profitShare >= o.financierShare - EPS;
    if (profitShare >= o.dependencyShare - EPS) { dependency[c] = 1; risky.push(c); }
    const keyAccount = key[c] === 1 || financier;
    if (keyAccount) { keyAccounts[c] = 1; keyCount++; if (eligible) keyShare += abc.share[c]; }

    let status: Status | null = null;
    let prospect = false;
    if (long) {
      const first = agg.first[c];
      const recency = asOf! - agg.last[c];
      const fallback = !(agg.gap[c] === agg.gap[c]);
      const gap = fallback ? fallbackGap : agg.gap[c];
      gaps[c] = gap;
      fallbacks[c] = fallback ? 1 : 0;
      status = lifecycleStatus(recency, gap, asOf! - first, o);
      statusCode[c] = STATUS_CODES.indexOf(status);
      if (abc.cutoffs.a !== null && asOf! - first <= o.newDays) {
        // annualised since the first purchase, with a 30-day floor so a one-week customer is not multiplied by 52
        const annual = metric[c] * 365 / Math.max(asOf! - first + 1, 30);
        const budget = table.budget[c];
        prospect = (budget === budget ? budget : annual) >= abc.cutoffs.a;
      }
    }
    // ARCHETYPE_BITS order
    archetypeBits[c] = (financier ? 1 : 0) | (prospect ? 2 : 0) | (table.image[c] ? 4 : 0) | (table.expert[c] ? 8 : 0);
    qualified[c] = table.need[c] && table.solvency[c] && table.authority[c] ? 1 : 0;
    if (!eligible) netLe++;
    if ((status === 'Lost' || status === 'At risk') && (keyAccount || cls === 'A' || cls === 'B')) slipping[c] = 1;
    actions[c] = actionFor(texts, status, cls, keyAccount, segmentOf[c], !eligible);
  }

  // rank order; customers that could not be ranked follow, by metric descending then name
  const rankedCount = abc.order.length;
  const unranked: number[] = [];
  for (let c = 0; c < C; c++) if (abc.cls[c] === null) unranked.push(c);
  const names = table.names;
  // the comparator answers -1/0/1: a difference of metrics would be a new number object per comparison
  unranked.sort((p, q) => (metric[q] > metric[p] ? 1 : metric[q] < metric[p] ? -1 : names[p] < names[q] ? -1 : names[p] > names[q] ? 1 : 0));
  const order = new Int32Array(C);
  for (let k = 0; k < rankedCount; k++) order[k] = abc.order[k];
  for (let k = 0; k < unranked.length; k++) order[rankedCount + k] = unranked[k];
  const list = new CustomerList({
    order, long, asOf: asOf ?? 0, names, cls: abc.cls, rank: abc.rank, revenue: agg.revenue, profit: agg.profit, metric,
    share: abc.share, cumShare: abc.cumShare, purchases: agg.purchases, periods: agg.periods, active: agg.active, cv: agg.cv,
    xyz: xyzCode, xyzNote: xyzNoteCode, segment: segmentOf, keyAccount: keyAccounts, archetypes: archetypeBits,
    profitShare: profitShares, dependencyRisk: dependency, qualified, first: agg.first, last: agg.last, gap: gaps,
    gapFallback: fallbacks, status: statusCode, action: actions,
  });

  const matrix = buildMatrix(abc.order, segmentOf, metric, abc.total);
  let classified = 0;
  for (const s of SEGMENTS) classified += matrix[s].customers;

  const winBack: WinBackEntry[] = [];
  for (let k = 0; k < C; k++) {
    if (!slipping[order[k]]) continue;
    const lastPurchase = list.lastPurchase(k)!;
    const typicalGap = list.typicalGap(k);
    const m = list.metric(k);
    winBack.push({
      customer: list.customer(k),
      segment: list.segment(k),
      abc: list.abc(k),
      keyAccount: list.keyAccount(k),
      status: list.status(k)!,
      lastPurchase,
      daysSinceLast: list.daysSinceLast(k),
      typicalGap,
      metric: m,
      // yearly value of the relationship while it lasted (at least one year)
      valueAtStake: m * 365 / Math.max(lastPurchase - list.firstPurchase(k)! + (typicalGap ?? 0), 365),
      action: list.action(k),
    });
  }

  // one literal list, no push: pushing the first text onto a list that started empty changes its
  // kind of elements, and that sent the whole function back to the interpreter run after run
  const metricText = t(`metric.${metricName}`);
  const warnings = [
    ...read.warnings,
    profitMissing ? t('warn.profitMissing') : null,
    read.rowsUsed === 0 ? t('warn.noRows')
      : abc.order.length === 0 ? t('warn.noPositive', { metric: metricText })
        : netLe > 0 ? t('warn.negativeRemoved', { count: netLe, metric: metricText }) : null,
    tooNew > 0 ? t('warn.tooNew', { count: tooNew, min: o.minPeriods }) : null,
    xyzCount > 0 && mostlyZ / xyzCount > 0.8
      ? t('warn.mostlyZ', { share: `${Math.round((mostlyZ / xyzCount) * 100)} %`, other: o.xyzMethod === 'cv' ? 'frequency' : 'cv' }) : null,
    ...risky.slice(0, 5).map((c) => t('warn.dependency', { customer: names[c], share: `${(profitShares[c] * 100).toFixed(1)} %`, metric: t(agg.profit ? 'metric.profit' : 'metric.revenue') })),
  ].filter((w): w is string => w !== null);

  const result: SegmentResult = {
    options: { ...o, metric: metricName },
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
    customers: [], // replaced below by the rows, made when first read
    customerList: list,
    winBack,
    skipped: read.skipped,
    warnings,
  };
  // The rows exist once asked for: the report, the functions and the command line read the list.
  // An own, enumerable property, so JSON, spreads and comparisons see the rows as before; the list
  // itself is not enumerable (typed arrays are no JSON). Customers assigned anew replace the list:
  // readers then read the new objects (customersOf).
  let rows: CustomerResult[] = [];
  let made = false;
  let columns: CustomerList | null = list;
  Object.defineProperty(result, 'customers', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) { rows = list.rows(); made = true; }
      return rows;
    },
    set: (v: CustomerResult[]) => { rows = v; made = true; columns = null; },
  });
  Object.defineProperty(result, 'customerList', { enumerable: false, configurable: true, get: () => columns });
  return result;
}

/**
 * The nine cells. Sums run in rank order (as the customer table lists them); segments are
 * looked up by number, not by name, because a lookup by a computed name is slow in a long loop.
 */
function buildMatrix(order: readonly number[], segmentOf: Int8Array, metric: ArrayLike<number>, total: number): Record<Segment, MatrixCell> {
  const counts = new Int32Array(9);
  const sums = new Float64Array(9);
  let classified = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const s = segmentOf[i];
    if (s < 0) continue;
    classified++;
    counts[s]++;
    sums[s] += metric[i];
  }
  const out = {} as Record<Segment, MatrixCell>;
  SEGMENTS.forEach((seg, s) => {
    out[seg] = {
      customers: counts[s],
      customerShare: classified ? counts[s] / classified : 0,
      metric: sums[s],
      metricShare: total > 0 ? sums[s] / total : 0,
      strategy: t(STRATEGY_KEY[seg]),
    };
  });
  return out;
}
