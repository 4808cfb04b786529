// Totals rows and totals columns: a "Total", "Σύνολο", "Итого" or "Gesamtergebnis" line is not a
// customer, and a "Grand Total" column is not a period. Only whole-cell totals words are totals by
// their text alone; "<name> Total" (and the other languages' forms) is a subtotal only with more
// evidence — the readers ask for it (the name is a customer met above, or the amounts add up).

import { foldHeader } from './headers';

/**
 * Case, accents, punctuation and spacing folded, word by word as headers are folded: "Total
 * général:" → "total general", "Sub-total" → "subtotal". (No regular expression of its own: a
 * Unicode-property one costs milliseconds to compile when the core is loaded.)
 */
export function foldTotals(s: string): string {
  const words = s.split(/\s+/);
  let out = '';
  for (const w of words) {
    const f = foldHeader(w);
    if (f !== '') out = out === '' ? f : `${out} ${f}`;
  }
  return out.indexOf('ς') >= 0 ? out.replace(/ς/g, 'σ') : out;
}

/** Whole-cell totals words, in the six languages (folded). */
const WORDS = new Set([
  // English
  'total', 'totals', 'grand total', 'grandtotal', 'sum', 'sum total', 'total sum', 'subtotal', 'sub total', 'overall total',
  'total overall', 'totals overall',
  // Greek
  'συνολο', 'συνολα', 'γενικο συνολο', 'μερικο συνολο', 'αθροισμα', 'γενικο αθροισμα', 'συνολο γενικο',
  // Russian
  'итого', 'итог', 'всего', 'общий итог', 'итого по всем', 'всего по всем', 'итого общий', 'промежуточный итог',
  // German
  'summe', 'gesamt', 'gesamtsumme', 'gesamtergebnis', 'zwischensumme', 'endsumme', 'insgesamt', 'summe gesamt', 'gesamtbetrag',
  // French
  'total general', 'sous total', 'soustotal', 'somme', 'total generale', 'somme totale', 'totaux',
  // Spanish
  'suma total', 'suma', 'totales', 'total general', 'subtotales', 'suma general',
].map(foldTotals));

/** Words that make "<word> <name>" a subtotal line (folded, longest first so "итого по" wins over "итого"). */
const PREFIXES = [
  'total for', 'total', 'totals', 'subtotal', 'sub total', 'grand total', 'sum of', 'sum',
  'συνολο', 'μερικο συνολο', 'αθροισμα',
  'итого по', 'итого', 'итог по', 'итог', 'всего по', 'всего',
  'summe', 'gesamt', 'zwischensumme',
  'total de', 'sous total', 'soustotal', 'somme',
  'total del', 'total de', 'suma', 'subtotal de',
].map(foldTotals).sort((a, b) => b.length - a.length);

/** Words that make "<name> <word>" a subtotal line (Excel's Subtotal writes "<name> Total", "<name> Ergebnis" …). */
const SUFFIXES = [
  'total', 'totals', 'subtotal', 'sum',
  'συνολο', 'αθροισμα',
  'итог', 'итого', 'всего',
  'ergebnis', 'summe', 'gesamt', 'insgesamt',
  'total general', 'somme',
  'suma',
].map(foldTotals).sort((a, b) => b.length - a.length);

/** A letter's folded code: lower case, accent dropped ("É" → "e", "Σ" → "σ", "ύ" → "υ"). */
const FOLDED_CHAR = new Map<number, number>();
function foldChar(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = FOLDED_CHAR.get(c);
  if (f === undefined) {
    f = String.fromCharCode(c).normalize('NFD').toLowerCase().charCodeAt(0);
    if (f === 962) f = 963; // ς → σ
    FOLDED_CHAR.set(c, f);
  }
  return f;
}
const isEdgeSkip = (c: number) => c <= 32 || (c < 128 && !((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)));
const key3 = (a: number, b: number, c: number) => (a * 65536 + b) * 65536 + c;

