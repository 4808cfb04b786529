// "Segment customers" against recording fakes of the Apps Script services: what lands in the
// sheets (values, formats, rules, filter, freeze, marker), re-runs, the lock, the remembered
// options, and a service-call count that does not depend on the number of rows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORMATS, buildLayout, segment, type LayoutSheet, type RawCell } from '../../core';
import { dayOfDateIn } from '../../gsheets/sheet-time-zone';
import { getSelectionInfo, runSegmentation, goToSheet } from '../../gsheets/run-segment';
import { SETTINGS_KEY } from '../../gsheets/settings-store';
import { firstRowOf } from '../../gsheets/read-selection';
import { DEFAULT_COLUMN_PX, WIDTH_TOLERANCE_CHARS, columnPx, mergedRules, widthRuns } from '../../gsheets/write-layout';
import fc from 'fast-check';
import { createFakeGas, formatDateFake, type FakeGas, type FakeSheet } from './fake-gas';
import { csvGrid, generatedCsv } from './helpers';
import { BGNBD_OPTIONS, expectBgnbdColumns } from '../fixtures/bgnbd-ledger';

const TZ = 'Europe/Athens';
let gas: FakeGas;

function install(timeZone = TZ): FakeGas {
  gas = createFakeGas({ timeZone });
  for (const [k, v] of Object.entries(gas.globals)) vi.stubGlobal(k, v);
  return gas;
}

beforeEach(() => { install(); });
afterEach(() => { vi.unstubAllGlobals(); });

/** A data sheet 'Sales' with the grid, selected from A1. */
function salesSheet(grid: RawCell[][]): FakeSheet {
  const sheet = gas.spreadsheet._addSheet('Sales', grid);
  gas.spreadsheet._select(sheet, 1, 1, grid.length, grid[0].length);
  return sheet;
}

function runAll(extra: Partial<Parameters<typeof runSegmentation>[0] & object> = {}) {
  const info = getSelectionInfo();
  return runSegmentation({ address: info.address, options: {}, extra: '', columns: {}, ...extra });
}

function smallGrid(): RawCell[][] {
  const grid = csvGrid(generatedCsv(600, { profit: false }), TZ) as RawCell[][];
  // rows a writer must treat with care: a formula-like name, a bad amount (→ Skipped rows)
  grid.push(['=HYPERLINK("http://x","click")', grid[1][1], 5000]);
  grid.push(['Acme', grid[1][1], 'n/a']);
  return grid;
}

/** The expected layout: the core run on the same cells with the same time-zone bucketing. */
function expectedLayout(grid: RawCell[][]) {
  return buildLayout(segment(grid, { firstRow: 1, dateObjectDay: dayOfDateIn(TZ, formatDateFake) }));
}

function assertSheetMatches(sheet: FakeSheet, spec: LayoutSheet) {
  for (const block of spec.blocks) {
    const guarded = new Set(block.guarded.map(([i, j]) => `${i},${j}`));
    block.values.forEach((row, i) => row.forEach((v, j) => {
      const r = block.row + i + 1;
      const c = block.col + j + 1;
      const isGuarded = guarded.has(`${i},${j}`);
      expect(sheet._cell(r, c), `${spec.name} ${block.id} (${i},${j})`).toEqual(isGuarded ? `'${v}` : v === null ? '' : v);
      const format = isGuarded ? 'General' : block.header && i === 0 ? FORMATS.text : FORMATS[block.formats[j]];
      expect(sheet._format(r, c), `${spec.name} ${block.id} format (${i},${j})`).toBe(format);
    }));
  }
}

