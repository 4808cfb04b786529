// The two per-customer answers of a fitted BG/NBD model (Fader, Hardie & Lee 2005).
//
// P(alive | x, t_x, T) = 1 / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+t_x))^{r+x})   (Fader, Hardie & Lee,
// note 021), computed as 1/(1 + e^z) with z in logarithms, so the power never overflows: a
// customer who bought often and then stopped long ago has z ≫ 0 and P(alive) → 0, not NaN.
// A customer with one transaction day (x = 0) is alive with probability 1: in BG/NBD a customer
// can only drop out right after a purchase — the model's known blind spot for one-time buyers.
//
// E[Y(t) | x, t_x, T], the expected transaction days in the next t (eq. 10):
//   (c/h) · [1 − Q] · P(alive),   Q = ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; c; z),
//   c = a+b+x−1, h = a−1, z = t/(α+T+t), so (α+T)/(α+T+t) = 1−z.
// As written it breaks three ways: the power and the ₂F₁ overflow for large x (the series grows
// like (1−z)^{a−1−r−x}: lifetimes' inf, which it catches), a = 1 is 0/0, and c ≤ 0 (x = 0,
// a + b < 1) makes the series divide by zero or alternate wildly (lifetimes#442: NaN). Euler's
// transformation ₂F₁(A,B;c;z) = (1−z)^{c−A−B} ₂F₁(c−A, c−B; c; z) — lifetimes' fallback — turns Q into
//   Q = (1−z)^h ₂F₁(a+b−1−r, h; c; z),
// whose series grows like (1−z)^{x+r+1−a} instead. The two exponents are each other's negatives,
// so one of the two series always has bounded terms: the transformed one when x + r + 1 ≥ a (every
// customer who bought again, for any usual a), the original one otherwise (a large a with few
// purchases). With ₂F₁ = 1 + B·S/c (hyp2f1.ts, S free of (c)_k), [1 − Q] over h becomes
//   transformed: c·(−expm1(h·L)/h) − (1−z)^h·S(a+b−1−r, h; c; z),  L = ln(1−z),
//   original:    (−c·expm1(q·L) − (1−z)^q·(b+x)·S(q, b+x; c; z)) / h,  q = r + x,
// where expm1(hL)/h tends to L as h → 0 (a = 1 is the limit, no special case), and the original
// form is only used with a > x + r + 1 > 1, where h > 0 and c > 0. Finite for every r, α, a, b > 0.

/** The fitted parameters, α in the model's time unit. */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

import { hyp2f1Tail } from './hyp2f1';

/** ln of the odds that the customer has dropped out: P(alive) = 1/(1 + e^z). −∞ when x = 0. */
export function deathLogOdds(p: BgnbdParams, x: number, t: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + t));
}

/** 1/(1 + e^z) without overflow either side. */
export const aliveOfLogOdds = (z: number): number => (z === -Infinity ? 1 : z > 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z)));

/** P(alive) of a customer with x repeat transactions, the last at t_x, observed for T (model units). */
export function pAlive(p: BgnbdParams, x: number, t: number, T: number): number {
  return aliveOfLogOdds(deathLogOdds(p, x, t, T));
}

/** (e^{hL} − 1)/h, with its limit L at h = 0. */
const expm1Over = (h: number, L: number): number => (h === 0 ? L : Math.expm1(h * L) / h);

/**
 * E[Y(t) | x, t_x, T] / P(alive): what the expectation would be for a customer known to be alive.
 * It depends on x and T only, so many customers share it (expectedPurchases multiplies it by P(alive)).
 */
export function aliveExpectation(p: BgnbdParams, horizon: number, x: number, T: number): number {
  if (!(horizon > 0)) return 0;
  const { r, alpha, a, b } = p;
  const c = a + b + x - 1;
  const h = a - 1;
  const z = horizon / (alpha + T + horizon);
  // ln(1 − z) from its parts, exact where z is near 1
  const L = Math.log(alpha + T) - Math.log(alpha + T + horizon);
  let bracket: number;
  if (x + r + 1 >= a) bracket = -c * expm1Over(h, L) - Math.exp(h * L) * hyp2f1Tail(a + b - 1 - r, h, c, z);
  else {
    const q = r + x;
    bracket = (-c * Math.expm1(q * L) - Math.exp(q * L) * (b + x) * hyp2f1Tail(q, b + x, c, z)) / h;
  }
  // the exact value is positive; a rounding below zero would read as a negative count
  return bracket > 0 ? bracket : 0;
}

/** Expected transaction days in the next `horizon` (model units) of a customer with history (x, t_x, T). */
export function expectedPurchases(p: BgnbdParams, horizon: number, x: number, t: number, T: number): number {
  return aliveExpectation(p, horizon, x, T) * pAlive(p, x, t, T);
}
