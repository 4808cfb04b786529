// npm run bench — speed and memory, side by side with the pandas peer, on the same generated files.
//   core compute on a grid of typed cells (numbers and serial dates, as Excel delivers them)
//   whole CLI process CSV → JSON, and CSV → XLSX report, with peak memory
// Targets (issues 2 and 3): at 1e6 rows core ≥ 5× faster than pandas compute, CLI no slower than
// pandas' whole process, ≤ 300 MB; XLSX report ≤ 3 s at 1e5 rows, ≤ 20 s and ≤ 1.5 GB at 1e6.
// Issue 13: the loss dynamics and class migration (on by default) add at most 0.3 s to the core at
// 1e6 rows, the CLI run with them takes at most 1.5× the run without them, and peaks ≤ 400 MB.
// The §4 comparison with pandas (which computes neither) is made with them turned off.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const work = process.env.BENCH_WORK ?? '/tmp/abcxyz-bench';
mkdirSync(work, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '1e5,1e6').split(',');
const PY = '/usr/bin/python3';
const hasPandas = existsSync(PY) && spawnSync(PY, ['-c', 'import pandas']).status === 0;

// time and peak RSS of a child process, measured by the kernel (getrusage of the children)
const MEASURE = 'import resource,subprocess,sys,time\nt=time.perf_counter()\np=subprocess.run(sys.argv[1:],capture_output=True,text=True)\nprint(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\nsys.stderr.write(p.stderr)';
function measure(cmd) {
  const r = spawnSync('python3', ['-c', MEASURE, ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [secs, kb, code] = r.stdout.trim().split(/\s+/).map(Number);
  if (code !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  return { secs, mb: kb / 1024, stderr: r.stderr };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median time, largest peak and the stderr of each run. */
function summary(all) {
  return { secs: median(all.map((m) => m.secs)), mb: Math.max(...all.map((m) => m.mb)), stderr: all[0].stderr, stderrs: all.map((m) => m.stderr) };
}
const best = (cmd, runs = 3) => summary(Array.from({ length: runs }, () => measure(cmd)));

async function buildCore() {
  const out = join(work, 'core.cjs');
  await build({ entryPoints: [join(root, 'core/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  return out;
}

// Core timing runs in a process of its own per size, as the peer does: sharing one process, the
// 1e6 runs inherited the 1e5 runs' heap and fell in the middle of a collector cycle. Twenty-five
// runs span a full cycle of the 1e6 heap (a major collection every 12–15 runs), so the median is
// a typical run and the mean spreads the full collections over the runs.
const CORE_RUNS = 25;
function coreTimes(bundle, csv) {
  const out = execFileSync(process.execPath, [join(root, 'scripts/bench-core.mjs'), bundle, csv, String(CORE_RUNS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out);
}

const fmt = (x, d = 2) => x.toFixed(d);
const coreBundle = await buildCore();
const rowsOut = [];
for (const size of sizes) {
  const n = Number(size);
  const csv = join(work, `tx_${size}.csv`);
  if (!existsSync(csv)) execFileSync(process.execPath, [join(shared, 'peers/gen_transactions.mjs'), '--rows', String(n), '--out', csv]);
  // Whole processes first, before this process holds a grid (its garbage collector would compete
  // for the two cores), and the CLI and pandas in turn, so the machine's ups and downs hit both alike.
  const cliCmd = [process.execPath, join(root, 'bin/abcxyz.cjs'), 'segment', csv, '--xyz', 'cv', '--x', '10', '--y', '25', '--dynamics-periods', '0', '--compare-periods', '0', '--out', join(work, `out_${size}.json`)];
  // the default run: with the loss dynamics and class migration
  const cliFullCmd = [process.execPath, join(root, 'bin/abcxyz.cjs'), 'segment', csv, '--xyz', 'cv', '--x', '10', '--y', '25', '--out', join(work, `out_${size}_full.json`)];
  const peerCmd = [PY, join(shared, 'peers/peer_pandas.py'), csv, join(work, `peer_${size}.csv`), '--window', 'customer'];
  const cliRuns = [];
  const cliFullRuns = [];
  const peerRuns = [];
  for (let k = 0; k < 3; k++) {
    cliRuns.push(measure(cliCmd));
    cliFullRuns.push(measure(cliFullCmd));
    if (hasPandas) peerRuns.push(measure(peerCmd));
  }
  const cliJson = summary(cliRuns);
  const cliFull = summary(cliFullRuns);
  let peer = null;
  if (hasPandas) {
    const p = summary(peerRuns);
    const compute = median(p.stderrs.map((s) => Number(/compute_s=([\d.]+)/.exec(s)[1])));
    peer = { whole: p.secs, mb: p.mb, compute };
  }
  const cliXlsx = best([process.execPath, join(root, 'bin/abcxyz.cjs'), 'segment', csv, '--out', join(work, `out_${size}.xlsx`)], n >= 1e6 ? 1 : 3);

  const { customers, seconds, withChanges, withRows } = coreTimes(coreBundle, csv);
  const coreS = median(seconds);
  const coreMean = seconds.reduce((a, b) => a + b, 0) / seconds.length;
  const coreMin = Math.min(...seconds);
  const rowsS = median(withRows);
  const fullS = median(withChanges);
  // the extra of each pair of runs taken in turn, then its median: steadier than a difference of medians
  const extraS = median(withChanges.map((x, k) => x - seconds[k]));
  rowsOut.push({ size, customers, coreS, coreMean, coreMin, rowsS, fullS, extraS, cliJson, cliFull, cliXlsx, peer });
}

console.log(`\n| rows | customers | core compute (s), median (mean; min) of ${CORE_RUNS} | pandas compute (s) | speed-up, median (mean) | CLI CSV→JSON (s) | pandas whole (s) | CLI peak (MB) | pandas peak (MB) | CLI CSV→XLSX (s) | XLSX peak (MB) |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rowsOut) {
  const p = r.peer;
  console.log(`| ${Number(r.size).toLocaleString('en-US')} | ${r.customers.toLocaleString('en-US')} | ${fmt(r.coreS, 3)} (${fmt(r.coreMean, 3)}; ${fmt(r.coreMin, 3)}) | ${p ? fmt(p.compute, 3) : 'n/a'} | ${p ? `${fmt(p.compute / r.coreS, 1)}× (${fmt(p.compute / r.coreMean, 1)}×)` : 'n/a'} | ${fmt(r.cliJson.secs)} | ${p ? fmt(p.whole) : 'n/a'} | ${fmt(r.cliJson.mb, 0)} | ${p ? fmt(p.mb, 0) : 'n/a'} | ${fmt(r.cliXlsx.secs)} | ${fmt(r.cliXlsx.mb, 0)} |`);
}

console.log(`\nWith the loss dynamics (12 months) and class migration (two windows of 12 months), the default run (issue 13):\n`);
console.log(`| rows | core §4 only (s) | core with losses + migration (s) | extra, median of ${CORE_RUNS} pairs (s) | CLI without (s) | CLI with (s) | CLI with ÷ without | CLI with, peak (MB) | pandas compute (s) |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rowsOut) {
  console.log(`| ${Number(r.size).toLocaleString('en-US')} | ${fmt(r.coreS, 3)} | ${fmt(r.fullS, 3)} | ${fmt(r.extraS, 3)} | ${fmt(r.cliJson.secs)} | ${fmt(r.cliFull.secs)} | ${fmt(r.cliFull.secs / r.cliJson.secs)}× | ${fmt(r.cliFull.mb, 0)} | ${r.peer ? fmt(r.peer.compute, 3) : 'n/a'} |`);
}

for (const r of rowsOut) {
  const p = r.peer;
  console.log(`core with all ${r.customers.toLocaleString('en-US')} customer objects made (result.customers read), ${Number(r.size).toLocaleString('en-US')} rows: median ${fmt(r.rowsS, 3)} s${p ? ` (${fmt(p.compute / r.rowsS, 1)}×)` : ''}`);
}

// the targets of the issues, said plainly for the largest size measured
const big = rowsOut.find((r) => Number(r.size) === 1e6);
if (big) {
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log('\nTargets at 1e6 rows:');
  if (big.peer) {
    const x = big.peer.compute / big.coreS;
    const xMean = big.peer.compute / big.coreMean;
    console.log(`  core compute ≥ 5× faster than pandas compute: ${x.toFixed(1)}× by the median run, ${xMean.toFixed(1)}× by the mean — ${verdict(x >= 5 && xMean >= 5)}`);
    console.log(`  CLI whole process no slower than pandas: ${fmt(big.cliJson.secs)} s vs ${fmt(big.peer.whole)} s — ${verdict(big.cliJson.secs <= big.peer.whole)}`);
  }
  console.log(`  CLI peak memory ≤ 300 MB: ${fmt(big.cliJson.mb, 0)} MB — ${verdict(big.cliJson.mb <= 300)}`);
  console.log(`  XLSX report ≤ 20 s and ≤ 1.5 GB: ${fmt(big.cliXlsx.secs)} s, ${fmt(big.cliXlsx.mb, 0)} MB — ${verdict(big.cliXlsx.secs <= 20 && big.cliXlsx.mb <= 1536)}`);
  console.log(`  losses + migration add ≤ 0.3 s to the core: ${fmt(big.extraS, 3)} s — ${verdict(big.extraS <= 0.3)}`);
  console.log(`  CLI with them ≤ 1.5× the CLI without: ${fmt(big.cliFull.secs)} s vs ${fmt(big.cliJson.secs)} s (${fmt(big.cliFull.secs / big.cliJson.secs)}×) — ${verdict(big.cliFull.secs <= 1.5 * big.cliJson.secs)}`);
  console.log(`  CLI with them peaks ≤ 400 MB: ${fmt(big.cliFull.mb, 0)} MB — ${verdict(big.cliFull.mb <= 400)}`);
}

for (const part of ['bench-excel.mjs', 'bench-gsheets.mjs', 'bench-bgnbd.mjs']) {
  const file = join(root, 'scripts', part);
  if (existsSync(file)) {
    console.log(`\n## ${part}`);
    await (await import(pathToFileURL(file).href)).default(root, { rows: 1e5 });
  }
}
