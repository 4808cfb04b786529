// Where the real-data suite finds what lives outside the repository: the data sets
// (ABCXYZ_BENCH_DATA, else ../shared/bench-data beside the clone) and the peers (ABCXYZ_PEERS, else
// ../shared/peers). Missing means a thrown error naming the variable and both places: this suite
// is run on purpose, so it fails loudly rather than skipping.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

function locate(variable: string, fallback: string, what: string, relative: string): string {
  const fromEnv = process.env[variable];
  const base = fromEnv ? resolve(fromEnv) : resolve(ROOT, fallback);
  const file = join(base, relative);
  if (existsSync(file)) return file;
  const where = fromEnv
    ? `${variable}=${fromEnv} has no ${relative}`
    : `${variable} is not set and the default ${base} has no ${relative}`;
  throw new Error(
    `The real-data suite needs ${what} (${relative}): ${where}. ` +
    `Set ${variable} to a folder laid out like ../shared/${fallback.split('/').pop()}, or put that folder at ${resolve(ROOT, fallback)}. ` +
    '`npm test` runs everything that needs nothing outside the repository.',
  );
}

/** A file of the real data sets, e.g. benchData('cdnow/CDNOW_sample.txt'). */
export function benchData(relative: string): string {
  return locate('ABCXYZ_BENCH_DATA', '../shared/bench-data', 'the real data sets', relative);
}

/** A file of the peers, e.g. peer('peer_pandas.py'). */
export function peer(relative: string): string {
  return locate('ABCXYZ_PEERS', '../shared/peers', 'the benchmark peers', relative);
}

export const PYTHON = '/usr/bin/python3';

/** Debian's python3 with pandas, for the pandas peer; an error saying how to get it otherwise. */
export function pythonWithPandas(): string {
  const r = existsSync(PYTHON) ? spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }) : null;
  if (r?.status === 0) return PYTHON;
  throw new Error(`The pandas peer needs ${PYTHON} with pandas (Debian: apt-get install python3-pandas); ${r ? r.stderr.trim().split('\n').pop() : `${PYTHON} not found`}.`);
}
