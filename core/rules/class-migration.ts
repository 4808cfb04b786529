// Class migration between two windows (SPEC §8): a customer's class in a window, which way it moved,
// and the order of the movers list.

import type { AbcClass, Segment, XyzClass } from '../types';

/** No class in a window: no used line there, net ≤ 0 there, or (XYZ) a series too new. JSON writes it as is. */
export const NO_CLASS = '—';
export type AbcOrNone = AbcClass | typeof NO_CLASS;
export type XyzOrNone = XyzClass | typeof NO_CLASS;
export type SegmentOrNone = Segment | typeof NO_CLASS;

export const ABC_ROWS: readonly AbcOrNone[] = ['A', 'B', 'C', NO_CLASS];
export const XYZ_ROWS: readonly XyzOrNone[] = ['X', 'Y', 'Z', NO_CLASS];

/** A window's ABC class: the class, or "—" (the §4 ABC leaves a customer unclassified when net ≤ 0; absent means net 0). */
export function windowAbc(cls: AbcClass | null): AbcOrNone {
  return cls ?? NO_CLASS;
}

/** A window's XYZ class: "—" when its ABC class is "—" or its series has no XYZ class (too new; CV with a mean ≤ 0). */
export function windowXyz(abc: AbcOrNone, xyz: XyzClass | null): XyzOrNone {
  return abc === NO_CLASS || xyz === null ? NO_CLASS : xyz;
}

/** A → B → C → "—": the higher the rank, the lower the class. */
const RANK: Record<string, number> = { A: 0, B: 1, C: 2, X: 0, Y: 1, Z: 2, [NO_CLASS]: 3 };

/** −1 a fall (A → B, A → —), +1 a rise (C → A, — → B), 0 the same class. */
export function moveDirection(previous: string, current: string): -1 | 0 | 1 {
  const d = RANK[previous] - RANK[current];
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Movers: by change (current − previous metric) ascending — the biggest falls first — ties by customer key. */
export function moverOrder(changeP: number, keyP: string, changeQ: number, keyQ: string): number {
  return changeP < changeQ ? -1 : changeP > changeQ ? 1 : keyP < keyQ ? -1 : keyP > keyQ ? 1 : 0;
}
