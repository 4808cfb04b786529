// The large-input measurement of issue 11: the 541,909-row UCI Online Retail export read by the
// command line as CSV and as .xlsx, wall time and peak memory (the kernel's count, of the whole
// process), and the .xlsx once more under a 1 GB heap. Targets: .xlsx ≤ 10 s and ≤ 600 MB.
//   node scripts/bench-xlsx-input.mjs [online_retail_raw.csv(.gz)] [runs]
// The workbook is made once from the CSV (scripts/make-uci-xlsx.mjs: date cells, shared strings)
// and kept in /tmp/abcxyz-bench.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { makeUciXlsx } from './make-uci-xlsx.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = '/tmp/abcxyz-bench';
mkdirSync(work, { recursive: true });
const source = process.argv[2] ?? join(root, '..', 'shared', 'bench-data', 'online_retail', 'online_retail_raw.csv.gz');
const runs = Number(process.argv[3] ?? 3);
if (!existsSync(source)) {
  console.error(`No UCI export at ${source}: give the path of online_retail_raw.csv(.gz)`);
  process.exit(2);
}
const csv = join(work, 'uci_raw.csv');
const xlsx = join(work, 'uci_raw.xlsx');
if (!existsSync(csv)) {
  if (source.endsWith('.gz')) await pipeline(createReadStream(source), createGunzip(), createWriteStream(csv));
  else await pipeline(createReadStream(source), createWriteStream(csv));
}
if (!existsSync(xlsx)) {
  const t0 = performance.now();
  const rows = await makeUciXlsx(csv, xlsx);
  console.log(`made ${xlsx}: ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Wall time, CPU time and peak RSS of one run, from GNU time. */
function measure(args, nodeFlags = []) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...nodeFlags, join(root, 'bin/abcxyz.cjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stderr.trim().split('\n').pop();
  const [wall, user, sys, kb] = line.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`abcxyz ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { wall, cpu: user + sys, mb: kb / 1024, stdout: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [
  { name: 'UCI as CSV', args: ['segment', csv, '--out', join(work, 'uci_csv.json')] },
  { name: 'UCI as .xlsx', args: ['segment', xlsx, '--out', join(work, 'uci_xlsx.json')] },
  { name: 'UCI as .xlsx, 1 GB heap', args: ['segment', xlsx, '--out', join(work, 'uci_xlsx_1g.json')], flags: ['--max-old-space-size=1024'], once: true },
];
console.log('case                          wall s   cpu s   peak MB');
for (const c of cases) {
  const all = Array.from({ length: c.once ? 1 : runs }, () => measure(c.args, c.flags));
  const wall = median(all.map((m) => m.wall));
  const cpu = median(all.map((m) => m.cpu));
  const mb = Math.max(...all.map((m) => m.mb));
  console.log(`${c.name.padEnd(28)} ${wall.toFixed(2).padStart(7)} ${cpu.toFixed(2).padStart(7)} ${mb.toFixed(0).padStart(9)}`);
}
// the same customers either way
const load = (f) => JSON.parse(spawnSync('cat', [join(work, f)], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
const a = load('uci_csv.json');
const b = load('uci_xlsx.json');
const same = JSON.stringify(a.customers) === JSON.stringify(b.customers) && JSON.stringify(a.totals) === JSON.stringify(b.totals);
console.log(`CSV and .xlsx give the same customers and totals: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
