// A report the host cannot hold whole is shortened in the layout, by the host's limits, and says
// so: tables capped with a line "… and N more …", long texts cut with an ellipsis, too many input
// columns dropped from Skipped rows, and a report with no room at all refused before any write.
// The XLSX writer of the command line writes what the layout holds, within Excel's limits.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AbcxyzError, EXCEL_LIMITS, SHEETS_LIMITS, XLSX_LIMITS, buildLayout, customersOf, cutText, freeSheetName, hostCells, segment, segmentTable, textRoom, validSheetName,
  type LayoutSheet, type RawCell, type ReportLayout, type ReportLimits, type SegmentResult,
} from '../../core';
import { writeXlsx } from '../../cli/xlsx';
import { tempDir } from '../temp';

const NO_LIMITS: ReportLimits = { rows: Infinity, cols: Infinity, cellChars: Infinity, cells: Infinity, writeCells: Infinity, sheetNameChars: Infinity, sheetNameForbidden: '' };

/**
 * `customers` customers with monthly purchases in 2023–2024; every third stopped buying early in
 * 2023 (lost: the valuable ones are on the win-back list); `skipped` rows with a bad amount.
 */
function ledger(customers: number, skipped = 0, name = (i: number) => `Customer ${i}`): RawCell[][] {
  const rows: RawCell[][] = [['Customer', 'Date', 'Amount']];
  for (let i = 0; i < customers; i++) {
    const months = i % 3 === 0 ? 3 : 18;
    for (let m = 0; m < months; m++) rows.push([name(i), `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`, 100 + ((i * 37) % 900)]);
  }
  for (let k = 0; k < skipped; k++) rows.push([`Bad ${k}`, '2024-01-15', 'n/a']);
  return rows;
}

const limits = (over: Partial<ReportLimits>): ReportLimits => ({ ...EXCEL_LIMITS, ...over });
const sheetOf = (l: ReportLayout, role: string) => l.sheets.find((s) => s.role === role)!;
const blockOf = (s: LayoutSheet, id: string) => s.blocks.find((b) => b.id === id);
/** The warnings rows of the parameters block (the label "Warnings" on the first). */
function warningsOf(l: ReportLayout): string[] {
  const rows = blockOf(sheetOf(l, 'report'), 'parameters')!.values;
  const first = rows.findIndex((r) => r[0] === 'Warnings');
  return rows.slice(first).map((r) => String(r[1]));
}
const spreadsheetCells = (l: ReportLayout) => l.sheets.reduce((n, s) => n + hostCells(s.extent.rows, s.extent.cols, s.freeze), 0);

/** Every limit the layout must respect; returns the first broken one. */
function broken(l: ReportLayout, lim: ReportLimits): string | null {
  for (const s of l.sheets) {
    if (s.extent.rows > lim.rows) return `${s.name}: ${s.extent.rows} rows`;
    if (s.extent.cols > lim.cols) return `${s.name}: ${s.extent.cols} columns`;
    if (s.name.length > lim.sheetNameChars || [...s.name].some((c) => lim.sheetNameForbidden.includes(c))) return `sheet name ${s.name}`;
    for (const b of s.blocks) for (const row of b.values) for (const v of row) if (typeof v === 'string' && v.length > textRoom(lim)) return `${s.name}: a text of ${v.length}`;
  }
  if (spreadsheetCells(l) > Math.min(lim.cells, lim.writeCells)) return `${spreadsheetCells(l)} cells`;
  return null;
}

/** Rows a sheet's table shows plus the N of its "… and N more" line: every row is accounted for. */
function accounted(l: ReportLayout, role: string, id: string): number {
  const s = sheetOf(l, role);
  const shown = blockOf(s, id)!.values.length - 1;
  const more = blockOf(s, `${id}-more`);
  return shown + (more ? Number(/… and ([\d,]+) more/.exec(String(more.values[0][0]))![1].replace(/,/g, '')) : 0);
}

