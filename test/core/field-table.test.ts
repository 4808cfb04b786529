// The one customer field table: every surface's customer columns come from it.
import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, JSON_FIELDS, customerColumns, customersOf, segment, segmentTable, type RawCell } from '../../core';
import { customerJsonSlices, customerRecord, toCsv } from '../../cli/output';
import { sheetFields } from '../../core/report/customer-columns';

const grid: RawCell[][] = [
  ['Customer', 'Date', 'Amount', 'Profit'],
  ['Acme', 45000, 900, 300], ['Acme', 45031, 800, 250], ['Acme', 45062, 950, 310],
  ['Beta', 45010, 300, 90], ['Beta', 45200, 120, 30], ['Gamma', 45300, 40, 5], ['Delta', 45100, -20, -5],
];

describe('customer field table', () => {
  const r = segment(grid, { asOf: '2024-12-31' });
  const l = customersOf(r);

  it('names are unique, and the report places are 0..n-1 without gaps', () => {
    const names = CUSTOMER_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const places = CUSTOMER_FIELDS.flatMap((f) => (f.sheet ? [f.sheet.place] : [])).sort((a, b) => a - b);
    expect(places).toEqual(places.map((_, i) => i));
  });

  it('the customer objects have exactly the table fields, and the readers give the same values', () => {
    expect(Object.keys(r.customers[0])).toEqual(CUSTOMER_FIELDS.map((f) => f.name));
    r.customers.forEach((c, k) => {
      for (const f of CUSTOMER_FIELDS) expect((l[f.name] as (k: number) => unknown)(k)).toEqual(c[f.name]);
    });
  });

  it('the report columns are the sheet fields in place order, with their headers, formats and widths', () => {
    const cols = customerColumns(r);
    const fields = sheetFields(true);
    expect(cols.map((c) => c.key)).toEqual(fields.map((f) => f.name));
    expect(cols.map((c) => c.format)).toEqual(fields.map((f) => f.sheet!.format));
    expect(cols.map((c) => c.width)).toEqual(fields.map((f) => f.sheet!.width));
    // without a profit column, the profit column is not in the report
    const noProfit = segment(grid.map((row) => row.slice(0, 3)), { asOf: '2024-12-31' });
    expect(customerColumns(noProfit).map((c) => c.key)).not.toContain('profit');
  });

  it('JSON records and the CSV header follow the JSON fields, in order', () => {
    expect(Object.keys(customerRecord(l, 0))).toEqual(JSON_FIELDS.map((f) => f.name));
    expect(toCsv(r).split('\n')[0]).toBe(JSON_FIELDS.map((f) => f.name).join(','));
    // a day field is ISO text in JSON, a serial in the report
    const last = customerRecord(l, 0).lastPurchase;
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the JSON text of the customers is JSON.stringify of their records, slice by slice', () => {
    // names that need escaping, a wide table (no days: nulls), a net ≤ 0 customer (null shares)
    const odd = segment([['Customer', 'Date', 'Amount'], ['"Quoted" \\ back', 45000, 5], ['Ünïcødé\u2028line', 45031, 7], ['Tab\there', 45100, -3], ['x', 45101, 1]], { asOf: '2024-12-31' });
    const wide = segment([['Customer', '2024-01', '2024-02', '2024-03'], ['A', 5, 6, 7], ['B', 0, 0, 1]], {});
    for (const res of [r, odd, wide]) {
      const list = customersOf(res);
      const expected = Array.from({ length: list.length }, (_, k) => JSON.stringify(customerRecord(list, k)));
      expect(JSON.parse(`[${[...customerJsonSlices(list, 2)].join(',')}]`)).toEqual(expected.map((e) => JSON.parse(e)));
      expect([...customerJsonSlices(list, 2)].join(',')).toBe(expected.join(','));
    }
  });

  it('the custom function table has the report headers', () => {
    const fn = segmentTable(grid.slice(1).map((x) => [x[0]]), grid.slice(1).map((x) => [x[2]]), grid.slice(1).map((x) => [x[1]]), 'as-of=2024-12-31');
    expect(fn[0]).toEqual(customerColumns(segment(grid.map((row) => row.slice(0, 3)), { asOf: '2024-12-31' })).map((c) => c.header));
  });
});
