// How the systems of the export catalogue write text, numbers and dates: byte encodings (legacy
// Windows code pages, UTF-16 LE, UTF-8 with or without BOM), CSV quoting, amounts in national
// styles and dates in the forms the exports use. Nothing here reads anything: it only writes.

export type Encoding = 'utf8' | 'utf8-bom' | 'windows-1252' | 'windows-1253' | 'windows-1251' | 'utf16le-bom';

const reverseTables = new Map<string, Map<number, number>>();

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG index). Written out because Node 20.18.3 and later decode
 * them wrongly (TextDecoder('windows-1252') takes a Latin-1 fast path and drops or keeps them as C1
 * controls: nodejs/node#56542, #60888), so a table built from the decoder would lack € and ’.
 */
const CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

/** Code point → byte of a single-byte Windows code page, built from the platform's own decoder. */
function reverseTable(codePage: string): Map<number, number> {
  let table = reverseTables.get(codePage);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(codePage);
    for (let b = 0; b < 256; b++) {
      const ch = codePage === 'windows-1252' ? String.fromCodePoint(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b) : decoder.decode(Uint8Array.of(b));
      if (ch.length && ch !== '\ufffd') table.set(ch.codePointAt(0)!, b);
    }
    reverseTables.set(codePage, table);
  }
  return table;
}

/**
 * The bytes of a text in an encoding. A character the code page cannot hold is an error of the
 * catalogue (Excel would write "?" and the ground truth would be wrong), so it throws.
 */
export function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  if (encoding === 'utf8-bom') return new TextEncoder().encode('\ufeff' + text);
  if (encoding === 'utf16le-bom') {
    const s = '\ufeff' + text;
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); out[2 * i] = c & 0xff; out[2 * i + 1] = c >> 8; }
    return out;
  }
  const table = reverseTable(encoding);
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const b = table.get(ch.codePointAt(0)!);
    if (b === undefined) throw new Error(`${encoding} cannot hold "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) in ${JSON.stringify(text.slice(0, 60))}…`);
    out[n++] = b;
  }
  return out.subarray(0, n);
}

export type CsvCell = string | number | null | undefined;

export interface CsvStyle {
  sep?: string;
  /** minimal: only where needed (Excel, Shopify); all: every field (QuickBooks, Salesforce); text: every non-number field. */
  quote?: 'minimal' | 'all' | 'text';
  eol?: string;
  /** A line break after the last record (most exporters write one). */
  finalEol?: boolean;
}

/** Records as a delimited text, quoted the way the imitated system quotes. */
export function delimited(rows: CsvCell[][], style: CsvStyle = {}): string {
  const sep = style.sep ?? ',';
  const eol = style.eol ?? '\r\n';
  const quote = style.quote ?? 'minimal';
  const field = (v: CsvCell): string => {
    if (v === null || v === undefined) return quote === 'all' ? '""' : '';
    const s = String(v);
    const needs = s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r');
    const wanted = quote === 'all' || (quote === 'text' && typeof v === 'string' && s !== '');
    return needs || wanted ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(field).join(sep)).join(eol);
  return style.finalEol === false ? text : text + eol;
}

// ---------------------------------------------------------------------------------------------
// amounts

export interface AmountStyle {
  decimal: '.' | ',';
  /** Thousands separator, '' for none. */
  group: string;
  /** How a negative is written. */
  negative?: 'minus' | 'unicode-minus' | 'trailing' | 'parens';
  /** Digits after the decimal separator (2 unless the system drops them). */
  digits?: number;
  prefix?: string;
  suffix?: string;
}

export const US: AmountStyle = { decimal: '.', group: ',' };
export const PLAIN: AmountStyle = { decimal: '.', group: '' };
export const DE: AmountStyle = { decimal: ',', group: '.' };
export const DE_PLAIN: AmountStyle = { decimal: ',', group: '' };
/** French Excel: a no-break space groups the thousands. */
export const FR: AmountStyle = { decimal: ',', group: '\u00a0' };
/** Russian 1C: an ordinary space (1C writes U+00A0 on screen, a space in its text exports). */
export const RU: AmountStyle = { decimal: ',', group: ' ' };
export const EL: AmountStyle = { decimal: ',', group: '.' };
/** SAP GUI with German user settings: 1.234,56- */
export const SAP_DE: AmountStyle = { decimal: ',', group: '.', negative: 'trailing' };

