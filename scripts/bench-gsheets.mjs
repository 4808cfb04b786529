// Benchmark of the Sheets add-on: service calls per "Segment customers" run at 1e3, 1e4 and 1e5
// generated rows, the time spent in our code at 1e5 rows, and the size of Code.js.
// Runs the real dist/gsheets/Code.js in a node:vm context against the recording fakes of the tests
// (test/gsheets/fake-gas.ts, bundled here with esbuild). Dates are Date objects of the script's
// realm at midnight of the spreadsheet's zone, as getValues() gives them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const SIZES = [1e3, 1e4, 1e5];
const TZ = 'Europe/Athens';

async function loadFakes(root) {
  const out = await build({ entryPoints: [join(root, 'test/gsheets/fake-gas.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const file = join(tmpdir(), `abcxyz-fake-gas-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

function csvFor(root, rows) {
  const file = join(tmpdir(), `abcxyz-bench-${rows}.csv`);
  if (!existsSync(file)) execFileSync(process.execPath, [join(root, '..', 'shared', 'peers', 'gen_transactions.mjs'), '--rows', String(rows), '--out', file], { stdio: 'ignore' });
  return file;
}

function gridOf(file, fakes, DateCtor) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const dateCol = header.indexOf('date');
  const memo = new Map();
  const grid = [header];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    grid.push(cells.map((v, j) => {
      if (j === dateCol) {
        let t = memo.get(v);
        if (t === undefined) memo.set(v, (t = fakes.sheetDate(v, TZ).getTime()));
        return new DateCtor(t);
      }
      return j === 0 ? v : Number(v);
    }));
  }
  return grid;
}

/** A fresh global scope with the fakes and Code.js; the grid's Dates are remade in that realm (instanceof Date). */
function runOnce(code, fakes, rawGrid) {
  const gas = fakes.createFakeGas({ timeZone: TZ });
  const ctx = vm.createContext({ ...gas.globals });
  vm.runInContext(code, ctx, { filename: 'Code.gs' });
  const RealmDate = vm.runInContext('Date', ctx);
  const grid = rawGrid.map((row, i) => (i === 0 ? row : row.map((v) => (v instanceof Date ? new RealmDate(v.getTime()) : v))));
  const sheet = gas.spreadsheet._addSheet('Sales', grid);
  gas.spreadsheet._select(sheet, 1, 1, grid.length, grid[0].length);
  const info = ctx.getSelectionInfo();
  const request = { address: info.address, options: {}, extra: '', columns: {} };
  const measure = () => {
    gas.recorder.reset();
    const t0 = performance.now();
    const summary = ctx.runSegmentation(request);
    const ms = performance.now() - t0;
    const methods = gas.recorder.methods();
    return {
      summary,
      total: gas.recorder.count(),
      byCategory: gas.recorder.byCategory(),
      roundTrips: gas.recorder.roundTrips(),
      data: methods.filter((m) => /\.(getValues|setValues|setNumberFormats|setFontWeights)$/.test(m)).length,
      ms,
      ourMs: ms - gas.recorder.fakeMs,
    };
  };
  return { first: measure(), rerun: measure() };
}

export default async function benchGsheets(root) {
  const codeFile = join(root, 'dist/gsheets/Code.js');
  if (!existsSync(codeFile)) await (await import(pathToFileURL(join(root, 'scripts/build-gsheets.mjs')).href)).default(root);
  const code = readFileSync(codeFile, 'utf8');
  const fakes = await loadFakes(root);
  console.log('Google Sheets add-on — service calls per "Segment customers" run (recording fakes, spreadsheet zone ' + TZ + ')');
  console.log('rows      customers  sheets  doc reads  doc writes  round trips  handles+builders  lock+props  Utilities  data calls  total  rerun total  rerun trips  run ms (our code)');
  const results = [];
  for (const rows of SIZES) {
    const gas = runOnce(code, fakes, gridOf(csvFor(root, rows), fakes, Date));
    results.push({ rows, ...gas });
    const c = gas.first.byCategory;
    const sheets = gas.first.summary.skippedSheet ? 3 : 2;
    console.log(
      `${String(rows).padEnd(9)} ${String(gas.first.summary.customers).padStart(9)}  ${String(sheets).padStart(6)}  ${String(c.read).padStart(9)}  ${String(c.write).padStart(10)}  ${String(gas.first.roundTrips).padStart(11)}  ${String(c.local).padStart(16)}  ${String(c['lock+properties']).padStart(10)}  ${String(c.utilities).padStart(9)}  ${String(gas.first.data).padStart(10)}  ${String(gas.first.total).padStart(5)}  ${String(gas.rerun.total).padStart(11)}  ${String(gas.rerun.roundTrips).padStart(11)}  ${gas.first.ms.toFixed(0).padStart(6)} (${gas.first.ourMs.toFixed(0)})`,
    );
  }
  const big = results[results.length - 1];
  console.log(`time in our code for ${big.rows} rows: ${(big.first.ourMs / 1000).toFixed(2)} s (run ${(big.first.ms / 1000).toFixed(2)} s incl. fakes; target ≤ 1.5 s)`);
  const size = statSync(codeFile).size;
  console.log(`dist/gsheets/Code.js: ${(size / 1024).toFixed(1)} KB (${size} bytes; limit 390 KB, as test/gsheets/bundle.test.ts holds)`);
  return { results: results.map((r) => ({ rows: r.rows, calls: r.first.total, rerunCalls: r.rerun.total, byCategory: r.first.byCategory, roundTrips: r.first.roundTrips, rerunRoundTrips: r.rerun.roundTrips, dataCalls: r.first.data, ms: r.first.ms, ourMs: r.first.ourMs })), codeBytes: size };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(new URL('.', import.meta.url).pathname, '..');
  await benchGsheets(root);
}
