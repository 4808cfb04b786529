// createSegmenter: a table handed over one row at a time gives what segment() gives for the grid,
// also when the caller hands every row over in the same array, refilled (as a streaming parser may).
import { describe, expect, it } from 'vitest';
import { createSegmenter, segment, type PartialOptions, type RawCell } from '../../core';

const LONG: RawCell[][] = [
  ['Customer', 'Date', 'Amount'],
  ['Acme', '03/04/2024', '12,50'],
  [null, '', ''],
  ['Beta', '13/04/2024', '1.234'],
  ['', '', ''],
  ['Acme', '2024-05-02', 7],
  ['', null, ''],
];
const WIDE: RawCell[][] = [['Customer', 'Jan', 'Feb', 'Mar'], ['Acme', 10, 20, 30], ['Beta', 5, '', 5], ['', '', '', ''], ['Gamma', 1, 1, '1,5']];
const ERRORS: RawCell[][] = [['Customer', 'Date', 'Amount'], ['#N/A', 45000, 5], ['Acme', 'soon', 5], ['Beta', 45001, 'abc'], ['Gamma', 45002, 7]];

function streamed(rows: RawCell[][], options: PartialOptions, reuse: boolean) {
  const s = createSegmenter(options);
  const buffer: RawCell[] = [];
  for (const row of rows) {
    if (!reuse) { s.add(row.slice()); continue; }
    buffer.length = 0;
    buffer.push(...row);
    s.add(buffer);
  }
  return s.finish();
}

describe('createSegmenter', () => {
  for (const [name, grid, options] of [['long', LONG, {}], ['long in a window', LONG, { from: '2024-04-01' }], ['wide', WIDE, {}], ['bad rows', ERRORS, {}]] as const) {
    it(`${name}: rows handed over one at a time give what the grid gives`, () => {
      expect(streamed(grid as RawCell[][], options, false)).toEqual(segment(grid as RawCell[][], options));
    });
    it(`${name}: the same when the caller refills one array for every row`, () => {
      expect(streamed(grid as RawCell[][], options, true)).toEqual(segment(grid as RawCell[][], options));
    });
  }

  it('finish() answers the same result again, and refuses rows added after it', () => {
    const s = createSegmenter();
    for (const row of LONG) s.add(row);
    const first = s.finish();
    expect(s.finish()).toBe(first);
    expect(() => s.add(['Acme', 45000, 1])).toThrow(/after finish/);
    // the reader's memory went to the next run: a run in between leaves this result as it was
    const before = JSON.stringify(first);
    segment(LONG);
    expect(JSON.stringify(first)).toBe(before);
  });
});

