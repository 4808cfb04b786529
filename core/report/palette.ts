// Colours of the segments, classes and statuses, and the conditional-format rules that apply them.
// A rule matches the text the cell shows, so it is built by the same labelling function as the
// cell: a translated status keeps its colour in every language.

import type { CellRange, ConditionalRule } from './layout-types';

/** Fill and font colours by code. Text labels always sit in the coloured cell, so colour is never the only cue. */
export const PALETTE: Record<string, { fill: string; font: string }> = {
  AX: { fill: '#1A9641', font: '#FFFFFF' },
  AY: { fill: '#66BD63', font: '#000000' },
  AZ: { fill: '#A6D96A', font: '#000000' },
  BX: { fill: '#D9EF8B', font: '#000000' },
  BY: { fill: '#FFFFBF', font: '#000000' },
  BZ: { fill: '#FEE08B', font: '#000000' },
  CX: { fill: '#FDAE61', font: '#000000' },
  CY: { fill: '#F46D43', font: '#000000' },
  CZ: { fill: '#D7191C', font: '#FFFFFF' },
  A: { fill: '#A6D96A', font: '#000000' },
  B: { fill: '#FFFFBF', font: '#000000' },
  C: { fill: '#FDAE61', font: '#000000' },
  X: { fill: '#C6DBEF', font: '#000000' },
  Y: { fill: '#9ECAE1', font: '#000000' },
  Z: { fill: '#4292C6', font: '#FFFFFF' },
  Lost: { fill: '#D7191C', font: '#FFFFFF' },
  'At risk': { fill: '#FDAE61', font: '#000000' },
  New: { fill: '#C6DBEF', font: '#000000' },
  // class migration (SPEC §8): a fall red as a loss, a rise green as the best segment
  fall: { fill: '#D7191C', font: '#FFFFFF' },
  rise: { fill: '#1A9641', font: '#FFFFFF' },
};

/** One rule per code: cells in `range` showing `label(code)` get the code's colours. */
export function colourRules<C extends string>(range: CellRange, codes: readonly C[], label: (code: C) => string = (c) => c): ConditionalRule[] {
  return codes.map((code) => ({ range, text: label(code), ...PALETTE[code] }));
}
