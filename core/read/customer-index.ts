// CustomerIndex: which customer a cell names. Names are cleaned, brought to one Unicode form,
// case-folded unless asked otherwise, and grouped; the first spelling met is the one shown.

import { cleanName, errorValue } from './values';
import type { RawCell } from '../types';
import { TextTable } from './text-table';

/**
 * The key customers are matched by, of a cleaned name: its NFKC form — so "Müller" typed as u +
 * combining diaeresis (NFD) and as ü (NFC) are one name, and so are compatibility forms such as
 * full-width letters (ＡＣＭＥ) and ligatures (ﬁ) — lower-cased unless case-sensitive. A name of
 * plain ASCII is its own normal form and skips the normalization.
 */
export function customerKey(name: string, caseSensitive: boolean): string {
  let ascii = true;
  for (let k = 0; k < name.length && ascii; k++) ascii = name.charCodeAt(k) < 128;
  if (ascii) return caseSensitive ? name : name.toLowerCase();
  let key = name.normalize('NFKC');
  // a compatibility form can unfold to white space (U+3000, U+2007 …): collapse it as cleanName does
  if (key !== name) key = cleanName(key);
  // lower-casing can leave a text that is not normal ("İ" → i + combining dot): normalize once more
  return caseSensitive ? key : key.toLowerCase().normalize('NFKC');
}

/** Customers are keyed by cleaned name, case-folded unless asked otherwise; the first spelling is shown. */
export class CustomerIndex {
  readonly names: string[] = [];
  /** The name as customers are matched (customerKey): normalized, case-folded unless case-sensitive; also the tie-break key. */
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
    const key = customerKey(name, this.caseSensitive);
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