describe('a report longer than the host holds', () => {
  const result = segment(ledger(300, 120), { asOf: '2024-12-31' });
  const n = customersOf(result).length;

  it('is written whole when it fits, and an .xlsx gets Excel\'s limits by default', () => {
    const l = buildLayout(result);
    expect(XLSX_LIMITS).toBe(EXCEL_LIMITS);
    expect(l.warnings).toEqual([]);
    expect(blockOf(sheetOf(l, 'report'), 'customers')!.values.length).toBe(n + 1);
    expect(l.sheets.flatMap((s) => s.blocks.map((b) => b.id))).not.toContain('customers-more');
    expect(buildLayout(result, EXCEL_LIMITS)).toEqual(l);
  });

  it('caps each table at the sheet\'s last row, with a line saying how many more and where they are', () => {
    const lim = limits({ rows: 60 });
    const l = buildLayout(result, lim);
    expect(broken(l, lim)).toBeNull();
    for (const s of l.sheets) expect(s.extent.rows).toBeLessThanOrEqual(60);
    const report = sheetOf(l, 'report');
    const customers = blockOf(report, 'customers')!;
    const more = blockOf(report, 'customers-more')!;
    // the table runs to the second-to-last row; the line takes the last
    expect(more.row).toBe(customers.row + customers.values.length);
    expect(more.row).toBe(59);
    expect(more.values[0][0]).toMatch(/^… and [\d,]+ more customers, not shown: a sheet holds at most 60 rows\. The CSV or JSON output/);
    expect(accounted(l, 'report', 'customers')).toBe(n);
    expect(accounted(l, 'skipped', 'skipped')).toBe(120);
    // the Losses and Migration sheets' lists too (SPEC §7, §8)
    expect(accounted(l, 'losses', 'lostCustomers')).toBe(result.lostCustomers.length);
    expect(accounted(l, 'migration', 'movers')).toBe(result.migration!.movers.length);
    expect(blockOf(sheetOf(l, 'losses'), 'lostCustomers-more')!.values[0][0]).toMatch(/more lost customers.*JSON output/);
    expect(blockOf(sheetOf(l, 'migration'), 'movers-more')!.values[0][0]).toMatch(/more movers.*JSON output/);
    expect(blockOf(sheetOf(l, 'skipped'), 'skipped-more')!.values[0][0]).toMatch(/more skipped rows.*JSON output/);
    // the table stays a table of customers only, and its colour rules cover exactly its rows
    expect(customers.table).toBe('ABCXYZ_Customers');
    for (const r of report.rules.filter((x) => x.range.row === customers.row + 1)) expect(r.range.rows).toBe(customers.values.length - 1);
    // and the report says so where warnings are read: the layout's and the parameters' first
    expect(l.warnings).toEqual([
      `Sheet "Win-back" shows 58 of ${result.winBack.length} rows: a sheet holds at most 60 rows.`,
      expect.stringMatching(/^Sheet "ABC-XYZ" shows \d+ of 300 rows: a sheet holds at most 60 rows\.$/),
      expect.stringMatching(new RegExp(`^Sheet "Losses" shows \\d+ of ${result.lostCustomers.length} rows: a sheet holds at most 60 rows\\.$`)),
      expect.stringMatching(new RegExp(`^Sheet "Migration" shows \\d+ of ${result.migration!.movers.length} rows: a sheet holds at most 60 rows\\.$`)),
      'Sheet "Skipped rows" shows 58 of 120 rows: a sheet holds at most 60 rows.',
    ]);
    // the parameters block shows the first six and how many more
    expect(warningsOf(l).slice(0, 5)).toEqual(l.warnings);
  });

  it('fits the cells the spreadsheet has room for: the win-back list first, then customers, then skipped rows', () => {
    const full = buildLayout(result, NO_LIMITS);
    // less room than the whole report by part of the Skipped rows sheet (121 rows × 5 columns)
    const room = spreadsheetCells(full) - 300;
    const l = buildLayout(result, limits({ cells: room }));
    expect(spreadsheetCells(l)).toBeLessThanOrEqual(room);
    expect(accounted(l, 'winback', 'winback')).toBe(result.winBack.length);
    expect(blockOf(sheetOf(l, 'winback'), 'winback-more')).toBeUndefined();
    expect(blockOf(sheetOf(l, 'report'), 'customers-more')).toBeUndefined();
    expect(blockOf(sheetOf(l, 'skipped'), 'skipped-more')!.values[0][0]).toMatch(/has room for only [\d,]+ more cells/);
    // tighter: the skipped rows go first, then the customer table shrinks
    const tight = buildLayout(result, limits({ cells: Math.round(spreadsheetCells(full) / 2) }));
    // (what is left after the last customer row that fits, under 21 cells, may still take a few skipped rows of 5)
    expect(blockOf(sheetOf(tight, 'skipped'), 'skipped')!.values.length - 1).toBeLessThanOrEqual(4);
    expect(accounted(tight, 'report', 'customers')).toBe(n);
    expect(blockOf(sheetOf(tight, 'report'), 'customers-more')).toBeDefined();
    expect(broken(tight, limits({ cells: Math.round(spreadsheetCells(full) / 2) }))).toBeNull();
  });

  it('says when the time left, not the room, shortened it', () => {
    const l = buildLayout(result, limits({ writeCells: 9000 }));
    expect(l.warnings.join(' ')).toMatch(/more could not be written in the time the host gives a run/);
    expect(spreadsheetCells(l)).toBeLessThanOrEqual(9000);
  });

  it('refuses with a sentence, before anything is written, when not even the summary fits', () => {
    // the summaries (ABC-XYZ's, with issue 16's three BG/NBD rows and its warning, and the warnings of
    // all five cut lists; the Losses sheet's tables, the Migration sheet's matrices), the headers of
    // the four lists and the lines saying they are left out
    const LEAST = 1613;
    expect(() => buildLayout(result, limits({ cells: LEAST }))).not.toThrow();
    expect(() => buildLayout(result, limits({ cells: LEAST - 1 }))).toThrow(AbcxyzError);
    expect(() => buildLayout(result, limits({ cells: LEAST - 1 }))).toThrow(`The report needs at least ${LEAST.toLocaleString('en-US')} cells, but the spreadsheet has room for only ${(LEAST - 1).toLocaleString('en-US')} more.`);
    expect(() => buildLayout(result, limits({ writeCells: 400 }))).toThrow(/^Too little of the time a run may take is left/);
  });

  it('holds every limit for any limits it is given, or refuses with a sentence (property)', () => {
    const small = segment(ledger(40, 30), { asOf: '2024-12-31' });
    const total = customersOf(small).length;
    fc.assert(fc.property(
      // hosts hold far more than a report's summaries (about 23 rows × 23 columns, the customer table
      // with P(alive) and expected purchases; the Losses sheet's tables above its list 36 rows of 14);
      // the limits here are as tight as that allows
      fc.record({ rows: fc.integer({ min: 37, max: 100 }), cols: fc.integer({ min: 23, max: 40 }), cells: fc.integer({ min: 200, max: 4000 }), writeCells: fc.oneof(fc.constant(Infinity), fc.integer({ min: 200, max: 4000 })) }),
      (over) => {
        const lim = limits(over);
        let l: ReportLayout;
        try {
          l = buildLayout(small, lim);
        } catch (e) {
          expect(e).toBeInstanceOf(AbcxyzError);
          return;
        }
        expect(broken(l, lim)).toBeNull();
        expect(accounted(l, 'report', 'customers')).toBe(total);
        expect(accounted(l, 'winback', 'winback')).toBe(small.winBack.length);
        expect(accounted(l, 'skipped', 'skipped')).toBe(30);
        expect(accounted(l, 'losses', 'lostCustomers')).toBe(small.lostCustomers.length);
        expect(accounted(l, 'migration', 'movers')).toBe(small.migration!.movers.length);
        // a shortened table is always said so
        const shortened = l.sheets.some((s) => s.blocks.some((b) => b.id.endsWith('-more')));
        expect(l.warnings.length > 0).toBe(shortened || l.warnings.some((w) => /columns/.test(w)));
      },
    ), { numRuns: 150 });
  });
});

