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

/** Each customer's classes in a window as small numbers: ABC and XYZ as their place in ABC_ROWS / XYZ_ROWS ("—" last); SEGMENTS index or −1. */
interface WindowClasses {
  present: Uint8Array;
  abc: Uint8Array;
  xyz: Uint8Array;
  segment: Int8Array;
  metric: ArrayLike<number>;
}
const ABC_CODE: Record<AbcOrNone, number> = { A: 0, B: 1, C: 2, [NO_CLASS]: 3 };
const XYZ_CODE: Record<XyzOrNone, number> = { X: 0, Y: 1, Z: 2, [NO_CLASS]: 3 };

/** The §4 segmentation of one window's lines: each customer's classes and metric there. */
function segmentWindow(grouped: Grouped, facts: CustomerFacts, w: Window, rows: { lo: Int32Array; hi: Int32Array }, o: SegmentOptions): WindowClasses {
  const C = facts.names.length;
  const { lo, hi } = rows;
  const agg = aggregateGroups(grouped, lo, hi, C, w.from, w.to, o);
  const { abc: ranked, metric, perCustomer } = segmentAggregates(agg, facts, w.to, o);
  const present = new Uint8Array(C);
  const abc = new Uint8Array(C);
  const xyz = new Uint8Array(C);
  for (let c = 0; c < C; c++) {
    present[c] = hi[c] > lo[c] ? 1 : 0;
    const a = windowAbc(ranked.cls[c]);
    abc[c] = ABC_CODE[a];
    xyz[c] = XYZ_CODE[windowXyz(a, XYZ_CODES[perCustomer.xyz[c]])];
  }
  return { present, abc, xyz, segment: perCustomer.segmentOf, metric: metric.values };
}

/** A transition matrix counted into flat arrays (row × 4 + column), then as the result's objects. */
class Transitions {
  readonly customers = new Int32Array(16);
  readonly previous = new Float64Array(16);
  readonly current = new Float64Array(16);
  add(from: number, to: number, mp: number, mc: number): void {
    const k = from * 4 + to;
    this.customers[k]++;
    this.previous[k] += mp;
    this.current[k] += mc;
  }
  cells<K extends string>(classes: readonly K[]): Record<K, Record<K, MigrationCell>> {
    const out = {} as Record<K, Record<K, MigrationCell>>;
    classes.forEach((p, i) => {
      out[p] = {} as Record<K, MigrationCell>;
      classes.forEach((q, j) => { out[p][q] = { customers: this.customers[i * 4 + j], metricPrevious: this.previous[i * 4 + j], metricCurrent: this.current[i * 4 + j] }; });
    });
    return out;
  }
}

const segmentName = (s: number): SegmentOrNone => (s >= 0 ? SEGMENTS[s] : NO_CLASS);

/**
 * Class migration of the regrouped rows of a long table (`minDay` its first used day). Null, with
 * the warning that says why, when the previous window has no lines; null without a word when
 * compare-periods is 0.
 */
export function classMigration(grouped: Grouped, facts: CustomerFacts, minDay: number, asOf: number, o: SegmentOptions): { migration: Migration | null; warning: string | null } {
  const C = facts.names.length;
  if (o.comparePeriods === 0 || C === 0) return { migration: null, warning: null };
  const { previous, current } = migrationWindows(asOf, o);
  const previousRows = windowRows(grouped, C, previous);
  if (previousRows.rows === 0) {
    return {
      migration: null,
      warning: t('warn.migrationNoPrevious', {
        count: o.comparePeriods, period: t(`p.period.${o.period}`), currentFrom: isoFromDay(current.from), currentTo: isoFromDay(current.to),
        previousFrom: isoFromDay(previous.from), previousTo: isoFromDay(previous.to), first: isoFromDay(minDay),
      }),
    };
  }
  const before = segmentWindow(grouped, facts, previous, previousRows, o);
  const now = segmentWindow(grouped, facts, current, windowRows(grouped, C, current), o);
  const abc = new Transitions();
  const xyz = new Transitions();
  const changed = transitions(before, now, abc, xyz);
  const keys = facts.keys;
  const change = new Float64Array(C);
  for (const c of changed) change[c] = now.metric[c] - before.metric[c];
  changed.sort((p, q) => moverOrder(change[p], keys[p], change[q], keys[q]));
  const movers: Mover[] = changed.map((c) => ({
    customer: facts.names[c],
    previousAbc: ABC_ROWS[before.abc[c]],
    currentAbc: ABC_ROWS[now.abc[c]],
    previousSegment: segmentName(before.segment[c]),
    currentSegment: segmentName(now.segment[c]),
    metricPrevious: before.metric[c],
    metricCurrent: now.metric[c],
    change: change[c],
  }));
  return { migration: { previous, current, abc: abc.cells(ABC_ROWS), xyz: xyz.cells(XYZ_ROWS), movers }, warning: null };
}

/**
 * Counts every customer with a used line in either window into the matrices; the customers whose
 * ABC class differs (the movers), by index. A loop of its own (see period-status.ts).
 */
function transitions(before: WindowClasses, now: WindowClasses, abc: Transitions, xyz: Transitions): number[] {
  const changed: number[] = [];
  for (let c = 0; c < before.present.length; c++) {
    if (!before.present[c] && !now.present[c]) continue;
    const mp = before.metric[c];
    const mc = now.metric[c];
    abc.add(before.abc[c], now.abc[c], mp, mc);
    xyz.add(before.xyz[c], now.xyz[c], mp, mc);
    if (before.abc[c] !== now.abc[c]) changed.push(c);
  }
  return changed;
}
