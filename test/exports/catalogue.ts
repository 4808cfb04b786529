// The catalogue of realistic exports (issue 11): each entry writes one file exactly as the system
// it imitates writes it — encoding, delimiter, quoting, title lines, totals, date and number
// forms — from a small ground-truth ledger, and says what a correct reading gives: every
// customer with its net revenue in cents, the rows used and skipped (with the reason), and the
// warnings that must be there. The ledgers are chosen so that a wrong reading changes the answer:
// two customers differing only by an umlaut, amounts with thousands and decimal comma, refunds,
// credit notes, payments, totals rows that would become a customer.
//
// `node scripts/write-exports.mjs DIR` writes every file and a manifest.json, to try them by hand.

import {
  DE, DE_PLAIN, EL, FR, PLAIN, RU, SAP_DE, US, day, delimited, encode, money, num, rng, shopTimestamp,
  type AmountStyle, type CsvCell, type CsvStyle, type DateStyle, type Encoding,
} from './formats';
import { Rows, netOf, rowsUnchecked, type Entry, type Line, type Outcome, type ReportOutcome, type WorkbookSpec, type XCell } from './model';
import { xlsxBytes } from './workbook';

// ---------------------------------------------------------------------------------------------
// ground-truth ledgers

interface SalesOptions {
  /** Lines per customer, in the order of the names (default 8, 7, 6 …, at least 3). */
  counts?: number[];
  /** First month (yyyy-mm) and number of months the lines spread over. */
  from?: string;
  months?: number;
  /** Cents range of a line. */
  min?: number;
  max?: number;
  /** Index of the customer who gets a refund (a negative line). */
  refund?: number | null;
}

