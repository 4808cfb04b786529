// Class migration between two windows (SPEC §8): the current window of `comparePeriods` periods
// ends with the as-of period, the previous one is the same number of periods just before it. Each
// is segmented on its own with the full §4 rules (segment-core.ts) on its own lines only — each
// customer's series starts at its first period in that window — and the classes are compared:
// the ABC and XYZ transition matrices and the movers.

import { isoFromDay } from '../basics/dates';
import { periodFirstDay, periodLastDay, periodOfDay } from '../basics/periods';
import { t } from '../messages';
import { ABC_ROWS, moverOrder, NO_CLASS, windowAbc, windowXyz, XYZ_ROWS, type AbcOrNone, type SegmentOrNone, type XyzOrNone } from '../rules/class-migration';
import { SEGMENTS } from '../rules/segments';
import { XYZ_CODES } from '../rules/xyz';
import { aggregateGroups } from '../aggregate/aggregate-long';
import { segmentAggregates } from './segment-core';
import type { Grouped } from '../aggregate/group-rows';
import type { CustomerFacts } from '../read/customer-facts';
import type { Migration, MigrationCell, Mover } from '../result/types';
import type { SegmentOptions } from '../types';

export interface Window { from: number; to: number }

/** The two windows of a report with this as-of date. */
export function migrationWindows(asOf: number, o: SegmentOptions): { previous: Window; current: Window } {
  const A = periodOfDay(asOf, o.period, o.fiscalStart);
  const K = o.comparePeriods;
  return {
    previous: { from: periodFirstDay(A - 2 * K + 1, o.period, o.fiscalStart), to: periodLastDay(A - K, o.period, o.fiscalStart) },
    current: { from: periodFirstDay(A - K + 1, o.period, o.fiscalStart), to: asOf },
  };
}

/** Each customer's rows lo[c] … hi[c] − 1 dated within the window (its rows are in day order). */
function windowRows(grouped: Grouped, customers: number, w: Window): { lo: Int32Array; hi: Int32Array; rows: number } {
  const { start, day } = grouped;
  const lo = new Int32Array(customers);
  const hi = new Int32Array(customers);
  let rows = 0;
  const firstAtLeast = (a: number, b: number, d: number) => {
    while (a < b) { const mid = (a + b) >> 1; if (day[mid] < d) a = mid + 1; else b = mid; }
    return a;
  };
  for (let c = 0; c < customers; c++) {
    const a = firstAtLeast(start[c], start[c + 1], w.from);
    const b = firstAtLeast(a, start[c + 1], w.to + 1);
    lo[c] = a;
    hi[c] = b;
    rows += b - a;
  }
  return { lo, hi, rows };
}

interface WindowClasses {
  present: Uint8Array;
  abc: AbcOrNone[];
  xyz: XyzOrNone[];
  segment: SegmentOrNone[];
  metric: ArrayLike<number>;
}

/** The §4 segmentation of one window's lines: each customer's classes and metric there. */
function segmentWindow(grouped: Grouped, facts: CustomerFacts, w: Window, o: SegmentOptions): WindowClasses {
  const C = facts.names.length;
  const { lo, hi } = windowRows(grouped, C, w);
  const agg = aggregateGroups(grouped, lo, hi, C, w.from, w.to, o);
  const { abc: ranked, metric, perCustomer } = segmentAggregates(agg, facts, w.to, o);
  const present = new Uint8Array(C);
  const abc: AbcOrNone[] = new Array(C);
  const xyz: XyzOrNone[] = new Array(C);
  const segment: SegmentOrNone[] = new Array(C);
  for (let c = 0; c < C; c++) {
    present[c] = hi[c] > lo[c] ? 1 : 0;
    abc[c] = windowAbc(ranked.cls[c]);
    xyz[c] = windowXyz(abc[c], XYZ_CODES[perCustomer.xyz[c]]);
    const s = perCustomer.segmentOf[c];
    segment[c] = s >= 0 ? SEGMENTS[s] : NO_CLASS;
  }
  return { present, abc, xyz, segment, metric: metric.values };
}

function emptyMatrix<K extends string>(classes: readonly K[]): Record<K, Record<K, MigrationCell>> {
  const out = {} as Record<K, Record<K, MigrationCell>>;
  for (const p of classes) {
    out[p] = {} as Record<K, MigrationCell>;
    for (const q of classes) out[p][q] = { customers: 0, metricPrevious: 0, metricCurrent: 0 };
  }
  return out;
}

/**
 * Class migration of the regrouped rows of a long table (`minDay` its first used day). Null, with
 * the warning that says why, when the previous window has no lines; null without a word when
 * compare-periods is 0.
 */
export function classMigration(grouped: Grouped, facts: CustomerFacts, minDay: number, asOf: number, o: SegmentOptions): { migration: Migration | null; warning: string | null } {
  const C = facts.names.length;
  if (o.comparePeriods === 0 || C === 0) return { migration: null, warning: null };
  const { previous, current } = migrationWindows(asOf, o);
  if (windowRows(grouped, C, previous).rows === 0) {
    return {
      migration: null,
      warning: t('warn.migrationNoPrevious', {
        count: o.comparePeriods, period: t(`p.period.${o.period}`), currentFrom: isoFromDay(current.from), currentTo: isoFromDay(current.to),
        previousFrom: isoFromDay(previous.from), previousTo: isoFromDay(previous.to), first: isoFromDay(minDay),
      }),
    };
  }
  const before = segmentWindow(grouped, facts, previous, o);
  const now = segmentWindow(grouped, facts, current, o);
  const abc = emptyMatrix(ABC_ROWS);
  const xyz = emptyMatrix(XYZ_ROWS);
  const movers: (Mover & { c: number })[] = [];
  for (let c = 0; c < C; c++) {
    // every customer with a used line in either window
    if (!before.present[c] && !now.present[c]) continue;
    const mp = before.metric[c];
    const mc = now.metric[c];
    for (const [cell, p, q] of [[abc, before.abc[c], now.abc[c]], [xyz, before.xyz[c], now.xyz[c]]] as const) {
      const to = (cell as Record<string, Record<string, MigrationCell>>)[p][q];
      to.customers++;
      to.metricPrevious += mp;
      to.metricCurrent += mc;
    }
    if (before.abc[c] !== now.abc[c]) {
      movers.push({
        c, customer: facts.names[c], previousAbc: before.abc[c], currentAbc: now.abc[c], previousSegment: before.segment[c], currentSegment: now.segment[c],
        metricPrevious: mp, metricCurrent: mc, change: mc - mp,
      });
    }
  }
  const keys = facts.keys;
  movers.sort((p, q) => moverOrder(p.change, keys[p.c], q.change, keys[q.c]));
  return { migration: { previous, current, abc, xyz, movers: movers.map(({ c: _c, ...m }) => m) }, warning: null };
}
