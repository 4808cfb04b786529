// One size of the core benchmark, in a process of its own (as the pandas peer runs each file):
//   node scripts/bench-core.mjs <core bundle .cjs> <transactions.csv> <runs>
// Builds the grid a spreadsheet would hand over (serial dates and numbers, not text), runs the
// core once to warm up, then <runs> timed runs; prints {customers, seconds: [...], withRows: [...]}
// as JSON. `seconds` is the segmentation of SPEC §4 that the pandas peer also computes (the
// customers by column; losses and migration turned off); `withChanges` is the whole default run,
// which adds the loss dynamics (§7) and class migration (§8); `withRows` also makes every customer
// object (result.customers), as an API caller reading them does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, csv, runs = '25'] = process.argv.slice(2);
const core = createRequire(import.meta.url)(bundle);

function typedGrid(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const grid = [lines[0].split(',')];
  const serial = new Map();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const [c, d, a, p] = lines[i].split(',');
    let s = serial.get(d);
    if (s === undefined) { s = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 864e5 + 25569; serial.set(d, s); }
    grid.push([c, s, +a, p === '' || p === undefined ? '' : +p]);
  }
  return grid;
}

const grid = typedGrid(csv);
const full = { xyzMethod: 'cv', x: 0.1, y: 0.25 };
const opts = { ...full, dynamicsPeriods: 0, comparePeriods: 0 };
core.segment(grid, opts); // warm-up
core.segment(grid, full);
const seconds = [];
const withChanges = [];
let customers = 0;
// the two series in turn, so the machine's ups and downs hit both alike
for (let k = 0; k < Number(runs); k++) {
  let t0 = performance.now();
  customers = core.segment(grid, opts).totals.customers;
  seconds.push((performance.now() - t0) / 1000);
  t0 = performance.now();
  core.segment(grid, full);
  withChanges.push((performance.now() - t0) / 1000);
}
const withRows = [];
for (let k = 0; k < Number(runs); k++) {
  const t0 = performance.now();
  core.segment(grid, opts).customers.length;
  withRows.push((performance.now() - t0) / 1000);
}
process.stdout.write(JSON.stringify({ customers, seconds, withChanges, withRows }));
