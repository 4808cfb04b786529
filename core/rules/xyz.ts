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
