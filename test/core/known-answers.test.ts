// Known answers from published examples (shared/research/research-domain-anchors.md §5).
import { describe, expect, it } from 'vitest';
import { abcColumn, classifyAbc, segment, seriesCv, xyzColumn, type RawCell } from '../../core';

// Heizer & Render, Operations Management, Example 12.1 (annual $ per item)
const HEIZER: [string, number][] = [
  ['#10286', 90000], ['#11526', 77000], ['#12760', 26350], ['#10867', 15001], ['#10500', 12500],
  ['#12572', 8502], ['#14075', 1200], ['#01036', 850], ['#01307', 504], ['#10572', 150],
];

function classes(values: number[], rule: 'cumulative' | 'crossing' | 'count', a: number, b: number): string {
  const { cls } = classifyAbc({ metric: values, rule, a, b });
  return cls.map((c) => c ?? '-').join('');
}

describe('ABC known answers', () => {
  const heizer = HEIZER.map(([, v]) => v);
  it('Heizer: cumulative 80/95 moves #10500 (cum 95.17 %) to C', () => {
    expect(classes(heizer, 'cumulative', 0.8, 0.95)).toBe('AABBCCCCCC');
  });
  it('Heizer: count 20/50 reproduces the book classes (A 2 items, B 3, C 5)', () => {
    expect(classes(heizer, 'count', 0.2, 0.5)).toBe('AABBBCCCCC');
  });
  it('Heizer: crossing keeps the item that crosses each line in the upper class', () => {
    // cum before: 0, 38.8, 72.0 (<80 → A), 83.3, 89.8 (<95 → B), 95.2 → C
    expect(classes(heizer, 'crossing', 0.8, 0.95)).toBe('AAABBCCCCC');
  });
  it('Heizer: shares and cumulative shares match the published table', () => {
    const r = classifyAbc({ metric: heizer, rule: 'cumulative', a: 0.8, b: 0.95 });
    expect(r.total).toBe(232057);
    expect(r.share[0]).toBeCloseTo(0.3878, 4);
    expect(r.cumShare[4]).toBeCloseTo(0.9517, 4);
    expect(r.cumShare[9]).toBe(1);
  });
  it('abc-classification README, corrected: 70/90 gives A A A B C C C', () => {
    const v = [27000, 24000, 18000, 16000, 6000, 5000, 4000];
    expect(classes(v, 'cumulative', 0.7, 0.9)).toBe('AAABCCC');
    expect(classes(v, 'crossing', 0.7, 0.9)).toBe('AAAABCC');
  });
  it('cABCanalysis tie examples: equal values always share the class of the best of the tie', () => {
    // c(3,1,3,1,1,3): cum 25/50/75 % for the 3s, 83/92/100 % for the 1s → the 1s share B
    expect(classes([3, 1, 3, 1, 1, 3], 'cumulative', 0.8, 0.95)).toBe('ABABBA');
    // rep(1,13): all equal to the top item → all A; 42 → A
    expect(classes(Array(13).fill(1), 'cumulative', 0.8, 0.95)).toBe('A'.repeat(13));
    expect(classes([42], 'cumulative', 0.8, 0.95)).toBe('A');
    // c(10,10,10,5,5,5,1,1,1): the 5s straddle 80 % and all become A; the 1s straddle 95 % → C
    expect(classes([10, 10, 10, 5, 5, 5, 1, 1, 1], 'cumulative', 0.8, 0.95)).toBe('AAAAAACCC');
    // c(60, rep(10,14)): top A; the 14 tens straddle both lines and take the best class reached, A
    expect(classes([60, ...Array(14).fill(10)], 'cumulative', 0.8, 0.95)).toBe('A'.repeat(15));
    // c("10", 5, "x", 3, "0", 0) through the function: text "x" and zeros are not classified
    expect(abcColumn([['10'], [5], ['x'], [3], ['0'], [0]], 80, 95).map((r) => r[0])).toEqual(['A', 'B', '', 'C', '', '']);
  });
});

