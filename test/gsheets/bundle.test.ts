// dist/gsheets/Code.js as Apps Script loads it: one script in a bare global scope (node:vm) with
// only fake Apps Script globals. Entry points must be top-level functions, custom functions must
// carry their @customfunction JSDoc, loading must touch no service, and =ABCXYZ(...) on Date cells
// must give the same classes as the command line on the same transactions.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGas } from './fake-gas';
import { tempDir } from '../temp';
import { DIST, ROOT, buildGsheets, csvGrid, generatedCsv } from './helpers';

const ENTRY_POINTS = ['onOpen', 'onInstall', 'showSidebar', 'getSelectionInfo', 'runSegmentation', 'goToSheet'];
const CUSTOM_FUNCTIONS: Record<string, string> = {
  ABCXYZ: 'customers, amounts, dates, options',
  ABCXYZ_ABC: 'values, a, b, rule',
  ABCXYZ_XYZ: 'periodValues, method, x, y',
  ABCXYZ_MATRIX: 'customers, amounts, dates, options',
  ABCXYZ_PALIVE: 'customers, amounts, dates, options',
  ABCXYZ_LOSSES: 'customers, amounts, dates, options',
  ABCXYZ_MIGRATION: 'customers, amounts, dates, options',
};

let code = '';
beforeAll(async () => {
  await buildGsheets();
  code = readFileSync(join(DIST, 'Code.js'), 'utf8');
});

type Ctx = vm.Context & Record<string, (...a: unknown[]) => unknown> & { Date: DateConstructor };

/** A fresh Apps-Script-like global scope with the fakes installed and Code.js loaded. */
function load(timeZone = 'Etc/UTC') {
  const gas = createFakeGas({ timeZone });
  const ctx = vm.createContext({ ...gas.globals }) as Ctx;
  vm.runInContext(code, ctx, { filename: 'Code.gs' });
  // Dates must come from the script's own realm, as getValues() gives them (instanceof Date)
  ctx.Date = vm.runInContext('Date', ctx) as DateConstructor;
  return { gas, ctx };
}

describe('Code.js bundle contract', () => {
  it('declares every entry point and custom function at top level, with parameter names', () => {
    const { ctx } = load();
    for (const name of [...ENTRY_POINTS, ...Object.keys(CUSTOM_FUNCTIONS)]) {
      expect(typeof ctx[name], name).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) expect(code).toContain(`function ${name}(${params}) {`);
  });

  it('puts a JSDoc with @customfunction directly above each custom function, and only those', () => {
    for (const name of Object.keys(CUSTOM_FUNCTIONS)) {
      expect(code, name).toMatch(new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*@param(?:(?!\\*/)[\\s\\S])*@customfunction\\s*\\*/\\s*function ${name}\\(`));
    }
    for (const name of ENTRY_POINTS) expect(code).not.toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(`));
  });

  it('has no import/export, no name ending in _, and runs no service at load', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/^function \w+_\(/m);
    // a context without any Apps Script global: any service call at load would throw
    expect(() => vm.runInContext(code, vm.createContext({}), { filename: 'Code.gs' })).not.toThrow();
    const { gas } = load();
    expect(gas.recorder.count()).toBe(0);
  });

  // a budget against an accidental library in the bundle; issue 11 (reading real exports: encodings,
  // header rows, totals, month names, plausibility checks) grew the core by about 150 KB; issue 16's
  // BG/NBD model (unminified, with its comments' worth of code) by about 20 KB, issue 13's loss
  // dynamics and class migration (two analyses, two sheets, two functions) by about 45 KB
  it('is at most 390 KB', () => {
    expect(statSync(join(DIST, 'Code.js')).size).toBeLessThanOrEqual(390 * 1024);
  });

  it('ships the manifest with V8 and only the two scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('clasp pushes exactly Code.js, Sidebar.html and appsscript.json (offline status with the example config)', () => {
    // clasp refuses a rootDir outside its project, so the check runs on a copy
    const dir = tempDir('abcxyz-clasp-');
    mkdirSync(join(dir, 'dist', 'gsheets'), { recursive: true });
    for (const f of ['Code.js', 'Sidebar.html', 'appsscript.json']) copyFileSync(join(DIST, f), join(dir, 'dist', 'gsheets', f));
    copyFileSync(join(ROOT, '.clasp.json.example'), join(dir, '.clasp.json'));
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'clasp'), ['status', '--json'], { cwd: dir, encoding: 'utf8' });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[]; untrackedFiles: string[] };
    expect(status.filesToPush.sort()).toEqual(['dist/gsheets/Code.js', 'dist/gsheets/Sidebar.html', 'dist/gsheets/appsscript.json']);
  });

  it('onOpen adds the menu touching only the Ui service', () => {
    const { gas, ctx } = load();
    ctx.onOpen({ authMode: 'NONE' });
    expect(gas.ui.menus).toEqual([{ title: 'ABC-XYZ', items: [['Segment customers…', 'showSidebar']] }]);
    expect(new Set(gas.recorder.calls.map((c) => c.category))).toEqual(new Set(['ui']));
    ctx.showSidebar();
    expect(gas.ui.sidebars).toEqual([{ file: 'Sidebar', title: 'ABC-XYZ' }]);
  });
});

