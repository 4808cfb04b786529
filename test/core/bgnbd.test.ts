// The BG/NBD model (SPEC §11, issue 16): the published CDNOW answers, known values of its formulas,
// the exact derivatives the Newton fit relies on, and the cases that break other implementations
// (poor starts, one-time buyers, a single customer, ties, a = 1, a + b < 1, huge x).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aliveExpectation, bgnbdModel, expectedPurchases, fitBgnbd, fitFrom, hyp2f1, logLikelihood, pAlive, summarise, type DayHistories,
} from '../../core/analyses/bgnbd';
import { segment, type PartialOptions, type RawCell } from '../../core';
import { ledgerCsv } from '../../scripts/gen-ledger.mjs';
import { cdnowCalibration } from '../fixtures/cdnow';

/** Histories from a list of [x, t_x days, T days]. */
const histories = (list: readonly (readonly [number, number, number])[]): DayHistories => ({
  n: list.length, x: Int32Array.from(list, (h) => h[0]), tDays: Int32Array.from(list, (h) => h[1]), TDays: Int32Array.from(list, (h) => h[2]),
});

/** ln Γ by Lanczos (g = 7, n = 9): the reference below computes eq. 6 as lifetimes does, with log-gamma. */
function lnGamma(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  z -= 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** One customer's log-likelihood, FHL 2005 §7 as lifetimes writes it (A1 … A4, log-sum-exp). */
function referenceLl(r: number, al: number, a: number, b: number, x: number, t: number, T: number): number {
  const A1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(al);
  const A2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const A3 = -(r + x) * Math.log(al + T);
  const A4 = Math.log(a) - Math.log(b + Math.max(x, 1) - 1) - (r + x) * Math.log(al + t);
  const m = x > 0 ? Math.max(A3, A4) : A3;
  return A1 + A2 + m + Math.log(Math.exp(A3 - m) + (x > 0 ? Math.exp(A4 - m) : 0));
}

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** BTYD's walkthrough estimate for the same data (bench-data README). */
const BTYD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
const theta = (p: { r: number; alpha: number; a: number; b: number }) => [p.r, p.alpha, p.a, p.b].map(Math.log);

describe('CDNOW: the published BG/NBD estimates', () => {
  const s = summarise(cdnowCalibration(), 7);

  it('the fixture is the 2,357-customer calibration sample: 946 repeat buyers, 1,016 distinct histories', () => {
    expect(s.customers).toBe(2357);
    expect(s.repeaters).toBe(946);
    expect(s.patterns.n).toBe(1016);
    expect(s.maxT).toBeCloseTo(272 / 7, 12); // 1997-01-01 to 1997-09-30
  });

  it('fits r = 0.2426, α = 4.4137, a = 0.7930, b = 2.4262 (each ± 0.001) with log-likelihood −9582.43 (± 0.01)', () => {
    const f = fitBgnbd(s, 'week')!;
    expect(f.converged).toBe(true);
    expect(Math.abs(f.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(f.alpha - 4.4137)).toBeLessThan(0.001);
    expect(Math.abs(f.a - 0.793)).toBeLessThan(0.001);
    expect(Math.abs(f.b - 2.4262)).toBeLessThan(0.001);
    expect(Math.abs(f.logLikelihood - -9582.43)).toBeLessThan(0.01);
    // and CLVTools' own optimum on the same data to five digits: r 0.2425945, α 4.4136019, a 0.7929199, b 2.4258881
    expect(f.r).toBeCloseTo(0.2425945, 5);
    expect(f.alpha).toBeCloseTo(4.4136019, 4);
    expect(f.a).toBeCloseTo(0.7929199, 4);
    expect(f.b).toBeCloseTo(2.4258881, 3);
  });

  it('the log-likelihood at BTYD\'s estimate is its −9582.429, and at the paper\'s rounded one −9582.4', () => {
    expect(logLikelihood(s, theta(BTYD))).toBeCloseTo(-9582.429, 3);
    expect(logLikelihood(s, theta(PUBLISHED))).toBeCloseTo(-9582.4, 1);
  });

  it('the grouped likelihood equals the per-customer sum of eq. 6 written with log-gamma, anywhere', () => {
    const h = cdnowCalibration();
    for (const p of [BTYD, { r: 1, alpha: 3, a: 1, b: 3 }, { r: 0.05, alpha: 40, a: 3.5, b: 0.4 }]) {
      let ref = 0;
      for (let i = 0; i < h.n; i++) ref += referenceLl(p.r, p.alpha, p.a, p.b, h.x[i], h.tDays[i] / 7, h.TDays[i] / 7);
      expect(logLikelihood(s, theta(p))).toBeCloseTo(ref, 6);
    }
  });

  it('converges to the same optimum from poor starts', () => {
    const best = fitBgnbd(s, 'week')!;
    for (const start of [[100, 1e-3, 50, 0.01], [1e-4, 1e4, 1e-3, 1e3], [0.01, 0.01, 10, 10], [10, 100, 0.01, 0.01], [1, 1, 1, 1]]) {
      const run = fitFrom(s, start.map(Math.log));
      expect(run.converged, String(start)).toBe(true);
      const [r, alpha, a, b] = Array.from(run.x, Math.exp);
      expect(Math.abs(r - best.r) / best.r).toBeLessThan(1e-6);
      expect(Math.abs(alpha - best.alpha) / best.alpha).toBeLessThan(1e-6);
      expect(Math.abs(a - best.a) / best.a).toBeLessThan(1e-6);
      expect(Math.abs(b - best.b) / best.b).toBeLessThan(1e-6);
    }
  });

  it('days or weeks: the same P(alive) and expected purchases; α is 7 × as large in days', () => {
    const h = cdnowCalibration();
    const w = bgnbdModel(h, { bgnbdUnit: 'week', horizonDays: 90, churnModel: 'gap' });
    const d = bgnbdModel(h, { bgnbdUnit: 'day', horizonDays: 90, churnModel: 'gap' });
    expect(d.parameters!.converged).toBe(true);
    expect(d.parameters!.alpha / w.parameters!.alpha).toBeCloseTo(7, 5);
    expect(d.parameters!.r).toBeCloseTo(w.parameters!.r, 6);
    // the log-likelihood of the times in days is that in weeks less Σx·ln 7
    let sumX = 0;
    for (let i = 0; i < h.n; i++) sumX += h.x[i];
    expect(d.parameters!.logLikelihood).toBeCloseTo(w.parameters!.logLikelihood - sumX * Math.log(7), 5);
    for (let i = 0; i < h.n; i += 37) {
      expect(d.pAlive[i]).toBeCloseTo(w.pAlive[i], 7);
      expect(d.expected[i]).toBeCloseTo(w.expected[i], 7);
    }
  });
});

describe('known values of the formulas', () => {
  // P(alive) (FHL note 021) and E[Y(t) | x, t_x, T] (eq. 10) at the paper's r = 0.243, α = 4.414,
  // a = 0.793, b = 2.426, against the references named; every value was also recomputed here with
  // scipy's hyp2f1 (lifetimes' own formulas) and agrees to 1e-12.
  it('P(alive): lifetimes and BTYD examples', () => {
    expect(pAlive(PUBLISHED, 0, 0, 38.86)).toBe(1); // lifetimes: one-time buyers are alive
    expect(pAlive(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4); // CDNOW customer 1
    expect(pAlive(PUBLISHED, 1, 1.71, 38.86)).toBeCloseTo(0.2121, 4); // CDNOW customer 2
    expect(pAlive(PUBLISHED, 23, 39, 39)).toBeCloseTo(0.9686, 4); // BTYD bgnbd.PAlive example
    // BTYD's "increasing frequency paradox" example: x = 5 … 20 at t_x = 30, T = 39
    expect([5, 10, 15, 20].map((x) => pAlive(PUBLISHED, x, 30, 39))).toEqual([0.7056, 0.5716, 0.3751, 0.1968].map((v) => expect.closeTo(v, 4)));
  });

  it('E[Y(39) | 2, 30.43, 38.86] = 1.226 (lifetimes test, from Hardie\'s spreadsheet); the Quickstart ranking\'s E[Y(1)]', () => {
    expect(expectedPurchases(PUBLISHED, 39, 2, 30.43, 38.86)).toBeCloseTo(1.2260, 4);
    expect(expectedPurchases(PUBLISHED, 1, 26, 30.86, 31)).toBeCloseTo(0.7106, 4); // customer 1516
    expect(expectedPurchases(PUBLISHED, 1, 29, 37.71, 38)).toBeCloseTo(0.6624, 4); // customer 157
    expect(expectedPurchases(PUBLISHED, 90 / 7, 2, 30.43, 38.86)).toBeCloseTo(0.452501, 6); // scipy
  });

  it('E[X(t)] (eq. 9, the case x = t_x = T = 0) at the fitted values: Hardie\'s 0.0078 … 1.8576 (lifetimes, 3 decimals)', () => {
    const fit = fitBgnbd(summarise(cdnowCalibration(), 7), 'week')!;
    const got = [0.1429, 1, 3, 31.8571, 32, 78].map((t) => expectedPurchases(fit, t, 0, 0, 0));
    expect(got).toEqual([0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576].map((v) => expect.closeTo(v, 3)));
  });

  it('₂F₁ against scipy.special.hyp2f1', () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.LN2, 14); // −ln(1 − z)/z
    const cases: [number, number, number, number, number][] = [
      [0.5, 2.4, 3.2, 0.3, 1.138633922624315],
      [2.2, 0.79, 1.5, 0.9, 20.3205879284448],
      [12.24, 14.43, 16.22, 0.229, 16.824382448556186],
      [-0.7, 0.3, 0.6, 0.8, 0.6766127024482904],
      [1.98, -0.21, 2.22, 0.74, 0.790284769264046],
    ];
    for (const [a, b, c, z, want] of cases) expect(Math.abs(hyp2f1(a, b, c, z) - want) / want).toBeLessThan(1e-12);
  });
});

describe('derivatives', () => {
  const s = summarise(cdnowCalibration(), 7);
  it('the gradient and Hessian in log-parameters equal central differences, anywhere', () => {
    fc.assert(fc.property(fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: -3, max: 3, noNaN: true }))), (th) => {
      const g = new Float64Array(4), H = new Float64Array(16);
      logLikelihood(s, th, g, H);
      const eps = 1e-5;
      for (let i = 0; i < 4; i++) {
        const up = [...th], down = [...th];
        up[i] += eps; down[i] -= eps;
        const gu = new Float64Array(4), gd = new Float64Array(4), scratch = new Float64Array(16);
        const fd = (logLikelihood(s, up, gu, scratch) - logLikelihood(s, down, gd, scratch)) / (2 * eps);
        const scale = Math.max(1, Math.abs(g[i]));
        expect(Math.abs(g[i] - fd) / scale).toBeLessThan(1e-5);
        for (let j = 0; j < 4; j++) {
          const hd = (gu[j] - gd[j]) / (2 * eps);
          expect(Math.abs(H[i * 4 + j] - hd) / Math.max(1, Math.abs(H[i * 4 + j]))).toBeLessThan(1e-4);
        }
      }
    }), { numRuns: 30 });
  });
});

