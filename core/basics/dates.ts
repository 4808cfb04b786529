// Calendar arithmetic on "days": whole days since 1970-01-01 in the proleptic Gregorian
// calendar. Every date the core handles is a day number, so no time zone can shift a bucket.

import { fullYear, wordDate } from './word-dates';

/** Days from 1970-01-01 to y-m-d (m 1..12). Hinnant's days_from_civil. */
export function dayFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1..12, day] of a day number. Hinnant's civil_from_days. */
export function civilFromDay(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function validCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= dim[m - 1];
}

// The time of day after a date, and the zone the export wrote: read and dropped. The calendar day
// is the one written (the exporter's local date), never shifted to UTC by the offset: a shop's
// order of 23:30 on 18 June at -0500 is an order of 18 June, as its own report says.
// Spaces are bounded ({0,2}) so that no text, however long, makes these patterns backtrack.
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s{0,2}[AaPp]\.?[Mm]\.?)?`;
const OFFSET = String.raw`[+\-\u2212]\d{1,2}(?::?\d{2})?`;
// one zone word at most (Z, UTC, CEST), before or after the offset, then maybe its long name in brackets
const ZONE = String.raw`(?:\s{0,2}(?:(?:Z|[A-Za-z]{2,5})?\s{0,2}(?:${OFFSET})?|${OFFSET}\s{0,2}[A-Za-z]{2,5})(?:\s{0,2}\([^()]{0,80}\))?)`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\s{0,2}${TIME}${ZONE})?$`);
/** What may follow `YYYY-MM-DD` in a timestamp (see isoDateDay). */
const ISO_TAIL_RE = new RegExp(String.raw`^[T ]\s{0,2}${TIME}${ZONE}$`);

/**
 * Day number of exactly `YYYY-MM-DD` (what most exports write), or of a timestamp that starts with
 * it (`2024-06-18 12:17:00 -0500`, `2024-06-18T12:17:00.000+02:00`: the day written, see
 * ISO_TAIL_RE), NaN for anything else; the same day the general text-date reader gives, the plain
 * date without a regular expression.
 */
export function isoDateDay(v: string): number {
  const len = v.length;
  if (len !== 10 && (len < 15 || (v.charCodeAt(10) !== 32 && v.charCodeAt(10) !== 84))) return NaN;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const c = v.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    if (k < 4) y = y * 10 + c;
    else if (k < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  if (!validCivil(y, m, d)) return NaN;
  // a timestamp: the tail must be a time of day (and zone) that splitTextDate reads too
  if (len !== 10 && !ISO_TAIL_RE.test(v.slice(10))) return NaN;
  return dayFromCivil(y, m, d);
}

/** Day number of strict ISO `YYYY-MM-DD` text, or null. Used for options. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return validCivil(y, mo, d) ? dayFromCivil(y, mo, d) : null;
}

/** Excel serial of 1970-01-01 in the 1900 system, and the offset of the 1904 system. */
export const SERIAL_1970 = 25569;
export const OFFSET_1904 = 1462;
/** Largest serial Excel accepts (9999-12-31). */
const MAX_SERIAL = 2958465;

/**
 * Day number of an Excel serial (fractions are time of day and dropped). Null when out of range.
 * The 1900 system counts a 29 Feb 1900 that never existed (Lotus compatibility), so serials
 * before 61 are one day later than their arithmetic suggests.
 */
export function dayFromSerial(serial: number, date1904: boolean): number | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (date1904) {
    if (s < 0 || s > MAX_SERIAL - OFFSET_1904) return null;
    return s + OFFSET_1904 - SERIAL_1970;
  }
  if (s < 1 || s > MAX_SERIAL) return null;
  return s < 61 ? s - SERIAL_1970 + 1 : s - SERIAL_1970;
}

/**
 * Day number of a 1900-system serial from 1900-03-01 on (past the leap day that never was), else
 * NaN: the usual date cell, read without dayFromSerial's other cases.
 */
export function commonSerialDay(v: unknown): number {
  return typeof v === 'number' && v >= 61 && v < MAX_SERIAL + 1 ? Math.floor(v) - SERIAL_1970 : NaN;
}

/** 1900-system serial of a day number (for writing date cells). */
export function serialFromDay(day: number): number {
  const s = day + SERIAL_1970;
  return s < 61 ? s - 1 : s;
}

/** Local calendar day of a Date (what the host's clock shows for it). */
export function localDayOfDate(d: Date): number | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return dayFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

// --- text dates -------------------------------------------------------------------------

/** Shape of a text date before the day/month order is known. */
export interface TextDateParts {
  kind: 'ymd' | 'ambiguous';
  /** For 'ymd': y, m, d. For 'ambiguous': p1, p2, year, as written. */
  a: number;
  b: number;
  c: number;
}

const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DMY_RE = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s{1,2}${TIME}${ZONE})?$`);

/** Split a text date into numbers; null when it is not a date we read. */
export function splitTextDate(text: string): TextDateParts | null {
  const s = text.trim();
  let m = ISO_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) return { kind: 'ymd', a: +m[1], b: +m[2], c: +m[3] };
  m = DMY_RE.exec(s);
  if (m) {
    const year = fullYear(+m[4], m[4].length);
    return { kind: 'ambiguous', a: +m[1], b: +m[3], c: year };
  }
  // last, the forms with a month name (which settles the order): "5-Mar-24", "5 марта 2024 г."
  const w = wordDate(s);
  return w ? { kind: 'ymd', a: w[0], b: w[1], c: w[2] } : null;
}

/** Day number of split parts under an order; null if not a real calendar date. */
export function dayFromParts(p: TextDateParts, order: 'dmy' | 'mdy'): number | null {
  if (p.kind === 'ymd') return validCivil(p.a, p.b, p.c) ? dayFromCivil(p.a, p.b, p.c) : null;
  const [d, m] = order === 'dmy' ? [p.a, p.b] : [p.b, p.a];
  return validCivil(p.c, m, d) ? dayFromCivil(p.c, m, d) : null;
}
