// The two per-customer answers of a fitted BG/NBD model (Fader, Hardie & Lee 2005).
//
// P(alive | x, t_x, T) = 1 / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+t_x))^{r+x})   (Fader, Hardie & Lee,
// note 021), computed as 1/(1 + e^z) with z in logarithms, so the power never overflows: a
// customer who bought often and then stopped long ago has z ≫ 0 and P(alive) → 0, not NaN.
// A customer with one transaction day (x = 0) is alive with probability 1: in BG/NBD a customer
// can only drop out right after a purchase — the model's known blind spot for one-time buyers.
//
// E[Y(t) | x, t_x, T], the expected transaction days in the next t (eq. 10):
//   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
//   z = t/(α+T+t).
// As written it breaks three ways: the power and the ₂F₁ overflow for large x (the ₂F₁ grows like
// (1−z)^{a−1−r−x}), a = 1 is 0/0, and a+b+x−1 ≤ 0 (x = 0, a + b < 1) makes the series divide by
// zero or alternate wildly. Euler's transformation ₂F₁(A,B;c;z) = (1−z)^{c−A−B} ₂F₁(c−A, c−B; c; z)
// — the one lifetimes falls back on when ₂F₁ overflows — cancels the power exactly:
//   ((1−z))^{r+x} ₂F₁(r+x, b+x; c; z) = (1−z)^h ₂F₁(a+b−1−r, h; c; z),  c = a+b+x−1, h = a−1,
// and with ₂F₁ = 1 + h·S/c (hyp2f1.ts) the bracket over h becomes
//   (c/h)·[1 − (1−z)^h] − (1−z)^h·S = c·(−expm1(h·ln(1−z))/h) − (1−z)^h·S,
// where expm1(hL)/h tends to L as h → 0 (so a = 1 is no special case but the limit) and S is a
// series with positive denominators only. Every quantity is finite for every r, α, a, b > 0.

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

/** P(alive) of a customer with x repeat transactions, the last at t_x, observed for T (model units). */
export function pAlive(p: BgnbdParams, x: number, t: number, T: number): number {
  const z = deathLogOdds(p, x, t, T);
  if (z === -Infinity) return 1;
  return z > 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
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
  const bracket = -c * expm1Over(h, L) - Math.exp(h * L) * hyp2f1Tail(a + b - 1 - r, h, c, z);
  // the exact value is positive; a rounding below zero would read as a negative count
  return Math.max(0, bracket);
}

/** Expected transaction days in the next `horizon` (model units) of a customer with history (x, t_x, T). */
export function expectedPurchases(p: BgnbdParams, horizon: number, x: number, t: number, T: number): number {
  return aliveExpectation(p, horizon, x, T) * pAlive(p, x, t, T);
}
