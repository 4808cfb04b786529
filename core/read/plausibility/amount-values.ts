// Check: does the amount column hold money? A column taken as the amount may hold years (a "Year"
// or "Fiscal year" column), ids (document or customer numbers: long whole numbers that grow row
// by row) or names (a "Sales Employee" column: text that is no number). A column taken for a money
// word inside its header ("Sales Employee", "Sales Order No.") whose header also names a person or
// a number is suspect whatever it holds. Each case is a warning naming the column and --amount;
// nothing is changed. The numbers are judged on a sample of at most 4,096 used rows, spread
// evenly over the table and kept in row order.

import { columnLabel, foldHeader } from '../headers';
import { t } from '../../messages';
import { numberOf } from '../number-column';
import { errorValue, isBlank } from '../values';
import type { SkippedRow } from '../../types';

const SAMPLE = 4096;

/** Words of a header that name a person (inside a word) … */
const PERSON = ['employee', 'person', 'representative', 'salesrep', 'agent', 'manager', 'mitarbeiter', 'vertreter', 'verkaufer',
  'betreuer', 'υπαλληλος', 'πωλητης', 'сотрудник', 'менеджер', 'продавец', 'агент', 'vendeur', 'vendedor', 'empleado', 'agente'].map(foldHeader);
/** … or a number or code (whole words). */
const NUMBER = new Set(['id', 'no', 'nr', 'number', 'num', 'code', 'nummer', 'κωδικος', 'αριθμος', 'κωδ', 'αρ', 'код', 'номер', 'numero', 'codigo', 'n', 'nº'].map(foldHeader));

/** The word of a header that says it holds no money ("Sales Employee" → "Employee"), or null. */
export function notMoneyWord(header: string): string | null {
  for (const word of header.split(/[^\p{L}\p{N}º]+/u)) {
    const f = foldHeader(word);
    if (f && (NUMBER.has(f) || PERSON.some((p) => f.includes(p)))) return word;
  }
  const f = foldHeader(header);
  const p = PERSON.find((w) => f.includes(w));
  return p ?? null;
}

export interface AmountValuesInput {
  /** The amounts of the used rows, in row order. */
  amount: Float64Array;
  n: number;
  /** Texts of the amount cells of skipped rows that are not numbers ("Müller"). */
  textCells: readonly string[];
  /** The column was taken for a money word inside its header (not for its whole header, not by --amount). */
  partial: boolean;
  column: number;
  header: string;
}

export function checkAmountValues(d: AmountValuesInput): string[] {
  const column = columnLabel(d.column, d.header);
  const flag = '--amount';
  const out: string[] = [];
  const step = Math.max(1, Math.floor(d.n / SAMPLE));
  const sample: number[] = [];
  for (let s = 0; s < d.n && sample.length < SAMPLE; s += step) sample.push(d.amount[s]);
  const m = sample.length;
  const lettered = d.textCells.filter((v) => /\p{L}/u.test(v));
  if (lettered.length >= 3 && lettered.length >= d.n) {
    out.push(t('warn.amountNames', { column, example: lettered[0], count: lettered.length, rows: lettered.length + d.n, flag }));
    return out;
  }
  const word = d.partial ? notMoneyWord(d.header) : null;
  if (word !== null) {
    out.push(t('warn.amountHeader', { column, word, flag }));
    return out;
  }
  if (m < 10) return out;
  let years = 0;
  let whole = 0;
  let increasing = 0;
  let large = 0;
  for (let k = 0; k < m; k++) {
    const v = sample[k];
    if (Number.isInteger(v)) {
      whole++;
      if (v >= 1990 && v <= 2035) years++;
      if (v >= 10000) large++;
    }
    if (k > 0 && v > sample[k - 1]) increasing++;
  }
  if (years === m) {
    out.push(t('warn.amountYears', { column, example: sample[0], flag }));
  } else if (whole === m && large === m && increasing >= 0.9 * (m - 1)) {
    out.push(t('warn.amountIds', { column, first: sample[0], last: sample[m - 1], flag }));
  }
  return out;
}

/** The texts of the amount cells of skipped rows that are no numbers. */
export function amountTexts(skipped: readonly SkippedRow[], column: number, decimal: '.' | ','): string[] {
  const out: string[] = [];
  for (const k of skipped) {
    const v = k.values[column];
    if (typeof v === 'string' && !isBlank(v) && !errorValue(v) && numberOf(v, decimal) !== numberOf(v, decimal)) out.push(v.trim());
  }
  return out;
}
