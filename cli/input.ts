// Reading CSV / TSV / XLSX files into rows of raw cells, as a spreadsheet would hand them over,
// one row at a time: the table is never held whole. What the reading decided that the analyst
// should know (an encoding other than UTF-8, the sheet read among several, hidden rows) comes back
// as notes, which the run's warnings show first.

import { extname } from 'node:path';
import { t, type RawCell } from '../core';
import { cutList, formatCount, LIST_ITEMS } from '../core/messages/lists';
import { LineList, QUOTED_MAX_LINES, readRecords, type RecordProblems } from './csv';
import { sepHint, sniffDelimiter } from './delimiter';
import { decodeText, EncodingError } from './encoding';
import { fsProblem, InputError } from './fs-errors';
import { DEFAULT_LIMITS, readInput, type InputLimits } from './input-file';
import { checkMemory, isOutOfMemory, MemoryError } from './memory';
import { Workbook, WorkbookError, type SheetInfo } from './workbook';

export { InputError };

const CHECK_EVERY = 4096;

export interface DelimitedRead {
  /** Records handed to onRow. */
  count: number;
  delimiter: string;
  encoding: string;
  /** What the reading says: the encoding, the quotes it met, by line. */
  notes: string[];
  /** What can be said once the core has chosen the header row (a sheet row: the record's number): rows wider than it. */
  afterHeader(headerRow: number): string[];
}

/** "Line 12" / "Lines 12, 40, 41, 57, 90 and 3 more". */
export function linesWhere(list: LineList): string {
  return list.count === 1 ? t('read.csv.line', { line: list.first[0] }) : t('read.csv.lines', { lines: cutList(list.first.map(String), LIST_ITEMS, list.count) });
}

/** The notes of the quotes a reading met. */
function quoteNotes(p: RecordProblems): string[] {
  const notes: string[] = [];
  if (p.runaway.count) notes.push(t('read.csv.runaway', { where: linesWhere(p.runaway), limit: QUOTED_MAX_LINES }));
  if (p.innerQuote.count) notes.push(t('read.csv.innerQuote', { where: linesWhere(p.innerQuote) }));
  if (p.multiline.count) notes.push(t('read.csv.multiline', { where: linesWhere(p.multiline), count: formatCount(p.joinedLines) }));
  return notes;
}

/** How many values a record has up to its last non-blank one. */
function width(fields: string[]): number {
  let w = fields.length;
  while (w > 0 && fields[w - 1].trim() === '') w--;
  return Math.min(w, 0xffff);
}

/**
 * Rows of a CSV or TSV file, handed to `onRow` one at a time. The text is decoded as
 * encoding.ts decides (or as `encoding` says); Excel's `sep=;` line gives the delimiter and is not
 * a row; otherwise a .tsv is tab-separated and a .csv's delimiter is the one its lines agree on.
 * The records are split as cli/csv.ts says, and whatever it met is said by line.
 */
export function streamDelimited(path: string, onRow: (row: string[]) => void, encoding?: string, limits: InputLimits = DEFAULT_LIMITS): DelimitedRead {
  let bytes: Buffer;
  try {
    bytes = readInput(path, limits);
  } catch (e) {
    if (isOutOfMemory(e)) throw new MemoryError(t('read.tooLarge', { path, problem: (e as Error).message }));
    throw e;
  }
  let decoded;
  try {
    decoded = decodeText(bytes, path, encoding);
  } catch (e) {
    if (e instanceof EncodingError) throw new InputError(e.message);
    if (isOutOfMemory(e)) throw new MemoryError(t('read.tooLarge', { path, problem: (e as Error).message }));
    throw e;
  }
  let text = decoded.text;
  bytes = Buffer.alloc(0);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hint = sepHint(text);
  if (hint) text = text.slice(hint.start);
  const delimiter = hint ? hint.delimiter : extname(path).toLowerCase() === '.tsv' ? '\t' : sniffDelimiter(text);
  let count = 0;
  // each record's width (values up to its last non-blank one), and the records where the line is
  // not the one after the last record's (after a value spanning lines): to name the wide rows later
  let widths = new Uint16Array(1 << 12);
  const jumps: number[] = [];
  let expected = hint ? 2 : 1;
  const problems = readRecords(text, delimiter, (fields, line) => {
    if (count === widths.length) { const more = new Uint16Array(widths.length * 2); more.set(widths); widths = more; }
    widths[count] = width(fields);
    if (line !== expected) jumps.push(count, line);
    expected = line + 1;
    onRow(fields);
    if (++count % CHECK_EVERY === 0) checkMemory(path, count);
  }, hint ? 2 : 1);
  const afterHeader = (headerRow: number): string[] => {
    if (!(headerRow >= 1 && headerRow <= count)) return [];
    const columns = widths[headerRow - 1];
    const wide = new LineList();
    let j = 0;
    let offset = hint ? 2 : 1;
    for (let r = 0; r < count; r++) {
      while (j < jumps.length && jumps[j] <= r) { offset = jumps[j + 1] - jumps[j]; j += 2; }
      if (r >= headerRow && widths[r] > columns) wide.add(r + offset);
    }
    return wide.count && columns > 0 ? [t('read.csv.wide', { where: linesWhere(wide), columns, header: headerRow })] : [];
  };
  return { count, delimiter, encoding: decoded.encoding, notes: [...(decoded.note ? [decoded.note] : []), ...quoteNotes(problems)], afterHeader };
}

