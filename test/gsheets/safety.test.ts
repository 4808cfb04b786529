// What the Sheets writer must never do, against the fakes' limits: lose the earlier report when a
// run fails or is stopped half-way, leave a sheet behind for good (and "Win-back (2)" beside it),
// or meet one of Google's limits with an error half-way — 10 million cells per spreadsheet
// (counting what is there), 50,000 characters a cell, 6 minutes a run. Each limit has a naive
// writer here that ignores it and fails against the fake, so the fake is known to hold it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHEETS_LIMITS, buildLayout, segment, segmentTable, type RawCell, type ReportLimits } from '../../core';
import { FUNCTION_MAX_CELLS, FUNCTION_MAX_OUTPUT_CELLS, segmentFunction } from '../../gsheets/custom-functions';
import { getSelectionInfo, runSegmentation } from '../../gsheets/run-segment';
import { writeLayout } from '../../gsheets/write-layout';
import { createFakeGas, TIME_LIMIT_MESSAGE, type FakeGas, type FakeSheet } from './fake-gas';

let gas: FakeGas;

beforeEach(() => {
  gas = createFakeGas({ timeZone: 'Etc/UTC' });
  for (const [k, v] of Object.entries(gas.globals)) vi.stubGlobal(k, v);
  // the product reads the time as Apps Script gives it: the fake's clock (real time + the calls' model)
  vi.spyOn(Date, 'now').mockImplementation(() => gas.clock.now());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const NO_LIMITS: ReportLimits = { rows: Infinity, cols: Infinity, cellChars: Infinity, cells: Infinity, writeCells: Infinity, sheetNameChars: Infinity, sheetNameForbidden: '' };

/** `n` customers (every fourth lost: the win-back list is not empty) and two bad rows (Skipped rows). */
function ledger(n: number, name = (i: number) => `Customer ${i}`): RawCell[][] {
  const rows: RawCell[][] = [['Customer', 'Date', 'Amount']];
  for (let i = 0; i < n; i++) {
    const months = i % 4 === 0 ? 2 : 12;
    for (let m = 0; m < months; m++) rows.push([name(i), `2024-${String(m + 1).padStart(2, '0')}-10`, 50 + ((i * 31) % 500)]);
  }
  rows.push(['', '2024-01-10', 5], ['Broken', 'soon', 5]);
  return rows;
}

function salesSheet(grid: RawCell[][]): FakeSheet {
  const sheet = gas.spreadsheet._addSheet('Sales', grid);
  gas.spreadsheet._select(sheet, 1, 1, grid.length, grid[0].length);
  return sheet;
}

/** One "Segment customers" click: a new execution on the clock (the recorder keeps this run's calls). */
function run() {
  gas.begin();
  gas.recorder.reset();
  const info = getSelectionInfo();
  // the writer's safety is shown on the report's first sheets; the Losses and Migration sheets (SPEC
  // §7, §8) go through the same code (writer.test.ts), so they are left out here to keep the counts
  return runSegmentation({ address: info.address, options: {}, extra: 'dynamics-periods=0; compare-periods=0', columns: {} });
}

// read from the fakes' fields, not through their recorded calls (which a stopped execution refuses)
const names = () => gas.spreadsheet.sheets.map((s) => s._name);
/** Every sheet's content by name, to compare before and after. */
const state = () => new Map(gas.spreadsheet.sheets.map((s) => [s._name, JSON.stringify([s.values, [...s.formats], s.metadata, s.maxRows, s.maxCols])]));
/** The sheets of `before`, as they are now. */
const sameAs = (before: Map<string, string>) => new Map([...state()].filter(([name]) => before.has(name)));

/** The read of the selected range takes `ms` (once: the sidebar's header read is quick). */
function slowRead(ms: number): void {
  let done = false;
  gas.recorder.failWhen = (call) => {
    if (call.method === 'getValues' && !done && gas.recorder.calls.some((c) => c.method === 'tryLock')) { done = true; gas.clock.advance(ms); }
    return null;
  };
}

describe('re-runs: the new report first, the earlier one removed after it, the proper names kept', () => {
  it('deletes the earlier sheets only after every write of the new ones was sent, then renames them', () => {
    salesSheet(ledger(300));
    gas.spreadsheet._addSheet('Win-back', [['my notes']]);
    run();
    expect(names()).toEqual(['Sales', 'ABC-XYZ', 'Win-back (2)', 'Skipped rows', 'Win-back']);
    gas.recorder.reset();
    const again = run();
    const m = gas.recorder.methods();
    const firstDelete = m.indexOf('Spreadsheet.deleteSheet');
    expect(firstDelete).toBeGreaterThan(m.lastIndexOf('Range.setValues'));
    expect(firstDelete).toBeGreaterThan(m.lastIndexOf('Sheet.setConditionalFormatRules'));
    expect(m.slice(0, firstDelete).lastIndexOf('SpreadsheetApp.flush')).toBeGreaterThan(m.lastIndexOf('Range.setValues'));
    // under names free while the earlier ones were there, then the proper ones
    expect(m.filter((x) => x === 'Sheet.setName')).toHaveLength(3);
    expect(again.reportSheet).toBe('ABC-XYZ');
    expect(again.winBackSheet).toBe('Win-back (2)');
    expect(names()).toEqual(['Sales', 'ABC-XYZ', 'Win-back (2)', 'Skipped rows', 'Win-back']);
    expect(gas.spreadsheet._find('Win-back')!._cell(1, 1)).toBe('my notes');
    // all under the lock
    expect(m.indexOf('Lock.tryLock')).toBeLessThan(m.indexOf('Spreadsheet.insertSheet'));
    expect(m.lastIndexOf('Lock.releaseLock')).toBe(m.length - 1);
  });

  it('sizes each sheet to the cells it needs: the spreadsheet\'s 10 million are not spent on empty rows', () => {
    salesSheet(ledger(300));
    run();
    const report = gas.spreadsheet._find('ABC-XYZ')!;
    expect(report.maxRows).toBe(report.getLastRow());
    expect(report.maxCols).toBe(report.getLastColumn());
    const winBack = gas.spreadsheet._find('Win-back')!;
    // ten columns, and issue 16's P(alive) and expected purchases
    expect([winBack.maxRows, winBack.maxCols]).toEqual([winBack.getLastRow(), 12]);
  });
});

describe('a run that fails half-way', () => {
  for (const [what, method, nth] of [
    ['the values of its second sheet', 'setValues', 2],
    ['the colour rules of its first sheet', 'setConditionalFormatRules', 1],
    ['the send of its writes before the swap', 'flush', 1],
  ] as const) {
    it(`keeps the earlier report and leaves no sheet of its own when ${what} fail; the next run uses the proper names`, () => {
      salesSheet(ledger(300));
      run();
      const before = state();
      let n = 0;
      gas.recorder.failWhen = (call) => (call.method === method && ++n === nth ? 'Service error: Spreadsheets' : null);
      expect(() => run()).toThrow('Service error: Spreadsheets');
      expect(state()).toEqual(before);
      expect(gas.lock.held).toBe(false);
      gas.recorder.failWhen = null;
      const next = run();
      expect([next.reportSheet, next.winBackSheet, next.skippedSheet]).toEqual(['ABC-XYZ', 'Win-back', 'Skipped rows']);
      expect(names()).toEqual(['Sales', 'ABC-XYZ', 'Win-back', 'Skipped rows']);
    });
  }

  it('stopped by Apps Script (no code of ours runs after it), it leaves marked sheets that the next run replaces', () => {
    salesSheet(ledger(300));
    run();
    const before = state();
    let n = 0;
    gas.recorder.failWhen = (call) => {
      if (call.method !== 'setValues' || ++n !== 2) return null;
      gas.clock.killed = true;
      return TIME_LIMIT_MESSAGE;
    };
    expect(() => run()).toThrow(TIME_LIMIT_MESSAGE);
    // the earlier report is all there; beside it what the stopped run had made
    expect(sameAs(before)).toEqual(before);
    expect(names().filter((n) => !before.has(n))).toEqual(['ABC-XYZ (new)', 'Win-back (new)', 'Skipped rows (new)']);
    gas.recorder.failWhen = null;
    const next = run();
    expect([next.reportSheet, next.winBackSheet, next.skippedSheet]).toEqual(['ABC-XYZ', 'Win-back', 'Skipped rows']);
    expect(names()).toEqual(['Sales', 'ABC-XYZ', 'Win-back', 'Skipped rows']);
  });
});

describe('Google\'s limits, held by the fakes and by the writer', () => {
  /** A spreadsheet whose other sheets hold all but `room` of the 10 million cells. */
  function nearlyFull(room: number): void {
    const others = gas.spreadsheet._cells();
    const filler = gas.spreadsheet._addSheet('Archive');
    filler.maxCols = 10;
    filler.maxRows = Math.ceil((10_000_000 - others - room) / 10);
  }

  it('10 million cells, counting what is there: a naive writer fails half-way; the report is shortened and says so', () => {
    const grid = ledger(3000);
    salesSheet(grid);
    nearlyFull(60_000);
    const result = segment(grid, { firstRow: 1 });
    const before = names();
    expect(() => writeLayout(gas.spreadsheet as never, buildLayout(result, SHEETS_LIMITS))).toThrow(/above the limit of 10000000 cells/);
    // the naive writer's undo took its sheets away again
    expect(names()).toEqual(before);
    const summary = run();
    expect(gas.spreadsheet._cells()).toBeLessThanOrEqual(10_000_000);
    expect(summary.warnings[0]).toMatch(/^Sheet "Win-back" shows [\d,]+ of [\d,]+ rows: the spreadsheet has room for only [\d,]+ more cells\.$|^Sheet "ABC-XYZ" shows/);
    const report = gas.spreadsheet._find('ABC-XYZ')!;
    const last = report.getLastRow();
    expect(String(report._cell(last, 1))).toMatch(/more customers, not shown: the spreadsheet has room for only/);
  });

  it('refuses with a sentence, before writing anything, when not even the summary has room', () => {
    salesSheet(ledger(300));
    run();
    const before = state();
    nearlyFull(20_000);
    expect(() => run()).toThrow(/^The report needs at least [\d,]+ cells, but the spreadsheet has room for only [\d,]+ more\./);
    expect(sameAs(before)).toEqual(before);
    expect(gas.recorder.methods()).not.toContain('Spreadsheet.insertSheet');
  });

  it('50,000 characters a cell: a longer name fails the naive writer; the layout cuts it with an ellipsis', () => {
    const grid = ledger(20, (i) => (i === 5 ? 'N'.repeat(60_000) : `Customer ${i}`));
    salesSheet(grid);
    const result = segment(grid, { firstRow: 1 });
    expect(() => writeLayout(gas.spreadsheet as never, buildLayout(result, NO_LIMITS))).toThrow(/more than the maximum of 50000 characters in a single cell/);
    const summary = run();
    const cells = gas.spreadsheet._find('ABC-XYZ')!.values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('NNN'));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) { expect(c.length).toBe(49_999); expect(c.endsWith('…')).toBe(true); }
    expect(summary.warnings[0]).toBe('Texts longer than a cell holds are cut to 49999 characters, ending in "…".');
  });

  it('6 minutes a run: too little time left, the run refuses before writing; a naive writer is stopped half-way', () => {
    const grid = ledger(1200);
    salesSheet(grid);
    run();
    const before = state();
    // reading the range took all but 10 s of the run: less than the 30 s kept free
    slowRead(350_000);
    expect(() => run()).toThrow(/^Too little of the time a run may take is left to write the report/);
    expect(state()).toEqual(before);
    // the naive writer, with half a second left
    gas.recorder.failWhen = null;
    gas.begin();
    gas.clock.advance(359_500);
    const result = segment(grid, { firstRow: 1 });
    expect(() => writeLayout(gas.spreadsheet as never, buildLayout(result, SHEETS_LIMITS))).toThrow(TIME_LIMIT_MESSAGE);
  });

  it('6 minutes a run: with little time left, the report is shortened to what can be written, and says so', () => {
    const grid = ledger(3000);
    salesSheet(grid);
    // the read leaves 40 s: 30 s are kept free, 8 s for the calls, about 1 s for cells (0.04 ms each)
    slowRead(320_000);
    const summary = run();
    expect(summary.warnings.join(' ')).toMatch(/more could not be written in the time the host gives a run/);
    expect(gas.clock.killed).toBe(false);
    // the model's time of the whole run stays inside the limit, with the margin
    expect(gas.clock.elapsed()).toBeLessThan(360_000 - 20_000);
    const report = gas.spreadsheet._find('ABC-XYZ')!;
    expect(String(report._cell(report.getLastRow(), 1))).toMatch(/more customers, not shown: more could not be written in the time/);
  });

  it('the fakes\' helper takes a sheet of 200,000 rows (it spread the rows into Math.max, which overflowed the stack)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`C${i % 100}`, '2024-01-10', 1]);
    const sheet = gas.spreadsheet._addSheet('Big', rows);
    expect(sheet.maxRows).toBe(200_000);
    sheet.insertRowsAfter(10, 5);
    expect(sheet.values.length).toBe(200_005);
    expect(sheet.values[15]).toEqual(['C10', '2024-01-10', 1]);
  });
});

