#!/usr/bin/env node
// The project's own deterministic sales ledger for its tests: `customer,date,amount,profit` lines
// from a mix of customer kinds, so a clone of the repository needs nothing beside it to test itself.
// (The benchmark keeps calling the shared peer generator; this one is for the tests.)
//
//   node scripts/gen-ledger.mjs --rows 10000 --out ledger.csv [--seed 1] [--customers K]
//        [--start 2023-01-01] [--months 24] [--return-rate 0.03] [--no-profit]
//
//   import { generateLedger, ledgerCsv } from './scripts/gen-ledger.mjs';
//
// Same options ⇒ same bytes: one 32-bit PRNG (mulberry32) drives every draw, amounts are integer
// cents written with two decimals by integer arithmetic, and the lines are sorted by a total order.
//
// Kinds (share of customers) and how they buy:
//   key           2 %  key accounts: every few days all window long, basket Pareto(α 1.2) — the heavy tail;
//                      a quarter of them are lost part-way (the win-back list)
//   subscription  6 %  one line a month on a fixed day of the month, a plan price with a small usage part
//   weekly        9 %  one line a week on a fixed weekday, some weeks missed
//   monthly      21 %  about one line a month, ± 6 days, some months missed
//   sporadic     40 %  a Pareto-distributed number (≥ 2) of lines on random days
//   one-off      22 %  a single purchase (sometimes two lines of the same invoice)
// Outside the key accounts a customer starts at the window start (60 %) or is acquired later, and a
// quarter of them stop buying part-way. A line is a return (negative amount and profit, of part or
// all of an earlier line of the same customer, a few days after it) at the return rate.
// Exact row count: with --customers each customer's natural number of lines is scaled so they add
// up to --rows; without it customers are drawn until their natural lines reach --rows.
import { realpathSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const DAY_MS = 86400000;

export const DEFAULTS = Object.freeze({
  rows: 10000,
  customers: null,
  seed: 1,
  start: '2023-01-01',
  months: 24,
  returnRate: 0.03,
  profit: true,
});

const KINDS = [
  ['key', 0.02],
  ['subscription', 0.06],
  ['weekly', 0.09],
  ['monthly', 0.21],
  ['sporadic', 0.4],
  ['one-off', 0.22],
];

/** mulberry32: a small 32-bit generator, uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTools(seed) {
  const u = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(u() * (hi - lo + 1)); // inclusive
  const chance = (p) => u() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const lognormal = (median, sigma) => median * Math.exp(sigma * normal());
  const pareto = (xm, alpha) => xm * Math.pow(1 - u(), -1 / alpha);
  const kind = () => {
    let x = u();
    for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
    return KINDS[KINDS.length - 1][0];
  };
  return { u, int, chance, normal, lognormal, pareto, kind };
}

function parseDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!m) throw new Error(`start: expected YYYY-MM-DD, got "${text}"`);
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(t).getUTCDate() !== +m[3]) throw new Error(`start: no such day "${text}"`);
  return t / DAY_MS;
}

const isoDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Integer cents as text with two decimals, without going through floating point. */
function money(cents) {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const c = a % 100;
  return `${sign}${(a - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

function checkOptions(o) {
  const whole = (name, v, min) => {
    if (!Number.isInteger(v) || v < min) throw new Error(`${name}: expected a whole number ≥ ${min}, got ${v}`);
  };
  whole('rows', o.rows, 1);
  if (o.customers !== null) {
    whole('customers', o.customers, 1);
    if (o.customers > o.rows) throw new Error(`customers (${o.customers}) cannot exceed rows (${o.rows}): every customer has a line`);
  }
  whole('seed', o.seed, 0);
  whole('months', o.months, 1);
  if (!(o.returnRate >= 0 && o.returnRate < 0.5)) throw new Error(`return-rate: expected 0 ≤ r < 0.5, got ${o.returnRate}`);
}

/** A customer's buying profile: kind, active days, value and margin, natural number of lines. */
function drawProfile(rnd, kind, first, last) {
  const window = last - first + 1;
  let from = first;
  let to = last;
  if (kind === 'key') {
    if (rnd.chance(0.2)) from = first + rnd.int(0, Math.floor(window * 0.3));
    if (rnd.chance(0.25)) to = Math.min(last, from + Math.floor((last - from) * (0.35 + 0.45 * rnd.u())));
  } else {
    if (!rnd.chance(0.6)) from = first + rnd.int(0, Math.floor(window * 0.9));
    if (rnd.chance(0.25)) to = Math.min(last, from + 30 + rnd.int(0, Math.max(0, last - from - 30)));
  }
  const span = to - from + 1;
  const p = { kind, from, to, basket: 0, noise: 0, margin: 0.1 + 0.3 * rnd.u(), natural: 1, gap: 0, dom: 0, weekday: 0 };
  switch (kind) {
    case 'key':
      p.basket = Math.min(rnd.pareto(250, 1.3), 40000);
      p.noise = 0.35;
      p.margin = 0.04 + 0.16 * rnd.u();
      p.gap = 3 + 9 * rnd.u();
      p.natural = Math.max(1, Math.round(span / p.gap));
      break;
    case 'subscription':
      p.basket = [19, 29, 49, 99, 199][rnd.int(0, 4)] * (1 + 0.1 * rnd.u());
      p.noise = 0.03;
      p.dom = rnd.int(1, 28);
      p.natural = subscriptionDays(p).length || 1;
      break;
    case 'weekly':
      p.basket = rnd.lognormal(60, 0.5);
      p.noise = 0.15;
      p.weekday = rnd.int(0, 6);
      p.natural = Math.max(1, Math.round((span / 7) * 0.9));
      break;
    case 'monthly':
      p.basket = rnd.lognormal(250, 0.7);
      p.noise = 0.25;
      p.natural = Math.max(1, Math.round((span / 30.44) * 0.9));
      break;
    case 'sporadic':
      p.basket = rnd.lognormal(120, 0.9);
      p.noise = 0.6;
      p.natural = Math.max(2, Math.min(60, Math.round(rnd.pareto(2, 1.4) * Math.sqrt(span / window))));
      break;
    default: // one-off
      p.basket = rnd.lognormal(90, 0.9);
      p.noise = 0.3;
      p.natural = rnd.chance(0.1) ? 2 : 1;
  }
  return p;
}

/** The subscription's billing days: its day of the month in every month of its active span. */
function subscriptionDays(p) {
  const days = [];
  const d = new Date(p.from * DAY_MS);
  for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); ; m++) {
    const day = Date.UTC(y, m, p.dom) / DAY_MS;
    if (day > p.to) break;
    if (day >= p.from) days.push(day);
  }
  return days;
}

/** `count` purchase days in [from, to], following the customer's kind. */
function purchaseDays(rnd, p, count) {
  const span = p.to - p.from + 1;
  const random = () => p.from + rnd.int(0, span - 1);
  let slots;
  switch (p.kind) {
    case 'subscription':
      slots = subscriptionDays(p);
      break;
    case 'weekly': {
      slots = [];
      for (let day = p.from + ((p.weekday - ((p.from + 4) % 7) + 7) % 7); day <= p.to; day += 7) if (!rnd.chance(0.1)) slots.push(day);
      break;
    }
    case 'monthly': {
      slots = [];
      for (let k = rnd.int(0, 29); k < span; k += 30.44) {
        const day = Math.min(p.to, Math.max(p.from, Math.round(p.from + k + rnd.int(-6, 6))));
        if (!rnd.chance(0.1)) slots.push(day);
      }
      break;
    }
    case 'key': {
      slots = [];
      for (let k = rnd.u() * p.gap; k < span; k += p.gap * (0.6 + 0.8 * rnd.u())) slots.push(p.from + Math.floor(k));
      break;
    }
    case 'one-off': {
      const day = random();
      return Array.from({ length: count }, (_, i) => (i < 2 ? day : random())).sort((a, b) => a - b);
    }
    default: // sporadic
      return Array.from({ length: count }, random).sort((a, b) => a - b);
  }
  // a regular buyer keeps its rhythm: fewer lines thin the slots evenly, more add extra orders
  const days = [];
  if (slots.length >= count) {
    for (let i = 0; i < count; i++) days.push(slots[Math.floor((i * slots.length) / count)]);
  } else {
    days.push(...slots);
    while (days.length < count) days.push(random());
  }
  return days.sort((a, b) => a - b);
}

/** Share `rows` lines out among customers in proportion to their natural counts, one line at least each. */
function scaleCounts(naturals, rows) {
  const n = naturals.length;
  const spare = rows - n;
  const weights = naturals.map((x) => Math.max(0, x - 1));
  let total = weights.reduce((s, x) => s + x, 0);
  if (total === 0) { weights.fill(1); total = n; }
  const counts = new Array(n);
  const rest = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (spare * weights[i]) / total;
    const whole = Math.floor(exact);
    counts[i] = 1 + whole;
    given += whole;
    rest.push([exact - whole, i]);
  }
  // largest remainders first, then the earlier customer: an exact and deterministic total
  rest.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < spare - given; k++) counts[rest[k][1]]++;
  return counts;
}

/**
 * Generate a ledger. Returns the header, the lines (customer, ISO date, amount and profit in cents;
 * profit null without a profit column), in date order, and each customer's profile.
 */
export function generateLedger(options = {}) {
  const o = { ...DEFAULTS, ...options };
  checkOptions(o);
  const rnd = randomTools(o.seed);
  const first = parseDay(o.start);
  const startDate = new Date(first * DAY_MS);
  const last = Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + o.months, startDate.getUTCDate()) / DAY_MS - 1;

  const profiles = [];
  let counts;
  if (o.customers !== null) {
    for (let i = 0; i < o.customers; i++) profiles.push(drawProfile(rnd, rnd.kind(), first, last));
    counts = scaleCounts(profiles.map((p) => p.natural), o.rows);
  } else {
    counts = [];
    for (let have = 0; have < o.rows;) {
      const p = drawProfile(rnd, rnd.kind(), first, last);
      const c = Math.min(p.natural, o.rows - have);
      profiles.push(p);
      counts.push(c);
      have += c;
    }
  }
  const width = Math.max(5, String(profiles.length).length);

  const lines = [];
  profiles.forEach((p, i) => {
    p.customer = `C${String(i + 1).padStart(width, '0')}`;
    p.lines = counts[i];
    const purchases = []; // [day, cents, profit cents] of lines that can still be returned
    for (const day of purchaseDays(rnd, p, counts[i])) {
      if (purchases.length > 0 && rnd.chance(o.returnRate)) {
        const k = rnd.int(0, purchases.length - 1);
        const [bought, cents, gain] = purchases[k];
        purchases.splice(k, 1);
        const part = rnd.chance(0.5) ? 1 : 0.2 + 0.8 * rnd.u();
        const back = Math.max(1, Math.round(cents * part));
        lines.push([i, Math.min(last, bought + rnd.int(1, 20)), -back, -Math.round(gain * (back / cents))]);
        continue;
      }
      const cents = Math.max(1, Math.round(100 * p.basket * Math.exp(p.noise * rnd.normal())));
      // a few lines sell below cost
      const gain = rnd.chance(0.03) ? -Math.round(cents * 0.1 * rnd.u()) : Math.round(cents * p.margin * Math.exp(0.2 * rnd.normal()));
      purchases.push([day, cents, gain]);
      lines.push([i, day, cents, gain]);
    }
  });
  lines.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return {
    header: o.profit ? ['customer', 'date', 'amount', 'profit'] : ['customer', 'date', 'amount'],
    rows: lines.map(([i, day, cents, gain]) => [profiles[i].customer, isoDay(day), cents, o.profit ? gain : null]),
    customers: profiles.map((p) => ({ customer: p.customer, kind: p.kind, from: isoDay(p.from), to: isoDay(p.to), lines: p.lines })),
    window: { from: isoDay(first), to: isoDay(last) },
  };
}

/** The ledger as CSV text (LF line ends, a final newline). */
export function ledgerCsv(options = {}) {
  const { header, rows } = generateLedger(options);
  const out = [header.join(',')];
  for (const [customer, date, cents, gain] of rows) out.push(gain === null ? `${customer},${date},${money(cents)}` : `${customer},${date},${money(cents)},${money(gain)}`);
  return out.join('\n') + '\n';
}

/** Write the ledger to a file; returns the path. */
export function writeLedger(file, options = {}) {
  writeFileSync(file, ledgerCsv(options));
  return file;
}

const USAGE = `usage: node scripts/gen-ledger.mjs --rows N [--out FILE|-] [--seed S] [--customers K]
       [--start YYYY-MM-DD] [--months M] [--return-rate R] [--no-profit]`;

/** Options from command-line arguments. */
export function parseArgs(argv) {
  const o = {};
  let out = '-';
  const num = (flag, v) => {
    const x = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(x)) throw new Error(`${flag}: expected a number, got ${v ?? 'nothing'}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    switch (a) {
      case '--rows': o.rows = num(a, value()); break;
      case '--customers': o.customers = num(a, value()); break;
      case '--seed': o.seed = num(a, value()); break;
      case '--start': o.start = value(); break;
      case '--months': o.months = num(a, value()); break;
      case '--return-rate': o.returnRate = num(a, value()); break;
      case '--no-profit': o.profit = false; break;
      case '--out': out = value(); break;
      case '--help': case '-h': return { help: true };
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return { options: o, out };
}

function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
    if (parsed.help) { process.stdout.write(USAGE + '\n'); return; }
    const text = ledgerCsv(parsed.options);
    if (parsed.out === '-' || parsed.out === undefined) process.stdout.write(text);
    else writeFileSync(parsed.out, text);
  } catch (err) {
    process.stderr.write(`gen-ledger: ${err instanceof Error ? err.message : err}\n${USAGE}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
