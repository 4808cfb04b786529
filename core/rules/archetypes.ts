// Archetypes of key-account management (SPEC §4): financier (a large share of profit, dependency
// risk above a higher share), prospect (new and buying at the pace of an A customer, or a budget
// that large), image builder and expert (tag columns), and the qualified prospect.

import { EPS } from '../basics/sum';
import type { Archetype } from '../types';

/** Archetype bits, in the order a customer's list names them. */
export const ARCHETYPE_BITS: readonly Archetype[] = ['Financier', 'Prospect', 'Image builder', 'Expert'];

/**
 * Each customer's share of the financier basis — profit when there is a profit column, else
 * revenue — counting only positive values; NaN for a customer with none.
 */
export function financierShares(basis: Float64Array): Float64Array {
  let total = 0;
  for (let c = 0; c < basis.length; c++) if (basis[c] > 0) total += basis[c];
  const out = new Float64Array(basis.length);
  for (let c = 0; c < basis.length; c++) out[c] = basis[c] > 0 && total > 0 ? basis[c] / total : NaN;
  return out;
}

export const isFinancier = (share: number, o: { financierShare: number }): boolean => share >= o.financierShare - EPS;
export const isDependencyRisk = (share: number, o: { dependencyShare: number }): boolean => share >= o.dependencyShare - EPS;

/**
 * A prospect: a customer no older than newDays whose yearly pace (or stated budget) reaches the
 * smallest A customer's metric. Annualised since the first purchase with a 30-day floor, so a
 * one-week customer is not multiplied by 52.
 */
export function isProspect(metric: number, age: number, budget: number, smallestA: number | null, o: { newDays: number }): boolean {
  if (smallestA === null || age > o.newDays) return false;
  const annual = metric * 365 / Math.max(age + 1, 30);
  return (budget === budget ? budget : annual) >= smallestA;
}

/** The archetype bits (ARCHETYPE_BITS order). */
export function archetypeBits(financier: boolean, prospect: boolean, image: boolean, expert: boolean): number {
  return (financier ? 1 : 0) | (prospect ? 2 : 0) | (image ? 4 : 0) | (expert ? 8 : 0);
}
