// The Excel writer and the "Segment customers" run against the fake Excel context: sheets, values,
// formats, rules, tables, markers, replacement of earlier output, and the number of syncs.
import { describe, expect, it } from 'vitest';
import { MARKER, buildLayout, segment, type RawCell } from '../../core';
import { writeLayout } from '../../excel-addin/write-layout';
import { segmentWorkbook } from '../../excel-addin/run-segment';
import { readSource } from '../../excel-addin/read-source';
import { cellsOf, fakeWorkbook, FakeContext, LIMIT_BYTES } from './fake-excel';
import { BGNBD_OPTIONS, bgnbdLedger, expectBgnbdColumns } from '../fixtures/bgnbd-ledger';

type Cell = string | number | boolean;
const ctxOf = (c: FakeContext) => c as unknown as Excel.RequestContext;

/** House example of the spec with serial dates (as Excel hands them over). */
function houseGrid(): Cell[][] {
  const serial = (k: number) => 45306 + Math.round((k - 1) * 30.4); // ~15th of each month of 2024
  const rows: Cell[][] = [['Customer', 'Date', 'Amount']];
  for (let k = 1; k <= 12; k++) rows.push(['C1', serial(k), 100]);
  for (let k = 1; k <= 12; k++) rows.push(['C2', serial(k), [50, 60, 40][(k - 1) % 3]]);
  for (const k of [4, 7, 10]) rows.push(['C3', serial(k), 90]);
  rows.push(['=HYPERLINK("x")', serial(2), 120]);
  for (let k = 1; k <= 8; k++) rows.push(['C5', serial(k), 20]);
  rows.push(['C6', serial(1), 30], ['C6', serial(2), -50], ['', serial(3), 10]);
  return rows;
}

function generated(n: number, seed = 7): Cell[][] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: Cell[][] = [['Customer', 'Date', 'Amount', 'Profit']];
  for (let i = 0; i < n; i++) {
    const amount = Math.round(rnd() * 100000) / 100;
    rows.push([`Customer ${String(Math.floor(rnd() * rnd() * 800)).padStart(4, '0')}`, 44927 + Math.floor(rnd() * 730), amount, Math.round(amount * 30) / 100]);
  }
  return rows;
}

