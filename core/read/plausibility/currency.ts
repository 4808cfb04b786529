// Check: amounts in more than one currency are never added up. The currency of a row comes from
// a currency column, else from a code or sign inside its amount text ("1.234,50 €", "USD 12").
// The report keeps one currency — the one `--currency` names, else the one of most rows — and
// the rows in other currencies are skipped with the reason; rows that name no currency count in
// the kept one. A warning names the currencies and their row counts.

import { columnLabel } from '../headers';
import { AbcxyzError, t } from '../../messages';

const SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR', '£': 'GBP', '$': 'USD', 'US$': 'USD', '₽': 'RUB', 'РУБ': 'RUB', 'РУБ.': 'RUB', 'Р.': 'RUB', 'РУБЛЬ': 'RUB', 'РУБЛИ': 'RUB',
  '₴': 'UAH', 'ГРН': 'UAH', '₹': 'INR', '₩': 'KRW', '₪': 'ILS', '฿': 'THB', '₺': 'TRY', '₫': 'VND', '₦': 'NGN', '₱': 'PHP',
  'ZŁ': 'PLN', 'KČ': 'CZK', 'FR.': 'CHF', 'SFR': 'CHF', '¥': 'JPY', 'C$': 'CAD', 'CA$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD',
  'EURO': 'EUR', 'EUROS': 'EUR', 'ΕΥΡΩ': 'EUR', 'ЕВРО': 'EUR', 'DOLLAR': 'USD', 'DOLLARS': 'USD', 'ДОЛЛАР': 'USD',
};

/** A currency cell as a code: "eur", " EUR " → EUR, "€" → EUR, "руб." → RUB; other text as written (upper case). */
export function currencyCode(text: string): string {
  const s = text.trim().toUpperCase();
  return SIGNS[s] ?? s;
}

/** Codes and signs that appear inside amount texts. */
const MARK_RE = /US\$|C\$|CA\$|A\$|AU\$|[€£$₽₴₹₩₪฿₺₫₦₱¥]|\b(?:USD|EUR|GBP|RUB|CHF|JPY|CNY|UAH|PLN|SEK|NOK|DKK|CZK|HUF|TRY|INR|BRL|AUD|CAD|BGN|RON|ILS|KRW|MXN|ZAR|SGD|HKD|NZD)\b|руб\.?|р\.|грн|zł|Kč/i;

/** The currency an amount text names ("1.234,50 €" → EUR), or null. */
export function currencyMark(text: string): string | null {
  const m = MARK_RE.exec(text);
  return m ? currencyCode(m[0]) : null;
}

/** Whether an amount text may hold a currency: its first or last character is no digit, sign or bracket. */
export function mayHoldCurrency(v: string): boolean {
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(v.length - 1);
  const plainA = (a >= 48 && a <= 57) || a === 45 || a === 43 || a === 46 || a === 40;
  const plainB = (b >= 48 && b <= 57) || b === 41 || b === 37 || b === 46 || b === 45;
  return !(plainA && plainB);
}

export interface CurrencyInput {
  n: number;
  keep: Uint8Array;
  /** Per used row: the id of its currency (0 = none named); `codes[id]`. */
  ids: Int32Array;
  codes: readonly string[];
  /** Per currency id: rows whose cells were not kept, so they could not be listed as skipped. */
  uncopied: readonly number[];
  /** The currency column, or -1 when the currencies come from the amount texts. */
  column: number;
  header: string;
  /** The column the amounts come from (named when there is no currency column). */
  amountColumn: number;
  amountHeader: string;
  /** `--currency`, or null. */
  chosen: string | null;
}

export interface CurrencyVerdict {
  drops: Map<number, string>;
  warnings: string[];
}

export function checkCurrencies(d: CurrencyInput): CurrencyVerdict {
  const drops = new Map<number, string>();
  const warnings: string[] = [];
  const counts = new Array<number>(d.codes.length).fill(0);
  const present: number[] = []; // in the order of their first row
  for (let s = 0; s < d.n; s++) {
    const id = d.ids[s];
    if (d.keep[s] && id > 0 && counts[id]++ === 0) present.push(id);
  }
  const met = new Map(present.map((id, k) => [id, k]));
  present.sort((a, b) => counts[b] - counts[a] || met.get(a)! - met.get(b)!);
  const column = d.column >= 0 ? columnLabel(d.column, d.header) : columnLabel(d.amountColumn, d.amountHeader);
  const list = present.map((id) => t('plaus.currencyRows', { currency: d.codes[id], rows: counts[id] })).join(', ');
  const chosen = d.chosen ? currencyCode(d.chosen) : null;
  if (present.length === 0) {
    if (chosen) warnings.push(t('warn.currencyUnused', { currency: chosen }));
    return { drops, warnings };
  }
  let main = present[0]; // the most rows; on a tie, the one of the earlier first row
  if (chosen) {
    main = d.codes.indexOf(chosen);
    if (main <= 0 || counts[main] === 0) throw new AbcxyzError(t('err.currencyMissing', { currency: chosen, column, currencies: list }));
  }
  if (present.length === 1) return { drops, warnings };
  let dropped = 0;
  for (const id of present) {
    if (id !== main && d.uncopied[id] > 0) throw new AbcxyzError(t('err.currencyChoose', { column, count: present.length, currencies: list }));
  }
  for (let s = 0; s < d.n; s++) {
    const id = d.ids[s];
    if (!d.keep[s] || id === 0 || id === main) continue;
    drops.set(s, t('skip.otherCurrency', { currency: d.codes[id], main: d.codes[main], column }));
    dropped++;
  }
  warnings.push(t('warn.currencies', { column, count: present.length, currencies: list, main: d.codes[main], others: dropped }));
  return { drops, warnings };
}
