// The Gaussian hypergeometric series of the BG/NBD expectation, in the one form that is safe for
// every parameter the fit can return. ₂F₁(A, B; c; z) = Σ_k (A)_k (B)_k / ((c)_k k!) z^k converges
// for 0 ≤ z < 1, and it is summed here as Fader & Hardie's spreadsheet note (004) does: each term
// from the one before by the ratio of consecutive terms, never from Γ functions or powers, which
// overflow (the "#NUM!" of note 027; lifetimes#442 is the NaN of the same problem in Python).
// What is summed is
//   S(A, B; c; z) = c·(₂F₁(A, B; c; z) − 1) / B = Σ_{k≥1} (A)_k (B+1)_{k−1} / ((c+1)_{k−1} k!) z^k,
// the series without its leading 1 and with c and B divided out of every term: the first term is
// A·z and the ratio of term k+1 to term k is (A+k)(B+k) z / ((c+k)(k+1)). Two things follow:
// (c)_k no longer appears — only c+1, c+2, … do — so c may be 0 or negative (a + b < 1 with
// x = 0), where the plain series divides by (c)_k and fails; and B = 0 (a = 1 below) costs no
// division by zero. See expectation.ts for why the expectation needs exactly this sum.

/** Most terms summed: the ratio of the terms tends to z, so 1/(1−z) ≪ this for every z the model meets. */
const MAX_TERMS = 200_000;

/** S(A, B; c; z) for 0 ≤ z < 1 and c > −1 (see above). */
export function hyp2f1Tail(A: number, B: number, c: number, z: number): number {
  if (z === 0) return 0;
  let term = A * z;
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= ((A + k) * (B + k) * z) / ((c + k) * (k + 1));
    sum += term;
    // stop once a term is below the last digits of the sum and the terms are shrinking for good
    // (the ratio of the terms is below 1 from here on, falling towards z as k grows)
    if (Math.abs(term) <= 1e-16 * Math.abs(sum) && Math.abs((A + k) * (B + k) * z) < Math.abs((c + k) * (k + 1))) break;
  }
  return sum;
}

/** ₂F₁(A, B; c; z) for 0 ≤ z < 1, c > −1 and c ≠ 0 — for tests against published values. */
export function hyp2f1(A: number, B: number, c: number, z: number): number {
  return 1 + (B * hyp2f1Tail(A, B, c, z)) / c;
}
