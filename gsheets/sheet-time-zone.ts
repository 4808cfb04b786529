/// <reference types="google-apps-script" />
// Calendar days of Date cells in the *spreadsheet's* time zone.
//
// getValues() and custom-function arguments give a date cell as the instant of its midnight in the
// spreadsheet's zone, while JS Date methods in Apps Script use the script's zone (the manifest's
// timeZone): reading getDate() would put a date in the previous day (and month) whenever the two
// zones differ. The zone offset comes from Utilities.formatDate, which is a service call, so it is
// asked per month boundary, never per cell. Inside the rare month with a DST change the change is
// bisected only as far as the cells seen need it: most days are the same day under either offset,
// or lie far from the change.

const MINUTE = 60_000;
const DAY = 86_400_000;

export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

const appsScriptFormat: FormatDate = (date, timeZone, pattern) => Utilities.formatDate(date, timeZone, pattern);

/** "+0530" / "-0800" (Java's Z pattern) → offset in milliseconds. */
export function parseOffset(text: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`Unexpected time zone offset "${text}"`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MINUTE;
}

interface MonthSpan {
  start: number;
  end: number;
  before: number;
  after: number;
  /**
   * Whole minutes since the epoch: the offset is `before` at `lo` and `after` at `hi`, so the
   * month's one change lies in (lo, hi]. Narrowed by bisection when a cell falls in between.
   */
  lo: number;
  hi: number;
}

/**
 * A `dateObjectDay` for the core: Date → days since 1970-01-01 of its calendar day in `timeZone`.
 * Service calls: one per month boundary seen, plus at most 16 (a bisection to the minute) for each
 * month with an offset change. Assumes at most one change per calendar month, on a whole minute.
 */
export function dayOfDateIn(timeZone: string, formatDate: FormatDate = appsScriptFormat): (d: Date) => number | null {
  const offsets = new Map<number, number>();
  const offsetAt = (t: number): number => {
    let o = offsets.get(t);
    if (o === undefined) {
      o = parseOffset(formatDate(new Date(t), timeZone, 'Z'));
      offsets.set(t, o);
    }
    return o;
  };
  const months = new Map<number, MonthSpan>();
  let last: MonthSpan | null = null;

  const spanOf = (t: number): MonthSpan => {
    const d = new Date(t);
    const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
    let span = months.get(key);
    if (!span) {
      const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      span = { start, end, before: offsetAt(start), after: offsetAt(end), lo: start / MINUTE, hi: end / MINUTE };
      months.set(key, span);
    }
    return span;
  };

  return (date: Date): number | null => {
    const t = date.getTime();
    // an invalid Date is not a day; the core reports the row as skipped ("not a date")
    if (!Number.isFinite(t)) return null;
    const span = last && t >= last.start && t < last.end ? last : (last = spanOf(t));
    return Math.floor((t + dayOffset(span, t, offsetAt)) / DAY);
  };
}

/**
 * An offset that puts `t` in its calendar day: the true one, or either when both give the same day.
 * The span's change is narrowed only until `t`'s day no longer depends on where exactly it lies.
 */
function dayOffset(span: MonthSpan, t: number, offsetAt: (t: number) => number): number {
  const { before, after } = span;
  if (before === after) return before;
  const sameDay = Math.floor((t + before) / DAY) === Math.floor((t + after) / DAY);
  while (!sameDay && t > span.lo * MINUTE && t < span.hi * MINUTE && span.hi - span.lo > 1) {
    const mid = Math.floor((span.lo + span.hi) / 2);
    if (offsetAt(mid * MINUTE) === before) span.lo = mid;
    else span.hi = mid;
  }
  // the change is at a whole minute in (lo, hi]: everything before hi still has the old offset
  return t < span.hi * MINUTE ? before : after;
}
