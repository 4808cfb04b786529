// Shared helpers of the Sheets tests: generated transactions as Sheets would hand them to a script.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetDate } from './fake-gas';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'gsheets');
const GEN = join(ROOT, '..', 'shared', 'peers', 'gen_transactions.mjs');

/** Deterministic CSV from the shared generator (cached per argument set). */
export function generatedCsv(rows: number, extra: string[] = []): string {
  const out = join('/tmp', `abcxyz-gs-${rows}-${extra.join('_').replace(/[^\w]/g, '')}.csv`);
  if (!existsSync(out)) execFileSync(process.execPath, [GEN, '--rows', String(rows), '--out', out, ...extra], { stdio: 'ignore' });
  return out;
}

/**
 * The CSV as getValues() returns it: header row, then customer text, a Date at midnight of the
 * spreadsheet's zone (built with the given realm's Date), and numbers.
 */
export function csvGrid(file: string, timeZone: string, DateCtor: DateConstructor = Date): (string | number | Date)[][] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const dates = new Map<string, Date>();
  const grid: (string | number | Date)[][] = [header];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    grid.push(cells.map((v, j) => {
      if (header[j] === 'date') {
        let d = dates.get(v);
        if (!d) dates.set(v, (d = sheetDate(v, timeZone, DateCtor)));
        return new DateCtor(d.getTime());
      }
      return header[j] === 'customer' ? v : Number(v);
    }));
  }
  return grid;
}

/** Build dist/gsheets once per test file (the build writes atomically, so parallel files are safe). */
export async function buildGsheets(): Promise<void> {
  const mod = (await import(join(ROOT, 'scripts', 'build-gsheets.mjs'))) as { default: (root: string) => Promise<unknown> };
  await mod.default(ROOT);
}
