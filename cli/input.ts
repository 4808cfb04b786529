// Reading CSV / TSV / XLSX files into a grid of raw cells, as a spreadsheet would hand them over.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { t, type RawCell } from '../core';

export class InputError extends Error {}

/**
 * Rows of a CSV or TSV file, handed to `onRow` one at a time so the table is never held whole; the
 * delimiter of a .csv is detected (comma, semicolon, tab). Returns the number of records.
 */
export function streamDelimited(path: string, onRow: (row: string[]) => void): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError((e as NodeJS.ErrnoException).code === 'ENOENT' ? t('cli.noFile', { path }) : t('cli.cannotRead', { path, problem: (e as Error).message }));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = extname(path).toLowerCase() === '.tsv' ? '\t' : detectDelimiter(text);
  let count = 0;
  // step mode hands each record over as it is parsed: nothing of the table accumulates (chunk mode
  // measured slower and held more memory). A trailing newline yields one empty record: a blank
  // row at the end, which is not part of the table.
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (results) => {
      onRow(results.data);
      count++;
    },
  });
  return count;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || 10000);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** Cells of one worksheet of an .xlsx file (the first, or the one named). */
export async function readXlsx(path: string, sheetName?: string): Promise<{ grid: RawCell[][]; date1904: boolean }> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InputError(t('cli.notXlsx', { path, problem: (e as Error).message }));
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    throw new InputError(t('cli.noSheet', { sheet: String(sheetName), path, sheets: wb.worksheets.map((w) => w.name).join(', ') }));
  }
  const grid: RawCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { values[col - 1] = cellValue(cell.value); });
    grid[rowNumber - 1] = values;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return { grid, date1904: !!(wb.properties as { date1904?: boolean }).date1904 };
}

/** ExcelJS cell value → what Office.js would give: formulas as their result, rich text as text, errors as "#N/A". */
function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return cellValue(o.result);
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text);
  if ('error' in o) return String(o.error);
  return String(v);
}
