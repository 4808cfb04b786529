// Class migration (SPEC §8): known answers worked out by hand, the transition matrices' row and
// column sums, and a reference that segments each window's lines with segment() on their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../core';
import { dayOf, isoOf, referenceWindows, REF_DEFAULTS, windowClasses, type Line } from './portfolio-reference';

const run = (lines: Line[], o: Record<string, unknown> = {}): SegmentResult => segment([['Customer', 'Date', 'Amount'], ...lines] as RawCell[][], o);
const CLASSES = ['A', 'B', 'C', '—'] as const;

describe('known answers: two windows of two months, as of 2024-04-30', () => {
  // previous window January–February, current March–April. Cumulative 80 / 95 %.
  //   previous: Alpha 1,000 (47.6 % → A), Beta 500 (71.4 % → A), Eps 300 and Zeta 300 tie (85.7 %
  //             → B, and Zeta shares its tie group's class: B); Delta nets −50 (—); Gamma absent (—)
  //   current:  Alpha 1,000 (59.2 % → A), Gamma 500 (88.8 % → B), Beta 100 (94.7 % → B), Delta 50
  //             (97.6 % → C), Eps 20 and Zeta 20 (C)
  const lines: Line[] = [
    ['Alpha', '2024-01-05', 500], ['Alpha', '2024-02-05', 500], ['Alpha', '2024-03-05', 500], ['Alpha', '2024-04-05', 500],
    ['Beta', '2024-01-05', 250], ['Beta', '2024-02-05', 250], ['Beta', '2024-03-05', 100],
    ['Gamma', '2024-03-20', 250], ['Gamma', '2024-04-20', 250],
    ['Delta', '2024-01-05', 100], ['Delta', '2024-02-05', -150], ['Delta', '2024-04-01', 50],
    ['Eps', '2024-01-10', 300], ['Eps', '2024-03-10', 20],
    ['Zeta', '2024-02-10', 300], ['Zeta', '2024-04-10', 20],
  ];
  const r = run(lines, { asOf: '2024-04-30', comparePeriods: 2, minPeriods: 2, dynamicsPeriods: 0 });
  const m = r.migration!;

  it('states the two windows', () => {
    expect(m.previous).toEqual({ from: dayOf('2024-01-01'), to: dayOf('2024-02-29') });
    expect(m.current).toEqual({ from: dayOf('2024-03-01'), to: dayOf('2024-04-30') });
  });

  it('the ABC transition matrix: a customer absent from the previous window, one net ≤ 0 there, a tie group', () => {
    const cell = (p: (typeof CLASSES)[number], q: (typeof CLASSES)[number]) => m.abc[p][q];
    expect(cell('A', 'A')).toEqual({ customers: 1, metricPrevious: 1000, metricCurrent: 1000 });
    expect(cell('A', 'B')).toEqual({ customers: 1, metricPrevious: 500, metricCurrent: 100 });
    expect(cell('B', 'C')).toEqual({ customers: 2, metricPrevious: 600, metricCurrent: 40 });
    // Gamma: absent, so its previous metric is 0; Delta: its net −50 there
    expect(cell('—', 'B')).toEqual({ customers: 1, metricPrevious: 0, metricCurrent: 500 });
    expect(cell('—', 'C')).toEqual({ customers: 1, metricPrevious: -50, metricCurrent: 50 });
    const total = CLASSES.reduce((s, p) => s + CLASSES.reduce((t, q) => t + m.abc[p][q].customers, 0), 0);
    expect(total).toBe(6);
  });

  it('the XYZ matrix: "—" for a series too new (min-periods 2) and wherever the ABC class is "—"', () => {
    // previous: Alpha X, Beta X, Eps Y (one of two months), Zeta — (one month of series), Delta —, Gamma —
    // current:  Alpha X, Beta Y, Gamma X, Delta — (April only), Eps Y, Zeta — (April only)
    expect(m.xyz.X.X.customers).toBe(1);
    expect(m.xyz.X.Y.customers).toBe(1);
    expect(m.xyz['—'].X.customers).toBe(1);
    expect(m.xyz.Y.Y.customers).toBe(1);
    expect(m.xyz['—']['—'].customers).toBe(2);
  });

  it('the movers: every change of ABC class, the biggest falls first, ties by customer key', () => {
    expect(m.movers.map((x) => [x.customer, x.previousAbc, x.currentAbc, x.change])).toEqual([
      ['Beta', 'A', 'B', -400],
      ['Eps', 'B', 'C', -280],
      ['Zeta', 'B', 'C', -280],
      ['Delta', '—', 'C', 100],
      ['Gamma', '—', 'B', 500],
    ]);
    expect(m.movers[0]).toEqual({ customer: 'Beta', previousAbc: 'A', currentAbc: 'B', previousSegment: 'AX', currentSegment: 'BY', metricPrevious: 500, metricCurrent: 100, change: -400 });
    expect(m.movers.find((x) => x.customer === 'Zeta')).toMatchObject({ previousSegment: '—', currentSegment: '—' });
  });

  it('is left out, with a warning that says how much data it needs, when the previous window has no lines', () => {
    const short = run(lines, { asOf: '2024-04-30' });
    expect(short.migration).toBeNull();
    const w = short.warnings.find((x) => /migration/i.test(x))!;
    expect(w).toContain('2023-05-01 – 2024-04-30');
    expect(w).toContain('2022-05-01 – 2023-04-30');
    expect(w).toContain('the data starts on 2024-01-05');
    expect(w).toContain('compare-periods');
    // compare-periods 0: left out without a word
    const off = run(lines, { asOf: '2024-04-30', comparePeriods: 0 });
    expect(off.migration).toBeNull();
    expect(off.warnings.some((x) => /migration/i.test(x))).toBe(false);
  });
});

