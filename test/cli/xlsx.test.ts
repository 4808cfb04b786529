// The XLSX report: written with ExcelJS, read back with ExcelJS, and opened by LibreOffice.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLayout, segment, serialFromDay } from '../../core';
import { REPORT_ROWS } from '../fixtures';
import { BGNBD_OPTIONS, bgnbdLedger, expectBgnbdColumns } from '../fixtures/bgnbd-ledger';
import { writeXlsx } from '../../cli/xlsx';
import { cli, tempDir } from './helpers';

const rows = REPORT_ROWS;

let dir: string;
beforeAll(() => { dir = tempDir(); });

async function readBack(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function noFormulas(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) => row.eachCell((cell) => {
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in (cell.value as object)).toBe(false);
  }));
}

for (const mode of ['table', 'streaming'] as const) {
  describe(`XLSX round trip (${mode} writer)`, () => {
    const result = segment(rows, { asOf: '2024-04-30' });
    const layout = buildLayout(result);
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      const path = join(dir, `report-${mode}.xlsx`);
      await writeXlsx(layout, path, mode === 'streaming' ? 0 : 1e9);
      wb = await readBack(path);
    });

    it('has the report sheets in order', () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses', 'Migration', 'Skipped rows']);
    });

    it('the Losses and Migration sheets come back as written: values, formats, their table and every colour rule', () => {
      for (const role of ['losses', 'migration'] as const) {
        const spec = layout.sheets.find((s) => s.role === role)!;
        const ws = wb.getWorksheet(spec.name)! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] };
        for (const b of spec.blocks) {
          b.values.forEach((row, i) => row.forEach((v, j) => {
            const cell = ws.getRow(b.row + i + 1).getCell(b.col + j + 1);
            const got = cell.value instanceof Date ? serialFromDay(Math.round(cell.value.getTime() / 864e5)) : cell.value;
            expect(got ?? null, `${spec.name} ${b.id} (${i},${j})`).toEqual(v === '' ? (got === '' ? '' : null) : v);
            if (!(b.header && i === 0) && typeof v === 'number' && b.formats[j] !== 'general') expect(cell.numFmt, `${b.id} (${i},${j})`).toBe({ integer: '#,##0', number: '#,##0.00', percent: '0.0%', date: 'yyyy-mm-dd', ratio: '0.00', text: '@' }[b.formats[j] as string]);
          }));
        }
        expect(ws.conditionalFormattings.length).toBe(spec.rules.length);
        const texts = ws.conditionalFormattings.map((c) => c.rules[0].formulae[0]).sort();
        expect(texts).toEqual(spec.rules.map((r) => `"${r.text.replace(/"/g, '""')}"`).sort());
        const table = spec.blocks.find((b) => b.table)!;
        if (mode === 'table') {
          const tables = (ws as unknown as { tables: Record<string, { table: { name: string } }> }).tables;
          expect(Object.values(tables).map((x) => x.table.name)).toEqual([table.table]);
        } else {
          expect(String(ws.autoFilter)).toMatch(new RegExp(`^A${table.row + 1}:`));
        }
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
      }
    });

    it('customer table values, number formats and dates come back as written', () => {
      const ws = wb.getWorksheet('ABC-XYZ')!;
      const t = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
      const header = ws.getRow(t.row + 1).values as unknown[];
      expect(header.slice(1, 4)).toEqual(['Rank', 'Customer', 'Revenue']);
      const h = t.values[0] as string[];
      const first = ws.getRow(t.row + 2);
      expect(first.getCell(h.indexOf('Customer') + 1).value).toBe(result.customers[0].customer);
      expect(first.getCell(h.indexOf('Share') + 1).numFmt).toBe('0.0%');
      expect(first.getCell(h.indexOf('Revenue') + 1).numFmt).toBe('#,##0.00');
      const last = first.getCell(h.indexOf('Last purchase') + 1);
      expect(last.numFmt).toBe('yyyy-mm-dd');
      // ExcelJS reads a date-formatted serial back as a Date
      const day = result.customers[0].lastPurchase!;
      const v = last.value as Date | number;
      expect(v instanceof Date ? Math.round(v.getTime() / 864e5) : v).toBe(v instanceof Date ? day : serialFromDay(day));
    });

    it('formula-like names are stored as text, and no cell anywhere holds a formula', () => {
      const ws = wb.getWorksheet('ABC-XYZ')!;
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); }));
      expect(texts).toContain('=HYPERLINK("http://x","y")');
      expect(texts).toContain('@SUM(A1)');
      for (const w of wb.worksheets) noFormulas(w);
    });

    it('conditional-format rules with their ranges', () => {
      const ws = wb.getWorksheet('ABC-XYZ')! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] };
      const t = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
      const h = t.values[0] as string[];
      const segCol = String.fromCharCode(65 + h.indexOf('Segment'));
      const ref = `${segCol}${t.row + 2}:${segCol}${t.row + 1 + result.customers.length}`;
      const onSegment = ws.conditionalFormattings.filter((c) => c.ref === ref);
      expect(onSegment.map((c) => c.rules[0].formulae[0])).toEqual(['"AX"', '"AY"', '"AZ"', '"BX"', '"BY"', '"BZ"', '"CX"', '"CY"', '"CZ"']);
      expect(onSegment.every((c) => c.rules[0].type === 'cellIs')).toBe(true);
      expect(ws.conditionalFormattings.length).toBe(layout.sheets[0].rules.length);
    });

    it(mode === 'table' ? 'the customer table is an Excel table' : 'the customer table has an autofilter', () => {
      const ws = wb.getWorksheet('ABC-XYZ')!;
      const t = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
      if (mode === 'table') {
        const tables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables;
        const tab = Object.values(tables).map((x) => x.table);
        expect(tab.map((x) => x.name)).toContain('ABCXYZ_Customers');
      } else {
        expect(String(ws.autoFilter)).toMatch(new RegExp(`^A${t.row + 1}:`));
      }
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: t.row + 1, xSplit: 2 });
    });

    it('skipped rows sheet has row number, reason and original values', () => {
      const ws = wb.getWorksheet('Skipped rows')!;
      expect(ws.getRow(1).values).toEqual([undefined, 'Row', 'Reason', 'Customer', 'Date', 'Amount', 'Profit']);
      // an empty original cell may come back as '' (table writer) or as no value (streaming writer)
      const got = Array.from({ length: 6 }, (_, i) => ws.getRow(2).getCell(i + 1).value).map((v) => (v === '' ? null : v));
      expect(got).toEqual([13, 'customer is empty', null, '2024-01-01', 5, 1]);
    });
  });
}

