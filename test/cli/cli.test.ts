// The command line contract: flags, outputs, exit codes, messages without stack traces.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';
import { ledgerCsv } from '../../scripts/gen-ledger.mjs';

let dir: string;
beforeAll(() => { dir = tempDir(); });

const LEDGER = [
  'Client;Datum;Umsatz;Gewinn;Image',
  'Müller GmbH;15.01.2024;1.200,50;300;ja',
  'müller gmbh ;15.02.2024;800;200;',
  'Beta AG;20.01.2024;300;30;',
  'Beta AG;20.03.2024;(50,00);-5;',
  '=HYPERLINK("http://x","y");01.02.2024;100;10;',
  ';01.02.2024;5;1;',
].join('\n');

describe('abcxyz segment', () => {
  it('reads a semicolon CSV with German headers, decimal comma and dd.mm.yyyy into the JSON contract', () => {
    const input = join(dir, 'de.csv');
    writeFileSync(input, LEDGER);
    const out = join(dir, 'de.json');
    const r = cli(['segment', input, '--out', out, '--min-periods', '1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(j)).toEqual(['parameters', 'totals', 'matrix', 'customers', 'winBack', 'dynamics', 'lostCustomers', 'lossesBy', 'migration', 'skipped', 'warnings']);
    expect(j.totals).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsSkipped: 1, customers: 3 });
    expect(j.skipped).toEqual([{ row: 7, reason: 'customer is empty' }]);
    expect(Object.keys(j.matrix)).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    const m = j.customers[0];
    expect(m).toMatchObject({ rank: 1, customer: 'Müller GmbH', revenue: 2000.5, profit: 500, abc: 'A', firstPurchase: '2024-01-15', lastPurchase: '2024-02-15' });
    expect(m.archetypes).toContain('Image builder');
    expect(j.customers.map((c: { customer: string }) => c.customer)).toContain('=HYPERLINK("http://x","y")');
    for (const c of j.customers) expect(['Active', 'New', 'At risk', 'Lost']).toContain(c.status);
    expect(j.parameters.asOf).toBe('2024-03-20');
  });

  it('CSV output has the JSON field names and neutralises formula-like names', () => {
    const input = join(dir, 'de2.csv');
    writeFileSync(input, LEDGER);
    const out = join(dir, 'de.csv.out.csv');
    expect(cli(['segment', input, '--out', out]).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('rank,customer,revenue,profit,metric,share,cumShare,abc,purchases,periods,activePeriods,frequency,cv,xyz,segment,keyAccount,archetypes,dependencyRisk,qualified,firstPurchase,lastPurchase,daysSinceLast,typicalGap,status,pAlive,expectedPurchases');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('BG/NBD (SPEC §11): --churn-model bgnbd --lost-below 30 --risk-below 60 --horizon-days 30 into the JSON and CSV contract', () => {
    const input = join(dir, 'bgnbd.csv');
    writeFileSync(input, ledgerCsv({ rows: 1000, profit: false }));
    const out = join(dir, 'bgnbd.json');
    const r = cli(['segment', input, '--out', out, '--churn-model', 'bgnbd', '--lost-below', '30', '--risk-below', '60', '--horizon-days', '30', '--as-of', '2024-12-31']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.parameters).toMatchObject({ churnModel: 'bgnbd', lostBelow: 0.3, riskBelow: 0.6, horizonDays: 30, bgnbdUnit: 'week' });
    expect(Object.keys(j.parameters.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLikelihood', 'customers', 'converged', 'unit']);
    expect(j.parameters.bgnbd).toMatchObject({ customers: 86, converged: true, unit: 'week' });
    for (const c of j.customers) {
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
      expect(c.pAlive < 0.3 ? ['Lost'] : c.pAlive < 0.6 ? ['At risk'] : ['Active', 'New']).toContain(c.status);
    }
    expect(j.winBack.length).toBeGreaterThan(0);
    for (const w of j.winBack) expect(w.pAlive).toBe(j.customers.find((c: { customer: string }) => c.customer === w.customer).pAlive);
    // the CSV has the same two columns; a ledger where nobody repeats has nulls and says why
    const csv = join(dir, 'bgnbd.out.csv');
    expect(cli(['segment', input, '--out', csv]).code).toBe(0);
    const [head, first] = readFileSync(csv, 'utf8').split('\n');
    expect(Number(first.split(',')[head.split(',').indexOf('pAlive')])).toBeGreaterThan(0);
    const once = join(dir, 'once.csv');
    writeFileSync(once, 'customer,date,amount\nA,2024-01-05,10\nB,2024-02-05,20\n');
    const onceOut = join(dir, 'once.json');
    expect(cli(['segment', once, '--out', onceOut, '--churn-model', 'bgnbd']).code).toBe(0);
    const o = JSON.parse(readFileSync(onceOut, 'utf8'));
    expect(o.parameters.bgnbd).toBeNull();
    expect(o.customers.map((c: { pAlive: unknown; expectedPurchases: unknown }) => [c.pAlive, c.expectedPurchases])).toEqual([[null, null], [null, null]]);
    expect(o.warnings).toContain('BG/NBD: only 0 of 2 customer(s) bought on more than one day; the model needs at least 10, so P(alive) and expected purchases are left empty. With churn-model=bgnbd, the statuses come from the gap rule instead.');
  });

  it('prints a readable summary without --out, and timings on stderr', () => {
    const input = join(dir, 'de3.csv');
    writeFileSync(input, LEDGER);
    const r = cli(['segment', input, '--timings']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rows: 6 read, 5 used, 1 skipped/);
    expect(r.stdout).toMatch(/^A\s+\d+/m);
    expect(r.stderr).toMatch(/read_ms=\d+(\.\d+)? compute_ms=\d+(\.\d+)? write_ms=\d+(\.\d+)?/);
  });

  it('column and option flags: --customer --amount --metric profit --abc-rule count --a 20 --b 50', () => {
    const input = join(dir, 'flags.csv');
    writeFileSync(input, 'who,when,net,gp\nA,2024-01-01,10,9\nB,2024-01-01,20,1\nC,2024-01-01,5,2\nD,2024-01-01,1,1\nE,2024-01-01,1,0.5\n');
    const out = join(dir, 'flags.json');
    const r = cli(['segment', input, '--customer', 'who', '--date', 'when', '--amount', 'net', '--profit', 'gp', '--metric', 'profit', '--abc-rule', 'count', '--a', '20', '--b', '50', '--out', out]);
    expect(r.stderr).toBe(`Wrote ${out}\n`);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.customers.map((c: { customer: string; abc: string }) => c.customer + c.abc).join(' ')).toBe('AA CB BB DB EC') // D ties with B (profit 1) and shares its class;
  });

  it('exit 2 with a clear sentence for a bad option, and the usage', () => {
    const r = cli(['segment', 'whatever.csv', '--a', '80', '--b', '70']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a \(80\) must be below b \(70\)/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
    expect(cli(['segment', 'x.csv', '--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['segment', 'x.csv', '--period', 'fortnight']).stderr).toMatch(/period: must be one of month, week, quarter, year/);
  });

  it('exit 1 when the input cannot be read or has no usable columns', () => {
    const missing = cli(['segment', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'foo,bar\n1,2\n');
    const r = cli(['segment', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No customer column found\. Headers seen: foo, bar/);
  });
});

describe('abcxyz segment on .xlsx input', () => {
  it('reads dates, numbers, formula results and error cells from the named sheet', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['not the data']);
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['Kunde', 'Datum', 'Umsatz']);
    ws.addRow(['Alpha', new Date(Date.UTC(2024, 0, 15)), 100]);
    ws.addRow(['alpha ', new Date(Date.UTC(2024, 1, 15)), { formula: '50*2', result: 100 }]);
    ws.addRow(['Beta', new Date(Date.UTC(2024, 2, 1)), { error: '#N/A' }]);
    ws.addRow(['Beta', 45352, 40]); // a serial number in the date column: 2024-03-01
    const input = join(dir, 'in.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'xlsx.json');
    const r = cli(['segment', input, '--sheet', 'Sales', '--out', out]);
    expect(r.stderr).toBe(`Wrote ${out}\n`);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsSkipped: 1 });
    expect(j.skipped[0]).toEqual({ row: 4, reason: 'error value #N/A in column C (Umsatz)' });
    expect(j.customers.map((c: { customer: string; revenue: number }) => [c.customer, c.revenue])).toEqual([['Alpha', 200], ['Beta', 40]]);
    expect(j.customers[0].firstPurchase).toBe('2024-01-15');
    expect(j.customers[1].lastPurchase).toBe('2024-03-01');
    const missing = cli(['segment', input, '--sheet', 'Nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No sheet named "Nope".*Sheets: Notes, Sales/);
  });
});

describe('an .xlsx report shortened to fit Excel', () => {
  it('says on stderr what it cut: a name longer than a cell holds', () => {
    const long = `Acme ${'x'.repeat(40000)}`;
    writeFileSync(join(dir, 'long.csv'), `Customer,Date,Amount\n${long},2024-01-05,10\nBeta,2024-02-05,20\n`);
    const r = cli(['segment', join(dir, 'long.csv'), '--out', join(dir, 'long.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/abcxyz: Texts longer than a cell holds are cut to 32,?76\d characters/);
    // the JSON keeps the whole name: only the workbook is bound by Excel's cell
    const j = cli(['segment', join(dir, 'long.csv'), '--out', join(dir, 'long.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'long.json'), 'utf8')).customers.map((c: { customer: string }) => c.customer)).toContain(long);
    expect(j.stderr).not.toMatch(/longer than a cell/);
  });
});
