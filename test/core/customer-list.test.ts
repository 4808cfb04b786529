// The customers of a result are held by column; the report, the custom functions and the command
// line read them by position, and customer objects are made only when `customers` is read.
import { describe, expect, it } from 'vitest';
import { buildLayout, customersOf, segment, segmentTable, type RawCell, type SegmentResult } from '../../core';
import { toCsv, writeJson } from '../../cli/output';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const grid: RawCell[][] = [
  ['Customer', 'Date', 'Amount', 'Profit', 'Image'],
  ['Acme', 45000, 900, 300, 'yes'], ['Acme', 45031, 800, 250, ''], ['Acme', 45062, 950, 310, ''],
  ['Beta', 45010, 300, 90, ''], ['Beta', 45200, 120, 30, ''],
  ['Gamma', 45300, 40, 5, ''], ['Delta', 45100, -20, -5, ''], ['Delta', 45101, 5, 1, ''],
];

/** A result whose customer objects may not be made: reading `customers` throws. */
function withoutRows(r: SegmentResult): SegmentResult {
  Object.defineProperty(r, 'customers', { get() { throw new Error('customer objects were made'); } });
  return r;
}

describe('customer list', () => {
  it('gives, position by position, exactly the customer objects', () => {
    const r = segment(grid, { asOf: '2024-12-31' });
    const l = r.customerList!;
    expect(l.length).toBe(r.customers.length);
    const readers = l as unknown as Record<string, (k: number) => unknown>;
    for (const opts of [{ asOf: '2024-12-31' }, { xyzMethod: 'cv' as const, metric: 'profit' as const }]) {
      const res = segment(grid, opts);
      res.customers.forEach((c, k) => {
        // every field of the object equals the list's reader of the same name
        for (const [field, value] of Object.entries(c)) expect([field, (res.customerList! as unknown as typeof readers)[field](k)]).toEqual([field, value]);
      });
    }
    // wide input: no days, no status
    const wide = segment([['Customer', 'Jan', 'Feb', 'Mar'], ['Acme', 10, 20, 30], ['Beta', 5, 0, 5]]);
    wide.customers.forEach((c, k) => { for (const [field, value] of Object.entries(c)) expect((wide.customerList! as unknown as typeof readers)[field](k)).toEqual(value); });
    expect(wide.customers[0].firstPurchase).toBeNull();
    expect(readers.customer(0)).toBe(r.customers[0].customer);
    expect(r.customers.map((c) => c.customer)).toEqual(['Acme', 'Beta', 'Gamma', 'Delta']);
    expect(r.customers[0].archetypes).toEqual(['Financier', 'Image builder']);
  });

  it('makes the objects once, when first read; JSON shows them and not the columns', () => {
    const r = segment(grid);
    expect(r.customers).toBe(r.customers);
    const json = JSON.parse(JSON.stringify(r));
    expect(Object.keys(json)).not.toContain('customerList');
    expect(json.customers).toEqual(JSON.parse(JSON.stringify(r.customers)));
    expect({ ...r }.customers).toBe(r.customers);
  });

  it('the report, the custom function and the command line outputs never make customer objects', () => {
    expect(() => buildLayout(withoutRows(segment(grid)))).not.toThrow();
    expect(() => toCsv(withoutRows(segment(grid)))).not.toThrow();
    const out = join(mkdtempSync(join(tmpdir(), 'abcxyz-')), 'r.json');
    writeJson(withoutRows(segment(grid)), out);
    expect(JSON.parse(readFileSync(out, 'utf8')).customers.map((c: { customer: string }) => c.customer)).toEqual(['Acme', 'Beta', 'Gamma', 'Delta']);
    const names = grid.slice(1).map((row) => [row[0]]);
    expect(segmentTable(names, grid.slice(1).map((row) => [row[2]]), grid.slice(1).map((row) => [row[1]]))[1][1]).toBe('Acme');
  });

  it('a copy of a result (spread, structured clone, JSON) makes the same report, read from its customer objects', () => {
    const r = segment(grid, { asOf: '2024-12-31' });
    const report = JSON.stringify(buildLayout(r));
    for (const copy of [{ ...r }, structuredClone(r), JSON.parse(JSON.stringify(r)) as SegmentResult]) {
      expect(JSON.stringify(buildLayout(copy))).toBe(report);
      expect(toCsv(copy)).toBe(toCsv(r));
    }
  });

  it('customers assigned anew are what the report shows; null stays null', () => {
    const r = segment(grid);
    r.customers = r.customers.slice(0, 1);
    expect(r.customerList).toBeNull();
    expect(customersOf(r).length).toBe(1);
    const customerBlock = buildLayout(r).sheets[0].blocks.find((b) => b.id === 'customers')!;
    expect(customerBlock.values.length).toBe(2); // header and the one customer
    const s = segment(grid);
    (s as { customers: unknown }).customers = null;
    expect(s.customers).toBeNull();
  });
});
