// Repeated order-level values: an order total written on every line of its order.
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../../../core';
import { checkRepeatedTotals } from '../../../../core/read/plausibility/repeated-total';
import { orderGroups } from '../../../../core/read/plausibility/order-groups';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const newWarnings = (r: SegmentResult) => r.warnings.filter((w) => /order|Column/.test(w));

// A WooCommerce "orders with line items" export: the order's total on each of its lines.
const WOO: RawCell[][] = [
  ['Order Number', 'Order Date', 'Customer', 'Item Name', 'Quantity', 'Item Price', 'Order Total Amount'],
  ['5001', '2024-03-02 10:14', 'Hanna Berg', 'Mug', 2, 12.5, 61],
  ['5001', '2024-03-02 10:14', 'Hanna Berg', 'Teapot', 1, 36, 61],
  ['5002', '2024-03-05 18:40', 'Olli Rask', 'Mug', 4, 12.5, 50],
  ['5003', '2024-04-11 09:02', 'Hanna Berg', 'Kettle', 1, 79, 103.5],
  ['5003', '2024-04-11 09:02', 'Hanna Berg', 'Mug', 1, 12.5, 103.5],
  ['5003', '2024-04-11 09:02', 'Hanna Berg', 'Spoon set', 2, 6, 103.5],
  ['5004', '2024-04-20 14:55', 'Olli Rask', 'Teapot', 2, 36, 72],
];

// SAP Business One, a query on invoices and their rows: the header fields (document total) first.
const SAP: RawCell[][] = [
  ['Document Number', 'Posting Date', 'Customer Name', 'Document Total', 'Item No.', 'Row Total'],
  [40017, '05.02.2024', 'Kessler AG', '1.950,00', 'A-100', '1.200,00'],
  [40017, '05.02.2024', 'Kessler AG', '1.950,00', 'A-220', '750,00'],
  [40018, '07.02.2024', 'Nordtal GmbH', '600,00', 'A-100', '600,00'],
  [40019, '12.03.2024', 'Nordtal GmbH', '330,00', 'B-010', '80,00'],
  [40019, '12.03.2024', 'Nordtal GmbH', '330,00', 'B-020', '250,00'],
];

describe('repeated order totals', () => {
  it('WooCommerce: the order total on every line is replaced by quantity × unit price', () => {
    const r = segment(WOO);
    expect(revenue(r)).toEqual({ 'Hanna Berg': 25 + 36 + 79 + 12.5 + 12, 'Olli Rask': 50 + 72 });
    const w = newWarnings(r).join('\n');
    expect(w).toMatch(/Column G \(Order Total Amount\) shows the same amount on every line of 2 of the 2 orders with several lines \(order number in column A \(Order Number\)\)/);
    expect(w).toMatch(/taken from quantity × unit price \(columns E \(Quantity\) and F \(Item Price\)\)/);
    expect(w).toMatch(/--amount/);
    expect(r.totals.rowsUsed).toBe(7);
  });

  it('SAP Business One: the row total column is the line amount', () => {
    const r = segment(SAP);
    expect(revenue(r)).toEqual({ 'Kessler AG': 1950, 'Nordtal GmbH': 930 });
    expect(r.mapping.find((m) => m.role === 'line-amount')?.header).toBe('Row Total');
    expect(newWarnings(r).join('\n')).toMatch(/Column D \(Document Total\) shows the same amount.*taken from F \(Row Total\) instead/);
  });

  it('with the row total first, it is the amount column itself: nothing to change, no warning', () => {
    const r = segment(SAP.map((row) => [row[0], row[1], row[2], row[5], row[4], row[3]]));
    expect(r.mapping.find((m) => m.role === 'amount')?.header).toBe('Row Total');
    expect(revenue(r)).toEqual({ 'Kessler AG': 1950, 'Nordtal GmbH': 930 });
    expect(newWarnings(r)).toEqual([]);
  });

  it('without a line amount, each order total counts once (its other lines count 0)', () => {
    const grid = WOO.map((row) => [row[0], row[1], row[2], row[3], row[6]]);
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Hanna Berg': 61 + 103.5, 'Olli Rask': 50 + 72 });
    expect(r.totals.rowsUsed).toBe(7); // the lines stay used, with 0
    expect(newWarnings(r).join('\n')).toMatch(/each was counted once, on its order's first line\. Set --amount .* or --order - to add up every line/);
  });

  it('an amount column chosen with --amount is counted once per order, not replaced', () => {
    const r = segment(WOO, { columns: { amount: 'Order Total Amount' } });
    expect(revenue(r)).toEqual({ 'Hanna Berg': 61 + 103.5, 'Olli Rask': 50 + 72 });
  });

  it('--order - turns the check off: every line adds up, as before', () => {
    const r = segment(WOO, { columns: { order: '-' } });
    expect(revenue(r)).toEqual({ 'Hanna Berg': 61 * 2 + 103.5 * 3, 'Olli Rask': 50 + 72 });
    expect(newWarnings(r)).toEqual([]);
  });

  it('clean order lines (line amounts that differ, or identical lines of identical products) get no warning', () => {
    const clean: RawCell[][] = [
      ['Invoice', 'Date', 'Customer', 'Quantity', 'Unit price', 'Amount'],
      ['INV-1', '2024-01-03', 'A', 2, 10, 20], ['INV-1', '2024-01-03', 'A', 1, 5, 5],
      ['INV-2', '2024-01-04', 'B', 1, 7, 7], ['INV-2', '2024-01-04', 'B', 1, 7, 7],
      ['INV-3', '2024-02-04', 'B', 3, 7, 21], ['INV-3', '2024-02-04', 'B', 3, 7, 21],
      ['INV-4', '2024-02-05', 'A', 1, 9, 9],
    ];
    const r = segment(clean);
    expect(revenue(r)).toEqual({ A: 34, B: 56 });
    expect(newWarnings(r)).toEqual([]);
  });

  it('the rule: at least two multi-line orders, 60 % of them repeated, and the line amount differs in half of those', () => {
    // orders 1..5 of two lines each; amounts repeated in `rep` of them
    const run = (rep: number, lineDiffers: boolean) => {
      const ids = new Int32Array(10);
      const amount = new Float64Array(10);
      const line = new Float64Array(10);
      for (let o = 0; o < 5; o++) {
        for (let k = 0; k < 2; k++) {
          const s = o * 2 + k;
          ids[s] = o + 1;
          amount[s] = o < rep ? 100 : 40 + k * 20;
          line[s] = lineDiffers ? 40 + k * 20 : 50;
        }
      }
      const groups = orderGroups(10, ids, new Uint8Array(10).fill(1), 6);
      return checkRepeatedTotals({ groups, amount, line, lineSource: 'L', chosen: false, column: 2, header: 'Total', orderColumn: 0, orderHeader: 'Order' });
    };
    expect(run(3, true).usesLine).toBe(true); // 3 of 5 = 60 %
    expect(run(2, true).usesLine).toBe(false); // 40 %
    expect(run(3, false).amount).toBeNull(); // identical lines: no evidence
    expect(Array.from(run(5, true).amount!)).toEqual([40, 60, 40, 60, 40, 60, 40, 60, 40, 60]);
  });
});
