// What the Excel writer must never do, against the fake's limits: delete a sheet whose marker does
// not match, lose the earlier report when a run fails half-way, leave a sheet behind that the next
// run cannot replace, or meet one of Excel's limits (5 MB request in UTF-8 bytes, 32,767
// characters per cell, the grid's rows and columns, sheet names) with an error half-way. Each
// limit has a naive writer here that ignores it and fails against the fake, so the fake is known
// to hold it.
import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS, MARKER, buildLayout, segment, type RawCell, type ReportLayout, type ReportLimits } from '../../core';
import { writeLayout } from '../../excel-addin/write-layout';
import { cellsOf, fakeWorkbook, FakeContext, LIMIT_BYTES, type SheetState, type WorkbookState } from './fake-excel';

type Cell = string | number | boolean;
const ctxOf = (c: FakeContext) => c as unknown as Excel.RequestContext;
const NO_LIMITS: ReportLimits = { rows: Infinity, cols: Infinity, cellChars: Infinity, cells: Infinity, writeCells: Infinity, sheetNameChars: Infinity, sheetNameForbidden: '' };

/** `n` customers (every fourth lost, so the win-back list is not empty) and two bad rows. */
function ledger(n: number, name = (i: number) => `Customer ${i}`): Cell[][] {
  const rows: Cell[][] = [['Customer', 'Date', 'Amount']];
  for (let i = 0; i < n; i++) {
    const months = i % 4 === 0 ? 2 : 12;
    for (let m = 0; m < months; m++) rows.push([name(i), 45000 + m * 30, 50 + ((i * 31) % 500)]);
  }
  rows.push(['', 45010, 5], ['Broken', 'soon', 5]);
  return rows;
}

/**
 * The writer's safety is shown on the report's first sheets; the Losses and Migration sheets (SPEC
 * §7, §8) go through the same code (writer.test.ts), so they are left out here to keep the counts.
 */
const layoutOf = (grid: Cell[][], limits: ReportLimits = EXCEL_LIMITS) => buildLayout(segment(grid as RawCell[][], { dynamicsPeriods: 0, comparePeriods: 0 }), limits);
const liveNames = (state: WorkbookState) => state.live().map((s) => s.name).sort();
/** What a sheet holds, to compare before and after. */
const snapshot = (s: SheetState) => JSON.stringify({ cells: s.cells, formats: s.formatRuns, widths: [...s.columnWidths] });

describe('markers: a sheet is the product\'s only when the value stored with it says so', () => {
  it('a name that merely starts like the marker, or carries another sheet\'s id, deletes nothing', async () => {
    const grid = ledger(30);
    const { state, context, data } = fakeWorkbook(grid);
    const notes = state.addSheet('Notes', [['mine']]);
    // the case, a visible name of the product's exact form, and a copied value naming another sheet
    state.addName('ABCXYZ_INPUT', data);
    state.addName('ABCXYZ_REPORT', notes, 'my own name');
    state.addName('ABCXYZ_WINBACK', notes, `${MARKER.value}#{someone-else}`, false);
    const before = [snapshot(data), snapshot(notes)];
    const out = await writeLayout(ctxOf(context), layoutOf(grid));
    expect(out.replaced).toEqual([]);
    expect(liveNames(state)).toEqual(['ABC-XYZ', 'Notes', 'Sales', 'Skipped rows', 'Win-back']);
    expect([snapshot(data), snapshot(notes)]).toEqual(before);
    // the user's names stay; the product's markers took free names beside them
    expect(state.names.slice(0, 3).map((n) => n.name)).toEqual(['ABCXYZ_INPUT', 'ABCXYZ_REPORT', 'ABCXYZ_WINBACK']);
    expect(state.names.slice(3).map((n) => n.name)).toEqual(['ABCXYZ_REPORT_2', 'ABCXYZ_WINBACK_2', 'ABCXYZ_SKIPPED']);
    // a second run replaces exactly its own three sheets
    const again = await writeLayout(ctxOf(context), layoutOf(grid));
    expect(again.replaced.sort()).toEqual(['ABC-XYZ', 'Skipped rows', 'Win-back']);
    expect(liveNames(state)).toEqual(['ABC-XYZ', 'Notes', 'Sales', 'Skipped rows', 'Win-back']);
    expect(state.names.filter((n) => n.comment.startsWith(`${MARKER.value}#{0`))).toHaveLength(3);
    expect(state.names.map((n) => n.name).slice(0, 3)).toEqual(['ABCXYZ_INPUT', 'ABCXYZ_REPORT', 'ABCXYZ_WINBACK']);
  });

  it('the old prefix rule would have deleted the user\'s sheet (the test can fail)', () => {
    // what the writer used to do: every name starting with ABCXYZ_ marks the sheet it points at
    const { state, data } = fakeWorkbook(ledger(3));
    state.addName('ABCXYZ_INPUT', data);
    const byPrefix = state.names.filter((n) => n.name.toUpperCase().startsWith('ABCXYZ_')).map((n) => n.sheet.name);
    expect(byPrefix).toEqual(['Sales']);
  });

  it('reports of the earlier marker scheme (exact hidden name, exact value) are still replaced', async () => {
    const grid = ledger(30);
    const { state, context } = fakeWorkbook(grid);
    const old = state.addSheet('ABC-XYZ', [['old report']]);
    state.addName('ABCXYZ_REPORT', old, MARKER.value, false);
    const out = await writeLayout(ctxOf(context), layoutOf(grid));
    expect(out.replaced).toEqual(['ABC-XYZ']);
    expect(out.sheets[0].name).toBe('ABC-XYZ');
    expect(old.deleted).toBe(true);
  });

  it('a copy of a report sheet is not marked, and a marker whose sheet is gone is tidied away', async () => {
    const grid = ledger(30);
    const { state, context } = fakeWorkbook(grid);
    await writeLayout(ctxOf(context), layoutOf(grid));
    // the analyst's copy: same content, no name of its own (Excel does not copy workbook names)
    const copy = state.addSheet('ABC-XYZ (copy)', [['kept']]);
    // and the analyst deleted the Skipped rows sheet by hand: its name now points at #REF!
    state.sheet('Skipped rows')!.deleted = true;
    await writeLayout(ctxOf(context), layoutOf(grid));
    expect(copy.deleted).toBe(false);
    expect(state.names.filter((n) => n.sheet.deleted)).toEqual([]);
    expect(state.names).toHaveLength(3);
  });
});