describe('XYZ known answers', () => {
  const weekly = [0, 15, 40, 15, 10, 15, 20, 15, 10, 15, 20, 15, 5, 20, 45, 20, 15, 20, 25, 20, 15, 20, 25, 20, 40, 10, 35, 10, 5, 10, 15, 10, 5, 10, 15, 10];
  const months = [70, 60, 60, 90, 80, 80, 95, 40, 40];
  const quarters = [190, 250, 175];
  it('olegon.ru CV example: sample SD 58.69 % / 29.27 % / 19.36 %', () => {
    expect(seriesCv(weekly, 'sample')!).toBeCloseTo(0.5869, 4);
    expect(seriesCv(months, 'sample')!).toBeCloseTo(0.2927, 4);
    expect(seriesCv(quarters, 'sample')!).toBeCloseTo(0.1936, 4);
  });
  it('olegon.ru CV example: population SD 57.87 % / 27.59 % / 15.81 %, classes Z, Z, Y at 10/25', () => {
    expect(seriesCv(weekly, 'population')!).toBeCloseTo(0.5787, 4);
    expect(seriesCv(months, 'population')!).toBeCloseTo(0.2759, 4);
    expect(seriesCv(quarters, 'population')!).toBeCloseTo(0.1581, 4);
    expect(xyzColumn([weekly], 'cv', 10, 25)[0][0]).toBe('Z');
    expect(xyzColumn([quarters], 'cv', 10, 25)[0][0]).toBe('Y');
    expect(xyzColumn([months], 'cv', 10, 25)[0][0]).toBe('Z');
  });
  it('intermittent series (frePPLe / sktime#6755): plain CV 1.162 (pop) / 1.213 (sample)', () => {
    const s = [6, 5, 0, 9, 2, 0, 14, 0, 0, 21, 0, 17];
    expect(seriesCv(s, 'population')!).toBeCloseTo(1.162, 3);
    expect(seriesCv(s, 'sample')!).toBeCloseTo(1.213, 3);
  });
});