describe('BG/NBD columns through the XLSX writer (both modes)', () => {
  const result = segment(bgnbdLedger(), BGNBD_OPTIONS);
  const layout = buildLayout(result);

  for (const mode of ['table', 'streaming'] as const) {
    it(`${mode}: P(alive) as a percentage, expected purchases with two decimals, the status they give, the win-back columns and the fitted parameters`, async () => {
      const path = join(dir, `bgnbd-${mode}.xlsx`);
      await writeXlsx(layout, path, mode === 'streaming' ? 0 : 1e9);
      const wb = await readBack(path);
      const ws = wb.getWorksheet('ABC-XYZ')!;
      const t = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
      const width = t.values[0].length;
      const table = Array.from({ length: t.values.length }, (_, i) => Array.from({ length: width }, (_, j) => ws.getRow(t.row + 1 + i).getCell(t.col + 1 + j).value));
      expectBgnbdColumns(table, result);
      const h = table[0] as string[];
      expect(ws.getRow(t.row + 2).getCell(t.col + 1 + h.indexOf('P(alive)')).numFmt).toBe('0.0%');
      expect(ws.getRow(t.row + 2).getCell(t.col + 1 + h.indexOf('Expected purchases')).numFmt).toBe('0.00');
      // the win-back sheet: the same columns for its customers
      const wbSheet = wb.getWorksheet('Win-back')!;
      const wh = wbSheet.getRow(1).values as unknown[];
      const pCol = wh.indexOf('P(alive)');
      expect(pCol).toBeGreaterThan(0);
      expect(wh[pCol + 1]).toBe('Expected purchases');
      expect(result.winBack.length).toBeGreaterThan(0);
      result.winBack.forEach((w, k) => {
        expect(wbSheet.getRow(k + 2).getCell(pCol).value).toBeCloseTo(w.pAlive!, 12);
        expect(wbSheet.getRow(k + 2).getCell(pCol + 1).value).toBeCloseTo(w.expectedPurchases!, 12);
      });
      // the parameters block: the status rule, the model and the horizon
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); }));
      expect(texts).toContain('BG/NBD: Lost P(alive) < 30 %, At risk < 60 %; New ≤ 180 d');
      expect(texts).toContain('BG/NBD model (time unit: week)');
      expect(texts.find((x) => x.startsWith('r 0.46358, α 2.7465, a 0.18802, b 2.2355; log-likelihood -1,832.41; 86 customers, 65 bought again'))).toBeDefined();
      expect(texts).toContain('the next 90 days');
    });
  }
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const withOffice = soffice || process.env.CI ? describe : describe.skip;

withOffice('LibreOffice opens the demo report', () => {
  it('abcxyz demo writes a report that LibreOffice converts to PDF without error', () => {
    const out = join(dir, 'demo.xlsx');
    const r = cli(['demo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Report written to/);
    const conv = spawnSync(soffice!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { encoding: 'utf8', timeout: 120000 });
    expect(conv.status).toBe(0);
    const pdf = join(dir, 'demo.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(10000);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      expect(text.stdout).toMatch(/ABC-XYZ customer segmentation/);
      expect(text.stdout).toMatch(/Suggested action/);
    }
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  });
});
