// Readers of one column's cells: customers, numbers and text dates. Some readings depend on the
// whole column (the decimal separator, the day/month order). The readers see the rows one at a
// time, so a cell whose reading still depends on that decision says so (it is "pending") and is
// settled when the column has been seen to its end.

import { dayFromParts, dayFromSerial, localDayOfDate, parseIsoDay, splitTextDate, type TextDateParts } from './dates';
import { columnLabel } from './headers';
import { t } from './messages';
import { cellText, cleanName, decimalEvidence, errorValue, isBlank, parseNumberText } from './values';
import type { DateOrder, RawCell, SegmentOptions } from './types';

/** Customers are keyed by cleaned name, case-folded unless asked otherwise; the first spelling is shown. */
export class CustomerIndex {
  readonly names: string[] = [];
  // raw cell text → index: most cells repeat a text already seen, so they never reach add()
  private byText = new Map<string, number>();
  private byNumber = new Map<number, number>();
  private byKey = new Map<string, number>();
  constructor(private caseSensitive: boolean) {}

  /** Index of the customer in a cell, or -1 for an empty name. */
  lookup(v: RawCell): number {
    if (typeof v === 'string') {
      const hit = this.byText.get(v);
      if (hit !== undefined) return hit;
      const idx = this.add(v);
      this.byText.set(v, idx);
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

  private add(v: RawCell): number {
    if (errorValue(v)) return -1; // #N/A is not a customer
    const name = cleanName(v);
    if (name === '') return -1;
    const key = this.caseSensitive ? name : name.toLowerCase();
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.names.length;
      this.names.push(name);
      this.byKey.set(key, idx);
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

/**
 * "123.45", "-7", "1e5": text that + reads and that means the same under either decimal separator
 * (a single point not followed by exactly three digits is a decimal point in every column), so it
 * needs no column-wide decision. NaN for anything else. A second character that is a letter would
 * be 0x/0b/0o, which + reads but a ledger never means.
 */
function plainNumber(v: string): number {
  const f = v.charCodeAt(0);
  const len = v.length;
  const l = v.charCodeAt(len - 1);
  const s1 = v.charCodeAt(1) | 32;
  if (((f >= 48 && f <= 57) || f === 45 || f === 46) && l >= 48 && l <= 57 && v.indexOf(',') < 0
    && !(s1 >= 97 && s1 <= 122 && s1 !== 101) && (len < 5 || v.charCodeAt(len - 4) !== 46)) {
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

  /** A cell of a row that never asked for its value still counts as evidence. */
  observe(v: RawCell): void {
    if (this.decimal === null && typeof v === 'string' && v !== '' && !(plainNumber(v) === plainNumber(v))) this.count(v);
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
