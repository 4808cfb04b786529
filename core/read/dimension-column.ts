// The dimension column (SPEC §7): a region, manager, channel … per line, and the one value each
// customer is counted under when the report says where customers are lost.

import { cleanName, errorValue, isBlank } from './values';
import type { RawCell } from '../types';

/** No value (an empty or error cell). */
export const NO_DIMENSION = -1;

/**
 * The distinct values of the column, each text once: a line holds the number of its value, so a
 * million lines of a dozen regions are a million small integers, not a million strings.
 */
export class DimensionColumn {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The value of a cell as a number (NO_DIMENSION for an empty or error cell). Trimmed, inner spaces collapsed. */
  idOf(v: RawCell): number {
    if (isBlank(v) || errorValue(v) !== null) return NO_DIMENSION;
    const text = cleanName(v);
    if (text === '') return NO_DIMENSION;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

/**
 * Each customer's value: the non-empty value on its latest used line (latest by date; of lines on
 * the same day, the last in sheet order), NO_DIMENSION when none has one. The lines come in sheet
 * order, so a later line of the same day simply replaces an earlier one.
 */
export function customerDimensions(n: number, cust: Int32Array, day: Int32Array, ids: Int32Array, customers: number): Int32Array {
  const of = new Int32Array(customers).fill(NO_DIMENSION);
  const when = new Int32Array(customers).fill(-2147483648);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id === NO_DIMENSION) continue;
    const c = cust[i];
    if (day[i] >= when[c]) { when[c] = day[i]; of[c] = id; }
  }
  return of;
}
