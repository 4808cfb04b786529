// The raw UCI Online Retail export as an analyst saves it (InvoiceNo, StockCode, Description,
// Quantity, InvoiceDate MM/DD/YYYY HH:MM, UnitPrice, CustomerID, Country): the command line must find
// the columns itself and account for every one of its 541,909 rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers';
import { benchData } from './locate';

const RAW = benchData('online_retail/online_retail_raw.csv.gz');

let dir: string;
beforeAll(() => { dir = tempDir(); });

describe('abcxyz segment on the raw UCI export', () => {
  it('the raw UCI export (Quantity × UnitPrice, MM/DD/YYYY HH:MM, empty CustomerID) accounts for every row', () => {
    const input = join(dir, 'raw.csv');
    writeFileSync(input, gunzipSync(readFileSync(RAW)));
    const out = join(dir, 'raw.json');
    expect(cli(['segment', input, '--out', out]).code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals.rowsRead).toBe(541909);
    expect(j.totals.rowsUsed + j.totals.rowsSkipped).toBe(541909);
    expect(j.totals.rowsSkipped).toBe(135080);
    expect(new Set(j.skipped.map((s: { reason: string }) => s.reason))).toEqual(new Set(['customer is empty']));
    expect(j.parameters.dateOrderUsed).toBe('mdy');
    expect(j.totals.customers).toBe(4372);
    expect(j.parameters.asOf).toBe('2011-12-09');
  });
});
