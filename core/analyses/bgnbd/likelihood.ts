// The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6 and §7), with its gradient and
// Hessian, in log-parameters θ = (ln r, ln α, ln a, ln b): every θ is a valid model, so the
// optimiser needs no bounds, and Newton steps in θ are far better scaled than in (r, α, a, b).
//
// Per customer, with q = r + x:
//   ℓ = ln Γ(r+x)/Γ(r) + ln [Γ(a+b)Γ(b+x) / (Γ(b)Γ(a+b+x))] + r ln α − q ln(α+T) + [x>0]·softplus(z)
//   z = ln a − ln(b+x−1) + q·ln((α+T)/(α+t_x))
// which is eq. 6 with the sum inside the logarithm written as e^{−q ln(α+T)}·(1 + e^z). The large
// powers (α+T)^{−q} never exist as numbers, only their logarithms — the overflow behind the
// "#NUM!" of the spreadsheet implementation (Fader & Hardie 2013, note 027) cannot happen — and
// 1/(1 + e^z) is P(alive) itself. The Γ ratios of whole steps are finite sums of logarithms
// (Γ(r+x)/Γ(r) = r(r+1)…(r+x−1)), so no log-gamma function is needed and their derivatives are
// sums of 1/(r+k), not digammas.

import type { BgnbdSummary } from './summary';

// scratch: ln(α + time) and 1/(α + time) per distinct time, ln(b + k) per k < max x
let lnBuf = new Float64Array(0);
let invBuf = new Float64Array(0);
let lnBBuf = new Float64Array(0);

/**
 * The log-likelihood of all customers at θ. With `g` (length 4) and `H` (length 16, row-major)
 * also its gradient and Hessian with respect to θ.
 */
export function logLikelihood(s: BgnbdSummary, theta: ArrayLike<number>, g?: Float64Array, H?: Float64Array): number {
  const r = Math.exp(theta[0]), al = Math.exp(theta[1]), a = Math.exp(theta[2]), b = Math.exp(theta[3]);
  const want = g !== undefined && H !== undefined;
  // natural-parameter derivatives, turned into θ ones at the end
  let gr = 0, ga = 0, gA = 0, gb = 0; // gA: ∂/∂α
  let hrr = 0, hrA = 0, hAA = 0, haa = 0, hab = 0, hbb = 0, hra = 0, hrb = 0, hAa = 0, hAb = 0;
  let v = 0;

  // the Γ ratios: Σ_k M_k [ln(r+k) + ln(b+k) − ln(a+b+k)]
  const tail = s.tail;
  if (lnBBuf.length < tail.length) lnBBuf = new Float64Array(tail.length);
  const lnB = lnBBuf; // kept: ln(b + x − 1) of the softplus term below
  for (let k = 0; k < tail.length; k++) {
    const m = tail[k];
    const rk = r + k, bk = b + k, abk = a + b + k;
    lnB[k] = Math.log(bk);
    v += m * (Math.log(rk) + lnB[k] - Math.log(abk));
    if (want) {
      const irk = 1 / rk, ibk = 1 / bk, iabk = 1 / abk;
      gr += m * irk;
      ga -= m * iabk;
      gb += m * (ibk - iabk);
      hrr -= m * irk * irk;
      haa += m * iabk * iabk;
      hab += m * iabk * iabk;
      hbb += m * (iabk * iabk - ibk * ibk);
    }
  }

  // r ln α, for every customer
  const N = s.customers;
  const lnAl = Math.log(al);
  v += N * r * lnAl;
  if (want) { gr += N * lnAl; gA += (N * r) / al; hrA += N / al; hAA -= (N * r) / (al * al); }

  // ln(α + time), once per distinct time
  const nt = s.times.length;
  if (lnBuf.length < nt) { lnBuf = new Float64Array(nt); invBuf = new Float64Array(nt); }
  const ln = lnBuf, inv = invBuf;
  for (let j = 0; j < nt; j++) { const u = al + s.times[j]; ln[j] = Math.log(u); inv[j] = 1 / u; }

  // −(r + x) ln(α + T), by distinct T
  for (let j = 0; j < s.tIndex.length; j++) {
    const k = s.tIndex[j], nT = s.tCustomers[j], w = r * nT + s.tSumX[j];
    v -= w * ln[k];
    if (want) {
      const e = inv[k];
      gr -= nT * ln[k];
      gA -= w * e;
      hrA -= nT * e;
      hAA += w * e * e;
    }
  }

  // softplus(z) of the repeat buyers, by distinct (x, t_x, T)
  const lnA = Math.log(a);
  const { gx, gt, gT, gn } = s;
  for (let j = 0; j < gx.length; j++) {
    const x = gx[j], n = gn[j];
    const q = r + x, w = b + x - 1;
    const d = ln[gT[j]] - ln[gt[j]];
    const z = lnA - lnB[x - 1] + q * d;
    // softplus(z) = ln(1 + e^z) and its derivative σ(z), without overflow either side
    const e = Math.exp(-Math.abs(z));
    v += n * (z >= 0 ? z + Math.log1p(e) : Math.log1p(e));
    const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    if (!want) continue;
    const eT = inv[gT[j]], et = inv[gt[j]];
    const iw = 1 / w;
    // ∂z: r, α, a, b
    const zr = d, zA = q * (eT - et), za = 1 / a, zb = -iw;
    const ns = n * sig, nss = n * sig * (1 - sig);
    gr += ns * zr; gA += ns * zA; ga += ns * za; gb += ns * zb;
    hrr += nss * zr * zr;
    hrA += nss * zr * zA + ns * (eT - et);
    hAA += nss * zA * zA + ns * q * (et * et - eT * eT);
    hra += nss * zr * za;
    hrb += nss * zr * zb;
    hAa += nss * zA * za;
    hAb += nss * zA * zb;
    haa += nss * za * za - ns * za * za;
    hab += nss * za * zb;
    hbb += nss * zb * zb + ns * iw * iw;
  }

  if (want) {
    // θ = ln p: ∂/∂θ_i = p_i ∂/∂p_i; ∂²/∂θ_i∂θ_j = p_i p_j ∂²/∂p_i∂p_j + [i = j] p_i ∂/∂p_i
    const p = [r, al, a, b];
    const gn4 = [gr, gA, ga, gb];
    const hn = [
      hrr, hrA, hra, hrb,
      hrA, hAA, hAa, hAb,
      hra, hAa, haa, hab,
      hrb, hAb, hab, hbb,
    ];
    for (let i = 0; i < 4; i++) {
      g![i] = p[i] * gn4[i];
      for (let j = 0; j < 4; j++) H![i * 4 + j] = p[i] * p[j] * hn[i * 4 + j] + (i === j ? p[i] * gn4[i] : 0);
    }
  }
  return v;
}
