// Amounts in more than one currency are never added up.
import { describe, expect, it } from 'vitest';
import { AbcxyzError, createSegmenter, parseOptionText, segment, type RawCell, type SegmentResult } from '../../../../core';
import { checkCurrencies, currencyCode, currencyMark, mayHoldCurrency } from '../../../../core/read/plausibility/currency';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const reasons = (r: SegmentResult) => Object.fromEntries(r.skipped.map((s) => [s.row, s.reason]));

// A Stripe payments export (unified_payments.csv), amounts in the charge's own currency.
const STRIPE: RawCell[][] = [
  ['id', 'Created (UTC)', 'Amount', 'Currency', 'Customer Email', 'Status'],
  ['ch_1', '2024-03-01 09:12:44', '120.00', 'eur', 'anna@example.com', 'Paid'],
  ['ch_2', '2024-03-02 11:40:02', '80.00', 'usd', 'ben@example.com', 'Paid'],
  ['ch_3', '2024-03-03 15:05:19', '45.50', 'eur', 'ben@example.com', 'Paid'],
  ['ch_4', '2024-03-09 08:00:00', '300.00', 'eur', 'cara@example.com', 'Paid'],
  ['ch_5', '2024-03-10 10:30:00', '19.99', 'gbp', 'anna@example.com', 'Paid'],
];
const stripeOptions = { columns: { customer: 'Customer Email', date: 'Created (UTC)' } };

describe('currencies', () => {
  it('Stripe: only the currency of most rows is counted; the others are skipped with the reason', () => {
    const r = segment(STRIPE, stripeOptions);
    expect(revenue(r)).toEqual({ 'anna@example.com': 120, 'ben@example.com': 45.5, 'cara@example.com': 300 });
    expect(reasons(r)).toEqual({ 3: 'amount in USD, not in EUR (column D (Currency))', 6: 'amount in GBP, not in EUR (column D (Currency))' });
    expect(r.skipped[0].values).toEqual(STRIPE[2]);
    expect(r.warnings.join('\n')).toMatch(/Column D \(Currency\) holds 3 currencies: EUR \(3 row\(s\)\), USD \(1 row\(s\)\), GBP \(1 row\(s\)\)\. .*only the EUR rows were counted, and 2 row\(s\) in other currencies were skipped\. Choose the currency with --currency CODE/);
  });

  it('--currency chooses another one (as flag or option text), and a currency not in the table is an error', () => {
    const r = segment(STRIPE, { ...stripeOptions, ...parseOptionText('currency=USD') });
    expect(revenue(r)).toEqual({ 'ben@example.com': 80 });
    expect(() => segment(STRIPE, { ...stripeOptions, currency: 'CHF' })).toThrow(AbcxyzError);
    expect(() => segment(STRIPE, { ...stripeOptions, currency: 'CHF' })).toThrow(/No row is in the currency CHF: column D \(Currency\) holds EUR \(3 row\(s\)\), USD \(1 row\(s\)\), GBP \(1 row\(s\)\)/);
  });

  it('currency signs and codes inside the amount texts (an Excel export with formatted amounts)', () => {
    const grid: RawCell[][] = [
      ['Kunde', 'Datum', 'Betrag'],
      ['Müller GmbH', '03.01.2024', '1.234,50 €'],
      ['Müller GmbH', '04.01.2024', '99,00 €'],
      ['Smith Ltd', '05.01.2024', '$ 500.00'],
      ['Möller KG', '06.01.2024', '10,00'],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Müller GmbH': 1333.5, 'Möller KG': 10 });
    expect(reasons(r)).toEqual({ 4: 'amount in USD, not in EUR (column C (Betrag))' });
    expect(r.warnings.join('\n')).toMatch(/Column C \(Betrag\) holds 2 currencies: EUR \(2 row\(s\)\), USD \(1 row\(s\)\)/);
  });

  it('clean: one currency (column or signs), or none, gets no warning; a chosen currency with none in the table is said', () => {
    const one = segment(STRIPE.filter((row) => row[3] !== 'usd' && row[3] !== 'gbp'), stripeOptions);
    expect(one.warnings.filter((w) => /currenc/i.test(w))).toEqual([]);
    const signs = segment([['Customer', 'Date', 'Amount'], ['A', '2024-01-02', '€ 5'], ['B', '2024-01-03', '7,50 €']]);
    expect(signs.warnings.filter((w) => /currenc/i.test(w))).toEqual([]);
    expect(revenue(signs)).toEqual({ A: 5, B: 7.5 });
    const none = segment([['Customer', 'Date', 'Amount'], ['A', '2024-01-02', 5]], { currency: 'EUR' });
    expect(none.warnings).toContain('The currency EUR was chosen, but the table names no currency: every row was counted.');
  });

  it('a table too large to keep the other currency\'s rows aside refuses, naming --currency', () => {
    // 20,001 rows of one currency before the second appears: the first ones were not kept
    const n = 20001;
    const ids = new Int32Array(n + 1).fill(1);
    ids[n] = 2;
    const input = { n: n + 1, keep: new Uint8Array(n + 1).fill(1), ids, codes: ['', 'CHF', 'EUR'], uncopied: [0, 1, 0], column: 3, header: 'Currency', amountColumn: 2, amountHeader: 'Amount', chosen: null };
    expect(checkCurrencies(input).drops.size).toBe(1); // CHF is the main one: its rows are kept
    const minority = { ...input, ids: Int32Array.from(ids, (id, s) => (s < 100 ? 1 : 2)), uncopied: [0, 1, 0] };
    expect(() => checkCurrencies(minority)).toThrow(/too large to set the others aside on its own\. Choose the currency with --currency CODE/);
  });

  it('end to end: a grid keeps every row aside; a streamed file whose first 20,001 rows are a minority currency refuses', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount', 'Currency']];
    for (let i = 0; i < 20001; i++) grid.push([`C${i % 7}`, '2024-01-05', 1, 'CHF']);
    for (let i = 0; i < 30000; i++) grid.push([`E${i % 7}`, '2024-02-05', 2, 'EUR']);
    const r = segment(grid);
    expect(r.totals.rowsUsed).toBe(30000);
    expect(r.skipped).toHaveLength(20001);
    expect(r.skipped[20000].values).toEqual(['C1', '2024-01-05', 1, 'CHF']);
    const streamed = createSegmenter();
    for (const row of grid) streamed.add([...row]);
    expect(() => streamed.finish()).toThrow(/Choose the currency with --currency CODE/);
    const chosen = createSegmenter({ currency: 'EUR' });
    for (const row of grid) chosen.add([...row]);
    expect(chosen.finish().skipped).toHaveLength(20001);
  });

  it('codes, signs and where they are looked for', () => {
    expect(['eur', ' EUR ', '€', 'Euro'].map(currencyCode)).toEqual(['EUR', 'EUR', 'EUR', 'EUR']);
    expect(['руб.', '₽', 'р.'].map(currencyCode)).toEqual(['RUB', 'RUB', 'RUB']);
    expect(['1.234,50 €', 'USD 12', '12 руб.', '£3', 'CHF 1\'200.00', '12,00 zł', '7.50'].map(currencyMark)).toEqual(['EUR', 'USD', 'RUB', 'GBP', 'CHF', 'PLN', null]);
    expect(['12.50', '-3', '(12.00)', '12%', '€ 5', '5 €', 'USD 5'].map(mayHoldCurrency)).toEqual([false, false, false, false, true, true, true]);
  });
});
