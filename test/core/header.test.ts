// The header row is found among the first rows: titles, period lines, blank lines, `sep=` hints
// and merged-title rows above it are not data. header-row names it outright. Columns are chosen
// by the evidence of the first data rows; a run that uses no row is an error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AbcxyzError, createSegmenter, parseOptionText, resolveOptions, segment, setOptionFromText, type PartialOptions, type RawCell, type SegmentResult,
} from '../../core';
import { OPTION_FLAGS, optionHelpLines } from '../../core/options';
import { findHeaderRow, isSepHint } from '../../core/read/header-row';

const H = ['Customer', 'Date', 'Amount'];
const LEDGER: RawCell[][] = [
  ['Acme', '2024-01-05', 100],
  ['Beta', '2024-01-06', 40],
  ['Acme', '2024-02-05', 60],
  ['Gamma', 'soon', 5],
  ['Beta', '2024-03-06', 20],
];
const TITLES: RawCell[][] = [
  ['Sales ledger — ACME Holding', null, null],
  ['Period: 01.01.2024 – 31.12.2024'],
  [null, null, null],
];

function streamed(rows: RawCell[][], options: PartialOptions = {}): SegmentResult {
  const s = createSegmenter(options);
  const buffer: RawCell[] = [];
  for (const row of rows) {
    // one array refilled for every row, as a streaming parser may hand them over
    buffer.length = 0;
    buffer.push(...row);
    s.add(buffer);
  }
  return s.finish();
}

/** What must not change when lines are put above the header: everything but the row numbers. */
function essence(r: SegmentResult) {
  return {
    customers: r.customers.map((c) => [c.customer, c.abc, c.xyz, c.status, c.revenue, c.purchases]),
    totals: r.totals,
    reasons: r.skipped.map((s) => s.reason),
    asOf: r.asOf,
    layout: r.layout,
    mapping: r.mapping,
  };
}

