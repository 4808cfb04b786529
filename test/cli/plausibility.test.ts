// The plausibility checks through the command line: the flags the warnings name work as flags.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';

const dir = tempDir('abcxyz-plaus-');

// a Stripe-like export streamed through the core: three currencies, a payment row, order lines
const CSV = [
  'Order,Customer,Date,Type,Currency,Quantity,Unit price,Order total',
  'A-1,Anna,2024-03-01,Invoice,EUR,2,10,50',
  'A-1,Anna,2024-03-01,Invoice,EUR,1,30,50',
  'A-2,Ben,2024-03-02,Invoice,USD,1,80,80',
  'A-3,Ben,2024-03-03,Invoice,EUR,1,45.5,45.5',
  'A-3,Ben,2024-03-03,Invoice,EUR,2,10,45.5',
  'A-4,Anna,2024-03-04,Payment,EUR,,,50',
  '',
].join('\n');

describe('plausibility flags on the command line', () => {
  const input = join(dir, 'orders.csv');
  writeFileSync(input, CSV);
  const run = (...flags: string[]) => {
    const out = join(dir, `r-${flags.join('_').replace(/[^\w-]/g, '')}.json`);
    const r = cli(['segment', input, '--out', out, '--min-periods', '1', ...flags]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const revenue = (j: { customers: { customer: string; revenue: number }[] }) => Object.fromEntries(j.customers.map((c) => [c.customer, c.revenue]));

  it('by default: EUR only, payments skipped, order totals replaced by quantity × unit price', () => {
    const j = run();
    expect(revenue(j)).toEqual({ Anna: 50, Ben: 65.5 });
    expect(j.warnings.join('\n')).toMatch(/--currency CODE/);
    expect(j.warnings.join('\n')).toMatch(/--doc-type -/);
    expect(j.warnings.join('\n')).toMatch(/--amount/);
    expect(j.parameters.mapping.map((m: { role: string }) => m.role)).toEqual(expect.arrayContaining(['order', 'doc-type', 'currency-column']));
  });

  it('--currency USD, --doc-type -, --order - and --continuation off are flags', () => {
    expect(revenue(run('--currency', 'USD'))).toEqual({ Ben: 80 });
    expect(revenue(run('--doc-type', '-', '--order', '-'))).toEqual({ Anna: 150, Ben: 91 });
    expect(run('--continuation', 'off').parameters.continuation).toBe('off');
  });

  it('an unknown currency is exit 1 with the sentence, and --help lists the new flags', () => {
    const r = cli(['segment', input, '--currency', 'CHF']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No row is in the currency CHF: column E \(Currency\) holds EUR \(5 row\(s\)\), USD \(1 row\(s\)\)/);
    const help = cli(['--help']).stdout;
    for (const flag of ['--order', '--doc-type', '--line-amount', '--currency-column', '--discount', '--year', '--month', '--week', '--currency', '--continuation']) expect(help).toContain(flag);
  });
});
