// The nine segments of the ABC-XYZ matrix (SPEC §4), numbered A/B/C × X/Y/Z so the columns can
// store a segment as a small integer.

import type { AbcClass, Segment } from '../types';

export const SEGMENTS: Segment[] = ['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ'];

/** Segment number (SEGMENTS order) of an ABC class and an XYZ code (1 X, 2 Y, 3 Z); -1 when either is missing. */
export function segmentNumber(cls: AbcClass | null, xyz: number): number {
  return cls && xyz ? (cls.charCodeAt(0) - 65) * 3 + xyz - 1 : -1;
}