describe('30 seconds a custom function', () => {
  /** One purchase each of `n` customers, as Sheets passes three column ranges (an open range's empty rows at the end). */
  function columns(n: number) {
    const customers: RawCell[][] = [];
    const dates: RawCell[][] = [];
    const amounts: RawCell[][] = [];
    for (let i = 0; i < n; i++) { customers.push([`K${i}`]); dates.push(['2024-03-01']); amounts.push([1 + (i % 97)]); }
    for (let i = 0; i < 1000; i++) { customers.push(['']); dates.push(['']); amounts.push(['']); }
    return { customers, dates, amounts };
  }

  it('a function that returns a table of 180,000 customers is stopped; ours returns its first rows and a line', () => {
    const { customers, amounts, dates } = columns(180_000);
    // the naive one: the whole table (3.6 million cells for Sheets to write)
    expect(() => gas.customFunction(() => segmentTable(customers, amounts, dates))).toThrow(TIME_LIMIT_MESSAGE);
    const table = gas.customFunction(() => segmentFunction(customers, amounts, dates, undefined));
    const cells = table.reduce((n, r) => n + r.length, 0);
    expect(cells).toBeLessThanOrEqual(FUNCTION_MAX_OUTPUT_CELLS);
    expect(String(table[table.length - 1][0])).toMatch(/^… and [\d,]+ more customers, not shown: a custom function returns at most 500,000 cells here\./);
    expect(gas.clock.elapsed()).toBeLessThan(30_000);
  });

  it('arguments with more data than it can segment in time are refused with a sentence, at once', () => {
    const row = ['K'];
    // 666,670 rows of three columns: 2,000,010 cells, just past the bound
    const many = Array.from({ length: 666_670 }, () => row);
    const date = Array.from({ length: many.length }, () => ['2024-03-01']);
    const amount = Array.from({ length: many.length }, () => [5]);
    expect(FUNCTION_MAX_CELLS).toBe(2_000_000);
    expect(() => gas.customFunction(() => segmentFunction(many, amount, date, undefined))).toThrow(/^The arguments hold 2,000,010 cells of data, more than a custom function can segment in the 30 seconds it has \(2,000,000 at most\)\./);
    expect(gas.clock.elapsed()).toBeLessThan(5_000);
    // the empty rows of an open range do not count
    const { customers, amounts, dates } = columns(50);
    const padded = (r: RawCell[][]) => [...r, ...Array.from({ length: FUNCTION_MAX_CELLS }, () => [''])];
    expect(gas.customFunction(() => segmentFunction(padded(customers), padded(amounts), padded(dates), undefined))).toHaveLength(51);
  });
});
