// Readers of one column's cells: customers, numbers and text dates. Some readings depend on the
// whole column (the decimal separator, the day/month order). The readers see the rows one at a
// time, so a cell whose reading still depends on that decision says so (it is "pending") and is
// settled when the column has been seen to its end.

import { dayFromParts, dayFromSerial, localDayOfDate, parseIsoDay, splitTextDate, type TextDateParts } from '../basics/dates';
import { columnLabel } from './headers';
import { t } from '../messages';
import { giveBack, take } from '../basics/scratch';
import { cellText, cleanName, decimalEvidence, errorValue, isBlank, parseNumberText } from './values';
import type { DateOrder, RawCell, SegmentOptions } from '../types';

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

/** A number cell's value, or NaN when it is empty, an error or not a number (see numberProblem). */
export function numberOf(v: RawCell, decimal: '.' | ','): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string' || v === '') return NaN;
  if (v.charCodeAt(0) === 35 && errorValue(v)) return NaN;
  return parseNumberText(v, decimal);
}

/** Exact powers of ten: m / 10^k is then correctly rounded, the same double as + gives. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * "123.45", "-7", "1e5": text that + reads and that means the same under either decimal separator
 * (a single point not followed by exactly three digits is a decimal point in every column), so it
 * needs no column-wide decision. NaN for anything else — also for ".123" and "1.5e3", which are
 * not numbers in a decimal-comma column.
 */
export function plainNumber(v: string): number {
  // the usual ledger amount, -?digits[.digits] with at most 15 digits, read without the slower +
  const len = v.length;
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  const neg = i === 1;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; i < len; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) { m = m * 10 + (c - 48); digits++; } else if (c === 46 && point < 0) point = i; else break;
  }
  if (i === len && digits > 0 && digits <= 15 && point !== len - 1 && !(point >= 0 && point === len - 4)) {
    const x = point < 0 ? m : m / POW10[len - 1 - point];
    return neg ? -x : x;
  }
  return plainSlow(v);
}

/** A second character that is a letter would be 0x/0b/0o, which + reads but a ledger never means. */
function plainSlow(v: string): number {
  const f = v.charCodeAt(0);
  const len = v.length;
  const l = v.charCodeAt(len - 1);
  const s1 = v.charCodeAt(1) | 32;
  if (((f >= 48 && f <= 57) || f === 45 || f === 46) && l >= 48 && l <= 57 && v.indexOf(',') < 0
    && !(s1 >= 97 && s1 <= 122 && s1 !== 101) && v.charCodeAt(len - 4) !== 46
    // an exponent after a point: a comma column does not read it
    && (v.indexOf('.') < 0 || (v.indexOf('e') < 0 && v.indexOf('E') < 0))) {
    const n = +v;
    if (Number.isFinite(n)) return n;
  }
  return NaN;
}

/**
 * Numbers of one column. The decimal separator is decided from the evidence of all the column's
 * text cells ("12,5" or "1.234,56" speak for a comma); until then a cell that reads differently
 * under the two separators is pending, with both readings at hand.
 */
export class NumberColumn {
  private comma = 0;
  private dot = 0;
  /** Forced by the options, or decided by decide(). */
  decimal: '.' | ',' | null;
  /** After value() gave NaN: true when the cell only waits for the decision (see dotValue, commaValue). */
  pending = false;
  dotValue = NaN;
  commaValue = NaN;

  constructor(forced: '.' | ',' | null) {
    this.decimal = forced;
  }

  /** The cell's number; NaN when it is not a number, or when it is pending. */
  value(v: RawCell): number {
    this.pending = false;
    if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
    if (typeof v !== 'string' || v === '') return NaN;
    if (this.decimal !== ',') {
      const n = plainNumber(v);
      if (n === n) return n;
    }
    if (this.decimal !== null) return numberOf(v, this.decimal);
    this.count(v);
    const d = numberOf(v, '.');
    const c = numberOf(v, ',');
    if (d === c || (d !== d && c !== c)) return d;
    this.pending = true;
    this.dotValue = d;
    this.commaValue = c;
    return NaN;
  }

  /** A cell of a row that never asked for its value still counts as evidence (plain text carries none). */
  observe(v: RawCell): void {
    if (this.decimal === null && typeof v === 'string') this.count(v);
  }

  private count(v: string): void {
    // "12.5" alone is the default reading; only commas or repeated points carry evidence
    if (v.indexOf(',') < 0 && v.indexOf('.') === v.lastIndexOf('.')) return;
    const e = decimalEvidence(v);
    if (e === ',') this.comma++;
    else if (e === '.') this.dot++;
  }

  decide(): '.' | ',' {
    return (this.decimal ??= this.comma > this.dot ? ',' : '.');
  }
}

/** Why a cell gave no number (only called for rows that are skipped). */
export function numberProblem(v: RawCell, col: number, header: string, emptyReason: string): string {
  if (isBlank(v)) return emptyReason;
  const err = errorValue(v);
  if (err) return t('skip.error', { value: err, column: columnLabel(col, header) });
  return t('skip.badNumber', { value: cellText(v), column: columnLabel(col, header) });
}

export function readNumber(v: RawCell, decimal: '.' | ',', col: number, header: string, emptyReason: string): { ok: true; value: number } | { ok: false; reason: string } {
  const n = numberOf(v, decimal);
  return n === n ? { ok: true, value: n } : { ok: false, reason: numberProblem(v, col, header, emptyReason) };
}

/** How a distinct date text reads before the column's order is decided. */
export const DATE_FIXED = 0; // the same day (or the same problem) under either order
export const DATE_TWO_DAYS = 1; // a real day under both orders, but not the same one
export const DATE_MAY_FAIL = 2; // a day under one order and a problem under the other

