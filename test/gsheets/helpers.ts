// Shared helpers of the Sheets tests: generated transactions as Sheets would hand them to a script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeLedger, type LedgerOptions } from '../../scripts/gen-ledger.mjs';
import { tempDir } from '../temp';
import { sheetDate } from './fake-gas';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'gsheets');

let dir: string | undefined;
const made = new Map<string, string>();

/** A generated ledger CSV (scripts/gen-ledger.mjs), written once per option set into this run's temp folder. */
export function generatedCsv(rows: number, options: Omit<LedgerOptions, 'rows'> = {}): string {
  const key = JSON.stringify({ rows, ...options });
  let file = made.get(key);
  if (!file) {
    dir ??= tempDir('abcxyz-gs-');
    file = writeLedger(join(dir, `ledger-${made.size}.csv`), { rows, ...options });
    made.set(key, file);
  }
  return file;
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
