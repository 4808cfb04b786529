// The host-neutral bodies of the custom functions (shared by Excel and Sheets).
import { describe, expect, it } from 'vitest';
import { matrixTable, pAliveTable, segment, segmentTable } from '../../core';
import { BGNBD_OPTIONS, bgnbdLedger } from '../fixtures/bgnbd-ledger';

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

describe('PALIVE (SPEC §11)', () => {
  const grid = bgnbdLedger().slice(1);
  const col = (j: number) => grid.map((r) => [r[j]]);
  it('customer, P(alive) and expected purchases in the report\'s order, from the same run as the report', () => {
    const table = pAliveTable(col(0), col(2), col(1), 'as-of=2024-12-31; horizon-days=60');
    const r = segment(bgnbdLedger(), { asOf: '2024-12-31', horizonDays: 60 });
    expect(table).toEqual([['Customer', 'P(alive)', 'Expected purchases'], ...r.customers.map((c) => [c.customer, c.pAlive, c.expectedPurchases])]);
    // the options reach the status too, but the function answers the model's numbers only
    expect(pAliveTable(col(0), col(2), col(1), 'churn-model=bgnbd; as-of=2024-12-31; horizon-days=60')).toEqual(table);
    expect(BGNBD_OPTIONS.churnModel).toBe('bgnbd');
  });
  it('needs dates; a ledger without a model answers with the reason', () => {
    expect(() => pAliveTable(col(0), col(2), [['']])).toThrow('dates is empty.');
    expect(() => pAliveTable([['A'], ['B']], [[1], [2]], [['2024-01-01'], ['2024-02-01']])).toThrow(/^BG\/NBD: only 0 of 2 customer\(s\)/);
  });
});