describe('never NaN', () => {
  it('P(alive) in [0, 1] and the expectation finite and ≥ 0 for any parameters and history', () => {
    const positive = fc.double({ min: -9, max: 9, noNaN: true }).map(Math.exp);
    fc.assert(fc.property(positive, positive, positive, positive, fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }),
      (r, alpha, a, b, x, f, T, horizon) => {
        const p = { r, alpha, a, b };
        const t = x === 0 ? 0 : f * T;
        const pa = pAlive(p, x, t, T);
        const e = expectedPurchases(p, horizon, x, t, T);
        expect(pa >= 0 && pa <= 1).toBe(true);
        expect(Number.isFinite(e) && e >= 0).toBe(true);
      }), { numRuns: 400 });
  });

  it('a = 1 is the limit of a → 1 (not 0/0), and a + b < 1 with x = 0 is finite (lifetimes#442 gives NaN)', () => {
    const at = (a: number) => expectedPurchases({ ...PUBLISHED, a }, 39, 2, 30.43, 38.86);
    expect(at(1)).toBeCloseTo(at(1 + 1e-9), 8);
    expect(at(1)).toBeCloseTo(at(1 - 1e-9), 8);
    const low = { r: 0.5, alpha: 2, a: 0.3, b: 0.4 };
    expect(aliveExpectation(low, 39, 0, 10)).toBeCloseTo(1.0099876116941, 10); // scipy
    // a > x + r + 1, where the transformed series would overflow and the original one is used
    expect(expectedPurchases({ r: 1, alpha: 1, a: 120.86173918465059, b: 1 }, 500, 0, 0, 0)).toBeCloseTo(1.0063133868664, 10);
    expect(expectedPurchases({ ...PUBLISHED, a: 8.5 }, 39, 2, 30.43, 38.86)).toBeCloseTo(0.19784766069055, 12);
    expect(expectedPurchases({ r: 2.5, alpha: 4.414, a: 3.5, b: 2.426 }, 39, 0, 0, 3)).toBeCloseTo(1.8437052938762, 12);
    expect(Number.isFinite(expectedPurchases(PUBLISHED, 39, 3000, 38, 39))).toBe(true);
    expect(pAlive(PUBLISHED, 3000, 1, 39)).toBe(0); // bought 3,000 times, then nothing for 38 weeks
  });

  it('the expectation grows with the horizon and is 0 for none', () => {
    const e = [0, 1, 4, 13, 52, 520].map((t) => expectedPurchases(PUBLISHED, t, 4, 20, 39));
    expect(e[0]).toBe(0);
    for (let k = 1; k < e.length; k++) expect(e[k]).toBeGreaterThan(e[k - 1]);
  });
});