describe('header row', () => {
  it('a clean table: the header is its first row', () => {
    const r = segment([H, ...LEDGER]);
    expect(r.headerRow).toBe(1);
    expect(r.totals).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsSkipped: 1 });
    expect(r.skipped.map((s) => s.row)).toEqual([5]);
  });

  it('a title, a period line and a blank line above the header are not data (grid and streamed)', () => {
    const clean = segment([H, ...LEDGER]);
    for (const r of [segment([...TITLES, H, ...LEDGER]), streamed([...TITLES, H, ...LEDGER])]) {
      expect(r.headerRow).toBe(4);
      expect(essence(r)).toEqual(essence(clean));
      // the skipped row keeps its true sheet row
      expect(r.skipped.map((s) => s.row)).toEqual([8]);
    }
  });

  it('the sheet rows count from the first row of the selection (firstRow)', () => {
    const r = segment([...TITLES, H, ...LEDGER], { firstRow: 10 });
    expect(r.headerRow).toBe(13);
    expect(r.skipped.map((s) => s.row)).toEqual([17]);
  });

  it('a workbook title in one merged cell, with the header further right and more rows of titles', () => {
    const grid: RawCell[][] = [
      [null, 'Umsatzliste 2024', null, null],
      [null, 'Mandant: 100', null, null],
      [],
      [null, 'Kunde', 'Datum', 'Umsatz'],
      [null, 'Müller GmbH', 45300, 10],
      [null, 'Schmidt AG', 45301, 20],
    ];
    const r = segment(grid);
    expect(r.headerRow).toBe(4);
    expect(r.customers.map((c) => [c.customer, c.revenue])).toEqual([['Schmidt AG', 20], ['Müller GmbH', 10]]);
  });

  it('a row that names more roles wins over one that names fewer, also when it comes later', () => {
    const grid: RawCell[][] = [['Customer report', 'Date: 2024-12-31'], ['Kunde', 'Datum', 'Betrag', 'Gewinn'], ['A', 45300, 10, 2]];
    expect(segment(grid).headerRow).toBe(2);
    expect(findHeaderRow(grid, grid.length, {})).toBe(1);
  });

  it('Excel\'s sep= hint as the first row (as one cell, or split at its own delimiter)', () => {
    for (const sep of [['sep=;'], ['sep=', ''], ['SEP=,']]) {
      const r = segment([sep, H, ...LEDGER]);
      expect(r.headerRow).toBe(2);
      expect(r.totals).toMatchObject({ rowsRead: 5, rowsUsed: 4 });
    }
    expect(isSepHint(['sep=;'])).toBe(true);
    expect(isSepHint(['sep=;', 'x'])).toBe(false);
    expect(isSepHint(['separate'])).toBe(false);
  });

  it('a wide table (customer × periods) below a title', () => {
    const r = segment([['Sales by customer and month'], [], ['Kunde', 'Jan', 'Feb', 'Mar'], ['A', 1, 2, 3], ['B', 4, 5, 6]]);
    expect(r.headerRow).toBe(3);
    expect(r.layout).toBe('wide');
    expect(r.customers.map((c) => [c.customer, c.revenue])).toEqual([['B', 15], ['A', 6]]);
  });

  it('a header the names do not give away, with the columns set by letter: the first row as full as the table', () => {
    const grid: RawCell[][] = [['Report'], ['Kto', 'Kogda', 'Skolko'], ['A', 45300, 10], ['B', 45301, 20]];
    const r = segment(grid, { columns: { customer: 'A', date: 'B', amount: 'C' } });
    expect(r.headerRow).toBe(2);
    expect(r.totals.rowsUsed).toBe(2);
  });

  it('the header found among the first 30 rows only; blank rows above it are fine', () => {
    const blanks = Array.from({ length: 29 }, () => [null, null, null] as RawCell[]);
    expect(segment([...blanks, H, ...LEDGER]).headerRow).toBe(30);
    // no header in the first 30 rows: the error names what it found
    expect(() => segment([...blanks, [null], H, ...LEDGER])).toThrow(/No header row in the first 30 rows: they are blank\. Name the header row: --header-row N/);
    expect(segment([...blanks, [null], H, ...LEDGER], { headerRow: 31 }).totals.rowsUsed).toBe(4);
  });

  it('header-row names the header outright (option text, command line flag, --help)', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ['Kunde', 'Datum', 'Betrag', 'Gewinn'], ['A', 45300, 10, 2], ['B', 45301, 20, 4]];
    const found = segment(grid);
    expect(found.headerRow).toBe(2);
    expect(found.totals).toMatchObject({ rowsRead: 2, rowsUsed: 2 });
    const forced = segment(grid, parseOptionText('header-row=1'));
    expect(forced.headerRow).toBe(1);
    expect(forced.skipped.map((s) => [s.row, s.reason])).toEqual([[2, 'date "Datum" in column B (Date) is not a date']]);
    expect(forced.totals).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsSkipped: 1 });
    // streamed: the rows above a header that is named are not kept
    expect(essence(streamed(grid, { headerRow: 1 }))).toEqual(essence(forced));
    const partial: PartialOptions = {};
    setOptionFromText(partial, 'header-row', '4');
    expect(partial.headerRow).toBe(4);
    expect(OPTION_FLAGS.find((f) => f.name === 'header-row')).toEqual({ name: 'header-row', boolean: false });
    expect(optionHelpLines().join('\n')).toMatch(/--header-row N\s+Header row/);
    expect(() => resolveOptions({ headerRow: 0 })).toThrow(/headerRow: must be between 1/);
    expect(() => resolveOptions({ headerRow: 2.5 })).toThrow(AbcxyzError);
  });

  it('header-row with titles above: sheet rows count on, in a selection that starts lower', () => {
    const r = segment([...TITLES, H, ...LEDGER], { headerRow: 24, firstRow: 21 });
    expect(r.headerRow).toBe(24);
    expect(r.skipped.map((s) => s.row)).toEqual([28]);
    expect(essence(streamed([...TITLES, H, ...LEDGER], { headerRow: 24, firstRow: 21 }))).toEqual(essence(r));
  });

  it('a header-row outside the table is an error naming the table\'s rows', () => {
    expect(() => segment([H, ...LEDGER], { headerRow: 3, firstRow: 5 })).toThrow(/The header row 3 is not in the table, which has rows 5 to 10/);
    expect(() => segment([H, ...LEDGER], { headerRow: 40 })).toThrow(/The header row 40 is not in the table, which has rows 1 to 6/);
    expect(() => streamed([H, ...LEDGER], { headerRow: 40 })).toThrow(/The header row 40 is not in the table/);
  });

  it('a table streamed row by row gives what its grid gives, however long (the header is decided after the first rows)', () => {
    const long: RawCell[][] = [...TITLES, H];
    for (let i = 0; i < 700; i++) long.push([`C${i % 37}`, 45000 + (i % 300), (i % 11) + 0.25]);
    expect(streamed(long)).toEqual(segment(long));
    expect(segment(long).headerRow).toBe(4);
    expect(streamed(long.slice(0, 12))).toEqual(segment(long.slice(0, 12)));
    // a wide table the same, with its totals row far down
    const wide: RawCell[][] = [['Umsatz je Kunde'], [], ['Kunde', 'Jan', 'Feb', 'Gesamt']];
    for (let i = 0; i < 400; i++) wide.push([`K${i}`, `${i},5`, i % 3, `${i + (i % 3)},5`]);
    wide.push(['Gesamtergebnis', '1,0', '2,0', '3,0']);
    const w = segment(wide);
    expect(streamed(wide)).toEqual(w);
    expect(w).toMatchObject({ headerRow: 3, layout: 'wide', periodLabels: ['Jan', 'Feb'] });
    expect(w.skipped.map((s) => [s.row, s.reason])).toEqual([[404, 'totals row']]);
    expect(w.totals.metricTotal).toBe(Array.from({ length: 400 }, (_, i) => i + 0.5 + (i % 3)).reduce((a, b) => a + b, 0));
  });
});