/** A sales ledger: deterministic from the seed, sorted by date then customer. */
function sales(seed: string, names: string[], o: SalesOptions = {}): Line[] {
  const r = rng(seed);
  const [fy, fm] = (o.from ?? '2024-01').split('-').map(Number);
  const months = o.months ?? 6;
  const min = o.min ?? 2500, max = o.max ?? 480000;
  const lines: Line[] = [];
  names.forEach((customer, i) => {
    const n = o.counts?.[i] ?? Math.max(3, 8 - i);
    for (let k = 0; k < n; k++) {
      // spread each customer over the months, then a random day (days above 12 decide d/m order)
      const m = (Math.floor((k * months) / n) + Math.floor(r() * 2)) % months;
      const total = fm - 1 + m;
      const iso = `${fy + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      lines.push({ customer, date: iso, cents: min + Math.floor(r() * (max - min)) });
    }
  });
  if (o.refund !== null) {
    const who = names[o.refund ?? Math.min(2, names.length - 1)];
    const theirs = lines.filter((l) => l.customer === who);
    const last = theirs.reduce((a, b) => (a.date > b.date ? a : b));
    lines.push({ customer: who, date: last.date, cents: -Math.round(theirs[0].cents / 2) });
  }
  // one day above 12 for sure, so a d/m/y or m/d/y column is decided by its own evidence
  lines[0].date = lines[0].date.slice(0, 8) + '27';
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
}

const sumCents = (lines: readonly { cents: number }[]) => lines.reduce((s, l) => s + l.cents, 0);

/** Group lines by customer, in the order of first appearance or of `order`. */
function byCustomer(lines: Line[], order?: string[]): [string, Line[]][] {
  const map = new Map<string, Line[]>();
  for (const n of order ?? []) map.set(n, []);
  for (const l of lines) { if (!map.has(l.customer)) map.set(l.customer, []); map.get(l.customer)!.push(l); }
  return [...map].filter(([, ls]) => ls.length > 0);
}

const monthOf = (iso: string) => Number(iso.slice(5, 7));
const DE_NAMES = ['Müller GmbH', 'Möller GmbH', 'Bäckerei Schäfer KG', 'Straßenbau Krüger AG', 'Weiß & Söhne OHG', 'Özdemir Handel e.K.'];
const EN_NAMES = ['Müller GmbH', 'Möller GmbH', 'Acme Corp', 'Northwind Traders', 'Brightline Ltd', 'Fabrikam, Inc.'];
const FR_NAMES = ['Société Générale d\'Équipement', 'Boulangerie Lefèvre', 'Hôtel du Lac SARL', 'Crème & Café SAS', 'Élise Durand EURL'];
const EL_NAMES = ['Δέλτα Α.Ε.', 'Σίγμα Α.Ε.', 'Άλφα Ο.Ε.', 'Παπαδόπουλος Ι. & ΣΙΑ Ο.Ε.', 'Ωμέγα Τεχνική ΕΠΕ'];
const RU_NAMES = ['ООО Вектор', 'ООО Сектор', 'АО «Северсталь-Трейд»', 'ИП Кузнецов А. В.', 'ООО «Ромашка»'];
const ES_NAMES = ['Peña Hermanos S.A.', 'Pena Hermanos S.A.', 'Cafetería Ibáñez', 'Construcciones Gómez S.L.', 'Muñoz y Asociados'];

// ---------------------------------------------------------------------------------------------
// building blocks

const csvFile = (text: string, encoding: Encoding) => async () => encode(text, encoding);

interface SimpleCsv {
  name: string; system: string; variant: string; features: Entry['features'];
  lines: Line[];
  header: string[];
  row: (l: Line, i: number) => CsvCell[];
  style: CsvStyle;
  encoding: Encoding;
  file?: string;
  /** Lines above the header (titles, period, blank, sep=). */
  above?: CsvCell[][];
  /** Rows after the data: totals rows (skipped as totals) and trailing lines. */
  totals?: CsvCell[][];
  warnings?: string[];
  also?: Outcome[];
}

/** A one-table CSV export: optional lines above the header, one row per ledger line, totals rows below. */
function simpleCsv(s: SimpleCsv): Entry {
  const t = new Rows<CsvCell>();
  for (const a of s.above ?? []) t.outside(a);
  t.outside(s.header);
  s.lines.forEach((l, i) => t.data(s.row(l, i)));
  for (const tot of s.totals ?? []) t.skip(tot, 'totals');
  return {
    name: s.name, file: s.file ?? `${s.name.replace(/-csv$/, '')}.csv`, system: s.system, variant: s.variant, features: s.features,
    expect: t.report(netOf(s.lines), s.warnings), also: s.also,
    bytes: csvFile(delimited(t.rows, s.style), s.encoding),
  };
}

const xlsxEntry = (e: Omit<Entry, 'bytes'> & { workbook: WorkbookSpec }): Entry => ({ ...e, bytes: () => xlsxBytes(e.workbook) });
const d = (iso: string, fmt?: string): XCell => ({ date: iso, ...(fmt ? { fmt } : {}) });
const sumFormula = (col: string, from: number, to: number, result: number): XCell => ({ formula: `SUBTOTAL(9,${col}${from}:${col}${to})`, result });

/** Rename the customers of an outcome (the same grouping under other names, e.g. ids). */
function renamed(o: ReportOutcome, names: Record<string, string>): ReportOutcome {
  const customers: Record<string, number> = {};
  for (const [k, v] of Object.entries(o.customers)) customers[names[k] ?? k] = (customers[names[k] ?? k] ?? 0) + v;
  return { ...o, customers };
}

/** The warning that names the code page read (aliases accepted: a detector may say ISO-8859-1 where no 0x80–0x9F byte occurs). */
const ENCODING_WARNING = (cp: 'windows-1252' | 'windows-1253' | 'windows-1251') =>
  ({ 'windows-1252': 'windows-1252|cp1252|iso-8859-1|latin-?1', 'windows-1253': 'windows-1253|cp1253|greek', 'windows-1251': 'windows-1251|cp1251|cyrillic' })[cp];

// ---------------------------------------------------------------------------------------------
// national Excel CSVs

function excelNational(): Entry[] {
  const out: Entry[] = [];

  {
    const lines = sales('us-bom', EN_NAMES);
    const usd: AmountStyle = { ...US, prefix: '$', negative: 'parens' };
    out.push(simpleCsv({
      name: 'excel-us-csv-utf8-bom', system: 'Microsoft Excel (United States)', variant: '"CSV UTF-8 (Comma delimited)": BOM, comma, m/d/yyyy, currency format $1,234.56 and ($120.00) negatives, quoted where needed',
      features: ['base'], lines, encoding: 'utf8-bom', style: { sep: ',' },
      header: ['Customer', 'Invoice Date', 'Invoice No', 'Amount'],
      row: (l, i) => [l.customer, day(l.date, 'm/d/yyyy'), `INV-${10200 + i}`, money(l.cents, usd)],
    }));
  }
  {
    const lines = sales('de-utf8', DE_NAMES);
    const eur: AmountStyle = { ...DE, suffix: ' €' };
    out.push(simpleCsv({
      name: 'excel-de-csv-utf8', system: 'Microsoft Excel (Germany)', variant: '"CSV UTF-8 (durch Trennzeichen getrennt)": BOM, semicolon, dd.mm.yyyy, 1.234,56 €',
      features: ['base'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      header: ['Kunde', 'Rechnungsdatum', 'Rechnungsnr.', 'Betrag'],
      row: (l, i) => [l.customer, day(l.date, 'dd.mm.yyyy'), `RE-2024-${String(i + 1).padStart(4, '0')}`, money(l.cents, eur)],
    }));
  }
  {
    const lines = sales('de-1252', DE_NAMES);
    out.push(simpleCsv({
      name: 'excel-de-csv-1252', system: 'Microsoft Excel (Germany)', variant: '"CSV (Trennzeichen-getrennt)": Windows-1252, semicolon, dd.mm.yyyy, 1.234,56; Müller GmbH and Möller GmbH differ only by the umlaut',
      features: ['encoding'], lines, encoding: 'windows-1252', style: { sep: ';' },
      header: ['Kunde', 'Datum', 'Beleg', 'Umsatz'],
      row: (l, i) => [l.customer, day(l.date, 'dd.mm.yyyy'), `AR${4711 + i}`, money(l.cents, DE)],
      warnings: [ENCODING_WARNING('windows-1252')],
    }));
  }
  {
    const lines = sales('fr-1252', FR_NAMES);
    const eur: AmountStyle = { ...FR, suffix: ' €' };
    out.push(simpleCsv({
      name: 'excel-fr-csv-1252', system: 'Microsoft Excel (France)', variant: '"CSV (séparateur : point-virgule)": Windows-1252, dd/mm/yyyy, 1 234,56 € with a no-break space (byte A0)',
      features: ['encoding'], lines, encoding: 'windows-1252', style: { sep: ';' },
      header: ['Client', 'Date', 'N° facture', 'Montant HT'],
      row: (l, i) => [l.customer, day(l.date, 'dd/mm/yyyy'), `FA${String(2400 + i)}`, money(l.cents, eur)],
      warnings: [ENCODING_WARNING('windows-1252')],
    }));
  }
  {
    const lines = sales('el-1253', EL_NAMES);
    out.push(simpleCsv({
      name: 'excel-el-csv-1253', system: 'Microsoft Excel (Greece)', variant: 'CSV: Windows-1253, semicolon, dd/mm/yyyy, 1.234,56 €; Δέλτα Α.Ε. and Σίγμα Α.Ε. are one mojibake apart',
      features: ['encoding'], lines, encoding: 'windows-1253', style: { sep: ';' },
      header: ['Πελάτης', 'Ημερομηνία', 'Παραστατικό', 'Αξία'],
      row: (l, i) => [l.customer, day(l.date, 'dd/mm/yyyy'), `ΤΠΥ ${1500 + i}`, money(l.cents, { ...EL, suffix: ' €' })],
      warnings: [ENCODING_WARNING('windows-1253')],
    }));
  }
  {
    const lines = sales('ru-1251', RU_NAMES);
    out.push(simpleCsv({
      name: 'excel-ru-csv-1251', system: 'Microsoft Excel (Russia)', variant: 'CSV: Windows-1251, semicolon, dd.mm.yyyy, 1 234,56 with a no-break space; ООО Вектор and ООО Сектор differ in one letter',
      features: ['encoding'], lines, encoding: 'windows-1251', style: { sep: ';' },
      header: ['Клиент', 'Дата', 'Номер', 'Сумма'],
      row: (l, i) => [l.customer, day(l.date, 'dd.mm.yyyy'), String(310 + i), money(l.cents, { ...RU, group: '\u00a0' })],
      warnings: [ENCODING_WARNING('windows-1251')],
    }));
  }
  {
    const lines = sales('es-total', ES_NAMES);
    const eur: AmountStyle = { ...DE, suffix: ' €' };
    out.push(simpleCsv({
      name: 'excel-es-csv-total-general', system: 'Microsoft Excel (Spain)', variant: '"CSV UTF-8": BOM, semicolon, dd/mm/yyyy, a "Total general" row added with AutoSum at the end',
      features: ['totals-rows'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      header: ['Cliente', 'Fecha', 'Factura', 'Importe'],
      row: (l, i) => [l.customer, day(l.date, 'dd/mm/yyyy'), `F-${2024}${String(i + 1).padStart(3, '0')}`, money(l.cents, eur)],
      totals: [['Total general', '', '', money(sumCents(lines), eur)]],
    }));
  }
  {
    // Excel "Unicode Text": UTF-16 LE with BOM, tab-separated, CRLF, values as displayed
    const names = ['Müller GmbH', 'Möller GmbH', 'Δέλτα Α.Ε.', 'ООО Вектор', 'Zoë’s Café LLC'];
    const lines = sales('utf16', names);
    out.push(simpleCsv({
      name: 'excel-unicode-text-utf16', file: 'excel-unicode-text-utf16.txt', system: 'Microsoft Excel (any)', variant: '"Unicode Text (*.txt)": UTF-16 LE with BOM, tab-separated, CRLF; names in Latin, Greek and Cyrillic',
      features: ['utf16'], lines, encoding: 'utf16le-bom', style: { sep: '\t' },
      warnings: ['utf-?16'],
      header: ['Customer', 'Date', 'Document', 'Amount'],
      row: (l, i) => [l.customer, day(l.date, 'dd/mm/yyyy'), `D${900 + i}`, money(l.cents, US)],
    }));
  }
  {
    const lines = sales('sep-line', DE_NAMES.slice(0, 5));
    out.push(simpleCsv({
      name: 'csv-sep-line', system: 'web shop back office (PHP export for Excel)', variant: 'first line "sep=;" so that Excel opens it right, UTF-8 without BOM, semicolon, decimal comma',
      features: ['sep-line'], lines, encoding: 'utf8', style: { sep: ';', eol: '\n' },
      above: [['sep=;']],
      header: ['Kunde', 'Datum', 'Umsatz'],
      row: (l) => [l.customer, day(l.date, 'dd.mm.yyyy'), money(l.cents, DE_PLAIN)],
    }));
  }
  {
    const lines = sales('title', DE_NAMES);
    out.push(simpleCsv({
      name: 'erp-report-title-lines-csv', system: 'German ERP report (e.g. a Sage/Lexware list) saved as CSV', variant: 'title with a comma, period line, "created by" line and a blank line above a semicolon table; decimal comma',
      features: ['header-row', 'delimiter-sniff'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      above: [['Umsatzliste nach Kunden, alle Filialen'], ['Zeitraum: 01.01.2024 - 30.06.2024'], ['Erstellt am 01.07.2024, 09:14 Uhr von M. Weber'], []],
      header: ['Kunde', 'Belegdatum', 'Belegnr.', 'Umsatz netto'],
      row: (l, i) => [l.customer, day(l.date, 'dd.mm.yyyy'), String(880100 + i), money(l.cents, DE)],
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// totals, subtotals and pivots

function totalsAndPivots(): Entry[] {
  const out: Entry[] = [];

  {
    // Data → Subtotal (at each change in Customer, use SUM): "<name> Total" rows and a Grand Total
    const names = ['Acme Corp', 'Brightline Ltd', 'Contoso Pharmaceuticals', 'Müller GmbH', 'Möller GmbH'];
    const lines = sales('subtotal', names);
    const t = new Rows<XCell>();
    t.outside(['Customer', 'Date', 'Invoice', 'Amount']);
    let inv = 5000;
    for (const [c, ls] of byCustomer(lines, [...names].sort())) {
      const first = t.rows.length + 1;
      for (const l of ls) t.data([c, d(l.date, 'm/d/yyyy'), `INV-${inv++}`, num(l.cents)]);
      t.skip([`${c} Total`, null, null, sumFormula('D', first, t.rows.length, num(sumCents(ls)))], 'totals');
    }
    t.skip(['Grand Total', null, null, { formula: `SUBTOTAL(9,D2:D${t.rows.length})`, result: num(sumCents(lines)) }], 'totals');
    out.push(xlsxEntry({
      name: 'excel-subtotals-xlsx', file: 'excel-subtotals.xlsx', system: 'Microsoft Excel (United States)', variant: 'Data → Subtotal: a "<customer> Total" row after each customer and a "Grand Total" row, SUBTOTAL formulas, dates as dates',
      features: ['totals-rows'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'Sales', rows: t.rows }] },
    }));
  }
  {
    // the same command in German Excel (Daten → Teilergebnis): "<Kunde> Ergebnis" and "Gesamtergebnis"
    const names = DE_NAMES.slice(0, 5);
    const lines = sales('teilergebnis', names);
    const t = new Rows<XCell>();
    t.outside(['Kunde', 'Datum', 'Beleg', 'Umsatz']);
    let inv = 1;
    for (const [c, ls] of byCustomer(lines, [...names].sort((a, b) => a.localeCompare(b, 'de')))) {
      const first = t.rows.length + 1;
      for (const l of ls) t.data([c, d(l.date), `RE${String(inv++).padStart(5, '0')}`, num(l.cents)]);
      t.skip([`${c} Ergebnis`, null, null, sumFormula('D', first, t.rows.length, num(sumCents(ls)))], 'totals');
    }
    t.skip(['Gesamtergebnis', null, null, { formula: `TEILERGEBNIS(9,D2:D${t.rows.length})`, result: num(sumCents(lines)) }], 'totals');
    out.push(xlsxEntry({
      name: 'excel-teilergebnis-de-xlsx', file: 'excel-teilergebnis-de.xlsx', system: 'Microsoft Excel (Germany)', variant: 'Daten → Teilergebnis: "<Kunde> Ergebnis" after each customer and "Gesamtergebnis" (the German words, not "Total")',
      features: ['totals-rows'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'Umsatz', rows: t.rows }] },
    }));
  }
  {
    // a pivot table copied as values: filter line, "Sum of Amount", Row Labels, months, Grand Total
    const names = ['Acme Corp', 'Brightline Ltd', 'Fabrikam, Inc.', 'Möller GmbH', 'Müller GmbH', 'Northwind Traders'];
    const lines = sales('pivot-en', names, { refund: null });
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
    const t = new Rows<XCell>();
    t.outside(['Region', '(All)']).outside([]).outside(['Sum of Amount', 'Column Labels']);
    t.outside(['Row Labels', ...months, 'Grand Total']);
    const colSums = months.map(() => 0);
    for (const c of names) {
      const cells = months.map((_, m) => { const s = sumCents(lines.filter((l) => l.customer === c && monthOf(l.date) === m + 1)); colSums[m] += s; return s ? num(s) : null; });
      t.data([c, ...cells, num(sumCents(lines.filter((l) => l.customer === c)))]);
    }
    t.skip(['Grand Total', ...colSums.map(num), num(sumCents(lines))], 'totals');
    out.push(xlsxEntry({
      name: 'excel-pivot-xlsx', file: 'excel-pivot.xlsx', system: 'Microsoft Excel PivotTable (copied as values)', variant: 'report filter line, "Sum of Amount / Column Labels", "Row Labels" header, months as columns, a Grand Total column and a Grand Total row',
      features: ['header-row', 'wide-totals'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'Pivot', rows: t.rows }] },
    }));
  }
  {
    // French Excel's pivot: "Somme de Montant", "Étiquettes de lignes", "Total général"
    const names = FR_NAMES;
    const lines = sales('pivot-fr', names, { refund: null });
    const months = ['janv', 'févr', 'mars', 'avr', 'mai', 'juin'];
    const t = new Rows<XCell>();
    t.outside(['Somme de Montant HT', 'Étiquettes de colonnes']);
    t.outside(['Étiquettes de lignes', ...months, 'Total général']);
    const colSums = months.map(() => 0);
    for (const c of [...names].sort((a, b) => a.localeCompare(b, 'fr'))) {
      const cells = months.map((_, m) => { const s = sumCents(lines.filter((l) => l.customer === c && monthOf(l.date) === m + 1)); colSums[m] += s; return s ? num(s) : null; });
      t.data([c, ...cells, num(sumCents(lines.filter((l) => l.customer === c)))]);
    }
    t.skip(['Total général', ...colSums.map(num), num(sumCents(lines))], 'totals');
    out.push(xlsxEntry({
      name: 'excel-pivot-fr-xlsx', file: 'excel-pivot-fr.xlsx', system: 'Microsoft Excel PivotTable (France, copied as values)', variant: '"Somme de Montant HT / Étiquettes de colonnes", "Étiquettes de lignes", months janv … juin, "Total général" column and row',
      features: ['header-row', 'wide-totals'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'TCD', rows: t.rows }] },
    }));
  }
  {
    const names = DE_NAMES;
    const lines = sales('pivot-de', names, { refund: null });
    const months = ['Jan', 'Feb', 'Mrz', 'Apr', 'Mai', 'Jun'];
    const t = new Rows<CsvCell>();
    t.outside(['Summe von Umsatz', 'Spaltenbeschriftungen', '', '', '', '', '', '']);
    t.outside(['Zeilenbeschriftungen', ...months, 'Gesamtergebnis']);
    const colSums = months.map(() => 0);
    for (const c of [...names].sort((a, b) => a.localeCompare(b, 'de'))) {
      const cells = months.map((_, m) => { const s = sumCents(lines.filter((l) => l.customer === c && monthOf(l.date) === m + 1)); colSums[m] += s; return s ? money(s, DE_PLAIN) : ''; });
      t.data([c, ...cells, money(sumCents(lines.filter((l) => l.customer === c)), DE_PLAIN)]);
    }
    t.skip(['Gesamtergebnis', ...colSums.map((s) => money(s, DE_PLAIN)), money(sumCents(lines), DE_PLAIN)], 'totals');
    out.push({
      name: 'excel-pivot-de-csv', file: 'excel-pivot-de.csv', system: 'Microsoft Excel PivotTable (Germany) saved as CSV UTF-8', variant: '"Summe von Umsatz / Spaltenbeschriftungen", "Zeilenbeschriftungen", months, "Gesamtergebnis" column and row, decimal comma, semicolon',
      features: ['header-row', 'wide-totals', 'wide-decimal-comma'], expect: t.report(netOf(lines)),
      bytes: csvFile(delimited(t.rows, { sep: ';' }), 'utf8-bom'),
    });
  }
  {
    // the classic XYZ template: customer and one column per month, nothing else
    const names = ['Kunde A', 'Kunde B', 'Kunde C', 'Müller GmbH', 'Möller GmbH'];
    const lines = sales('xyz-template', names, { months: 12, counts: [14, 12, 10, 8, 6], refund: null });
    const months = ['Jan 24', 'Feb 24', 'Mär 24', 'Apr 24', 'Mai 24', 'Jun 24', 'Jul 24', 'Aug 24', 'Sep 24', 'Okt 24', 'Nov 24', 'Dez 24'];
    const t = new Rows<XCell>();
    t.outside(['Kunde', ...months]);
    for (const c of names) t.data([c, ...months.map((_, m) => num(sumCents(lines.filter((l) => l.customer === c && monthOf(l.date) === m + 1))))]);
    out.push(xlsxEntry({
      name: 'xyz-template-wide-xlsx', file: 'xyz-template-wide.xlsx', system: 'classic ABC-XYZ spreadsheet template', variant: 'customer plus twelve month columns, numbers, no totals',
      features: ['base'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'XYZ', rows: t.rows }] },
    }));
  }
  {
    const names = DE_NAMES.slice(0, 5);
    const lines = sales('wide-comma', names, { refund: null });
    const t = new Rows<CsvCell>();
    t.outside(['Kunde', 'Umsatz Jan', 'Umsatz Feb', 'Umsatz Mär', 'Umsatz Apr', 'Umsatz Mai', 'Umsatz Jun']);
    for (const c of names) t.data([c, ...[1, 2, 3, 4, 5, 6].map((m) => money(sumCents(lines.filter((l) => l.customer === c && monthOf(l.date) === m)), DE))]);
    out.push({
      name: 'wide-decimal-comma-csv', file: 'wide-decimal-comma.csv', system: 'monthly sales sheet (Germany) saved as CSV', variant: 'customer × month, semicolon, 1.234,56, no date column',
      features: ['wide-decimal-comma'], expect: t.report(netOf(lines)),
      bytes: csvFile(delimited(t.rows, { sep: ';' }), 'utf8-bom'),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// dates written with month names

function monthNames(): Entry[] {
  const out: Entry[] = [];
  {
    const lines = sales('d-mmm-yy', EN_NAMES);
    out.push(simpleCsv({
      name: 'excel-us-csv-d-mmm-yy', system: 'Microsoft Excel (United States)', variant: '"CSV (Comma delimited)" of a sheet whose dates show Excel\'s default 5-Mar-24; plain amounts',
      features: ['month-names'], lines, encoding: 'utf8', style: { sep: ',' },
      header: ['Customer', 'Date', 'Amount'],
      row: (l) => [l.customer, day(l.date, 'd-mmm-yy'), money(l.cents, PLAIN)],
    }));
  }
  {
    // Xero's "Receivable Invoice Detail" report exported to CSV
    const names = ['Bayside Club', 'Ridgeway University', 'Marine Systems', 'City Agency', 'Boom FM'];
    const lines = sales('xero', names);
    out.push(simpleCsv({
      name: 'xero-receivable-invoice-detail-csv', system: 'Xero', variant: '"Receivable Invoice Detail" report: three title lines and a blank, dates 05 Mar 2024, Gross with thousands',
      features: ['header-row', 'month-names'], lines, encoding: 'utf8-bom', style: { sep: ',', quote: 'text' },
      above: [['Receivable Invoice Detail'], ['Demo Company (UK)'], ['For the period 1 January 2024 to 30 June 2024'], []],
      header: ['Invoice Date', 'Invoice Number', 'Contact', 'Reference', 'Gross'],
      row: (l, i) => [day(l.date, 'dd mmm yyyy'), `INV-${String(i + 1).padStart(4, '0')}`, l.customer, `PO ${200 + i}`, money(l.cents, US)],
    }));
  }
  {
    const t = new Rows<XCell>();
    const names = EL_NAMES;
    const lines = sales('el-genitive', names);
    t.outside(['Καρτέλα πωλήσεων ανά πελάτη', null, null, null]);
    t.outside(['Περίοδος: 1 Ιανουαρίου 2024 – 30 Ιουνίου 2024']);
    t.outside([]);
    t.outside(['Πελάτης', 'Ημερομηνία', 'Παραστατικό', 'Καθαρή αξία']);
    let n = 100;
    for (const [c, ls] of byCustomer(lines, names)) {
      const first = t.rows.length + 1;
      for (const l of ls) t.data([c, day(l.date, 'el-genitive'), `ΤΔΑ ${n++}`, num(l.cents)]);
      t.skip([`${c} Σύνολο`, null, null, sumFormula('D', first, t.rows.length, num(sumCents(ls)))], 'totals');
    }
    t.skip(['Γενικό σύνολο', null, null, num(sumCents(lines))], 'totals');
    out.push(xlsxEntry({
      name: 'greek-erp-genitive-xlsx', file: 'greek-erp-genitive.xlsx', system: 'Greek ERP (Entersoft/SoftOne style) exported to Excel', variant: 'merged title, period line, blank, text dates "5 Μαρτίου 2024" (genitive), "<πελάτης> Σύνολο" subtotals and "Γενικό σύνολο"',
      features: ['header-row', 'month-names', 'totals-rows'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'Πωλήσεις', rows: t.rows, merges: ['A1:D1'] }] },
    }));
  }
  {
    const lines = sales('ru-genitive', RU_NAMES);
    out.push(simpleCsv({
      name: '1c-report-genitive-csv', system: '1С:Управление торговлей, report saved as CSV', variant: 'title and period lines, dates "5 марта 2024 г.", 1 234,56, a final "Итого" row',
      features: ['header-row', 'month-names', 'totals-rows'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      above: [['Продажи по контрагентам'], ['Период: Январь 2024 г. - Июнь 2024 г.'], []],
      header: ['Контрагент', 'Дата', 'Документ', 'Сумма'],
      row: (l, i) => [l.customer, day(l.date, 'ru-genitive'), `Реализация товаров и услуг ТД00-${String(120 + i).padStart(6, '0')}`, money(l.cents, RU)],
      totals: [['Итого', '', '', money(sumCents(lines), RU)]],
    }));
  }
  {
    const lines = sales('fr-short', FR_NAMES);
    out.push(simpleCsv({
      name: 'excel-fr-csv-month-names', system: 'Microsoft Excel (France)', variant: '"CSV UTF-8", dates formatted "jj mmm aaaa": 05 mars 2024, 12 févr. 2024; 1 234,56',
      features: ['month-names'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      header: ['Client', 'Date', 'Montant'],
      row: (l) => [l.customer, day(l.date, 'fr-short'), money(l.cents, FR)],
    }));
  }
  {
    const lines = sales('de-long', DE_NAMES);
    out.push(simpleCsv({
      name: 'excel-de-csv-month-names', system: 'Microsoft Excel (Germany)', variant: '"CSV UTF-8", long date format "5. März 2024", 1.234,56',
      features: ['month-names'], lines, encoding: 'utf8-bom', style: { sep: ';' },
      header: ['Kunde', 'Datum', 'Umsatz'],
      row: (l) => [l.customer, day(l.date, 'de-long'), money(l.cents, DE)],
    }));
  }
  {
    const lines = sales('es-long', ES_NAMES);
    const t = new Rows<XCell>();
    t.outside(['Cliente', 'Fecha', 'Nº factura', 'Importe']);
    lines.forEach((l, i) => t.data([l.customer, day(l.date, 'es-long'), `A-${3100 + i}`, num(l.cents)]));
    out.push(xlsxEntry({
      name: 'erp-es-month-names-xlsx', file: 'erp-es-month-names.xlsx', system: 'Spanish ERP (e.g. A3/Holded style) exported to Excel', variant: 'text dates "5 de marzo de 2024", amounts as numbers',
      features: ['month-names'], expect: t.report(netOf(lines)),
      workbook: { sheets: [{ name: 'Ventas', rows: t.rows }] },
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// shops and payment platforms

const SHOPIFY_COLUMNS = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal',
  'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price',
  'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name',
  'Shipping Street', 'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country',
  'Shipping Phone', 'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor', 'Outstanding Balance',
  'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value',
  'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name',
  'Shipping Province Name', 'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References'];

interface Order { id: number; customer: string; email: string; date: string; seconds: number; items: { name: string; sku: string; qty: number; price: number }[] }

function orders(seed: string, customers: [string, string][], n: number, maxItems: number): Order[] {
  const r = rng(seed);
  const products = [['Linen Shirt', 'LS-01', 4900], ['Canvas Tote', 'CT-02', 1850], ['Wool Scarf', 'WS-03', 3590], ['Leather Belt', 'LB-04', 5400], ['Rain Jacket', 'RJ-05', 12900], ['Socks 3-pack', 'SO-06', 1299]] as const;
  const out: Order[] = [];
  for (let k = 0; k < n; k++) {
    const [customer, email] = customers[Math.floor(r() * r() * customers.length)];
    const month = 1 + Math.floor((k * 6) / n);
    const iso = `2024-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const items = Array.from({ length: 1 + Math.floor(r() * maxItems) }, () => {
      const p = products[Math.floor(r() * products.length)];
      return { name: p[0], sku: p[1], qty: 1 + Math.floor(r() * 3), price: p[2] };
    });
    out.push({ id: 1001 + k, customer, email, date: iso, seconds: 8 * 3600 + Math.floor(r() * 12 * 3600), items });
  }
  // every customer buys at least once: the first orders go to each in turn
  customers.forEach(([c, e], i) => { out[i].customer = c; out[i].email = e; });
  out[0].date = '2024-01-27';
  return out;
}

const orderCents = (o: Order) => o.items.reduce((s, it) => s + it.qty * it.price, 0);
const orderLedger = (os: Order[]): Line[] => os.map((o) => ({ customer: o.customer, date: o.date, cents: orderCents(o) }));
const nyOffset = (iso: string) => (iso < '2024-03-10' ? '-0500' : '-0400');

function shopify(multiline: boolean): Entry {
  const customers: [string, string][] = [['Ava Thompson', 'ava.thompson@example.com'], ['Liam Müller', 'liam.mueller@example.de'], ['Liam Möller', 'liam.moeller@example.se'],
    ['Noah Patel', 'noah@patel.example'], ['Emma García', 'emma.garcia@example.es'], ['Olivia Chen', 'olivia.chen@example.com']];
  const os = orders(multiline ? 'shopify-multi' : 'shopify-single', customers, 26, multiline ? 3 : 1);
  const t = new Rows<CsvCell>();
  t.outside(SHOPIFY_COLUMNS);
  const col = (name: string) => SHOPIFY_COLUMNS.indexOf(name);
  for (const o of os) {
    o.items.forEach((it, k) => {
      const row: CsvCell[] = SHOPIFY_COLUMNS.map(() => '');
      const set = (name: string, v: CsvCell) => { row[col(name)] = v; };
      const created = shopTimestamp(o.date, o.seconds, nyOffset(o.date));
      set('Name', `#${o.id}`); set('Email', o.email); set('Created at', created);
      set('Lineitem quantity', it.qty); set('Lineitem name', it.name); set('Lineitem price', money(it.price, PLAIN)); set('Lineitem compare at price', '');
      set('Lineitem sku', it.sku); set('Lineitem requires shipping', 'true'); set('Lineitem taxable', 'true'); set('Lineitem fulfillment status', 'fulfilled');
      set('Lineitem discount', '0.00');
      if (k === 0) {
        const cents = orderCents(o);
        set('Financial Status', 'paid'); set('Paid at', shopTimestamp(o.date, o.seconds + 3, nyOffset(o.date))); set('Fulfillment Status', 'fulfilled');
        set('Fulfilled at', shopTimestamp(o.date, o.seconds + 7200, nyOffset(o.date))); set('Accepts Marketing', 'no'); set('Currency', 'USD');
        set('Subtotal', money(cents, PLAIN)); set('Shipping', '0.00'); set('Taxes', '0.00'); set('Total', money(cents, PLAIN)); set('Discount Amount', '0.00');
        set('Shipping Method', 'Free Shipping'); set('Billing Name', o.customer); set('Billing Street', '12 Market St'); set('Billing Address1', '12 Market St');
        set('Billing City', 'Brooklyn'); set('Billing Zip', "'11201"); set('Billing Province', 'NY'); set('Billing Country', 'US');
        set('Shipping Name', o.customer); set('Shipping Street', '12 Market St'); set('Shipping Address1', '12 Market St'); set('Shipping City', 'Brooklyn');
        set('Shipping Zip', "'11201"); set('Shipping Province', 'NY'); set('Shipping Country', 'US'); set('Payment Method', 'Shopify Payments');
        set('Payment Reference', `c${24000000000 + o.id}.1`); set('Refunded Amount', '0.00'); set('Vendor', 'Northside Apparel'); set('Outstanding Balance', '0.00');
        set('Id', 5623847362000 + o.id); set('Risk Level', 'Low'); set('Source', 'web'); set('Tax 1 Name', ''); set('Phone', '');
        set('Billing Province Name', 'New York'); set('Shipping Province Name', 'New York'); set('Payment ID', `c${24000000000 + o.id}`);
        set('Payment References', `c${24000000000 + o.id}.1`);
        t.data(row);
      } else {
        // Shopify leaves the order-level fields empty on the order's further line items
        t.data(row);
      }
    });
  }
  const ledger = orderLedger(os);
  const byName = t.report(netOf(ledger));
  const byEmail = renamed(byName, Object.fromEntries(customers));
  for (const o of [byName, byEmail]) rowsUnchecked(o, 'an order\'s further line items carry no Billing Name and no Total: a reader may fill them in from the first line or skip them');
  return {
    name: multiline ? 'shopify-orders-multiline-csv' : 'shopify-orders-csv', file: multiline ? 'shopify-orders-multiline.csv' : 'shopify-orders.csv',
    system: 'Shopify', variant: multiline
      ? 'orders export, 79 columns, orders with several line items: order fields (Billing Name, Total, Paid at) only on the first line'
      : 'orders export, 79 columns, one line item per order, "Created at" 2024-06-18 12:17:00 -0400, Billing Company empty',
    features: multiline ? ['timestamp-offset', 'mapping-evidence', 'continuation-lines'] : ['timestamp-offset', 'mapping-evidence'],
    expect: byName, also: [byEmail],
    bytes: csvFile(delimited(t.rows, { sep: ',', eol: '\n' }), 'utf8'),
  };
}

function woocommerceAnalytics(): Entry {
  const names = ['Hannah Becker', 'Lucas Martin', 'Sofia Rossi', 'James O\'Brien', 'Mia Schröder', 'Mia Schroder'];
  const lines = sales('woo-analytics', names, { max: 60000 });
  const t = new Rows<CsvCell>();
  t.outside(['Date', 'Order #', 'Status', 'Customer', 'Customer type', 'Product(s)', 'Items sold', 'Coupon(s)', 'Net Sales', 'Attribution']);
  lines.forEach((l, i) => t.data([`${l.date} ${String(9 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00`, 2100 + i, l.cents < 0 ? 'Refunded' : 'Completed',
    l.customer, i % 3 ? 'returning' : 'new', 'Organic Coffee Beans 1kg, Pour-over Kettle', 2, '', money(l.cents, PLAIN), 'Direct']));
  return {
    name: 'woocommerce-analytics-orders-csv', file: 'woocommerce-analytics-orders.csv', system: 'WooCommerce', variant: 'Analytics → Orders → Download: one row per order, "Net Sales", a refunded order as a negative row',
    features: ['base'], expect: t.report(netOf(lines)),
    bytes: csvFile(delimited(t.rows, { sep: ',', quote: 'all', eol: '\n' }), 'utf8'),
  };
}

const WOO_EXPORT_COLUMNS = ['order_id', 'order_number', 'order_number_formatted', 'order_date', 'status', 'shipping_total', 'shipping_tax_total', 'fee_total', 'fee_tax_total',
  'tax_total', 'cart_discount', 'order_discount', 'discount_total', 'order_total', 'refunded_total', 'order_currency', 'payment_method', 'shipping_method', 'customer_id',
  'billing_first_name', 'billing_last_name', 'billing_full_name', 'billing_company', 'vat_number', 'billing_email', 'billing_phone', 'billing_address_1', 'billing_address_2',
  'billing_postcode', 'billing_city', 'billing_state', 'billing_state_code', 'billing_country', 'shipping_first_name', 'shipping_last_name', 'shipping_full_name',
  'shipping_address_1', 'shipping_address_2', 'shipping_postcode', 'shipping_city', 'shipping_state', 'shipping_state_code', 'shipping_country', 'shipping_company',
  'customer_note', 'item_id', 'item_product_id', 'item_name', 'item_sku', 'item_quantity', 'item_subtotal', 'item_subtotal_tax', 'item_total', 'item_total_tax',
  'item_refunded', 'item_refunded_qty', 'item_meta', 'shipping_items', 'fee_items', 'tax_items', 'coupon_items', 'order_notes', 'download_permissions_granted'];

function woocommerceExport(): Entry {
  const customers: [string, string][] = [['Hannah Becker', '11'], ['Lucas Martin', '12'], ['Sofia Rossi', '13'], ['Jörg Weiß', '14'], ['Jorg Weiss', '15']];
  const os = orders('woo-export', customers, 22, 4);
  const t = new Rows<CsvCell>();
  t.outside(WOO_EXPORT_COLUMNS);
  let itemId = 700;
  for (const o of os) {
    for (const it of o.items) {
      const row: CsvCell[] = WOO_EXPORT_COLUMNS.map(() => '');
      const set = (name: string, v: CsvCell) => { row[WOO_EXPORT_COLUMNS.indexOf(name)] = v; };
      const [first, last] = o.customer.split(' ');
      set('order_id', 4000 + o.id); set('order_number', 4000 + o.id); set('order_number_formatted', `#${4000 + o.id}`);
      set('order_date', `${o.date} ${String(Math.floor(o.seconds / 3600)).padStart(2, '0')}:${String(Math.floor(o.seconds / 60) % 60).padStart(2, '0')}:00`);
      set('status', 'completed');
      for (const z of ['shipping_total', 'shipping_tax_total', 'fee_total', 'fee_tax_total', 'tax_total', 'cart_discount', 'order_discount', 'discount_total', 'refunded_total']) set(z, '0.00');
      set('order_total', money(orderCents(o), PLAIN)); set('order_currency', 'EUR'); set('payment_method', 'stripe'); set('shipping_method', 'Free shipping');
      set('customer_id', customers.find(([c]) => c === o.customer)![1]);
      set('billing_first_name', first); set('billing_last_name', last); set('billing_full_name', o.customer); set('billing_email', `${first.toLowerCase()}@example.eu`);
      set('billing_country', 'DE'); set('shipping_first_name', first); set('shipping_last_name', last); set('shipping_full_name', o.customer); set('shipping_country', 'DE');
      set('item_id', itemId++); set('item_product_id', 90 + it.sku.length); set('item_name', it.name); set('item_sku', it.sku); set('item_quantity', it.qty);
      set('item_subtotal', money(it.qty * it.price, PLAIN)); set('item_subtotal_tax', '0.00'); set('item_total', money(it.qty * it.price, PLAIN)); set('item_total_tax', '0.00');
      set('item_refunded', '0.00'); set('item_refunded_qty', 0); set('download_permissions_granted', 1);
      t.data(row);
    }
  }
  const byName = t.report(netOf(orderLedger(os)));
  const byId = renamed(byName, Object.fromEntries(customers));
  for (const o of [byName, byId]) rowsUnchecked(o, 'the repeated order total may be kept on one line of the order and the others skipped, or the item totals used on every line');
  return {
    name: 'woocommerce-order-export-per-item-csv', file: 'woocommerce-order-export-per-item.csv', system: 'WooCommerce Customer/Order CSV Export (one row per item)',
    variant: '63 snake_case columns, order_total repeated on every item line, shipping_total/tax_total/… all 0.00 before it, billing_company empty',
    features: ['mapping-evidence', 'repeated-order-totals'], expect: byName, also: [byId],
    bytes: csvFile(delimited(t.rows, { sep: ',', quote: 'all', eol: '\n' }), 'utf8'),
  };
}

const STRIPE_COLUMNS = ['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Captured', 'Converted Amount', 'Converted Amount Refunded', 'Converted Currency',
  'Decline Reason', 'Description', 'Fee', 'Refunded date (UTC)', 'Statement Descriptor', 'Status', 'Seller Message', 'Taxes On Fee', 'Card ID', 'Customer ID',
  'Customer Description', 'Customer Email', 'Card Name', 'Card Brand', 'Card Funding', 'Card Last4', 'Card Exp Month', 'Card Exp Year', 'Card Fingerprint',
  'Card Address Line1', 'Card Address Line2', 'Card Address City', 'Card Address State', 'Card Address Country', 'Card Address Zip', 'Card Issue Country',
  'Card CVC Status', 'Card AVS Zip Status', 'Card AVS Line1 Status', 'Card Tokenization Method', 'Disputed Amount', 'Dispute Status', 'Dispute Reason',
  'Dispute Date (UTC)', 'Dispute Evidence Due (UTC)', 'Invoice ID', 'Invoice Number', 'Payment Source Type', 'Destination', 'Transfer', 'Transfer Group',
  'PaymentIntent ID', 'Customer Phone', 'Shipping Name', 'Shipping Address Line1', 'Shipping Address City', 'Shipping Address Country',
  'Shipping Address Postal Code', 'order_id (metadata)'];

function stripe(twoCurrencies: boolean): Entry {
  const customers: [string, string, string][] = [['Helios Clinics LLC', 'cus_PqR8sT2uV4wX6y', 'usd'], ['Nimbus Trading S.A.', 'cus_Za1Bc3De5Fg7Hi', twoCurrencies ? 'eur' : 'usd'],
    ['Summit Labs Inc.', 'cus_Jk9Lm8No7Pq6Rs', 'usd'], ['Ørsted Design ApS', 'cus_Tu5Vw4Xy3Za2Bc', twoCurrencies ? 'eur' : 'usd'], ['Quill & Ink Ltd', 'cus_De1Fg2Hi3Jk4Lm', 'usd']];
  const lines = sales(twoCurrencies ? 'stripe-2' : 'stripe', customers.map((c) => c[0]), { refund: null, max: 250000 });
  const t = new Rows<CsvCell>();
  t.outside(STRIPE_COLUMNS);
  const r = rng('stripe-ids');
  const idPart = () => Array.from({ length: 14 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789'[Math.floor(r() * 58)]).join('');
  lines.forEach((l, i) => {
    const [name, cus, currency] = customers.find((c) => c[0] === l.customer)!;
    const row: CsvCell[] = STRIPE_COLUMNS.map(() => '');
    const set = (col: string, v: CsvCell) => { row[STRIPE_COLUMNS.indexOf(col)] = v; };
    const fee = Math.round(l.cents * 0.029) + 30;
    set('id', `ch_3P${idPart()}`); set('Created date (UTC)', `${l.date} ${String(10 + (i % 12)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}:${String((i * 29) % 60).padStart(2, '0')}`);
    set('Amount', money(l.cents, PLAIN)); set('Amount Refunded', '0.00'); set('Currency', currency); set('Captured', 'true');
    set('Converted Amount', money(l.cents, PLAIN)); set('Converted Amount Refunded', '0.00'); set('Converted Currency', currency);
    set('Description', `Invoice ${String(2400 + i)}`); set('Fee', money(fee, PLAIN)); set('Statement Descriptor', 'NORTHSIDE SAAS'); set('Status', 'Paid');
    set('Seller Message', 'Payment complete.'); set('Taxes On Fee', '0.00'); set('Card ID', `card_1P${idPart()}`); set('Customer ID', cus);
    set('Customer Description', name); set('Customer Email', `billing@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`); set('Card Name', name);
    set('Card Brand', 'Visa'); set('Card Funding', 'credit'); set('Card Last4', '4242'); set('Card Exp Month', 1 + (i % 12)); set('Card Exp Year', 2027);
    set('Card Fingerprint', idPart()); set('Card Address Country', 'US'); set('Card Issue Country', 'US'); set('Card CVC Status', 'pass');
    set('Card AVS Zip Status', 'pass'); set('Card AVS Line1 Status', 'pass'); set('Disputed Amount', ''); set('Invoice ID', `in_1P${idPart()}`);
    set('Invoice Number', `NSA-${String(1000 + i)}`); set('Payment Source Type', 'card'); set('PaymentIntent ID', `pi_3P${idPart()}`);
    set('order_id (metadata)', String(88000 + i));
    t.data(row);
  });
  const byName = t.report(netOf(lines), twoCurrencies ? ['currenc'] : undefined);
  const ids = Object.fromEntries(customers.map((c) => [c[0], c[1]]));
  const byId = renamed(byName, ids);
  // or (core/read/plausibility/currency.ts) the currency of most rows is kept and the others' rows are skipped with the reason
  const usd = lines.filter((l) => customers.find((c) => c[0] === l.customer)![2] === 'usd');
  const mainOnly = rowsUnchecked(t.report(netOf(usd), ['currenc']), 'the rows in the other currency are skipped with their reason');
  return {
    name: twoCurrencies ? 'stripe-payments-two-currencies-csv' : 'stripe-payments-csv', file: twoCurrencies ? 'stripe-payments-two-currencies.csv' : 'stripe-payments.csv',
    system: 'Stripe', variant: twoCurrencies
      ? 'Payments → Export, 58 columns, two customers pay in eur and three in usd (Currency column): a warning must say so'
      : 'Payments → Export (unified_payments.csv), 58 columns, "Created date (UTC)" 2024-06-18 17:17:53, empty "Refunded date (UTC)", "Dispute Date (UTC)", "Amount Refunded" 0.00',
    features: twoCurrencies ? ['currencies'] : ['base'],
    expect: byName, also: twoCurrencies ? [byId, { kind: 'error', message: 'currenc' }, mainOnly, renamed(mainOnly, ids)] : [byId],
    bytes: csvFile(delimited(t.rows, { sep: ',', eol: '\n' }), 'utf8'),
  };
}

const PAYPAL_COLUMNS = ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'From Email Address', 'To Email Address', 'Transaction ID',
  'Shipping Address', 'Address Status', 'Item Title', 'Item ID', 'Shipping and Handling Amount', 'Insurance Amount', 'Sales Tax', 'Option 1 Name', 'Option 1 Value',
  'Option 2 Name', 'Option 2 Value', 'Reference Txn ID', 'Invoice Number', 'Custom Number', 'Quantity', 'Receipt ID', 'Balance', 'Address Line 1',
  'Address Line 2/District/Neighborhood', 'Town/City', 'State/Province/Region/County/Territory/Prefecture/Republic', 'Zip/Postal Code', 'Country', 'Contact Phone Number',
  'Subject', 'Note', 'Country Code', 'Balance Impact'];

function paypal(): Entry {
  const names = ['Oliver Hughes', 'Amelia Clarke', 'Jack Robinson', 'Isla Murphy', 'Harry Walsh'];
  const lines = sales('paypal', names, { max: 40000 });
  const t = new Rows<CsvCell>();
  t.outside(PAYPAL_COLUMNS);
  let balance = 0;
  const emit = (iso: string, i: number, name: string, type: string, gross: number, fee: number, email: string) => {
    balance += gross - fee;
    const row: CsvCell[] = PAYPAL_COLUMNS.map(() => '');
    const set = (col: string, v: CsvCell) => { row[PAYPAL_COLUMNS.indexOf(col)] = v; };
    set('Date', day(iso, 'dd/mm/yyyy')); set('Time', `${String(8 + (i % 11)).padStart(2, '0')}:${String((i * 17) % 60).padStart(2, '0')}:04`); set('TimeZone', 'Europe/London');
    set('Name', name); set('Type', type); set('Status', 'Completed'); set('Currency', 'GBP'); set('Gross', money(gross, US)); set('Fee', money(-fee, US));
    set('Net', money(gross - fee, US)); set('From Email Address', email); set('To Email Address', gross > 0 ? 'shop@teashop.example' : email);
    set('Transaction ID', `7X${String(100000 + i * 7919).padStart(9, '0')}L`); set('Sales Tax', '0.00'); set('Shipping and Handling Amount', '0.00');
    set('Insurance Amount', ''); set('Quantity', gross > 0 ? 1 : ''); set('Balance', money(balance, US)); set('Country Code', 'GB'); set('Balance Impact', gross - fee >= 0 ? 'Credit' : 'Debit');
    return row;
  };
  lines.forEach((l, i) => {
    const email = `${l.customer.toLowerCase().replace(' ', '.')}@example.co.uk`;
    const fee = l.cents > 0 ? Math.round(l.cents * 0.029) + 30 : 0;
    t.data(emit(l.date, i, l.customer, l.cents > 0 ? 'Website Payment' : 'Payment Refund', l.cents, fee, email));
    // the shop moves its balance to the bank: a line without a buyer, no revenue
    if (i % 9 === 8) t.skip(emit(l.date, 1000 + i, '', 'General Withdrawal', -100000, 0, ''), 'no-customer');
  });
  const byName = t.report(netOf(lines));
  return {
    name: 'paypal-activity-csv', file: 'paypal-activity.csv', system: 'PayPal (United Kingdom)', variant: 'Activity download, 41 quoted columns, dd/mm/yyyy plus Time and TimeZone, Gross/Fee/Net, "Sales Tax" 0.00, refunds and withdrawals',
    features: ['mapping-evidence'], expect: byName,
    also: [renamed(byName, Object.fromEntries(names.map((n) => [n, `${n.toLowerCase().replace(' ', '.')}@example.co.uk`])))],
    bytes: csvFile(delimited(t.rows, { sep: ',', quote: 'all' }), 'utf8-bom'),
  };
}

// ---------------------------------------------------------------------------------------------
// ERP and accounting systems

function sapFbl5n(): Entry {
  const accounts: [string, number][] = [['Müller GmbH', 100234], ['Möller GmbH', 100235], ['Bäckerei Schäfer KG', 100871], ['Straßenbau Krüger AG', 101002]];
  const sold = sales('fbl5n', accounts.map((a) => a[0]), { refund: null });
  const t = new Rows<XCell>();
  t.outside(['Account', 'Name 1', 'Document Type', 'Document Number', 'Document Date', 'Amount in Local Currency', 'Local Currency', 'Text']);
  const truth: Line[] = [];
  let doc = 90001000;
  const r = rng('fbl5n-docs');
  for (const l of sold) {
    const acct = accounts.find((a) => a[0] === l.customer)![1];
    t.data([acct, l.customer, 'RV', doc++, d(l.date), num(l.cents), 'EUR', 'Billing document']);
    truth.push(l);
    if (r() < 0.25) {
      // a credit memo (DG) for part of the invoice
      const cn = -Math.round(l.cents * 0.1);
      t.data([acct, l.customer, 'DG', doc++, d(l.date), num(cn), 'EUR', 'Credit memo']);
      truth.push({ ...l, cents: cn, kind: 'credit' });
    }
    if (r() < 0.5) {
      // the customer pays (DZ): cash, not revenue
      t.data([acct, l.customer, 'DZ', 1400000000 + doc++, d(l.date), num(-l.cents), 'EUR', 'Incoming payment']);
      truth.push({ ...l, cents: -l.cents, kind: 'payment' });
    }
  }
  const byName = rowsUnchecked(t.report(netOf(truth)), 'payments may be skipped with a reason or read and left out of revenue');
  const byAccount = renamed(byName, Object.fromEntries(accounts.map(([n, a]) => [n, String(a)])));
  return xlsxEntry({
    name: 'sap-fbl5n-line-items-xlsx', file: 'sap-fbl5n-line-items.xlsx', system: 'SAP ERP (FBL5N customer line items → Spreadsheet)',
    variant: 'document types RV (invoice), DG (credit memo, negative), DZ (payment, negative): payments must not net the revenue down; Account is a number',
    features: ['document-types'], expect: byAccount, also: [byName],
    workbook: { sheets: [{ name: 'Sheet1', rows: t.rows }] },
  });
}

function sapB1SalesEmployee(): Entry {
  const names = ['Müller GmbH', 'Möller GmbH', 'Acme Corp', 'Northwind Traders', 'Brightline Ltd'];
  const lines = sales('b1', names, { refund: null });
  const t = new Rows<XCell>();
  t.outside(['Posting Date', 'Document No.', 'Customer Code', 'Customer Name', 'Sales Employee', 'Doc. Total', 'Gross Profit']);
  const r = rng('b1-emp');
  lines.forEach((l, i) => t.data([d(l.date, 'dd.mm.yy'), 3000 + i, `C${20000 + names.indexOf(l.customer)}`, l.customer, [-1, 1, 2, 3, 4][Math.floor(r() * 5)], num(l.cents), num(Math.round(l.cents * 0.3))]));
  return xlsxEntry({
    name: 'sap-b1-sales-analysis-xlsx', file: 'sap-b1-sales-analysis.xlsx', system: 'SAP Business One (Sales Analysis → Excel)',
    variant: '"Sales Employee" (codes -1, 1…4) before "Doc. Total": a header that contains "sales" must not become the amount',
    features: ['amount-looks-like-ids'], expect: t.report(netOf(lines)), also: [{ kind: 'warned', warning: 'Sales Employee' }],
    workbook: { sheets: [{ name: 'Sales Analysis', rows: t.rows }] },
  });
}

function oneCDocuments(): Entry {
  const sold = sales('1c-docs', RU_NAMES, { refund: null });
  const t = new Rows<CsvCell>();
  t.outside(['Дата', 'Номер', 'Вид документа', 'Контрагент', 'Сумма документа', 'Валюта']);
  const truth: Line[] = [];
  const r = rng('1c-docs-kinds');
  let n = 1;
  const stamp = (iso: string, i: number) => `${day(iso, 'dd.mm.yyyy')} ${10 + (i % 8)}:${String((i * 11) % 60).padStart(2, '0')}:00`;
  for (const l of sold) {
    t.data([stamp(l.date, n), `ТД00-${String(n).padStart(6, '0')}`, 'Реализация (акт, накладная, УПД)', l.customer, money(l.cents, RU), 'руб.']);
    truth.push(l); n++;
    if (r() < 0.2) {
      const back = Math.round(l.cents * 0.25);
      // 1C writes the return with a positive amount: the document type says it is a return
      t.data([stamp(l.date, n), `ТД00-${String(n).padStart(6, '0')}`, 'Возврат товаров от клиента', l.customer, money(back, RU), 'руб.']);
      truth.push({ ...l, cents: -back, kind: 'credit' }); n++;
    }
    if (r() < 0.5) {
      t.data([stamp(l.date, n), `ТД00-${String(n).padStart(6, '0')}`, 'Поступление безналичных денежных средств', l.customer, money(l.cents, RU), 'руб.']);
      truth.push({ ...l, kind: 'payment' }); n++;
    }
  }
  const expect = t.report(netOf(truth), [ENCODING_WARNING('windows-1251')]);
  rowsUnchecked(expect, 'payments may be skipped with a reason or read and left out of revenue');
  return {
    name: '1c-document-journal-1251-csv', file: '1c-document-journal-1251.csv', system: '1С:Управление торговлей (document journal saved as CSV)',
    variant: 'Windows-1251, semicolon, "05.03.2024 12:00:00", sales, returns (positive amounts) and incoming payments in one "Сумма документа" column',
    features: ['encoding', 'document-types'], expect,
    bytes: csvFile(delimited(t.rows, { sep: ';' }), 'windows-1251'),
  };
}

function oneCSalesXlsx(): Entry {
  const lines = sales('1c-xlsx', RU_NAMES);
  const t = new Rows<XCell>();
  t.outside(['Выручка от продаж за 1 полугодие 2024 г.', null, null, null]);
  t.outside(['Параметры:', 'Период: 01.01.2024 - 30.06.2024']);
  t.outside(['Отбор:', 'Организация Равно "ТД Меридиан"']);
  t.outside([]);
  t.outside(['Контрагент', 'Регистратор', 'Дата', 'Выручка']);
  lines.forEach((l, i) => t.data([l.customer, `Реализация товаров и услуг ТД00-${String(300 + i).padStart(6, '0')} от ${day(l.date, 'dd.mm.yyyy')} 12:00:00`, day(l.date, 'dd.mm.yyyy'), num(l.cents)]));
  t.skip(['Итого', null, null, num(sumCents(lines))], 'totals');
  return xlsxEntry({
    name: '1c-sales-report-xlsx', file: '1c-sales-report.xlsx', system: '1С:Управление торговлей (report → Excel)',
    variant: 'merged title, "Параметры:" and "Отбор:" lines, blank, header on row 5, text dates, final "Итого" row',
    features: ['header-row', 'totals-rows'], expect: t.report(netOf(lines)),
    workbook: { sheets: [{ name: 'TDSheet', rows: t.rows, merges: ['A1:D1'] }] },
  });
}

function quickbooksOnline(): Entry {
  const names = ['Amy\'s Bird Sanctuary', 'Bill\'s Windsurf Shop', 'Cool Cars', 'Müller GmbH', 'Möller GmbH'];
  const lines = sales('qbo', names);
  const header = ['', 'Date', 'Transaction Type', 'Num', 'Product/Service', 'Memo/Description', 'Qty', 'Sales Price', 'Amount', 'Balance'];
  const rows: CsvCell[][] = [['Sales by Customer Detail'], ['Craig\'s Design and Landscaping Services'], ['January - June, 2024'], [], header];
  let num0 = 1001;
  for (const [c, ls] of byCustomer(lines, names)) {
    rows.push([c, '', '', '', '', '', '', '', '', '']);
    let bal = 0;
    for (const l of ls) {
      bal += l.cents;
      const credit = l.cents < 0;
      rows.push(['', day(l.date, 'mm/dd/yyyy'), credit ? 'Credit Memo' : 'Invoice', String(num0++), 'Design', credit ? 'Returned goods' : 'Custom design', credit ? '-1' : '1',
        money(Math.abs(l.cents), PLAIN), money(l.cents, PLAIN), money(bal, PLAIN)]);
    }
    rows.push([`Total for ${c}`, '', '', '', '', '', '', '', `$${money(sumCents(ls), US)}`, '']);
  }
  rows.push(['TOTAL', '', '', '', '', '', '', '', `$${money(sumCents(lines), US)}`, ''], [], [], ['Accrual Basis Monday, July 1, 2024 09:14 AM GMT-04:00']);
  return {
    name: 'quickbooks-online-sales-by-customer-detail-csv', file: 'quickbooks-online-sales-by-customer-detail.csv', system: 'QuickBooks Online',
    variant: '"Sales by Customer Detail": title lines, the customer as a group row with its lines below (first column empty), "Total for X", "TOTAL", footer line',
    features: ['header-row', 'group-headers', 'totals-rows'],
    expect: { kind: 'report', customers: netOf(lines), rowsNote: 'group rows, "Total for" rows and the footer line may be read and skipped or taken as no part of the table' },
    bytes: csvFile(delimited(rows, { sep: ',', quote: 'all' }), 'utf8'),
  };
}

function quickbooksDesktop(): Entry {
  const names = ['Abercrombie, Kristy', 'Cook, Brian', 'Jacobsen, Doug', 'Müller GmbH', 'Möller GmbH'];
  const lines = sales('qbd', names);
  const rows: XCell[][] = [[null, null, 'Type', 'Date', 'Num', 'Memo', 'Name', 'Item', 'Qty', 'Sales Price', 'Amount', 'Balance']];
  let n = 71000;
  for (const [c, ls] of byCustomer(lines, names)) {
    rows.push([c]);
    const first = rows.length + 1;
    let bal = 0;
    for (const l of ls) {
      bal += l.cents;
      rows.push([null, null, l.cents < 0 ? 'Credit Memo' : 'Invoice', d(l.date, 'mm/dd/yyyy'), String(n++), 'Installation', c, 'Labor', l.cents < 0 ? -1 : 1, num(Math.abs(l.cents)), num(l.cents), num(bal)]);
    }
    rows.push([`Total ${c}`, null, null, null, null, null, null, null, null, null, sumFormula('K', first, rows.length, num(sumCents(ls))), num(bal)]);
  }
  rows.push(['TOTAL', null, null, null, null, null, null, null, null, null, num(sumCents(lines)), num(sumCents(lines))]);
  return xlsxEntry({
    name: 'quickbooks-desktop-sales-by-customer-detail-xlsx', file: 'quickbooks-desktop-sales-by-customer-detail.xlsx', system: 'QuickBooks Desktop (report → Excel)',
    variant: 'two unnamed indent columns, the customer as a group row, "Name" repeated on the lines, "Total <customer>" rows with SUBTOTAL, "TOTAL"',
    features: ['group-headers', 'totals-rows', 'mapping-evidence'],
    expect: { kind: 'report', customers: netOf(lines), rowsNote: 'group rows may be read and skipped or taken as headings of the lines below' },
    workbook: { sheets: [{ name: 'Sheet1', rows }] },
  });
}

function salesforceCsv(): Entry {
  const names = ['Burlington Textiles Corp of America', 'Edge Communications', 'Grand Hotels & Resorts Ltd', 'United Oil & Gas Corp.', 'Pyramid Construction Inc.', 'Müller GmbH'];
  const lines = sales('sfdc', names, { refund: null, min: 500000, max: 12000000 });
  const t = new Rows<CsvCell>();
  t.outside(['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Type', 'Lead Source', 'Amount', 'Expected Revenue', 'Probability (%)', 'Close Date', 'Created Date', 'Next Step', 'Stage', 'Fiscal Period', 'Age', 'Opportunity ID']);
  lines.forEach((l, i) => {
    const created = `2023-${String(7 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    t.data(['Jane Doe', l.customer, `${l.customer.split(' ')[0]} - ${['Expansion', 'Renewal', 'New Business', 'Add-on'][i % 4]} ${i + 1}`, i % 3 ? 'Existing Business' : 'New Business',
      ['Web', 'Partner Referral', 'Trade Show', 'Phone Inquiry'][i % 4], money(l.cents, PLAIN), money(l.cents, PLAIN), '100', day(l.date, 'm/d/yyyy'), day(created, 'm/d/yyyy'), '',
      'Closed Won', `Q${Math.ceil(monthOf(l.date) / 3)}-2024`, String(120 + i), `0065e00000${String(8000 + i * 37).padStart(5, '0')}AbC`]);
  });
  for (const footer of [[], [], ['Closed Won Opportunities'], ['Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.'], ['Confidential Information - Do Not Distribute'], ['Generated By:  Jane Doe  7/1/2024 9:14 AM'], ['Acme Inc.']]) t.outside(footer);
  const expect = t.report(netOf(lines));
  rowsUnchecked(expect, 'the footer lines below the table may be read and skipped, or recognised as no part of the table');
  return {
    name: 'salesforce-opportunities-csv', file: 'salesforce-opportunities.csv', system: 'Salesforce Classic (report → Export Details → CSV)',
    variant: 'every field quoted, Amount and Expected Revenue, Close Date and Created Date (m/d/yyyy), the report\'s footer lines (title, copyright, "Generated By") below two blank lines',
    features: ['base'], expect,
    bytes: csvFile(delimited(t.rows, { sep: ',', quote: 'all', eol: '\n' }), 'utf8'),
  };
}

function salesforceFormatted(): Entry {
  const names = ['Burlington Textiles Corp of America', 'Edge Communications', 'Grand Hotels & Resorts Ltd', 'Müller GmbH', 'Möller GmbH'];
  const lines = sales('sfdc-formatted', names, { refund: null, min: 500000, max: 9000000 });
  const t = new Rows<XCell>();
  t.outside([null, 'Closed Won Opportunities by Account']);
  t.outside([null, 'As of 7/1/2024 9:14 AM · Generated by Jane Doe']);
  t.outside([null, 'Filtered By: Stage equals Closed Won · Close Date equals Current FY']);
  t.outside([]);
  t.outside([null, 'Account Name', 'Opportunity Name', 'Stage', 'Close Date', 'Amount']);
  let k = 0;
  for (const [c, ls] of byCustomer(lines, names)) {
    const first = t.rows.length + 1;
    ls.forEach((l, i) => t.data([null, i === 0 ? c : null, `${c.split(' ')[0]} – Deal ${++k}`, 'Closed Won', d(l.date, 'm/d/yyyy'), num(l.cents)]));
    t.skip([null, 'Subtotal', null, null, null, sumFormula('F', first, t.rows.length, num(sumCents(ls)))], 'totals');
  }
  t.skip([null, 'Total', null, null, null, num(sumCents(lines))], 'totals');
  const expect = t.report(netOf(lines));
  rowsUnchecked(expect, "the account's further rows may be filled in from its first row or read as continuation lines");
  return xlsxEntry({
    name: 'salesforce-formatted-report-xlsx', file: 'salesforce-formatted-report.xlsx', system: 'Salesforce Lightning (report → Export → Formatted Report)',
    variant: 'title, "As of" and "Filtered By" lines, table from column B, grouped by account: the account only on its first row, "Subtotal" rows, "Total"',
    features: ['header-row', 'continuation-lines', 'totals-rows'], expect,
    workbook: { sheets: [{ name: 'Closed Won Opportunities by Ac', rows: t.rows, merges: ['B1:F1'] }] },
  });
}

function headerPlusDetail(): Entry {
  const customers: [string, string][] = DE_NAMES.slice(0, 5).map((n) => [n, n]);
  const os = orders('header-detail', customers, 16, 3);
  const t = new Rows<CsvCell>();
  t.outside(['Belegnr.', 'Kunde', 'Belegdatum', 'Artikel', 'Menge', 'Einzelpreis', 'Betrag']);
  for (const o of os) {
    const no = `AU-${24000 + o.id}`;
    t.data([no, o.customer, day(o.date, 'dd.mm.yyyy'), '', '', '', money(orderCents(o), DE)]);
    for (const it of o.items) t.data([no, o.customer, day(o.date, 'dd.mm.yyyy'), it.name, it.qty, money(it.price, DE), money(it.qty * it.price, DE)]);
  }
  const expect = t.report(netOf(orderLedger(os)));
  rowsUnchecked(expect, 'either the document rows or the position rows may be the ones used');
  return {
    name: 'erp-header-plus-detail-csv', file: 'erp-header-plus-detail.csv', system: 'German ERP "Belegliste mit Positionen" (CSV)',
    variant: 'each document as a header row (customer, date, document total, no article) followed by its position rows with the same customer and date',
    features: ['header-detail'], expect,
    bytes: csvFile(delimited(t.rows, { sep: ';' }), 'utf8-bom'),
  };
}

function repeatedOrderTotal(): Entry {
  const customers: [string, string][] = [['Acme Corp', ''], ['Brightline Ltd', ''], ['Contoso Pharmaceuticals', ''], ['Müller GmbH', ''], ['Möller GmbH', '']];
  const os = orders('repeated-total', customers, 18, 4);
  const t = new Rows<CsvCell>();
  t.outside(['Order No', 'Customer', 'Order Date', 'Item', 'Qty', 'Order Total']);
  for (const o of os) for (const it of o.items) t.data([`SO-${o.id}`, o.customer, day(o.date, 'iso'), it.name, it.qty, money(orderCents(o), US)]);
  const expect = t.report(netOf(orderLedger(os)));
  rowsUnchecked(expect, 'the order total may be kept on one line of the order and the others skipped or read as 0');
  return {
    name: 'order-lines-repeated-total-csv', file: 'order-lines-repeated-total.csv', system: 'order management system (order lines report)',
    variant: 'one row per order line, the only money column is the order total, repeated on every line of the order',
    features: ['repeated-order-totals'], expect, also: [{ kind: 'error', message: 'Order Total' }],
    bytes: csvFile(delimited(t.rows, { sep: ',' }), 'utf8'),
  };
}

function sageContinuation(): Entry {
  const customers: [string, string][] = [['Acme Corp', ''], ['Brightline Ltd', ''], ['Fabrikam, Inc.', ''], ['Müller GmbH', ''], ['Möller GmbH', '']];
  const os = orders('sage', customers, 16, 3);
  const t = new Rows<XCell>();
  t.outside(['Trans No', 'Type', 'Customer', 'Date', 'Ref', 'Details', 'Net Amount', 'VAT', 'Gross']);
  let n = 1500;
  for (const o of os) {
    o.items.forEach((it, k) => {
      const net = it.qty * it.price;
      const vat = Math.round(net * 0.2);
      t.data([n, 'SI', k === 0 ? o.customer : null, k === 0 ? d(o.date, 'dd/mm/yyyy') : null, k === 0 ? `INV${o.id}` : null, `${it.qty} x ${it.name}`, num(net), num(vat), num(net + vat)]);
    });
    n++;
  }
  const expect = t.report(netOf(orderLedger(os)));
  rowsUnchecked(expect, "continuation lines may be filled in from the invoice's first line or merged into it");
  return xlsxEntry({
    name: 'sage-invoices-continuation-xlsx', file: 'sage-invoices-continuation.xlsx', system: 'Sage 50/200 (customer invoices day book → Excel)',
    variant: 'the first line of each invoice carries customer, date and reference; the further lines of the invoice leave them blank',
    features: ['continuation-lines'], expect,
    workbook: { sheets: [{ name: 'Day Book', rows: t.rows }] },
  });
}

function germanDocumentTypes(): Entry {
  const sold = sales('belegart', DE_NAMES, { refund: null });
  const t = new Rows<CsvCell>();
  t.outside(['Belegart', 'Belegnummer', 'Belegdatum', 'Kunde', 'Betrag netto', 'Währung']);
  const truth: Line[] = [];
  const r = rng('belegart-kinds');
  let n = 1;
  for (const l of sold) {
    t.data(['Rechnung', `RE-${1000 + n++}`, day(l.date, 'dd.mm.yyyy'), l.customer, money(l.cents, DE), 'EUR']); truth.push(l);
    if (r() < 0.25) {
      const back = Math.round(l.cents * 0.2);
      t.data(['Gutschrift', `GS-${1000 + n++}`, day(l.date, 'dd.mm.yyyy'), l.customer, money(back, DE), 'EUR']); truth.push({ ...l, cents: -back, kind: 'credit' });
    }
    if (r() < 0.6) {
      t.data(['Zahlung', `ZA-${1000 + n++}`, day(l.date, 'dd.mm.yyyy'), l.customer, money(l.cents, DE), 'EUR']); truth.push({ ...l, kind: 'payment' });
    }
  }
  const expect = t.report(netOf(truth));
  rowsUnchecked(expect, 'payments may be skipped with a reason or read and left out of revenue');
  return {
    name: 'lexware-belegart-csv', file: 'lexware-belegart.csv', system: 'German invoicing software (Lexware/sevDesk style "Belege" export)',
    variant: '"Belegart" Rechnung / Gutschrift / Zahlung, all amounts positive in "Betrag netto": a credit note subtracts, a payment is no revenue',
    features: ['document-types'], expect,
    bytes: csvFile(delimited(t.rows, { sep: ';' }), 'utf8-bom'),
  };
}

function greekDocumentTypes(): Entry {
  const sold = sales('softone', EL_NAMES, { refund: null });
  const t = new Rows<XCell>();
  t.outside(['Τύπος παραστατικού', 'Αριθμός', 'Ημερομηνία', 'Πελάτης', 'Καθαρή αξία']);
  const truth: Line[] = [];
  const r = rng('softone-kinds');
  let n = 1;
  for (const l of sold) {
    t.data(['Τιμολόγιο Πώλησης', `ΤΠ-${n++}`, d(l.date, 'dd/mm/yyyy'), l.customer, num(l.cents)]); truth.push(l);
    if (r() < 0.25) {
      const back = Math.round(l.cents * 0.15);
      t.data(['Πιστωτικό Τιμολόγιο', `ΠΤ-${n++}`, d(l.date, 'dd/mm/yyyy'), l.customer, num(back)]); truth.push({ ...l, cents: -back, kind: 'credit' });
    }
    if (r() < 0.5) { t.data(['Είσπραξη', `ΑΕ-${n++}`, d(l.date, 'dd/mm/yyyy'), l.customer, num(l.cents)]); truth.push({ ...l, kind: 'payment' }); }
  }
  const expect = t.report(netOf(truth));
  rowsUnchecked(expect, 'payments may be skipped with a reason or read and left out of revenue');
  return xlsxEntry({
    name: 'softone-customer-documents-xlsx', file: 'softone-customer-documents.xlsx', system: 'SoftOne ERP (Greece), customer documents → Excel',
    variant: 'Τιμολόγιο Πώλησης / Πιστωτικό Τιμολόγιο / Είσπραξη with positive amounts in one "Καθαρή αξία" column',
    features: ['document-types'], expect,
    workbook: { sheets: [{ name: 'Παραστατικά', rows: t.rows }] },
  });
}

// ---------------------------------------------------------------------------------------------
// plausibility: split dates, discounts, currencies, hidden rows, Unicode

function yearMonthSplit(): Entry {
  const names = ['Acme Corp', 'Brightline Ltd', 'Contoso Pharmaceuticals', 'Müller GmbH', 'Möller GmbH'];
  const lines = sales('year-month', names, { from: '2023-09', months: 10, counts: [12, 10, 9, 7, 5], refund: null });
  const t = new Rows<XCell>();
  t.outside(['Customer', 'Year', 'Month', 'Revenue']);
  const keys = new Map<string, number>();
  for (const l of lines) { const k = `${l.customer}\u0000${l.date.slice(0, 7)}`; keys.set(k, (keys.get(k) ?? 0) + l.cents); }
  for (const [k, cents] of [...keys].sort()) { const [c, ym] = k.split('\u0000'); t.data([c, Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), num(cents)]); }
  return xlsxEntry({
    name: 'powerbi-year-month-xlsx', file: 'powerbi-year-month.xlsx', system: 'Power BI (table visual → Export data → .xlsx)',
    variant: 'Customer, Year, Month (1–12), Revenue: no date column; the Year must not be summed as revenue',
    features: ['split-dates'], expect: t.report(netOf(lines)),
    workbook: { sheets: [{ name: 'Export', rows: t.rows }] },
  });
}

function odooDiscount(): Entry {
  const names = ['Azure Interior', 'Deco Addict', 'Gemini Furniture', 'Lumber Inc', 'Ready Mat'];
  const r = rng('odoo');
  const products = [['[FURN_7800] Desk Combination', 45000], ['[FURN_8888] Office Lamp', 4000], ['[E-COM11] Cabinet with Doors', 14000], ['[FURN_6666] Acoustic Bloc Screens', 29560]] as const;
  const t = new Rows<CsvCell>();
  t.outside(['Order Reference', 'Customer', 'Order Date', 'Product', 'Quantity', 'Unit Price', 'Discount (%)']);
  const truth: Line[] = [];
  for (let k = 0; k < 30; k++) {
    const customer = names[Math.floor(r() * names.length)];
    const iso = `2024-${String(1 + Math.floor(k / 5)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const [product, price] = products[Math.floor(r() * products.length)];
    const qty = 1 + Math.floor(r() * 6);
    const disc = [0, 0, 5, 10, 15, 20][Math.floor(r() * 6)];
    const cents = (price * qty * (100 - disc)) / 100;
    t.data([`S${String(10 + k).padStart(5, '0')}`, customer, `${iso} ${String(9 + (k % 8)).padStart(2, '0')}:${String((k * 7) % 60).padStart(2, '0')}:00`, product, `${qty}.00`, money(price, PLAIN), `${disc}.00`]);
    truth.push({ customer, date: iso, cents });
  }
  for (const n of names) if (!truth.some((l) => l.customer === n)) throw new Error(`odoo ledger lacks ${n}`);
  return {
    name: 'odoo-order-lines-discount-csv', file: 'odoo-order-lines-discount.csv', system: 'Odoo (Sales → order lines → Export)',
    variant: 'Quantity, Unit Price and "Discount (%)" but no subtotal: the line is quantity × price × (1 − discount)',
    features: ['discount'], expect: t.report(netOf(truth)), also: [{ kind: 'warned', warning: 'Discount' }],
    bytes: csvFile(delimited(t.rows, { sep: ',', quote: 'text', eol: '\n' }), 'utf8'),
  };
}

function hiddenRows(): Entry {
  const names = ['Acme Corp', 'Brightline Ltd', 'Contoso Pharmaceuticals', 'Müller GmbH', 'Möller GmbH'];
  const lines = sales('hidden-rows', names, { refund: null });
  const rows: XCell[][] = [['Customer', 'Region', 'Date', 'Amount']];
  const hidden: number[] = [];
  const visible: Line[] = [];
  const regionOf = (c: string) => (['Acme Corp', 'Müller GmbH', 'Möller GmbH'].includes(c) ? 'North' : 'South');
  lines.forEach((l, i) => {
    const region = i % 4 === 3 ? 'South' : regionOf(l.customer);
    rows.push([l.customer, region, d(l.date, 'dd.mm.yyyy'), num(l.cents)]);
    if (region !== 'North') hidden.push(rows.length); else visible.push(l);
  });
  const readVisible: ReportOutcome = { kind: 'report', customers: netOf(visible), used: visible.length, skipped: hidden.map((r) => [r, 'hidden'] as [number, 'hidden']) };
  const readAll: ReportOutcome = { kind: 'report', customers: netOf(lines), used: lines.length, skipped: [], warnings: ['hidden|filter'] };
  return xlsxEntry({
    name: 'excel-filtered-hidden-rows-xlsx', file: 'excel-filtered-hidden-rows.xlsx', system: 'Microsoft Excel (AutoFilter on Region = North, saved)',
    variant: 'rows of the other regions hidden by the filter: skipped with a reason, or all read with a warning',
    features: ['hidden-rows'], expect: readVisible, also: [readAll],
    workbook: { sheets: [{ name: 'Sales', rows, hiddenRows: hidden, autoFilter: `A1:D${rows.length}` }] },
    cliOnly: 'the fake Excel and Sheets do not model hidden rows yet',
  });
}

function unicodeMinus(): Entry {
  const names = ['Acme Corp', 'Brightline Ltd', 'Contoso Pharmaceuticals', 'Northwind Traders'];
  const lines = sales('u-minus', names, { refund: 1 });
  // two more refunds, one written with an en dash as some report generators do
  lines.push({ customer: 'Acme Corp', date: '2024-05-17', cents: -31250 }, { customer: 'Northwind Traders', date: '2024-06-03', cents: -4999 });
  return simpleCsv({
    name: 'bi-dashboard-unicode-minus-csv', system: 'web BI dashboard export (typographic number formatting)', variant: 'refunds written with U+2212 (−1,234.56) and one with an en dash (–49.99)',
    features: ['unicode-minus'], lines, encoding: 'utf8', style: { sep: ',', eol: '\n' },
    header: ['Customer', 'Date', 'Amount'],
    row: (l) => [l.customer, day(l.date, 'iso'), l.cents === -4999 ? `\u2013${money(-l.cents, US)}` : money(l.cents, { ...US, negative: 'unicode-minus' })],
  });
}

function nfdNames(): Entry {
  const canonical = ['Müller GmbH', 'Möller GmbH', 'Unified Logistics', 'Zoë Café'];
  const lines = sales('nfd', canonical);
  // the CRM writes NFC, the macOS tool that exported part of the lines NFD; a PDF copy left a
  // ligature. Each customer's first line is in NFC: that is the spelling the report shows.
  const seen = new Set<string>();
  const spelled = (l: Line, i: number) => {
    const first = !seen.has(l.customer);
    seen.add(l.customer);
    if (first) return l.customer;
    if (l.customer === 'Unified Logistics') return i % 2 === 1 ? 'Uniﬁed Logistics' : l.customer;
    return i % 2 === 1 ? l.customer.normalize('NFD') : l.customer;
  };
  return simpleCsv({
    name: 'mixed-nfc-nfd-names-csv', system: 'CRM export merged with a macOS export', variant: '"Müller GmbH" in NFC and NFD (one customer), "Möller GmbH" apart, "Uniﬁed Logistics" with the ﬁ ligature (NFKC)',
    features: ['nfc-names'], lines, encoding: 'utf8', style: { sep: ',' },
    header: ['Customer', 'Date', 'Amount'],
    row: (l, i) => [spelled(l, i), day(l.date, 'iso'), money(l.cents, PLAIN)],
  });
}

// ---------------------------------------------------------------------------------------------
// workbooks and refusals

function hiddenFirstSheet(): Entry {
  const lastYear = sales('hidden-sheet-2023', ['Alt Kunde 1', 'Alt Kunde 2', 'Alt Kunde 3'], { from: '2023-01', refund: null });
  const lines = sales('hidden-sheet-2024', DE_NAMES.slice(0, 5));
  const old: XCell[][] = [['Kunde', 'Datum', 'Umsatz'], ...lastYear.map((l) => [l.customer, d(l.date), num(l.cents)])];
  const t = new Rows<XCell>();
  t.outside(['Kunde', 'Datum', 'Umsatz']);
  for (const l of lines) t.data([l.customer, d(l.date), num(l.cents)]);
  return xlsxEntry({
    name: 'workbook-hidden-first-sheet-xlsx', file: 'workbook-hidden-first-sheet.xlsx', system: 'Microsoft Excel workbook kept by a sales office',
    variant: 'first sheet "Vorjahr" (last year\'s ledger) hidden; the visible, active sheet "Umsatz 2024" is the one to read',
    features: ['sheet-choice'], expect: t.report(netOf(lines)),
    workbook: { sheets: [{ name: 'Vorjahr', rows: old, state: 'hidden' }, { name: 'Umsatz 2024', rows: t.rows }], active: 1 },
    dataSheet: 1, cliOnly: 'in Excel and Sheets the analyst selects the visible sheet',
  });
}

function activeSecondSheet(): Entry {
  const lines = sales('active-sheet', EN_NAMES);
  const t = new Rows<XCell>();
  t.outside(['Customer', 'Date', 'Amount']);
  for (const l of lines) t.data([l.customer, d(l.date, 'm/d/yyyy'), num(l.cents)]);
  return xlsxEntry({
    name: 'workbook-notes-then-sales-xlsx', file: 'workbook-notes-then-sales.xlsx', system: 'Microsoft Excel workbook',
    variant: 'a visible "Read me" sheet of notes first, the ledger on the active second sheet "Sales"',
    features: ['sheet-choice'], expect: t.report(netOf(lines)),
    workbook: { sheets: [{ name: 'Read me', rows: [['Sales ledger H1 2024'], ['Source: ERP export of 1 July 2024'], ['Amounts in USD, net of tax']] }, { name: 'Sales', rows: t.rows }], active: 1 },
    dataSheet: 1, cliOnly: 'in Excel and Sheets the analyst selects the sheet',
  });
}

function japaneseDates(): Entry {
  const lines = sales('ja', ['株式会社山田商事', '有限会社佐藤製作所', '田中工業株式会社']);
  const jp = (iso: string) => { const [y, m, dd] = iso.split('-').map(Number); return `${y}年${m}月${dd}日`; };
  const t = new Rows<CsvCell>();
  t.outside(['Customer', 'Date', 'Amount']);
  for (const l of lines) t.skip([l.customer, jp(l.date), money(l.cents, PLAIN)], 'no-date');
  return {
    name: 'japanese-dates-no-row-usable-csv', file: 'japanese-dates-no-row-usable.csv', system: 'Japanese accounting export (dates 2024年3月5日)',
    variant: 'no date can be read: the run must stop with exit 1 and name the date column, not write an empty report',
    features: ['zero-rows-error'], expect: { kind: 'error', message: 'date' },
    bytes: csvFile(delimited(t.rows, { sep: ',' }), 'utf8-bom'),
  };
}

/** Every export of the catalogue, in a stable order (names are unique). */
export function catalogue(): Entry[] {
  const entries = [
    ...excelNational(), ...totalsAndPivots(), ...monthNames(),
    shopify(false), shopify(true), woocommerceAnalytics(), woocommerceExport(), stripe(false), stripe(true), paypal(),
    sapFbl5n(), sapB1SalesEmployee(), oneCDocuments(), oneCSalesXlsx(), quickbooksOnline(), quickbooksDesktop(), salesforceCsv(), salesforceFormatted(),
    headerPlusDetail(), repeatedOrderTotal(), sageContinuation(), germanDocumentTypes(), greekDocumentTypes(),
    yearMonthSplit(), odooDiscount(), hiddenRows(), unicodeMinus(), nfdNames(),
    hiddenFirstSheet(), activeSecondSheet(), japaneseDates(),
  ];
  const seen = new Set<string>();
  for (const e of entries) { if (seen.has(e.name) || seen.has(e.file)) throw new Error(`duplicate export ${e.name}`); seen.add(e.name); seen.add(e.file); }
  return entries;
}

/** The manifest: what each file is and what a correct reading gives (JSON, for people and other tools). */
export function manifestOf(entries: Entry[]) {
  return entries.map((e) => ({
    name: e.name, file: e.file, system: e.system, variant: e.variant, features: e.features, args: e.args ?? [],
    expect: e.expect, also: e.also ?? [], surfaces: e.workbook && !e.cliOnly ? ['cli', 'excel', 'sheets'] : ['cli'],
  }));
}
