// Generates data/demo-ledger.csv: a deterministic B2B sales ledger for `abcxyz demo`.
// Two years of invoice lines from a distributor's customers: a few large key accounts (two of
// them lost, one slipping), steady mid-size buyers, sporadic small ones, returns, new prospects
// with big first orders, and image-builder / expert tags. Run: node scripts/make-demo.mjs
import { writeFileSync } from 'node:fs';

let seed = 20240601;
const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 4294967296);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const lognormal = (mu, s) => Math.exp(mu + s * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()));

const start = Date.UTC(2024, 11, 1); // 2024-12-01
const end = Date.UTC(2026, 10, 20); // 2026-11-20
const DAY = 86400000;
const span = (end - start) / DAY;

const prefixes = ['Northwind', 'Helios', 'Aegean', 'Baltic', 'Cobalt', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper',
  'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Olympus', 'Pioneer', 'Quarry', 'Riviera', 'Summit', 'Trident', 'Umbra', 'Vertex', 'Willow',
  'Xenon', 'Yarrow', 'Zephyr', 'Atlas', 'Borealis', 'Cedar', 'Dunmore', 'Ember', 'Fjord', 'Galileo', 'Hanover', 'Ionic', 'Jasper'];
const suffixes = ['Trading', 'Logistics', 'Foods', 'Retail', 'Engineering', 'Pharma', 'Hotels', 'Builders', 'Textiles', 'Motors', 'Media', 'Clinics'];
const forms = ['Ltd', 'GmbH', 'S.A.', 'AE', 'LLC', 'SARL', 'Oy'];
const used = new Set();
function name() {
  for (;;) {
    const n = `${pick(prefixes)} ${pick(suffixes)} ${pick(forms)}`;
    if (!used.has(n)) { used.add(n); return n; }
  }
}

// profile: [count, basket mu, gap days, start fraction, end fraction, margin]
const profiles = [
  { kind: 'key', n: 4, mu: Math.log(9000), gap: 9, from: 0, to: 1, margin: 0.18 },
  { kind: 'key-lost', n: 2, mu: Math.log(7000), gap: 12, from: 0, to: 0.62, margin: 0.22 },
  { kind: 'key-risk', n: 1, mu: Math.log(6000), gap: 10, from: 0, to: 0.95, margin: 0.2 },
  { kind: 'steady-risk', n: 2, mu: Math.log(2000), gap: 14, from: 0, to: 0.94, margin: 0.25 },
  { kind: 'steady', n: 14, mu: Math.log(1800), gap: 21, from: 0, to: 1, margin: 0.25 },
  { kind: 'steady-lost', n: 4, mu: Math.log(1500), gap: 25, from: 0.1, to: 0.55, margin: 0.24 },
  { kind: 'seasonal', n: 8, mu: Math.log(2500), gap: 90, from: 0, to: 1, margin: 0.3 },
  { kind: 'sporadic', n: 30, mu: Math.log(500), gap: 75, from: 0, to: 1, margin: 0.32 },
  { kind: 'prospect', n: 3, mu: Math.log(12000), gap: 20, from: 0.86, to: 1, margin: 0.15 },
  { kind: 'new-small', n: 4, mu: Math.log(400), gap: 30, from: 0.8, to: 1, margin: 0.3 },
];

const rows = [];
let invoice = 10000;
for (const p of profiles) {
  for (let k = 0; k < p.n; k++) {
    const customer = name();
    const image = p.kind.startsWith('key') && k === 0 || (p.kind === 'steady' && k < 2);
    const expert = (p.kind === 'key' && k === 1) || (p.kind === 'seasonal' && k === 0);
    let day = p.from * span + rnd() * p.gap;
    const stop = p.to * span;
    while (day < stop) {
      const date = new Date(start + Math.floor(day) * DAY).toISOString().slice(0, 10);
      const lines = 1 + Math.floor(rnd() * 3);
      invoice++;
      for (let l = 0; l < lines; l++) {
        const amount = Math.round(lognormal(p.mu, 0.35) / lines * 100) / 100;
        const margin = p.margin * lognormal(0, 0.2);
        rows.push([date, customer, `INV-${invoice}`, amount, Math.round(amount * margin * 100) / 100, image ? 'yes' : '', expert ? 'x' : '']);
        if (rnd() < 0.02) {
          // a credit note for part of the line a few days later
          const back = Math.round(amount * (0.2 + 0.8 * rnd()) * 100) / 100;
          const d2 = new Date(start + Math.min(Math.floor(day) + 3 + Math.floor(rnd() * 10), span) * DAY).toISOString().slice(0, 10);
          rows.push([d2, customer, `CN-${invoice}`, -back, -Math.round(back * margin * 100) / 100, image ? 'yes' : '', expert ? 'x' : '']);
        }
      }
      const jitter = p.kind === 'seasonal' ? 0.15 : p.kind === 'sporadic' ? 1.4 : 0.35;
      day += Math.max(1, p.gap * (1 + jitter * (rnd() * 2 - 1)));
    }
  }
}
// a few lines an export typically gets wrong, so the Skipped rows sheet has something to show
rows.push(['2025-03-04', '', 'INV-99001', 120.5, 20, '', '']);
rows.push(['2025-06-31', 'Atlas Foods Ltd', 'INV-99002', 310, 45, '', '']);
rows.push(['2025-09-15', 'Atlas Foods Ltd', 'INV-99003', 'n/a', '', '', '']);
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const csv = ['Date,Customer,Invoice,Amount,Profit,Image builder,Expert', ...rows.map((r) => r.map((v) => (String(v).includes(',') ? `"${v}"` : v)).join(','))].join('\n') + '\n';
writeFileSync(new URL('../data/demo-ledger.csv', import.meta.url), csv);
console.log(`data/demo-ledger.csv: ${rows.length} lines, ${used.size} customers`);
