// An independent reference for SPEC §7 (loss dynamics) and §8 (class migration), written the
// simplest way: every customer's status recomputed from scratch at every period end from its own
// lines, and each migration window segmented by the public segment() on that window's lines only.
// It shares no code with core/analyses beyond segment() itself; its calendar is JavaScript's.
import { segment, type PartialOptions, type SegmentResult } from '../../core';

export type Line = [customer: string, date: string, amount: number];

const DAY = 86400000;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export interface RefOptions {
  period: 'month' | 'week';
  dynamicsPeriods: number;
  comparePeriods: number;
  lostLapse: number;
  lostDays: number;
  riskLapse: number;
  riskDays: number;
  newDays: number;
}
export const REF_DEFAULTS: RefOptions = { period: 'month', dynamicsPeriods: 12, comparePeriods: 12, lostLapse: 3, lostDays: 60, riskLapse: 2, riskDays: 30, newDays: 180 };

/** Period index of a day: months since year 0, or ISO weeks (Monday-based). */
function periodOf(day: number, kind: RefOptions['period']): number {
  if (kind === 'week') {
    const weekday = (new Date(day * DAY).getUTCDay() + 6) % 7; // Monday 0
    return (day - weekday - 4) / 7; // 1970-01-05 was a Monday: week 1
  }
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
function firstDay(p: number, kind: RefOptions['period']): number {
  if (kind === 'week') return p * 7 + 4;
  return Date.UTC(Math.floor(p / 12), p % 12, 1) / DAY;
}
const lastDay = (p: number, kind: RefOptions['period']) => firstDay(p + 1, kind) - 1;
const monthLabel = (p: number) => `${Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

type Status = 'Lost' | 'At risk' | 'New' | 'Active' | null;

/** Every customer's status at end e, from its lines dated ≤ e (SPEC §4 as of e). */
export function statusesAt(lines: Line[], e: number, o: RefOptions): Map<string, { status: Status; last: number; first: number }> {
  const days = new Map<string, number[]>();
  for (const [c, date, amount] of lines) {
    const d = dayOf(date);
    if (!days.has(c)) days.set(c, []);
    if (d <= e && amount > 0) days.get(c)!.push(d);
  }
  const info = new Map<string, { buys: number[]; gap: number | null }>();
  for (const [c, ds] of days) {
    const buys = [...new Set(ds)].sort((a, b) => a - b);
    const gaps = buys.slice(1).map((d, i) => d - buys[i]);
    info.set(c, { buys, gap: gaps.length ? median(gaps) : null });
  }
  const known = [...info.values()].filter((x) => x.gap !== null).map((x) => x.gap!);
  const population = known.length ? median(known) : 90;
  const out = new Map<string, { status: Status; last: number; first: number }>();
  for (const [c, { buys, gap }] of info) {
    if (!buys.length) { out.set(c, { status: null, last: NaN, first: NaN }); continue; }
    const last = buys[buys.length - 1];
    const recency = e - last;
    const lapse = recency / (gap ?? population);
    let status: Status;
    if (lapse >= o.lostLapse && recency >= o.lostDays) status = 'Lost';
    else if (lapse >= o.riskLapse && recency >= o.riskDays) status = 'At risk';
    else if (e - buys[0] <= o.newDays) status = 'New';
    else status = 'Active';
    out.set(c, { status, last, first: buys[0] });
  }
  return out;
}

export interface RefRow {
  period: string; start: number; end: number; customers: number; new: number; newlyLost: number; wonBack: number;
  lostStock: number; atRisk: number; netChange: number; leftLost: number; lostAgain: number; valueLost: number; valueLostShare: number | null;
}

export interface RefLoss { customer: string; period: string; lastPurchase: number; valueLost: number; wonBack: boolean; row: number }

/** Revenue of the lines of `who` (all customers when null) dated lo … hi. */
function revenue(lines: Line[], who: string | null, lo: number, hi: number): number {
  let s = 0;
  for (const [c, date, amount] of lines) {
    const d = dayOf(date);
    if ((who === null || c === who) && d >= lo && d <= hi) s += amount;
  }
  return s;
}

/** The §7 table and loss events of a ledger whose lines are all used, as of its latest date. */
export function referenceDynamics(lines: Line[], o: RefOptions, asOfIso?: string): { rows: RefRow[]; losses: RefLoss[] } {
  const asOf = asOfIso ? dayOf(asOfIso) : Math.max(...lines.map((l) => dayOf(l[1])));
  const minDay = Math.min(...lines.map((l) => dayOf(l[1])));
  const A = periodOf(asOf, o.period);
  const P0 = Math.max(A - o.dynamicsPeriods + 1, periodOf(minDay, o.period));
  if (o.dynamicsPeriods === 0 || P0 > A) return { rows: [], losses: [] };
  const ends: number[] = [];
  for (let p = P0 - 1; p <= A; p++) ends.push(p === A ? asOf : lastDay(p, o.period));
  const at = ends.map((e) => statusesAt(lines, e, o));
  const customers = [...at[0].keys()];
  const rows: RefRow[] = [];
  const losses: RefLoss[] = [];
  for (let j = 1; j < ends.length; j++) {
    const row: RefRow = { period: o.period === 'month' ? monthLabel(P0 - 1 + j) : isoOf(firstDay(P0 - 1 + j, o.period)), start: firstDay(P0 - 1 + j, o.period), end: ends[j], customers: 0, new: 0, newlyLost: 0, wonBack: 0, lostStock: 0, atRisk: 0, netChange: 0, leftLost: 0, lostAgain: 0, valueLost: 0, valueLostShare: null };
    for (const c of customers) {
      const prev = at[j - 1].get(c)!;
      const cur = at[j].get(c)!;
      if (cur.status === null) continue;
      row.customers++;
      const bought = cur.last > ends[j - 1];
      if (cur.first > ends[j - 1]) row.new++;
      if (cur.status === 'Lost') row.lostStock++;
      if (cur.status === 'At risk') row.atRisk++;
      if (prev.status === 'Lost' && bought) row.wonBack++;
      if (prev.status === 'Lost' && bought && cur.status === 'Lost') row.lostAgain++;
      if (prev.status === 'Lost' && !bought && cur.status !== 'Lost') row.leftLost++;
      if (cur.status === 'Lost' && prev.status !== 'Lost') {
        row.newlyLost++;
        const v = revenue(lines, c, cur.last - 364, cur.last);
        row.valueLost += v;
        let won = false;
        for (let q = j + 1; q < ends.length; q++) {
          if (at[q - 1].get(c)!.status !== 'Lost') break;
          if (at[q].get(c)!.last > ends[q - 1]) { won = true; break; }
        }
        losses.push({ customer: c, period: row.period, lastPurchase: cur.last, valueLost: v, wonBack: won, row: j - 1 });
      }
    }
    row.netChange = row.new + row.wonBack - row.newlyLost;
    const all = revenue(lines, null, ends[j] - 364, ends[j]);
    row.valueLostShare = all > 0 ? row.valueLost / all : null;
    rows.push(row);
  }
  return { rows, losses };
}

export interface RefWindow { from: number; to: number }

/** The two migration windows of a ledger as of `asOf`. */
export function referenceWindows(asOf: number, o: RefOptions): { previous: RefWindow; current: RefWindow } {
  const A = periodOf(asOf, o.period);
  const K = o.comparePeriods;
  return {
    previous: { from: firstDay(A - 2 * K + 1, o.period), to: lastDay(A - K, o.period) },
    current: { from: firstDay(A - K + 1, o.period), to: asOf },
  };
}

/** Each customer's ABC class, XYZ class, segment and metric in a window: segment() on the window's lines only. */
export function windowClasses(lines: Line[], w: RefWindow, options: PartialOptions): Map<string, { abc: string; xyz: string; segment: string; metric: number }> {
  const inside = lines.filter((l) => dayOf(l[1]) >= w.from && dayOf(l[1]) <= w.to);
  const out = new Map<string, { abc: string; xyz: string; segment: string; metric: number }>();
  if (!inside.length) return out;
  const r: SegmentResult = segment([['Customer', 'Date', 'Amount'], ...inside], { ...options, from: isoOf(w.from), asOf: isoOf(w.to), dynamicsPeriods: 0, comparePeriods: 0 });
  for (const c of r.customers) {
    const abc = c.abc ?? '—';
    out.set(c.customer, { abc, xyz: abc === '—' || c.xyz === null ? '—' : c.xyz, segment: c.segment ?? '—', metric: c.metric });
  }
  return out;
}

export { dayOf, isoOf };