/** Sheets a message names before "and N more". */
const SHEETS_LISTED = 10;

/** The sheet a run reads: the one named, else the active one, else the first visible one. */
export function chooseSheet(sheets: readonly SheetInfo[], activeTab: number, requested: string | undefined, path: string): { sheet: SheetInfo; note: string | null } {
  const listed = (list: readonly SheetInfo[]) => cutList(list.slice(0, SHEETS_LISTED).map((s) => (s.state === 'visible' ? s.name : t('read.sheet.hidden', { sheet: s.name }))), SHEETS_LISTED, list.length);
  if (requested !== undefined) {
    const fold = (s: string) => s.trim().toLowerCase();
    const sheet = sheets.find((s) => s.name === requested) ?? sheets.find((s) => fold(s.name) === fold(requested));
    if (!sheet) throw new InputError(t('cli.noSheet', { sheet: requested, path, sheets: listed(sheets) || t('list.none') }));
    return { sheet, note: null };
  }
  const active = sheets[activeTab];
  const visible = sheets.filter((s) => s.state === 'visible');
  const sheet = active && active.state === 'visible' ? active : visible[0] ?? sheets[0];
  if (!sheet) throw new InputError(t('cli.notXlsx', { path, problem: t('xlsx.noSheet') }));
  const others = sheets.filter((s) => s !== sheet);
  const why = sheet === active ? 'read.sheet.active' : 'read.sheet.firstVisible';
  return { sheet, note: others.length ? t(why, { sheet: sheet.name, others: listed(others) }) : null };
}

export interface OpenedWorkbook {
  date1904: boolean;
  sheet: SheetInfo;
  /** Reads the sheet's rows into onRow; resolves to the notes of the reading. */
  read(onRow: (row: RawCell[]) => void): Promise<string[]>;
}

/** Opens an .xlsx workbook and chooses its sheet; its rows are read by `read`, streamed. */
export async function openXlsx(path: string, sheetName?: string, limits: InputLimits = DEFAULT_LIMITS): Promise<OpenedWorkbook> {
  let wb: Workbook;
  try {
    wb = await Workbook.open(path, limits);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(t('cli.noFile', { path }));
    if (e instanceof WorkbookError) throw new InputError(t('cli.notXlsx', { path, problem: e.message }));
    if (isOutOfMemory(e)) throw new MemoryError(t('read.tooLarge', { path, problem: (e as Error).message }));
    if (code) throw new InputError(t('cli.cannotRead', { path, problem: fsProblem(e) }));
    throw e;
  }
  const { sheet, note } = chooseSheet(wb.info.sheets, wb.info.activeTab, sheetName, path);
  return {
    date1904: wb.info.date1904,
    sheet,
    read: async (onRow) => {
      let stats;
      try {
        stats = await wb.readSheet(sheet, onRow, (row) => checkMemory(path, row));
      } catch (e) {
        if (e instanceof WorkbookError) throw new InputError(t('cli.notXlsx', { path, problem: e.message }));
        if (isOutOfMemory(e)) throw new MemoryError(t('read.tooLarge', { path, problem: (e as Error).message }));
        if ((e as NodeJS.ErrnoException)?.code) throw new InputError(t('cli.cannotRead', { path, problem: fsProblem(e) }));
        throw e;
      }
      const notes = note ? [note] : [];
      if (stats.hiddenRows > 0) {
        const rows = cutList(stats.hiddenRowNumbers.map(String), LIST_ITEMS, stats.hiddenRows);
        notes.push(t(stats.filter ? 'read.hiddenRows.filter' : 'read.hiddenRows', { count: stats.hiddenRows, sheet: sheet.name, rows }));
      }
      return notes;
    },
  };
}