describe('column mapping by evidence', () => {
  /** A shop's order export: 40 columns, several that look like the customer, the date or the amount. */
  const SHOP = [
    'Order ID', 'Order Number', 'Order Status', 'Company', 'Customer e-mail', 'Refunded date (UTC)', 'Order date (UTC)', 'Paid',
    'Value', 'Net sales', 'Shipping', 'Taxes', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Lineitem quantity',
    'Lineitem name', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status',
    'Billing Street', 'Billing Address1', 'Billing Address2', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country',
    'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping City', 'Shipping Zip', 'Shipping Country', 'Notes',
    'Payment Method', 'Payment Reference', 'Vendor', 'Tags', 'Risk Level',
  ];
  const col = (name: string) => SHOP.indexOf(name);
  function shopRows(n: number): RawCell[][] {
    const rows: RawCell[][] = [SHOP];
    for (let i = 0; i < n; i++) {
      const row: RawCell[] = SHOP.map(() => '');
      row[col('Order ID')] = 5000 + i;
      row[col('Order Number')] = `#${1000 + i}`;
      row[col('Customer e-mail')] = `buyer${i % 7}@example.com`;
      row[col('Order date (UTC)')] = `2024-0${1 + (i % 9)}-1${i % 10} 12:17:00`.slice(0, 10);
      row[col('Value')] = i % 2 ? 'high' : 'low';
      row[col('Net sales')] = (10 + i).toFixed(2);
      row[col('Lineitem quantity')] = 1;
      // a refund now and then; a company name on one order in five
      if (i % 9 === 0) row[col('Refunded date (UTC)')] = '2024-12-01';
      if (i % 5 === 0) row[col('Company')] = 'Some Company Ltd';
      rows.push(row);
    }
    return rows;
  }

  it('a 40-column shop export: the customer, the date and the amount are the columns that read', () => {
    const rows = shopRows(60);
    const r = segment(rows);
    const by = Object.fromEntries(r.mapping.map((m) => [m.role, m.header]));
    expect(by.customer).toBe('Customer e-mail');
    expect(by.date).toBe('Order date (UTC)');
    expect(by.amount).toBe('Net sales');
    expect(r.totals).toMatchObject({ rowsRead: 60, rowsUsed: 60, customers: 7 });
    const expected = Array.from({ length: 60 }, (_, i) => 10 + i).reduce((a, b) => a + b, 0);
    expect(r.totals.metricTotal).toBe(expected);
    expect(r.warnings.join('\n')).not.toMatch(/was taken as the/);
    // streamed, the same columns from the same first rows
    expect(streamed(rows).mapping).toEqual(r.mapping);
  });

  it('without the evidence (names only) the empty columns would have been taken', async () => {
    const { mapColumns } = await import('../../core/read/headers');
    const names = Object.fromEntries(mapColumns(SHOP, {}).mapping.map((m) => [m.role, m.header]));
    expect([names.customer, names.date, names.amount]).toEqual(['Company', 'Refunded date (UTC)', 'Value']);
  });

  it('an override still wins over the evidence', () => {
    const r = segment(shopRows(30), { columns: { customer: 'Company' } });
    expect(r.mapping.find((m) => m.role === 'customer')!.header).toBe('Company');
    expect(r.totals.rowsUsed).toBe(6);
  });

  it('a role whose column reads in fewer than half of the first rows gets a warning naming the column and the flag', () => {
    const rows: RawCell[][] = [H];
    for (let i = 0; i < 10; i++) rows.push([`C${i}`, i < 3 ? 45300 + i : '', 10]);
    const r = segment(rows);
    expect(r.warnings).toContain('Column B (Date) was taken as the date column, but only 30 % of the first 10 rows read as one there. If it is the wrong column, choose the date column explicitly: --date on the command line, date= in the options text.');
    // a column chosen by the analyst gets no such warning
    expect(segment(rows, { columns: { date: 'Date' } }).warnings.join('\n')).not.toMatch(/was taken as the/);
    // half is enough
    rows.splice(6, 5);
    expect(segment(rows).warnings.join('\n')).not.toMatch(/was taken as the/);
  });
});

