// Header recognition: which column is the customer, the date, the amount … in English, Greek,
// Russian, German, French and Spanish, with the analyst's overrides taking precedence.

import { AbcxyzError, t } from '../messages';
import { cutList } from '../messages/lists';
import { cellText } from './values';
import type { ColumnMapping, ColumnRole, RawCell } from '../types';

/** Fold case and accents and drop punctuation, so "Ημερομηνία", "date:" and "DATE" compare alike. */
export function foldHeader(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names per role, most specific first. Compared after folding. */
const SYNONYMS: Record<ColumnRole, string[]> = {
  customer: ['customer', 'customerid', 'customername', 'client', 'clientname', 'account', 'accountname', 'buyer', 'company',
    'πελατης', 'πελατες', 'επωνυμια', 'клиент', 'покупатель', 'контрагент', 'заказчик', 'kunde', 'kundenname', 'kundennummer',
    'kundin', 'auftraggeber', 'clientnom', 'nomclient', 'cliente', 'nombrecliente', 'comprador', 'billingname',
    'contact', 'contactname', 'name',
    'rowlabels', 'zeilenbeschriftungen', 'etiquettesdelignes', 'etiquetasdefila', 'названиястрок', 'ετικέτες γραμμών'],
  date: ['date', 'invoicedate', 'orderdate', 'transactiondate', 'salesdate', 'day', 'ημερομηνια', 'ημνια', 'дата', 'датапродажи',
    'датазаказа', 'datum', 'rechnungsdatum', 'belegdatum', 'bestelldatum', 'fecha', 'fechafactura', 'datefacture',
    'createdat', 'datecreated', 'paidat'],
  amount: ['amount', 'revenue', 'sales', 'total', 'value', 'netamount', 'netsales', 'turnover', 'sum', 'salesamount',
    'invoiceamount', 'dollarvalue', 'πωλησεις', 'ποσο', 'αξια', 'τζιρος', 'εσοδα', 'сумма', 'выручка', 'продажи', 'оборот',
    'стоимость', 'umsatz', 'betrag', 'nettobetrag', 'wert', 'montant', 'chiffredaffaires', 'ventes', 'importe', 'ventas',
    'monto', 'ingresos', 'facturacion', 'gross', 'grossamount', 'grosssales'],
  profit: ['profit', 'margin', 'grossmargin', 'grossprofit', 'κερδος', 'περιθωριο', 'μικτοκερδος', 'прибыль', 'маржа',
    'валоваяприбыль', 'gewinn', 'marge', 'deckungsbeitrag', 'rohertrag', 'benefice', 'beneficio', 'margen', 'ganancia'],
  quantity: ['quantity', 'qty', 'units', 'ποσοτητα', 'количество', 'кол', 'menge', 'anzahl', 'quantite', 'cantidad'],
  price: ['unitprice', 'price', 'τιμη', 'τιμημοναδας', 'цена', 'preis', 'einzelpreis', 'stuckpreis', 'prix', 'prixunitaire',
    'precio', 'preciounitario'],
  image: ['image', 'imagebuilder', 'brand', 'famous', 'εικονα', 'κυροσ', 'имидж', 'имиджевый', 'известный', 'imageträger',
    'imagetrager', 'marque', 'imagen', 'prestigio'],
  expert: ['expert', 'mentor', 'ειδικος', 'εμπειρογνωμονας', 'эксперт', 'наставник', 'experte', 'experto'],
  budget: ['budget', 'προυπολογισμος', 'бюджет', 'presupuesto'],
  need: ['need', 'ανάγκη', 'αναγκη', 'потребность', 'bedarf', 'besoin', 'necesidad'],
  solvency: ['solvency', 'φερεγγυοτητα', 'платежеспособность', 'solvenz', 'zahlungsfahigkeit', 'solvabilite', 'solvencia'],
  authority: ['authority', 'power', 'decisionmaker', 'εξουσια', 'полномочия', 'лпр', 'entscheider', 'autorite', 'decideur',
    'autoridad'],
  // where customers are lost (SPEC §7): region first, then territory, manager, channel, country;
  // matched by their exact names only (see EXACT_ONLY), so "Regional sales" stays an amount
  dimension: ['region', 'sales region', 'territory', 'sales territory', 'sales area', 'district',
    'περιοχή', 'περιφέρεια', 'γεωγραφική περιοχή', 'регион', 'район', 'область', 'территория', 'gebiet',
    'verkaufsgebiet', 'vertriebsgebiet', 'bezirk', 'région', 'secteur', 'zone', 'región', 'zona', 'territorio',
    'manager', 'account manager', 'key account manager', 'sales manager', 'sales rep', 'sales representative',
    'salesperson', 'sales person', 'salesman', 'rep', 'υπεύθυνος', 'υπεύθυνος πωλήσεων', 'πωλητής', 'менеджер',
    'ответственный', 'торговый представитель', 'продавец', 'kundenbetreuer', 'betreuer', 'vertriebsmitarbeiter',
    'verkäufer', 'außendienst', 'commercial', 'responsable', 'vendeur', 'gestionnaire', 'comercial', 'vendedor',
    'gestor', 'responsable de cuenta', 'channel', 'sales channel', 'distribution channel', 'κανάλι', 'κανάλι πωλήσεων',
    'канал', 'канал продаж', 'kanal', 'vertriebskanal', 'vertriebsweg', 'canal', 'canal de vente', 'canal de venta',
    'canal de distribution', 'canal de distribución', 'country', 'χώρα', 'страна', 'pays', 'país'],
  // plausibility checks (core/read/plausibility): matched by their exact names only (see EXACT_ONLY)
  'doc-type': ['document type', 'doc type', 'type', 'transaction type', 'txn type', 'voucher type', 'entry type', 'belegart',
    'dokumentart', 'dokumenttyp', 'belegtyp', 'vorgangsart', 'typ', 'art', 'τύπος', 'τύπος παραστατικού', 'είδος παραστατικού',
    'τύπος εγγραφής', 'тип документа', 'вид документа', 'тип', 'тип операции', 'вид операции', 'type de document',
    'type de pièce', 'type document', 'tipo', 'tipo de documento', 'tipo documento', 'tipo doc', 'clase de documento'],
  order: ['order', 'order id', 'order no', 'order number', 'order nr', 'order num', 'order #', 'order reference', 'order ref',
    'sales order', 'sales order number', 'invoice', 'invoice no', 'invoice number', 'invoice id', 'invoice nr', 'invoice num',
    'invoice #', 'invoice ref', 'document', 'document no', 'document number', 'document id', 'doc no', 'doc num', 'doc number',
    'num', 'belegnummer', 'belegnr', 'beleg', 'rechnungsnummer', 'rechnungsnr', 'rechnung', 'auftragsnummer', 'auftragsnr',
    'auftrag', 'bestellnummer', 'bestellnr', 'bestellung', 'dokumentnummer', 'αριθμός παραστατικού', 'αρ. παραστατικού',
    'παραστατικό', 'αριθμός τιμολογίου', 'αρ. τιμολογίου', 'τιμολόγιο', 'αριθμός παραγγελίας', 'αρ. παραγγελίας', 'παραγγελία',
    '№ документа', 'номер документа', 'документ', 'номер заказа', 'заказ', 'номер счета', 'счет', 'счет-фактура', 'номер',
    'facture', 'nº facture', 'n° facture', 'numéro de facture', 'numéro facture', 'n° de facture', 'commande', 'n° commande',
    'n° de commande', 'numéro de commande', 'pièce', 'n° pièce', 'factura', 'nº factura', 'número de factura', 'número factura',
    'num factura', 'pedido', 'nº pedido', 'número de pedido', 'albarán', 'documento', 'nº documento', 'número de documento'],
  'line-amount': ['line total', 'line amount', 'line value', 'line net', 'line net amount', 'lineitem total', 'item total',
    'item amount', 'row total', 'positionsbetrag', 'positionswert', 'zeilenbetrag', 'gesamtpreis', 'αξία γραμμής', 'σύνολο γραμμής',
    'сумма строки', 'сумма позиции', 'montant ligne', 'total ligne', 'total línea', 'importe línea'],
  'currency-column': ['currency', 'curr', 'ccy', 'currency code', 'cur', 'währung', 'währungscode', 'νόμισμα', 'валюта', 'devise',
    'monnaie', 'moneda', 'divisa'],
  discount: ['discount', 'discount amount', 'discount percent', 'discount pct', 'discount rate', 'disc', 'lineitem discount',
    'total discount', 'discount total', 'rabatt', 'rabattbetrag', 'rabattsatz', 'nachlass', 'preisnachlass', 'έκπτωση',
    'ποσοστό έκπτωσης', 'αξία έκπτωσης', 'скидка', 'скидки', 'сумма скидки', 'процент скидки', 'remise', 'montant remise',
    'taux de remise', 'descuento', 'importe descuento', 'porcentaje descuento', 'dto'],
  year: ['year', 'yr', 'calendar year', 'jahr', 'kalenderjahr', 'έτος', 'χρονιά', 'год', 'année', 'an', 'año'],
  month: ['month', 'month number', 'month no', 'calendar month', 'monat', 'μήνας', 'месяц', 'mois', 'mes'],
  week: ['week', 'week number', 'week no', 'wk', 'iso week', 'calendar week', 'woche', 'kw', 'kalenderwoche', 'εβδομάδα',
    'неделя', 'semaine', 'semana'],
};

const FOLDED: Record<ColumnRole, string[]> = Object.fromEntries(
  Object.entries(SYNONYMS).map(([role, names]) => [role, names.map(foldHeader)]),
) as Record<ColumnRole, string[]>;

/**
 * Whether a folded text could match any role's name (see matchRole): it is a name, or it holds the
 * first four letters of one. Most cells of the rows looked at for the header are data and fail
 * this after a few set lookups, so 30 rows of a 70-column export cost little.
 */
const ALL_NAMES = new Set(Object.values(FOLDED).flat());
const FIRST_FOUR = new Set(Object.values(FOLDED).flat().filter((n) => n.length >= 4).map((n) => n.slice(0, 4)));
function couldName(folded: string): boolean {
  if (ALL_NAMES.has(folded)) return true;
  for (let i = 0; i + 4 <= folded.length; i++) if (FIRST_FOUR.has(folded.slice(i, i + 4))) return true;
  return false;
}

/** Column override meaning "not used": the role is not recognised from the headers either. */
export const NOT_USED = '-';

/** Spreadsheet letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function letterIndex(s: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C (Amount)": how messages name a column. */
export function columnLabel(index: number, header: string): string {
  return header ? `${columnLetter(index)} (${header})` : columnLetter(index);
}

/**
 * Roles of the plausibility checks and the dimension are matched by their exact names only ("Week
 * 12" of a pivot stays a period, "Regional sales" an amount), and a header that is exactly the name of a guarded one is not taken by another
 * role's partial match ("Discount amount" is no amount). A line amount may still be the amount.
 */
const EXACT_ONLY: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['dimension', 'doc-type', 'order', 'line-amount', 'currency-column', 'discount', 'year', 'month', 'week']);
const GUARDED_NAMES: ReadonlySet<string> = new Set([...EXACT_ONLY].filter((role) => role !== 'line-amount').flatMap((role) => FOLDED[role]));

