// Reading an .xlsx workbook as a stream of rows, without ever holding the sheet: the zip's central
// directory gives every part; the workbook, its relationships and styles are small and read whole;
// the shared strings are read into one array; the sheet's XML is inflated and scanned chunk by
// chunk, each complete row handed to `onRow` as the raw cells Office.js would give — numbers,
// text, booleans, Dates for date-formatted numbers (as ExcelJS gives them), formulas as their
// cached result, rich text as its text, errors as "#N/A".
//
// Merged cells: a merged range's text, date or boolean is repeated in every cell of the range
// (a customer name merged over its order lines applies to each line); a plain number stays in the
// first cell only (an amount shown once is counted once). Hidden rows are read like the others;
// the caller is told how many and which.

import { StringDecoder } from 'node:string_decoder';
import { t, type RawCell } from '../core';
import { formatCount } from '../core/messages/lists';
import { DEFAULT_LIMITS, megabytes, type InputLimits } from './input-file';
import { MemoryError } from './memory';
import { entryChunks, entryText, zipEntries, ZipError, type ZipEntry } from './zip';

export class WorkbookError extends Error {}

/**
 * XML a row (or a shared string, or the list of merged ranges) may take before the sheet counts as
 * damaged: a real row of 16,384 cells is far less, and the scan joins what it carries from chunk to
 * chunk, so an endless "row" would cost time as the square of its length.
 */
export const MAX_ROW_XML = 16 * 2 ** 20;

/** The rows and columns a sheet has (Excel's limits since 2007): a cell beyond them is no cell of a real sheet. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** A row or column number beyond the sheet: the XML is damaged (and must not make the reader fill billions of cells). */
function beyondSheet(row: number, col: number): WorkbookError {
  return new WorkbookError(t('xlsx.beyondSheet', { cell: col >= 0 ? `${columnLetterOf(col)}${row}` : String(row), rows: formatCount(SHEET_ROWS), columns: formatCount(SHEET_COLUMNS) }));
}

/** 0 → A, 27 → AB (only for the message: the column may be far beyond XFD). */
function columnLetterOf(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0 && s.length < 8; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the sheet's part inside the zip. */
  part: string | null;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Index into sheets of the workbook view's active tab (0 when not stated). */
  activeTab: number;
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

export interface SheetReadStats {
  rows: number;
  hiddenRows: number;
  /** The first few hidden rows' numbers (1-based). */
  hiddenRowNumbers: number[];
  /** The sheet has an autofilter (its hidden rows are, most likely, filtered out). */
  filter: boolean;
}

// ---------------------------------------------------------------------------------------------
// XML helpers: the parts are machine-written, so a few regular scans do.

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, then OOXML's `_xHHHH_` escapes of characters XML cannot hold. */
export function xmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e[0] !== '#') return ENTITY[e] ?? m;
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The attributes of one start tag's text (`r="A1" t="s"`), names without their prefix. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const value = xmlText(m[2] ?? m[3]);
    out[m[1]] = value;
    // r:id is also "id"; an attribute without a prefix wins over a prefixed one of the same name
    const local = m[1].slice(m[1].indexOf(':') + 1);
    if (local !== m[1] && !(local in out)) out[local] = value;
  }
  return out;
}

/** Every start tag `<name …>` (any prefix) in an XML text, as its attributes. */
function tags(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  return Array.from(xml.matchAll(re), (m) => attributes(m[1]));
}

/**
 * A string of its own: a slice of a chunk of XML would keep the whole chunk alive for as long as
 * the string lives (a shared string for the whole run, a customer's name in the core).
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** The text of every `<t>` of a string item (rich text runs joined), phonetic runs left out. */
function itemText(xml: string): string {
  if (xml.indexOf('rPh') >= 0) xml = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) if (m[1]) out += m[1];
  return own(xmlText(out));
}

/**
 * Where an element's start tag begins in XML bytes (`<name` or `<prefix:name`, then a space, `>`
 * or `/`), or -1: the same word in a cell's text is escaped or follows other characters.
 */