/**
 * Text dates of one column. The day/month order is decided once for the whole column from all its
 * distinct texts ("13/05" can only be day-first); each distinct text is parsed once per order.
 */
export class DateTable {
  private ids = new Map<string, number>();
  private dmy: (number | string)[] = [];
  private mdy: (number | string)[] = [];
  private mismatchDmy: boolean[] = [];
  private mismatchMdy: boolean[] = [];
  private votesDmy = 0;
  private votesMdy = 0;
  private ambiguous = 0;
  private dots = 0;
  private example = '';
  /** Known from the start when the options force it; else set by decide(). */
  order: 'dmy' | 'mdy' | null;
  usedOrder: DateOrder | null = null;
  warnings: string[] = [];

  constructor(private col: number, private header: string, private options: SegmentOptions) {
    const forced = options.dateOrder;
    this.order = forced ? (forced === 'mdy' ? 'mdy' : 'dmy') : null;
  }

  /** Id of a date text, registering it (and its vote on the order) on first sight. */
  idOf(v: string): number {
    let id = this.ids.get(v);
    if (id !== undefined) return id;
    id = this.dmy.length;
    this.ids.set(v, id);
    const p = splitTextDate(v);
    if (p && p.kind === 'ambiguous') {
      this.ambiguous++;
      if (p.a > 12 && p.b <= 12) this.votesDmy++;
      else if (p.b > 12 && p.a <= 12) this.votesMdy++;
      else if (!this.example) this.example = v.trim();
      if (v.includes('.')) this.dots++;
    }
    const both = this.order === null;
    this.dmy.push(this.resolve(v, p, both ? 'dmy' : this.order!, id, this.mismatchDmy));
    if (both) this.mdy.push(this.resolve(v, p, 'mdy', id, this.mismatchMdy));
    else { this.mdy.push(this.dmy[id]); this.mismatchMdy[id] = this.mismatchDmy[id]; }
    return id;
  }

  state(id: number): number {
    const a = this.dmy[id];
    const b = this.mdy[id];
    if (a === b) return DATE_FIXED;
    return typeof a === 'number' && typeof b === 'number' ? DATE_TWO_DAYS : DATE_MAY_FAIL;
  }

  /** Day number or skip reason under the decided order (or under day-first before the decision, for Fixed texts). */
  read(id: number): number | string {
    return this.order === 'mdy' ? this.mdy[id] : this.dmy[id];
  }

  /** True when the text's problem under the decided order is only that order. */
  mismatch(id: number): boolean {
    return this.order === 'mdy' ? this.mismatchMdy[id] : this.mismatchDmy[id];
  }

  /** Decide the order for the column, as DateOrder option, evidence or convention says. */
  decide(): void {
    const forced = this.options.dateOrder;
    if (this.ambiguous === 0 || forced) {
      this.usedOrder = forced ?? null;
      this.order = forced === 'mdy' ? 'mdy' : 'dmy';
      return;
    }
    if (this.votesDmy || this.votesMdy) {
      this.order = this.votesDmy >= this.votesMdy ? 'dmy' : 'mdy';
    } else {
      // Nothing in the column tells the order. Dotted dates are day-first by convention; for
      // slashes we still decide once for the whole column and say so.
      this.order = 'dmy';
      if (this.dots < this.ambiguous) this.warnings.push(t('warn.dateOrderGuess', { example: this.example, order: 'day/month/year' }));
    }
    this.usedOrder = this.order;
  }

  private resolve(v: string, p: TextDateParts | null, order: 'dmy' | 'mdy', id: number, mismatches: boolean[]): number | string {
    let day: number | null = null;
    let reason: string | null = null;
    mismatches[id] = false;
    if (p && p.kind === 'ambiguous' && this.options.dateOrder === 'ymd') day = null;
    else if (p) {
      day = dayFromParts(p, order);
      if (day === null && p.kind === 'ambiguous' && dayFromParts(p, order === 'dmy' ? 'mdy' : 'dmy') !== null) {
        mismatches[id] = true;
        reason = t('skip.dateOrder', { value: v.trim(), order: order === 'dmy' ? 'day/month/year' : 'month/day/year' });
      }
    } else {
      day = parseIsoDay(v);
    }
    if (day !== null) return day;
    // a number typed as text is still a serial date
    const s = v.trim();
    if (!p && s.length <= 7 && /^\d+(?:\.\d+)?$/.test(s)) {
      const d = dayFromSerial(Number(s), this.options.date1904);
      if (d !== null) return d;
    }
    return reason ?? t('skip.badDate', { value: s, column: columnLabel(this.col, this.header) });
  }
}

/** Day number of a date cell that is not text (or is empty or an error), else a skip reason; text goes to the DateTable. */
export function dayOfCell(v: RawCell, options: SegmentOptions, col: number, header: string): number | string {
  if (typeof v === 'number') {
    const d = dayFromSerial(v, options.date1904);
    return d ?? t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
  }
  if (v instanceof Date) {
    const d = options.dateObjectDay ? options.dateObjectDay(v) : localDayOfDate(v);
    return d ?? t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
  }
  if (v === null || v === undefined || v === '') return t('skip.noDate');
  if (typeof v === 'string') {
    const err = errorValue(v);
    if (err) return t('skip.error', { value: err, column: columnLabel(col, header) });
    if (v.trim() === '') return t('skip.noDate');
  }
  return t('skip.badDate', { value: String(v), column: columnLabel(col, header) });
}

/** True when a date cell is text the DateTable reads (not empty, not an error value). */
export function isDateText(v: RawCell): v is string {
  return typeof v === 'string' && !(v.charCodeAt(0) === 35 && errorValue(v)) && v.trim() !== '';
}
