// An amount column that holds years, ids or names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment, type RawCell } from '../../../../core';
import { checkAmountValues, notMoneyWord } from '../../../../core/read/plausibility/amount-values';

const amountWarnings = (warnings: string[]) => warnings.filter((w) => /read as the amount|taken as the amount/.test(w));

describe('amount values', () => {
  it('SAP Business One sales analysis: a "Sales Employee" column of names is never the amount unheard', () => {
    const rows: RawCell[][] = [
      ['C20000', 'Norm Thompson', '2024-01-04', 'Brown, Jane', 1200],
      ['C30000', 'Microchips', '2024-01-05', 'Brown, Jane', 850.5],
      ['C20000', 'Norm Thompson', '2024-02-01', 'Smith, Bill', 430],
      ['C40000', 'Earthshaker', '2024-02-07', 'Smith, Bill', 99.9],
      ['C40000', 'Earthshaker', '2024-02-09', 17, 10],
    ];
    // beside a "Document Total" the reader takes the column that reads (mapping by evidence)
    const byEvidence = segment([['Customer Code', 'Customer Name', 'Posting Date', 'Sales Employee', 'Document Total'], ...rows]);
    expect(byEvidence.mapping.find((m) => m.role === 'amount')!.header).toBe('Document Total');
    expect(amountWarnings(byEvidence.warnings)).toEqual([]);
    // as the only money word, it is taken; the names in most of its rows get one warning naming it and --amount
    const taken = segment([['Customer Code', 'Customer Name', 'Posting Date', 'Sales Employee', 'Net (LC)'], ...rows]);
    const about = taken.warnings.filter((w) => w.includes('D (Sales Employee)'));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/--amount/);
    // the names check itself, past the rows the reader samples
    expect(checkAmountValues({ amount: new Float64Array([17]), n: 1, textCells: ['Brown, Jane', 'Smith, Bill', 'Lee, Ann'], partial: true, column: 3, header: 'Sales Employee' })).toEqual([
      'Column D (Sales Employee), read as the amount, holds text such as "Brown, Jane" in 3 of 4 rows rather than money. Choose the amount column with --amount.',
    ]);
  });

  it('a "Sales Employee" column of codes: its header is suspect', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Sales Employee', 'Doc Total'], ['A', '2024-01-04', 3, 1200], ['B', '2024-01-05', 7, 850]];
    expect(amountWarnings(segment(grid).warnings)).toEqual([
      'Column C (Sales Employee) was taken as the amount for a money word in its header, but its header also says "Employee": it may hold no money. Choose the amount column with --amount.',
    ]);
  });

  it('years and increasing ids', () => {
    const rows = (f: (i: number) => number) => [['Customer', 'Date', 'Amount'], ...Array.from({ length: 24 }, (_, i) => [`C${i % 5}`, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, f(i)])];
    expect(amountWarnings(segment(rows((i) => 2020 + (i % 4))).warnings)).toEqual(['Column C (Amount), read as the amount, holds years (such as 2020) rather than money. Choose the amount column with --amount.']);
    expect(amountWarnings(segment(rows((i) => 4711000 + 17 * i)).warnings)).toEqual([
      'Column C (Amount), read as the amount, holds whole numbers that grow row by row (4711000 … 4711391), as ids or document numbers do, rather than money. Choose the amount column with --amount.',
    ]);
  });

  it('headers that say a person or a number', () => {
    expect(notMoneyWord('Sales Employee')).toBe('Employee');
    expect(notMoneyWord('Sales Order No.')).toBe('No');
    expect(notMoneyWord('Umsatz Mitarbeiter')).toBe('Mitarbeiter');
    expect(notMoneyWord('Net sales')).toBeNull();
    expect(notMoneyWord('Sales EUR')).toBeNull();
  });

  it('clean ledgers: amounts in cents or whole amounts in any order get no warning', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: -50000, max: 2_000_000 }).map((c) => c / 100), fc.integer({ min: 1, max: 900_000 })), { minLength: 10, maxLength: 300 }),
      (amounts) => {
        const w = checkAmountValues({ amount: Float64Array.from(amounts), n: amounts.length, textCells: [], partial: false, column: 2, header: 'Amount' });
        // years need every sampled value in 1990..2035, ids every value ≥ 10,000 and growing
        const years = amounts.every((v) => Number.isInteger(v) && v >= 1990 && v <= 2035);
        const ids = amounts.every((v, i) => Number.isInteger(v) && v >= 10000 && (i === 0 || v > amounts[i - 1]));
        if (!years && !ids && amounts.filter((v, i) => i > 0 && v > amounts[i - 1]).length < 0.9 * (amounts.length - 1)) expect(w).toEqual([]);
      },
    ));
  });
});