/**
 * Names too general to be found inside a longer header: "Name" is PayPal's and QuickBooks' buyer
 * but "Item name" is no customer; "Contact" is Xero's but "Contact phone number" is not; "Gross"
 * is PayPal's amount but "Gross margin" is a profit.
 */
const WHOLE_ONLY_NAMES: ReadonlySet<string> = new Set(['name', 'contact', 'gross']);

function matchRole(folded: string, role: ColumnRole): number {
  const names = FOLDED[role];
  const exact = names.indexOf(folded);
  if (exact >= 0) return exact;
  if (EXACT_ONLY.has(role) || GUARDED_NAMES.has(folded)) return -1;
  // "Customer ID", "Net revenue EUR": a known name inside a longer header, scored after exact ones
  for (let i = 0; i < names.length; i++) if (names[i].length >= 4 && !WHOLE_ONLY_NAMES.has(names[i]) && folded.includes(names[i])) return 100 + i;
  return -1;
}

/** Roles whose header also matches an earlier role are not taken twice (e.g. "Sales date"). */
const ROLE_ORDER: ColumnRole[] = ['customer', 'date', 'quantity', 'price', 'profit', 'amount', 'budget', 'image', 'expert', 'need', 'solvency', 'authority',
  'dimension', 'doc-type', 'order', 'line-amount', 'currency-column', 'discount', 'year', 'month', 'week'];

