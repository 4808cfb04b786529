// BG/NBD benchmark (issue 16): the core's whole model step — histories condensed, r, α, a, b
// fitted, P(alive) and the expected purchases of every customer — on CDNOW's full 23,570 customers
// and on the 1e6-row generated ledger (70,666 customers); target ≤ 0.2 s each. Beside it, the
// pandas/scipy route of lifetimes on the same histories (scripts/bench-bgnbd-scipy.py, when
// the python3 on PATH has numpy and scipy) and the lifetimes figures users have published.
// Run: node scripts/bench-bgnbd.mjs (also part of npm run bench). Data: ABCXYZ_BENCH_DATA, else
// ../shared/bench-data; the generated file is made by ../shared/peers/gen_transactions.mjs.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 15;
// the python3 on PATH (numpy and scipy need not be Debian's); BENCH_PYTHON to choose another
const PY = process.env.BENCH_PYTHON ?? 'python3';
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / 864e5;

/** Per customer: distinct days with a line ≥ 0 (SPEC §11), and the as-of date (the latest row of any sign). */
function histories(rows) {
  const byCustomer = new Map();
  let asOf = -Infinity;
  for (const [c, day, amount] of rows) {
    if (day > asOf) asOf = day;
    if (!(amount >= 0)) continue;
    let s = byCustomer.get(c);
    if (!s) byCustomer.set(c, (s = new Set()));
    s.add(day);
  }
  const n = byCustomer.size;
  const h = { n, x: new Int32Array(n), tDays: new Int32Array(n), TDays: new Int32Array(n) };
  let k = 0;
  for (const s of byCustomer.values()) {
    let first = Infinity, last = -Infinity;
    for (const d of s) { if (d < first) first = d; if (d > last) last = d; }
    h.x[k] = s.size - 1; h.tDays[k] = last - first; h.TDays[k] = asOf - first; k++;
  }
  return h;
}

function cdnowRows(file) {
  const rows = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d{8}$/.test(f[1])) continue;
    rows.push([f[0], dayOf(+f[1].slice(0, 4), +f[1].slice(4, 6), +f[1].slice(6, 8)), Number(f[3])]);
  }
  return rows;
}

function generatedRows(file) {
  const rows = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [c, d, a] = lines[i].split(',');
    rows.push([c, dayOf(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)), +a]);
  }
  return rows;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCore(core, h) {
  const o = { bgnbdUnit: 'week', horizonDays: 90, churnModel: 'gap' };
  let m = core.bgnbdModel(h, o); // warm-up
  const seconds = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    m = core.bgnbdModel(h, o);
    seconds.push((performance.now() - t0) / 1000);
  }
  return { model: m, median: median(seconds), min: Math.min(...seconds) };
}

function scipyRoute(root, work, name, h) {
  if (spawnSync(PY, ['-c', 'import numpy, scipy']).status !== 0) return null;
  const csv = join(work, `bgnbd_histories_${name}.csv`);
  const lines = ['x,t_days,T_days'];
  for (let k = 0; k < h.n; k++) lines.push(`${h.x[k]},${h.tDays[k]},${h.TDays[k]}`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const r = spawnSync(PY, [join(root, 'scripts/bench-bgnbd-scipy.py'), csv, '3'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) { console.log(`scipy route failed: ${r.stderr.trim().split('\n').pop()}`); return null; }
  return JSON.parse(r.stdout);
}

export default async function benchBgnbd(root, { work = '/tmp/abcxyz-bench' } = {}) {
  mkdirSync(work, { recursive: true });
  const bundle = join(work, 'core-bgnbd.cjs');
  await build({ entryPoints: [join(root, 'core/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const core = createRequire(import.meta.url)(bundle);
  const benchData = resolve(process.env.ABCXYZ_BENCH_DATA ?? join(root, '..', 'shared', 'bench-data'));
  const generated = join(work, 'tx_1e6.csv');
  if (!existsSync(generated)) execFileSync(process.execPath, [join(root, '..', 'shared', 'peers', 'gen_transactions.mjs'), '--rows', '1000000', '--out', generated]);
  const sets = [
    ['CDNOW full (1997-01-01 … 1998-06-30)', 'cdnow', () => cdnowRows(join(benchData, 'cdnow', 'CDNOW_master.txt'))],
    ['generated 1e6 rows', 'gen1e6', () => generatedRows(generated)],
  ];
  const out = [];
  for (const [label, name, rows] of sets) {
    const h = histories(rows());
    const c = timeCore(core, h);
    const py = scipyRoute(root, work, name, h);
    out.push({ label, h, c, py });
  }
  const fmt = (v, d = 4) => (v === undefined || v === null ? 'n/a' : Number(v).toFixed(d));
  console.log(`\n| data | customers | groups (x, t_x, T) | core model step (s), median (min) of ${RUNS} | r | α (weeks) | a | b | log-likelihood | scipy BFGS ungrouped (s) | scipy BFGS grouped (s) | scipy r, α, a, b |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { label, h, c, py } of out) {
    const p = c.model.parameters ?? {};
    const pyp = py ? [py.grouped.r, py.grouped.alpha, py.grouped.a, py.grouped.b].map((v) => fmt(v)).join(', ') : 'n/a';
    console.log(`| ${label} | ${h.n.toLocaleString('en-US')} | ${py ? py.groups.toLocaleString('en-US') : 'n/a'} | ${fmt(c.median, 3)} (${fmt(c.min, 3)}) | ${fmt(p.r)} | ${fmt(p.alpha)} | ${fmt(p.a)} | ${fmt(p.b)} | ${fmt(p.logLikelihood, 2)} | ${py ? fmt(py.ungrouped.seconds, 2) : 'n/a'} | ${py ? fmt(py.grouped.seconds, 2) : 'n/a'} | ${pyp} |`);
  }
  console.log('\nPublished lifetimes figures: BetaGeoFitter.fit "took 50 seconds" on about 100k transactions (lifetimes#132, 2017);');
  console.log('"about 45 minutes to train (~15 mln records)" (lifetimes#107, 2017). Both were the Nelder–Mead versions of lifetimes.');
  for (const { label, c } of out) {
    const ok = c.median <= 0.2 && c.model.available;
    console.log(`Target ≤ 0.2 s, ${label}: ${fmt(c.median, 3)} s, converged ${c.model.parameters?.converged ?? false} — ${ok ? 'met' : 'NOT met'}`);
  }
  return out;
}

if (resolve(fileURLToPath(import.meta.url)) === resolve(process.argv[1] ?? '')) {
  await benchBgnbd(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
