// Maximum-likelihood fit of BG/NBD's r, α, a, b (SPEC §11): the safeguarded Newton method of
// newton.ts on the log-likelihood of likelihood.ts, from several starts.
//
// Choices where the SPEC is silent (README, "BG/NBD"):
// - At least MIN_REPEATERS customers must have bought on a second day: with fewer, four
//   parameters are not pinned down by the data (a single customer, a ledger of one-time buyers),
//   and there is no model rather than a confident-looking one.
// - The objective is the mean log-likelihood per customer, so the gradient tolerance means the
//   same for 100 customers and for 100,000.
// - Starts: BTYD's (r, α, a, b) = (1, 3, 1, 3) for CDNOW in weeks, with α taken relative to the
//   longest T (3 weeks of CDNOW's 39). The safeguarded Newton method reaches the optimum from
//   starts far worse than that (the tests start it at r = 100, a = 50, b = 0.01 and the like), so
//   the other starts run only when a run fails to converge, and the best converged run is kept:
//   a second start for every fit would double the time for the answer it already has.
// - Limits: r, a, b and α / max T within [1e-6, 1e6]. A fit whose optimum lies beyond them (the
//   likelihood still rising as b → ∞: no sign that anybody drops out) has not converged: P(alive)
//   would be 1 for all, which says nothing, and the gap rule is the better guide.

import { logLikelihood } from './likelihood';
import { newtonMinimise, type NewtonResult } from './newton';
import type { BgnbdParams } from './expectation';
import type { BgnbdSummary } from './summary';

export const MIN_REPEATERS = 10;
export type TimeUnit = 'week' | 'day';
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { week: 7, day: 1 };

export interface BgnbdFit extends BgnbdParams {
  /** The log-likelihood at the fit (FHL 2005 eq. 6, times in the unit). */
  logLikelihood: number;
  /** Customers fitted, and how many of them bought again. */
  customers: number;
  repeaters: number;
  converged: boolean;
  unit: TimeUnit;
  /** Newton steps taken (all starts), and why the chosen run stopped. */
  iterations: number;
  stop: NewtonResult['stop'];
}

const LIMIT = Math.log(1e6);
/** Starts as (r, α / max T, a, b). */
const STARTS: readonly (readonly [number, number, number, number])[] = [
  [1, 3 / 39, 1, 3],
  [0.5, 1, 0.5, 0.5],
  [3, 0.01, 3, 10],
];

/** One safeguarded Newton run from θ0. */
export function fitFrom(s: BgnbdSummary, theta0: ArrayLike<number>): NewtonResult {
  const N = s.customers;
  const g = new Float64Array(4), H = new Float64Array(16);
  const objective = (th: Float64Array, gOut?: Float64Array, HOut?: Float64Array) => {
    const v = logLikelihood(s, th, gOut ? g : undefined, HOut ? H : undefined);
    if (gOut && HOut) for (let i = 0; i < 16; i++) { if (i < 4) gOut[i] = -g[i] / N; HOut[i] = -H[i] / N; }
    return -v / N;
  };
  const lnScale = Math.log(s.maxT);
  return newtonMinimise(objective, theta0, {
    lower: [-LIMIT, lnScale - LIMIT, -LIMIT, -LIMIT],
    upper: [LIMIT, lnScale + LIMIT, LIMIT, LIMIT],
    // the mean log-likelihood's gradient: Newton's last step takes it from about 1e-5 to below 1e-8,
    // where r, α, a, b are settled to some seven digits
    gradientTolerance: 1e-8,
    maxIterations: 100,
    maxStep: 3,
  });
}

const thetaOf = (start: readonly number[], maxT: number) => [Math.log(start[0]), Math.log(start[1] * maxT), Math.log(start[2]), Math.log(start[3])];

/**
 * The fit, or null when too few customers bought again to fit it at all. `warm`, when given, is
 * tried first: log-parameters from a fit on a sample of the same customers (see index.ts).
 */
export function fitBgnbd(s: BgnbdSummary, unit: TimeUnit, warm: ArrayLike<number> | null = null): BgnbdFit | null {
  if (s.repeaters < MIN_REPEATERS || !(s.maxT > 0)) return null;
  const runs: NewtonResult[] = [];
  let iterations = 0;
  for (const theta of [...(warm ? [warm] : []), ...STARTS.map((start) => thetaOf(start, s.maxT))]) {
    const run = fitFrom(s, theta);
    iterations += run.iterations;
    runs.push(run);
    if (run.converged) break;
  }
  const best = runs.reduce((p, q) => ((q.converged && !p.converged) || (q.converged === p.converged && q.value < p.value) ? q : p));
  // a run that stopped within a factor 10 of a limit was on its way out (the likelihood flattens
  // as it goes: r, α → ∞ together is one common purchase rate, a, b → ∞ one common dropout)
  const lnScale = Math.log(s.maxT);
  const outward = !best.converged && Array.from(best.x).some((v, i) => Math.abs(v - (i === 1 ? lnScale : 0)) > LIMIT - Math.LN10);
  const [r, alpha, a, b] = Array.from(best.x, Math.exp);
  return {
    r, alpha, a, b,
    logLikelihood: logLikelihood(s, best.x),
    customers: s.customers,
    repeaters: s.repeaters,
    converged: best.converged,
    unit,
    iterations,
    stop: outward ? 'bound' : best.stop,
  };
}