export interface HeaderResult {
  mapping: ColumnMapping[];
  warnings: string[];
  headers: string[];
}

/**
 * How well a column's first data rows read as a role's values: the share of the sampled rows
 * (0–1), or NaN when there is no evidence (no sample, or a role whose cells can be anything).
 */
export type ColumnEvidence = (role: ColumnRole, index: number) => number;

/** A candidate that reads in at least this share of the sampled rows keeps its rank by name. */
export const READS_WELL = 0.5;

/**
 * Among the columns whose headers name a role (best name first), the one to take: the first that
 * reads as the role's values in at least half of the sampled rows; if none does, the one that
 * reads best (an empty "Billing Company" loses against a "Customer e-mail" that reads).
 */
function byEvidence(role: ColumnRole, candidates: number[], evidence: ColumnEvidence | undefined): number {
  if (!evidence || candidates.length < 2) return candidates[0];
  let best = candidates[0];
  let bestRate = -1;
  for (const i of candidates) {
    const rate = evidence(role, i);
    if (rate !== rate) return candidates[0];
    if (rate >= READS_WELL) return i;
    if (rate > bestRate) { best = i; bestRate = rate; }
  }
  return bestRate > 0 ? best : candidates[0];
}

/**
 * Map roles to columns from the header row and the analyst's overrides. `evidence`, when given,
 * decides between several columns that a role's names fit (see byEvidence).
 */
