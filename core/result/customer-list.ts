// The customers of a result, held by column. Reports, custom functions and the command line read
// them cell by cell; a customer as an object (CustomerResult) is made only when asked for. At 1e6
// rows, making all 70,000 objects (and collecting them later) is a fifth of a run, and the
// product's own surfaces never need them.

import type { AbcClass, Archetype, CustomerResult, Segment, Status, XyzClass } from '../types';

export const SEGMENTS: Segment[] = ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'];

/** Codes of the small enumerations, as stored in the columns (0: none). */
export const XYZ_CODES: readonly (XyzClass | null)[] = [null, 'X', 'Y', 'Z'];
export const XYZ_NOTES: readonly (string | null)[] = [null, 'net ≤ 0', 'too new', 'mean ≤ 0'];
export const STATUS_CODES: readonly (Status | null)[] = [null, 'Active', 'New', 'At risk', 'Lost'];
/** Archetype bits, in the order a customer's list names them. */
export const ARCHETYPE_BITS: readonly Archetype[] = ['Financier', 'Prospect', 'Image builder', 'Expert'];

/**
 * Every list of archetypes, by its bits: shared and frozen, so a customer's list costs nothing to
 * hand out (and no caller can change it for all).
 */
const ARCHETYPE_LISTS: readonly (readonly Archetype[])[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze(ARCHETYPE_BITS.filter((_, k) => bits & (1 << k))));

/** The columns, by customer index (the order customers were first met), and the output order. */
export interface CustomerColumns {
  /** Customer index at each position: rank order, then the customers that cannot be ranked. */
  order: Int32Array;
  /** Long input (dates known): the day columns and the status mean something. */
  long: boolean;
  asOf: number;
  names: readonly string[];
  cls: readonly (AbcClass | null)[];
  rank: Int32Array;
  revenue: Float64Array;
  profit: Float64Array | null;
  metric: Float64Array;
  share: Float64Array;
  cumShare: Float64Array;
  purchases: Int32Array;
  periods: Int32Array;
  active: Int32Array;
  /** NaN: none. */
  cv: Float64Array;
  xyz: Uint8Array;
  xyzNote: Uint8Array;
  /** Segment number in SEGMENTS order, -1: none. */
  segment: Int8Array;
  keyAccount: Uint8Array;
  archetypes: Uint8Array;
  /** NaN: none. */
  profitShare: Float64Array;
  dependencyRisk: Uint8Array;
  qualified: Uint8Array;
  first: Int32Array;
  last: Int32Array;
  gap: Float64Array;
  gapFallback: Uint8Array;
  status: Uint8Array;
  action: readonly string[];
}

const orNull = (x: number): number | null => (x === x ? x : null);

/** The customers read by position k (rank order, then the unranked): what reports are made from. */
export interface CustomerReader {
  readonly length: number;
  /** A profit column was read. */
  readonly hasProfit: boolean;
  rank(k: number): number | null;
  customer(k: number): string;
  revenue(k: number): number;
  profit(k: number): number | null;
  metric(k: number): number;
  share(k: number): number | null;
  cumShare(k: number): number | null;
  abc(k: number): AbcClass | null;
  abcNote(k: number): string | null;
  purchases(k: number): number;
  periods(k: number): number;
  activePeriods(k: number): number;
  frequency(k: number): number | null;
  cv(k: number): number | null;
  xyz(k: number): XyzClass | null;
  xyzNote(k: number): string | null;
  segment(k: number): Segment | null;
  keyAccount(k: number): boolean;
  archetypes(k: number): readonly Archetype[];
  profitShare(k: number): number | null;
  dependencyRisk(k: number): boolean;
  qualified(k: number): boolean;
  firstPurchase(k: number): number | null;
  lastPurchase(k: number): number | null;
  daysSinceLast(k: number): number | null;
  typicalGap(k: number): number | null;
  gapFallback(k: number): boolean;
  lapse(k: number): number | null;
  status(k: number): Status | null;
  action(k: number): string;
}

/** Positions of the first `limit` key accounts (the list is in rank order, so the biggest). */
export function firstKeyAccounts(list: CustomerReader, limit: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < list.length && out.length < limit; k++) if (list.keyAccount(k)) out.push(k);
  return out;
}

