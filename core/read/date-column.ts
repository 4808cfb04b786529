// Dates of a column: serials, Date objects and text dates, with the day/month order decided once
// for the whole column from all its distinct texts.

import { dayFromParts, dayFromSerial, localDayOfDate, parseIsoDay, splitTextDate, type TextDateParts } from '../basics/dates';
import { columnLabel } from './headers';
import { t } from '../messages';
import { errorValue } from './values';
import type { DateOrder, RawCell, SegmentOptions } from '../types';

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
      if (this.dots < this.ambiguous) this.warnings.push(t('warn.dateOrderGuess', { example: this.example, order: t('form.date-order.dmy') }));
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
        reason = t('skip.dateOrder', { value: v.trim(), order: t(order === 'dmy' ? 'form.date-order.dmy' : 'form.date-order.mdy') });
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