/** Headers a message names before "and N more": a whole ordinary table. */
export const HEADERS_LISTED = 20;

/** The non-empty headers for a message, the list cut after HEADERS_LISTED and each header after 60 characters. */
export function headersSeen(headers: readonly string[]): string {
  const named = headers.filter(Boolean);
  return named.length ? cutList(named.slice(0, HEADERS_LISTED), HEADERS_LISTED, named.length) : t('list.none');
}

export function mapColumns(headerRow: readonly RawCell[], overrides: Partial<Record<ColumnRole, string>>, evidence?: ColumnEvidence): HeaderResult {
  const headers = headerRow.map((h) => cellText(h).trim());
  const folded = headers.map(foldHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping[] = [];
  const warnings: string[] = [];
  const seen = () => headersSeen(headers);

  const unused = new Set<ColumnRole>();
  for (const [role, name] of Object.entries(overrides) as [ColumnRole, string][]) {
    if (name === undefined || name === '') continue;
    // "-" says: this table has no such column, even if a header looks like one
    if (name.trim() === NOT_USED) { unused.add(role); continue; }
    const want = foldHeader(name);
    const hits = folded.map((f, i) => (f === want && want !== '' ? i : -1)).filter((i) => i >= 0);
    let index: number;
    if (hits.length > 1) {
      throw new AbcxyzError(t('err.mappedTwice', { name, role, columns: hits.map(columnLetter).join(', ') }));
    } else if (hits.length === 1) {
      index = hits[0];
    } else {
      const li = letterIndex(name.trim());
      if (li === null || li >= headers.length) throw new AbcxyzError(t('err.mappedMissing', { role, name, headers: seen() }));
      index = li;
    }
    taken.add(index);
    mapping.push({ role, index, header: headers[index], source: 'option' });
  }

  for (const role of ROLE_ORDER) {
    if (unused.has(role) || mapping.some((m) => m.role === role)) continue;
    const scored: { i: number; score: number }[] = [];
    folded.forEach((f, i) => {
      if (taken.has(i) || f === '') return;
      const score = matchRole(f, role);
      if (score >= 0) scored.push({ i, score });
    });
    if (scored.length === 0) continue;
    // best name first; the same name: the leftmost column
    scored.sort((x, y) => x.score - y.score || x.i - y.i);
    const best = byEvidence(role, scored.map((c) => c.i), evidence);
    const bestScore = scored.find((c) => c.i === best)!.score;
    // a second column that names the role outright (not merely contains a name) is worth a warning
    // (not for the plausibility checks' roles: "Invoice" beside "Order ID" is no question to ask)
    const others = EXACT_ONLY.has(role) ? [] : scored.filter((c) => c.i !== best && c.score < 100 && bestScore < 100).map((c) => c.i).sort((a, b) => a - b);
    if (others.length) {
      warnings.push(t('warn.duplicateHeader', { role, first: columnLabel(best, headers[best]), second: columnLabel(others[0], headers[others[0]]) }));
    }
    taken.add(best);
    mapping.push({ role, index: best, header: headers[best], source: 'header', ...(bestScore >= 100 ? { partial: true } : {}) });
  }
  return { mapping, warnings, headers };
}

/** What a row would map if it were the header: the evidence header detection weighs. */
export interface HeaderFacts {
  /** Roles recognised from the row's own cells (names or the overrides' header names), each in a cell of its own. */
  roles: number;
  /** Of those, the roles whose header is a known name outright (not merely containing one). */
  exact: number;
  /** The customer column: recognised from a cell of the row ('name'), only set by a column letter ('letter'), or none. */
  customer: 'name' | 'letter' | null;
  /** Besides the customer, a date or an amount (or quantity and price): recognised or set by letter. */
  complete: boolean;
  /** Non-empty cells. */
  filled: number;
}

/** The facts of one row as a header candidate; never throws (an override may name a header of another row). */
export function headerFacts(row: readonly RawCell[], overrides: Partial<Record<ColumnRole, string>>): HeaderFacts {
  const n = row.length;
  const folded: string[] = new Array(n);
  /** Cells that could be a role's name (see couldName); only an override's header name can be any other. */
  const named: boolean[] = new Array(n);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const v = row[i];
    const text = cellText(v).trim();
    if (text !== '') filled++;
    // numbers, dates and booleans are data, never a header's name
    const f = typeof v === 'string' ? foldHeader(text) : '';
    folded[i] = f;
    named[i] = f !== '' && couldName(f);
  }
  const taken = new Set<number>();
  const known = new Set<ColumnRole>();
  const byLetter = new Set<ColumnRole>();
  let roles = 0;
  let exact = 0;
  for (const [role, name] of Object.entries(overrides) as [ColumnRole, string][]) {
    if (!name || name.trim() === NOT_USED) continue;
    // a column letter says nothing about which row is the header (a data cell "A" is no header)
    if (letterIndex(name.trim()) !== null) { byLetter.add(role); continue; }
    const want = foldHeader(name);
    const hit = want === '' ? -1 : folded.indexOf(want);
    if (hit >= 0 && !taken.has(hit)) { taken.add(hit); known.add(role); roles++; exact++; }
  }
  for (const role of ROLE_ORDER) {
    if (known.has(role) || byLetter.has(role) || overrides[role]?.trim() === NOT_USED) continue;
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < n; i++) {
      if (!named[i] || taken.has(i)) continue;
      const score = matchRole(folded[i], role);
      if (score >= 0 && score < bestScore) { best = i; bestScore = score; }
    }
    if (best < 0) continue;
    taken.add(best);
    known.add(role);
    roles++;
    if (bestScore < 100) exact++;
  }
  const any = (role: ColumnRole) => known.has(role) || byLetter.has(role);
  return {
    roles,
    exact,
    customer: known.has('customer') ? 'name' : byLetter.has('customer') ? 'letter' : null,
    complete: any('customer') && (any('date') || any('amount') || (any('quantity') && any('price'))),
    filled,
  };
}
