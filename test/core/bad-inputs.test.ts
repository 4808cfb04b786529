// A catalogue of bad inputs: each gives its expected message, names the row or column, never crashes.
import { describe, expect, it } from 'vitest';
import { AbcxyzError, segment, type PartialOptions, type RawCell } from '../../core';

type Case = {
  name: string;
  grid: RawCell[][];
  options?: PartialOptions;
  /** The run fails as a whole with this message. */
  error?: RegExp;
  /** Or it runs and reports these skipped rows (sheet row → reason). */
  skipped?: [number, RegExp][];
  warning?: RegExp;
  check?: (r: ReturnType<typeof segment>) => void;
};

const H = ['Customer', 'Date', 'Amount'];
/** The array as written, holes kept (a literal with holes is typed as containing undefined). */
const sparse = (cells: RawCell[]): RawCell[] => cells;
const ok = (n = 3): RawCell[][] => Array.from({ length: n }, (_, i) => [`C${i}`, '2024-01-15', 100 * (i + 1)]);

const CASES: Case[] = [
  { name: 'empty range', grid: [], error: /range is empty/ },
  { name: 'range of blank cells', grid: [[null, ''], ['', null]], error: /range is empty/ },
  { name: 'header only', grid: [H], error: /header row but no data rows/ },
  { name: 'no customer column', grid: [['Date', 'Amount'], ['2024-01-01', 5]], error: /No customer column found\. Headers seen: Date, Amount/ },
  { name: 'no amount column', grid: [['Customer', 'Date', 'Note'], ['A', '2024-01-01', 'x']], error: /No amount column found/ },
  { name: 'mapped column missing', grid: [H, ...ok()], options: { columns: { amount: 'Umsatz' } }, error: /amount column "Umsatz" is not in the header row/ },
  { name: 'mapped header twice', grid: [['Customer', 'Date', 'Value', 'Value'], ['A', '2024-01-01', 1, 2]], options: { columns: { amount: 'Value' } }, error: /appears in more than one column \(C, D\)/ },
  { name: 'a above b', grid: [H, ...ok()], options: { a: 0.8, b: 0.7 }, error: /a \(80\) must be below b \(70\)/ },
  { name: 'x below y for frequency', grid: [H, ...ok()], options: { x: 0.2, y: 0.5 }, error: /y \(50\) must be below x \(20\)/ },
  { name: 'bad period option', grid: [H, ...ok()], options: { period: 'day' as never }, error: /period: must be one of month, week, quarter, year/ },
  { name: 'bad as-of', grid: [H, ...ok()], options: { asOf: '2024-13-01' }, error: /asOf: must be a date YYYY-MM-DD/ },
  { name: 'from after to', grid: [H, ...ok()], options: { from: '2024-05-01', to: '2024-01-01' }, error: /from \(2024-05-01\) must not be after to/ },
  { name: 'fiscal start 13', grid: [H, ...ok()], options: { fiscalStart: 13 }, error: /fiscalStart: must be between 1 and 12/ },
  { name: 'one customer', grid: [H, ['Solo', '2024-01-01', 50]], check: (r) => { expect(r.customers[0].abc).toBe('A'); expect(r.customers[0].xyzNote).toBe('too new'); } },
  { name: 'all zero amounts', grid: [H, ['A', '2024-01-01', 0], ['B', '2024-01-02', 0]], warning: /No customer has a positive net revenue/ },
  { name: 'all negative', grid: [H, ['A', '2024-01-01', -5], ['B', '2024-01-02', -1]], warning: /No customer has a positive net revenue/, check: (r) => expect(r.customers.every((c) => c.abc === null && c.abcNote === 'net ≤ 0')).toBe(true) },
  { name: 'text in amount', grid: [H, ...ok(), ['X', '2024-01-01', 'twelve']], skipped: [[5, /"twelve" in column C \(Amount\) is not a number/]] },
  { name: 'empty amount', grid: [H, ...ok(), ['X', '2024-01-01', '']], skipped: [[5, /amount is empty/]] },
  { name: 'unreadable date', grid: [H, ...ok(), ['X', 'next Tuesday', 5]], skipped: [[5, /date "next Tuesday" in column B \(Date\) is not a date/]] },
  { name: 'impossible date', grid: [H, ...ok(), ['X', '2024-02-30', 5]], skipped: [[5, /"2024-02-30".*not a date/]] },
  { name: 'empty date', grid: [H, ...ok(), ['X', null, 5]], skipped: [[5, /date is empty/]] },
  { name: 'ambiguous slash dates warn and read day-first', grid: [H, ['A', '03/04/2024', 5], ['B', '05/06/2024', 7]], warning: /could be day\/month or month\/day/, check: (r) => expect(r.asOf).toBe(Date.UTC(2024, 5, 5) / 864e5) },
  { name: 'column decides month-first', grid: [H, ['A', '03/04/2024', 5], ['B', '12/31/2024', 7]], check: (r) => { expect(r.dateOrderUsed).toBe('mdy'); expect(r.totals.rowsSkipped).toBe(0); } },
  { name: 'dates contradicting the column order', grid: [H, ['A', '13/04/2024', 5], ['B', '14/04/2024', 5], ['C', '04/13/2024', 5]], skipped: [[4, /does not fit the column's day\/month\/year order/]], warning: /do not fit/ },
  { name: 'explicit date order', grid: [H, ['A', '03/04/2024', 5]], options: { dateOrder: 'mdy' }, check: (r) => expect(r.asOf).toBe(Date.UTC(2024, 2, 4) / 864e5) },
  { name: 'Excel error values', grid: [H, ...ok(), ['X', '#N/A', 5], ['#REF!', 45000, 5], ['Y', 45000, '#DIV/0!']], skipped: [[5, /error value #N\/A in column B \(Date\)/], [6, /error value #REF! in column A \(Customer\)/], [7, /error value #DIV\/0! in column C/]] },
  { name: 'empty customer', grid: [H, ...ok(), [' ', '2024-01-01', 5]], skipped: [[5, /customer is empty/]] },
  { name: 'blank rows inside the table', grid: [H, ...ok(2), [null, null, null], ...ok(1)], skipped: [[4, /blank row/]] },
  { name: 'trailing blank rows are not rows read', grid: [H, ...ok(2), ['', null, ''], [null]], check: (r) => { expect(r.totals.rowsRead).toBe(2); expect(r.totals.rowsSkipped).toBe(0); } },
  { name: 'duplicate headers warn and use the first', grid: [['Customer', 'Date', 'Amount', 'Amount'], ['A', '2024-01-01', 1, 99]], warning: /Two columns look like amount: C \(Amount\) and D \(Amount\); using C/, check: (r) => expect(r.customers[0].revenue).toBe(1) },
  { name: '1904 date system', grid: [H, ['A', 43000, 5]], options: { date1904: true }, check: (r) => expect(r.asOf).toBe(Date.UTC(2021, 8, 23) / 864e5) },
  { name: '1900 serial with time of day', grid: [H, ['A', 45306.75, 5]], check: (r) => expect(r.asOf).toBe(Date.UTC(2024, 0, 15) / 864e5) },
  { name: 'serial out of range', grid: [H, ...ok(), ['A', 99999999, 5]], skipped: [[5, /"99999999".*not a date/]] },
  { name: 'numbers with thousands, currency, parentheses', grid: [H, ['A', '2024-01-01', '$1,234.50'], ['A', '2024-01-02', '(34.50)'], ['B', '2024-01-01', '€ 99']], check: (r) => { expect(r.customers.find((c) => c.customer === 'A')!.revenue).toBe(1200); } },
  { name: 'decimal comma column', grid: [H, ['A', '2024-01-01', '1.234,50'], ['B', '2024-01-01', '12,25']], check: (r) => expect(r.customers.map((c) => c.revenue)).toEqual([1234.5, 12.25]) },
  { name: 'returns cancel to exactly zero', grid: [H, ['A', '2024-01-01', 0.1], ['A', '2024-01-01', 0.2], ['A', '2024-01-02', -0.3], ['B', '2024-01-01', 5]], check: (r) => { expect(r.customers.find((c) => c.customer === 'A')!.revenue).toBe(0); expect(r.customers.find((c) => c.customer === 'A')!.abcNote).toBe('net ≤ 0'); } },
  { name: 'rows outside the window', grid: [H, ['A', '2023-12-31', 5], ['A', '2024-01-05', 5], ['B', '2024-03-01', 9]], options: { from: '2024-01-01', to: '2024-02-29' }, skipped: [[2, /before the analysis window \(2024-01-01\)/], [4, /after the analysis window \(2024-02-29\)/]] },
  { name: 'rows after an explicit as-of date', grid: [H, ['A', '2024-01-05', 5], ['B', '2024-03-01', 9]], options: { asOf: '2024-02-01' }, skipped: [[3, /after the as-of date \(2024-02-01\)/]] },
  { name: 'boolean in amount', grid: [H, ...ok(), ['A', '2024-01-01', true]], skipped: [[5, /"true" in column C \(Amount\) is not a number/]] },
  { name: 'profit metric without a profit column falls back', grid: [H, ...ok()], options: { metric: 'profit' }, warning: /no profit column is mapped; using revenue/ },
  { name: 'bad profit cell skips the row', grid: [['Customer', 'Date', 'Amount', 'Profit'], ['A', '2024-01-01', 5, 1], ['B', '2024-01-01', 5, 'lots']], skipped: [[3, /"lots" in column D \(Profit\) is not a number/]] },
  { name: 'quantity × price', grid: [['Client', 'Datum', 'Qty', 'Unit price'], ['A', '2024-01-01', 3, 2.5], ['A', '2024-01-01', 2, 'abc']], skipped: [[3, /"abc" in column D \(Unit price\)/]], check: (r) => expect(r.customers[0].revenue).toBe(7.5) },
  { name: 'wide input with a text cell', grid: [['Kunde', 'Jan', 'Feb', 'Mar'], ['A', 10, 10, 10], ['B', 5, 'n/a', 5]], skipped: [[3, /"n\/a" in column C \(Feb\) is not a number/]], warning: /Lifecycle status needs a date column/ },
  { name: 'wide input with no numbers at all in a row', grid: [['Customer', 'Q1', 'Q2'], ['A', 1, 2], ['B', '', '']], skipped: [[3, /no numeric period values/]] },
  { name: 'a column marked not used is not recognised from its header', grid: [['Customer', 'Date', 'Amount', 'Profit'], ['A', '2024-01-01', 5, 'n/a']], options: { columns: { profit: '-' } }, check: (r) => { expect(r.mapping.map((m) => m.role)).toEqual(['customer', 'date', 'amount']); expect(r.totals.rowsSkipped).toBe(0); } },
  { name: 'wide headers that contain a money word are periods, not the amount column', grid: [['Customer', 'Sales Jan', 'Sales Feb', 'Sales Mar', 'Sales Apr'], ['A', 10, 20, 30, 40], ['B', 5, 0, 5, 0]], check: (r) => { expect(r.periodLabels).toEqual(['Sales Jan', 'Sales Feb', 'Sales Mar', 'Sales Apr']); expect(r.customers.map((c) => [c.revenue, c.periods])).toEqual([[100, 4], [10, 4]]); } },
  { name: 'the same text number reads the same in every row of a decimal-comma column', grid: [H, ['A', '2024-01-05', '12.5'], ['B', '2024-01-05', '1,5'], ['C', '2024-01-05', '2,5'], ['D', '2024-01-05', '12.5']], check: (r) => expect(Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]))).toEqual({ A: 12.5, B: 1.5, C: 2.5, D: 12.5 }) },
  { name: 'no usable row is an error naming the most common reason and its column', grid: [H, ['A', '2024-01-05', 'abc'], ['B', '2024-01-06', 'n/a'], ['C', '', 5]], error: /No row could be used: all 3 rows read were skipped\. The most common reason, for 2 of them \(the first in row 2\): "abc" in column C \(Amount\) is not a number\..*--amount/ },
  { name: 'as-of before from', grid: [H, ...ok()], options: { from: '2024-03-01', asOf: '2024-02-01' }, error: /as-of date \(2024-02-01\) must not be before from \(2024-03-01\)/ },
  { name: 'hex, binary and overflowing text amounts are not numbers', grid: [H, ...ok(), ['A', '2024-01-05', '0X10'], ['B', '2024-01-05', '0b101'], ['C', '2024-01-05', '1e400'], ['D', '2024-01-05', '1e3']], skipped: [[5, /"0X10".*not a number/], [6, /"0b101".*not a number/], [7, /"1e400".*not a number/]] },
  { name: 'net ≤ 0 customers get no XYZ and do not count towards the mostly-Z warning', grid: [H, ...['P', 'Q'].flatMap((c) => ['2024-01-05', '2024-02-05', '2024-03-05'].map((d) => [c, d, 100])), ...Array.from({ length: 9 }, (_, i) => [`R${i}`, '2024-03-01', -5])], check: (r) => { expect(r.warnings.join(' ')).not.toMatch(/are Z/); expect(r.customers.filter((c) => c.abc === null).every((c) => c.xyz === null && c.xyzNote === 'net ≤ 0')).toBe(true); } },
  { name: 'Greek headers', grid: [['Πελάτης', 'Ημερομηνία', 'Πωλήσεις'], ['Α', '2024-01-01', 5]], check: (r) => expect(r.mapping.map((m) => m.role)).toEqual(['customer', 'date', 'amount']) },
  { name: 'a header row with holes (a sparse array) has empty headers there, as an empty cell would', grid: [sparse(['Customer', 'Date', , 'Amount']), ['A', '2024-01-05', 'x', 10], ['B', '2024-01-06', 'y', 'bad'], ['C', '2024-01-07', 1, 5]], options: { columns: { profit: 'C' } }, skipped: [[2, /"x" in column C is not a number/], [3, /"bad" in column D \(Amount\)/]], check: (r) => { expect(r.headers).toEqual(['Customer', 'Date', '', 'Amount']); expect(r.mapping.find((m) => m.role === 'profit')).toEqual({ role: 'profit', index: 2, header: '', source: 'option' }); } },
  { name: 'Russian headers and d.m.yyyy', grid: [['Клиент', 'Дата', 'Сумма'], ['А', '15.01.2024', '1 234,5']], check: (r) => { expect(r.customers[0].revenue).toBe(1234.5); expect(r.asOf).toBe(Date.UTC(2024, 0, 15) / 864e5); } },
];

describe('bad inputs', () => {
  it('the catalogue has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));
  for (const c of CASES) {
    it(c.name, () => {
      if (c.error) {
        expect(() => segment(c.grid, c.options)).toThrow(AbcxyzError);
        expect(() => segment(c.grid, c.options)).toThrow(c.error);
        return;
      }
      const r = segment(c.grid, c.options);
      expect(r.totals.rowsUsed + r.totals.rowsSkipped).toBe(r.totals.rowsRead);
      for (const [row, reason] of c.skipped ?? []) {
        const s = r.skipped.find((x) => x.row === row);
        expect(s, `row ${row} should be skipped`).toBeDefined();
        expect(s!.reason).toMatch(reason);
      }
      if (c.skipped) expect(r.skipped.length).toBe(c.skipped.length);
      if (c.warning) expect(r.warnings.join('\n')).toMatch(c.warning);
      c.check?.(r);
    });
  }
});
