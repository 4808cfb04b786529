// A safeguarded Newton method for a smooth function of a few variables (here the four BG/NBD
// log-parameters): Levenberg–Marquardt damping of the exact Hessian. Near the optimum it takes
// plain Newton steps, which converge quadratically — a dozen steps reach the optimum to all the
// digits a double has, where BFGS or Nelder–Mead need hundreds of evaluations of a likelihood
// that costs a pass over the data each. Far from it, or where the Hessian is not positive
// definite, the damping μ turns the step towards the steepest-descent direction and shortens it
// until the function decreases: every accepted step decreases it, so the method cannot run away
// from a poor start, only stop (at a bound, or when no step helps).

/** The function to minimise at x, its gradient into g and Hessian into H (row-major), when given. */
export type Objective = (x: Float64Array, g?: Float64Array, H?: Float64Array) => number;

export interface NewtonOptions {
  /** Per-variable limits: a minimum that lies beyond them is reported as `bound`. */
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  /** Stop when every |∂f/∂x_i| is below this. */
  gradientTolerance: number;
  maxIterations: number;
  /** The largest change of one variable in one step. */
  maxStep: number;
}

export interface NewtonResult {
  x: Float64Array;
  value: number;
  /** Largest |∂f/∂x_i| at x. */
  gradient: number;
  iterations: number;
  /** Whether the gradient tolerance was met inside the limits. */
  converged: boolean;
  /** Why it stopped: met the tolerance, reached a limit, found no better step, ran out of iterations, met a non-finite value. */
  stop: 'gradient' | 'bound' | 'stalled' | 'iterations' | 'nonFinite';
}

/** Solve (H + μI) s = −g by Cholesky; false when H + μI is not positive definite. */
function dampedStep(n: number, H: Float64Array, g: Float64Array, mu: number, L: Float64Array, s: Float64Array): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i * n + j] + (i === j ? mu : 0);
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j];
    }
  }
  for (let i = 0; i < n; i++) { // L y = −g
    let sum = -g[i];
    for (let k = 0; k < i; k++) sum -= L[i * n + k] * s[k];
    s[i] = sum / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) { // Lᵀ s = y
    let sum = s[i];
    for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * s[k];
    s[i] = sum / L[i * n + i];
  }
  return true;
}

const maxAbs = (v: Float64Array) => { let m = 0; for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i])); return m; };

/** Minimise f from x0. */
export function newtonMinimise(f: Objective, x0: ArrayLike<number>, o: NewtonOptions): NewtonResult {
  const n = x0.length;
  const x = Float64Array.from(x0, (v, i) => Math.min(o.upper[i], Math.max(o.lower[i], v)));
  const g = new Float64Array(n), H = new Float64Array(n * n);
  const xt = new Float64Array(n), gt = new Float64Array(n), Ht = new Float64Array(n * n);
  const L = new Float64Array(n * n), s = new Float64Array(n);
  let value = f(x, g, H);
  let mu = 0;
  let iterations = 0;
  const done = (stop: NewtonResult['stop']): NewtonResult => {
    const gradient = maxAbs(g);
    return { x, value, gradient, iterations, converged: stop === 'gradient', stop };
  };
  if (!Number.isFinite(value) || !Number.isFinite(maxAbs(g))) return done('nonFinite');
  while (iterations < o.maxIterations) {
    if (maxAbs(g) < o.gradientTolerance) return done('gradient');
    iterations++;
    // the smallest damping that makes the model positive definite and the step decrease f
    let accepted = false;
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]));
    const muFloor = 1e-12 * Math.max(scale, 1e-300);
    for (let tries = 0; tries < 60 && !accepted; tries++) {
      if (!dampedStep(n, H, g, mu, L, s)) { mu = Math.max(mu * 10, muFloor, 1e-8 * scale || 1e-8); continue; }
      const longest = maxAbs(s);
      const shrink = longest > o.maxStep ? o.maxStep / longest : 1;
      let moved = false;
      for (let i = 0; i < n; i++) {
        xt[i] = Math.min(o.upper[i], Math.max(o.lower[i], x[i] + shrink * s[i]));
        if (xt[i] !== x[i]) moved = true;
      }
      if (!moved) return done('stalled');
      const vt = f(xt, gt, Ht);
      if (Number.isFinite(vt) && vt <= value && Number.isFinite(maxAbs(gt))) {
        accepted = true;
        const change = value - vt;
        x.set(xt); g.set(gt); H.set(Ht); value = vt;
        mu = mu / 10 < muFloor ? 0 : mu / 10;
        // a limit reached while still descending: the minimum lies beyond it
        for (let i = 0; i < n; i++) if ((x[i] === o.lower[i] && g[i] > 0) || (x[i] === o.upper[i] && g[i] < 0)) return done('bound');
        if (change === 0 && maxAbs(g) >= o.gradientTolerance) return done('stalled');
      } else mu = Math.max(mu * 10, muFloor, 1e-8 * scale || 1e-8);
    }
    if (!accepted) return done('stalled');
  }
  return done(maxAbs(g) < o.gradientTolerance ? 'gradient' : 'iterations');
}