/** An amount in cents written in a style: exact, no floating point in between. */
export function money(cents: number, style: AmountStyle): string {
  const digits = style.digits ?? 2;
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0').slice(0, digits);
  let int = String(whole);
  if (style.group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  const body = `${style.prefix ?? ''}${int}${digits > 0 ? style.decimal + frac : ''}${style.suffix ?? ''}`;
  if (!neg) return body;
  switch (style.negative ?? 'minus') {
    case 'minus': return `-${body}`;
    case 'unicode-minus': return `\u2212${body}`;
    case 'trailing': return `${body}-`;
    case 'parens': return `(${body})`;
  }
}

/** The number a spreadsheet cell holds for an amount in cents. */
export const num = (cents: number) => Math.round(cents) / 100;

// ---------------------------------------------------------------------------------------------
// dates

export const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  enShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  deShort: ['Jan', 'Feb', 'Mrz', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  frShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  /** Greek dates say "5 Μαρτίου": the genitive. */
  elGenitive: ['Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου'],
  elShort: ['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μαΐ', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'],
  /** Russian dates say "5 марта": the genitive. */
  ruGenitive: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ruNominative: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'],
};

export type DateStyle =
  | 'iso' | 'dd.mm.yyyy' | 'dd/mm/yyyy' | 'm/d/yyyy' | 'mm/dd/yyyy' | 'd-mmm-yy' | 'dd mmm yyyy' | 'mmmm d, yyyy'
  | 'el-genitive' | 'ru-genitive' | 'de-long' | 'fr-long' | 'fr-short' | 'es-long';

const p2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day (ISO yyyy-mm-dd) written in a style. */
export function day(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number);
  switch (style) {
    case 'iso': return iso;
    case 'dd.mm.yyyy': return `${p2(d)}.${p2(m)}.${y}`;
    case 'dd/mm/yyyy': return `${p2(d)}/${p2(m)}/${y}`;
    case 'm/d/yyyy': return `${m}/${d}/${y}`;
    case 'mm/dd/yyyy': return `${p2(m)}/${p2(d)}/${y}`;
    case 'd-mmm-yy': return `${d}-${MONTHS.enShort[m - 1]}-${p2(y % 100)}`;
    case 'dd mmm yyyy': return `${p2(d)} ${MONTHS.enShort[m - 1]} ${y}`;
    case 'mmmm d, yyyy': return `${MONTHS.en[m - 1]} ${d}, ${y}`;
    case 'el-genitive': return `${d} ${MONTHS.elGenitive[m - 1]} ${y}`;
    case 'ru-genitive': return `${d} ${MONTHS.ruGenitive[m - 1]} ${y} г.`;
    case 'de-long': return `${d}. ${MONTHS.de[m - 1]} ${y}`;
    case 'fr-long': return `${d === 1 ? '1er' : d} ${MONTHS.fr[m - 1]} ${y}`;
    case 'fr-short': return `${p2(d)} ${MONTHS.frShort[m - 1]} ${y}`;
    case 'es-long': return `${d} de ${MONTHS.es[m - 1]} de ${y}`;
  }
}

/** A timestamp as shop platforms write it: local time and a space before the UTC offset. */
export function shopTimestamp(iso: string, seconds: number, offset = '-0500'): string {
  const h = Math.floor(seconds / 3600) % 24, mi = Math.floor(seconds / 60) % 60, s = seconds % 60;
  return `${iso} ${p2(h)}:${p2(mi)}:${p2(s)} ${offset}`;
}

// ---------------------------------------------------------------------------------------------
// deterministic choices

/** A small seeded generator (mulberry32), seeded from a text, so every file is the same on every run. */
export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) { h = Math.imul(h ^ seed.charCodeAt(i), 3432918353); h = (h << 13) | (h >>> 19); }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