describe('a run that fails half-way', () => {
  async function firstReport(grid: Cell[][]) {
    const w = fakeWorkbook(grid);
    await writeLayout(ctxOf(w.context), layoutOf(grid));
    const before = new Map(w.state.live().map((s) => [s.name, snapshot(s)]));
    const names = w.state.names.map((n) => `${n.name} ${n.sheet.name} ${n.comment}`);
    const tables = w.state.tables.map((t) => `${t.name} ${t.sheet.name}`);
    return { ...w, before, names, tables };
  }

  /** The workbook is exactly as the first run left it. */
  function unchanged(w: Awaited<ReturnType<typeof firstReport>>) {
    expect(new Map(w.state.live().map((s) => [s.name, snapshot(s)]))).toEqual(w.before);
    expect(w.state.names.map((n) => `${n.name} ${n.sheet.name} ${n.comment}`)).toEqual(w.names);
    expect(w.state.tables.map((t) => `${t.name} ${t.sheet.name}`)).toEqual(w.tables);
  }

  for (const [what, when] of [
    ['adding the second sheet', (op: string, target: string, n: number) => op === 'add' && target === 'worksheets' && n === 2],
    ['a chunk of values', (op: string, _t: string, n: number) => op === 'values' && n === 3],
    ['a colour rule, in the last request', (op: string, _t: string, n: number) => op === 'conditionalFormats.add' && n === 20],
  ] as const) {
    it(`keeps the earlier report and leaves no sheet of its own when ${what} fails; the next run uses the proper names`, async () => {
      const grid = ledger(400);
      const w = await firstReport(grid);
      const seen = new Map<string, number>();
      w.context.failWhen = (call) => {
        const n = (seen.get(call.op) ?? 0) + 1;
        seen.set(call.op, n);
        return when(call.op, call.target, n) ? 'the operation failed' : null;
      };
      await expect(writeLayout(ctxOf(w.context), layoutOf(grid), { requestBudget: 64 * 1024 })).rejects.toThrow(/the operation failed/);
      unchanged(w);
      w.context.failWhen = null;
      const next = await writeLayout(ctxOf(w.context), layoutOf(grid));
      expect(next.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Skipped rows']);
      expect(next.sheets.map((s) => s.table)).toEqual(['ABCXYZ_Customers', 'ABCXYZ_WinBack', 'ABCXYZ_Skipped']);
      expect(liveNames(w.state)).toEqual(['ABC-XYZ', 'Sales', 'Skipped rows', 'Win-back']);
    });
  }

  it('deletes the earlier report only in the last request, after every value and format of the new one', async () => {
    const grid = ledger(400);
    const w = await firstReport(grid);
    w.context.calls = [];
    await writeLayout(ctxOf(w.context), layoutOf(grid), { requestBudget: 64 * 1024 });
    const calls = w.context.calls;
    const firstDelete = calls.findIndex((c) => c.op === 'delete');
    const lastSync = calls.map((c) => c.op).lastIndexOf('sync');
    expect(firstDelete).toBeGreaterThan(calls.map((c) => c.op).lastIndexOf('values'));
    expect(firstDelete).toBeGreaterThan(calls.map((c) => c.op).lastIndexOf('conditionalFormats.add'));
    expect(calls.slice(firstDelete, lastSync).some((c) => c.op === 'sync')).toBe(false);
    expect(calls.filter((c) => c.op === 'sync').length).toBeGreaterThan(3);
  });

  it('when not even the undo gets through, the sheets it left are marked and the next run replaces them', async () => {
    const grid = ledger(400);
    const w = await firstReport(grid);
    // the connection drops after the new sheets were added (request 2 of the run; 1 is its probe): every later operation fails
    const at = w.context.syncCount + 1;
    w.context.failWhen = (call) => (call.sync > at ? 'connection lost' : null);
    const orphans = () => w.state.live().filter((s) => s.name.endsWith('(new)'));
    await expect(writeLayout(ctxOf(w.context), layoutOf(grid), { requestBudget: 64 * 1024 })).rejects.toThrow(/connection lost/);
    // what ran before the drop: three empty sheets, marked as being written; the earlier report is all there
    expect(orphans().map((s) => s.name)).toEqual(['ABC-XYZ (new)', 'Win-back (new)', 'Skipped rows (new)']);
    expect(w.state.names.filter((n) => n.comment === `${MARKER.value}#new`).map((n) => n.sheet.name)).toEqual(orphans().map((s) => s.name));
    for (const [name, snap] of w.before) expect(snapshot(w.state.sheet(name)!)).toBe(snap);
    w.context.failWhen = null;
    const next = await writeLayout(ctxOf(w.context), layoutOf(grid));
    expect(next.replaced).toHaveLength(6);
    expect(next.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Skipped rows']);
    expect(liveNames(w.state)).toEqual(['ABC-XYZ', 'Sales', 'Skipped rows', 'Win-back']);
    expect(w.state.names).toHaveLength(3);
  });
});

describe('Excel\'s limits, held by the fake and by the writer', () => {
  /** A writer that ignores a limit: chunks by the JSON's length in UTF-16 units, as the writer once did. */
  async function naiveWrite(context: FakeContext, layout: ReportLayout, budget = 3.5 * 1024 * 1024): Promise<void> {
    for (const spec of layout.sheets) {
      const sheet = context.workbook.worksheets.add(spec.name);
      for (const b of spec.blocks) {
        let start = 0;
        while (start < b.values.length) {
          let end = start;
          let size = 0;
          while (end < b.values.length && (end === start || size + JSON.stringify(b.values[end]).length < budget)) size += JSON.stringify(b.values[end++]).length;
          sheet.getRangeByIndexes(b.row + start, b.col, end - start, b.values[0].length).values = b.values.slice(start, end).map((r) => r.map((v) => v ?? '')) as Cell[][];
          await context.sync();
          start = end;
        }
      }
    }
  }

  it('5 MB per request in UTF-8 bytes: 61-character CJK names are three bytes a character', async () => {
    const grid = ledger(22000, (i) => `${i}${'株式会社東京商事販売部'.repeat(6)}`.slice(0, 61));
    const layout = layoutOf(grid);
    const naive = fakeWorkbook(grid);
    // chunks of 3.6 M UTF-16 units: the rows (with issue 16's two number columns) are 1.4 bytes a unit in UTF-8
    await expect(naiveWrite(naive.context, layout, 3.6 * 1024 * 1024)).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(Math.max(...naive.context.requestSizes)).toBeGreaterThan(LIMIT_BYTES);
    const w = fakeWorkbook(grid);
    await writeLayout(ctxOf(w.context), layout);
    // within the budget of 3.5 MB (a request's ops are estimated, so a little above it at most)
    expect(Math.max(...w.context.requestSizes)).toBeLessThan(3.7 * 1024 * 1024);
    const customers = layout.sheets[0].blocks.find((b) => b.id === 'customers')!;
    expect(cellsOf(w.state.sheet('ABC-XYZ')!, { row: customers.row, col: customers.col, rows: customers.values.length, cols: customers.values[0].length }))
      .toEqual(customers.values.map((r) => r.map((v) => (v === null ? '' : v))));
  });

  it('a row larger than a request (many long texts) goes in pieces of columns', async () => {
    const long = (k: number) => `${'東'.repeat(30_000)}${k}`;
    const header = ['Customer', 'Date', 'Amount', ...Array.from({ length: 60 }, (_, j) => `Note ${j}`)];
    const grid: Cell[][] = [header, ['A', 45000, 5, ...Array(60).fill('x')], ['B', 'soon', 5, ...Array.from({ length: 60 }, (_, j) => long(j))]];
    const layout = layoutOf(grid);
    const w = fakeWorkbook(grid);
    await writeLayout(ctxOf(w.context), layout);
    expect(Math.max(...w.context.requestSizes)).toBeLessThan(LIMIT_BYTES);
    const skipped = w.state.sheet('Skipped rows')!;
    // the skipped row B: its 61st original value (the 58th note), whole
    expect(skipped.get(1, 2 + 60) === grid[2][60]).toBe(true);
    expect((skipped.get(1, 2 + 60) as string).length).toBe(30_002);
  });

  it('32,767 characters per cell: a longer name fails the naive writer; the layout cuts it with an ellipsis', async () => {
    const grid = ledger(10, (i) => (i === 3 ? 'N'.repeat(40_000) : `Customer ${i}`));
    const naive = fakeWorkbook(grid);
    await expect(writeLayout(ctxOf(naive.context), layoutOf(grid, NO_LIMITS))).rejects.toThrow(/a text of 40000 characters: a cell holds at most 32767/);
    const w = fakeWorkbook(grid);
    const layout = layoutOf(grid);
    await writeLayout(ctxOf(w.context), layout);
    const names = cellsOf(w.state.sheet('ABC-XYZ')!, { row: 0, col: 1, rows: 60, cols: 1 }).flat() as string[];
    const cut = names.find((n) => n.startsWith('NNN'))!;
    expect(cut.length).toBe(32_766);
    expect(cut.endsWith('…')).toBe(true);
    expect(layout.warnings).toEqual(['Texts longer than a cell holds are cut to 32766 characters, ending in "…".']);
  });

  it('the grid\'s last row: a table past it fails; the layout for the host stops at it, with the line', async () => {
    // a grid of 300 rows stands in for 1,048,576 (the rule is the same, the data smaller)
    const grid = ledger(400);
    const naive = fakeWorkbook(grid, { limits: { rows: 300 } });
    await expect(writeLayout(ctxOf(naive.context), layoutOf(grid))).rejects.toThrow(/outside the grid of 300 × 16384/);
    const w = fakeWorkbook(grid, { limits: { rows: 300 } });
    const layout = layoutOf(grid, { ...EXCEL_LIMITS, rows: 300 });
    await writeLayout(ctxOf(w.context), layout);
    const report = w.state.sheet('ABC-XYZ')!;
    expect(report.used()!.rows).toBe(300);
    expect(String(report.get(299, 0))).toMatch(/^… and [\d,]+ more customers, not shown: a sheet holds at most 300 rows/);
  });

  it('16,384 columns: a wider Skipped rows sheet fails; the layout shows the first columns and says so', async () => {
    const width = 16_500;
    const header = Array.from({ length: width }, (_, j) => ['Customer', 'Date', 'Amount'][j] ?? `c${j}`);
    const grid: Cell[][] = [header, ['A', 45000, 5, ...Array(width - 3).fill(1)], ['B', 'soon', 5, ...Array(width - 3).fill(2)]];
    const naive = fakeWorkbook(grid);
    await expect(writeLayout(ctxOf(naive.context), layoutOf(grid, NO_LIMITS))).rejects.toThrow(/outside the grid of 1048576 × 16384/);
    const w = fakeWorkbook(grid);
    const layout = layoutOf(grid);
    const out = await writeLayout(ctxOf(w.context), layout);
    expect(out.sheets.map((s) => s.name)).toContain('Skipped rows');
    expect(w.state.sheet('Skipped rows')!.used()!.cols).toBe(16_384);
    expect(layout.warnings[0]).toMatch(/shows the first 16,382 of the 16,500 columns/);
    // formats and widths of equal columns go as one range each, not one per column
    expect(w.context.ops('numberFormat').length).toBeLessThan(40);
  });

  it('sheet names: 31 characters, none of []:*?/\\, no quote at the ends, unique regardless of case — also when renamed', async () => {
    const grid = ledger(20);
    const { context, state } = fakeWorkbook(grid);
    for (const bad of ['x'.repeat(32), 'Q3: sales', 'a/b', "'quoted'", 'History', 'sales']) {
      context.workbook.worksheets.add(bad);
      await expect(context.sync(), bad).rejects.toThrow(/bad sheet name|already exists/);
    }
    const sheet = context.workbook.worksheets.add('Fine');
    await context.sync();
    (sheet as unknown as { name: string }).name = 'SALES';
    await expect(context.sync()).rejects.toThrow(/already exists/);
    // the writer makes any preferred name valid and free
    const layout = layoutOf(grid);
    layout.sheets[0].name = "'Report: Q3/Q4 [all customers] final?'";
    state.addSheet('win-back');
    const out = await writeLayout(ctxOf(context), layout);
    expect(out.sheets.map((s) => s.name)).toEqual(['Report- Q3-Q4 -all customers- …', 'Win-back (2)', 'Skipped rows']);
    // a re-run renames its new sheets to the same names once the old ones are gone
    const again = await writeLayout(ctxOf(context), layout);
    expect(again.sheets.map((s) => s.name)).toEqual(out.sheets.map((s) => s.name));
  });
});