function elementAt(buf: Buffer, name: string): number {
  for (let at = buf.indexOf(name); at >= 0; at = buf.indexOf(name, at + 1)) {
    const after = buf[at + name.length];
    if (after !== undefined && after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
    let p = at - 1;
    if (buf[p] === 0x3c) return p;
    if (buf[p] !== 0x3a) continue;
    // a prefix: letters back to the "<"
    while (p > 0 && /[\w.-]/.test(String.fromCharCode(buf[p - 1]))) p--;
    if (buf[p - 1] === 0x3c) return p - 1;
  }
  return -1;
}

/** Joins a part's relative target to its folder: ("xl/", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml". */
function joinPart(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------------------------------------

export class Workbook {
  readonly path: string;
  readonly entries: Map<string, ZipEntry>;
  readonly limits: InputLimits;
  info!: WorkbookInfo;

  private constructor(path: string, entries: Map<string, ZipEntry>, limits: InputLimits) {
    this.path = path;
    this.entries = entries;
    this.limits = limits;
  }

  static async open(path: string, limits: InputLimits = DEFAULT_LIMITS): Promise<Workbook> {
    let entries: Map<string, ZipEntry>;
    try {
      entries = zipEntries(path);
    } catch (e) {
      if (e instanceof ZipError) throw new WorkbookError(e.message);
      throw e;
    }
    const wb = new Workbook(path, entries, limits);
    wb.info = await wb.readInfo();
    return wb;
  }

  /** Refuses parts that would unzip to more than the input limit, before a byte is inflated. */
  private checkSize(parts: (string | null)[], sheet: string): void {
    const sized = parts.filter((p): p is string => !!p && this.entries.has(p)).map((p) => this.entries.get(p)!);
    const total = sized.reduce((n, e) => n + e.size, 0);
    if (total <= this.limits.maxInputBytes) return;
    throw new WorkbookError(t('read.zip.tooLarge', {
      sheet, size: megabytes(total), limit: formatCount(this.limits.maxInputMb), suggest: megabytes(total * 1.1),
      parts: sized.map((e) => t('read.zip.partSize', { part: e.name, size: megabytes(e.size) })).join(', '),
    }));
  }

  private async text(part: string): Promise<string | null> {
    const entry = this.entries.get(part);
    if (!entry) return null;
    this.checkSize([part], part);
    try {
      return await entryText(this.path, entry);
    } catch (e) {
      throw new WorkbookError((e as Error).message);
    }
  }

  private async relationships(part: string): Promise<Record<string, string>[]> {
    const xml = await this.text(relsPath(part));
    return xml ? tags(xml, 'Relationship') : [];
  }

  private async readInfo(): Promise<WorkbookInfo> {
    const root = await this.relationships('');
    const doc = root.find((r) => /\/officeDocument$/.test(r.Type ?? ''));
    const bookPart = doc ? joinPart('', doc.Target) : 'xl/workbook.xml';
    const xml = await this.text(bookPart);
    if (xml === null) throw new WorkbookError(t('xlsx.noWorkbookPart'));
    const dir = bookPart.slice(0, bookPart.lastIndexOf('/') + 1);
    const rels = await this.relationships(bookPart);
    const target = (id: string | undefined) => {
      const r = rels.find((x) => x.Id === id);
      return r ? joinPart(dir, r.Target) : null;
    };
    const byType = (suffix: string, fallback: string) => {
      const r = rels.find((x) => (x.Type ?? '').endsWith(suffix));
      const p = r ? joinPart(dir, r.Target) : dir + fallback;
      return this.entries.has(p) ? p : null;
    };
    const sheets: SheetInfo[] = tags(xml, 'sheet').map((a, i) => ({
      // a sheet without a name (no workbook writes one) is named by its place
      name: a.name || t('xlsx.unnamedSheet', { n: i + 1 }),
      state: a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible',
      part: target(a.id),
    }));
    const view = tags(xml, 'workbookView')[0];
    const pr = tags(xml, 'workbookPr')[0];
    const date1904 = !!pr && (pr.date1904 === '1' || pr.date1904 === 'true');
    return {
      sheets,
      activeTab: view?.activeTab ? Number(view.activeTab) || 0 : 0,
      date1904,
      sharedStrings: byType('/sharedStrings', 'sharedStrings.xml'),
      styles: byType('/styles', 'styles.xml'),
    };
  }

  /** Which style indexes (cellXfs) format numbers as dates. */
  async dateStyles(): Promise<boolean[]> {
    const xml = this.info.styles ? await this.text(this.info.styles) : null;
    if (!xml) return [];
    const formats = new Map<number, string>();
    for (const f of tags(xml, 'numFmt')) formats.set(Number(f.numFmtId), f.formatCode ?? '');
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
    if (!xfs) return [];
    return tags(xfs[1], 'xf').map((x) => {
      const id = Number(x.numFmtId ?? 0);
      return formats.has(id) ? isDateFormat(formats.get(id)!) : BUILTIN_DATE_IDS.has(id);
    });
  }

  /** The shared-string table, streamed (it can be large). */
  async sharedStrings(onProgress: () => void): Promise<string[]> {
    const part = this.info.sharedStrings;
    const entry = part ? this.entries.get(part) : undefined;
    if (!entry) return [];
    const out: string[] = [];
    const decoder = new StringDecoder('utf8');
    let carry = '';
    const endTag = /<\/(?:\w+:)?si>/g;
    const item = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
    try {
      for await (const chunk of entryChunks(this.path, entry)) {
        carry += decoder.write(chunk);
        if (carry.length > MAX_ROW_XML) throw new WorkbookError(t('xlsx.stringTooLarge', { index: formatCount(out.length + 1), mb: megabytes(MAX_ROW_XML) }));
        let last = -1;
        endTag.lastIndex = 0;
        for (let m = endTag.exec(carry); m; m = endTag.exec(carry)) last = m.index + m[0].length;
        if (last < 0) continue;
        const done = carry.slice(0, last);
        carry = carry.slice(last);
        item.lastIndex = 0;
        for (let m = item.exec(done); m; m = item.exec(done)) out.push(m[1] ? itemText(m[1]) : '');
        onProgress();
      }
    } catch (e) {
      if (e instanceof ZipError) throw new WorkbookError(e.message);
      throw e;
    }
    // a last empty item written as <si/>
    item.lastIndex = 0;
    for (let m = item.exec(carry); m; m = item.exec(carry)) out.push(m[1] ? itemText(m[1]) : '');
    return out;
  }

  /** Merged ranges and whether the sheet has an autofilter: both are written after the rows. */
  async sheetTail(part: string): Promise<{ merges: Merge[]; filter: boolean }> {
    const entry = this.entries.get(part)!;
    const merges: Merge[] = [];
    let filter = false;
    let prev: Buffer = Buffer.alloc(0);
    let tail: string | null = null;
    const decoder = new StringDecoder('utf8');
    for await (const chunk of entryChunks(this.path, entry)) {
      if (tail !== null) {
        tail += decoder.write(chunk);
        if (tail.length > 4 * MAX_ROW_XML) throw new WorkbookError(t('xlsx.damagedSheet', { sheet: part }));
        continue;
      }
      // the names may straddle two chunks: look at the end of the last one too
      const joined = prev.length ? Buffer.concat([prev, chunk]) : chunk;
      if (!filter && elementAt(joined, 'autoFilter') >= 0) filter = true;
      const at = elementAt(joined, 'mergeCells');
      if (at >= 0) tail = decoder.write(joined.subarray(at));
      prev = chunk.subarray(Math.max(0, chunk.length - 24));
    }
    if (tail !== null) {
      if (tail.indexOf('autoFilter') >= 0) filter = true;
      for (const a of tags(tail, 'mergeCell')) {
        const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(a.ref ?? '');
        if (m) merges.push({ r1: +m[2], c1: columnIndex(m[1]), r2: +m[4], c2: columnIndex(m[3]) });
      }
    }
    return { merges, filter };
  }

  /**
   * Every row of a sheet from row 1 on, in order (a row missing from the file is handed over empty,
   * so the core's row numbers are the sheet's). `check` is called every few thousand rows.
   */
  async readSheet(sheet: SheetInfo, onRow: (row: RawCell[]) => void, check: (row: number) => void): Promise<SheetReadStats> {
    const part = sheet.part;
    if (!part || !this.entries.has(part)) throw new WorkbookError(t('xlsx.sheetPartMissing', { sheet: sheet.name }));
    this.checkSize([part, this.info.sharedStrings, this.info.styles], sheet.name);
    // what the row handler throws is the core's (or the memory check's) and passes as it is; a
    // TypeError or RangeError of the scan itself means XML it cannot follow: a damaged sheet
    let fromRow: unknown = null;
    const handOver = (row: RawCell[]) => {
      try { onRow(row); } catch (e) { fromRow = e; throw e; }
    };
    const checked = (row: number) => {
      try { check(row); } catch (e) { fromRow = e; throw e; }
    };
    try {
      return await this.scanSheet(sheet, part, handOver, checked);
    } catch (e) {
      if (e === fromRow || e instanceof WorkbookError || e instanceof MemoryError) throw e;
      if (e instanceof ZipError) throw new WorkbookError(e.message);
      if (e instanceof TypeError || (e instanceof RangeError && !/allocation failed|Invalid string length|Invalid array length|Invalid typed array length/i.test(e.message))) {
        throw new WorkbookError(t('xlsx.damagedSheet', { sheet: sheet.name }));
      }
      throw e;
    }
  }

  private async scanSheet(sheet: SheetInfo, part: string, onRow: (row: RawCell[]) => void, check: (row: number) => void): Promise<SheetReadStats> {
    try {
      // the look for merges inflates the sheet once on zlib's threads while the strings are parsed here
      const tail = this.sheetTail(part);
      tail.catch(() => undefined);
      const dateStyle = await this.dateStyles();
      const strings = await this.sharedStrings(() => check(0));
      const { merges, filter } = await tail;
      const scanner = new SheetScanner(strings, dateStyle, this.info.date1904, merges, onRow, check);
      const decoder = new StringDecoder('utf8');
      for await (const chunk of entryChunks(this.path, this.entries.get(part)!)) scanner.write(decoder.write(chunk));
      scanner.end(decoder.end());
      return { rows: scanner.rowNumber, hiddenRows: scanner.hidden, hiddenRowNumbers: scanner.hiddenNumbers, filter };
    } catch (e) {
      if (e instanceof ZipError) throw new WorkbookError(e.message);
      throw e;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Number formats

/** Built-in number formats that show dates or times (ECMA-376 18.8.30 and the East Asian ones). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const first = code.split(';')[0];
  const bare = first.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

// ---------------------------------------------------------------------------------------------
// The sheet's rows

export interface Merge { r1: number; c1: number; r2: number; c2: number }

/** "AB" → 27 (0-based); from a cell reference, its letters only. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper case
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const isTagEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** The column (0-based) of a cell reference's letters in s[from, to): "AB12" → 27. */
function letters(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A whole number written in s[from, to); -1 when it is not one. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return to > from ? n : -1;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal number in s[from, to) ("-12.5"), NaN for anything else. With at most 15 digits
 * the digits make an exact integer and the power of ten is exact, so one division gives the
 * correctly rounded double: exactly what Number() gives.
 */
export function decimal(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let count = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && scale < 0) { scale = 0; continue; }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
    count++;
    if (scale >= 0) scale++;
  }
  if (count === 0 || count > 15) return NaN;
  const v = scale > 0 ? n / POW10[scale] : n;
  return negative ? -v : v;
}

/** A serial day number as ExcelJS gives a date cell: the instant at UTC. */
function serialDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** Value of one attribute in a start tag's text; "" when absent. */
function attr(tag: string, name: string): string {
  let at = tag.indexOf(` ${name}="`);
  if (at < 0) {
    if (tag.indexOf("'") >= 0 || /[\t\n\r]/.test(tag)) return attributes(tag)[name] ?? '';
    return '';
  }
  at += name.length + 3;
  return tag.slice(at, tag.indexOf('"', at));
}

const CHECK_EVERY = 4096;
const HIDDEN_SHOWN = 5;

/**
 * Scans a worksheet's XML as it arrives, handing over each complete row. One regular expression
 * finds the next cell, row start or row end; cells written as Excel, LibreOffice and ExcelJS write
 * them (`<c r="B2" s="1" t="s">`) are read from its groups, any other attribute order from the tag.
 */
export class SheetScanner {
  private carry = '';
  private prefix: string | null = null;
  private token!: RegExp;
  private rowOpen = '<row';
  private cellClose = '</c>';
  private vOpen = '<v>';
  private vClose = '</v>';
  private isOpen = '<is>';
  private isClose = '</is>';
  private vAny!: RegExp;
  rowNumber = 0;
  private sinceCheck = 0;
  hidden = 0;
  hiddenNumbers: number[] = [];
  private readonly row: RawCell[] = [];
  private inRow = false;
  private col = -1;
  /** Merges not yet started, last first; those under way with their first cell's value. */
  private readonly pending: Merge[];
  private active: { m: Merge; value: RawCell }[] = [];

  constructor(
    private readonly strings: string[],
    private readonly dateStyle: boolean[],
    private readonly date1904: boolean,
    merges: Merge[],
    private readonly onRow: (row: RawCell[]) => void,
    private readonly check: (row: number) => void,
  ) {
    // a merged range reaching past the sheet ends at its edge
    this.pending = merges.filter((m) => m.r2 >= m.r1 && m.c2 >= m.c1 && m.c1 >= 0 && m.c1 < SHEET_COLUMNS && m.r1 <= SHEET_ROWS)
      .map((m) => ({ ...m, r2: Math.min(m.r2, SHEET_ROWS), c2: Math.min(m.c2, SHEET_COLUMNS - 1) }))
      .sort((a, b) => b.r1 - a.r1);
  }

  write(text: string): void {
    // joined, not concatenated: a flat string is read character by character far faster than a cons
    this.carry = this.carry === "" ? text : [this.carry, text].join("");
    if (this.carry.length > MAX_ROW_XML) throw new WorkbookError(t('xlsx.rowTooLarge', { row: formatCount(this.rowNumber + 1), mb: megabytes(MAX_ROW_XML) }));
    if (this.prefix === null) {
      const m = /<(\w+:)?worksheet[\s>]/.exec(this.carry);
      if (!m) return;
      this.setPrefix(m[1] ?? '');
    }
    // everything before the start of the last row is complete rows
    const cut = this.carry.lastIndexOf(this.rowOpen);
    if (cut <= 0) return;
    if (this.prefix === '') this.scanPlain(this.carry, cut);
    else this.scan(this.carry, cut);
    this.carry = this.carry.slice(cut);
  }

  end(text: string): void {
    // joined, not concatenated: a flat string is read character by character far faster than a cons
    this.carry = this.carry === "" ? text : [this.carry, text].join("");
    if (this.prefix === null) this.setPrefix('');
    if (this.prefix === '') this.scanPlain(this.carry, this.carry.length);
    else this.scan(this.carry, this.carry.length);
    if (this.inRow) this.closeRow();
    this.carry = '';
  }

  private setPrefix(p: string): void {
    this.prefix = p;
    // 1–4: a whole cell as Excel, LibreOffice and ExcelJS write it (<c r="B2" s="1" t="s"><v>3</v></c>,
    // a formula before the value); 5: an empty one; 6: any other cell start tag; 7: a row start tag
    this.token = new RegExp(
      `<${p}c r="([A-Z]{1,3})\\d+"(?: s="(\\d+)")?(?: t="(\\w+)")?>(?:<${p}f>[^<]*</${p}f>)?<${p}v>([^<]*)</${p}v></${p}c>`
      + `|<${p}c r="([A-Z]{1,3})\\d+"[^>]*/>|<${p}c(?=[\\s>/])([^>]*)>|<${p}row(?=[\\s>/])([^>]*)>|</${p}row>`, 'g');
    this.rowOpen = `<${p}row`;
    this.cellClose = `</${p}c>`;
    this.vOpen = `<${p}v>`;
    this.vClose = `</${p}v>`;
    this.isOpen = `<${p}is>`;
    this.isClose = `</${p}is>`;
    this.vAny = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`);
  }

  /** The tokens of s that start before `end`. */
  private scan(s: string, end: number): void {
    const re = this.token;
    re.lastIndex = 0;
    for (let m = re.exec(s); m !== null && m.index < end; m = re.exec(s)) {
      if (m[4] !== undefined) {
        // the usual cell: a number, a date, a shared string
        if (!this.inRow) continue;
        const col = (this.col = columnIndex(m[1]));
        const type = m[3];
        const text = m[4];
        let value: RawCell;
        if (type === undefined || type === 'n') {
          const v = text === '' ? NaN : +text;
          value = v === v ? (m[2] !== undefined && this.dateStyle[+m[2]] ? serialDate(v, this.date1904) : v) : text === '' ? null : xmlText(text);
        } else if (type === 's') {
          value = this.strings[+text] ?? null;
        } else {
          value = this.typed(type, text);
        }
        if (value === null) continue;
        const row = this.row;
        if (col >= SHEET_COLUMNS) throw beyondSheet(this.rowNumber, col);
        while (row.length < col) row.push(null);
        row[col] = value;
      } else if (m[5] !== undefined) {
        this.col = columnIndex(m[5]);
      } else if (m[6] !== undefined) {
        // any other cell start tag
        const tag = m[6];
        const ref = attr(tag, 'r');
        this.col = ref ? columnIndex(ref) : this.col + 1;
        if (tag.charCodeAt(tag.length - 1) === 47) continue;
        re.lastIndex = this.cell(s, re.lastIndex, attr(tag, 't'), attr(tag, 's'));
      } else if (m[7] !== undefined) {
        if (this.inRow) this.closeRow();
        this.openRow(m[7]);
        if (m[7].charCodeAt(m[7].length - 1) === 47) this.closeRow();
      } else if (this.inRow) {
        this.closeRow();
      }
    }
  }

  private openRow(tag: string): void {
    const number = Number(attr(tag, 'r')) || this.rowNumber + 1;
    if (!(Number.isInteger(number) && number >= 1 && number <= SHEET_ROWS)) throw beyondSheet(number, -1);
    while (this.rowNumber + 1 < number) this.emit(this.rowNumber + 1);
    this.row.length = 0;
    this.rowNumber = number;
    this.inRow = true;
    this.col = -1;
    const hidden = tag.indexOf('hidden') < 0 ? '' : attr(tag, 'hidden');
    if (hidden === '1' || hidden === 'true') {
      this.hidden++;
      if (this.hiddenNumbers.length < HIDDEN_SHOWN) this.hiddenNumbers.push(number);
    }
  }

  private closeRow(): void {
    this.inRow = false;
    this.handOver(this.rowNumber);
  }

  /** A row missing from the file: handed over empty. */
  private emit(number: number): void {
    this.row.length = 0;
    this.rowNumber = number;
    this.handOver(number);
  }

  private handOver(number: number): void {
    const row = this.row;
    if (this.pending.length || this.active.length) this.fillMerges(number, row);
    this.onRow(row);
    if (++this.sinceCheck === CHECK_EVERY) { this.sinceCheck = 0; this.check(number); }
  }

  private fillMerges(number: number, row: RawCell[]): void {
    const pending = this.pending;
    while (pending.length && pending[pending.length - 1].r1 <= number) {
      const m = pending.pop()!;
      if (m.r2 < number) continue;
      this.active.push({ m, value: m.r1 === number ? row[m.c1] ?? null : null });
    }
    if (!this.active.length) return;
    this.active = this.active.filter(({ m }) => m.r2 >= number);
    for (const { m, value } of this.active) {
      // a plain number is shown once and counted once: only text, dates and booleans repeat
      if (value === null || typeof value === 'number') continue;
      for (let c = m.c1; c <= m.c2; c++) {
        if (c === m.c1 && number === m.r1) continue;
        while (row.length < c) row.push(null);
        row[c] = value;
      }
    }
  }

  /** A cell with content: from `from` (after its start tag) to its `</c>`; the index after it. */
  private cell(s: string, from: number, type: string, style: string): number {
    const close = s.indexOf(this.cellClose, from);
    const to = close < 0 ? s.length : close;
    this.put(this.value(type, style, s, from, to));
    return close < 0 ? s.length : close + this.cellClose.length;
  }

  /** A cell's value into the row at the current column. */
  private put(value: RawCell): void {
    if (value === null || !this.inRow || this.col < 0) return;
    if (this.col >= SHEET_COLUMNS) throw beyondSheet(this.rowNumber, this.col);
    const row = this.row;
    while (row.length < this.col) row.push(null);
    row[this.col] = value;
  }

  /** Any cell start tag at i, its attributes read from the tag; the index after the cell. */
  private genericCell(s: string, i: number, tagStart: number): number {
    const gt = s.indexOf('>', i);
    if (gt < 0) return s.length;
    const tag = s.slice(tagStart, gt);
    const ref = attr(tag, 'r');
    this.col = ref ? columnIndex(ref) : this.col + 1;
    if (s.charCodeAt(gt - 1) === 47) return gt + 1;
    return this.cell(s, gt + 1, attr(tag, 't'), attr(tag, 's'));
  }

  /**
   * The rows of s before `end` when the sheet has no namespace prefix (the usual case), read
   * character by character: this is where a large sheet's time goes.
   */
  private scanPlain(s: string, end: number): void {
    let i = s.indexOf('<');
    while (i >= 0 && i < end) {
      const c1 = s.charCodeAt(i + 1);
      const c2 = s.charCodeAt(i + 2);
      if (c1 === 99 && (c2 === 32 || c2 === 62 || c2 === 47 || c2 === 9 || c2 === 10 || c2 === 13)) {
        i = s.indexOf('<', this.plainCell(s, i));
      } else if (c1 === 114 && c2 === 111 && s.charCodeAt(i + 3) === 119 && isTagEnd(s.charCodeAt(i + 4))) {
        const gt = s.indexOf('>', i);
        if (gt < 0) return;
        if (this.inRow) this.closeRow();
        this.openRow(s.slice(i + 4, gt));
        if (s.charCodeAt(gt - 1) === 47) this.closeRow();
        i = s.indexOf('<', gt);
      } else if (c1 === 47 && c2 === 114 && s.charCodeAt(i + 3) === 111 && s.charCodeAt(i + 4) === 119 && s.charCodeAt(i + 5) === 62) {
        if (this.inRow) this.closeRow();
        i = s.indexOf('<', i + 6);
      } else {
        i = s.indexOf('<', i + 1);
      }
    }
  }

  /** One cell at i (`<c …`), its attributes read in place; the index after the cell. */
  private plainCell(s: string, i: number): number {
    let j = i + 2;
    let col = -1;
    let style = -1;
    let typeStart = -1;
    let typeEnd = -1;
    for (;;) {
      let c = s.charCodeAt(j);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++j);
      if (c === 62 || c === 47) break;
      const nameStart = j;
      while (c !== 61 && c !== 62 && c !== 32 && j < s.length) c = s.charCodeAt(++j);
      const q = s.charCodeAt(j + 1);
      if (c !== 61 || (q !== 34 && q !== 39)) return this.genericCell(s, i, i + 2);
      const vStart = j + 2;
      const vEnd = s.indexOf(q === 34 ? '"' : "'", vStart);
      if (vEnd < 0) return s.length;
      if (j - nameStart === 1) {
        const name = s.charCodeAt(nameStart);
        if (name === 114) col = letters(s, vStart, vEnd);
        else if (name === 115) style = digits(s, vStart, vEnd);
        else if (name === 116) { typeStart = vStart; typeEnd = vEnd; }
      }
      j = vEnd + 1;
    }
    this.col = col >= 0 ? col : this.col + 1;
    if (s.charCodeAt(j) === 47) return j + 2; // <c r="B2" s="1"/>: empty
    let k = j + 1;
    // a formula before its cached value
    if (s.charCodeAt(k) === 60 && s.charCodeAt(k + 1) === 102 && isTagEnd(s.charCodeAt(k + 2))) {
      const gt = s.indexOf('>', k);
      k = s.charCodeAt(gt - 1) === 47 ? gt + 1 : s.indexOf('</f>', gt) + 4;
      if (k < 4) return s.length;
    }
    const typeLen = typeEnd - typeStart;
    const t0 = typeLen === 1 ? s.charCodeAt(typeStart) : 0;
    // 0: number, 115 (s): shared string, anything else by its name
    const kind = typeStart < 0 || t0 === 110 ? 0 : t0 === 115 ? 115 : -1;
    if (kind >= 0 && s.charCodeAt(k) === 60 && s.charCodeAt(k + 1) === 118 && s.charCodeAt(k + 2) === 62) {
      const vs = k + 3;
      const ve = s.indexOf('<', vs);
      if (ve < 0) return s.length;
      if (ve > vs) {
        if (kind === 115) {
          const index = digits(s, vs, ve);
          this.put(index >= 0 ? this.strings[index] ?? null : null);
        } else {
          let v = decimal(s, vs, ve);
          if (v !== v) v = +s.slice(vs, ve);
          this.put(v === v ? (style >= 0 && this.dateStyle[style] ? serialDate(v, this.date1904) : v) : xmlText(s.slice(vs, ve)));
        }
      }
      const close = s.indexOf('</c>', ve);
      return close < 0 ? s.length : close + 4;
    }
    const type = typeStart < 0 ? '' : s.slice(typeStart, typeEnd);
    return this.cell(s, k, type, style >= 0 ? String(style) : '');
  }

  /** One cell's value from its type, style and content s[from, to). */
  private value(type: string, style: string, s: string, from: number, to: number): RawCell {
    if (type === 'inlineStr') {
      const a = s.indexOf(this.isOpen, from);
      if (a < 0 || a >= to) return null;
      return itemText(s.slice(a + this.isOpen.length, s.indexOf(this.isClose, a)));
    }
    let text: string;
    const v = this.vOpen;
    // the usual content: <v>…</v> alone, or after a formula
    const a = s.startsWith(v, from) ? from : s.lastIndexOf(v, to);
    if (a >= from && s.startsWith(this.vClose, to - this.vClose.length)) {
      text = s.slice(a + v.length, to - this.vClose.length);
    } else {
      const m = this.vAny.exec(s.slice(from, to));
      if (!m) return null;
      text = m[1];
    }
    if (type === 's') return this.strings[+text] ?? null;
    return this.typed(type, text, style);
  }

  /** A value by its cell type, from the text of its <v>. */
  private typed(type: string, text: string, style = ''): RawCell {
    switch (type) {
      case 'str': return own(xmlText(text));
      case 'b': return text.trim() !== '0' && text.trim() !== 'false';
      case 'e': return xmlText(text);
      case 'd': {
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        return Number.isFinite(d.getTime()) ? d : xmlText(text);
      }
      default: {
        if (text === '') return null;
        const n = +text;
        if (!Number.isFinite(n)) return xmlText(text);
        return style !== '' && this.dateStyle[+style] ? serialDate(n, this.date1904) : n;
      }
    }
  }
}