/**
 * The reader of a result's customers: its columns, or, for a copy of a result (a spread, a
 * structured clone, a JSON round trip, which do not carry the columns) or one whose `customers`
 * were replaced, the customer objects themselves.
 */
export function customersOf(result: { customers: readonly CustomerResult[]; customerList?: CustomerList | null }): CustomerReader {
  const list = result.customerList;
  return list instanceof CustomerList ? list : new RowReader(result.customers);
}

/** Customers read from their objects. */
class RowReader implements CustomerReader {
  readonly length: number;
  readonly hasProfit: boolean;
  constructor(private readonly r: readonly CustomerResult[]) {
    this.length = r.length;
    this.hasProfit = r.some((c) => c.profit !== null);
  }
  rank(k: number) { return this.r[k].rank; }
  customer(k: number) { return this.r[k].customer; }
  revenue(k: number) { return this.r[k].revenue; }
  profit(k: number) { return this.r[k].profit; }
  metric(k: number) { return this.r[k].metric; }
  share(k: number) { return this.r[k].share; }
  cumShare(k: number) { return this.r[k].cumShare; }
  abc(k: number) { return this.r[k].abc; }
  abcNote(k: number) { return this.r[k].abcNote; }
  purchases(k: number) { return this.r[k].purchases; }
  periods(k: number) { return this.r[k].periods; }
  activePeriods(k: number) { return this.r[k].activePeriods; }
  frequency(k: number) { return this.r[k].frequency; }
  cv(k: number) { return this.r[k].cv; }
  xyz(k: number) { return this.r[k].xyz; }
  xyzNote(k: number) { return this.r[k].xyzNote; }
  segment(k: number) { return this.r[k].segment; }
  keyAccount(k: number) { return this.r[k].keyAccount; }
  archetypes(k: number) { return this.r[k].archetypes; }
  profitShare(k: number) { return this.r[k].profitShare; }
  dependencyRisk(k: number) { return this.r[k].dependencyRisk; }
  qualified(k: number) { return this.r[k].qualified; }
  firstPurchase(k: number) { return this.r[k].firstPurchase; }
  lastPurchase(k: number) { return this.r[k].lastPurchase; }
  daysSinceLast(k: number) { return this.r[k].daysSinceLast; }
  typicalGap(k: number) { return this.r[k].typicalGap; }
  gapFallback(k: number) { return this.r[k].gapFallback; }
  lapse(k: number) { return this.r[k].lapse; }
  status(k: number) { return this.r[k].status; }
  action(k: number) { return this.r[k].action; }
}

/**
 * The customers in output order (rank order, then the unranked), read by position k. Each reader
 * gives what the same field of `row(k)` holds.
 */
export class CustomerList implements CustomerReader {
  readonly length: number;
  /** A profit column was read. */
  readonly hasProfit: boolean;

  constructor(private readonly c: CustomerColumns) {
    this.length = c.order.length;
    this.hasProfit = c.profit !== null && this.length > 0;
  }

