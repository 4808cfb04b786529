// Hidden rows of the selection: read like the others, and said (README, "Hidden rows").
import { describe, expect, it } from 'vitest';
import { segmentWorkbook } from '../../excel-addin/run-segment';
import { fakeWorkbook, type FakeContext } from './fake-excel';

const ctxOf = (c: FakeContext) => c as unknown as Excel.RequestContext;
const GRID = [['Customer', 'Date', 'Amount'], ['A', '2024-01-05', 10], ['B', '2024-02-05', 20], ['A', '2024-03-05', 30], ['C', '2024-03-09', 5]];

describe('hidden rows of the selection (Excel)', () => {
  it('none hidden: no warning, and no request of its own', async () => {
    const { context } = fakeWorkbook(GRID);
    const out = await segmentWorkbook(ctxOf(context), {});
    expect(out.source.hiddenRows).toBe(0);
    expect(out.result.warnings.join(' ')).not.toMatch(/hidden/);
  });

  it('rows hidden by a filter are read, counted and said', async () => {
    const { context, data } = fakeWorkbook(GRID);
    data.hidden.add(2).add(4);
    data.filtered = true;
    const out = await segmentWorkbook(ctxOf(context), {});
    expect(out.result.totals.rowsRead).toBe(4);
    expect(out.source.hiddenRows).toBe(2);
    expect(out.result.warnings[0]).toBe('2 hidden rows of the selection in sheet "Sales" were read like the others; a filter hides rows there. A filter only hides rows: delete them from the sheet if they should not count.');
  });

  it('rows hidden by hand outside the selection do not count; inside, without a filter, the other sentence', async () => {
    const { context, data } = fakeWorkbook([...GRID, [], ['note']], { rect: { row: 0, col: 0, rows: 5, cols: 3 } });
    data.hidden.add(6).add(1);
    const out = await segmentWorkbook(ctxOf(context), {});
    expect(out.source.hiddenRows).toBe(1);
    expect(out.result.warnings[0]).toMatch(/^1 hidden rows of the selection in sheet "Sales" were read like the others\. Hiding/);
  });

  it('an Excel without ExcelApi 1.9 is not asked about the filter', async () => {
    const { context, data } = fakeWorkbook(GRID);
    data.hidden.add(3);
    data.filtered = true;
    const out = await segmentWorkbook(ctxOf(context), {}, { filterSupported: false });
    expect(context.ops('autoFilter.load')).toHaveLength(0);
    expect(out.result.warnings[0]).toMatch(/Hiding only hides rows/);
  });
});
