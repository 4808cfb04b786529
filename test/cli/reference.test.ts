// The command line against a plain reimplementation, on the project's generated ledger (key
// accounts, subscriptions, weekly, monthly, sporadic and one-off buyers, returns): revenue, share,
// cumulative share, rank, ABC, the monthly series, CV, frequency, XYZ and the matrix of every
// customer, computed here the obvious way — integer cents, sort, loop — with no code of the core.
// (The same comparison against the pandas peer, and on real data, is in test/real.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLedger } from '../../scripts/gen-ledger.mjs';
import { cli, tempDir } from './helpers';

interface Out {
  customer: string; revenue: number; share: number | null; cumShare: number | null; rank: number | null; abc: string | null;
  periods: number; activePeriods: number; frequency: number; cv: number | null; xyz: string | null; segment: string | null;
}

interface Ref { customer: string; cents: number; months: Map<number, number>; firstMonth: number; positiveMonths: Set<number> }

/** Month number (year × 12 + month) of an ISO date. */
const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

function read(file: string) {
  const byName = new Map<string, Ref>();
  let asOf = '';
  for (const line of readFileSync(file, 'utf8').trimEnd().split('\n').slice(1)) {
    const [customer, date, amount] = line.split(',');
    const cents = Math.round(Number(amount) * 100);
    const m = monthOf(date);
    let r = byName.get(customer);
    if (!r) byName.set(customer, (r = { customer, cents: 0, months: new Map(), firstMonth: m, positiveMonths: new Set() }));
    r.cents += cents;
    r.months.set(m, (r.months.get(m) ?? 0) + cents);
    if (cents > 0) r.positiveMonths.add(m);
    if (date > asOf) asOf = date;
  }
  return { customers: [...byName.values()], asOfMonth: monthOf(asOf) };
}

/** ABC by cumulative share (A ≤ a, B ≤ b), ties sharing the class of their best, the top one A. */
function abcReference(customers: Ref[], a: number, b: number) {
  const ranked = customers.filter((c) => c.cents > 0).sort((x, y) => y.cents - x.cents || (x.customer < y.customer ? -1 : 1));
  const total = ranked.reduce((s, c) => s + c.cents, 0);
  const out = new Map<string, { rank: number; share: number; cumShare: number; abc: string }>();
  let running = 0;
  ranked.forEach((c, k) => {
    running += c.cents;
    const cumShare = running / total;
    let abc = cumShare <= a + 1e-9 ? 'A' : cumShare <= b + 1e-9 ? 'B' : 'C';
    if (k === 0) abc = 'A';
    else if (ranked[k - 1].cents === c.cents) abc = out.get(ranked[k - 1].customer)!.abc;
    out.set(c.customer, { rank: k + 1, share: c.cents / total, cumShare, abc });
  });
  return out;
}

/** Population CV of the zero-filled monthly series from the first month to the as-of month. */
function cvReference(c: Ref, asOfMonth: number): number | null {
  const series: number[] = [];
  for (let m = c.firstMonth; m <= asOfMonth; m++) series.push((c.months.get(m) ?? 0) / 100);
  const mean = series.reduce((s, x) => s + x, 0) / series.length;
  if (!(mean > 0)) return null;
  return Math.sqrt(series.reduce((s, x) => s + (x - mean) ** 2, 0) / series.length) / mean;
}

const close = (got: number | null, want: number | null, rel = 1e-9) =>
  want === null ? got === null : got !== null && Math.abs(got - want) <= rel * Math.max(1, Math.abs(want));

let dir: string;
let file: string;
let ledger: ReturnType<typeof read>;
beforeAll(() => {
  dir = tempDir();
  file = writeLedger(join(dir, 'ledger.csv'), { rows: 30000, seed: 7, profit: false });
  ledger = read(file);
});

