// One read ledger can be analysed several times (several windows, periods): the analysis leaves
// the read rows as they are, and only the caller hands their buffers back.
import { describe, expect, it } from 'vitest';
import { resolveOptions, segment, segmentRead } from '../../core';
import { readGrid } from '../../core/read/table-reader';
import { releaseRows } from '../../core/read/release-rows';
import { REPORT_ROWS } from '../fixtures';

const strip = (r: ReturnType<typeof segment>) => JSON.parse(JSON.stringify({ ...r, options: { ...r.options, dateObjectDay: null } }));

describe('a read ledger analysed twice', () => {
  it('gives, each time, what a fresh run with those options gives', () => {
    const monthly = resolveOptions({ asOf: '2024-04-30' });
    const quarterly = resolveOptions({ asOf: '2024-04-30', period: 'quarter', xyzMethod: 'cv' });
    const read = readGrid(REPORT_ROWS, monthly);
    const first = segmentRead(read, monthly);
    // another run in between takes whatever buffers were handed back: it must not get these rows
    const other: typeof REPORT_ROWS = [REPORT_ROWS[0], ...Array.from({ length: 5 }, (_, i) => [`X${i}`, '2024-01-01', 1 + i, 1])];
    segment(other, monthly);
    const second = segmentRead(read, quarterly);
    const again = segmentRead(read, monthly);
    releaseRows(read);
    expect(strip(first)).toEqual(strip(segment(REPORT_ROWS, monthly)));
    expect(strip(second)).toEqual(strip(segment(REPORT_ROWS, quarterly)));
    expect(strip(again)).toEqual(strip(first));
  });
});

describe('options that apply while reading', () => {
  it('an analysis of a read ledger refuses a different window instead of reporting options it did not apply', () => {
    const read = readGrid(REPORT_ROWS, resolveOptions({}));
    expect(() => segmentRead(read, resolveOptions({ from: '2024-03-01', asOf: '2024-04-30' }))).toThrow(/from, asOf/);
    expect(() => segmentRead(read, resolveOptions({ caseSensitive: true }))).toThrow(/caseSensitive/);
    // analysis options are free
    expect(segmentRead(read, resolveOptions({ period: 'quarter' })).options.period).toBe('quarter');
    releaseRows(read);
  });
});
