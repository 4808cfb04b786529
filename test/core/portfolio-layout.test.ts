// The Losses and Migration sheets of the report layout (SPEC §7, §8), the panes' summary lines,
// the JSON contract's conversion and the custom functions' tables.
import { describe, expect, it } from 'vitest';
import {
  buildLayout, fellFromA, lossesTable, migrationTable, portfolioJson, portfolioLines, segment, serialFromDay, SEGMENTS,
  type LayoutBlock, type LayoutSheet, type RawCell,
} from '../../core';
import { ledgerCsv } from '../../scripts/gen-ledger.mjs';

const grid = (csv: string): RawCell[][] => csv.trim().split('\n').map((l) => l.split(',').map((v, j) => (j >= 2 && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
const ledger = grid(ledgerCsv({ rows: 3000, seed: 7, months: 30, customers: 150 }));
// a region per customer, so the losses by dimension have values
ledger[0].push('Region');
for (let i = 1; i < ledger.length; i++) ledger[i].push(['North', 'South', 'East', ''][Number(String(ledger[i][0]).slice(1)) % 4]);
const result = segment(ledger, {});
const layout = buildLayout(result);
const sheet = (role: string) => layout.sheets.find((s) => s.role === role)!;
const blockOf = (s: LayoutSheet, id: string) => s.blocks.find((b) => b.id === id)!;
/** The text of every cell a rule's range covers. */
const cellsOf = (s: LayoutSheet, range: { row: number; col: number; rows: number; cols: number }) => s.blocks.flatMap((b) => b.values.flatMap((r, i) => r.flatMap((v, j) => {
  const row = b.row + i, col = b.col + j;
  return row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols ? [v] : [];
})));

describe('the Losses and Migration sheets', () => {
  it('come after Win-back, before Skipped rows', () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses', 'Migration']);
    expect(result.mapping.find((m) => m.role === 'dimension')?.header).toBe('Region');
  });

  it('the Losses sheet: the dynamics table as the result has it, dates as serials', () => {
    const d = blockOf(sheet('losses'), 'dynamics');
    expect(d.header).toBe(true);
    expect(d.values[0].slice(0, 12)).toEqual(['Period', 'From', 'To', 'Customers', 'New', 'Newly lost', 'Won back', 'Lost (all)', 'At risk', 'Net change', 'Value lost', "Value lost, share of the year's revenue"]);
    expect(d.values.length).toBe(13);
    result.dynamics.forEach((row, k) => {
      expect(d.values[k + 1].slice(0, 10)).toEqual([row.period, serialFromDay(row.start), serialFromDay(row.end), row.customers, row.new, row.newlyLost, row.wonBack, row.lostStock, row.atRisk, row.netChange]);
    });
    expect(d.formats.slice(0, 3)).toEqual(['text', 'date', 'date']);
    expect(d.formats[11]).toBe('percent');
  });

  it('the losses by class, segment and dimension add up to the newly lost of each period, with totals', () => {
    const s = sheet('losses');
    const newly = result.dynamics.map((r) => r.newlyLost);
    for (const id of ['lossesByAbc', 'lossesBySegment', 'lossesByDimension']) {
      const b = blockOf(s, id);
      expect(b.values[0].slice(1, -1)).toEqual(result.dynamics.map((r) => r.period));
      const body = b.values.slice(1);
      newly.forEach((n, j) => expect(body.reduce((t, r) => t + (r[j + 1] as number), 0), `${id} ${j}`).toBe(n));
      for (const r of body) expect(r[r.length - 1]).toBe((r.slice(1, -1) as number[]).reduce((t, n) => t + n, 0));
    }
    expect(blockOf(s, 'lossesByAbc').values.map((r) => r[0])).toEqual(['Newly lost by ABC class', 'A', 'B', 'C', '—']);
    expect(blockOf(s, 'lossesBySegment').values.slice(1).map((r) => r[0])).toEqual([...SEGMENTS, '—']);
    const dim = blockOf(s, 'lossesByDimension').values;
    expect(dim[0][0]).toBe('Newly lost by Region');
    expect(dim[dim.length - 1][0]).toBe('—');
  });

  it('the Lost customers list: one row per loss event, a table, coloured by its labels', () => {
    const s = sheet('losses');
    const list = blockOf(s, 'lostCustomers');
    expect(list.table).toBe('ABCXYZ_LostCustomers');
    expect(list.values[0]).toEqual(['Customer', 'Lost in', 'ABC', 'Segment', 'Region', 'Last purchase', 'Value lost', 'Won back later']);
    expect(list.values.length - 1).toBe(result.lostCustomers.length);
    expect(list.values.length - 1).toBe(result.dynamics.reduce((n, r) => n + r.newlyLost, 0));
    const first = result.lostCustomers[0];
    expect(list.values[1]).toEqual([first.customer, first.period, first.abc, first.segment, first.dimension, serialFromDay(first.lastPurchase), first.valueLost, first.wonBack ? 'yes' : '']);
    expect(result.lostCustomers.some((l) => l.wonBack)).toBe(true);
  });

  it('every colour rule of the new sheets matches text its cells can show, and the labels are in the cells', () => {
    for (const s of [sheet('losses'), sheet('migration')]) {
      expect(s.rules.length).toBeGreaterThan(10);
      for (const rule of s.rules) {
        expect(rule.fill).toMatch(/^#[0-9A-F]{6}$/);
        expect(rule.range.rows).toBeGreaterThan(0);
      }
      // each text shown in a coloured range that has a rule of that text: the rule colours it
      const shown = new Set(s.rules.flatMap((r) => cellsOf(s, r.range)));
      expect(s.rules.some((r) => shown.has(r.text))).toBe(true);
    }
    const mig = sheet('migration');
    const movers = blockOf(mig, 'movers');
    const col = (name: string) => (movers.values[0] as string[]).indexOf(name);
    const moveRules = mig.rules.filter((r) => r.range.col === movers.col + col('Move') && r.range.row === movers.row + 1);
    // twelve moves between four classes: six falls red, six rises green
    expect(moveRules.map((r) => r.text).sort()).toEqual(['A → B', 'A → C', 'A → —', 'B → A', 'B → C', 'B → —', 'C → A', 'C → B', 'C → —', '— → A', '— → B', '— → C'].sort());
    expect(moveRules.filter((r) => r.fill === '#D7191C').map((r) => r.text).sort()).toEqual(['A → B', 'A → C', 'A → —', 'B → C', 'B → —', 'C → —'].sort());
    for (const r of movers.values.slice(1)) {
      expect(moveRules.map((x) => x.text)).toContain(r[col('Move')]);
      expect(['fall', 'rise']).toContain(r[col('Direction')]);
    }
  });

  it('the Migration sheet: the windows in words, the transition matrices with totals, the movers', () => {
    const s = sheet('migration');
    const m = result.migration!;
    const windows = blockOf(s, 'windows').values;
    expect(windows[0][0]).toBe('Previous window');
    expect(windows[0][1]).toMatch(/^\d{4}-\d\d-01 – \d{4}-\d\d-\d\d: 12 periods \(month\)$/);
    const counts = blockOf(s, 'abcCustomers').values;
    expect(counts[0]).toEqual(['ABC: customers, previous ↓ current →', 'A', 'B', 'C', '—', 'Total']);
    expect(counts[1].slice(1, 5)).toEqual(['A', 'B', 'C', '—'].map((q) => m.abc.A[q as 'A'].customers));
    const total = counts[5][5] as number;
    expect(total).toBe((['A', 'B', 'C', '—'] as const).reduce((n, p) => n + (['A', 'B', 'C', '—'] as const).reduce((t, q) => t + m.abc[p][q].customers, 0), 0));
    for (const id of ['abcMetricPrevious', 'abcMetricCurrent', 'xyzCustomers', 'xyzMetricPrevious', 'xyzMetricCurrent']) expect(blockOf(s, id).values.length).toBe(6);
    const movers = blockOf(s, 'movers');
    expect(movers.table).toBe('ABCXYZ_Movers');
    expect(movers.values[0]).toEqual(['Customer', 'Move', 'Direction', 'ABC before', 'ABC now', 'Segment before', 'Segment now', 'Revenue before', 'Revenue now', 'Change']);
    expect(movers.values.length - 1).toBe(m.movers.length);
    const changes = movers.values.slice(1).map((r) => r[9] as number);
    expect([...changes].sort((a, b) => a - b)).toEqual(changes);
  });

  it('blocks do not overlap, and every sheet states its widths and freezes its title row', () => {
    for (const s of [sheet('losses'), sheet('migration')]) {
      const taken = new Set<string>();
      for (const b of s.blocks as LayoutBlock[]) b.values.forEach((r, i) => r.forEach((_, j) => {
        const k = `${b.row + i},${b.col + j}`;
        expect(taken.has(k), `${s.name} ${b.id} ${k}`).toBe(false);
        taken.add(k);
      }));
      expect(s.columnWidths.length).toBe(s.extent.cols);
      expect(s.freeze).toEqual({ rows: 1, cols: 1 });
      // at most one table per sheet: Sheets holds one filter a sheet
      expect(s.blocks.filter((b) => b.table).length).toBeLessThanOrEqual(1);
    }
  });

  it('are left out without dates, with the tables turned off, and Migration when the previous window is empty', () => {
    const wide = segment([['Customer', 'Jan', 'Feb', 'Mar'], ['A', 1, 2, 3], ['B', 3, 0, 1]], {});
    expect(buildLayout(wide).sheets.map((s) => s.role)).toEqual(['report', 'winback']);
    const off = segment(ledger, { dynamicsPeriods: 0, comparePeriods: 0 });
    expect(buildLayout(off).sheets.map((s) => s.role)).toEqual(['report', 'winback']);
    const short = segment(ledger, { comparePeriods: 36 });
    expect(short.migration).toBeNull();
    expect(buildLayout(short).sheets.map((s) => s.role)).toEqual(['report', 'winback', 'losses']);
  });
});

describe('the panes\' summary lines', () => {
  it('say the losses of the as-of period and the falls from A', () => {
    const last = result.dynamics[result.dynamics.length - 1];
    const lines = portfolioLines(result);
    expect(lines[0]).toBe(`Lost this period: ${last.newlyLost} (value ${last.valueLost.toLocaleString('en-US', { maximumFractionDigits: 0 })}); won back: ${last.wonBack}`);
    const fell = result.migration!.movers.filter((m) => m.previousAbc === 'A').length;
    expect(fellFromA(result.migration!)).toBe(fell);
    expect(lines[1]).toBe(`Fell from A: ${fell} customers`);
    expect(portfolioLines(segment(ledger, { dynamicsPeriods: 0, comparePeriods: 0 }))).toEqual([]);
  });
});

describe('the JSON contract of §7 and §8', () => {
  it('days as YYYY-MM-DD, "—" as the string "—", and the names the checks read', () => {
    const j = JSON.parse(JSON.stringify(portfolioJson(result)));
    expect(Object.keys(j)).toEqual(['dynamics', 'lostCustomers', 'lossesBy', 'migration']);
    expect(Object.keys(j.dynamics[0])).toEqual(['period', 'start', 'end', 'customers', 'new', 'newlyLost', 'wonBack', 'lostStock', 'atRisk', 'netChange', 'valueLost', 'valueLostShare', 'leftLost', 'lostAgain']);
    expect(j.dynamics[0].start).toMatch(/^\d{4}-\d\d-01$/);
    expect(Object.keys(j.lostCustomers[0])).toEqual(['customer', 'period', 'abc', 'segment', 'dimension', 'lastPurchase', 'valueLost', 'wonBack']);
    expect(j.lostCustomers[0].lastPurchase).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(Object.keys(j.lossesBy.abc)).toEqual(['A', 'B', 'C', '—']);
    expect(Object.keys(j.lossesBy.segment)).toEqual([...SEGMENTS, '—']);
    expect(j.lossesBy.dimension['—']).toHaveLength(12);
    expect(Object.keys(j.migration)).toEqual(['previous', 'current', 'abc', 'xyz', 'movers']);
    expect(j.migration.previous.from).toMatch(/^\d{4}-\d\d-01$/);
    expect(Object.keys(j.migration.abc['—'])).toEqual(['A', 'B', 'C', '—']);
    expect(Object.keys(j.migration.xyz.X)).toEqual(['X', 'Y', 'Z', '—']);
    expect(Object.keys(j.migration.abc.A.B)).toEqual(['customers', 'metricPrevious', 'metricCurrent']);
    expect(Object.keys(j.migration.movers[0])).toEqual(['customer', 'previousAbc', 'currentAbc', 'previousSegment', 'currentSegment', 'metricPrevious', 'metricCurrent', 'change']);
    const none = JSON.parse(JSON.stringify(portfolioJson(segment(ledger, { comparePeriods: 36, columns: { dimension: '-' } }))));
    expect(none.migration).toBeNull();
    expect(none.lossesBy.dimension).toBeNull();
    expect(none.lostCustomers[0].dimension).toBeNull();
  });
});

describe('the custom functions ABCXYZ.LOSSES and ABCXYZ.MIGRATION', () => {
  const col = (k: number) => ledger.slice(1).map((r) => [r[k]]);
  it('spill the per-period table and the ABC transition matrix with headers, as the sheets show them', () => {
    const table = lossesTable(col(0), col(2), col(1), null);
    const sheetTable = blockOf(sheet('losses'), 'dynamics').values;
    expect(table[0]).toEqual(sheetTable[0]);
    // without the dimension column the same table (dates as text: a function cannot format its cells)
    expect(table.slice(1).map((r) => [r[0], ...r.slice(3, 10)])).toEqual(sheetTable.slice(1).map((r) => [r[0], ...r.slice(3, 10)]));
    expect(table[1][1]).toBe(new Date(result.dynamics[0].start * 864e5).toISOString().slice(0, 10));
    expect(table.flat().includes(null as never)).toBe(false);
    const matrix = migrationTable(col(0), col(2), col(1), 'compare-periods=12');
    expect(matrix).toEqual(blockOf(sheet('migration'), 'abcCustomers').values);
  });

  it('say why when they cannot answer', () => {
    expect(() => migrationTable(col(0), col(2), col(1), 'compare-periods=36')).toThrow(/compare-periods lower/);
    expect(() => migrationTable(col(0), col(2), col(1), 'compare-periods=0')).toThrow(/turned off/);
    expect(() => lossesTable([['A'], ['B']], [[1, 2], [3, 4]], null, null)).toThrow(/date of each transaction/);
  });
});
