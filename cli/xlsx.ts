// Writes a ReportLayout to an .xlsx file with ExcelJS. Transcription only: content, formats and
// colour rules all come from the layout.
//
// Small reports use ExcelJS's in-memory workbook, which can write real Excel tables. Large ones
// (more than STREAM_ROWS rows) use the streaming writer to keep memory flat; it cannot write
// tables, so the customer table gets an autofilter instead.

import type { Worksheet } from 'exceljs';
import { columnLetter, FORMATS, type LayoutSheet, type ReportLayout } from '../core';

export const STREAM_ROWS = 20000;

const argb = (hex: string) => 'FF' + hex.replace('#', '').toUpperCase();
const FONT = { name: 'Calibri', size: 11 };

function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function rowsOf(layout: ReportLayout): number {
  return layout.sheets.reduce((n, s) => n + s.extent.rows, 0);
}

export async function writeXlsx(layout: ReportLayout, path: string, streamAbove = STREAM_ROWS): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const streaming = rowsOf(layout) > streamAbove;
  if (streaming) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    wb.creator = 'abcxyz';
    for (const sheet of layout.sheets) {
      const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet)) as unknown as Worksheet;
      writeSheet(ws, sheet, true);
      (ws as unknown as { commit(): void }).commit();
    }
    await wb.commit();
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'abcxyz';
    for (const sheet of layout.sheets) {
      const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
      writeSheet(ws, sheet, false);
    }
    // the marker: a workbook name per product sheet, so a later run can tell its own sheets
    layout.sheets.forEach((s, i) => wb.definedNames.add(`'${s.name}'!$A$1`, `${layout.marker.key}_${s.role}_${i}`));
    await wb.xlsx.writeFile(path);
  }
}

function sheetOptions(sheet: LayoutSheet) {
  return {
    views: [{ state: 'frozen' as const, xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }],
    pageSetup: { orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { defaultRowHeight: 15 },
  };
}

function writeSheet(ws: Worksheet, sheet: LayoutSheet, streaming: boolean): void {
  ws.columns = sheet.columnWidths.map((w) => ({ width: w === 9 ? 9.01 : w })); // ExcelJS drops a width of exactly 9
  // Rows must be written in order for the streaming writer: gather every block's cells per row first.
  const cells = new Map<number, { col: number; value: unknown; fmt: string; bold: boolean; header: boolean; text: boolean }[]>();
  for (const b of sheet.blocks) {
    const bold = new Set(b.bold.map(([r, c]) => `${r},${c}`));
    const guarded = new Set(b.guarded.map(([r, c]) => `${r},${c}`));
    b.values.forEach((row, i) => {
      const isHeader = b.header && i === 0;
      const list = cells.get(b.row + i) ?? [];
      row.forEach((v, j) => {
        if (v === null || v === '') return;
        const fmt = isHeader ? FORMATS.general : FORMATS[b.formats[j] ?? 'general'];
        list.push({ col: b.col + j, value: v, fmt, bold: isHeader || bold.has(`${i},${j}`), header: isHeader, text: guarded.has(`${i},${j}`) });
      });
      cells.set(b.row + i, list);
    });
  }
  const order = [...cells.keys()].sort((p, q) => p - q);
  for (const r of order) {
    const row = ws.getRow(r + 1);
    for (const c of cells.get(r)!) {
      const cell = row.getCell(c.col + 1);
      cell.value = c.value as never;
      // strings are stored as text by ExcelJS; '@' also keeps Excel from re-reading an edited "=…" as a formula
      const fmt = c.text ? '@' : c.fmt;
      if (fmt !== 'General' && fmt !== '@') cell.numFmt = fmt;
      else if (c.text) cell.numFmt = '@';
      cell.font = c.bold ? { ...FONT, bold: true } : FONT;
      if (c.header) cell.alignment = { wrapText: true, vertical: 'top' };
    }
    if (streaming) row.commit();
  }
  for (const b of sheet.blocks) {
    if (!b.table) continue;
    const last = a1(b.row + b.values.length - 1, b.col + b.values[0].length - 1);
    if (streaming || b.values.length < 2) {
      ws.autoFilter = `${a1(b.row, b.col)}:${last}`;
    } else {
      // ExcelJS tables are written from values; the header cells written above stay as they are
      ws.addTable({
        name: b.table,
        ref: a1(b.row, b.col),
        headerRow: true,
        style: { theme: 'TableStyleLight1', showRowStripes: true },
        columns: (b.values[0] as string[]).map((h) => ({ name: String(h), filterButton: true })),
        rows: b.values.slice(1) as never[][],
      });
      // addTable rewrote the cells; give them back their number formats
      b.values.slice(1).forEach((_, i) => {
        const row = ws.getRow(b.row + 2 + i);
        b.formats.forEach((f, j) => {
          const fmt = FORMATS[f];
          const cell = row.getCell(b.col + j + 1);
          if (b.guarded.some(([gr, gc]) => gr === i + 1 && gc === j)) cell.numFmt = '@';
          else if (fmt !== 'General' && fmt !== '@') cell.numFmt = fmt;
        });
      });
    }
  }
  for (const rule of sheet.rules) {
    const ref = `${a1(rule.range.row, rule.range.col)}:${a1(rule.range.row + rule.range.rows - 1, rule.range.col + rule.range.cols - 1)}`;
    ws.addConditionalFormatting({
      ref,
      rules: [{
        type: 'cellIs',
        operator: 'equal',
        priority: 1,
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.font) } } },
      }],
    });
  }
  ws.pageSetup.printTitlesRow = `${sheet.freeze.rows}:${sheet.freeze.rows}`;
}