describe('texts and columns a cell or a sheet cannot hold', () => {
  it('cuts a name longer than a cell holds, with an ellipsis, wherever it shows, and says so', () => {
    const long = `=${'名'.repeat(40_000)}`;
    const r = segment([['Customer', 'Date', 'Amount'], [long, '2024-01-10', 5], ['Other', '2024-01-10', 1], [long, 'soon', 1]], {});
    const l = buildLayout(r);
    expect(broken(l, EXCEL_LIMITS)).toBeNull();
    const customers = blockOf(sheetOf(l, 'report'), 'customers')!;
    const name = customers.values[1][1] as string;
    expect(name.length).toBe(32_766);
    expect(name.endsWith('…')).toBe(true);
    expect(name.startsWith('=名名')).toBe(true);
    // still guarded: the cut keeps the first character
    expect(customers.guarded).toContainEqual([1, 1]);
    // the skipped row's value and its reason are cut too
    const skipped = blockOf(sheetOf(l, 'skipped'), 'skipped')!.values[1];
    expect((skipped[2] as string).length).toBe(32_766);
    expect(l.warnings).toEqual(['Texts longer than a cell holds are cut to 32766 characters, ending in "…".']);
    expect(warningsOf(l)[0]).toBe(l.warnings[0]);
    // Google Sheets holds 50,000
    expect((blockOf(sheetOf(buildLayout(r, SHEETS_LIMITS), 'report'), 'customers')!.values[1][1] as string).length).toBe(40_001);
  });

  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 4)).toBe('ab…');
    expect(cutText('abc😀', 4)).toBe('abc…');
    expect(cutText('abcd', 4)).toBe('abcd');
  });

  it('shows the first columns of an input wider than a sheet, and says how many of how many', () => {
    const width = 16_400;
    const header = Array.from({ length: width }, (_, j) => (j === 0 ? 'Customer' : j === 1 ? 'Date' : j === 2 ? 'Amount' : `c${j}`));
    const r = segment([header, ['A', '2024-01-10', 5, ...Array(width - 3).fill('x')], ['B', 'soon', 5, ...Array(width - 3).fill('y')]], {});
    const l = buildLayout(r);
    const s = sheetOf(l, 'skipped');
    expect(s.extent.cols).toBe(16_384);
    expect(broken(l, EXCEL_LIMITS)).toBeNull();
    expect(l.warnings).toEqual(['Sheet "Skipped rows" shows the first 16,382 of the 16,400 columns of the input: a sheet holds at most 16,384 columns.']);
  });
});