describe('writeLayout', () => {
  it('writes the report, win-back, losses and skipped sheets with values, formats, table, rules, freeze and marker', async () => {
    const grid = houseGrid();
    const result = segment(grid as RawCell[][], { xyzMethod: 'cv', minPeriods: 1 });
    const layout = buildLayout(result);
    const { state, context } = fakeWorkbook(grid);
    const report = await writeLayout(ctxOf(context), layout);

    // a year of data: the Losses sheet, but no Migration (the previous year holds no line)
    expect(report.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses', 'Skipped rows']);
    expect(context.syncCount).toBe(3); // probe + the new sheets' ids + one write request
    const sheet = state.sheet('ABC-XYZ')!;
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const rect = { row: customers.row, col: customers.col, rows: customers.values.length, cols: customers.values[0].length };
    const written = cellsOf(sheet, rect);
    // every layout value lands where the layout says, nulls as empty cells
    expect(written).toEqual(customers.values.map((r) => r.map((v) => (v === null ? '' : v))));
    // the formula-looking customer name is stored as text: the writer sent it with the quote prefix
    const sent = context.calls.some((c) => c.op === 'values');
    expect(sent).toBe(true);
    expect(written.flat()).toContain('=HYPERLINK("x")');
    const customerCol = customers.col + 1;
    expect(sheet.formatAt(customers.row + 1, customerCol)).toBe('@');
    const dateCol = customers.formats.indexOf('date');
    expect(sheet.formatAt(customers.row + 1, customers.col + dateCol)).toBe('yyyy-mm-dd');
    expect(sheet.formatAt(customers.row, customers.col + dateCol)).toBe('General'); // header row untouched

    const table = state.tables.find((t) => t.name === 'ABCXYZ_Customers')!;
    expect(table.sheet).toBe(sheet);
    expect(table.rect).toEqual(rect);
    // nine segment colours on the segment column, each "cell value equals text"
    const segCol = customers.values[0].indexOf('Segment');
    const segRules = state.cfs.filter((c) => c.sheet === 'ABC-XYZ' && c.rect.col === customers.col + segCol && c.rect.row === customers.row + 1);
    expect(segRules.map((r) => r.cf.cellValue.rule?.formula1)).toEqual(['="AX"', '="AY"', '="AZ"', '="BX"', '="BY"', '="BZ"', '="CX"', '="CY"', '="CZ"']);
    expect(segRules.every((r) => r.type === 'CellValue' && r.cf.cellValue.rule?.operator === 'EqualTo')).toBe(true);
    expect(segRules[0].cf.cellValue.format.fill.color).toBe('#1A9641');
    expect(state.cfs.length).toBe(layout.sheets.reduce((n, s) => n + s.rules.length, 0));
    expect(sheet.freeze).toEqual(layout.sheets[0].freeze);
    expect(sheet.columnWidths.size).toBe(layout.sheets[0].columnWidths.length);
    // marker: a hidden workbook name per product sheet, its comment the marker value with the sheet's id
    expect(state.names.map((n) => [n.name, n.sheet.name, n.visible, n.comment])).toEqual([
      ['ABCXYZ_REPORT', 'ABC-XYZ', false, `${MARKER.value}#${state.sheet('ABC-XYZ')!.id}`],
      ['ABCXYZ_WINBACK', 'Win-back', false, `${MARKER.value}#${state.sheet('Win-back')!.id}`],
      ['ABCXYZ_LOSSES', 'Losses', false, `${MARKER.value}#${state.sheet('Losses')!.id}`],
      ['ABCXYZ_SKIPPED', 'Skipped rows', false, `${MARKER.value}#${state.sheet('Skipped rows')!.id}`],
    ]);
    expect(state.active?.name).toBe('ABC-XYZ');
    // skipped rows name their sheet row (the blank customer is on row 40 of the sheet)
    const skipped = state.sheet('Skipped rows')!;
    expect(skipped.get(1, 0)).toBe(40);
  });

  it('re-running replaces its own sheets and never touches a user sheet of the same name', async () => {
    const grid = houseGrid();
    const { state, context } = fakeWorkbook(grid);
    const mine = state.addSheet('Win-back', [['my notes', 42]]);
    const layout = buildLayout(segment(grid as RawCell[][], {}));
    const first = await writeLayout(ctxOf(context), layout);
    expect(first.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back (2)', 'Losses', 'Skipped rows']);

    // the analyst renames the report: the marker follows it and the next run replaces it
    state.sheet('ABC-XYZ')!.name = 'Q3 report';
    const second = await writeLayout(ctxOf(context), layout);
    expect(second.replaced.sort()).toEqual(['Losses', 'Q3 report', 'Skipped rows', 'Win-back (2)'].sort());
    expect(second.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back (2)', 'Losses', 'Skipped rows']);
    expect(state.live().map((s) => s.name).sort()).toEqual(['ABC-XYZ', 'Losses', 'Sales', 'Skipped rows', 'Win-back', 'Win-back (2)'].sort());
    expect(cellsOf(mine, { row: 0, col: 0, rows: 1, cols: 2 })).toEqual([['my notes', 42]]);
    expect(state.names).toHaveLength(4);
    const tables = layout.sheets.flatMap((s) => s.blocks.filter((b) => b.table && b.values.length > 1).map((b) => b.table!));
    expect(state.tables.filter((t) => t.name.startsWith('ABCXYZ_')).map((t) => t.name).sort()).toEqual(tables.sort());

    // a run without skipped rows removes the stale Skipped rows sheet of the earlier run
    const clean = buildLayout(segment(grid.filter((r) => r[0] !== '') as RawCell[][], {}));
    await writeLayout(ctxOf(context), clean);
    expect(state.sheet('Skipped rows')).toBeUndefined();
    expect(state.sheet('Win-back')).toBe(mine);
  });

  it('writes the Losses and Migration sheets through the same generic writer: values, tables, rules, markers', async () => {
    const grid = generated(3000);
    const layout = buildLayout(segment(grid as RawCell[][], {}));
    const { state, context } = fakeWorkbook(grid);
    const report = await writeLayout(ctxOf(context), layout);
    expect(report.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses', 'Migration']);
    expect(context.syncCount).toBe(3); // probe + the new sheets' ids + one write request
    for (const role of ['losses', 'migration'] as const) {
      const spec = layout.sheets.find((s) => s.role === role)!;
      const sheet = state.sheet(spec.name)!;
      for (const b of spec.blocks) {
        const rect = { row: b.row, col: b.col, rows: b.values.length, cols: b.values[0].length };
        expect(cellsOf(sheet, rect), `${spec.name} ${b.id}`).toEqual(b.values.map((r) => r.map((v) => (v === null ? '' : v))));
      }
      const table = spec.blocks.find((b) => b.table)!;
      expect(state.tables.find((t) => t.name === table.table)?.sheet).toBe(sheet);
      expect(state.cfs.filter((c) => c.sheet === spec.name).length).toBe(spec.rules.length);
      expect(sheet.freeze).toEqual(spec.freeze);
      expect(state.names.find((n) => n.sheet === sheet)?.name).toBe(`ABCXYZ_${role.toUpperCase()}`);
    }
  });

  it('the Losses and Migration sheets take the same operations for ten times the rows', async () => {
    const opsFor = async (rows: number) => {
      const grid = generated(rows);
      const { context } = fakeWorkbook(grid);
      const report = await writeLayout(ctxOf(context), buildLayout(segment(grid as RawCell[][], {})));
      // everything but the values themselves, which are chunked by bytes, not by rows
      const ops = context.calls.filter((c) => /^sheet\[(Losses|Migration)\]/.test(c.target) && c.op !== 'values').map((c) => `${c.target.replace(/!.*/, '')} ${c.op}`);
      return { ops, syncs: report.syncs };
    };
    const small = await opsFor(3000);
    const large = await opsFor(30000);
    expect(small.ops.length).toBeGreaterThan(20);
    expect(large.ops).toEqual(small.ops);
    expect(large.syncs).toBe(small.syncs);
  });

  it('keeps a table name of the user and picks a free one', async () => {
    const grid = houseGrid();
    const { state, context, data } = fakeWorkbook(grid);
    state.tables.push({ name: 'ABCXYZ_Customers', sheet: data, rect: { row: 0, col: 0, rows: 3, cols: 3 }, hasHeaders: true });
    const report = await writeLayout(ctxOf(context), buildLayout(segment(grid as RawCell[][], {})));
    expect(report.sheets[0].table).toBe('ABCXYZ_Customers2');
  });

  it('shifts date serials for a 1904 workbook', async () => {
    const grid = houseGrid();
    const layout = buildLayout(segment(grid as RawCell[][], {}));
    const { state, context } = fakeWorkbook(grid, { date1904: true });
    await writeLayout(ctxOf(context), layout, { date1904: true });
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const j = customers.formats.indexOf('date');
    const expected = customers.values[1][j] as number;
    expect(state.sheet('ABC-XYZ')!.get(customers.row + 1, customers.col + j)).toBe(expected - 1462);
  });

  it('splits large writes into requests under the limit, one sync per chunk', async () => {
    const grid = generated(30000);
    const layout = buildLayout(segment(grid as RawCell[][], {}));
    const { state, context } = fakeWorkbook(grid);
    const budget = 64 * 1024;
    const report = await writeLayout(ctxOf(context), layout, { requestBudget: budget });
    const valueBytes = layout.sheets.flatMap((s) => s.blocks).reduce((n, b) => n + JSON.stringify(b.values).length, 0);
    expect(Math.max(...context.requestSizes)).toBeLessThanOrEqual(budget * 1.1);
    // one sync per budget-full of values (+ probe + last request), never one per row
    expect(report.syncs).toBeLessThanOrEqual(Math.ceil(valueBytes / (budget * 0.7)) + 2);
    expect(report.syncs).toBeGreaterThan(2);
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const rect = { row: customers.row, col: customers.col, rows: customers.values.length, cols: customers.values[0].length };
    expect(cellsOf(state.sheet('ABC-XYZ')!, rect)).toEqual(customers.values.map((r) => r.map((v) => (v === null ? '' : v))));
  });
});

describe('BG/NBD through the Excel writer', () => {
  it('Segment customers with churn-model = bgnbd: P(alive) and expected purchases cells with their formats, the status, the win-back columns', async () => {
    const grid = bgnbdLedger('serial') as Cell[][];
    const { state, context } = fakeWorkbook(grid);
    const out = await segmentWorkbook(ctxOf(context), { ...BGNBD_OPTIONS });
    const layout = buildLayout(out.result);
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const rect = { row: customers.row, col: customers.col, rows: customers.values.length, cols: customers.values[0].length };
    const sheet = state.sheet('ABC-XYZ')!;
    const written = cellsOf(sheet, rect);
    expectBgnbdColumns(written, out.result);
    const h = written[0] as string[];
    expect(sheet.formatAt(customers.row + 1, customers.col + h.indexOf('P(alive)'))).toBe('0.0%');
    expect(sheet.formatAt(customers.row + 1, customers.col + h.indexOf('Expected purchases'))).toBe('0.00');
    const winBack = layout.sheets[1].blocks[0];
    const back = cellsOf(state.sheet('Win-back')!, { row: winBack.row, col: winBack.col, rows: winBack.values.length, cols: winBack.values[0].length });
    const p = (back[0] as string[]).indexOf('P(alive)');
    expect(back.slice(1).map((r) => r[p])).toEqual(out.result.winBack.map((w) => w.pAlive));
    // the same numbers as the core on the same grid
    expect(out.result.customers.map((c) => c.pAlive)).toEqual(segment(grid as RawCell[][], { ...BGNBD_OPTIONS }).customers.map((c) => c.pAlive));
  });
});

describe('segmentWorkbook (Segment customers)', () => {
  it('reads the selection trimmed to the used range, with 1 read request + values + 2 write requests', async () => {
    const grid = generated(5000);
    // a whole-column selection A:D
    const { state, context } = fakeWorkbook(grid, { rect: { row: 0, col: 0, rows: 1048576, cols: 4 } });
    const out = await segmentWorkbook(ctxOf(context), {});
    expect(out.result.totals.rowsRead).toBe(5000);
    expect(out.source.address).toBe('Sales!A1:D5001');
    // read (with the writer's probe), values, the new sheets' ids, the rest of the write
    expect(context.syncCount).toBe(4);
    expect(Math.max(...context.requestSizes, ...context.responseSizes)).toBeLessThan(LIMIT_BYTES);
    expect(state.sheet('ABC-XYZ')).toBeDefined();
    // same classes as the core on the same grid
    const direct = segment(grid as RawCell[][], {});
    expect(out.result.customers.map((c) => c.segment)).toEqual(direct.customers.map((c) => c.segment));
  });

  it('takes the region around a single selected cell and reads dates of a 1904 workbook', async () => {
    const grid: Cell[][] = [['', '', '', ''], ['', 'Client', 'Invoiced on', 'Sales'], ['', 'A', 44000, 10], ['', 'B', 44031, 20], ['', 'A', 44062, 30]];
    const { state, context, data } = fakeWorkbook(grid, { rect: { row: 3, col: 2, rows: 1, cols: 1 }, date1904: true });
    data.formatRuns.push({ rect: { row: 2, col: 2, rows: 3, cols: 1 }, format: 'dd/mm/yyyy' });
    const out = await segmentWorkbook(ctxOf(context), {});
    expect(out.source.rect).toEqual({ row: 1, col: 1, rows: 4, cols: 3 });
    expect(out.source.date1904).toBe(true);
    // "Invoiced on" is no known date header: its date number format makes it the date column
    expect(out.result.mapping.find((m) => m.role === 'date')?.header).toBe('Invoiced on');
    // 44062 in the 1904 system is serial 45524 of the 1900 system: 2024-08-20
    expect(out.result.asOf).toBe(Date.UTC(2024, 7, 20) / 86400000);
    expect(state.sheet('ABC-XYZ')).toBeDefined();
  });

  it('reads long texts in several chunks, retrying with fewer rows when a response would pass 5 MB', async () => {
    const long = 'x'.repeat(700);
    const grid: Cell[][] = [['Customer', 'Date', 'Amount', 'Note']];
    for (let i = 0; i < 8000; i++) grid.push([`K${i % 50}`, 45000 + (i % 300), 10 + (i % 7), `${long}${i}`]);
    const { context } = fakeWorkbook(grid);
    const source = await readSource(ctxOf(context), {});
    expect(source.grid).toEqual(grid);
    // Excel refused the first, optimistic chunk once; every later response fits
    expect(context.responseSizes.filter((b) => b > LIMIT_BYTES)).toHaveLength(1);
    expect(context.responseSizes[context.responseSizes.length - 1]).toBeLessThanOrEqual(LIMIT_BYTES);
    // probe + one refused chunk + chunks of at most half the rows: still a handful, not one per row
    expect(source.syncs).toBeGreaterThanOrEqual(3);
    expect(source.syncs).toBeLessThanOrEqual(5);
  });

  it('says so in a sentence when the selection is empty', async () => {
    const { context } = fakeWorkbook([['x']], { rect: { row: 5, col: 5, rows: 1, cols: 1 } });
    await expect(segmentWorkbook(ctxOf(context), {})).rejects.toThrow(/range is empty/);
  });
});
