// The decimal separator and the day/month order are decided from whole columns, but rows are read
// one at a time: a cell seen before the evidence waits (or its whole row is read again at the end).
// Whatever the row order, text cells must give exactly what the same values typed as numbers and
// serial dates give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberOf, plainNumber } from '../../core/read/number-column';
import { AbcxyzError, civilFromDay, segment, type RawCell } from '../../core';

const SERIAL_1970 = 25569;
const names = fc.constantFrom('Acme', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta');
const days = fc.integer({ min: 19360, max: 19360 + 700 }); // 2023-01-03 … 2024-12-03
const cents = fc.integer({ min: -50000, max: 300000 });
const bad = fc.constantFrom<RawCell>('abc', '31/02/2024', '13/13/2024', '#N/A', '');
const line = fc.record({
  customer: names,
  day: days,
  cents,
  badDate: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: bad }),
  badAmount: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: bad }),
  style: fc.integer({ min: 0, max: 3 }),
  // a margin: none (blank or empty), unreadable, or cents
  profit: fc.oneof({ weight: 8, arbitrary: cents }, { weight: 1, arbitrary: fc.constantFrom<RawCell>('', null, 'n/a') }),
});
type Line = { customer: string; day: number; cents: number; badDate: RawCell; badAmount: RawCell; style: number; profit: RawCell };

const two = (n: number) => String(n).padStart(2, '0');
function dateText(day: number, order: 'dmy' | 'mdy'): string {
  const [y, m, d] = civilFromDay(day);
  return order === 'dmy' ? `${two(d)}/${two(m)}/${y}` : `${two(m)}/${two(d)}/${y}`;
}

/** Cents as a European ledger writes them: "1.234,56", "12,5", "(12,50)", or "1.234" for whole amounts. */
function commaText(c: number, style: number): string {
  const neg = c < 0;
  const a = Math.abs(c);
  const whole = Math.floor(a / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = a % 100;
  let s = frac === 0 && style === 0 ? whole : `${whole},${two(frac)}`;
  if (style === 1 && frac % 10 === 0 && frac !== 0) s = `${whole},${frac / 10}`;
  return neg ? (style === 2 ? `(${s})` : `-${s}`) : s;
}

function grids(lines: Line[], order: 'dmy' | 'mdy') {
  const header = ['Customer', 'Date', 'Amount', 'Profit'];
  const typed: RawCell[][] = [header];
  const text: RawCell[][] = [header];
  for (const l of lines) {
    const profit = typeof l.profit === 'number' ? l.profit / 100 : l.profit;
    const profitText = typeof l.profit === 'number' ? commaText(l.profit, l.style) : l.profit;
    typed.push([l.customer, l.badDate ?? l.day + SERIAL_1970, l.badAmount ?? l.cents / 100, profit]);
    text.push([l.customer, l.badDate ?? dateText(l.day, order), l.badAmount ?? commaText(l.cents, l.style), profitText]);
  }
  // evidence for the order and the separator: two distinct days past the 12th outvote the one
  // distinct bad text ("31/02/2024" reads as day-first evidence)
  for (const d of [19380, 19401]) {
    typed.push(['Theta', d + SERIAL_1970, 1.5, 0.5]);
    text.push(['Theta', dateText(d, order), '1,50', '0,50']);
  }
  return { typed, text };
}

const summary = (rows: RawCell[][], o: object) => {
  // a window that leaves no row is an error, for the typed grid as for the text one
  let r: ReturnType<typeof segment>;
  try { r = segment(rows, { xyzMethod: 'cv', ...o }); } catch (e) { return { error: e instanceof AbcxyzError && /No row could be used/.test(e.message) }; }
  return {
    customers: r.customers.map((c) => [c.customer, c.abc, c.xyz, c.status, Math.round(c.revenue * 100), Math.round((c.profit ?? NaN) * 100), c.firstPurchase, c.lastPurchase]),
    used: r.totals.rowsUsed,
    skipped: r.skipped.map((s) => s.row),
    asOf: r.asOf,
  };
};

describe('column-wide decisions on rows read one at a time', () => {
  it('decimal-comma amounts and margins and text dates (either order) read as their typed values, in any row order, with or without a window', () => {
    const windows = fc.constantFrom({}, { from: '2023-06-01' }, { to: '2024-06-30' }, { asOf: '2024-03-31' }, { from: '2023-03-01', to: '2024-09-30' });
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 80 }), fc.constantFrom('dmy' as const, 'mdy' as const), windows, (lines, order, w) => {
      const { typed, text } = grids(lines as Line[], order);
      const s = summary(text, w);
      expect(s).toEqual(summary(typed, w));
      if (!('error' in s)) expect(segment(text, w).dateOrderUsed).toBe(order);
    }), { numRuns: 300 });
  });

  it('a date that only fits the other order is skipped with that reason even when it comes before the evidence', () => {
    const rows: RawCell[][] = [['Customer', 'Date', 'Amount'], ['Acme', '13/05/2024', 10], ['Beta', '05/14/2024', 10], ['Beta', '05/15/2024', 10], ['Acme', '05/01/2024', 5]];
    const r = segment(rows, {});
    expect(r.dateOrderUsed).toBe('mdy');
    expect(r.skipped).toEqual([{ row: 2, reason: 'date "13/05/2024" does not fit the column\'s month/day/year order', values: ['Acme', '13/05/2024', 10] }]);
    expect(r.customers.find((c) => c.customer === 'Acme')!.firstPurchase).toBe(19844); // 2024-05-01
  });

  it('"1.234" waits for the column: 1234 among decimal commas, 1.234 among decimal points', () => {
    const comma = segment([['Customer', 'Date', 'Amount'], ['Acme', 45000, '1.234'], ['Beta', 45001, '12,50']], {});
    expect(comma.customers.find((c) => c.customer === 'Acme')!.revenue).toBe(1234);
    const point = segment([['Customer', 'Date', 'Amount'], ['Acme', 45000, '1.234'], ['Beta', 45001, '1,212.50']], {});
    expect(point.customers.find((c) => c.customer === 'Acme')!.revenue).toBe(1.234);
  });

  it('".123" and "1.25e3" are no number among decimal commas (as in a wide table), whether they come before or after the evidence', () => {
    for (const v of ['.123', '1.25e3', '.5e3', '01.e-21']) {
      const head = ['Customer', 'Date', 'Amount', 'Profit'];
      const early = segment([head, ['Acme', 45000, v, 1], ['Beta', 45001, '12,50', '1,5']], {});
      const late = segment([head, ['Beta', 45001, '12,50', '1,5'], ['Acme', 45000, v, 1], ['Gamma', 45002, 3, v]], {});
      expect(early.customers.map((c) => c.customer)).toEqual(['Beta']);
      expect(early.skipped.map((s) => [s.row, s.reason])).toEqual([[2, `"${v}" in column C (Amount) is not a number`]]);
      expect(late.customers.map((c) => c.customer)).toEqual(['Beta']);
      expect(late.skipped.map((s) => [s.row, s.reason])).toEqual([
        [3, `"${v}" in column C (Amount) is not a number`], [4, `"${v}" in column D (Profit) is not a number`],
      ]);
      // among decimal points they are the numbers + reads
      const point = segment([head, ['Acme', 45000, v, v], ['Beta', 45001, '1,212.50', '1,212.50']], {});
      const acme = point.customers.find((c) => c.customer === 'Acme')!;
      expect([acme.revenue, acme.profit]).toEqual([+v, +v]);
    }
  });
});

