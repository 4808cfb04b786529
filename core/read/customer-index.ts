// CustomerIndex: which customer a cell names. Names are cleaned, case-folded unless asked
// otherwise, and grouped; the first spelling met is the one shown.

import { cleanName, errorValue } from './values';
import type { RawCell } from '../types';
import { TextTable } from './text-table';

/** Customers are keyed by cleaned name, case-folded unless asked otherwise; the first spelling is shown. */
export class CustomerIndex {
  readonly names: string[] = [];
  /** The name as customers are matched: case-folded unless case-sensitive; also the tie-break key. */
  readonly keys: string[] = [];
  /** Texts that are not plain (see packPlain), as they appear in cells. */
  private byText: TextTable | null = null;
  private byNumber = new Map<number, number>();
  private byKey: TextTable;
  /** expectedRows: rows to come; a ledger has some customers per row, rarely more than one in eight. */
  constructor(private caseSensitive: boolean, expectedRows = 0) {
    this.byKey = new TextTable(expectedRows / 8);
  }

  /** Index of the customer in a cell, or -1 for an empty name. */
  lookup(v: RawCell): number {
    if (typeof v === 'string') {
      // the usual id ("C000038", "10432"): the cell is its own clean name, and its packed folded
      // form is its key, so one probe of the key table answers
      const byKey = this.byKey;
      if (byKey.packPlain(v, !this.caseSensitive)) {
        const hit = byKey.probe(true, v);
        if (hit !== undefined) return hit;
        const idx = this.names.length;
        this.names.push(v);
        this.keys.push(this.caseSensitive ? v : v.toLowerCase());
        byKey.insert(this.keys[idx], idx);
        return idx;
      }
      // other texts are cleaned first; each table packs into its own words, so add() leaves
      // byText's packed form current for the insert
      const byText = (this.byText ??= new TextTable());
      const hit = byText.get(v);
      if (hit !== undefined) return hit;
      const idx = this.add(v);
      byText.insert(v, idx);
      return idx;
    }
    if (typeof v === 'number') {
      const hit = this.byNumber.get(v);
      if (hit !== undefined) return hit;
      const idx = this.add(v);
      this.byNumber.set(v, idx);
      return idx;
    }
    return this.add(v);
  }

  /** Done looking up: the tables' memory goes back for the next run. */
  release(): void {
    this.byKey.release();
    this.byText?.release();
  }

  private add(v: RawCell): number {
    if (errorValue(v)) return -1; // #N/A is not a customer
    const name = cleanName(v);
    if (name === '') return -1;
    const key = this.caseSensitive ? name : name.toLowerCase();
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.names.length;
      this.names.push(name);
      this.keys.push(key);
      this.byKey.insert(key, idx);
    }
    return idx;
  }
}
