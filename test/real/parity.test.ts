// Parity with the pandas peer (peer_pandas.py of the peers, see ./locate.ts): same revenue, share,
// CV and classes for every customer with net value > 0, on the real UCI Online Retail ledger and on
// the project's generated ledger.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLedger } from '../../scripts/gen-ledger.mjs';
import { cli } from '../cli/helpers';
import { tempDir } from '../temp';
import { benchData, peer, pythonWithPandas } from './locate';

const PYTHON = pythonWithPandas();
const PEER = peer('peer_pandas.py');
const UCI = benchData('online_retail/online_retail_tx.csv.gz');

interface Row { customer: string; revenue: number; share: number; abc: string; cv: number | null; xyz: string }

function compare(csvPath: string, dir: string, name: string) {
  const json = join(dir, `${name}.json`);
  const run = cli(['segment', csvPath, '--xyz', 'cv', '--x', '10', '--y', '25', '--min-periods', '1', '--out', json]);
  expect(run.stderr).not.toMatch(/unexpected/);
  expect(run.code).toBe(0);
  const ours = JSON.parse(readFileSync(json, 'utf8'));
  // the peer keeps net ≤ 0 customers as C; the product leaves them out of ABC: drop them before the peer runs
  const positive = new Set<string>(ours.customers.filter((c: { abc: string | null }) => c.abc !== null).map((c: { customer: string }) => c.customer));
  const lines = readFileSync(csvPath, 'utf8').split('\n');
  const kept = [lines[0], ...lines.slice(1).filter((l) => l && positive.has(l.slice(0, l.indexOf(','))))];
  const peerIn = join(dir, `${name}_positive.csv`);
  writeFileSync(peerIn, kept.join('\n') + '\n');
  const peerOut = join(dir, `${name}_peer.csv`);
  execFileSync(PYTHON, [PEER, peerIn, peerOut, '--window', 'customer'], { stdio: 'pipe' });
  const peer: Row[] = readFileSync(peerOut, 'utf8').trim().split('\n').slice(1).map((l) => {
    const [customer, revenue, share, , abc, cv, xyz] = l.split(',');
    return { customer, revenue: +revenue, share: +share, abc, cv: cv === '' ? null : +cv, xyz };
  });
  const byName = new Map<string, Row & { xyz: string | null }>(ours.customers.map((c: Row) => [c.customer, c]));
  expect(peer.length).toBe(positive.size);
  const mismatches: string[] = [];
  for (const p of peer) {
    const c = byName.get(p.customer)!;
    if (Math.abs(c.revenue - p.revenue) > 1e-6 * Math.max(1, Math.abs(p.revenue))) mismatches.push(`${p.customer} revenue ${c.revenue} vs ${p.revenue}`);
    if (Math.abs(c.share - p.share) > 1e-9) mismatches.push(`${p.customer} share`);
    if (c.abc !== p.abc) mismatches.push(`${p.customer} abc ${c.abc} vs ${p.abc}`);
    if (p.cv === null ? c.cv !== null : Math.abs(c.cv! - p.cv) > 1e-9 * Math.max(1, p.cv)) mismatches.push(`${p.customer} cv ${c.cv} vs ${p.cv}`);
    // the peer calls an undefined CV (mean ≤ 0) Z; the product leaves XYZ empty
    if ((c.xyz ?? 'Z') !== p.xyz) mismatches.push(`${p.customer} xyz ${c.xyz} vs ${p.xyz}`);
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  return { customers: peer.length, ours };
}

describe('parity with the pandas peer', () => {
  let dir: string;
  beforeAll(() => { dir = tempDir(); });

  it('UCI Online Retail (406,829 real lines, 4,317 customers with net > 0)', () => {
    const csv = join(dir, 'uci_tx.csv');
    writeFileSync(csv, gunzipSync(readFileSync(UCI)));
    const { customers, ours } = compare(csv, dir, 'uci');
    expect(customers).toBe(4317);
    expect(ours.totals.rowsRead).toBe(406829);
    expect(ours.totals.customers).toBe(4372);
  });

  it('generated ledger (100,000 rows: key accounts, subscription, weekly, monthly, sporadic and one-off buyers, returns)', () => {
    const csv = writeLedger(join(dir, 'gen.csv'), { rows: 100000, seed: 7 });
    const { customers, ours } = compare(csv, dir, 'gen');
    // the customers with a positive net, summed here in integer cents, are exactly the ones ranked
    const net = new Map<string, number>();
    for (const line of readFileSync(csv, 'utf8').trim().split('\n').slice(1)) {
      const [customer, , amount] = line.split(',');
      net.set(customer, (net.get(customer) ?? 0) + Math.round(Number(amount) * 100));
    }
    const positive = [...net].filter(([, cents]) => cents > 0).map(([c]) => c).sort();
    expect(positive.length).toBeLessThan(net.size); // some customers returned everything they bought
    expect(customers).toBe(positive.length);
    expect(ours.customers.filter((c: { abc: string | null }) => c.abc !== null).map((c: { customer: string }) => c.customer).sort()).toEqual(positive);
    expect(ours.totals).toMatchObject({ rowsRead: 100000, rowsUsed: 100000, rowsSkipped: 0, customers: net.size });
  });
});