describe('custom functions in the bundle', () => {
  const TZ = 'Pacific/Auckland'; // midnight there is the previous day in UTC: a naive getDate() is wrong
  const csv = generatedCsv(3000, { profit: false });

  function cliResult() {
    const out = join(tempDir('abcxyz-gs-cli-'), 'result.json');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'abcxyz.cjs'), 'segment', csv, '--out', out], { stdio: 'ignore' });
    return JSON.parse(readFileSync(out, 'utf8')) as {
      customers: { customer: string; abc: string | null; xyz: string | null; segment: string | null; lastPurchase: string | null; status: string | null; pAlive: number | null; expectedPurchases: number | null }[];
      matrix: Record<string, { customers: number }>;
      dynamics: Record<string, unknown>[];
      migration: { abc: Record<string, Record<string, { customers: number }>> };
    };
  }

  /** Column ranges as Sheets passes A2:A, B2:B, C2:C of an open-ended range: trailing '' rows included. */
  function columns(ctx: Ctx) {
    const grid = csvGrid(csv, TZ, ctx.Date).slice(1);
    const pad = Array.from({ length: 40 }, () => ['']);
    return {
      customers: [...grid.map((r) => [r[0]]), ...pad],
      dates: [...grid.map((r) => [r[1]]), ...pad],
      amounts: [...grid.map((r) => [r[2]]), ...pad],
    };
  }

  it('=ABCXYZ(customers, amounts, dates) gives the same classes, dates and statuses as abcxyz segment', () => {
    const { ctx } = load(TZ);
    const { customers, amounts, dates } = columns(ctx);
    const table = ctx.ABCXYZ(customers, amounts, dates) as unknown[][];
    const header = table[0] as string[];
    const col = (h: string) => header.indexOf(h);
    const got = table.slice(1).map((r) => ({ customer: r[col('Customer')], abc: r[col('ABC')], xyz: r[col('XYZ')], segment: r[col('Segment')], last: r[col('Last purchase')], status: r[col('Status')] }));
    const cli = cliResult();
    expect(got.length).toBe(cli.customers.length);
    const want = cli.customers.map((c) => ({ customer: c.customer, abc: c.abc ?? got.find((g) => g.customer === c.customer)?.abc, xyz: c.xyz ?? got.find((g) => g.customer === c.customer)?.xyz, segment: c.segment ?? '', last: c.lastPurchase ?? '', status: c.status ?? '' }));
    expect(got).toEqual(want);
    // classes only (abc/xyz letters) must match exactly where the CLI classified
    for (const c of cli.customers) {
      const g = got.find((x) => x.customer === c.customer)!;
      if (c.abc) expect(g.abc).toBe(c.abc);
      if (c.xyz) expect(g.xyz).toBe(c.xyz);
    }
  });

  it('=ABCXYZ_MATRIX gives the CLI matrix counts', () => {
    const { ctx } = load(TZ);
    const { customers, amounts, dates } = columns(ctx);
    const m = ctx.ABCXYZ_MATRIX(customers, amounts, dates) as unknown[][];
    const cli = cliResult();
    expect(m.slice(1).map((r) => r.slice(1))).toEqual(['A', 'B', 'C'].map((a) => ['X', 'Y', 'Z'].map((x) => cli.matrix[`${a}${x}`].customers)));
  });

  it('=ABCXYZ_PALIVE gives the CLI\'s P(alive) and expected purchases, and the reason when there is no model', () => {
    const { ctx } = load(TZ);
    const { customers, amounts, dates } = columns(ctx);
    const table = ctx.ABCXYZ_PALIVE(customers, amounts, dates) as unknown[][];
    expect(table[0]).toEqual(['Customer', 'P(alive)', 'Expected purchases']);
    const cli = cliResult();
    expect(cli.customers.every((c) => c.pAlive !== null)).toBe(true);
    expect(table.slice(1)).toEqual(cli.customers.map((c) => [c.customer, expect.closeTo(c.pAlive!, 12), expect.closeTo(c.expectedPurchases!, 12)]));
    expect(() => ctx.ABCXYZ_PALIVE([['a'], ['b']], [[1], [2]], [[new ctx.Date(2024, 0, 5)], [new ctx.Date(2024, 1, 5)]])).toThrow(/^BG\/NBD: only 0 of 2 customer\(s\) bought on more than one day/);
    expect(() => ctx.ABCXYZ_PALIVE([['a']], [[1]])).toThrow('dates is empty.');
  });

  it('=ABCXYZ_LOSSES and =ABCXYZ_MIGRATION give the CLI tables, dates read in the spreadsheet zone', () => {
    const { ctx } = load(TZ);
    const { customers, amounts, dates } = columns(ctx);
    const cli = cliResult();
    const losses = ctx.ABCXYZ_LOSSES(customers, amounts, dates) as unknown[][];
    expect(losses.slice(1).map((r) => r.slice(0, 10))).toEqual(cli.dynamics.map((d) => [d.period, d.start, d.end, d.customers, d.new, d.newlyLost, d.wonBack, d.lostStock, d.atRisk, d.netChange]));
    const m = ctx.ABCXYZ_MIGRATION(customers, amounts, dates) as unknown[][];
    const classes = ['A', 'B', 'C', '—'];
    expect(m.slice(1, 5).map((r) => r.slice(1, 5))).toEqual(classes.map((p) => classes.map((q) => cli.migration.abc[p][q].customers)));
    expect(() => ctx.ABCXYZ_LOSSES(customers, amounts)).toThrow(/date of each transaction/);
  });

  it('options text in place of the dates argument, and bad options as a sentence in the cell', () => {
    const { ctx } = load();
    const names = [['a'], ['b'], ['c']];
    const periods = [[10, 10, 10, 10], [5, 0, 5, 0], [1, 0, 0, 0]];
    const table = ctx.ABCXYZ(names, periods, 'xyz=cv') as unknown[][];
    expect(table[0]).toContain('XYZ');
    expect(() => ctx.ABCXYZ(names, periods, '', 'colour=red')).toThrow('Unknown option "colour"');
    expect(() => ctx.ABCXYZ(names, [[1], [2]])).toThrow(/amounts has 2 rows but customers has 3/);
  });

  it('=ABCXYZ_ABC and =ABCXYZ_XYZ keep the shape of their input', () => {
    const { ctx } = load();
    expect(ctx.ABCXYZ_ABC([[700], [200], [60], [40], ['']])).toEqual([['A'], ['B'], ['C'], ['C'], ['']]);
    expect(ctx.ABCXYZ_ABC(5)).toEqual([['A']]);
    expect(ctx.ABCXYZ_XYZ([[10, 10, 10, 10], [5, 0, 5, 0], [1, 0, 0, 0]])).toEqual([['X'], ['Y'], ['Z']]);
    expect(() => ctx.ABCXYZ_ABC([[1]], 120, 50)).toThrow(/a/);
  });
});