describe('Segment customers writes the report layout', () => {
  it('writes every block value, format, rule, the filter, freeze, widths and the marker', () => {
    const grid = smallGrid();
    salesSheet(grid);
    const summary = runAll();
    const layout = expectedLayout(grid);
    const names = gas.spreadsheet.sheets.map((s) => s.getName());
    expect(names).toEqual(['Sales', 'ABC-XYZ', 'Win-back', 'Losses', 'Migration', 'Skipped rows']);
    expect(summary.lossesSheet).toBe('Losses');
    expect(summary.migrationSheet).toBe('Migration');
    expect(summary.reportSheet).toBe('ABC-XYZ');
    expect(summary.skippedSheet).toBe('Skipped rows');
    expect(gas.spreadsheet.active?.getName()).toBe('ABC-XYZ');

    layout.sheets.forEach((spec, k) => {
      const sheet = gas.spreadsheet.sheets[k + 1];
      assertSheetMatches(sheet, spec);
      expect(sheet.frozenRows).toBe(spec.freeze.rows);
      expect(sheet.frozenCols).toBe(spec.freeze.cols);
      // rules that differ only in range are merged; every (text, colours, range) of the layout is there
      const written = sheet.rules.flatMap((r) => r.ranges.map((g) => `${r.text} ${r.background} ${r.font} ${[g._row - 1, g._col - 1, g._rows, g._cols]}`));
      expect(written.sort()).toEqual(spec.rules.map((r) => `${r.text} ${r.fill} ${r.font} ${[r.range.row, r.range.col, r.range.rows, r.range.cols]}`).sort());
      const table = spec.blocks.find((b) => b.table);
      if (table) expect([sheet.filter?._row, sheet.filter?._col, sheet.filter?._rows, sheet.filter?._cols]).toEqual([table.row + 1, table.col + 1, table.values.length, table.values[0].length]);
      // at least as wide as asked; wider only up to the default width or the run tolerance
      spec.columnWidths.forEach((w, j) => {
        expect(sheet._width(j + 1), `${spec.name} column ${j + 1}`).toBeGreaterThanOrEqual(columnPx(w));
        expect(sheet._width(j + 1), `${spec.name} column ${j + 1}`).toBeLessThanOrEqual(Math.max(DEFAULT_COLUMN_PX, columnPx(w + WIDTH_TOLERANCE_CHARS)));
      });
      expect(sheet.metadata).toEqual([{ key: layout.marker.key, value: `${layout.marker.value}#${sheet.getSheetId()}` }]);
    });

    const report = gas.spreadsheet.sheets[1];
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const header = customers.values[0];
    // header row bold, dates written as serial numbers with a date format
    expect(report._weight(customers.row + 1, 1)).toBe('bold');
    const last = header.indexOf('Last purchase');
    expect(typeof report._cell(customers.row + 2, last + 1)).toBe('number');
    expect(report._format(customers.row + 2, last + 1)).toBe('yyyy-mm-dd');
    // the formula-like customer is stored as text, never as a formula
    const nameCol = header.indexOf('Customer') + 1;
    const written = Array.from({ length: customers.values.length }, (_, i) => report._cell(customers.row + 1 + i, nameCol));
    expect(written).toContain(`'=HYPERLINK("http://x","click")`);
    expect(written).not.toContain('=HYPERLINK("http://x","click")');
  });

  it('BG/NBD: with churn-model = bgnbd from the sidebar the P(alive) and expected purchases columns, their formats, the status and the win-back columns', () => {
    const grid = csvGrid(generatedCsv(1000, { profit: false }), TZ) as RawCell[][];
    salesSheet(grid);
    runAll({ options: { 'churn-model': 'bgnbd', 'lost-below': '30', 'risk-below': '60', 'as-of': '2024-12-31' } });
    const result = segment(grid, { firstRow: 1, dateObjectDay: dayOfDateIn(TZ, formatDateFake), ...BGNBD_OPTIONS });
    const layout = buildLayout(result);
    layout.sheets.forEach((spec, k) => assertSheetMatches(gas.spreadsheet.sheets[k + 1], spec));
    const report = gas.spreadsheet.sheets[1];
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    const table = customers.values.map((row, i) => row.map((_, j) => report._cell(customers.row + 1 + i, customers.col + 1 + j)));
    expectBgnbdColumns(table, result);
    const h = table[0] as string[];
    expect(report._format(customers.row + 2, h.indexOf('P(alive)') + 1)).toBe('0.0%');
    expect(report._format(customers.row + 2, h.indexOf('Expected purchases') + 1)).toBe('0.00');
    const winBack = gas.spreadsheet.sheets[2];
    const p = Array.from({ length: 14 }, (_, j) => winBack._cell(1, j + 1)).indexOf('P(alive)');
    expect(p).toBeGreaterThan(-1);
    result.winBack.forEach((w, i) => expect(winBack._cell(i + 2, p + 1)).toBe(w.pAlive));
  });

  it('buckets Date cells in the spreadsheet time zone, not the script zone', () => {
    install('Pacific/Auckland');
    const grid = csvGrid(generatedCsv(300, { profit: false }), 'Pacific/Auckland') as RawCell[][];
    salesSheet(grid);
    const summary = runAll();
    const iso = csvGrid(generatedCsv(300, { profit: false }), 'Etc/UTC').map((r, i) => (i === 0 ? r : [r[0], (r[1] as Date).toISOString().slice(0, 10), r[2]]));
    const truth = segment(iso as RawCell[][], {});
    expect(summary.asOf).toBe(truth.asOf === null ? null : new Date(truth.asOf * 86400000).toISOString().slice(0, 10));
  });

  it('re-runs replace only product sheets; the analyst\'s sheets and copies stay', () => {
    const grid = smallGrid();
    salesSheet(grid);
    const mine = gas.spreadsheet._addSheet('Win-back', [['my notes']]);
    const first = runAll();
    expect(first.winBackSheet).toBe('Win-back (2)');
    expect(mine._cell(1, 1)).toBe('my notes');
    // the analyst copies the report: same developer metadata, another sheet id
    const report = gas.spreadsheet._find('ABC-XYZ')!;
    const copy = gas.spreadsheet._addSheet('Copy of ABC-XYZ', [['kept']]);
    copy.metadata.push({ ...report.metadata[0] });
    const before = gas.spreadsheet.sheets.length;
    const second = runAll();
    expect(second.winBackSheet).toBe('Win-back (2)');
    expect(gas.spreadsheet.sheets.length).toBe(before);
    expect(gas.spreadsheet._find('ABC-XYZ')!.getSheetId()).not.toBe(report.getSheetId());
    expect(gas.spreadsheet._find('Copy of ABC-XYZ')?._cell(1, 1)).toBe('kept');
    expect(gas.spreadsheet._find('Win-back')?._cell(1, 1)).toBe('my notes');
  });

  it('uses a free name when the analyst has a sheet called ABC-XYZ', () => {
    salesSheet(smallGrid());
    gas.spreadsheet._addSheet('abc-xyz', [['x']]);
    expect(runAll().reportSheet).toBe('ABC-XYZ (2)');
  });

  it('remembers the options per document and applies them', () => {
    salesSheet(smallGrid());
    const s = runAll({ options: { period: 'quarter', a: '70' }, extra: 'lost-days=90' });
    expect(JSON.parse(gas.properties.get(SETTINGS_KEY)!)).toMatchObject({ options: { period: 'quarter', a: '70' }, extra: 'lost-days=90' });
    const params = gas.spreadsheet._find('ABC-XYZ')!;
    const text = params.values.flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('quarter');
    expect(text).toContain('A ≤ 70 %');
    expect(s.customers).toBeGreaterThan(0);
    expect(getSelectionInfo().saved.options).toEqual({ period: 'quarter', a: '70' });
  });

  it('"not used" keeps a recognised column out of the run', () => {
    const grid = csvGrid(generatedCsv(300), TZ) as RawCell[][]; // with a profit column
    salesSheet(grid);
    const info = getSelectionInfo();
    expect(info.detected.profit).toBe(3);
    runSegmentation({ address: info.address, options: {}, extra: '', columns: { profit: null } });
    const header = gas.spreadsheet._find('ABC-XYZ')!.values.find((r) => r.includes('Customer'))!;
    expect(header).not.toContain('Profit');
  });

  it('holds the document lock and releases it, also on a failed run', () => {
    salesSheet([['customer', 'date', 'note'], ['a', 'b', 'c']]);
    expect(() => runAll()).toThrow(/amount/i);
    expect(gas.lock.acquired).toBe(1);
    expect(gas.lock.released).toBe(1);
    expect(gas.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Sales']);
  });

  it('a second run while one holds the lock gets a clear sentence and writes nothing', () => {
    salesSheet(smallGrid());
    gas.lock.busy = true;
    expect(() => runAll()).toThrow('Another segmentation is running in this spreadsheet. Try again when it has finished.');
    expect(gas.spreadsheet.sheets.length).toBe(1);
  });

  it('rejects requests the sidebar never sends', () => {
    salesSheet(smallGrid());
    const address = getSelectionInfo().address;
    expect(() => runSegmentation({ address: 'A1:B2; DROP', options: {}, extra: '', columns: {} })).toThrow(/unexpected request/);
    expect(() => runSegmentation({ address, options: { a: '80; metric=profit' }, extra: '', columns: {} })).toThrow(/must not contain/);
    expect(() => runSegmentation({ address, options: { evil: '1' }, extra: '', columns: {} })).toThrow(/unexpected request/);
    expect(() => runSegmentation({ address, options: {}, extra: '', columns: { customer: -1 } })).toThrow(/unexpected request/);
    expect(gas.spreadsheet.sheets.length).toBe(1);
  });

  it('goToSheet activates the named sheet', () => {
    salesSheet(smallGrid());
    runAll();
    goToSheet('Skipped rows');
    expect(gas.spreadsheet.active?.getName()).toBe('Skipped rows');
    expect(() => goToSheet('Nope')).toThrow(/no sheet named "Nope"/);
  });
});

describe('the selection', () => {
  it('a whole-column selection is trimmed to the data; one cell means its data region', () => {
    const grid = smallGrid();
    const sheet = gas.spreadsheet._addSheet('Sales', grid);
    gas.spreadsheet._select(sheet, 1, 1, 1000, 26);
    const info = getSelectionInfo();
    expect(info.address).toBe(`'Sales'!A1:C${grid.length}`);
    expect(info.rows).toBe(grid.length - 1);
    expect(info.detected).toMatchObject({ customer: 0, date: 1, amount: 2 });
    gas.spreadsheet._select(sheet, 5, 2, 1, 1);
    expect(getSelectionInfo().address).toBe(`'Sales'!A1:C${grid.length}`);
  });

  it('the first row comes from the address text, even when the sheet name looks like an address', () => {
    expect(firstRowOf("'Sales'!A1:C10")).toBe(1);
    expect(firstRowOf("'a!B2:C3'!AB17:AC90")).toBe(17);
  });
});

describe('service calls', () => {
  /** The calls of one run on a fresh spreadsheet, and of a second run that replaces its sheets. */
  function callsFor(rows: number) {
    install();
    const grid = csvGrid(generatedCsv(rows, { profit: false, customers: 1200 }), TZ) as RawCell[][];
    salesSheet(grid);
    const address = getSelectionInfo().address;
    const run = () => {
      gas.recorder.reset();
      runSegmentation({ address, options: {}, extra: '', columns: {} });
      return { byCategory: gas.recorder.byCategory(), methods: gas.recorder.methods(), roundTrips: gas.recorder.roundTrips() };
    };
    return { first: run(), rerun: run(), grid };
  }

  /**
   * What reading the zone of the Date cells may cost (gsheets/sheet-time-zone.ts): one
   * Utilities.formatDate per month boundary of the months the cells fall in, and up to 16 more (a
   * bisection to the minute) in each such month with an offset change — by months, never by cells.
   */
  function zoneCallBound(grid: RawCell[][]): number {
    const boundaries = new Set<number>();
    const months = new Set<number>();
    for (const row of grid.slice(1)) {
      const d = row[1] as Date;
      const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      months.add(start);
      boundaries.add(start).add(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    }
    const offset = (t: number) => formatDateFake(new Date(t), TZ, 'Z');
    const changing = [...months].filter((t) => { const d = new Date(t); return offset(t) !== offset(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); });
    expect(changing.length, 'months with a DST change in the data').toBeGreaterThan(0);
    return boundaries.size + 16 * changing.length;
  }

  it('do not grow with the number of rows', () => {
    const small = callsFor(1500);
    const large = callsFor(15000);
    // the Losses and Migration sheets are among those written, with the same calls at either size
    expect(gas.spreadsheet.sheets.map((s) => s.getName()).sort()).toEqual(['ABC-XYZ', 'Losses', 'Migration', 'Sales', 'Win-back']);
    const isZone = (m: string) => m === 'Utilities.formatDate';
    // a sheet is sized to its cells by one call either way: shrunk below the new sheet's 1000 rows, or
    // grown above them (the Migration sheet's movers of the 1,200 customers: 1,106 rows at 1,500 lines, 820 at 15,000)
    const sizing = (m: string) => m.replace(/\.(deleteRows|insertRowsAfter)$/, '.resizeRows').replace(/\.(deleteColumns|insertColumnsAfter)$/, '.resizeColumns');
    for (const k of ['first', 'rerun'] as const) {
      // the same calls in the same order, but for the zone look-ups, which depend on the days seen
      // near a DST change (more rows, more days there) and are bounded by months instead
      expect(large[k].methods.filter((m) => !isZone(m)).map(sizing), k).toEqual(small[k].methods.filter((m) => !isZone(m)).map(sizing));
      expect(large[k].roundTrips, k).toBe(small[k].roundTrips);
      for (const [size, calls] of [[small.grid, small[k]], [large.grid, large[k]]] as const) {
        const zone = calls.methods.filter(isZone).length;
        expect(zone, k).toBeGreaterThan(0);
        expect(zone, k).toBeLessThanOrEqual(zoneCallBound(size));
      }
    }
    // the calls that carry cell data: one read, and per sheet formats + values + weights (four
    // sheets: ABC-XYZ, Win-back, Losses, Migration)
    const data = small.first.methods.filter((m) => /\.(getValues|setValues|setNumberFormats|setFontWeights)$/.test(m));
    expect(data.length).toBeLessThanOrEqual(1 + 3 * 4);
    expect(small.first.methods.filter((m) => m.endsWith('.setConditionalFormatRules')).length).toBe(4);
    expect(small.first.methods.filter((m) => m.endsWith('.setValues')).length).toBe(4);
  });

  it('stay within the budget: few spreadsheet calls, reads before writes, two round trips', () => {
    const { first, rerun } = callsFor(1500);
    // four report sheets (ABC-XYZ, Win-back, Losses, Migration: the last two add 1 read and 13–14
    // writes each); see gsheets/README.md for which of these calls are irreducible. Reads: the selection, the zone, the marker finder, the sheets
    // (name and size of each: the spreadsheet's cells count against its 10 million), the new sheets'
    // ids, and the data sheet's filter (two: the sheet and its filter, whose hidden rows are said)
    expect(first.byCategory.read).toBeLessThanOrEqual(13);
    // writes: per sheet an insert and two resizes (exactly the cells it needs), the content, and the final send
    expect(first.byCategory.write).toBeLessThanOrEqual(58);
    expect(first.methods.filter((m) => m.endsWith('.setColumnWidths')).length).toBeLessThanOrEqual(12);
    // the new sheets' ids (for the marker) are read together: one send of the queue, then the final one
    expect(first.roundTrips).toBeLessThanOrEqual(2);
    // a re-run sends the new report once more before it deletes the earlier one
    expect(rerun.roundTrips).toBeLessThanOrEqual(3);
    // the rerun reads the four earlier sheets' marker, id and name and their size, deletes them, renames the new ones
    expect(rerun.byCategory.read + rerun.byCategory.write).toBeLessThanOrEqual(13 + 58 + 4 * 5 + 4 * 3 + 4 + 4 + 1);
  });

  it('send the queued writes before the lock is released', () => {
    const { first } = callsFor(1500);
    const flush = first.methods.indexOf('SpreadsheetApp.flush');
    expect(flush).toBeGreaterThan(first.methods.lastIndexOf('Sheet.activate'));
    expect(first.methods.indexOf('Lock.releaseLock')).toBeGreaterThan(flush);
  });
});

describe('column widths', () => {
  /** The widths a run list gives a new sheet whose columns start at the default width. */
  function applied(widths: number[]): number[] {
    const px = widths.map(() => DEFAULT_COLUMN_PX);
    for (const r of widthRuns(widths)) for (let j = r.start; j < r.start + r.count; j++) px[j] = r.px;
    return px;
  }

  it('never makes a column narrower than asked, nor wider than the default or the tolerance allow', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 40 }), (widths) => {
      const px = applied(widths);
      widths.forEach((w, j) => {
        expect(px[j]).toBeGreaterThanOrEqual(columnPx(w));
        expect(px[j]).toBeLessThanOrEqual(Math.max(DEFAULT_COLUMN_PX, columnPx(w + WIDTH_TOLERANCE_CHARS)));
      });
      const runs = widthRuns(widths);
      runs.forEach((r, k) => { if (k > 0) expect(r.start).toBeGreaterThanOrEqual(runs[k - 1].start + runs[k - 1].count); });
    }));
  });

  it('groups close widths and keeps long text columns wide', () => {
    expect(widthRuns([6, 34, 14, 14, 9, 22, 24, 48])).toEqual([
      { start: 1, count: 1, px: columnPx(34) },
      { start: 2, count: 2, px: columnPx(14) },
      { start: 5, count: 2, px: columnPx(24) },
      { start: 7, count: 1, px: columnPx(48) },
    ]);
  });

  it('takes at most four calls for each sheet of the layout', () => {
    const withProfit = csvGrid(generatedCsv(300), TZ) as RawCell[][];
    for (const grid of [smallGrid(), withProfit]) {
      for (const spec of expectedLayout(grid).sheets) expect(widthRuns(spec.columnWidths).length, spec.name).toBeLessThanOrEqual(4);
    }
  });
});

