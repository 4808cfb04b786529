// The host-neutral bodies of the custom functions (shared by Excel and Sheets).
import { describe, expect, it } from 'vitest';
import { matrixTable, segmentTable } from '../../core';

describe('custom-function arguments', () => {
  it('whole-column references: trailing empty rows are dropped, not counted as skipped', () => {
    const pad = <T>(xs: T[], n: number) => [...xs.map((x) => [x]), ...Array.from({ length: n }, () => [''])];
    const table = segmentTable(pad(['A', 'B', 'A'], 1000), pad([100, 50, 100], 1000), pad(['2024-01-05', '2024-02-05', '2024-03-05'], 1000), 'min-periods=1');
    expect(table.length).toBe(3); // header + A + B
    expect(table.flat().every((v) => v !== null && v !== undefined)).toBe(true);
  });
  it('ranges of different lengths with data are an error naming the counts', () => {
    expect(() => matrixTable([['A'], ['B']], [[1]], [['2024-01-01'], ['2024-01-02']])).toThrow(/customers \(2\), amounts \(1\) and dates \(2\)/);
  });
  it('one empty dates cell means per-period columns', () => {
    const m = matrixTable([['A'], ['B']], [[5, 5, 5], [1, 0, 9]], [['']]);
    expect(m[0]).toEqual(['ABC \\ XYZ', 'X', 'Y', 'Z']);
    expect(m.slice(1).reduce((s, r) => s + (r[1] as number) + (r[2] as number) + (r[3] as number), 0)).toBe(2);
  });
});
