// A discount column beside quantity × unit price.
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../../../core';
import { discountKind, percentHeader, type DiscountInput } from '../../../../core/read/plausibility/discount';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const discountWarnings = (r: SegmentResult) => r.warnings.filter((w) => /discount/.test(w));

describe('discount', () => {
  it('SAP Business One rows with "Disc. %": percentages taken off quantity × unit price', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Posting Date', 'Quantity', 'Unit Price', 'Disc. %'],
      ['Kessler AG', '2024-02-05', 10, 120, 10],
      ['Kessler AG', '2024-02-05', 5, 40, 0],
      ['Nordtal GmbH', '2024-02-07', 2, 300, 2.5],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Kessler AG': 1080 + 200, 'Nordtal GmbH': 585 });
    expect(discountWarnings(r)).toEqual(['Column E (Disc. %) was read as a discount in percent and taken off quantity × unit price on 2 row(s). Set --discount - to ignore it.']);
  });

  it('1C "Скидка": amounts subtracted (no % sign, no percent header, values above 1)', () => {
    const grid: RawCell[][] = [
      ['Контрагент', 'Дата', 'Количество', 'Цена', 'Скидка'],
      ['ООО Ромашка', '15.01.2024', 50, '150,00', '750,00'],
      ['ООО Ромашка', '15.01.2024', 2, '2 500,00', ''],
      ['ИП Сидоров', '16.01.2024', 100, '18,00', '90,00'],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'ООО Ромашка': 7500 - 750 + 5000, 'ИП Сидоров': 1800 - 90 });
    expect(discountWarnings(r)[0]).toMatch(/Column E \(Скидка\) was read as a discount amount .* on 2 row\(s\)\. Set --discount - to ignore it/);
  });

  it('a "%" in the cells, fractions, and a value larger than the line', () => {
    const base = (cells: RawCell[]): RawCell[][] => [['Customer', 'Date', 'Qty', 'Price', 'Rabatt'], ...cells.map((d, i) => [i ? 'B' : 'A', '2024-01-02', 2, i ? 5 : 50, d])];
    expect(revenue(segment(base(['10%', '']))).A).toBe(90);
    expect(revenue(segment(base([0.1, 0.25])))).toEqual({ A: 90, B: 7.5 });
    // 20 off a line of 10 cannot be an amount: percentages
    expect(revenue(segment(base([5, 20])))).toEqual({ A: 95, B: 8 });
  });

  it('beside an amount column: applied nowhere, but an amount that is the gross gets a warning', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Date', 'Quantity', 'Price', 'Discount', 'Amount'],
      ['A', '2024-01-02', 2, 50, 10, 100], ['B', '2024-01-03', 1, 40, 4, 40], ['B', '2024-01-04', 1, 40, 0, 40],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 100, B: 80 });
    expect(discountWarnings(r)).toEqual([
      'Column F (Amount) equals quantity × unit price before the discount in column E (Discount) on 2 of 2 discounted rows: the amount may not include the discount. Set --amount - to compute quantity × unit price less the discount, or --discount - to keep the amount as it is.',
    ]);
    expect(revenue(segment(grid, { columns: { amount: '-' } }))).toEqual({ A: 90, B: 76 });
  });

  it('clean: a net amount beside its discount, a discount column that is empty', () => {
    const net = segment([['Customer', 'Date', 'Quantity', 'Price', 'Discount', 'Amount'], ['A', '2024-01-02', 2, 50, 10, 90], ['B', '2024-01-03', 1, 40, 0, 40]]);
    expect(discountWarnings(net)).toEqual([]);
    const none = segment([['Customer', 'Date', 'Quantity', 'Price', 'Discount'], ['A', '2024-01-02', 2, 50, ''], ['B', '2024-01-03', 1, 40, 0]]);
    expect(revenue(none)).toEqual({ A: 100, B: 40 });
    expect(discountWarnings(none)).toEqual([]);
  });

  it('how a percentage is told from an amount', () => {
    expect(percentHeader('Discount %')).toBe(true);
    expect(percentHeader('Rabattsatz')).toBe(true);
    expect(percentHeader('Ποσοστό έκπτωσης')).toBe(true);
    expect(percentHeader('% скидки')).toBe(true);
    expect(percentHeader('Taux de remise')).toBe(true);
    expect(percentHeader('Discount')).toBe(false);
    const input = (value: number[], gross: number[], header = 'Discount', sign: number[] = []): DiscountInput => ({
      n: value.length, keep: new Uint8Array(value.length).fill(1), value: Float64Array.from(value), percentSign: Uint8Array.from(value.map((_, i) => (sign.includes(i) ? 1 : 0))),
      gross: Float64Array.from(gross), amount: Float64Array.from(gross), appliesToGross: true, column: 0, header, amountColumn: 1, amountHeader: 'Amount',
    });
    expect(discountKind(input([10, 5], [100, 100], 'Discount %'))).toBe('percent');
    expect(discountKind(input([0.1, 0.05], [100, 100], 'Discount %'))).toBe('fraction');
    expect(discountKind(input([0.1, 0.05], [100, 100]))).toBe('fraction');
    expect(discountKind(input([0.1, 5], [100, 100], 'Discount', [0]))).toBe('percent');
    expect(discountKind(input([10, 5], [100, 100]))).toBe('amount');
    expect(discountKind(input([10, 5], [100, 4]))).toBe('percent');
    expect(discountKind(input([150, 5], [100, 4]))).toBe('amount');
    expect(discountKind(input([0, NaN], [100, 4]))).toBeNull();
  });
});
