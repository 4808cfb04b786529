// Grouped reports with no customer header (QuickBooks "Sales by Customer Detail"), the header
// names too general to be found inside longer ones, and "Total for X" rows.
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../../core';
import { groupHeadingColumn } from '../../../core/read/group-heading-column';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));

const GROUPED: RawCell[][] = [
  ['Sales by Customer Detail'],
  ['January - June, 2024'],
  [],
  ['', 'Date', 'Transaction Type', 'Num', 'Amount'],
  ["Amy's Bird Sanctuary", '', '', '', ''],
  ['', '01/12/2024', 'Invoice', '1001', '100.00'],
  ['', '02/12/2024', 'Invoice', '1002', '50.00'],
  ["Total for Amy's Bird Sanctuary", '', '', '', '$150.00'],
  ['Cool Cars', '', '', '', ''],
  ['', '01/20/2024', 'Invoice', '1003', '70.00'],
  ['', '03/02/2024', 'Invoice', '1004', '30.00'],
  ['Total for Cool Cars', '', '', '', '$100.00'],
  ['TOTAL', '', '', '', '$250.00'],
];

describe('a grouped report: the customer in heading rows of an unnamed column', () => {
  it('finds the header below the title, takes the customers from the headings, skips the totals', () => {
    const r = segment(GROUPED, {});
    expect(revenue(r)).toEqual({ "Amy's Bird Sanctuary": 150, 'Cool Cars': 100 });
    expect(r.headerRow).toBe(4);
    expect(r.warnings.some((w) => w.includes('group rows in column A'))).toBe(true);
  });

  it('is the column only where it alone is filled on at least two rows and never holds a number', () => {
    expect(groupHeadingColumn(GROUPED, 3, GROUPED.length)).toBe(0);
    // an unnamed index column of numbers (a data frame's row numbers) is no customer
    const indexed: RawCell[][] = [['', 'Date', 'Amount'], [1, '01/12/2024', 5], [2, '01/13/2024', 6], [3, '', ''], [4, '', '']];
    expect(groupHeadingColumn(indexed, 0, indexed.length)).toBe(-1);
    // one heading is not a layout
    expect(groupHeadingColumn(GROUPED.slice(0, 8), 3, 8)).toBe(-1);
    // a named column is never the one
    expect(groupHeadingColumn([['Notes', 'Date', 'Amount'], ['x'], ['y']], 0, 3)).toBe(-1);
  });

  it('a header that names a date and an amount but no customer, and no headings below, is still refused', () => {
    expect(() => segment([['', 'Date', 'Amount'], ['', '01/12/2024', '5'], ['', '01/13/2024', '6']], {})).toThrow(/customer/i);
  });
});

describe('whole-only names', () => {
  it('"Name", "Contact" and "Gross" map as whole headers', () => {
    const r = segment([['Date', 'Contact', 'Gross'], ['2024-01-05', 'City Agency', '3,221.60']], {});
    expect(revenue(r)).toEqual({ 'City Agency': 3221.6 });
  });
  it('but not inside longer ones: "Item name" is no customer, "Contact phone" none either', () => {
    expect(() => segment([['Date', 'Item name', 'Contact phone', 'Amount'], ['2024-01-05', 'Pump', '555-0100', '5']], {})).toThrow(/customer/i);
  });
});
