/// <reference types="google-apps-script" />
// Calendar days of Date cells in the *spreadsheet's* time zone.
//
// getValues() and custom-function arguments give a date cell as the instant of its midnight in the
// spreadsheet's zone, while JS Date methods in Apps Script use the script's zone (the manifest's
// timeZone): reading getDate() would put a date in the previous day (and month) whenever the two
// zones differ. The zone offset comes from Utilities.formatDate, which is a service call, so it is
// asked per month boundary (and bisected inside the rare month that has a DST change), never per cell.

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
  /** First instant with the `after` offset; Infinity when the offset is constant all month. */
  switchAt: number;
}

/**
 * A `dateObjectDay` for the core: Date → days since 1970-01-01 of its calendar day in `timeZone`.
 * Service calls: one per month boundary seen, plus ~16 for each month with an offset change.
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
      const before = offsetAt(start);
      const after = offsetAt(end);
      span = { start, end, before, after, switchAt: before === after ? Infinity : bisectSwitch(start, end, before, offsetAt) };
      months.set(key, span);
    }
    return span;
  };

  return (date: Date): number | null => {
    const t = date.getTime();
    // an invalid Date is not a day; the core reports the row as skipped ("not a date")
    if (!Number.isFinite(t)) return null;
    const span = last && t >= last.start && t < last.end ? last : (last = spanOf(t));
    const offset = t < span.switchAt ? span.before : span.after;
    return Math.floor((t + offset) / DAY);
  };
}

/** First instant (to the minute) in [lo, hi] where the offset is no longer `before`. */
function bisectSwitch(lo: number, hi: number, before: number, offsetAt: (t: number) => number): number {
  lo = Math.floor(lo / MINUTE);
  hi = Math.floor(hi / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * MINUTE) === before) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE;
}