describe('sheet names', () => {
  it('are made valid for the host: no forbidden character, no quote at the ends, not too long', () => {
    expect(validSheetName("'Q3: sales/returns [draft]? * \\ a very long name indeed'", EXCEL_LIMITS)).toBe('Q3- sales-returns -draft-- - -…');
    expect(validSheetName("'Q3: sales/returns'", EXCEL_LIMITS)).toBe('Q3- sales-returns');
    expect(validSheetName('Q3: sales', SHEETS_LIMITS)).toBe('Q3: sales');
    expect(validSheetName('::', { sheetNameChars: 31, sheetNameForbidden: ':' })).toBe('--');
  });

  it('take a free variant, compared regardless of case, still within the length', () => {
    const taken = new Set(['abc-xyz', 'abc-xyz (2)']);
    expect(freeSheetName('ABC-XYZ', taken, EXCEL_LIMITS)).toBe('ABC-XYZ (3)');
    const long = 'x'.repeat(40);
    const first = freeSheetName(long, new Set(), EXCEL_LIMITS);
    const second = freeSheetName(long, new Set([first.toLowerCase()]), EXCEL_LIMITS);
    expect(first.length).toBe(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
  });
});

describe('the .xlsx writer holds Excel\'s limits', () => {
  /** What Excel would refuse to open in a written file: rows, columns, cell texts. */
  async function excelProblems(path: string, lim: ReportLimits): Promise<string[]> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const out: string[] = [];
    wb.eachSheet((ws) => {
      if (ws.rowCount > lim.rows) out.push(`${ws.name}: ${ws.rowCount} rows`);
      if (ws.columnCount > lim.cols) out.push(`${ws.name}: ${ws.columnCount} columns`);
      if (ws.name.length > lim.sheetNameChars) out.push(`sheet name ${ws.name}`);
      ws.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string' && cell.value.length > lim.cellChars) out.push(`${ws.name}!${cell.address}: ${cell.value.length} characters`); }));
    });
    return out;
  }

  function longNames(): SegmentResult {
    return segment(ledger(120, 50, (i) => (i === 7 ? 'L'.repeat(33_000) : `Customer ${i}`)), { asOf: '2024-12-31' });
  }

  it('a layout that ignores the limits writes a file Excel cannot hold (the check can fail)', async () => {
    const file = join(tempDir('abcxyz-xlsx-lim-'), 'naive.xlsx');
    await writeXlsx(buildLayout(longNames(), NO_LIMITS), file);
    expect((await excelProblems(file, EXCEL_LIMITS)).join('\n')).toMatch(/33000 characters/);
  });

  it('the layout for an .xlsx writes within them, in both of its writers, with the capped tables\' lines', async () => {
    const lim = limits({ rows: 50 });
    const layout = buildLayout(longNames(), lim);
    const dir = tempDir('abcxyz-xlsx-lim-');
    for (const [file, streamAbove] of [[join(dir, 'book.xlsx'), Infinity], [join(dir, 'stream.xlsx'), 0]] as const) {
      await writeXlsx(layout, file, streamAbove);
      expect(await excelProblems(file, lim), file).toEqual([]);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const report = wb.getWorksheet('ABC-XYZ')!;
      expect(String(report.getCell(50, 1).value)).toMatch(/^… and [\d,]+ more customers/);
      const params = report.getColumn(3).values.map(String);
      expect(params.some((v) => v.startsWith('Sheet "ABC-XYZ" shows'))).toBe(true);
    }
  });
});

