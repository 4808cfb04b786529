// No English on the command line but the catalogue's: the CLI built against the marker catalogue
// (./markers.ts), run through --help, every usage and input error, a summary, a written report
// and the demo. Whatever it prints must be markers, the test's own data (customer names, paths),
// the option vocabulary (flags and values are typed as they are, in every language), digits or
// punctuation. Node's own parseArgs messages (a mistyped flag) and the text of a library's error
// inside "cannot read …: {problem}" are the runtime's, not ours, and are not run here.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_ROLES, OPTIONS } from '../../core/options/vocabulary';
import { tempDir } from '../temp';
import { marker, markerPlugin, strayTexts } from './markers';

const root = join(__dirname, '../..');
let dir: string;
let bin: string;

/** The option vocabulary: flag names and choice values, which the analyst types as they are. */
const VOCABULARY = [
  ...OPTIONS.flatMap((o) => [o.name, ...((o as { choices?: readonly string[] }).choices ?? [])]),
  ...COLUMN_ROLES, 'out', 'sheet', 'timings', 'help',
  // value syntax of --help and the --timings line
  'YYYY-MM-DD', 'read_ms', 'compute_ms', 'write_ms',
].filter((w) => w.length > 1);

const CUSTOMERS = ['K1', 'K2', 'K3'];
const LEDGER = ['customer,date,amount', ...[1, 2, 3, 4, 5, 6].flatMap((m) => CUSTOMERS.map((c, i) => `${c},2024-0${m}-1${i},${(i + 1) * 100}`)), 'K4,2024-06-20,5', ',2024-06-01,7'].join('\n');

function run(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, out: `${stdout}${stderr}` }));
  });
}

beforeAll(async () => {
  dir = tempDir('abcxyz-markers-cli-');
  // the demo finds its ledger at ../../data from the bundle, as from dist/cli; ExcelJS and Papa
  // Parse stay external, found through a node_modules beside it
  bin = join(dir, 'build', 'cli', 'abcxyz.cjs');
  mkdirSync(join(dir, 'data'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(root, 'data', 'demo-ledger.csv'), join(dir, 'data', 'demo-ledger.csv'));
  await build({ entryPoints: [join(root, 'cli/main.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bin, external: ['exceljs', 'papaparse'], logLevel: 'warning', plugins: [markerPlugin()] });
  writeFileSync(join(dir, 'ledger.csv'), LEDGER);
});

describe('command line, built against the marker catalogue', () => {
  it('prints only catalogue texts in --help, usage errors, input errors, the summary and reports', async () => {
    const first = await run(['segment', 'ledger.csv', '--out', 'report.xlsx']);
    const runs = [{ args: ['segment', 'ledger.csv', '--out', 'report.xlsx'], ...first }, ...await Promise.all([
      ['--help'], [], ['frobnicate'], ['segment'], ['segment', 'ledger.pdf'], ['segment', 'missing.csv'],
      ['segment', 'ledger.csv', '--out', 'report.pdf'], ['segment', 'ledger.csv', '--period', 'fortnight'],
      ['segment', 'ledger.csv', '--a', '80', '--b', '70'], ['segment', 'ledger.csv', '--customer', 'Client'],
      ['segment', 'ledger.csv', '--timings'], ['segment', 'report.xlsx', '--sheet', 'Nope'], ['demo', '--out', 'demo.xlsx'],
      // the written report is read back by one of them
    ].map(async (args) => ({ args, ...await run(args) })))];
    // the runs did what they are for: markers where the English was
    const by = (a: string) => runs.find((r) => r.args.join(' ') === a)!.out;
    expect(by('--help')).toContain(marker('form.cli.usage'));
    expect(by('--help')).toContain(`--sheet ${marker('cli.sheetValue')}`);
    expect(by('frobnicate')).toContain(marker('cli.unknownCommand', { command: 'frobnicate' }));
    expect(by('segment')).toContain(marker('cli.oneInput'));
    expect(by('segment ledger.pdf')).toContain(marker('cli.inputType', { ext: '.pdf' }));
    expect(by('segment ledger.csv --out report.pdf')).toContain(marker('cli.outputType', { ext: '.pdf' }));
    expect(by('segment ledger.csv --out report.xlsx')).toContain(marker('cli.wrote', { path: join(dir, 'report.xlsx') }));
    expect(by('segment ledger.csv --timings')).toContain(marker('p.period.month'));
    expect(by('demo --out demo.xlsx')).toContain(marker('cli.demoWritten', { path: join(dir, 'demo.xlsx') }));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 2, 2, 2, 2, 1, 2, 2, 2, 1, 0, 1, 0]);

    const demoCustomers = readFileSync(join(root, 'data', 'demo-ledger.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[1]);
    const data = [dir, 'abcxyz', 'ledger.csv', 'ledger.pdf', 'missing.csv', '.pdf', 'report.pdf', 'report.xlsx', 'demo.xlsx', 'frobnicate', 'fortnight', 'Client', 'Nope', 'customer', 'date', 'amount', ...CUSTOMERS, 'K4', ...demoCustomers, ...VOCABULARY];
    const lines = runs.flatMap((r) => r.out.split('\n')).map((l) => l.replace(/(?<![\p{L}\w])--?[\w-]+/gu, ' '));
    expect(strayTexts(lines, { data })).toEqual([]);
  });
});
