// The streaming .xlsx reader (cli/workbook.ts): the same cells and the same result as the
// whole-workbook ExcelJS reader it replaced, on workbooks ExcelJS and LibreOffice write and on
// hand-written parts (prefixes, attribute orders, inline and rich strings, hidden rows); the sheet
// it chooses and what it says about it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter, segment, type RawCell, type SegmentResult } from '../../core';
import { chooseSheet, openXlsx } from '../../cli/input';
import { checkMemory, heapLimit, isOutOfMemory, MemoryError } from '../../cli/memory';
import { decimal, isDateFormat, Workbook } from '../../cli/workbook';
import fc from 'fast-check';
import { cli, tempDir } from './helpers';
import { handWorkbook } from './zip-writer';

let dir: string;
beforeAll(() => { dir = tempDir(); });
let n = 0;
const next = (ext = '.xlsx') => join(dir, `w${n++}${ext}`);

// --- the reader this one replaced, kept here as the reference --------------------------------
function oldCellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return oldCellValue(o.result);
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text);
  if ('error' in o) return String(o.error);
  return String(v);
}
async function oldRead(path: string, sheetName?: string): Promise<{ grid: RawCell[][]; date1904: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = sheetName ? wb.getWorksheet(sheetName)! : wb.worksheets[0];
  const grid: RawCell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { values[col - 1] = oldCellValue(cell.value); });
    grid[rowNumber - 1] = values;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return { grid, date1904: !!(wb.properties as { date1904?: boolean }).date1904 };
}
// ----------------------------------------------------------------------------------------------

/** The streamed rows, copied (the reader reuses its row array). */
async function newRead(path: string, sheet?: string): Promise<{ grid: RawCell[][]; date1904: boolean; notes: string[] }> {
  const wb = await openXlsx(path, sheet);
  const grid: RawCell[][] = [];
  const notes = await wb.read((row) => grid.push(Array.from(row, (c) => (c === undefined ? null : c))));
  return { grid, date1904: wb.date1904, notes };
}

