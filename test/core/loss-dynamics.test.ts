// Loss dynamics (SPEC §7): known answers worked out by hand for each rule, the flows adding up,
// shifted ledgers, and an independent reference (status recomputed from scratch at every period
// end) on random ledgers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../core';
import { dayOf, isoOf, referenceDynamics, REF_DEFAULTS, statusesAt, type Line } from './portfolio-reference';

const run = (lines: Line[], o: Record<string, unknown> = {}): SegmentResult => segment([['Customer', 'Date', 'Amount'], ...lines] as RawCell[][], o);
/** Purchases of `amount` every `step` days from `from` while ≤ `to`. */
function every(customer: string, from: string, to: string, step: number, amount: number): Line[] {
  const out: Line[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d += step) out.push([customer, isoOf(d), amount]);
  return out;
}
const flows = (r: SegmentResult, key: 'new' | 'newlyLost' | 'wonBack' | 'lostStock' | 'atRisk' | 'leftLost' | 'customers' | 'netChange') => r.dynamics.map((d) => d[key]);

describe('known answers (monthly periods, as of 2024-08-31)', () => {
  // Weekly Ltd buys every 7 days from 1 Jan to 25 Mar 2024 (13 purchase days, gaps of 7), then
  // once on 15 Jul. Steady Ltd buys every 10 days all along and is never at risk.
  const weekly = [...every('Weekly Ltd', '2024-01-01', '2024-03-25', 7, 100), ['Weekly Ltd', '2024-07-15', 250] as Line];
  const steady = every('Steady Ltd', '2024-01-01', '2024-08-31', 10, 50);
  const r = run([...weekly, ...steady], { asOf: '2024-08-31' });

  it('a customer lost and won back', () => {
    // the data starts in January: the table runs January … August (8 rows, not 12)
    expect(r.dynamics.map((d) => d.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
    expect(r.dynamics[0]).toMatchObject({ start: dayOf('2024-01-01'), end: dayOf('2024-01-31') });
    expect(r.dynamics[7]).toMatchObject({ start: dayOf('2024-08-01'), end: dayOf('2024-08-31') });
    // 30 Apr: 36 days since 25 Mar, 5.1 gaps but under 60 days → at risk; 31 May: 67 days → Lost;
    // 15 Jul: a purchase while Lost → won back; 31 Jul: 16 days, gap still 7 (median of twelve 7s
    // and one 112) → 2.3 gaps but under 30 days, older than 180 days → Active; 31 Aug: 47 days → at risk
    expect(flows(r, 'customers')).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(flows(r, 'new')).toEqual([2, 0, 0, 0, 0, 0, 0, 0]);
    expect(flows(r, 'atRisk')).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(flows(r, 'newlyLost')).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(flows(r, 'lostStock')).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
    expect(flows(r, 'wonBack')).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(flows(r, 'netChange')).toEqual([2, 0, 0, 0, -1, 0, 1, 0]);
    expect(r.lostCustomers).toEqual([{
      customer: 'Weekly Ltd', period: '2024-05', abc: 'A', segment: 'AY', dimension: null,
      lastPurchase: dayOf('2024-03-25'), valueLost: 1300, wonBack: true,
    }]);
    // where: Weekly Ltd is A (1,550 of 2,800), frequency 4 of 8 months → Y
    expect(r.lossesBy.abc).toEqual({ A: [0, 0, 0, 0, 1, 0, 0, 0], B: [0, 0, 0, 0, 0, 0, 0, 0], C: [0, 0, 0, 0, 0, 0, 0, 0], '—': [0, 0, 0, 0, 0, 0, 0, 0] });
    expect(r.lossesBy.segment.AY).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(r.lossesBy.dimension).toBeNull();
    // the main report agrees with the last period end
    expect(r.customers.find((c) => c.customer === 'Weekly Ltd')!.status).toBe('At risk');
  });

  it('value lost is the last year of revenue up to the last purchase, its share that of all customers in the year to the period end', () => {
    // 13 × 100 before 25 Mar; all revenue 2 Jun 2023 … 31 May 2024: 1,300 + Steady's 16 purchases × 50
    expect(r.dynamics[4].valueLost).toBe(1300);
    expect(r.dynamics[4].valueLostShare).toBeCloseTo(1300 / 2100, 12);
    expect(r.dynamics[3].valueLost).toBe(0);
    expect(r.dynamics[3].valueLostShare).toBe(0);
  });

  it("the first row's p − 1 is evaluated too: a loss before the table is no loss in its first row", () => {
    const short = run([...weekly, ...steady], { asOf: '2024-08-31', dynamicsPeriods: 3 });
    expect(short.dynamics.map((d) => d.period)).toEqual(['2024-06', '2024-07', '2024-08']);
    // Lost on 31 May already, so June counts it in the stock and not as newly lost
    expect(flows(short, 'newlyLost')).toEqual([0, 0, 0]);
    expect(flows(short, 'lostStock')).toEqual([1, 0, 0]);
    expect(flows(short, 'wonBack')).toEqual([0, 1, 0]);
    expect(flows(short, 'new')).toEqual([0, 0, 0]);
    expect(short.lostCustomers).toEqual([]);
  });

  it('dynamics-periods 0 leaves the table out', () => {
    const none = run([...weekly, ...steady], { asOf: '2024-08-31', dynamicsPeriods: 0 });
    expect(none.dynamics).toEqual([]);
    expect(none.lostCustomers).toEqual([]);
    expect(none.lossesBy.abc.A).toEqual([]);
  });
});

describe('a one-purchase customer is judged by the population gap as of each period end', () => {
  // Once buys on 10 Jan only. Until June the only customer with two purchase days is Steady Ltd
  // (gap 10), so the population gap is 10; from 1 Jul three Slow customers (1 Mar and 1 Jul,
  // gap 122) have two, and the median of 10, 122, 122, 122 is 122.
  const lines: Line[] = [
    ['Once', '2024-01-10', 500],
    ...every('Steady Ltd', '2024-01-01', '2024-08-31', 10, 50),
    ...['Slow A', 'Slow B', 'Slow C'].flatMap((c): Line[] => [[c, '2024-03-01', 100], [c, '2024-07-01', 100]]),
  ];
  const r = run(lines, { asOf: '2024-08-31' });

  it('its status follows the gap of its time, and it leaves Lost without a purchase when the gap grows', () => {
    // Once: 29 Feb 50 days (5 gaps) → at risk; 31 Mar 81 days → Lost; 31 Jul 203 days ÷ 122 = 1.7 → Active.
    // The Slow ones: 31 Mar 30 days (3 gaps of 10, under 60 days) → at risk; 30 Apr 60 days → Lost;
    // 1 Jul a purchase → won back
    expect(flows(r, 'customers')).toEqual([2, 2, 5, 5, 5, 5, 5, 5]);
    expect(flows(r, 'new')).toEqual([2, 0, 3, 0, 0, 0, 0, 0]);
    expect(flows(r, 'atRisk')).toEqual([0, 1, 3, 0, 0, 0, 0, 0]);
    expect(flows(r, 'newlyLost')).toEqual([0, 0, 1, 3, 0, 0, 0, 0]);
    expect(flows(r, 'lostStock')).toEqual([0, 0, 1, 4, 4, 4, 0, 0]);
    expect(flows(r, 'wonBack')).toEqual([0, 0, 0, 0, 0, 0, 3, 0]);
    expect(flows(r, 'leftLost')).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(r.dynamics.map((d) => d.valueLost)).toEqual([0, 0, 500, 300, 0, 0, 0, 0]);
    // and at the as-of date the main report judges Once by the same gap: 234 ÷ 122 = 1.9 → Active
    expect(r.customers.find((c) => c.customer === 'Once')!.status).toBe('Active');
    expect(r.lostCustomers.map((l) => [l.customer, l.period, l.wonBack])).toEqual([
      ['Slow A', '2024-04', true], ['Slow B', '2024-04', true], ['Slow C', '2024-04', true], ['Once', '2024-03', false],
    ]);
  });
});

describe('value lost over 365 days', () => {
  // Vanishing buys every Tuesday from 1 Mar 2022 (X − 364) to 28 Feb 2023 (X): 53 × 10, with a
  // return of 30 on 6 Sep 2022; 1,000 on 28 Feb 2022 (X − 365) is outside the year, and so is the
  // return of 100 on 10 Mar 2023, after X. Lost on 30 Apr 2023 (61 days, gap 7).
  const lines: Line[] = [
    ['Vanishing', '2022-02-28', 1000],
    ...every('Vanishing', '2022-03-01', '2023-02-28', 7, 10),
    ['Vanishing', '2022-09-06', -30],
    ['Vanishing', '2023-03-10', -100],
    ['Other', '2022-05-05', 1000],
    ['Other', '2023-04-30', 500],
  ];
  const r = run(lines, { asOf: '2023-04-30' });

  it('counts the lines of X − 364 … X, returns included', () => {
    const april = r.dynamics.at(-1)!;
    expect(april.period).toBe('2023-04');
    expect(april.newlyLost).toBe(1);
    expect(april.valueLost).toBe(500);
    // all revenue 1 May 2022 … 30 Apr 2023: Vanishing's 44 Tuesdays from 3 May (440) − 30 − 100, and Other's 1,500
    expect(april.valueLostShare).toBeCloseTo(500 / 1810, 12);
    expect(r.lostCustomers[0]).toMatchObject({ customer: 'Vanishing', lastPurchase: dayOf('2023-02-28'), valueLost: 500, wonBack: false });
  });

  it('an empty share when the year brought no revenue', () => {
    const gone = run([['Gone', '2020-01-01', 100], ['Gone', '2020-01-08', 100], ['Late', '2020-01-02', 5], ['Late', '2021-06-30', -5]], { asOf: '2021-06-30', dynamicsPeriods: 1 });
    // Gone is Lost long before; nothing is newly lost in June 2021 and the year's revenue is −5
    expect(gone.dynamics[0].valueLostShare).toBeNull();
  });
});

describe('the dimension: where customers are lost', () => {
  const lines: RawCell[][] = [
    ['Customer', 'Date', 'Amount', 'Region'],
    ['North One', '2024-01-05', 100, 'North'],
    ['North One', '2024-01-12', 100, 'North'],
    ['South One', '2024-01-05', 100, 'North'],
    // its latest line says South: a customer counts under the value of its latest line
    ['South One', '2024-01-12', 100, 'South'],
    ['Same Day', '2024-01-12', 100, 'East'],
    // two lines on its last day: the later row in sheet order decides
    ['Same Day', '2024-01-12', 100, 'West'],
    ['Same Day', '2024-01-05', 100, 'East'],
    ['Nowhere', '2024-01-05', 100, ''],
    ['Nowhere', '2024-01-12', 100, ''],
    ['Stays', '2024-01-05', 10, 'North'],
    ...every('Stays', '2024-01-12', '2024-06-30', 7, 10).map((l) => [...l, 'North']),
  ];
  const r = segment(lines, { asOf: '2024-06-30' });

  it('is recognised from its header and counts the newly lost per value', () => {
    expect(r.mapping.find((m) => m.role === 'dimension')?.header).toBe('Region');
    const lostIn = r.dynamics.findIndex((d) => d.newlyLost > 0);
    expect(r.dynamics[lostIn]).toMatchObject({ period: '2024-03', newlyLost: 4 });
    const dim = r.lossesBy.dimension!;
    expect(Object.keys(dim).sort()).toEqual(['North', 'South', 'West', '—']);
    expect(dim.North[lostIn]).toBe(1);
    expect(dim.South[lostIn]).toBe(1);
    expect(dim.West[lostIn]).toBe(1);
    expect(dim['—'][lostIn]).toBe(1);
    expect(Object.fromEntries(r.lostCustomers.map((l) => [l.customer, l.dimension]))).toEqual({ 'North One': 'North', 'South One': 'South', 'Same Day': 'West', Nowhere: '—' });
  });

  it('--dimension - turns it off', () => {
    const off = segment(lines, { asOf: '2024-06-30', columns: { dimension: '-' } });
    expect(off.mapping.some((m) => m.role === 'dimension')).toBe(false);
    expect(off.lossesBy.dimension).toBeNull();
    expect(off.lostCustomers.every((l) => l.dimension === null)).toBe(true);
  });

  it('headers in the six languages, and names that are no dimension', () => {
    for (const h of ['Region', 'Περιοχή', 'Регион', 'Région', 'Región', 'Manager', 'Account manager', 'Channel', 'Vertriebskanal', 'Country']) {
      const res = segment([['Customer', 'Date', 'Amount', h], ['A', '2024-01-01', 5, 'x']], {});
      expect(res.mapping.find((m) => m.role === 'dimension')?.header, h).toBe(h);
    }
    // "Regional sales" is an amount, not a dimension
    const res = segment([['Customer', 'Date', 'Regional sales'], ['A', '2024-01-01', 5]], {});
    expect(res.mapping.find((m) => m.role === 'amount')?.header).toBe('Regional sales');
    expect(res.mapping.some((m) => m.role === 'dimension')).toBe(false);
  });
});

// --- properties -------------------------------------------------------------------------------

const NAMES = ['Acme', 'Beta', 'Gamma', 'Delta', 'Eps', 'Zeta', 'Eta', 'Theta'];
/** A random ledger of clean lines: 1–8 customers over about two years, some returns. */
const lineArb = fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 760 }), fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 400 }) }, { weight: 1, arbitrary: fc.integer({ min: -200, max: 0 }) }))
  .map(([c, d, a]): Line => [c, isoOf(dayOf('2023-01-01') + d), a]);
