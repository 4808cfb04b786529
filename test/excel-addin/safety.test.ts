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

const layoutOf = (grid: Cell[][], limits: ReportLimits = EXCEL_LIMITS) => buildLayout(segment(grid as RawCell[][], {}), limits);
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