describe('house example (§5.9): 12 months, as-of end of month 12', () => {
  const rows: RawCell[][] = [['Customer', 'Date', 'Amount']];
  const m = (k: number) => `2024-${String(k).padStart(2, '0')}-15`;
  for (let k = 1; k <= 12; k++) rows.push(['C1', m(k), 100]);
  for (let k = 1; k <= 12; k++) rows.push(['C2', m(k), [50, 60, 40][(k - 1) % 3]]);
  for (const k of [4, 7, 10]) rows.push(['C3', m(k), 90]);
  rows.push(['C4', m(2), 120]);
  for (let k = 1; k <= 8; k++) rows.push(['C5', m(k), 20]);
  rows.push(['C6', m(1), 30], ['C6', m(2), -50]);
  const run = (o = {}) => segment(rows, { xyzMethod: 'cv', asOf: '2024-12-31', minPeriods: 1, ...o });
  const by = (r: ReturnType<typeof run>) => Object.fromEntries(r.customers.map((c) => [c.customer, c]));

  it('shares of the positive total 2,350 and cumulative classes', () => {
    const c = by(run());
    expect(run().totals.metricTotal).toBe(2350);
    expect(c.C1.share).toBeCloseTo(0.5106, 4);
    expect(c.C3.cumShare).toBeCloseTo(0.8809, 4);
    expect(['C1', 'C2', 'C3', 'C5', 'C4'].map((k) => c[k].abc).join('')).toBe('AABBC');
    expect(c.C6.abc).toBeNull();
    expect(c.C6.rank).toBeNull();
  });
  it('crossing rule: C3 A, C4 B', () => {
    const c = by(run({ abcRule: 'crossing' }));
    expect(['C1', 'C2', 'C3', 'C5', 'C4'].map((k) => c[k].abc).join('')).toBe('AAABB');
  });
  it('CV from the first purchase, population and sample', () => {
    const pop = by(run());
    expect(pop.C1.cv).toBe(0);
    expect(pop.C2.cv).toBeCloseTo(0.1633, 4);
    expect(pop.C3.cv).toBeCloseTo(1.4142, 4);
    expect(pop.C5.cv).toBeCloseTo(0.7071, 4);
    expect(pop.C4.cv).toBeCloseTo(3.1623, 4);
    const sam = by(run({ sd: 'sample' }));
    expect(sam.C2.cv).toBeCloseTo(0.1706, 4);
    expect(sam.C3.cv).toBeCloseTo(1.5, 4);
    expect(sam.C4.cv).toBeCloseTo(3.3166, 4);
  });
  it('financiers (≥ 10 % of the positive total): C1, C2, C3; C1 and C2 carry dependency risk', () => {
    const c = by(run());
    expect(Object.values(c).filter((x) => x.archetypes.includes('Financier')).map((x) => x.customer).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(c.C1.dependencyRisk && c.C2.dependencyRisk && !c.C3.dependencyRisk).toBe(true);
  });
  it('lifecycle: C5 is lost (lapse ≈ 4.5), C3 active, C4 uses the population gap and is lost', () => {
    const c = by(run());
    expect(c.C5.status).toBe('Lost');
    expect(c.C3.status).toBe('Active');
    expect(c.C4.gapFallback).toBe(true);
    expect(c.C4.typicalGap).toBe(31); // median of the typical gaps of C1, C2, C3 (31, 31, 91.5), C5 (31)
    expect(c.C4.status).toBe('Lost');
  });
  it('the win-back list holds the lost B customer C5 but not the C customer C4', () => {
    const r = run();
    expect(r.winBack.map((w) => w.customer)).toEqual(['C5']);
    expect(r.winBack[0].action).toMatch(/special offer|discount/i);
  });
});

describe('win-back list and the order of customers that cannot be ranked', () => {
  // monthly buyers (typical gap 30 days) seen from 2024-12-31
  const asOf = Date.UTC(2024, 11, 31);
  const iso = (daysBefore: number) => new Date(asOf - daysBefore * 864e5).toISOString().slice(0, 10);
  const buys = (name: string, count: number, lastDaysBefore: number, amount: number) =>
    Array.from({ length: count }, (_, k) => [name, iso(lastDaysBefore + 30 * k), amount]);
  const grid = [
    ['Customer', 'Date', 'Amount'],
    ...buys('Big', 6, 75, 100), // 80 %: A and key account; lapse 2.5 → At risk
    ...buys('Mid', 4, 120, 28.125), // 15 %: B and a financier; lapse 4 → Lost
    ...buys('Small', 3, 100, 12.5), // 5 %: C, not key; lapse 3.3 → Lost
    ['zed', iso(10), 10], ['zed', iso(5), -10], // net 0
    ['ann', iso(20), -5], ['Bob', iso(20), -5], // net -5 each
  ];
  const r = segment(grid, { asOf: '2024-12-31' });

  it('holds lost and at-risk customers that are key accounts or A/B, in rank order, and no C customer', () => {
    const by = Object.fromEntries(r.customers.map((c) => [c.customer, c]));
    expect([by.Big.abc, by.Big.status, by.Mid.abc, by.Mid.status, by.Small.abc, by.Small.status]).toEqual(['A', 'At risk', 'B', 'Lost', 'C', 'Lost']);
    expect(r.winBack.map((w) => [w.customer, w.status])).toEqual([['Big', 'At risk'], ['Mid', 'Lost']]);
  });

  it('lists customers that cannot be ranked after the ranked ones, by metric descending, then by name', () => {
    // names compare by code unit, as everywhere: "Bob" before "ann"
    expect(r.customers.map((c) => c.customer)).toEqual(['Big', 'Mid', 'Small', 'zed', 'Bob', 'ann']);
    expect(r.customers.slice(3).every((c) => c.rank === null && c.abc === null)).toBe(true);
  });
});