/** The first three and the last three letters of every word, prefix and suffix (folded). */
const HEADS = new Set<number>();
const TAILS = new Set<number>();
/** The same, the first and the last letter alone (folded codes, and ASCII capitals; all are Latin, Greek or Cyrillic, below U+0500). */
const HEAD1 = new Uint8Array(0x500);
const TAIL1 = new Uint8Array(0x500);
for (const w of [...WORDS, ...PREFIXES]) { HEADS.add(key3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2))); HEAD1[w.charCodeAt(0)] = 1; }
for (const w of [...WORDS, ...SUFFIXES]) { const n = w.length; TAILS.add(key3(w.charCodeAt(n - 3), w.charCodeAt(n - 2), w.charCodeAt(n - 1))); TAIL1[w.charCodeAt(n - 1)] = 1; }
for (let c = 65; c <= 90; c++) { HEAD1[c] = HEAD1[c + 32]; TAIL1[c] = TAIL1[c + 32]; }
const headOk = (c: number) => HEAD1[c < 128 ? c : foldChar(c)] === 1; // beyond the table: undefined, not 1
const tailOk = (c: number) => TAIL1[c < 128 ? c : foldChar(c)] === 1;

/**
 * Cheap first test: could this text be a totals word or a subtotal line at all? Most customer
 * names and ids ("C000038", "Acme Ltd", "Müller GmbH") fail it after a few character reads, so a
 * ledger with 70,000 customers pays next to nothing for the totals rule.
 */
export function maybeTotals(s: string): boolean {
  let i = 0;
  let j = s.length - 1;
  while (i <= j && isEdgeSkip(s.charCodeAt(i))) i++;
  while (j >= i && isEdgeSkip(s.charCodeAt(j))) j--;
  // one letter at each end first: an id such as "C000038" stops here
  if (j - i < 2 || (!headOk(s.charCodeAt(i)) && !tailOk(s.charCodeAt(j)))) return false;
  return HEADS.has(key3(foldChar(s.charCodeAt(i)), foldChar(s.charCodeAt(i + 1)), foldChar(s.charCodeAt(i + 2))))
    || TAILS.has(key3(foldChar(s.charCodeAt(j - 2)), foldChar(s.charCodeAt(j - 1)), foldChar(s.charCodeAt(j))));
}

/** A whole-cell totals word: "Total", "Grand total", "Σύνολο", "Итого", "Gesamtergebnis", "Total general" … */
export function isTotalsWord(s: string): boolean {
  return maybeTotals(s) && WORDS.has(foldTotals(s));
}

/**
 * The name of a subtotal line, folded: "Acme Total" → "acme", "Итого по Acme" → "acme",
 * "Total Acme" → "acme". Null when the text has no such form (or is a totals word itself).
 */
export function subtotalName(s: string): string | null {
  if (!maybeTotals(s)) return null;
  const f = foldTotals(s);
  if (WORDS.has(f)) return null;
  for (const p of PREFIXES) if (f.length > p.length + 1 && f.startsWith(p) && f.charCodeAt(p.length) === 32) return f.slice(p.length + 1);
  for (const x of SUFFIXES) if (f.length > x.length + 1 && f.endsWith(x) && f.charCodeAt(f.length - x.length - 1) === 32) return f.slice(0, f.length - x.length - 1);
  return null;
}

/**
 * A header that names a totals column of a pivot: "Total", "Grand Total", "Gesamtergebnis",
 * "Итого", "Σύνολο", also "Total 2024" or "Sum of Amount". Such a column is not a period.
 */
export function isTotalsHeader(s: string): boolean {
  if (isTotalsWord(s)) return true;
  const f = foldTotals(s);
  if (!f) return false;
  const words = f.split(' ');
  const two = words.length > 1 ? `${words[0]} ${words[1]}` : '';
  return HEADER_FIRST.has(words[0]) || HEADER_FIRST.has(two) || HEADER_LAST.has(words[words.length - 1]);
}
const HEADER_FIRST = new Set(['total', 'totals', 'grand total', 'sum', 'summe', 'gesamt', 'итого', 'всего', 'συνολο', 'suma', 'somme'].map(foldTotals));
const HEADER_LAST = new Set(['total', 'totals', 'summe', 'ergebnis', 'gesamt', 'gesamtergebnis', 'итого', 'итог', 'всего', 'συνολο', 'αθροισμα'].map(foldTotals));

/** Amounts that are "the same" for a totals check: exports round totals to cents. */
export function sameAmount(a: number, sum: number): boolean {
  return a !== 0 && Math.abs(a - sum) <= 0.005 + 1e-9 * Math.abs(sum);
}