describe('when there is no model', () => {
  const H = ['Customer', 'Date', 'Amount'];
  const ledger = (rows: [string, string, number][]): RawCell[][] => [H, ...rows];

  it('nobody repeats (all one-time buyers): no model, empty columns, a warning naming BG/NBD', () => {
    const rows = Array.from({ length: 40 }, (_, i): [string, string, number] => [`C${i}`, `2024-0${1 + (i % 9)}-1${i % 10}`, 10 + i]);
    const r = segment(ledger(rows), { asOf: '2024-12-31' });
    expect(r.bgnbd).toBeNull();
    expect(r.customers.every((c) => c.pAlive === null && c.expectedPurchases === null)).toBe(true);
    expect(r.warnings).toContain('BG/NBD: only 0 of 40 customer(s) bought on more than one day; the model needs at least 10, so P(alive) and expected purchases are left empty.');
    expect(r.bgnbdWarning).toBe(r.warnings[r.warnings.length - 1]);
  });

  it('a single customer, however often it buys: no model', () => {
    const rows = Array.from({ length: 30 }, (_, i): [string, string, number] => ['Solo', `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12) * 9).padStart(2, '0')}`, 5]);
    const r = segment(ledger(rows), { asOf: '2024-12-31' });
    expect(r.bgnbd).toBeNull();
    expect(r.warnings.join('\n')).toMatch(/BG\/NBD: only 1 of 1 customer\(s\)/);
  });

  it('with churn-model = bgnbd the statuses fall back to the gap rule, and the warning says so', () => {
    const rows = Array.from({ length: 12 }, (_, i): [string, string, number] => [`C${i}`, `2024-0${1 + (i % 9)}-15`, 10]);
    const gap = segment(ledger(rows), { asOf: '2024-12-31' });
    const bg = segment(ledger(rows), { asOf: '2024-12-31', churnModel: 'bgnbd' });
    expect(bg.customers.map((c) => c.status)).toEqual(gap.customers.map((c) => c.status));
    expect(bg.bgnbdWarning).toMatch(/^BG\/NBD: .* With churn-model=bgnbd, the statuses come from the gap rule instead\.$/);
    expect(gap.bgnbdWarning).not.toMatch(/gap rule/);
  });

  it('a population too alike to fit (every customer the same weekly buyer): not converged, said why', () => {
    const rows: [string, string, number][] = [];
    for (let c = 0; c < 20; c++) for (let w = 0; w < 10; w++) rows.push([`C${c}`, new Date(Date.UTC(2024, 0, 1 + c + 7 * w)).toISOString().slice(0, 10), 10]);
    const r = segment(ledger(rows), { asOf: '2024-04-01' });
    expect(r.bgnbd?.converged).toBe(false);
    expect(r.customers.every((c) => c.pAlive === null)).toBe(true);
    expect(r.bgnbdWarning).toMatch(/^BG\/NBD: the fit did not converge — the likelihood keeps rising as \S+ runs to a limit/);
  });
});

