// Numbers of a column: plain and text numbers, and the column's decimal separator, decided once
// from the evidence of all its text cells.

import { columnLabel } from './headers';
import { t } from '../messages';
import { cellText, decimalEvidence, errorValue, isBlank, parseNumberText } from './values';
import type { RawCell } from '../types';

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
