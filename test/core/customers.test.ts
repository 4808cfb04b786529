// Customers are matched by their cleaned name (white space collapsed, trimmed), case-folded unless
// case-sensitive, and shown with their first spelling. Short plain ids take a faster path than
// other texts; whatever the mix of spellings and their order, both must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../core/read/text-table';
import { createSegmenter, segment, type RawCell } from '../../core';

// short plain ids, long names (past the 11 packed characters), non-ASCII, a '#' that is no error
const bases = ['C000038', 'c1', 'ACME', 'Az@[`{z', 'ZZ-9', 'Müller GmbH', 'Über', 'International Widgets Ltd', 'X#1', 'İstanbul AŞ', 'ab cd', '12345'];
const spelling = fc.record({
  base: fc.constantFrom(...bases),
  upper: fc.boolean(),
  lower: fc.boolean(),
  pad: fc.constantFrom('', ' ', '\u00a0', '  \t'),
  inner: fc.boolean(),
  cents: fc.integer({ min: 1, max: 100000 }),
});

function cellOf(s: { base: string; upper: boolean; lower: boolean; pad: string; inner: boolean }): string {
  let t = s.upper ? s.base.toUpperCase() : s.lower ? s.base.toLowerCase() : s.base;
  if (s.inner) t = t.replace(' ', '   ');
  return s.pad + t + (s.pad ? ' ' : '');
}
const clean = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim();

describe('customer matching', () => {
  for (const caseSensitive of [false, true]) {
    it(`groups spellings by cleaned${caseSensitive ? '' : ', case-folded'} name, shown as first spelled (${caseSensitive ? 'case-sensitive' : 'default'})`, () => {
      fc.assert(fc.property(fc.array(spelling, { minLength: 1, maxLength: 60 }), (lines) => {
        const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ...lines.map((l) => [cellOf(l), 45000, l.cents / 100])];
        const r = segment(grid, { caseSensitive });
        const want = new Map<string, { name: string; cents: number }>();
        for (const l of lines) {
          const name = clean(cellOf(l));
          const key = caseSensitive ? name : name.toLowerCase();
          const e = want.get(key);
          if (e) e.cents += l.cents;
          else want.set(key, { name, cents: l.cents });
        }
        const got = new Map(r.customers.map((c) => [c.customer, Math.round(c.revenue * 100)]));
        expect(got).toEqual(new Map([...want.values()].map((e) => [e.name, e.cents])));
      }), { numRuns: 300 });
    });
  }

  it('knows "C1", " c1 " and "c\u00a01"-free spellings as one customer, and #N/A as none', () => {
    const r = segment([['Customer', 'Date', 'Amount'], [' c1 ', 45000, 1], ['C1', 45001, 2], ['c1', 45002, 3], ['#N/A', 45002, 4]]);
    expect(r.customers.map((c) => [c.customer, c.revenue])).toEqual([['c1', 6]]);
    expect(r.skipped.map((s) => s.row)).toEqual([5]);
  });

  it('counts customers from their first used row: one first met on a skipped row comes after', () => {
    // both bring half the revenue, so both are a dependency risk; warnings list customers in order
    const rows: RawCell[][] = [['Customer', 'Date', 'Amount'], ['Acme', 'soon', 5], ['Beta', 45000, 100], ['Acme', 45001, 100], ['Beta', 45002, 0]];
    const r = segment(rows);
    expect(r.warnings.filter((w) => w.includes('dependency')).map((w) => w.split(' ')[0])).toEqual(['Beta', 'Acme']);
  });

  it('keeps every customer apart as the tables grow, short ids and long names alike', () => {
    // streamed with no size hint, so the tables start small and are rebuilt several times
    const s = createSegmenter();
    s.add(['Customer', 'Date', 'Amount']);
    const names = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `Customer number ${i} of a long list` : `K${i}`));
    for (let pass = 0; pass < 2; pass++) for (const n of names) s.add([pass ? ` ${n.toUpperCase()} ` : n, 45000 + pass, 1]);
    const r = s.finish();
    expect(r.customers.length).toBe(3000);
    expect(new Set(r.customers.map((c) => c.customer))).toEqual(new Set(names));
    expect(r.customers.every((c) => c.revenue === 2)).toBe(true);
  });

  it('remembers a text that is no customer (value -1), so a column of blanks is cleaned once per distinct text', () => {
    const table = new TextTable();
    for (const text of ['', '   ', '#N/A', ' '.repeat(30)]) {
      expect(table.get(text)).toBeUndefined();
      table.insert(text, -1);
      expect(table.get(text)).toBe(-1);
    }
    table.get('C1');
    table.insert('C1', 0);
    expect([table.get('C1'), table.get('   ')]).toEqual([0, -1]);
  });
});