  rank(k: number): number | null { const i = this.c.order[k]; return this.c.cls[i] !== null ? this.c.rank[i] : null; }
  customer(k: number): string { return this.c.names[this.c.order[k]]; }
  revenue(k: number): number { return this.c.revenue[this.c.order[k]]; }
  profit(k: number): number | null { return this.c.profit ? this.c.profit[this.c.order[k]] : null; }
  metric(k: number): number { return this.c.metric[this.c.order[k]]; }
  share(k: number): number | null { const i = this.c.order[k]; return this.c.cls[i] !== null ? this.c.share[i] : null; }
  cumShare(k: number): number | null { const i = this.c.order[k]; return this.c.cls[i] !== null ? this.c.cumShare[i] : null; }
  abc(k: number): AbcClass | null { return this.c.cls[this.c.order[k]]; }
  abcNote(k: number): string | null { return this.c.cls[this.c.order[k]] !== null ? null : 'net ≤ 0'; }
  purchases(k: number): number { return this.c.purchases[this.c.order[k]]; }
  periods(k: number): number { return this.c.periods[this.c.order[k]]; }
  activePeriods(k: number): number { return this.c.active[this.c.order[k]]; }
  frequency(k: number): number | null { const i = this.c.order[k]; const p = this.c.periods[i]; return p > 0 ? this.c.active[i] / p : null; }
  cv(k: number): number | null { return orNull(this.c.cv[this.c.order[k]]); }
  xyz(k: number): XyzClass | null { return XYZ_CODES[this.c.xyz[this.c.order[k]]]; }
  xyzNote(k: number): string | null { return XYZ_NOTES[this.c.xyzNote[this.c.order[k]]]; }
  segment(k: number): Segment | null { const s = this.c.segment[this.c.order[k]]; return s >= 0 ? SEGMENTS[s] : null; }
  keyAccount(k: number): boolean { return this.c.keyAccount[this.c.order[k]] === 1; }
  archetypes(k: number): readonly Archetype[] { return ARCHETYPE_LISTS[this.c.archetypes[this.c.order[k]]]; }
  profitShare(k: number): number | null { return orNull(this.c.profitShare[this.c.order[k]]); }
  dependencyRisk(k: number): boolean { return this.c.dependencyRisk[this.c.order[k]] === 1; }
  qualified(k: number): boolean { return this.c.qualified[this.c.order[k]] === 1; }
  firstPurchase(k: number): number | null { return this.c.long ? this.c.first[this.c.order[k]] : null; }
  lastPurchase(k: number): number | null { return this.c.long ? this.c.last[this.c.order[k]] : null; }
  daysSinceLast(k: number): number | null { return this.c.long ? this.c.asOf - this.c.last[this.c.order[k]] : null; }
  typicalGap(k: number): number | null { return this.c.long ? this.c.gap[this.c.order[k]] : null; }
  gapFallback(k: number): boolean { return this.c.gapFallback[this.c.order[k]] === 1; }
  lapse(k: number): number | null { const i = this.c.order[k]; return this.c.long ? (this.c.asOf - this.c.last[i]) / this.c.gap[i] : null; }
  status(k: number): Status | null { return STATUS_CODES[this.c.status[this.c.order[k]]]; }
  action(k: number): string { return this.c.action[this.c.order[k]]; }

  /**
   * The customer at position k as an object (a new one each call). Read straight from the columns,
   * as the readers above do one field at a time (a test holds the two equal, field by field).
   */
  row(k: number): CustomerResult {
    const c = this.c;
    const i = c.order[k];
    const cls = c.cls[i];
    const ranked = cls !== null;
    const periods = c.periods[i];
    const cv = c.cv[i];
    const profitShare = c.profitShare[i];
    const segment = c.segment[i];
    const long = c.long;
    return {
      rank: ranked ? c.rank[i] : null,
      customer: c.names[i],
      revenue: c.revenue[i],
      profit: c.profit ? c.profit[i] : null,
      metric: c.metric[i],
      share: ranked ? c.share[i] : null,
      cumShare: ranked ? c.cumShare[i] : null,
      abc: cls,
      abcNote: ranked ? null : 'net ≤ 0',
      purchases: c.purchases[i],
      periods,
      activePeriods: c.active[i],
      frequency: periods > 0 ? c.active[i] / periods : null,
      cv: cv === cv ? cv : null,
      xyz: XYZ_CODES[c.xyz[i]],
      xyzNote: XYZ_NOTES[c.xyzNote[i]],
      segment: segment >= 0 ? SEGMENTS[segment] : null,
      keyAccount: c.keyAccount[i] === 1,
      archetypes: ARCHETYPE_LISTS[c.archetypes[i]],
      profitShare: profitShare === profitShare ? profitShare : null,
      dependencyRisk: c.dependencyRisk[i] === 1,
      qualified: c.qualified[i] === 1,
      firstPurchase: long ? c.first[i] : null,
      lastPurchase: long ? c.last[i] : null,
      daysSinceLast: long ? c.asOf - c.last[i] : null,
      typicalGap: long ? c.gap[i] : null,
      gapFallback: c.gapFallback[i] === 1,
      lapse: long ? (c.asOf - c.last[i]) / c.gap[i] : null,
      status: STATUS_CODES[c.status[i]],
      action: c.action[i],
    };
  }

  /** All customers as objects, in order. */
  rows(): CustomerResult[] {
    const out: CustomerResult[] = new Array(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.row(k);
    return out;
  }
}
