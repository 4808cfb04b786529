// The report layout: sheets, blocks, formats, colour rules, text guards.
import { describe, expect, it } from 'vitest';
import { buildLayout, FORMATS, MARKER, segment, serialFromDay, type LayoutSheet, type RawCell } from '../../core';
import { REPORT_ROWS } from '../fixtures';

const rows = REPORT_ROWS;
const result = segment(rows, { asOf: '2024-04-30' });
const layout = buildLayout(result);
const sheet = (role: string) => layout.sheets.find((s) => s.role === role)!;
const blockOf = (s: LayoutSheet, id: string) => s.blocks.find((b) => b.id === id)!;

describe('report layout', () => {
  it('has the sheets with their names and the product marker', () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses', 'Migration', 'Skipped rows']);
    expect(layout.marker).toEqual(MARKER);
  });

  it('blocks are rectangular, with one format per column', () => {
    for (const s of layout.sheets) {
      for (const b of s.blocks) {
        const width = b.values[0].length;
        for (const r of b.values) expect(r.length).toBe(width);
        expect(b.formats.length).toBe(width);
        for (const f of b.formats) expect(FORMATS[f]).toBeDefined();
      }
      expect(s.extent.rows).toBe(Math.max(...s.blocks.map((b) => b.row + b.values.length)));
    }
  });

  it('the customer table: header row, one row per customer, number formats, a named table, frozen at its header', () => {
    const s = sheet('report');
    const t = blockOf(s, 'customers');
    expect(t.header).toBe(true);
    expect(t.table).toBe('ABCXYZ_Customers');
    expect(t.values.length).toBe(result.customers.length + 1);
    const h = t.values[0] as string[];
    expect(h.slice(0, 7)).toEqual(['Rank', 'Customer', 'Revenue', 'Profit', 'Share', 'Cumulative share', 'ABC']);
    expect(t.formats[h.indexOf('Share')]).toBe('percent');
    expect(t.formats[h.indexOf('Last purchase')]).toBe('date');
    expect(t.formats[h.indexOf('Customer')]).toBe('text');
    expect(s.freeze).toEqual({ rows: t.row + 1, cols: 2 });
    const first = result.customers[0];
    expect(t.values[1][h.indexOf('Last purchase')]).toBe(serialFromDay(first.lastPurchase!));
    expect(t.values[1][h.indexOf('Customer')]).toBe(first.customer);
  });

  it('formula-like customer names are guarded wherever they appear', () => {
    for (const s of layout.sheets) {
      for (const b of s.blocks) {
        b.values.forEach((r, i) => r.forEach((v, j) => {
          const risky = typeof v === 'string' && /^[=+\-@\t\r]/.test(v);
          expect(b.guarded.some(([gi, gj]) => gi === i && gj === j)).toBe(risky);
        }));
      }
    }
    const names = blockOf(sheet('report'), 'customers').values.map((r) => r[1]);
    expect(names).toContain('=HYPERLINK("http://x","y")');
    expect(names).toContain('+1');
    expect(names).toContain('@SUM(A1)');
  });

  it('conditional rules colour the segment, ABC, XYZ and status columns over the whole table', () => {
    const s = sheet('report');
    const t = blockOf(s, 'customers');
    const h = t.values[0] as string[];
    const on = (col: string) => s.rules.filter((r) => r.range.col === h.indexOf(col) && r.range.row === t.row + 1);
    expect(on('Segment').map((r) => r.text)).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    expect(on('ABC').map((r) => r.text)).toEqual(['A', 'B', 'C']);
    expect(on('XYZ').map((r) => r.text)).toEqual(['X', 'Y', 'Z']);
    expect(on('Status').map((r) => r.text)).toEqual(['Lost', 'At risk', 'New']);
    for (const r of on('Segment')) expect(r.range.rows).toBe(result.customers.length);
    expect(on('Status').find((r) => r.text === 'Lost')!.fill).toMatch(/^#D7/); // red
    const fills = new Set(on('Segment').map((r) => r.fill));
    expect(fills.size).toBe(9);
  });

  it('the parameters block shows rules, cut-offs and the row accounting', () => {
    const p = blockOf(sheet('report'), 'parameters').values.map((r) => r.join(' | '));
    expect(p).toContain('As-of date | 2024-04-30');
    expect(p.find((l) => l.startsWith('ABC rule'))).toMatch(/cumulative \(A ≤ 80 %, B ≤ 95 %\)/);
    expect(p).toContain(`Rows read / used / skipped | 13 / 11 / 2`);
    expect(p.some((l) => l.startsWith('ABC cut-off'))).toBe(true);
  });

  it('the matrix block counts each classified customer once', () => {
    const m = blockOf(sheet('report'), 'matrix').values;
    expect(m[0]).toEqual(['ABC \\ XYZ', 'X', 'Y', 'Z', 'Total']);
    expect(m[4][4]).toBe(result.totals.classified);
  });

  it('the win-back sheet lists the lost valuable customer', () => {
    const w = blockOf(sheet('winback'), 'winback').values;
    expect(w[0][0]).toBe('Customer');
    expect(w.slice(1).map((r) => r[0])).toEqual(['Gone Ltd']);
    expect(w[1][3]).toBe('Lost');
  });

  it('skipped rows keep their sheet row, reason and original values', () => {
    const s = blockOf(sheet('skipped'), 'skipped').values;
    expect(s[0]).toEqual(['Row', 'Reason', 'Customer', 'Date', 'Amount', 'Profit']);
    expect(s.slice(1)).toEqual([
      [13, 'customer is empty', '', '2024-01-01', 5, 1],
      [14, 'date "soon" in column B (Date) is not a date', 'Broken', 'soon', 5, 1],
    ]);
  });

  it('skipped-rows table names are unique, and Date cells show the day the run used', () => {
    const grid = [['Customer', 'Date', 'Amount', 'Amount', ''], ['A', '2024-01-01', 1, 2, ''], ['', new Date(Date.UTC(2024, 2, 5, 22)), 1, 2, 'x']];
    // a spreadsheet two hours ahead of UTC: 22:00 UTC on the 5th is the 6th there
    const r = segment(grid, { dateObjectDay: (d) => Math.floor((d.getTime() + 2 * 3600e3) / 864e5) });
    const s = buildLayout(r).sheets.find((x) => x.role === 'skipped')!.blocks[0].values;
    expect(s[0]).toEqual(['Row', 'Reason', 'Customer', 'Date', 'Amount', 'Amount (2)', 'Column 5']);
    expect(s[1][3]).toBe('2024-03-06');
  });

  it('a very long skipped list (140,000 rows) still gives a layout', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount']];
    for (let i = 0; i < 140000; i++) grid.push([`C${i % 50}`, '2023-05-01', 5]);
    grid.push(['Z', '2024-02-01', 5]);
    const r = segment(grid, { from: '2024-01-01' });
    expect(r.totals.rowsSkipped).toBe(140000);
    expect(buildLayout(r).sheets.find((x) => x.role === 'skipped')!.blocks[0].values.length).toBe(140001);
  });

  it('no Skipped rows sheet when every row was used', () => {
    const clean = buildLayout(segment(rows.slice(0, 12), { asOf: '2024-04-30' }));
    expect(clean.sheets.map((s) => s.role)).toEqual(['report', 'winback', 'losses', 'migration']);
  });
});
