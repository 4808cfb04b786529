// Loss dynamics (SPEC §7): per period of the last `dynamicsPeriods`, how many customers there
// were, came, were lost, were won back; what the losses were worth; where they were lost (by the
// customer's class and segment in the main report and by its dimension value); and the list of the
// loss events. The statuses come from one pass over each customer's rows (period-status.ts); this
// file only counts the flows between consecutive period ends, with the rules of rules/.

import { periodFirstDay, periodLabel, periodLastDay, periodOfDay } from '../basics/periods';
import { snapZero } from '../basics/sum';
import { NO_CLASS, type AbcOrNone, type SegmentOrNone } from '../rules/class-migration';
import { AT_RISK, LOST } from '../rules/lifecycle';
import { isLostAgain, isNewlyLost, isWonBack, leftLostWithoutPurchase, netChange } from '../rules/loss-events';
import { SEGMENTS } from '../rules/segments';
import { NO_STATUS } from '../rules/status-at';
import { valueLostShare, yearBefore } from '../rules/value-lost';
import { NO_DIMENSION } from '../read/dimension-column';
import { periodStatuses, type PeriodStatuses } from './period-status';
import type { Grouped } from '../aggregate/group-rows';
import type { CustomerFacts } from '../read/customer-facts';
import type { DynamicsRow, LossesBy, LostCustomer } from '../result/types';
import type { AbcClass, SegmentOptions } from '../types';

export interface LossDynamics {
  dynamics: DynamicsRow[];
  lostCustomers: LostCustomer[];
  lossesBy: LossesBy;
}

/** The table's period ends: the period before its first row, then each row's (the as-of period ends on the as-of date). */
export function tablePeriods(minDay: number, asOf: number, o: SegmentOptions): { first: number; ends: Int32Array } {
  const asOfP = periodOfDay(asOf, o.period, o.fiscalStart);
  const firstP = periodOfDay(minDay, o.period, o.fiscalStart);
  // the last dynamicsPeriods periods, or from the period of the first used line when the data is shorter
  const rows = Math.max(0, Math.min(o.dynamicsPeriods, asOfP - firstP + 1));
  const first = asOfP - rows + 1;
  const ends = new Int32Array(rows > 0 ? rows + 1 : 0);
  for (let j = 0; j < ends.length; j++) ends[j] = j === rows ? asOf : periodLastDay(first - 1 + j, o.period, o.fiscalStart);
  return { first, ends };
}

/** No losses to show: no dates, no customer, or dynamics-periods 0. */
export function emptyLosses(withDimension: boolean): LossDynamics {
  return { dynamics: [], lostCustomers: [], lossesBy: lossCounts(0, withDimension ? [] : null) };
}

function lossCounts(periods: number, dimensionValues: readonly string[] | null): LossesBy {
  const zeros = () => new Array<number>(periods).fill(0);
  const abc = { A: zeros(), B: zeros(), C: zeros(), [NO_CLASS]: zeros() } as Record<AbcOrNone, number[]>;
  const segment = {} as Record<SegmentOrNone, number[]>;
  for (const s of SEGMENTS) segment[s] = zeros();
  segment[NO_CLASS] = zeros();
  let dimension: Record<string, number[]> | null = null;
  if (dimensionValues) {
    // any text may be a value, "__proto__" too: an object without a prototype holds it as a key
    dimension = Object.create(null) as Record<string, number[]>;
    for (const v of dimensionValues) dimension[v] = zeros();
  }
  return { abc, segment, dimension };
}