// --- properties -------------------------------------------------------------------------------

const NAMES = ['Acme', 'Beta', 'Gamma', 'Delta', 'Eps', 'Zeta', 'Eta', 'Theta', 'Iota'];
const lineArb = fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 730 }), fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 500 }) }, { weight: 2, arbitrary: fc.integer({ min: -300, max: 0 }) }))
  .map(([c, d, a]): Line => [c, isoOf(dayOf('2023-01-01') + d), a]);
const ledgerArb = fc.array(lineArb, { minLength: 2, maxLength: 90 }).filter((ls) => ls.some((l) => l[2] > 0));
const optionsArb = fc.record({
  comparePeriods: fc.integer({ min: 1, max: 13 }),
  period: fc.constantFrom<'month' | 'week'>('month', 'week'),
  abcRule: fc.constantFrom('cumulative', 'crossing', 'count'),
  xyzMethod: fc.constantFrom('frequency', 'cv'),
  minPeriods: fc.integer({ min: 1, max: 4 }),
});

describe('properties of the migration', () => {
  it('agrees with each window segmented on its own lines; row sums are the previous classes, column sums the current ones', () => {
    let compared = 0;
    fc.assert(fc.property(ledgerArb, optionsArb, (lines, o) => {
      const r = run(lines, { ...o, dynamicsPeriods: 0 });
      const asOf = Math.max(...lines.map((l) => dayOf(l[1])));
      const w = referenceWindows(asOf, { ...REF_DEFAULTS, ...o });
      const segOpts = { period: o.period, abcRule: o.abcRule as never, xyzMethod: o.xyzMethod as never, minPeriods: o.minPeriods };
      const before = windowClasses(lines, w.previous, segOpts);
      const now = windowClasses(lines, w.current, segOpts);
      if (before.size === 0) {
        expect(r.migration).toBeNull();
        expect(r.warnings.some((x) => x.includes('compare-periods'))).toBe(true);
        return;
      }
      compared++;
      const m = r.migration!;
      expect(m.previous).toEqual(w.previous);
      expect(m.current).toEqual(w.current);
      const none = { abc: '—', xyz: '—', segment: '—', metric: 0 };
      const names = [...new Set([...before.keys(), ...now.keys()])];
      for (const kind of ['abc', 'xyz'] as const) {
        const rows = kind === 'abc' ? CLASSES : (['X', 'Y', 'Z', '—'] as const);
        const matrix = m[kind] as Record<string, Record<string, { customers: number; metricPrevious: number; metricCurrent: number }>>;
        for (const p of rows) {
          for (const q of rows) {
            const who = names.filter((c) => (before.get(c) ?? none)[kind] === p && (now.get(c) ?? none)[kind] === q);
            expect(matrix[p][q].customers, `${kind} ${p}→${q}`).toBe(who.length);
            expect(matrix[p][q].metricPrevious).toBeCloseTo(who.reduce((s, c) => s + (before.get(c) ?? none).metric, 0), 6);
            expect(matrix[p][q].metricCurrent).toBeCloseTo(who.reduce((s, c) => s + (now.get(c) ?? none).metric, 0), 6);
          }
          // row sums: the previous window's class counts; column sums: the current window's
          expect(rows.reduce((s, q) => s + matrix[p][q].customers, 0)).toBe(names.filter((c) => (before.get(c) ?? none)[kind] === p).length);
          expect(rows.reduce((s, q) => s + matrix[q][p].customers, 0)).toBe(names.filter((c) => (now.get(c) ?? none)[kind] === p).length);
        }
      }
      const movers = names.filter((c) => (before.get(c) ?? none).abc !== (now.get(c) ?? none).abc)
        .map((c) => ({ c, change: (now.get(c) ?? none).metric - (before.get(c) ?? none).metric }))
        .sort((x, y) => x.change - y.change || (x.c.toLowerCase() < y.c.toLowerCase() ? -1 : 1));
      expect(m.movers.map((x) => x.customer)).toEqual(movers.map((x) => x.c));
      for (const x of m.movers) {
        expect(x.previousSegment).toBe((before.get(x.customer) ?? none).segment);
        expect(x.currentSegment).toBe((now.get(x.customer) ?? none).segment);
        expect(x.change).toBeCloseTo(x.metricCurrent - x.metricPrevious, 9);
      }
    }), { numRuns: 120 });
    expect(compared).toBeGreaterThan(30);
  });
});