function run(args: string[]): { customers: Out[]; matrix: Record<string, { customers: number }>; totals: Record<string, number> } {
  const out = join(dir, `out-${args.join('').replace(/\W/g, '')}.json`);
  const r = cli(['segment', file, ...args, '--out', out]);
  expect(r.stderr).toBe(`Wrote ${out}\n`);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('abcxyz segment against a plain reimplementation, on the generated ledger', () => {
  it('ABC 80/95 and XYZ by CV 10/25 (population, monthly from the first purchase): every customer', () => {
    const j = run(['--xyz', 'cv', '--x', '10', '--y', '25', '--min-periods', '1']);
    const abc = abcReference(ledger.customers, 0.8, 0.95);
    expect(j.totals).toMatchObject({ rowsRead: 30000, rowsUsed: 30000, rowsSkipped: 0, customers: ledger.customers.length });
    const byName = new Map(j.customers.map((c) => [c.customer, c]));
    expect(byName.size).toBe(ledger.customers.length);
    const wrong: string[] = [];
    const segments: Record<string, number> = {};
    for (const c of ledger.customers) {
      const got = byName.get(c.customer)!;
      const want = abc.get(c.customer);
      const cv = want ? cvReference(c, ledger.asOfMonth) : null;
      const xyz = cv === null ? null : cv <= 0.1 + 1e-9 ? 'X' : cv <= 0.25 + 1e-9 ? 'Y' : 'Z';
      if (got.revenue !== c.cents / 100 && !close(got.revenue, c.cents / 100)) wrong.push(`${c.customer} revenue ${got.revenue} ≠ ${c.cents / 100}`);
      if (!close(got.share, want?.share ?? null, 1e-12)) wrong.push(`${c.customer} share ${got.share} ≠ ${want?.share}`);
      if (!want && (got.rank !== null || got.cumShare !== null)) wrong.push(`${c.customer} ranked with net ${c.cents / 100}`);
      if (got.abc !== (want?.abc ?? null)) wrong.push(`${c.customer} abc ${got.abc} ≠ ${want?.abc}`);
      if (got.periods !== ledger.asOfMonth - c.firstMonth + 1) wrong.push(`${c.customer} periods ${got.periods}`);
      if (want && !close(got.cv, cv)) wrong.push(`${c.customer} cv ${got.cv} ≠ ${cv}`);
      if (got.xyz !== xyz) wrong.push(`${c.customer} xyz ${got.xyz} ≠ ${xyz}`);
      if (got.segment !== (want && xyz ? want.abc + xyz : null)) wrong.push(`${c.customer} segment ${got.segment}`);
      if (want && xyz) segments[want.abc + xyz] = (segments[want.abc + xyz] ?? 0) + 1;
    }
    // rank and cumulative share: per group of customers with the same net in cents, the same ranks
    // and the same cumulative shares. Inside such a group the command line orders by name only when
    // its float totals are equal too: 125.87 − 89.50 sums to 36.370000000000005, not 36.37
    const groups = new Map<number, string[]>();
    for (const c of ledger.customers) if (abc.has(c.customer)) groups.set(c.cents, [...(groups.get(c.cents) ?? []), c.customer]);
    const sorted = (xs: (number | null)[]) => [...xs].sort((x, y) => x! - y!);
    for (const names of groups.values()) {
      const ranks = sorted(names.map((n) => byName.get(n)!.rank));
      if (JSON.stringify(ranks) !== JSON.stringify(sorted(names.map((n) => abc.get(n)!.rank)))) wrong.push(`${names} ranks ${ranks}`);
      const cums = sorted(names.map((n) => byName.get(n)!.cumShare));
      sorted(names.map((n) => abc.get(n)!.cumShare)).forEach((want, k) => { if (!close(cums[k], want, 1e-12)) wrong.push(`${names} cumShare ${cums[k]} ≠ ${want}`); });
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    for (const cell of ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']) expect(j.matrix[cell].customers, cell).toBe(segments[cell] ?? 0);
    // the comparison reached every class and the unranked: the ledger is no degenerate case
    expect(new Set(Object.keys(segments)).size).toBeGreaterThanOrEqual(8);
    expect(ledger.customers.some((c) => c.cents <= 0)).toBe(true);
  });

  it('ABC 70/90 and XYZ by frequency 75/30 (active months ÷ months, at least 3 months): every customer', () => {
    const j = run(['--a', '70', '--b', '90']);
    const abc = abcReference(ledger.customers, 0.7, 0.9);
    const byName = new Map(j.customers.map((c) => [c.customer, c]));
    const wrong: string[] = [];
    let tooNew = 0;
    for (const c of ledger.customers) {
      const got = byName.get(c.customer)!;
      const want = abc.get(c.customer);
      const periods = ledger.asOfMonth - c.firstMonth + 1;
      const frequency = c.positiveMonths.size / periods;
      if (want && periods < 3) tooNew++;
      const xyz = !want || periods < 3 ? null : frequency >= 0.75 - 1e-9 ? 'X' : frequency >= 0.3 - 1e-9 ? 'Y' : 'Z';
      if (got.abc !== (want?.abc ?? null)) wrong.push(`${c.customer} abc ${got.abc} ≠ ${want?.abc}`);
      if (got.activePeriods !== c.positiveMonths.size) wrong.push(`${c.customer} active ${got.activePeriods} ≠ ${c.positiveMonths.size}`);
      if (!close(got.frequency, frequency, 1e-12)) wrong.push(`${c.customer} frequency ${got.frequency} ≠ ${frequency}`);
      if (got.xyz !== xyz) wrong.push(`${c.customer} xyz ${got.xyz} ≠ ${xyz}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(tooNew).toBeGreaterThan(0);
  });
});
