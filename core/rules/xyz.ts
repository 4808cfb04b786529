// XYZ: how frequently (share of active periods) or how steadily (CV of per-period spend) a customer buys.

import { EPS } from '../basics/sum';
import type { SdKind, XyzClass, XyzMethod } from '../types';

/** X if frequency ≥ x, Y if ≥ y, else Z. */
export function classifyFrequency(frequency: number, x: number, y: number): XyzClass {
  return frequency >= x - EPS ? 'X' : frequency >= y - EPS ? 'Y' : 'Z';
}

/** X if CV ≤ x, Y if ≤ y, else Z. */
export function classifyCv(cv: number, x: number, y: number): XyzClass {
  return cv <= x + EPS ? 'X' : cv <= y + EPS ? 'Y' : 'Z';
}

export function classifyXyz(method: XyzMethod, value: number, x: number, y: number): XyzClass {
  return method === 'cv' ? classifyCv(value, x, y) : classifyFrequency(value, x, y);
}

/**
 * CV of a zero-filled series given only its non-zero entries: `length` periods, of which the
 * listed `values` are the ones with lines; the rest are 0. Two-pass (mean, then squared
 * deviations), so no cancellation. Null when the mean is ≤ 0 or the SD is undefined.
 */
export function sparseCv(values: ArrayLike<number>, count: number, length: number, total: number, sd: SdKind): number | null {
  const mean = total / length;
  if (!(mean > 0)) return null;
  const dof = sd === 'sample' ? length - 1 : length;
  if (dof <= 0) return null;
  let ss = 0;
  for (let k = 0; k < count; k++) {
    const d = values[k] - mean;
    ss += d * d;
  }
  ss += (length - count) * mean * mean;
  return Math.sqrt(ss / dof) / mean;
}

/** CV of a full series (Excel STDEV.P / STDEV.S ÷ AVERAGE). */
export function seriesCv(series: ArrayLike<number>, sd: SdKind): number | null {
  let total = 0;
  for (let k = 0; k < series.length; k++) total += series[k];
  return sparseCv(series, series.length, series.length, total, sd);
}

/** XYZ codes as the columns store them (0: none). */
export const XYZ_CODES: readonly (XyzClass | null)[] = [null, 'X', 'Y', 'Z'];
/** Why a customer has no XYZ class, as stored (0: it has one). */
export const XYZ_NOTE_NET = 1; // net ≤ 0: not classified at all (SPEC §4), so no XYZ letter either
export const XYZ_NOTE_TOO_NEW = 2; // fewer than minPeriods periods of history
export const XYZ_NOTE_MEAN = 3; // CV method, mean per period ≤ 0

/**
 * A customer's XYZ class as a code: 1 X, 2 Y, 3 Z, or minus the note code when it has none.
 * `eligible`: it has an ABC class (net > 0).
 */
export function xyzCode(eligible: boolean, periods: number, active: number, cv: number, o: { xyzMethod: XyzMethod; minPeriods: number; x: number; y: number }): number {
  if (!eligible) return -XYZ_NOTE_NET;
  if (periods < o.minPeriods) return -XYZ_NOTE_TOO_NEW;
  if (o.xyzMethod === 'cv') return cv !== cv ? -XYZ_NOTE_MEAN : classifyCv(cv, o.x, o.y).charCodeAt(0) - 87;
  return classifyFrequency(periods > 0 ? active / periods : 0, o.x, o.y).charCodeAt(0) - 87;
}
