// scripts/gen-ledger.mjs, the project's own test ledger: exact row counts, the same bytes for the
// same options (in this process and in another), well-formed lines inside the window, and the
// shape the tests rely on — customer kinds that buy as their kind does, returns, a heavy tail.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLedger, ledgerCsv, parseArgs, writeLedger } from '../../scripts/gen-ledger.mjs';
import { tempDir } from '../temp';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'gen-ledger.mjs');

const LINE = /^C\d{5,},\d{4}-\d{2}-\d{2},-?\d+\.\d{2},-?\d+\.\d{2}$/;
const cents = (text: string) => Math.round(Number(text) * 100);

describe('gen-ledger', () => {
  it('the same options give the same bytes, in this process and from the command line', () => {
    const a = ledgerCsv({ rows: 5000, seed: 11 });
    expect(ledgerCsv({ rows: 5000, seed: 11 })).toBe(a);
    const file = join(tempDir(), 'cli.csv');
    execFileSync(process.execPath, [SCRIPT, '--rows', '5000', '--seed', '11', '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe(a);
    const stdout = execFileSync(process.execPath, [SCRIPT, '--rows', '200', '--seed', '3', '--no-profit', '--customers', '40'], { encoding: 'utf8' });
    expect(stdout).toBe(ledgerCsv({ rows: 200, seed: 3, profit: false, customers: 40 }));
    expect(ledgerCsv({ rows: 5000, seed: 12 })).not.toBe(a);
    expect(readFileSync(writeLedger(join(tempDir(), 'w.csv'), { rows: 50 }), 'utf8')).toBe(ledgerCsv({ rows: 50 }));
  });

  it('writes exactly --rows well-formed lines, in date order, inside the window', () => {
    for (const [rows, seed] of [[1, 1], [37, 2], [10000, 3]]) {
      const text = ledgerCsv({ rows, seed });
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.trimEnd().split('\n');
      expect(lines[0]).toBe('customer,date,amount,profit');
      expect(lines.length - 1).toBe(rows);
      let previous = '';
      for (const line of lines.slice(1)) {
        expect(line).toMatch(LINE);
        const date = line.split(',')[1];
        expect(date >= previous).toBe(true);
        expect(date >= '2023-01-01' && date <= '2024-12-31').toBe(true);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
        previous = date;
      }
    }
  });

  it('amounts are whole cents written with two decimals', () => {
    const { rows } = generateLedger({ rows: 3000, seed: 5 });
    const text = ledgerCsv({ rows: 3000, seed: 5 }).trimEnd().split('\n').slice(1);
    text.forEach((line, i) => {
      const [, , amount, profit] = line.split(',');
      expect(cents(amount)).toBe(rows[i][2]);
      expect(cents(profit)).toBe(rows[i][3]);
      expect(Number.isInteger(rows[i][2])).toBe(true);
    });
  });

  it('--customers gives exactly that many customers; --no-profit drops the column; --start and --months move the window', () => {
    const { header, rows, customers, window } = generateLedger({ rows: 4000, customers: 1200, profit: false, start: '2021-07-01', months: 6, seed: 4 });
    expect(header).toEqual(['customer', 'date', 'amount']);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1200);
    expect(customers.length).toBe(1200);
    expect(customers.reduce((s, c) => s + c.lines, 0)).toBe(4000);
    expect(rows.every((r) => r[3] === null)).toBe(true);
    expect(window).toEqual({ from: '2021-07-01', to: '2021-12-31' });
    expect(rows.every((r) => r[1] >= '2021-07-01' && r[1] <= '2021-12-31')).toBe(true);
    expect(ledgerCsv({ rows: 10, profit: false }).split('\n')[1]).toMatch(/^C\d+,\d{4}-\d{2}-\d{2},\d+\.\d{2}$/);
    expect(() => generateLedger({ rows: 5, customers: 6 })).toThrow(/cannot exceed rows/);
    expect(() => generateLedger({ start: '2023-02-30' })).toThrow(/no such day/);
  });

  it('returns come at about the return rate, after and no larger than a purchase of the same customer', () => {
    for (const returnRate of [0, 0.03, 0.1]) {
      const { rows } = generateLedger({ rows: 20000, seed: 8, returnRate });
      const returns = rows.filter((r) => r[2] < 0);
      // a customer's first line is never a return, so the rate over all lines is a little lower
      expect(returns.length / rows.length).toBeGreaterThanOrEqual(returnRate * 0.6);
      expect(returns.length / rows.length).toBeLessThanOrEqual(returnRate * 1.1);
      const bought = new Map<string, number[]>();
      for (const [customer, , amount] of rows) {
        if (amount > 0) { bought.set(customer, [...(bought.get(customer) ?? []), amount]); continue; }
        expect(Math.max(...(bought.get(customer) ?? [0]))).toBeGreaterThanOrEqual(-amount);
      }
    }
  });

  it('has every kind of buyer, each buying as its kind does, and a heavy-tailed value', () => {
    const { rows, customers } = generateLedger({ rows: 50000, seed: 2 });
    const kinds = new Map(customers.map((c) => [c.customer, c.kind]));
    const byKind = (k: string) => customers.filter((c) => c.kind === k);
    for (const k of ['key', 'subscription', 'weekly', 'monthly', 'sporadic', 'one-off']) expect(byKind(k).length, k).toBeGreaterThan(0);
    const days = new Map<string, string[]>();
    const net = new Map<string, number>();
    for (const [customer, date, amount] of rows) {
      if (amount > 0) days.set(customer, [...(days.get(customer) ?? []), date]);
      net.set(customer, (net.get(customer) ?? 0) + amount);
    }
    const gap = (c: string) => {
      const d = days.get(c)!.map((x) => Date.parse(x) / 86400000);
      const gaps = d.slice(1).map((x, i) => x - d[i]).sort((a, b) => a - b);
      return gaps.length ? gaps[Math.floor(gaps.length / 2)] : null;
    };
    const medianGap = (k: string) => {
      const g = byKind(k).map((c) => gap(c.customer)).filter((x): x is number => x !== null).sort((a, b) => a - b);
      return g[Math.floor(g.length / 2)];
    };
    expect(medianGap('weekly')).toBe(7);
    expect(medianGap('subscription')).toBeGreaterThanOrEqual(28);
    expect(medianGap('subscription')).toBeLessThanOrEqual(31);
    expect(medianGap('monthly')).toBeGreaterThanOrEqual(20);
    expect(medianGap('monthly')).toBeLessThanOrEqual(40);
    expect(medianGap('key')).toBeLessThan(14);
    // a subscription bills on one day of the month
    for (const c of byKind('subscription').filter((c) => c.lines > 3).slice(0, 50)) {
      const doms = new Set(days.get(c.customer)!.map((d) => d.slice(8)));
      expect(doms.size, c.customer).toBeLessThanOrEqual(2);
    }
    expect(byKind('one-off').every((c) => c.lines <= 2)).toBe(true);
    // heavy tail: the top fifth of customers by net value holds most of it, key accounts lead
    const values = [...net].sort((a, b) => b[1] - a[1]);
    const total = values.reduce((s, [, v]) => s + Math.max(0, v), 0);
    const top = values.slice(0, Math.round(values.length / 5)).reduce((s, [, v]) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.7);
    expect(top / total).toBeLessThan(0.95);
    expect(values.slice(0, 10).filter(([c]) => kinds.get(c) === 'key').length).toBeGreaterThanOrEqual(5);
    // some customers return all they bought (net ≤ 0), and some stop buying before the window ends
    expect(values.some(([, v]) => v <= 0)).toBe(true);
    expect(customers.filter((c) => c.to < '2024-12-01').length).toBeGreaterThan(customers.length / 10);
  });

  it('reads its command-line options and refuses unknown ones', () => {
    expect(parseArgs(['--rows', '100', '--customers', '7', '--seed', '9', '--start', '2022-01-01', '--months', '12', '--return-rate', '0.05', '--no-profit', '--out', 'x.csv']))
      .toEqual({ options: { rows: 100, customers: 7, seed: 9, start: '2022-01-01', months: 12, returnRate: 0.05, profit: false }, out: 'x.csv' });
    expect(() => parseArgs(['--rowz', '1'])).toThrow(/unknown option --rowz/);
    expect(() => parseArgs(['--rows'])).toThrow(/expected a number/);
    expect(() => execFileSync(process.execPath, [SCRIPT, '--rows', 'many'], { stdio: 'pipe' })).toThrow(/expected a number/);
  });
});
