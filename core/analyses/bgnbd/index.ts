// The BG/NBD model of SPEC §11 for one run: each customer's history from its transaction days,
// the fit, and per customer P(alive) and the expected transaction days in the next horizonDays.
//   summary.ts     histories condensed into the sums the likelihood needs
//   likelihood.ts  the log-likelihood with its gradient and Hessian in log-parameters
//   newton.ts      the safeguarded Newton method that maximises it
//   fit.ts         starts, limits, what counts as converged
//   hyp2f1.ts      the hypergeometric series of the expectation, in a form that cannot fail
//   expectation.ts P(alive) and the conditional expectation
// The model is fitted whenever the ledger has dates, whichever rule gives the status: the columns
// are there for the analyst either way; churn-model only decides what the status reads.

import { t } from '../../messages';
import { fitBgnbd, MIN_REPEATERS, UNIT_DAYS, type BgnbdFit } from './fit';
import { aliveExpectation, aliveOfLogOdds } from './expectation';
import { distinctHistories, summarise, type DayHistories } from './summary';
import type { Aggregates } from '../../aggregate';
import type { SegmentOptions } from '../../types';

export { fitBgnbd, fitFrom, MIN_REPEATERS, UNIT_DAYS, type BgnbdFit, type TimeUnit } from './fit';
export { aliveExpectation, deathLogOdds, expectedPurchases, pAlive, type BgnbdParams } from './expectation';
export { summarise, type BgnbdSummary, type DayHistories } from './summary';
export { logLikelihood } from './likelihood';
export { hyp2f1, hyp2f1Tail } from './hyp2f1';

/** What the result says about the model: the JSON contract's parameters.bgnbd. */
export interface BgnbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
  logLikelihood: number;
  customers: number;
  /** Customers of them with a second transaction day (the parameters block shows it). */
  repeaters: number;
  converged: boolean;
  unit: 'week' | 'day';
}

export interface ChurnModel {
  /** Null when no fit was tried (too few repeat buyers); else the fit, converged or not. */
  parameters: BgnbdParameters | null;
  /** By customer index (bgnbdModel: by history); NaN where there is no model or no transaction day. */
  pAlive: Float64Array;
  expected: Float64Array;
  /** Whether the columns hold values (a converged fit). */
  available: boolean;
  /** Why there is no model, when there is none (names BG/NBD, and says when the gap rule stands in). */
  warning: string | null;
}

/** The histories of the customers with a transaction day, and their customer indices. */
function histories(agg: Aggregates, asOf: number): { h: DayHistories; index: Int32Array } {
  let n = 0;
  for (let c = 0; c < agg.n; c++) if (agg.txDays[c] > 0) n++;
  const index = new Int32Array(n), x = new Int32Array(n), tDays = new Int32Array(n), TDays = new Int32Array(n);
  for (let c = 0, k = 0; c < agg.n; c++) {
    if (agg.txDays[c] === 0) continue;
    index[k] = c;
    x[k] = agg.txDays[c] - 1;
    tDays[k] = agg.txLast[c] - agg.txFirst[c];
    TDays[k] = asOf - agg.txFirst[c];
    k++;
  }
  return { h: { n, x, tDays, TDays }, index };
}

const PARAMETER_NAMES = ['r', 'α', 'a', 'b'] as const;

function parametersOf(f: BgnbdFit): BgnbdParameters {
  return { r: f.r, alpha: f.alpha, a: f.a, b: f.b, logLikelihood: f.logLikelihood, customers: f.customers, repeaters: f.repeaters, converged: f.converged, unit: f.unit };
}

/** The options the model reads. */
export type ModelOptions = Pick<SegmentOptions, 'bgnbdUnit' | 'horizonDays' | 'churnModel'>;

/**
 * Fit the model to customer histories in whole days and answer for each — the whole BG/NBD step
 * of a run after the aggregation (the benchmark times exactly this).
 */