describe('conditional format rules', () => {
  const range = (row: number) => ({ row, col: 0, rows: 1, cols: 1 });

  it('merge rules that differ only in range, keeping every (text, colours, range)', () => {
    const rules = expectedLayout(smallGrid()).sheets[0].rules;
    const merged = mergedRules(rules);
    expect(merged.length).toBeLessThan(rules.length);
    expect(new Set(merged.map((r) => r.text)).size).toBe(merged.length);
    const flat = (list: { text: string; fill: string; font: string; range: object }[]) => list.map((r) => JSON.stringify([r.text, r.fill, r.font, r.range])).sort();
    expect(flat(merged.flatMap((r) => r.ranges.map((g) => ({ text: r.text, fill: r.fill, font: r.font, range: g }))))).toEqual(flat(rules));
  });

  it('leave a text alone when its rules have different colours (their order decides)', () => {
    const rules = [
      { text: 'A', fill: 'red', font: 'black', range: range(0) },
      { text: 'B', fill: 'blue', font: 'black', range: range(0) },
      { text: 'A', fill: 'green', font: 'black', range: range(1) },
      { text: 'B', fill: 'blue', font: 'black', range: range(1) },
      { text: 'A', fill: 'red', font: 'black', range: range(2) },
    ];
    expect(mergedRules(rules).map((r) => [r.text, r.fill, r.ranges.map((g) => g.row)])).toEqual([
      ['A', 'red', [0]], ['B', 'blue', [0, 1]], ['A', 'green', [1]], ['A', 'red', [2]],
    ]);
  });
});

describe('a filter over the selection (Sheets)', () => {
  it('is said once: the rows it hides were read like the others', () => {
    const grid = smallGrid();
    const sheet = salesSheet(grid);
    sheet.getRange(1, 1, grid.length, 3).createFilter();
    const summary = runAll();
    expect(summary.warnings[0]).toBe('A filter is set on sheet "Sales": any rows it hides were read like the others. A filter only hides rows: delete them from the sheet if they should not count.');
    expect(summary.rowsRead).toBe(grid.length - 1);
  });
  it('a sheet without a filter, or one elsewhere on the sheet, says nothing of it', () => {
    const grid = smallGrid();
    const sheet = salesSheet(grid.map((r) => [...r, '', '', 'x']));
    expect(runAll({ address: `'Sales'!A1:C${grid.length}` }).warnings.join(' ')).not.toMatch(/filter/);
    install();
    const other = salesSheet(grid.map((r) => [...r, '', '', 'x']));
    other.getRange(1, 6, 3, 1).createFilter();
    expect(runAll({ address: `'Sales'!A1:C${grid.length}` }).warnings.join(' ')).not.toMatch(/filter/);
    void sheet;
  });
});
