// Periods: ISO weeks, months, fiscal quarters and years, and how they shape a customer's series.
import { describe, expect, it } from 'vitest';
import { dayFromCivil, segment } from '../../core';
import { periodLabel, periodOfDay } from '../../core/basics/periods';

const day = (iso: string) => dayFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
const label = (iso: string, kind: 'week' | 'month' | 'quarter' | 'year', fs = 1) => periodLabel(periodOfDay(day(iso), kind, fs), kind, fs);

describe('periods', () => {
  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(label('2024-12-30', 'week')).toBe('2025-W01'); // a Monday in late December
    expect(label('2021-01-03', 'week')).toBe('2020-W53'); // a Sunday in early January
    expect(label('2024-01-01', 'week')).toBe('2024-W01');
    expect(periodOfDay(day('2024-06-09'), 'week')).toBe(periodOfDay(day('2024-06-03'), 'week')); // Sun and Mon of one week
    expect(periodOfDay(day('2024-06-10'), 'week')).toBe(periodOfDay(day('2024-06-09'), 'week') + 1);
  });
  it('months and calendar quarters', () => {
    expect(label('2024-02-29', 'month')).toBe('2024-02');
    expect(label('2024-03-31', 'quarter')).toBe('2024-Q1');
    expect(label('2024-04-01', 'quarter')).toBe('2024-Q2');
    expect(periodOfDay(day('2025-01-01'), 'quarter') - periodOfDay(day('2024-12-31'), 'quarter')).toBe(1);
  });
  it('a fiscal year starting in April', () => {
    expect(label('2024-04-01', 'quarter', 4)).toBe('FY2024/25-Q1');
    expect(label('2025-03-31', 'quarter', 4)).toBe('FY2024/25-Q4');
    expect(label('2025-03-31', 'year', 4)).toBe('FY2024/25');
    expect(label('2025-04-01', 'year', 4)).toBe('FY2025/26');
    expect(label('1999-12-31', 'year')).toBe('1999');
  });
  it('a series runs from the first purchase period to the as-of period, zero-filled', () => {
    const grid = [['Customer', 'Date', 'Amount'], ['A', '2024-01-10', 10], ['A', '2024-03-10', 10], ['B', '2024-02-20', 5]];
    const byPeriod = (period: 'week' | 'month' | 'quarter' | 'year', fiscalStart = 1) =>
      Object.fromEntries(segment(grid, { period, fiscalStart, asOf: '2024-06-30', minPeriods: 1 }).customers.map((c) => [c.customer, [c.periods, c.activePeriods]]));
    expect(byPeriod('month')).toEqual({ A: [6, 2], B: [5, 1] });
    expect(byPeriod('quarter')).toEqual({ A: [2, 1], B: [2, 1] });
    expect(byPeriod('quarter', 2)).toEqual({ A: [3, 2], B: [2, 1] }); // Feb–Apr, May–Jul: January is the previous fiscal year's Q4
    expect(byPeriod('year')).toEqual({ A: [1, 1], B: [1, 1] });
    expect(byPeriod('week')).toEqual({ A: [25, 2], B: [19, 1] }); // 2024-W02 … W26
  });
});