describe('transaction days (SPEC §11) from a ledger', () => {
  // the project's generated ledger (86 customers, 2023–2024) makes the model; the test customers
  // are added to it and read off the same run
  const base = ledgerCsv({ rows: 1000, profit: false }).trim().split('\n').slice(1).map((l) => { const [c, d, a] = l.split(','); return [c, d, Number(a)] as [string, string, number]; });
  const run = (extra: [string, string, number][], o: PartialOptions = {}) => segment([['Customer', 'Date', 'Amount'], ...base, ...extra], { asOf: '2024-12-31', ...o });

  it('same-day lines merge, a zero-value order counts, a return does not; ties share one history', () => {
    const r = run([
      ['Twin A', '2024-03-01', 20], ['Twin A', '2024-06-01', 20],
      ['Twin B', '2024-03-01', 5], ['Twin B', '2024-03-01', 7], ['Twin B', '2024-06-01', 0], // same day twice, a $0 order
      ['Twin C', '2024-03-01', 20], ['Twin C', '2024-06-01', 20], ['Twin C', '2024-08-01', -20], // a return is no transaction
    ]);
    expect(r.bgnbd?.converged).toBe(true);
    const byName = new Map(r.customers.map((c) => [c.customer, c]));
    const a = byName.get('Twin A')!;
    expect(a.pAlive).not.toBeNull();
    for (const n of ['Twin B', 'Twin C']) {
      expect(byName.get(n)!.pAlive).toBe(a.pAlive);
      expect(byName.get(n)!.expectedPurchases).toBe(a.expectedPurchases);
    }
    // the same P(alive) as the formula for x = 1, t_x = 92 days, T = 305 days
    const m = r.bgnbd!;
    expect(a.pAlive).toBeCloseTo(pAlive(m, 1, 92 / 7, 305 / 7), 12);
    expect(a.expectedPurchases).toBeCloseTo(expectedPurchases(m, 90 / 7, 1, 92 / 7, 305 / 7), 12);
  });

  it('a customer with only returns has no P(alive); one whose only day is the as-of date is fitted with T = 0 and is alive', () => {
    const r = run([['Refund only', '2024-05-01', -30], ['Brand new', '2024-12-31', 40]]);
    const byName = new Map(r.customers.map((c) => [c.customer, c]));
    expect(byName.get('Refund only')!.pAlive).toBeNull();
    expect(byName.get('Brand new')!.pAlive).toBe(1);
    expect(byName.get('Brand new')!.expectedPurchases).toBeGreaterThan(0);
    expect(r.bgnbd!.customers).toBe(run([]).bgnbd!.customers + 1); // the new one, not the refund
  });

  it('churn-model = bgnbd: Lost below lost-below, At risk below risk-below, else New or Active by new-days', () => {
    const gone: [string, string, number][] = [['Gone', '2024-01-02', 900], ['Gone', '2024-01-09', 900], ['Gone', '2024-01-16', 900], ['Gone', '2024-01-23', 900]];
    const r = run(gone);
    const bg = run(gone, { churnModel: 'bgnbd', lostBelow: 0.3, riskBelow: 0.6 });
    expect(bg.bgnbd?.converged).toBe(true);
    expect(bg.customers.map((c) => c.pAlive)).toEqual(r.customers.map((c) => c.pAlive));
    for (const c of bg.customers) {
      const age = Date.parse('2024-12-31') / 864e5 - c.firstPurchase!;
      const want = c.pAlive! < 0.3 ? 'Lost' : c.pAlive! < 0.6 ? 'At risk' : age <= 180 ? 'New' : 'Active';
      expect(c.status, c.customer).toBe(want);
    }
    expect(bg.customers.find((c) => c.customer === 'Gone')!.status).toBe('Lost');
    // a lost key account: on the win-back list, with its P(alive) and expected purchases
    const entry = bg.winBack.find((w) => w.customer === 'Gone')!;
    const customer = bg.customers.find((c) => c.customer === 'Gone')!;
    expect(entry.pAlive).toBe(customer.pAlive);
    expect(entry.expectedPurchases).toBe(customer.expectedPurchases);
    expect(bg.winBack.every((w) => w.pAlive !== null && w.pAlive < 0.6)).toBe(true);
  });
});