describe('a custom function\'s table', () => {
  const names = Array.from({ length: 40 }, (_, i) => [i === 0 ? 'X'.repeat(500) : `K${i}`]);
  const amounts = names.map((_, i) => [100 - i]);
  const dates = names.map(() => ['2024-03-01']);

  it('stops at the host\'s rows with a line saying how many more, and cuts long texts', () => {
    const table = segmentTable(names, amounts, dates, null, {}, { rows: 10, cells: Infinity, cellChars: 100 });
    expect(table).toHaveLength(10);
    expect(table[9][0]).toBe('… and 32 more customers, not shown: a sheet holds at most 10 rows. The CSV or JSON output of the command line (abcxyz segment … --out) lists them all.');
    expect(table[9].slice(1).every((v) => v === '')).toBe(true);
    expect(String(table[1][1])).toHaveLength(99);
    // by cells: as many whole rows as fit (the header, four customers, the line)
    const byCells = segmentTable(names, amounts, dates, null, {}, { rows: Infinity, cells: table[0].length * 6, cellChars: Infinity });
    expect(byCells).toHaveLength(6);
    expect(String(byCells[5][0])).toMatch(/36 more customers, not shown: a custom function returns at most [\d,]+ cells here/);
    // and whole when it fits
    expect(segmentTable(names, amounts, dates, null, {}, { rows: 41, cells: Infinity, cellChars: Infinity })).toHaveLength(41);
  });
});
