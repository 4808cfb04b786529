// Dates split into Year and Month (or Week, or Year, Month and Day) columns.
import { describe, expect, it } from 'vitest';
import { dayFromCivil, segment, type RawCell, type SegmentResult } from '../../../../core';
import { isoWeekMonday, monthOf, weekOf } from '../../../../core/read/plausibility/split-date';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const day = (y: number, m: number, d: number) => dayFromCivil(y, m, d);

describe('split date columns', () => {
  it('1C "Год / Месяц": the first day of each month; the year is never summed', () => {
    const grid: RawCell[][] = [
      ['Год', 'Месяц', 'Контрагент', 'Сумма'],
      [2024, 1, 'ООО Ромашка', '10 000'],
      [2024, 'Февраль', 'ООО Ромашка', '12 000'],
      [2024, '03', 'ИП Сидоров', '5 500'],
      [2023, 'декабря', 'ИП Сидоров', '4 000'],
    ];
    const r = segment(grid);
    expect(r.layout).toBe('long');
    expect(revenue(r)).toEqual({ 'ООО Ромашка': 22000, 'ИП Сидоров': 9500 });
    const c = Object.fromEntries(r.customers.map((x) => [x.customer, [x.firstPurchase, x.lastPurchase]]));
    expect(c['ООО Ромашка']).toEqual([day(2024, 1, 1), day(2024, 2, 1)]);
    expect(c['ИП Сидоров']).toEqual([day(2023, 12, 1), day(2024, 3, 1)]);
    expect(r.mapping.find((m) => m.role === 'date')).toEqual({ role: 'date', index: 4, header: 'Год + Месяц', source: 'header' });
    expect(r.warnings.join('\n')).toMatch(/No date column: the date of each row was built from columns A \(Год\), B \(Месяц\) as the first day of its month\. Set --date/);
  });

  it('SAP-style Year + calendar week (KW): the Monday of the ISO week', () => {
    const grid: RawCell[][] = [['Jahr', 'KW', 'Kunde', 'Umsatz'], [2024, 'KW 01', 'A', 10], ['2024', 10, 'B', 20], [2020, 53, 'A', 5]];
    const r = segment(grid);
    const c = Object.fromEntries(r.customers.map((x) => [x.customer, [x.firstPurchase, x.lastPurchase]]));
    expect(c.A).toEqual([day(2020, 12, 28), day(2024, 1, 1)]);
    expect(c.B).toEqual([day(2024, 3, 4), day(2024, 3, 4)]);
    expect(r.warnings.join('\n')).toMatch(/as the Monday of its ISO week/);
  });

  it('Year, Month and Day columns (the Day column is no date of its own)', () => {
    const grid: RawCell[][] = [['Year', 'Month', 'Day', 'Customer', 'Sales'], [2024, 2, 29, 'A', 10], [2024, 3, 15, 'B', 20]];
    const r = segment(grid);
    expect(Object.fromEntries(r.customers.map((x) => [x.customer, x.firstPurchase]))).toEqual({ A: day(2024, 2, 29), B: day(2024, 3, 15) });
    expect(r.warnings.join('\n')).toMatch(/built from columns A \(Year\), B \(Month\), C \(Day\)/);
  });

  it('a row whose parts are no date is skipped naming the built column', () => {
    const grid: RawCell[][] = [['Year', 'Month', 'Customer', 'Amount'], [2024, 13, 'A', 10], [2024, 2, 'A', 5], ['', '', 'B', 3]];
    const r = segment(grid);
    expect(Object.fromEntries(r.skipped.map((s) => [s.row, s.reason]))).toEqual({
      2: 'date "2024 + 13" in column E (Year + Month) is not a date',
      4: 'date is empty',
    });
    // the Skipped rows sheet shows the row's own cells, and the date that was built
    expect(r.skipped[0].values).toEqual([2024, 13, 'A', 10, '2024 + 13']);
  });

  it('clean tables are untouched: a ledger with a date and a Year column, a pivot with week columns', () => {
    const ledger = segment([['Customer', 'Date', 'Year', 'Amount'], ['A', '2024-01-05', 2024, 10], ['B', '2024-02-05', 2024, 20]]);
    expect(ledger.mapping.find((m) => m.role === 'date')!.header).toBe('Date');
    expect(revenue(ledger)).toEqual({ A: 10, B: 20 });
    expect(ledger.warnings.join('\n')).not.toMatch(/built/);
    const pivot = segment([['Customer', 'Week 1', 'Week 2', 'Week 3'], ['A', 1, 2, 3], ['B', 4, 5, 6]]);
    expect(pivot.layout).toBe('wide');
    expect(pivot.periodLabels).toEqual(['Week 1', 'Week 2', 'Week 3']);
    // a pivot with a Year column: the Year is no period
    const years = segment([['Customer', 'Year', 'Jan', 'Feb'], ['A', 2024, 10, 20], ['B', 2024, 5, 5]]);
    expect(years.periodLabels).toEqual(['Jan', 'Feb']);
    expect(revenue(years)).toEqual({ A: 30, B: 10 });
  });

  it('ISO weeks, months and weeks as written', () => {
    expect(isoWeekMonday(2024, 1)).toBe(day(2024, 1, 1));
    expect(isoWeekMonday(2021, 1)).toBe(day(2021, 1, 4));
    expect(isoWeekMonday(2020, 53)).toBe(day(2020, 12, 28));
    expect(isoWeekMonday(2015, 53)).toBe(day(2015, 12, 28));
    expect(isoWeekMonday(2021, 53)).toBeNaN();
    expect(isoWeekMonday(2026, 1)).toBe(day(2025, 12, 29));
    for (const [v, m] of [[3, 3], ['03', 3], ['März', 3], ['Μαρτίου', 3], ['mars', 3], ['marzo', 3], ['Март', 3], ['Sept.', 9], ['2024-11', 11], ['11/2024', 11], ['P07', 7], [13, NaN], ['Foo', NaN]] as const) {
      expect(monthOf(v), String(v)).toBe(m);
    }
    // a whole date formatted to show its month or year (an Excel serial, a Sheets Date)
    expect(monthOf(45352)).toBe(3); // 2024-03-01
    expect(monthOf(new Date(2024, 10, 15))).toBe(11);
    for (const [v, w] of [[12, 12], ['KW 12', 12], ['W07', 7], ['2024-W12', 12], [54, NaN]] as const) expect(weekOf(v), String(v)).toBe(w);
  });
});
