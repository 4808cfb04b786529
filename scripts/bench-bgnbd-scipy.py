#!/usr/bin/env python3
"""The pandas/scipy route to a BG/NBD fit, for the benchmark beside the core's (scripts/bench-bgnbd.mjs).

    python3 scripts/bench-bgnbd-scipy.py histories.csv [runs]

histories.csv: x,t_days,T_days per customer (written by bench-bgnbd.mjs from the same ledger).
Fits as lifetimes' BetaGeoFitter does (lifetimes/fitters/beta_geo_fitter.py): times in weeks
scaled by 1/max(T), log-parameters from 0.1, the mean negative log-likelihood with gammaln and
a log-sum-exp, scipy.optimize.minimize (BFGS, tol 1e-7) - one row per customer ("ungrouped"),
and again with customers of equal (x, t_x, T) counted once with a weight ("grouped", lifetimes'
`weights`). lifetimes takes its gradient from autograd; without autograd this script lets scipy
take finite differences, so its evaluations per step differ somewhat from lifetimes'. numpy and
scipy only (pandas is not needed for a fit from histories). Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln


def negative_ll(log_params, x, tx, T, w):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha)
    ll = a1 + a2 + np.logaddexp(a3, np.where(x > 0, a4, -np.inf))
    return -(w * ll).sum() / w.sum()


def fit(x, tx, T, w):
    scale = 10.0 / T.max()  # lifetimes' _scale_time
    res = minimize(negative_ll, 0.1 * np.ones(4), args=(x, tx * scale, T * scale, w), method='BFGS', tol=1e-7)
    r, alpha, a, b = np.exp(res.x)
    alpha /= scale
    ll = -negative_ll(np.log([r, alpha, a, b]), x, tx, T, w) * w.sum()
    return {'r': r, 'alpha': alpha, 'a': a, 'b': b, 'logLikelihood': ll, 'evaluations': int(res.nfev), 'success': bool(res.success)}


def timed(x, tx, T, w, runs):
    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fit(x, tx, T, w)
        seconds.append(time.perf_counter() - t0)
    out['seconds'] = sorted(seconds)[len(seconds) // 2]
    return out


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    d = np.loadtxt(path, delimiter=',', skiprows=1, ndmin=2)
    x, tx, T = d[:, 0], d[:, 1] / 7, d[:, 2] / 7
    ungrouped = timed(x, tx, T, np.ones_like(x), runs)
    t0 = time.perf_counter()
    keys, counts = np.unique(d, axis=0, return_counts=True)
    group_s = time.perf_counter() - t0
    grouped = timed(keys[:, 0], keys[:, 1] / 7, keys[:, 2] / 7, counts.astype(float), runs)
    grouped['seconds'] += group_s
    print(json.dumps({'customers': int(len(x)), 'groups': int(len(keys)), 'ungrouped': ungrouped, 'grouped': grouped}))


if __name__ == '__main__':
    main()