/** The revenue of all customers on each day from `from` to `to` (compensated sums per day). */
function dailyRevenue(grouped: Grouped, customers: number, from: number, to: number): { from: number; sum: Float64Array; comp: Float64Array; big: number } {
  const span = Math.max(0, to - from + 1);
  const sum = new Float64Array(span);
  const comp = new Float64Array(span);
  let big = 0;
  const { start, day, amount } = grouped;
  const n = start[customers];
  for (let k = 0; k < n; k++) {
    const i = day[k] - from;
    if (i < 0 || i >= span) continue;
    const x = amount[k];
    const s = sum[i];
    const t = s + x;
    comp[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    sum[i] = t;
    if (Math.abs(x) > big) big = Math.abs(x);
  }
  return { from, sum, comp, big };
}

/** Σ of the daily revenue over days lo … hi (compensated; dust of cancelling lines is 0). */
function revenueBetween(r: ReturnType<typeof dailyRevenue>, lo: number, hi: number): number {
  let s = 0;
  let c = 0;
  for (let d = Math.max(lo, r.from); d <= hi && d - r.from < r.sum.length; d++) {
    const x = r.sum[d - r.from] + r.comp[d - r.from];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return snapZero(s + c, r.big);
}

/** A customer's revenue (every line, returns included) on days lo … hi: its rows are in day order. */
function customerRevenue(grouped: Grouped, c: number, lo: number, hi: number): number {
  const { start, day, amount } = grouped;
  let a = start[c];
  let b = start[c + 1];
  while (a < b) { const mid = (a + b) >> 1; if (day[mid] < lo) a = mid + 1; else b = mid; }
  let s = 0, comp = 0, big = 0;
  for (let k = a, end = start[c + 1]; k < end && day[k] <= hi; k++) {
    const x = amount[k];
    const t = s + x;
    comp += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
    if (Math.abs(x) > big) big = Math.abs(x);
  }
  return snapZero(s + comp, big);
}

// the counts of periodFlows, per period (index × periods + j − 1)
const CUSTOMERS = 0, NEW_CUSTOMERS = 1, WON_BACK = 2, LOST_STOCK = 3, AT_RISK_STOCK = 4, LEFT_LOST = 5, LOST_AGAIN = 6, FLOWS = 7;

/**
 * The flows of every period j = 1 … R (between ends j − 1 and j), counted into `out` by the indices
 * above, and the customers newly lost in each into lost[j − 1]; customer by customer, as the
 * statuses lie. A loop of its own: see period-status.ts.
 */
function periodFlows(st: PeriodStatuses, out: Int32Array, lost: number[][]): void {
  const C = st.customers;
  const J = st.ends.length;
  const R = J - 1;
  const { status, last, first, ends } = st;
  for (let c = 0; c < C; c++) {
    const base = c * J;
    for (let j = 1; j < J; j++) {
      const cur = status[base + j];
      if (cur === NO_STATUS) continue;
      const prev = status[base + j - 1];
      const before = ends[j - 1];
      const k = j - 1;
      out[CUSTOMERS * R + k]++;
      // a purchase day in this period: the last one up to its end lies after the previous end
      const bought = last[base + j] > before;
      if (first[c] > before) out[NEW_CUSTOMERS * R + k]++;
      if (cur === LOST) out[LOST_STOCK * R + k]++;
      else if (cur === AT_RISK) out[AT_RISK_STOCK * R + k]++;
      if (isWonBack(prev, bought)) out[WON_BACK * R + k]++;
      if (isLostAgain(prev, cur, bought)) out[LOST_AGAIN * R + k]++;
      if (leftLostWithoutPurchase(prev, cur, bought)) out[LEFT_LOST * R + k]++;
      if (isNewlyLost(prev, cur)) lost[k].push(c);
    }
  }
}

/** The main report's class of each customer, as the losses count them. */
export interface CustomerClasses {
  cls: readonly (AbcClass | null)[];
  /** SEGMENTS index, −1 none. */
  segmentOf: Int8Array;
}

/**
 * The loss dynamics of the regrouped rows of a long table: `minDay` its first used day, `asOf`
 * the report's as-of date, `classes` the main report's.
 */
export function lossDynamics(grouped: Grouped, facts: CustomerFacts, classes: CustomerClasses, minDay: number, asOf: number, o: SegmentOptions): LossDynamics {
  const C = facts.names.length;
  const dim = facts.dimension;
  if (C === 0 || o.dynamicsPeriods === 0) return emptyLosses(dim !== null);
  const { first: firstPeriod, ends } = tablePeriods(minDay, asOf, o);
  const R = ends.length - 1;
  if (R <= 0) return emptyLosses(dim !== null);
  const st = periodStatuses(grouped, C, ends, o);
  const revenue = dailyRevenue(grouped, C, yearBefore(ends[1]), asOf);
  const by = lossCounts(R, dim ? dimensionOrder(dim) : null);
  const dynamics: DynamicsRow[] = [];
  const events: { j: number; c: number; last: number; value: number }[] = [];
  const abcOf = (c: number): AbcOrNone => classes.cls[c] ?? NO_CLASS;
  const segmentOf = (c: number): SegmentOrNone => { const s = classes.segmentOf[c]; return s >= 0 ? SEGMENTS[s] : NO_CLASS; };
  const dimensionOf = (c: number): string => { const id = dim!.of[c]; return id === NO_DIMENSION ? NO_CLASS : dim!.values[id]; };
  const flows = new Int32Array(FLOWS * R);
  const lostIn: number[][] = Array.from({ length: R }, () => []);
  periodFlows(st, flows, lostIn);
  const J = R + 1;
  for (let j = 1; j <= R; j++) {
    const end = ends[j];
    const lost = lostIn[j - 1];
    const count = (flow: number) => flows[flow * R + j - 1];
    // the newly lost: what each was worth, and where it was lost
    let value = 0, valueComp = 0;
    for (const c of lost) {
      const lastBuy = st.last[c * J + j];
      const v = customerRevenue(grouped, c, yearBefore(lastBuy), lastBuy);
      const t = value + v;
      valueComp += Math.abs(value) >= Math.abs(v) ? value - t + v : v - t + value;
      value = t;
      events.push({ j, c, last: lastBuy, value: v });
      by.abc[abcOf(c)][j - 1]++;
      by.segment[segmentOf(c)][j - 1]++;
      if (by.dimension) by.dimension[dimensionOf(c)][j - 1]++;
    }
    const valueLost = value + valueComp;
    const p = firstPeriod - 1 + j;
    dynamics.push({
      period: periodLabel(p, o.period, o.fiscalStart),
      start: periodFirstDay(p, o.period, o.fiscalStart),
      end,
      customers: count(CUSTOMERS),
      new: count(NEW_CUSTOMERS),
      newlyLost: lost.length,
      wonBack: count(WON_BACK),
      lostStock: count(LOST_STOCK),
      atRisk: count(AT_RISK_STOCK),
      netChange: netChange(count(NEW_CUSTOMERS), count(WON_BACK), lost.length),
      leftLost: count(LEFT_LOST),
      lostAgain: count(LOST_AGAIN),
      valueLost,
      valueLostShare: valueLostShare(valueLost, revenueBetween(revenue, yearBefore(end), end)),
    });
  }
  const lostCustomers = lostList(events, st, facts, R, dynamics, { abcOf, segmentOf, dimensionOf: dim ? dimensionOf : null });
  return { dynamics, lostCustomers, lossesBy: by };
}

/** The dimension values in order of how many customers hold each (most first), then by text; "—" last when some customer has none. */
function dimensionOrder(dim: NonNullable<CustomerFacts['dimension']>): string[] {
  const counts = new Int32Array(dim.values.length);
  let none = 0;
  for (let c = 0; c < dim.of.length; c++) { const id = dim.of[c]; if (id === NO_DIMENSION) none++; else counts[id]++; }
  const ids = Array.from(dim.values.keys()).filter((id) => counts[id] > 0);
  ids.sort((p, q) => counts[q] - counts[p] || (dim.values[p] < dim.values[q] ? -1 : dim.values[p] > dim.values[q] ? 1 : 0));
  const out = ids.map((id) => dim.values[id]);
  if (none > 0) out.push(NO_CLASS);
  return out;
}

interface Labels {
  abcOf: (c: number) => AbcOrNone;
  segmentOf: (c: number) => SegmentOrNone;
  dimensionOf: ((c: number) => string) | null;
}

/**
 * One entry per loss event, the latest period first, then by value lost (largest first), then by
 * customer key. Won back: in a later period of the table the customer bought while still Lost —
 * the loss's own episode, which ends at the first period end where it is no longer Lost.
 */
function lostList(events: { j: number; c: number; last: number; value: number }[], st: PeriodStatuses, facts: CustomerFacts, R: number, rows: DynamicsRow[], l: Labels): LostCustomer[] {
  const J = st.ends.length;
  const keys = facts.keys;
  events.sort((p, q) => q.j - p.j || (q.value > p.value ? 1 : q.value < p.value ? -1 : keys[p.c] < keys[q.c] ? -1 : keys[p.c] > keys[q.c] ? 1 : 0));
  return events.map((e) => {
    let won = false;
    for (let q = e.j + 1; q <= R; q++) {
      if (st.status[e.c * J + q - 1] !== LOST) break;
      if (st.last[e.c * J + q] > st.ends[q - 1]) { won = true; break; }
    }
    return {
      customer: facts.names[e.c],
      period: rows[e.j - 1].period,
      abc: l.abcOf(e.c),
      segment: l.segmentOf(e.c),
      dimension: l.dimensionOf ? l.dimensionOf(e.c) : null,
      lastPurchase: e.last,
      valueLost: e.value,
      wonBack: won,
    };
  });
}
