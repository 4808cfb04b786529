// Numbers written as text the way exports write them: every Unicode minus and dash as a sign,
// spaces of any width (U+00A0, U+202F) and apostrophes (Swiss 1'234.50) grouping thousands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalEvidence, parseNumberText } from '../../core/read/values';
import { NumberColumn } from '../../core/read/number-column';
import { segment, type RawCell } from '../../core';

/** Every form a minus sign takes in exports: ASCII, U+2212, figure dash, en, em, bar, small, full-width. */
const MINUS = ['-', '\u2212', '\u2012', '\u2013', '\u2014', '\u2015', '\ufe63', '\uff0d'];

describe('minus signs', () => {
  it('reads every minus and dash form as a sign, leading or trailing, in both decimal conventions', () => {
    for (const m of MINUS) {
      const name = `U+${m.charCodeAt(0).toString(16).padStart(4, '0')}`;
      expect([name, parseNumberText(`${m}123.45`, '.')]).toEqual([name, -123.45]);
      expect([name, parseNumberText(`123.45${m}`, '.')]).toEqual([name, -123.45]);
      expect([name, parseNumberText(`${m}1.234,50`, ',')]).toEqual([name, -1234.5]);
      expect([name, parseNumberText(`1.234,50${m}`, ',')]).toEqual([name, -1234.5]);
      expect([name, parseNumberText(`${m}€1,234.50`, '.')]).toEqual([name, -1234.5]);
      expect([name, parseNumberText(`${m} 12 %`, '.')]).toEqual([name, -0.12]);
      expect([name, parseNumberText(`(${m}5)`, '.')]).toEqual([name, 5]); // two negations
      // a sign alone, two signs, or a dash between numbers is no number
      for (const bad of [m, `${m}${m}5`, `5${m}3`, `${m}5${m}`]) expect([name, bad, parseNumberText(bad, '.')]).toEqual([name, bad, NaN]);
    }
  });

  it('counts a Unicode minus the same as "-" as decimal evidence', () => {
    for (const m of MINUS) {
      expect(decimalEvidence(`${m}12,5`)).toBe(',');
      expect(decimalEvidence(`12,50${m}`)).toBe(',');
      expect(decimalEvidence(`${m}1,234.5`)).toBe('.');
      expect(decimalEvidence(`${m}1.234`)).toBeNull();
    }
  });

  it('reads a column of Unicode-minus amounts as the same column typed', () => {
    const header = ['Customer', 'Date', 'Amount'];
    const typed: RawCell[][] = [header, ['A', 45000, 100], ['A', 45001, -30.5], ['B', 45000, 50], ['B', 45002, -1234.5]];
    const text: RawCell[][] = [header, ['A', 45000, '100'], ['A', 45001, '\u221230.5'], ['B', 45000, '50'], ['B', 45002, '1\u202f234,50\u2013']];
    const a = segment(typed);
    const b = segment(text);
    expect(b.totals.rowsSkipped).toBe(0);
    expect(b.customers.map((c) => [c.customer, c.revenue])).toEqual(a.customers.map((c) => [c.customer, c.revenue]));
  });
});

describe('thousands separators', () => {
  it('reads spaces of every width and apostrophes as thousands separators', () => {
    const cases: [string, '.' | ',', number][] = [
      ['1 234,50', ',', 1234.5], ['1\u00a0234,50', ',', 1234.5], ['1\u202f234,50', ',', 1234.5], ['1\u2009234,50', ',', 1234.5],
      ['12\u202f345\u202f678,9 €', ',', 12345678.9], ['1 234.50', '.', 1234.5], ['-1 234', '.', -1234],
      ["1'234.50", '.', 1234.5], ['1\u2019234.50', '.', 1234.5], ["CHF 1'234'567.05", '.', 1234567.05], ["-1'234.50", '.', -1234.5],
      ["1'234,50", ',', 1234.5], ['1\u00a0234', ',', 1234], ['€ 1 234,50', ',', 1234.5], ['1 234,50 ₽', ',', 1234.5], ['(1 234,50)', ',', -1234.5],
    ];
    for (const [text, decimal, want] of cases) expect([text, parseNumberText(text, decimal)]).toEqual([text, want]);
  });

  it('requires every separator to group by three, in the whole part only', () => {
    for (const text of ['12 5', "1'23.5", '1 2345', '1234 567', '1 234,5 6', "12'34'567", '1 234 5', '1\u00a0 234']) {
      expect([text, parseNumberText(text, ','), parseNumberText(text, '.')]).toEqual([text, NaN, NaN]);
    }
  });

  it('decides a column with narrow-space groups and decimal commas as decimal comma', () => {
    const col = new NumberColumn(null);
    for (const v of ['1\u202f234,56', '12\u202f345,5', '\u2212500,25']) col.value(v);
    expect(col.decide()).toBe(',');
    const swiss = new NumberColumn(null);
    for (const v of ["1'234.56", '1\u2019000.5', '\u2212500.25']) swiss.value(v);
    expect(swiss.decide()).toBe('.');
  });

  it('reads any amount written with any separator style and minus form as its value (property)', () => {
    const style = fc.record({
      cents: fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
      decimal: fc.constantFrom<'.' | ','>('.', ','),
      group: fc.constantFrom('', ',', '.', ' ', '\u00a0', '\u202f', "'", '\u2019'),
      minus: fc.constantFrom(...MINUS),
      trailing: fc.boolean(),
      currency: fc.constantFrom('', '€', '$ ', ' ₽', ' CHF'),
    });
    fc.assert(fc.property(style, (s) => {
      // a group separator that is the decimal mark itself is not a style anyone writes
      const group = s.group === s.decimal ? '' : s.group;
      const a = Math.abs(s.cents);
      const whole = Math.floor(a / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
      const body = `${whole}${s.decimal}${String(a % 100).padStart(2, '0')}`;
      const signed = s.cents < 0 ? (s.trailing ? `${body}${s.minus}` : `${s.minus}${body}`) : body;
      const text = s.currency.startsWith(' ') ? signed + s.currency : s.currency + signed;
      expect([text, parseNumberText(text, s.decimal)]).toEqual([text, s.cents / 100]);
    }), { numRuns: 3000 });
  });
});