describe('a run that uses no row', () => {
  it('is an error naming the most common reason and its column (long, grid and streamed)', () => {
    const rows: RawCell[][] = [H, ['A', '2024-13-45', 5], ['B', '', 5], ['C', 'next week', 6], ['D', 'soon', 7]];
    const message = /^No row could be used: all 4 rows read were skipped\. The most common reason, for 3 of them \(the first in row 2\): date "2024-13-45" in column B \(Date\) is not a date\. If B \(Date\) is not the date column, choose it explicitly: --date on the command line, date= in the options text\.$/;
    expect(() => segment(rows)).toThrow(message);
    expect(() => streamed(rows)).toThrow(message);
  });

  it('a reason without a column of its own is told with the column it is about', () => {
    expect(() => segment([H, ['', '2024-01-01', 5], [' ', '2024-01-02', 6], ['A', '2024-01-03', 'x']]))
      .toThrow(/for 2 of them \(the first in row 2\): customer is empty \(column A \(Customer\)\)\. If A \(Customer\) is not the customer column, choose it explicitly: --customer/);
  });

  it('a window that leaves no row says so', () => {
    expect(() => segment([H, ...LEDGER], { from: '2025-01-01' })).toThrow(/for 4 of them \(the first in row 2\): date 2024-01-05 is before the analysis window \(2025-01-01\) \(column B \(Date\)\)/);
  });

  it('a wide table without a single number in its period columns', () => {
    expect(() => segment([['Customer', 'Jan', 'Feb'], ['', 1, 2], ['B', '', ''], ['C', '', '']]))
      .toThrow(/No row could be used: all 3 rows read were skipped\. The most common reason, for 2 of them \(the first in row 3\): no numeric period values\./);
  });
});

