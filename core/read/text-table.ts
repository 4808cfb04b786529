// TextTable: text → small integer, tuned for the customer column of a million-row ledger.

import { giveBack, take } from '../basics/scratch';

/**
 * Open-addressing table from cell text to a number. Most cells repeat a text already seen. On a
 * large table, looking up a string in a Map costs cache misses on the bucket, the entry and the
 * stored key; here a short text (the usual customer id) is packed into the slot itself, so a
 * lookup reads one slot and compares three integers. Longer texts keep their hash in the slot and
 * are compared with the stored text. The value lives in the slot too: no per-entry arrays.
 */
export class TextTable {
  private mask: number;
  /**
   * Slots of four words: value + 2 (0 = empty; a value may be -1, "not a customer", which must be
   * remembered too), then the packed text. A long text's words are its hash, the index of the
   * stored text, and its length under the marker byte 255.
   */
  private slots: Int32Array;
  private count = 0;
  /** Texts too long to pack, in the order added. */
  private long: string[] = [];
  /** The packed form of the text last given to pack() (a typed array: the words are not Smis). */
  private w = new Int32Array(3);

  /** expected: a guess of the number of texts, so a large table is not rebuilt again and again. */
  constructor(expected = 0) {
    let size = 1024;
    while (size < expected && size < 1 << 20) size *= 2;
    this.mask = size - 1;
    this.slots = take('text.slots', Int32Array, 4 * size).fill(0);
  }

  /** Hand the slots back for the next run's table; the table must not be used afterwards. */
  release(): void {
    giveBack('text.slots', this.slots);
  }

  /** Value of a text, or undefined. */
  get(v: string): number | undefined {
    return this.probe(this.pack(v), v);
  }

  /**
   * Pack a short text of printable ASCII (33–126), lower-cased when `fold`, as pack() packs its
   * lower-cased form. False, with nothing packed, for any other text: one that is empty, long, has
   * white space (which names collapse), other characters, or starts with # (an error value?).
   */
  packPlain(v: string, fold: boolean): boolean {
    const len = v.length;
    if (len === 0 || len > 11 || v.charCodeAt(0) === 35) return false;
    let w0 = 0;
    let w1 = 0;
    let w2 = len << 24;
    for (let k = 0; k < len; k++) {
      let c = v.charCodeAt(k);
      if (c < 33 || c > 126) return false;
      if (fold && c >= 65 && c <= 90) c += 32;
      if (k < 4) w0 |= c << (k << 3);
      else if (k < 8) w1 |= c << ((k - 4) << 3);
      else w2 |= c << ((k - 8) << 3);
    }
    this.w[0] = w0;
    this.w[1] = w1;
    this.w[2] = w2;
    return true;
  }

  /** Value of the text last packed (v: that text, compared when it was too long to pack), or undefined. */
  probe(short: boolean, v: string): number | undefined {
    const w = this.w;
    const w0 = w[0], w1 = w[1], w2 = w[2];
    const slots = this.slots;
    for (let i = this.start(w0, w1, w2); ; i = (i + 4) & (4 * this.mask + 3)) {
      const e = slots[i];
      if (e === 0) return undefined;
      if (slots[i + 1] === w0 && slots[i + 3] === w2 && (short ? slots[i + 2] === w1 : this.long[slots[i + 2]] === v)) return e - 2;
    }
  }

  /** Add the text the last get() or probe() on this table did not find (value ≥ -1): its packed form is still current. */
  insert(v: string, value: number): void {
    const w = this.w;
    let w1 = w[1];
    if (w[2] >>> 24 === 255) { w1 = this.long.length; this.long.push(v); }
    this.place(value + 2, w[0], w1, w[2]);
    // at most three quarters full, so probes stay short
    if (4 * ++this.count > 3 * this.mask) this.grow();
  }

  /** Up to 11 one-byte characters and the length fit in three words; else the words carry a hash. */
  pack(v: string): boolean {
    const len = v.length;
    let w0 = 0;
    let w1 = 0;
    let w2 = len << 24;
    let short = len <= 11;
    for (let k = 0; short && k < len; k++) {
      const c = v.charCodeAt(k);
      if (c > 255) short = false;
      else if (k < 4) w0 |= c << (k << 3);
      else if (k < 8) w1 |= c << ((k - 4) << 3);
      else w2 |= c << ((k - 8) << 3);
    }
    if (!short) {
      // FNV-1a; the length byte 255 never occurs in a packed text, so the forms cannot meet
      let h = 0x811c9dc5 | 0;
      for (let k = 0; k < len; k++) h = Math.imul(h ^ v.charCodeAt(k), 16777619);
      w0 = h;
      w1 = 0;
      w2 = (255 << 24) | (len & 0xffffff);
    }
    this.w[0] = w0;
    this.w[1] = w1;
    this.w[2] = w2;
    return short;
  }

  /** First slot to probe. A long text's second word (its index) is left out: a lookup does not know it. */
  private start(w0: number, w1: number, w2: number): number {
    if (w2 >>> 24 === 255) w1 = 0;
    let h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b), 0xc2b2ae35);
    h ^= h >>> 15;
    return (h & this.mask) << 2;
  }

  private place(e: number, w0: number, w1: number, w2: number): void {
    let i = this.start(w0, w1, w2);
    while (this.slots[i] !== 0) i = (i + 4) & (4 * this.mask + 3);
    this.slots[i] = e;
    this.slots[i + 1] = w0;
    this.slots[i + 2] = w1;
    this.slots[i + 3] = w2;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(4 * (this.mask + 1));
    for (let j = 0; j < old.length; j += 4) if (old[j] !== 0) this.place(old[j], old[j + 1], old[j + 2], old[j + 3]);
  }
}