export function bgnbdModel(h: DayHistories, o: ModelOptions): ChurnModel {
  const pA = new Float64Array(h.n).fill(NaN);
  const expected = new Float64Array(h.n).fill(NaN);
  const unitDays = UNIT_DAYS[o.bgnbdUnit];
  const summary = summarise(h, unitDays);
  const fit = fitBgnbd(summary, o.bgnbdUnit, warmStart(h, unitDays));
  const fallback = o.churnModel === 'bgnbd' ? t('warn.bgnbdFallback') : '';
  if (!fit) {
    // no customer at all: the reader's warnings already say why, and there is nothing to model
    if (summary.customers === 0) return { parameters: null, pAlive: pA, expected, available: false, warning: null };
    return {
      parameters: null, pAlive: pA, expected, available: false,
      warning: t('warn.bgnbdFew', { repeaters: summary.repeaters, customers: summary.customers, min: MIN_REPEATERS, fallback }),
    };
  }
  if (!fit.converged) {
    const warning = fit.stop === 'bound'
      ? t('warn.bgnbdBound', { ...boundParameter(fit, summary.maxT), fallback })
      : t('warn.bgnbdNotConverged', { steps: fit.iterations, fallback });
    return { parameters: parametersOf(fit), pAlive: pA, expected, available: false, warning };
  }
  // P(alive) once per distinct history and the series of the expectation once per distinct
  // (x, T) — 12,000 of the 1e6-row ledger's 70,000 customers — then copied to the customers
  const horizon = o.horizonDays / unitDays;
  const { patterns: u, patternOf } = summary;
  const xT = distinctHistories({ n: u.n, x: u.x, tDays: new Int32Array(u.n), TDays: u.TDays }, Math.round(summary.maxT * unitDays));
  const alive = new Float64Array(xT.count);
  for (let q = 0; q < xT.count; q++) { const p = xT.first[q]; alive[q] = aliveExpectation(fit, horizon, u.x[p], u.TDays[p] / unitDays); }
  // the logarithms of P(alive)'s odds (expectation.ts, deathLogOdds) from tables: ln(α + d) once
  // per day that occurs, ln(b + x − 1) once per x — 53,000 histories need some 1,500 logarithms
  const lnDay = new Float64Array(Math.round(summary.maxT * unitDays) + 1).fill(NaN);
  const lnOf = (d: number) => { let v = lnDay[d]; if (v !== v) v = lnDay[d] = Math.log(fit.alpha + d / unitDays); return v; };
  const lnB = new Float64Array(summary.tail.length + 1);
  for (let x = 1; x < lnB.length; x++) lnB[x] = Math.log(fit.b + x - 1);
  const lnA = Math.log(fit.a);
  const pP = new Float64Array(u.n), eP = new Float64Array(u.n);
  for (let p = 0; p < u.n; p++) {
    const x = u.x[p];
    pP[p] = x === 0 ? 1 : aliveOfLogOdds(lnA - lnB[x] + (fit.r + x) * (lnOf(u.TDays[p]) - lnOf(u.tDays[p])));
    eP[p] = alive[xT.of[p]] * pP[p];
  }
  for (let k = 0; k < h.n; k++) { pA[k] = pP[patternOf[k]]; expected[k] = eP[patternOf[k]]; }
  return { parameters: parametersOf(fit), pAlive: pA, expected, available: true, warning: null };
}

/** Above this many customers the fit starts from a fit on a sample of them. */
const WARM_FROM = 16_000;
const SAMPLE = 4_000;

/**
 * Where the full fit starts on a large ledger: the fit of every k-th customer (some 4,000). Newton's
 * first steps from a generic start, which only find the neighbourhood of the optimum, then cost a
 * pass over a sample instead of over all histories, and from the sample's optimum — within its
 * sampling error of the full one — two or three full steps settle it. Null (the generic starts)
 * for smaller ledgers, or when the sample has no model of its own.
 */
function warmStart(h: DayHistories, unitDays: number): Float64Array | null {
  if (h.n < WARM_FROM) return null;
  const k = Math.floor(h.n / SAMPLE);
  const m = Math.floor(h.n / k);
  const sub: DayHistories = { n: m, x: new Int32Array(m), tDays: new Int32Array(m), TDays: new Int32Array(m) };
  for (let i = 0; i < m; i++) { sub.x[i] = h.x[i * k]; sub.tDays[i] = h.tDays[i * k]; sub.TDays[i] = h.TDays[i * k]; }
  const fit = fitBgnbd(summarise(sub, unitDays), 'week');
  return fit?.converged ? Float64Array.from([fit.r, fit.alpha, fit.a, fit.b], Math.log) : null;
}

/** Fit the model to the ledger's transaction days up to as-of, and answer for each customer (by customer index). */
export function churnModel(agg: Aggregates, asOf: number, o: SegmentOptions): ChurnModel {
  const { h, index } = histories(agg, asOf);
  const m = bgnbdModel(h, o);
  const pA = new Float64Array(agg.n).fill(NaN);
  const expected = new Float64Array(agg.n).fill(NaN);
  for (let k = 0; k < h.n; k++) { pA[index[k]] = m.pAlive[k]; expected[index[k]] = m.expected[k]; }
  return { ...m, pAlive: pA, expected };
}

/** The parameter farthest out of its usual range (α relative to the longest T) and its value, for the warning. */
function boundParameter(f: BgnbdFit, maxT: number): { parameter: string; value: string } {
  const logs = [f.r, f.alpha / maxT, f.a, f.b].map((v) => Math.abs(Math.log(v)));
  const k = logs.indexOf(Math.max(...logs));
  return { parameter: PARAMETER_NAMES[k], value: `${+[f.r, f.alpha, f.a, f.b][k].toPrecision(3)}` };
}
