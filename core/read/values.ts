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

/**
 * Decide the decimal separator a column of text numbers uses, from evidence across the column:
 * "1.234,56" or "12,5" speak for a comma, "1,234.56" or "12.5" for a point. Null: no evidence.
 */
export function decimalEvidence(text: string): '.' | ',' | null {
  const s = text.replace(CURRENCY_RE, '').replace(/[\s\u00a0\u202f']/g, '');
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
 * Parse a number written as text: thousands separators (, . space ' ), currency signs and codes,
 * `(123)` and trailing-minus negatives, decimal comma, percent. NaN when it is not a number.
 */
export function parseNumberText(text: string, decimal: '.' | ','): number {
  let s = text.trim();
  if (s === '') return NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1); }
  s = s.replace(CURRENCY_RE, '').replace(/[\s\u00a0\u202f']/g, '');
  let percent = false;
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1); }
  if (s.endsWith('-')) { negative = !negative; s = s.slice(0, -1); }
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1); }
  else if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('-') || s.startsWith('+')) return NaN;
  // "12.5" in a decimal-comma column: a single point not followed by exactly three digits cannot
  // be a thousands separator, so it is a decimal point — the same reading as in any other column
  if (decimal === ',' && s.indexOf(',') < 0 && /^\d*\.(?:\d{1,2}|\d{4,})$/.test(s)) decimal = '.';
  const thousands = decimal === '.' ? ',' : '.';
  // thousands separators must group by three
  if (s.includes(thousands)) {
    const [intPart] = s.split(decimal);
    if (!/^\d{1,3}(?:[.,]\d{3})+$/.test(intPart)) return NaN;
    s = s.split(thousands).join('');
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
