// Invariants that must hold for any ledger: row accounting, order and scale invariance,
// monotonicity, ties, and the matrix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAbc, rankOrder, segment, type RawCell } from '../../core';

const customerName = fc.constantFrom('Acme', 'acme ', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', '');
// amounts in quarters, not cents: every sum of them, and every sum scaled by 10 or 1/4, is exact in
// binary floating point (0.16 - 0.13 is not 0.03, and 0.03 * 10 is not 0.3, which broke near-ties)
const cents = fc.integer({ min: -80000, max: 2000000 }).map((c) => c / 4);
const day = fc.integer({ min: 0, max: 700 }).map((d) => 45000 + d); // Excel serials in 2023–2025
const badCell = fc.constantFrom<RawCell>('#N/A', 'abc', '', null, '31.02.2024');
const row = fc.tuple(customerName, fc.oneof({ weight: 9, arbitrary: day }, { weight: 1, arbitrary: badCell }), fc.oneof({ weight: 9, arbitrary: cents }, { weight: 1, arbitrary: badCell }));
// at least one row that is not blank: a table of blank rows only is an error (bad-inputs tests it)
const blankCell = (v: RawCell) => v === null || v === '';
// and at least one row that is used: a run that uses no row is an error (header.test.ts tests it)
const usable = (r: RawCell[]) => typeof r[0] === 'string' && r[0].trim() !== '' && typeof r[1] === 'number' && typeof r[2] === 'number';
const ledger = fc.array(row, { minLength: 1, maxLength: 120 }).filter((rows) => rows.some((r) => !r.every(blankCell)) && rows.some(usable));

const grid = (rows: RawCell[][]) => [['Customer', 'Date', 'Amount'], ...rows];
const classesOf = (rows: RawCell[][], o = {}) => {
  const r = segment(grid(rows), { asOf: '2025-12-31', ...o });
  return Object.fromEntries(r.customers.map((c) => [c.customer.toLowerCase(), `${c.abc}${c.xyz}${c.status}`]));
};

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('properties', () => {
  it('every row is accounted for: used + skipped = read, and skipped rows name real sheet rows', () => {
    fc.assert(fc.property(ledger, fc.integer({ min: 1, max: 50 }), (rows, firstRow) => {
      const r = segment(grid(rows), { asOf: '2025-12-31', firstRow });
      expect(r.totals.rowsUsed + r.totals.rowsSkipped).toBe(r.totals.rowsRead);
      const lastUsed = rows.reduce((m, x, i) => (x.some((v) => v !== '' && v !== null) ? i + 1 : m), 0);
      expect(r.totals.rowsRead).toBe(lastUsed);
      for (const s of r.skipped) {
        expect(s.row).toBeGreaterThan(firstRow);
        expect(s.row).toBeLessThanOrEqual(firstRow + rows.length);
        expect(s.reason.length).toBeGreaterThan(3);
      }
      expect(new Set(r.skipped.map((s) => s.row)).size).toBe(r.skipped.length);
    }));
  });

  it('a run does not depend on earlier runs (working buffers are reused between runs)', () => {
    const o = { asOf: '2025-12-31', xyzMethod: 'cv' as const };
    // a ledger of blank rows only is an error, which must not depend on earlier runs either
    const outcome = (rows: RawCell[][]) => { try { return segment(grid(rows), o); } catch (e) { return String(e); } };
    fc.assert(fc.property(ledger, ledger, (a, b) => {
      const first = outcome(a);
      const other = outcome(b);
      expect(outcome(a)).toEqual(first);
      expect(outcome(b)).toEqual(other);
    }), { numRuns: 200 });
  });

  it('row order does not change any class or status', () => {
    // (rows with an empty customer are read as lines of the row above them — continuation lines,
    // core/read/plausibility — which depends on the order by design: that reading is left out here)
    const o = { continuation: 'off' as const };
    fc.assert(fc.property(ledger, fc.integer(), (rows, seed) => {
      expect(classesOf(shuffle(rows, seed), o)).toEqual(classesOf(rows, o));
    }));
  });

  it('scaling every amount by 10 or 1/4 changes no class, no share and no CV', () => {
    fc.assert(fc.property(ledger, fc.constantFrom(10, 0.25), (rows, k) => {
      const scaled = rows.map(([c, d, a]) => [c, d, typeof a === 'number' ? a * k : a]);
      const o = { xyzMethod: 'cv' as const };
      expect(classesOf(scaled, o)).toEqual(classesOf(rows, o));
      const r1 = segment(grid(rows), { asOf: '2025-12-31', ...o });
      const r2 = segment(grid(scaled), { asOf: '2025-12-31', ...o });
      r1.customers.forEach((c, i) => {
        expect(r2.customers[i].customer).toBe(c.customer);
        if (c.share !== null) expect(r2.customers[i].share!).toBeCloseTo(c.share, 12);
        if (c.cv !== null) expect(r2.customers[i].cv!).toBeCloseTo(c.cv, 9);
      });
    }));
  });

  const rules = ['cumulative', 'crossing', 'count'] as const;
  const abcOf = (m: number[], rule: (typeof rules)[number]) => classifyAbc({ metric: m, rule, a: rule === 'count' ? 0.2 : 0.8, b: rule === 'count' ? 0.5 : 0.95 }).cls;

  it('within one ledger, a customer with more revenue never has a worse class (every rule)', () => {
    const metrics = fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(metrics, fc.constantFrom(...rules), (m, rule) => {
      const cls = abcOf(m, rule);
      for (let i = 0; i < m.length; i++) for (let j = 0; j < m.length; j++) if (m[i] > m[j]) expect(cls[i]! <= cls[j]!).toBe(true);
    }));
  });

  it('growing a customer\'s revenue never worsens its class under the crossing and count rules', () => {
    const metrics = fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(metrics, fc.nat(), fc.integer({ min: 1, max: 5000 }), fc.constantFrom('crossing', 'count') as fc.Arbitrary<'crossing' | 'count'>, (m, pick, extra, rule) => {
      const i = pick % m.length;
      const more = [...m];
      more[i] += extra;
      expect(abcOf(more, rule)[i]! <= abcOf(m, rule)[i]!).toBe(true); // 'A' < 'B' < 'C'
    }));
  });

  it('the cumulative rule is not monotone for the grown customer itself (documented quirk, found by the property above)', () => {
    // [2, 2, 21]: the first customer is B (cum 92 %). Grown to 18 its own share pushes its cum to 95.1 % → C.
    expect(abcOf([2, 2, 21], 'cumulative')[0]).toBe('B');
    expect(abcOf([18, 2, 21], 'cumulative')[0]).toBe('C');
    expect(abcOf([18, 2, 21], 'crossing')[0]).toBe('A');
  });

  it('equal metrics always share a class; the top item is always A', () => {
    const metrics = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(metrics, fc.constantFrom('cumulative', 'crossing', 'count'), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (m, rule, a) => {
      const r = classifyAbc({ metric: m, rule: rule as never, a, b: Math.min(1, a + 0.05) });
      const byValue = new Map<number, Set<string>>();
      m.forEach((v, i) => byValue.set(v, (byValue.get(v) ?? new Set()).add(r.cls[i]!)));
      for (const set of byValue.values()) expect(set.size).toBe(1);
      expect(r.cls[r.order[0]]).toBe('A');
    }));
  });

  it('rank order is metric descending, ties by key ascending, then by position (short and long tie runs)', () => {
    // few distinct metrics make tie runs of every length, past the insertion-sort cut-off of 32
    const item = fc.record({ metric: fc.constantFrom(-1, 0, 1, 2, 2.5, 7), key: fc.constantFrom('a', 'b', 'B', 'c0', 'c00', 'é', 'z') });
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 150 }), (items) => {
      const order = rankOrder(items.map((x) => x.metric), items.map((x) => x.key));
      const want = items.map((_, i) => i).filter((i) => items[i].metric > 0).sort((i, j) => {
        const p = items[i], q = items[j];
        return q.metric - p.metric || (p.key < q.key ? -1 : p.key > q.key ? 1 : i - j);
      });
      expect(order).toEqual(want);
    }));
  });

  it('every classified customer lands in exactly one matrix cell; cells add up', () => {
    fc.assert(fc.property(ledger, fc.constantFrom('frequency', 'cv'), (rows, xyzMethod) => {
      const r = segment(grid(rows), { asOf: '2025-12-31', xyzMethod: xyzMethod as never });
      const cells = Object.values(r.matrix);
      expect(cells.reduce((s, c) => s + c.customers, 0)).toBe(r.customers.filter((c) => c.segment).length);
      expect(r.totals.classified).toBe(r.customers.filter((c) => c.segment).length);
      for (const c of r.customers) {
        if (c.segment) expect(c.segment).toBe(`${c.abc}${c.xyz}`);
        else expect(c.abc === null || c.xyz === null).toBe(true);
      }
      const share = cells.reduce((s, c) => s + c.metricShare, 0);
      expect(share).toBeLessThanOrEqual(1 + 1e-9);
    }));
  });
});
