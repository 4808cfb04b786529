// One workbook model, three faces: the .xlsx file (written with ExcelJS, as Excel would save it),
// the cells Office.js hands the task pane (serial dates with a date number format, merged cells
// empty but the first), and the values Apps Script's getValues() returns (Date objects at
// midnight of the spreadsheet's zone).

import type { SheetSpec, WorkbookSpec, XCell } from './model';

const isDate = (c: XCell): c is { date: string; fmt?: string } => typeof c === 'object' && c !== null && 'date' in c;
const isFormula = (c: XCell): c is { formula: string; result: number } => typeof c === 'object' && c !== null && 'formula' in c;

const utcOf = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return Date.UTC(y, m - 1, d); };
/** Excel serial of a calendar day (1900 system). */
export const serialOf = (iso: string) => utcOf(iso) / 86400000 + 25569;

export async function xlsxBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Microsoft Excel';
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.rows.forEach((row, r) => {
      const xrow = ws.getRow(r + 1);
      row.forEach((c, j) => {
        if (c === null || c === '') return;
        const cell = xrow.getCell(j + 1);
        if (isDate(c)) { cell.value = new Date(utcOf(c.date)); cell.numFmt = c.fmt ?? 'dd.mm.yyyy'; }
        else if (isFormula(c)) cell.value = { formula: c.formula, result: c.result } as never;
        else cell.value = c;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  const active = spec.active ?? 0;
  wb.views = [{ x: 0, y: 0, width: 28000, height: 15000, firstSheet: 0, activeTab: active, visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Cells of merged ranges other than the top-left one: Excel and Sheets hand them over empty. */
function mergedTails(s: SheetSpec): Set<string> {
  const out = new Set<string>();
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const m of s.merges ?? []) {
    const [a, b] = m.split(':').map((x) => /^([A-Z]+)(\d+)$/.exec(x)!);
    for (let r = +a[2] - 1; r <= +b[2] - 1; r++) for (let c = col(a[1]); c <= col(b[1]); c++) if (r !== +a[2] - 1 || c !== col(a[1])) out.add(`${r},${c}`);
  }
  return out;
}

function width(s: SheetSpec): number {
  return Math.max(1, ...s.rows.map((r) => r.length));
}

/** What Office.js returns for the sheet: numbers, text, booleans, '' for empty; dates are serials. */
export function excelCells(s: SheetSpec): { grid: (string | number | boolean)[][]; dateCells: { row: number; col: number; fmt: string }[] } {
  const tails = mergedTails(s);
  const cols = width(s);
  const dateCells: { row: number; col: number; fmt: string }[] = [];
  const grid = s.rows.map((row, r) => Array.from({ length: cols }, (_, j) => {
    const c = row[j] ?? null;
    if (c === null || tails.has(`${r},${j}`)) return '';
    if (isDate(c)) { dateCells.push({ row: r, col: j, fmt: c.fmt ?? 'dd.mm.yyyy' }); return serialOf(c.date); }
    if (isFormula(c)) return c.result;
    return c;
  }));
  return { grid, dateCells };
}

/** What getValues() returns for the sheet: dates as Date objects made by `dateOf`. */
export function sheetsCells(s: SheetSpec, dateOf: (iso: string) => Date): (string | number | boolean | Date)[][] {
  const tails = mergedTails(s);
  const cols = width(s);
  return s.rows.map((row, r) => Array.from({ length: cols }, (_, j) => {
    const c = row[j] ?? null;
    if (c === null || tails.has(`${r},${j}`)) return '';
    if (isDate(c)) return dateOf(c.date);
    if (isFormula(c)) return c.result;
    return c;
  }));
}