describe('plain number text', () => {
  // the reference: what + gives, for the text the fast reading may take (see columns.ts): not a
  // point before exactly three digits (".123" included) nor a point with an exponent, which a
  // decimal-comma column reads otherwise
  const reference = (v: string) => {
    const f = v.charCodeAt(0), len = v.length, l = v.charCodeAt(len - 1), s1 = v.charCodeAt(1) | 32;
    const plain = ((f >= 48 && f <= 57) || f === 45 || f === 46) && l >= 48 && l <= 57 && !v.includes(',')
      && !(s1 >= 97 && s1 <= 122 && s1 !== 101) && v.charCodeAt(len - 4) !== 46 && !(v.includes('.') && /e/i.test(v));
    return plain && Number.isFinite(+v) ? +v : NaN;
  };
  it('reads exactly the double + reads (or NaN where + is not used), for any digits, signs and points', () => {
    const digits = fc.stringMatching(/^-?[0-9]{0,18}(\.[0-9]{0,18})?(e-?[0-9]{1,3})?$/);
    fc.assert(fc.property(digits, (v) => {
      fc.pre(v !== '');
      expect(Object.is(plainNumber(v), reference(v)) || (Number.isNaN(plainNumber(v)) && Number.isNaN(reference(v)))).toBe(true);
      // a plain text needs no column decision: both separators read it alike
      if (!Number.isNaN(plainNumber(v))) expect([numberOf(v, '.'), numberOf(v, ',')]).toEqual([plainNumber(v), plainNumber(v)]);
    }), { numRuns: 5000 });
    for (const v of ['0.1', '-0', '-0.0', '123456789012345.6', '9007199254740993', '.5', '-.5', '5.', '1.234', '12.345', '1234.5678', '0.30000000000000004', '.123', '1.25e3', '.5e3', '1e5', '-.12']) {
      expect(Object.is(plainNumber(v), reference(v)) || (Number.isNaN(plainNumber(v)) && Number.isNaN(reference(v)))).toBe(true);
    }
  });
});