describe('properties', () => {
  const name = fc.constantFrom('Acme', 'acme ', 'Beta', 'Gamma', 'Delta', 'Müller GmbH', 'Σπύρος ΑΕ', '');
  const day = fc.integer({ min: 0, max: 700 }).map((d) => 45000 + d);
  const amount = fc.integer({ min: -8000, max: 200000 }).map((c) => c / 4);
  const bad = fc.constantFrom<RawCell>('#N/A', 'abc', '', null, '31.02.2024');
  const row = fc.tuple(name, fc.oneof({ weight: 9, arbitrary: day }, { weight: 1, arbitrary: bad }), fc.oneof({ weight: 9, arbitrary: amount }, { weight: 1, arbitrary: bad }));
  const usable = (r: RawCell[]) => typeof r[0] === 'string' && r[0].trim() !== '' && typeof r[1] === 'number' && typeof r[2] === 'number';
  const ledger = fc.array(row, { minLength: 1, maxLength: 80 }).filter((rows) => rows.some(usable));
  const line = fc.constantFrom<RawCell[]>(
    ['Sales ledger 2024'], ['Period: 01.01.2024 – 31.12.2024'], [], [null, null, null], ['', '', ''], ['ACME Holding GmbH — Umsatzliste', null, null],
    ['Printed 2024-05-01', null, 'Page 1'], ['Customer sales report'], ['Итого за период: 12 345,67'],
  );
  const above = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 8 })).map(([sep, lines]) => (sep ? [['sep=;'] as RawCell[], ...lines] : lines));

  it('k title, period, blank and sep= lines above a ledger change nothing but the header row and the sheet row numbers', () => {
    fc.assert(fc.property(ledger, above, fc.integer({ min: 1, max: 40 }), (rows, lines, firstRow) => {
      const o = { asOf: '2025-12-31', firstRow };
      const clean = segment([H, ...rows], o);
      const titled = segment([...lines, H, ...rows], o);
      const k = lines.length;
      expect(titled.headerRow).toBe(firstRow + k);
      expect(clean.headerRow).toBe(firstRow);
      expect(essence(titled)).toEqual(essence(clean));
      expect(titled.skipped.map((s) => s.row)).toEqual(clean.skipped.map((s) => s.row + k));
      expect(essence(streamed([...lines, H, ...rows], o))).toEqual(essence(clean));
    }), { numRuns: 150 });
  });

  it('a ledger with no usable row is always an error, never a report', () => {
    const unusable = fc.array(fc.tuple(name, fc.oneof(day, bad), fc.oneof(amount, bad)), { minLength: 1, maxLength: 30 })
      .map((rows) => rows.filter((r) => !usable(r)))
      .filter((rows) => rows.some((r) => r.some((v) => v !== null && v !== '')));
    fc.assert(fc.property(unusable, (rows) => {
      // (with continuation lines on, an empty-customer row under a row with a customer is usable)
      expect(() => segment([H, ...rows], { asOf: '2025-12-31', continuation: 'off' })).toThrow(/^No row could be used: all \d+ rows read were skipped\. The most common reason/);
    }), { numRuns: 150 });
  });
});

describe('a segmenter whose table cannot be used', () => {
  it('says the same again when finish() is called again', () => {
    const s = createSegmenter();
    for (const row of [H, ['A', 'soon', 5]]) s.add(row);
    expect(() => s.finish()).toThrow(/No row could be used/);
    expect(() => s.finish()).toThrow(/No row could be used: all 1 rows read were skipped/);
  });
});
