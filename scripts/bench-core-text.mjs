// Variant of bench-core.mjs for the grid a CSV gives: every cell text (ISO text dates, text amounts).
//   node scripts/bench-core-text.mjs <core bundle .cjs> <transactions.csv> <runs> [typed|iso|comma]
// typed: as bench-core (serials and numbers); iso: the CSV as read; comma: amounts with a decimal
// comma. Prints the medians of wall time and of CPU time (process.cpuUsage), the latter less
// disturbed when other processes share the machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const [bundle, csv, runs = '11', mode = 'typed'] = process.argv.slice(2);
const core = createRequire(import.meta.url)(bundle);
const lines = readFileSync(csv, 'utf8').split('\n');
const grid = [lines[0].split(',')];
const serial = new Map();
for (let i = 1; i < lines.length; i++) {
  if (!lines[i]) continue;
  const row = lines[i].split(',');
  if (mode === 'typed') {
    const [c, d, a, p] = row;
    let s = serial.get(d);
    if (s === undefined) { s = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 864e5 + 25569; serial.set(d, s); }
    grid.push([c, s, +a, p === '' || p === undefined ? '' : +p]);
    continue;
  }
  if (mode === 'comma') { row[2] = row[2].replace('.', ','); if (row[3]) row[3] = row[3].replace('.', ','); }
  grid.push(row);
}
const opts = { xyzMethod: 'cv', x: 0.1, y: 0.25 };
core.segment(grid, opts);
const wall = [], cpu = [];
let customers = 0;
for (let k = 0; k < Number(runs); k++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  customers = core.segment(grid, opts).totals.customers;
  const c = process.cpuUsage(c0);
  wall.push((performance.now() - t0) / 1000); cpu.push((c.user + c.system) / 1e6);
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1].toFixed(4); };
console.log(`${mode} customers ${customers} wall ${med(wall)} cpu ${med(cpu)} min-wall ${Math.min(...wall).toFixed(4)}`);
