// The flows between two consecutive period ends (SPEC §7), from the status codes at p − 1 and p
// (rules/lifecycle.ts: LOST, AT_RISK …; 0 no status) and whether the customer bought in p.
// Lost stock moves by exactly these: stock(p) − stock(p − 1) = newly lost − won back + lost again
// − left Lost without a purchase (the property tests hold the table to it).

import { LOST } from './lifecycle';

/** Newly lost in p: Lost at p and not at p − 1 (whatever it was then, or no status at all). */
export function isNewlyLost(prev: number, cur: number): boolean {
  return cur === LOST && prev !== LOST;
}

/** Won back in p: Lost at p − 1 and a purchase day in p. */
export function isWonBack(prev: number, bought: boolean): boolean {
  return prev === LOST && bought;
}

/**
 * Won back in p and Lost again at p's end: a purchase early in a long period (a quarter, a year)
 * can be followed by enough silence before its end. Counted as won back, and still in the stock.
 */
export function isLostAgain(prev: number, cur: number, bought: boolean): boolean {
  return prev === LOST && cur === LOST && bought;
}

/**
 * Left Lost without a purchase: only the population's typical gap growing can do it, and only to a
 * customer with one purchase day (its own gap is that one); no loss and no win-back.
 */
export function leftLostWithoutPurchase(prev: number, cur: number, bought: boolean): boolean {
  return prev === LOST && cur !== LOST && !bought;
}

/** Net change of the customer base in a period: new + won back − newly lost. */
export function netChange(newCustomers: number, wonBack: number, newlyLost: number): number {
  return newCustomers + wonBack - newlyLost;
}
