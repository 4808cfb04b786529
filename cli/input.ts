// Reading CSV / TSV / XLSX files into rows of raw cells, as a spreadsheet would hand them over,
// one row at a time: the table is never held whole. What the reading decided that the analyst
// should know (an encoding other than UTF-8, the sheet read among several, hidden rows) comes back
// as notes, which the run's warnings show first.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { t, type RawCell } from '../core';
import { sepHint, sniffDelimiter } from './delimiter';
import { decodeText, EncodingError } from './encoding';
import { checkMemory, isOutOfMemory, MemoryError } from './memory';
import { Workbook, WorkbookError, type SheetInfo } from './workbook';

export class InputError extends Error {}

const CHECK_EVERY = 4096;

export interface DelimitedRead {
  /** Records handed to onRow. */
  count: number;
  delimiter: string;
  encoding: string;
  notes: string[];
}

/**
 * Rows of a CSV or TSV file, handed to `onRow` one at a time. The text is decoded as
 * encoding.ts decides (or as `encoding` says); Excel's `sep=;` line gives the delimiter and is not
 * a row; otherwise a .tsv is tab-separated and a .csv's delimiter is the one its lines agree on.
 */
export function streamDelimited(path: string, onRow: (row: string[]) => void, encoding?: string): DelimitedRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    if (isOutOfMemory(e)) throw new MemoryError(t('read.tooLarge', { path, problem: (e as Error).message }));
    throw new InputError((e as NodeJS.ErrnoException).code === 'ENOENT' ? t('cli.noFile', { path }) : t('cli.cannotRead', { path, problem: (e as Error).message }));
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
  // step mode hands each record over as it is parsed: nothing of the table accumulates (chunk mode
  // measured slower and held more memory). A trailing newline yields one empty record: a blank
  // row at the end, which is not part of the table.
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (results) => {
      onRow(results.data);
      if (++count % CHECK_EVERY === 0) checkMemory(path, count);
    },
  });
  return { count, delimiter, encoding: decoded.encoding, notes: decoded.note ? [decoded.note] : [] };
}

/** The sheet a run reads: the one named, else the active one, else the first visible one. */
export function chooseSheet(sheets: readonly SheetInfo[], activeTab: number, requested: string | undefined, path: string): { sheet: SheetInfo; note: string | null } {
  const listed = (list: readonly SheetInfo[]) => list.map((s) => (s.state === 'visible' ? s.name : t('read.sheet.hidden', { sheet: s.name }))).join(', ');
  if (requested !== undefined) {
    const fold = (s: string) => s.trim().toLowerCase();
    const sheet = sheets.find((s) => s.name === requested) ?? sheets.find((s) => fold(s.name) === fold(requested));
    if (!sheet) throw new InputError(t('cli.noSheet', { sheet: requested, path, sheets: listed(sheets) || '(none)' }));
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
export async function openXlsx(path: string, sheetName?: string): Promise<OpenedWorkbook> {
  let wb: Workbook;
  try {
    wb = await Workbook.open(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(t('cli.noFile', { path }));
    if (e instanceof WorkbookError || code) throw new InputError(t('cli.notXlsx', { path, problem: (e as Error).message }));
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
        throw e;
      }
      const notes = note ? [note] : [];
      if (stats.hiddenRows > 0) {
        const rows = stats.hiddenRowNumbers.join(', ') + (stats.hiddenRows > stats.hiddenRowNumbers.length ? ', …' : '');
        notes.push(t(stats.filter ? 'read.hiddenRows.filter' : 'read.hiddenRows', { count: stats.hiddenRows, sheet: sheet.name, rows }));
      }
      return notes;
    },
  };
}
