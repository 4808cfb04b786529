// Reading single cell values: numbers written as text, truthy tags, spreadsheet error values.

import type { RawCell } from '../types';

const ERROR_RE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|ERROR!)$/i;

/** The error text when a cell holds a spreadsheet error value such as #N/A, else null. */
export function errorValue(v: RawCell): string | null {
  return typeof v === 'string' && v.length > 1 && v.charCodeAt(0) === 35 /* # */ && ERROR_RE.test(v.trim()) ? v.trim().toUpperCase() : null;
}

export function isBlank(v: RawCell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Text of a cell for display and matching. */
export function cellText(v: RawCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : '';
  return String(v);
}

/** Customer display name: trimmed, inner whitespace collapsed. */
export function cleanName(v: RawCell): string {
  const s = cellText(v);
  // most names are already clean: skip the regex unless a character could be white space
  // (every \s character is a control or space below 33, or at 160 and above)
  let maybe = false;
  for (let k = 0; k < s.length && !maybe; k++) {
    const c = s.charCodeAt(k);
    maybe = c <= 32 || c >= 160;
  }
  if (!maybe || !/[\s\u00a0]/.test(s)) return s;
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

const CURRENCY_RE = /[$€£¥₽₴₹₩₪฿₺₫₦₱¤]|\b(?:USD|EUR|GBP|RUB|CHF|JPY|CNY|UAH|PLN|SEK|NOK|DKK|CZK|HUF|TRY|INR|BRL|AUD|CAD)\b|руб\.?|р\./gi;

/** Every Unicode minus and dash that stands for a sign where a number is expected: − ‒ – — ― ﹣ －. */
const MINUS_RE = /[\u2212\u2012-\u2015\ufe63\uff0d]/g;
/** White space of any kind (also U+00A0 and the narrow U+202F) and the apostrophes ' ’: thousands separators. */
const GROUP_SPACE_RE = /[\s\u00a0\u202f'\u2019]/g;
const HAS_GROUP_SPACE_RE = /[\s\u00a0\u202f'\u2019]/;

/** Unicode minus and dash forms as "-" (only texts with a character past ASCII pay for the look). */
function asciiSigns(s: string): string {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 127) return s.replace(MINUS_RE, '-');
  return s;
}

/**
 * Decide the decimal separator a column of text numbers uses, from evidence across the column:
 * "1.234,56" or "12,5" speak for a comma, "1,234.56" or "12.5" for a point. Null: no evidence.
 */
export function decimalEvidence(text: string): '.' | ',' | null {
  const s = asciiSigns(text).replace(CURRENCY_RE, '').replace(GROUP_SPACE_RE, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!sep) return null;
  const digitsAfter = s.length - s.lastIndexOf(sep) - 1 - (/[)%-]$/.test(s) ? 1 : 0);
  const count = s.split(sep).length - 1;
  // "1,234" or "1.234" (exactly three digits after one separator) could be either: no evidence.
  if (count === 1 && digitsAfter === 3) return null;
  // the same separator more than once can only be thousands
  if (count > 1) return sep === '.' ? ',' : '.';
  return sep;
}

/**
 * Parse a number written as text: thousands separators (, . and spaces of any width — U+00A0,
 * U+202F — and apostrophes ' ’ as in Swiss 1'234.50; every one grouping by three), currency signs
 * and codes, `(123)` negatives, a leading or trailing minus in any of its Unicode forms (− – — …),
 * decimal comma, percent. NaN when it is not a number.
 */
export function parseNumberText(text: string, decimal: '.' | ','): number {
  let s = asciiSigns(text.trim());
  if (s === '') return NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1); }
  s = s.replace(CURRENCY_RE, '').trim();
  // the sign and percent may stand apart from the digits: "- 1 234", "1 234 -", "12 %"
  let percent = false;
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1).trimEnd(); }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trimEnd();
    // "-5-": a minus on both sides says nothing certain
    if (s.startsWith('-')) return NaN;
  }
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1).trimStart(); }
  else if (s.startsWith('+')) s = s.slice(1).trimStart();
  if (s.startsWith('-') || s.startsWith('+')) return NaN;
  // "12.5" in a decimal-comma column: a single point not followed by exactly three digits cannot
  // be a thousands separator, so it is a decimal point — the same reading as in any other column
  if (decimal === ',' && s.indexOf(',') < 0 && /^\d*\.(?:\d{1,2}|\d{4,})$/.test(s)) decimal = '.';
  const thousands = decimal === '.' ? ',' : '.';
  // thousands separators must group by three, in the whole part only
  if (HAS_GROUP_SPACE_RE.test(s) || s.includes(thousands)) {
    const cut = s.indexOf(decimal);
    const intPart = cut < 0 ? s : s.slice(0, cut);
    if (!/^\d{1,3}(?:[.,\s\u00a0\u202f'\u2019]\d{3})+$/.test(intPart)) return NaN;
    s = intPart.replace(/\D/g, '') + (cut < 0 ? '' : s.slice(cut));
  }
  if (decimal === ',') s = s.replace(',', '.');
  if (!/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return NaN;
  let n = Number(s);
  if (!Number.isFinite(n)) return NaN; // 1e400
  if (percent) n /= 100;
  return negative ? -n : n;
}

const TRUTHY = new Set([
  'true', '1', 'yes', 'y', 'x', '✓', '✔', '☑', '+',
  'ναι', 'ν', 'αληθές', // Greek
  'да', 'д', 'истина', // Russian
  'ja', 'j', 'wahr', // German
  'oui', 'o', 'vrai', // French
  'sí', 'si', 's', 'verdadero', // Spanish
]);

/** A tag cell counts when it holds TRUE, a non-zero number, or yes-like text in a supported language. */
export function isTruthy(v: RawCell): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0 && Number.isFinite(v);
  if (typeof v === 'string') return TRUTHY.has(v.trim().toLowerCase());
  return false;
}