/** A run of purchases a few days apart: customers with short gaps, who are lost quickly, and back. */
const burstArb = fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 2, max: 12 }))
  .map(([c, from, step, count]): Line[] => Array.from({ length: count }, (_, k) => [c, isoOf(dayOf('2023-01-01') + Math.min(760, from + k * step)), 50]));
const ledgerArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 80 }), fc.array(burstArb, { maxLength: 4 }))
  .map(([lines, bursts]) => [...lines, ...bursts.flat()])
  .filter((ls) => ls.some((l) => l[2] > 0));
const optionsArb = fc.record({
  dynamicsPeriods: fc.integer({ min: 1, max: 14 }),
  lostDays: fc.constantFrom(60, 20, 5),
  riskDays: fc.constantFrom(30, 10, 2),
  lostLapse: fc.constantFrom(3, 1.5),
  newDays: fc.constantFrom(180, 40),
}).map((o) => ({ ...o, riskLapse: Math.min(2, o.lostLapse) }));

describe('properties of the dynamics table', () => {
  it('the flows add up: Δ lost stock = newly lost − won back + lost again − left Lost; net = new + won back − newly lost', () => {
    const seen = { newlyLost: 0, wonBack: 0, lostAgain: 0, leftLost: 0 };
    fc.assert(fc.property(ledgerArb, optionsArb, fc.constantFrom('month', 'week', 'quarter'), (lines, o, period) => {
      const r = run(lines, { ...o, period, comparePeriods: 0 });
      const d = r.dynamics;
      for (let j = 1; j < d.length; j++) {
        expect(d[j].lostStock - d[j - 1].lostStock).toBe(d[j].newlyLost - d[j].wonBack + d[j].lostAgain - d[j].leftLost);
      }
      for (const row of d) {
        expect(row.netChange).toBe(row.new + row.wonBack - row.newlyLost);
        expect(row.lostStock + row.atRisk).toBeLessThanOrEqual(row.customers);
      }
      // with months and lost-days 60, a purchase in a period always ends it not Lost
      if (period === 'month' && o.lostDays === 60) for (const row of d) expect(row.lostAgain).toBe(0);
      // where they are lost adds up to how many, period by period
      const sum = (by: Record<string, number[]>, j: number) => Object.values(by).reduce((s, xs) => s + xs[j], 0);
      d.forEach((row, j) => {
        expect(sum(r.lossesBy.abc, j)).toBe(row.newlyLost);
        expect(sum(r.lossesBy.segment, j)).toBe(row.newlyLost);
        expect(r.lostCustomers.filter((l) => l.period === row.period).length).toBe(row.newlyLost);
      });
      expect(r.lostCustomers.reduce((s, l) => s + l.valueLost, 0)).toBeCloseTo(d.reduce((s, row) => s + row.valueLost, 0), 6);
      for (const k of Object.keys(seen) as (keyof typeof seen)[]) seen[k] += d.reduce((s, row) => s + row[k], 0);
    }), { numRuns: 150, seed: 13 });
    // the ledgers reach every flow, the rare ones too
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
  });

  it('a ledger shifted by whole weeks gives the same tables, shifted', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: -60, max: 60 }), optionsArb, (lines, weeks, o) => {
      const base = run(lines, { ...o, period: 'week', comparePeriods: 0 });
      const moved = run(lines.map(([c, d, a]): Line => [c, isoOf(dayOf(d) + 7 * weeks), a]), { ...o, period: 'week', comparePeriods: 0 });
      const strip = (r: SegmentResult, by: number) => r.dynamics.map(({ period: _p, start, end, ...rest }) => ({ ...rest, start: start - by, end: end - by }));
      expect(strip(moved, 7 * weeks)).toEqual(strip(base, 0));
      expect(moved.lostCustomers.map((l) => ({ ...l, period: '', lastPurchase: l.lastPurchase - 7 * weeks }))).toEqual(base.lostCustomers.map((l) => ({ ...l, period: '' })));
      expect(moved.lossesBy).toEqual(base.lossesBy);
    }), { numRuns: 80 });
  });

  it('agrees with the reference that recomputes every status from scratch at every period end', () => {
    fc.assert(fc.property(ledgerArb, optionsArb, fc.constantFrom<'month' | 'week'>('month', 'week'), (lines, o, period) => {
      const opts = { ...REF_DEFAULTS, ...o, period };
      const r = run(lines, { ...opts, comparePeriods: 0 });
      const ref = referenceDynamics(lines, opts);
      expect(r.dynamics.length).toBe(ref.rows.length);
      r.dynamics.forEach((row, j) => {
        const want = ref.rows[j];
        if (period === 'month') expect(row.period).toBe(want.period);
        for (const k of ['start', 'end', 'customers', 'new', 'newlyLost', 'wonBack', 'lostStock', 'atRisk', 'netChange', 'leftLost', 'lostAgain'] as const) expect(row[k], `${k} of ${row.period}`).toBe(want[k]);
        expect(row.valueLost).toBeCloseTo(want.valueLost, 6);
        if (want.valueLostShare === null) expect(row.valueLostShare).toBeNull();
        else expect(row.valueLostShare).toBeCloseTo(want.valueLostShare, 9);
      });
      const key = (l: { customer: string; lastPurchase: number; wonBack: boolean; valueLost: number }) => `${l.customer} ${l.lastPurchase} ${l.wonBack} ${l.valueLost.toFixed(6)}`;
      expect(r.lostCustomers.map(key).sort()).toEqual(ref.losses.map(key).sort());
      // the main report's status is the status at the last period end (for customers with a purchase day)
      const last = referenceStatusAtAsOf(lines, opts);
      for (const c of r.customers) if (last.has(c.customer) && last.get(c.customer) !== null) expect(c.status, c.customer).toBe(last.get(c.customer));
    }), { numRuns: 150 });
  });
});

/** The reference's status of each customer at the as-of date (its latest line). */
function referenceStatusAtAsOf(lines: Line[], o: typeof REF_DEFAULTS): Map<string, string | null> {
  const asOf = Math.max(...lines.map((l) => dayOf(l[1])));
  return new Map([...statusesAt(lines, asOf, o)].map(([c, s]) => [c, s.status]));
}
