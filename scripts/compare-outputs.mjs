// Differential check of two builds of the command line: runs both on the same inputs with the same
// options and compares the JSON (parsed, parameters key order ignored), the CSV (bytes), the console
// text (bytes) and the XLSX report (every sheet's cell values, formats and conditional formats).
//
//   node scripts/compare-outputs.mjs --before old/abcxyz.cjs --after dist/cli/abcxyz.cjs \
//        --input a.csv --input b.csv [--work DIR] [--no-xlsx-for b.csv]
//
// A restructure must leave every output as it was; this says which file and which cell differ.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');

const args = process.argv.slice(2);
const take = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const [before] = take('--before');
const [after] = take('--after');
const inputs = take('--input');
const noXlsx = new Set(take('--no-xlsx-for').map((f) => basename(f)));
const work = take('--work')[0] ?? mkdtempSync(join(tmpdir(), 'abcxyz-compare-'));
mkdirSync(work, { recursive: true }); // a missing folder made both sides fail alike, which read as 'same'
if (!before || !after || inputs.length === 0) {
  console.error('usage: compare-outputs.mjs --before CLI --after CLI --input FILE [--input FILE …]');
  process.exit(2);
}

/** Option sets that together reach every rule: defaults, profit, the other ABC and XYZ rules, periods. */
const OPTION_SETS = [
  [],
  ['--metric', 'profit', '--xyz', 'cv', '--sd', 'sample'],
  ['--abc-rule', 'crossing', '--period', 'quarter', '--fiscal-start', '4', '--key-share', '30'],
  ['--abc-rule', 'count', '--a', '20', '--b', '50', '--period', 'week', '--min-periods', '5'],
];

function run(cli, input, extra, out) {
  const argv = [cli, 'segment', input, ...extra, ...(out ? ['--out', out] : [])];
  try {
    const stdout = execFileSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return { code: 0, stdout: stdout.toString() };
  } catch (e) {
    return { code: e.status, stdout: String(e.stdout), stderr: String(e.stderr) };
  }
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

async function sheetDump(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {};
  wb.eachSheet((ws) => {
    const cells = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.push([r, c, JSON.stringify(cell.value), cell.numFmt ?? '', JSON.stringify(cell.fill ?? null), JSON.stringify(cell.font ?? null)]);
      });
    });
    out[ws.name] = {
      state: ws.state,
      cells,
      cf: JSON.stringify(ws.conditionalFormattings ?? []),
      views: JSON.stringify(ws.views ?? []),
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
      merges: JSON.stringify(ws.model.merges ?? []),
    };
  });
  out.__names = JSON.stringify(wb.definedNames?.model ?? []);
  return out;
}

function firstDifference(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

let compared = 0;
let differing = 0;
for (const input of inputs) {
  for (const [k, extra] of OPTION_SETS.entries()) {
    const tag = `${basename(input)} [${extra.join(' ') || 'defaults'}]`;
    const results = [];
    for (const [side, cli] of [['before', before], ['after', after]]) {
      const base = join(work, `${side}-${basename(input)}-${k}`);
      const r = {
        console: run(cli, input, extra, null),
        json: run(cli, input, extra, `${base}.json`),
        csv: run(cli, input, extra, `${base}.csv`),
      };
      r.jsonText = existsSync(`${base}.json`) ? readFileSync(`${base}.json`, 'utf8') : null;
      r.csvText = existsSync(`${base}.csv`) ? readFileSync(`${base}.csv`, 'utf8') : null;
      if (!noXlsx.has(basename(input)) && k === 0) {
        r.xlsx = run(cli, input, extra, `${base}.xlsx`);
        r.xlsxDump = existsSync(`${base}.xlsx`) ? await sheetDump(`${base}.xlsx`) : null;
      }
      results.push(r);
    }
    const [b, a] = results;
    const problems = [];
    if (b.console.stdout !== a.console.stdout || b.console.code !== a.console.code) problems.push('console output differs');
    if (b.csvText !== a.csvText) problems.push('CSV differs');
    const jb = b.jsonText && sortKeys(JSON.parse(b.jsonText));
    const ja = a.jsonText && sortKeys(JSON.parse(a.jsonText));
    const dj = firstDifference(jb, ja);
    if (dj) problems.push(`JSON differs at ${dj}`);
    if (b.xlsxDump !== undefined) {
      const dx = firstDifference(b.xlsxDump, a.xlsxDump);
      if (dx) problems.push(`XLSX differs at ${dx}`);
    }
    compared++;
    if (problems.length) differing++;
    console.log(`${problems.length ? 'DIFF' : 'same'}  ${tag}${problems.length ? `\n      ${problems.join('\n      ')}` : ''}`);
  }
}
console.log(`${compared - differing} of ${compared} runs identical (work folder ${work})`);
process.exit(differing ? 1 : 0);