/** Rows without trailing empty cells, and without trailing empty rows: what both readers mean. */
function tidy(grid: RawCell[][]): unknown[][] {
  const rows = grid.map((r) => {
    const out = Array.from(r, (c) => (c === undefined ? null : c instanceof Date ? `Date(${c.toISOString()})` : c));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const utcDay = (d: Date) => (Number.isFinite(d.getTime()) ? Math.floor(d.getTime() / 86400000) : null);
function summary(r: SegmentResult) {
  return { customers: r.customers, totals: r.totals, skipped: r.skipped, warnings: r.warnings, asOf: r.asOf, mapping: r.mapping };
}
async function sameResult(path: string, options: Record<string, unknown> = {}) {
  const old = await oldRead(path);
  const before = segment(old.grid, { ...options, date1904: old.date1904, dateObjectDay: utcDay });
  const wb = await openXlsx(path);
  const s = createSegmenter({ ...options, date1904: wb.date1904, dateObjectDay: utcDay });
  await wb.read((row) => s.add(row));
  expect(summary(s.finish())).toEqual(summary(before));
  return before;
}

describe('the same cells as the whole-workbook reader', () => {
  it('dates in several formats, numbers, text, booleans, formulas\' results, rich text, errors, hyperlinks, gaps', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['Customer', 'Date', 'Amount', 'Flag', 'Note']);
    const d = (y: number, m: number, day: number, h = 0) => new Date(Date.UTC(y, m - 1, day, h));
    ws.addRow(['Alpha', d(2024, 1, 15), 100, true, 'x']);
    ws.addRow([{ richText: [{ text: 'Mül', font: { bold: true } }, { text: 'ler & Söhne <GmbH>' }] }, d(2024, 2, 15, 13), { formula: '50*2', result: 100 }, false, null]);
    ws.addRow(['Beta', { formula: 'DATE(2024,3,1)', result: d(2024, 3, 1) }, { error: '#N/A' }]);
    ws.addRow([]);
    ws.addRow(['Gamma', 45352, { formula: 'C2&""', result: '40' }, null, { text: 'link', hyperlink: 'https://example.com' }]);
    ws.getRow(9).getCell(1).value = 'far below';
    ws.getRow(9).getCell(12).value = 3.25;
    ws.getCell('B2').numFmt = 'dd.mm.yyyy';
    ws.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('B4').numFmt = 'm/d/yy';
    ws.getCell('C2').numFmt = '#,##0.00 "€"';
    const path = next();
    await wb.xlsx.writeFile(path);
    const [old, now] = [await oldRead(path), await newRead(path)];
    expect(tidy(now.grid)).toEqual(tidy(old.grid));
    expect(now.grid[2][0]).toBe('Müller & Söhne <GmbH>');
    expect(now.grid[1][1]).toEqual(d(2024, 1, 15));
    expect(now.grid[3][2]).toBe('#N/A');
    expect(now.notes).toEqual([]);
    await sameResult(path, { minPeriods: 1 });
  });

  it('the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Mac');
    ws.addRow(['Kunde', 'Datum', 'Umsatz']);
    for (let i = 0; i < 12; i++) ws.addRow([`K${i % 4}`, new Date(Date.UTC(2023, i, 3)), 10 * (i + 1)]);
    ws.addRow(['K9', 43000, 5]); // a bare serial: the core reads it in the 1904 system
    const path = next();
    await wb.xlsx.writeFile(path);
    const [old, now] = [await oldRead(path), await newRead(path)];
    expect(now.date1904).toBe(true);
    expect(old.date1904).toBe(true);
    expect(tidy(now.grid)).toEqual(tidy(old.grid));
    const r = await sameResult(path);
    expect(r.customers.map((c) => c.customer).sort()).toEqual(['K0', 'K1', 'K2', 'K3', 'K9']);
  });

  it('a merged title above the header: the title is repeated across the merge, as before', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Report');
    ws.addRow(['Sales by customer 2024']);
    ws.mergeCells('A1:C1');
    ws.addRow(['Customer', 'Date', 'Amount']);
    ws.addRow(['Alpha', new Date(Date.UTC(2024, 0, 2)), 10]);
    ws.addRow(['Beta', new Date(Date.UTC(2024, 0, 3)), 20]);
    const path = next();
    await wb.xlsx.writeFile(path);
    const [old, now] = [await oldRead(path), await newRead(path)];
    expect(tidy(now.grid)).toEqual(tidy(old.grid));
    expect(now.grid[0]).toEqual(['Sales by customer 2024', 'Sales by customer 2024', 'Sales by customer 2024']);
  });

  it('merged cells: text and dates repeat over the merge, a number stays in its first cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['Customer', 'Date', 'Order total', 'Amount']);
    ws.addRow(['Alpha', new Date(Date.UTC(2024, 0, 2)), 30, 10]);
    ws.addRow([null, null, null, 20]);
    ws.addRow(['Beta', new Date(Date.UTC(2024, 0, 3)), 5, 5]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    ws.mergeCells('C2:C3');
    const path = next();
    await wb.xlsx.writeFile(path);
    const now = await newRead(path);
    expect(tidy(now.grid).slice(1)).toEqual([
      ['Alpha', 'Date(2024-01-02T00:00:00.000Z)', 30, 10],
      ['Alpha', 'Date(2024-01-02T00:00:00.000Z)', null, 20],
      ['Beta', 'Date(2024-01-03T00:00:00.000Z)', 5, 5],
    ]);
    // the whole-workbook reader repeated the order total too, counting it twice
    expect((await oldRead(path)).grid[2][2]).toBe(30);
  });

  it('ExcelJS\'s streaming writer (strings inline or shared, rows committed one by one)', async () => {
    for (const useSharedStrings of [false, true]) {
      const path = next();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('Data');
      ws.addRow(['customer', 'date', 'amount']).commit();
      for (let i = 0; i < 500; i++) {
        const row = ws.addRow([`Cust ${i % 37} «${'äöü'[i % 3]}»`, new Date(Date.UTC(2023, i % 12, 1 + (i % 28))), (i * 7.25) % 100 - 5]);
        row.getCell(2).numFmt = 'yyyy-mm-dd';
        row.commit();
      }
      ws.commit();
      await wb.commit();
      const [old, now] = [await oldRead(path), await newRead(path)];
      expect(tidy(now.grid)).toEqual(tidy(old.grid));
      await sameResult(path);
    }
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
(soffice ? describe : describe.skip)('a workbook LibreOffice wrote', () => {
  it('the same cells and result as the whole-workbook reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Umsatz');
    ws.addRow(['Kunde', 'Datum', 'Betrag', 'Gewinn']);
    for (let i = 1; i <= 60; i++) ws.addRow([`Kunde ${i % 9}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 27))), { formula: `${i}*1.5`, result: i * 1.5 }, i % 7 === 0 ? { error: '#DIV/0!' } : i]);
    ws.addRow(['Kunde 0', new Date(Date.UTC(2024, 5, 1)), { formula: '0*1.5', result: 0 }, 1]);
    ws.getColumn(2).numFmt = 'dd.mm.yyyy';
    const src = next();
    await wb.xlsx.writeFile(src);
    const out = join(dir, 'lo');
    const conv = spawnSync(soffice!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'xlsx', '--outdir', out, src], { encoding: 'utf8', timeout: 120000 });
    expect(conv.status, conv.stderr).toBe(0);
    const path = join(out, src.split('/').pop()!);
    const [old, now] = [await oldRead(path), await newRead(path)];
    // a formula whose cached result is 0: the whole-workbook reader lost the result
    expect(old.grid[61][2]).toBe('[object Object]');
    expect(now.grid[61][2]).toBe(0);
    expect(tidy(now.grid).slice(0, 61)).toEqual(tidy(old.grid).slice(0, 61));
    expect(tidy(now.grid)).toHaveLength(62);
    // so the new reader uses that row, which the old one skipped; the rest is the same
    const before = segment(old.grid, { date1904: old.date1904, dateObjectDay: utcDay });
    const after = segment(now.grid, { date1904: now.date1904, dateObjectDay: utcDay });
    expect(after.totals.rowsUsed).toBe(before.totals.rowsUsed + 1);
    expect(before.skipped.map((x) => x.row)).toContain(62);
    expect(after.skipped).toEqual(before.skipped.filter((x) => x.row !== 62));
  }, 150000);
});

describe('hand-written parts, as other writers write them', () => {
  const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd&quot;.&quot;mm&quot;.&quot;yyyy"/></numFmts>'
    + '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>';

  it('a namespace prefix, other attribute orders, single quotes, rows and cells without references', async () => {
    const path = next();
    const xml = '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
      + '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s" r="B1"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Amount</x:t></x:is></x:c></x:row>'
      + "<x:row r='2'><x:c r='A2' t='s'><x:v>2</x:v></x:c><x:c s='1' r='B2'><x:v>45292</x:v></x:c><x:c r='C2'><x:v>1.5</x:v></x:c></x:row>"
      + '<x:row><x:c t="s"><x:v>3</x:v></x:c><x:c s="2"><x:v>45293</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row>'
      + '</x:sheetData></x:worksheet>';
    handWorkbook(path, [{ name: 'S', xml }], { sharedStrings: ['Customer', 'Date', 'Alpha', 'Beta'], styles });
    const now = await newRead(path);
    expect(tidy(now.grid)).toEqual([
      ['Customer', 'Date', 'Amount'],
      ['Alpha', 'Date(2024-01-01T00:00:00.000Z)', 1.5],
      ['Beta', 'Date(2024-01-02T00:00:00.000Z)', 2.5],
    ]);
  });

  it('without a prefix: single quotes, attributes in any order and over lines, bare cells, shared formulas', async () => {
    const path = next();
    const xml = '<sheetData>'
      + '<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s" r="B1"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>'
      + "<row r='2' hidden='0'><c r='A2' t='s'><v>2</v></c><c s='1' r='B2'><v>45292</v></c><c r='C2'><f t='shared' ref='C2:C3' si='0'>1.5*1</f><v>1.5</v></c></row>"
      + '<row>\n<c\n t="s"\n><v>3</v></c><c s="2"><v>45293</v></c><c><f t="shared" si="0"/><v>2.5</v></c><c r="E3"/><c r="F3" s="2"/></row>'
      + '<row r="4"><c r="A4" t="n" s="0"><v>-1.25E-3</v></c><c r="B4" t="s"><v>99</v></c><c r="C4"><v></v></c><c r="D4" t="n"><v>000123456789012345678</v></c></row>'
      + '</sheetData>';
    handWorkbook(path, [{ name: 'S', xml }], { sharedStrings: ['Customer', 'Date', 'Alpha', 'Beta'], styles });
    const now = await newRead(path);
    expect(tidy(now.grid)).toEqual([
      ['Customer', 'Date', 'Amount'],
      ['Alpha', 'Date(2024-01-01T00:00:00.000Z)', 1.5],
      ['Beta', 'Date(2024-01-02T00:00:00.000Z)', 2.5],
      [-0.00125, null, null, 123456789012345680],
    ]);
  });

  it('rich and phonetic runs, escapes, preserved spaces, formula strings, booleans, errors, self-closing rows, a stored zip', async () => {
    const path = next();
    const xml = '<sheetData>'
      + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Da</t></r><r><rPr><b/></rPr><t>te</t></r></is></c><c r="C1" t="str"><f>"Am"&amp;"ount"</f><v>Am&amp;ount</v></c></row>'
      + '<row r="2" spans="1:5"><c r="A2" t="s"><v>1</v></c><c r="B2" t="d"><v>2024-03-05T00:00:00</v></c><c r="C2"><f>1+1</f><v>2</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>'
      + '<row r="3"/>'
      + '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="C5"><f>SUM(C1:C4)</f></c><c r="E5" t="s"><v>3</v></c></row>'
      + '</sheetData>';
    const strings = ['Customer', '<r><t xml:space="preserve">  Ka </t></r><r><t>to_x000D_</t></r><rPh sb="0" eb="1"><t>カト</t></rPh>', 'Tab_x0009_bed', '<t/>'];
    handWorkbook(path, [{ name: 'S', xml }], { sharedStrings: strings, stored: true });
    const now = await newRead(path);
    expect(now.grid).toEqual([
      ['Customer', 'Date', 'Am&ount'],
      ['  Ka to\r', new Date(Date.UTC(2024, 2, 5)), 2, true, '#DIV/0!'],
      [],
      [],
      ['Tab\tbed', null, null, null, ''],
    ]);
  });

  it('the fast reading of a cell\'s number is exactly Number()\'s, or declines', () => {
    const check = (text: string) => {
      const v = decimal(text, 0, text.length);
      if (v === v) expect(Object.is(v, Number(text)), text).toBe(true);
      else expect(/^-?\d{0,15}(\.\d*)?$/.test(text) && /\d/.test(text) && text.replace(/\D/g, '').length <= 15).toBe(false);
    };
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => check(String(x))), { numRuns: 5000 });
    fc.assert(fc.property(fc.stringMatching(/^-?\d{1,17}(\.\d{0,17})?$/), check), { numRuns: 5000 });
    for (const t of ['0', '-0', '2.55', '40513.351388888885', '1e5', '', '-', '.5', '5.', '1.2.3', '123456789012345', '1234567890123456']) check(t);
  });

  it('number formats: which show dates', () => {
    for (const f of ['dd.mm.yyyy', 'yyyy-mm-dd hh:mm', 'm/d/yy', '[$-407]d. mmmm yyyy', 'DD/MM/YYYY', 'h:mm AM/PM', '[h]:mm:ss', 'dd"."mm"."yyyy']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0.00 "€"', '0.00E+00', '#,##0 "days"', '[Red]-#,##0', '@', '_-* #,##0.00 _€_-;-* #,##0.00 _€_-', '0\\d']) expect(isDateFormat(f), f).toBe(false);
  });
});

describe('which sheet is read', () => {
  const sheet = (rows: string[][]) => `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`).join('')}</sheetData>`;
  const DATA = [['customer', 'date', 'amount'], ['Alpha', '2024-01-02', '10'], ['Beta', '2024-01-03', '20']];
  const OTHER = [['customer', 'date', 'amount'], ['Wrong', '2024-01-02', '99']];

  it('the active sheet, named in the warnings with the others and --sheet', async () => {
    const path = next();
    handWorkbook(path, [{ name: 'Notes', xml: sheet(OTHER) }, { name: 'Data', xml: sheet(DATA) }, { name: 'Old', state: 'hidden', xml: sheet(OTHER) }], { activeTab: 1 });
    const out = `${path}.json`;
    const r = cli(['segment', path, '--out', out, '--min-periods', '1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.customers.map((c: { customer: string }) => c.customer)).toEqual(['Beta', 'Alpha']);
    expect(j.warnings[0]).toBe('Read sheet "Data", the active one. The other sheets: Notes, Old (hidden); choose one with --sheet NAME.');
    expect(r.stderr).toMatch(/abcxyz: Read sheet "Data", the active one/);
  });

  it('a hidden first sheet is passed over for the first visible one', async () => {
    const path = next();
    handWorkbook(path, [{ name: 'Lookup', state: 'hidden', xml: sheet(OTHER) }, { name: 'Very', state: 'veryHidden', xml: sheet(OTHER) }, { name: 'Sales', xml: sheet(DATA) }]);
    const now = await newRead(path);
    expect(now.grid[1][0]).toBe('Alpha');
    expect(now.notes).toEqual(['Read sheet "Sales", the first visible one. The other sheets: Lookup (hidden), Very (hidden); choose one with --sheet NAME.']);
  });

  it('--sheet reads the sheet named (hidden or not, case aside); a wrong one lists the sheets', async () => {
    const path = next();
    handWorkbook(path, [{ name: 'Sales', xml: sheet(DATA) }, { name: 'Archive 2023', state: 'hidden', xml: sheet(OTHER) }]);
    expect((await newRead(path, 'archive 2023')).grid[1][0]).toBe('Wrong');
    expect((await newRead(path, 'archive 2023')).notes).toEqual([]);
    const r = cli(['segment', path, '--sheet', 'Nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No sheet named "Nope" in .*\. Sheets: Sales, Archive 2023 \(hidden\)/);
  });

  it('one sheet: nothing to say', () => {
    const s = [{ name: 'Only', state: 'visible' as const, part: 'x' }];
    expect(chooseSheet(s, 0, undefined, 'p')).toEqual({ sheet: s[0], note: null });
  });
});

describe('hidden rows', () => {
  const rows = (hidden: number[]) => `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>${
    Array.from({ length: 9 }, (_, i) => `<row r="${i + 2}"${hidden.includes(i + 2) ? ' hidden="1"' : ' hidden="false"'}><c r="A${i + 2}" t="inlineStr"><is><t>C${i % 3}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>2024-01-0${i + 1}</t></is></c><c r="C${i + 2}"><v>${i + 1}</v></c></row>`).join('')}</sheetData>`;

  it('rows hidden by a filter are read, and the warnings say how many and which', async () => {
    const path = next();
    handWorkbook(path, [{ name: 'Ledger', xml: `${rows([3, 5, 6, 7, 8, 9, 10])}<autoFilter ref="A1:C10"/>` }]);
    const out = `${path}.json`;
    expect(cli(['segment', path, '--out', out, '--min-periods', '1']).code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals).toMatchObject({ rowsRead: 9, rowsUsed: 9 });
    expect(j.warnings[0]).toBe('7 rows hidden by a filter in sheet "Ledger" were read like the others (rows 3, 5, 6, 7, 8 and 2 more). A filter only hides rows: delete them from the sheet if they should not count.');
  });

  it('rows hidden by hand: the same, without the filter (the words in a cell\'s text are not elements)', async () => {
    const path = next();
    const xml = rows([4]).replace('<t>C0</t>', '<t>autoFilter &lt;mergeCells&gt; x:autoFilter</t>');
    handWorkbook(path, [{ name: 'Ledger', xml }]);
    expect((await newRead(path)).notes).toEqual(['1 hidden rows in sheet "Ledger" were read like the others (rows 4). Hiding only hides rows: delete them from the sheet if they should not count.']);
  });
});

describe('damaged files and memory', () => {
  it('a file that is not a workbook, or a missing one, is a sentence (exit 1)', async () => {
    const path = next();
    copyFileSync(join(__dirname, 'helpers.ts'), path);
    const r = cli(['segment', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot read .* as an \.xlsx workbook: not a zip archive/);
    expect(cli(['segment', join(dir, 'missing.xlsx')]).stderr).toMatch(/no such file/);
    await expect(Workbook.open(path)).rejects.toThrow(/not a zip archive/);
  });

  it('a damaged sheet (its deflate stream cut) is a sentence naming the part', async () => {
    const path = next();
    handWorkbook(path, [{ name: 'S', xml: `<sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2000)}</sheetData>` }]);
    const bytes = readFileSync(path);
    // overwrite the middle of the sheet's compressed data (it comes right after the workbook parts)
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 40;
    for (let i = at; i < at + 64; i++) bytes[i] = 0xff;
    writeFileSync(path, bytes);
    const r = cli(['segment', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^abcxyz: Cannot read .* as an \.xlsx workbook: its part xl\/worksheets\/sheet1\.xml is damaged \(it cannot be unzipped: /);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it('the allocation failures V8 and Node throw are known as "out of memory"', () => {
    expect(isOutOfMemory(new RangeError('Invalid string length'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(Object.assign(new RangeError('File size is greater than 2 GiB'), { code: 'ERR_FS_FILE_TOO_LARGE' }))).toBe(true);
    expect(isOutOfMemory(new RangeError('Invalid time value'))).toBe(false);
    expect(isOutOfMemory(new Error('Invalid string length'))).toBe(false);
    // the old generation's limit, without the young generation's reserve
    expect(heapLimit()).toBeLessThan(getHeapStatistics().heap_size_limit);
  });

  it('a nearly full heap stops the reading with a sentence', () => {
    expect(() => checkMemory('big.xlsx', 8192, 0)).toThrow(MemoryError);
    expect(() => checkMemory('big.xlsx', 8192, 0)).toThrow(/big\.xlsx: reading stopped at row 8192: the memory Node may use \(\d+ MB\) is nearly full\. Give it more \(NODE_OPTIONS=--max-old-space-size=4096\), or split the file\./);
    expect(() => checkMemory('big.xlsx', 8192)).not.toThrow();
  });

  it('the command line under a heap too small for the file: a sentence, never a stack trace', () => {
    // 120,000 long shared strings and as many customers: more than a 40 MB heap holds
    const N = 120000;
    const strings = Array.from({ length: N }, (_, i) => `Customer ${i} ${'x'.repeat(140)}`);
    const rows = ['<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>'];
    for (let i = 0; i < N; i++) rows.push(`<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i}</v></c><c r="B${i + 2}"><v>${45000 + (i % 300)}</v></c><c r="C${i + 2}"><v>${i % 97}</v></c></row>`);
    rows.push('</sheetData>');
    const path = next();
    handWorkbook(path, [{ name: 'Big', xml: rows.join('') }], { sharedStrings: strings });
    const r = spawnSync(process.execPath, ['--max-old-space-size=40', join(__dirname, '..', '..', 'bin', 'abcxyz.cjs'), 'segment', path], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/^abcxyz: .*: reading stopped (at row \d+|in the workbook's shared strings): the memory Node may use \(40 MB\) is nearly full\. Give it more/);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\bat \w+ \(|FATAL ERROR/);
  }, 60000);
});
