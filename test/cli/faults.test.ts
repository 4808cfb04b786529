// The fault catalogue of the command line (issue 12): every bad input, output situation and hostile
// name a tester tried, each with its exact outcome — the message, the exit code and what is left on
// disk. The real built CLI is run (bin/abcxyz.cjs), and killed while it writes.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter } from '../../core';
import { OutputError } from '../../cli/fs-errors';
import { openXlsx } from '../../cli/input';
import { prepareOutput, writeThrough } from '../../cli/output-file';
import { needsTextGuard } from '../../core';
import { terminalText } from '../../cli/terminal';
import { Workbook } from '../../cli/workbook';
import { writeLedger } from '../../scripts/gen-ledger.mjs';
import { ROOT, tempDir } from './helpers';
import { handWorkbook, writeZip } from './zip-writer';

const BIN = join(ROOT, 'bin', 'abcxyz.cjs');
let dir: string;
let n = 0;
const path = (name: string) => join(dir, `${n++}-${name}`);

function run(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000, ...options });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A run that succeeded; when it did not, its stderr is the failure's message. */
function ok(r: { code: number | null; stderr: string }): void {
  expect(r.code === 0 ? 0 : r.stderr).toBe(0);
}

/** The files of a folder that are not the ones named: the temporary files a run left. */
const leftovers = (folder: string, keep: string[] = []) => readdirSync(folder).filter((f) => f.startsWith('.') && !keep.includes(f));

const LEDGER = 'customer,date,amount\nAcme,2024-01-05,100\nBeta,2024-02-07,50\nAcme,2024-03-02,70\n';

/** A file with LEDGER, and a valid earlier report of it at `report` (json/csv/xlsx by its name), in a folder of its own. */
function withReport(report: string): { input: string; out: string; before: Buffer } {
  const folder = path('run');
  mkdirSync(folder);
  const input = join(folder, 'ledger.csv');
  writeFileSync(input, LEDGER);
  const out = join(folder, report);
  ok(run(['segment', input, '--out', out]));
  return { input, out, before: readFileSync(out) };
}

/** As root, runs go as nobody so that permissions hold; otherwise as the user that runs the tests. */
const ROOTED = process.getuid?.() === 0;
const AS_OTHER: SpawnSyncOptions = ROOTED ? { uid: 65534, gid: 65534 } : {};
function openToOthers(folder: string): void {
  if (!ROOTED) return;
  // the folders above (the test run's own, under os.tmpdir()) must let nobody pass, not list
  for (let d = dirname(folder); d.startsWith(tmpdir()) && d !== dirname(tmpdir()); d = dirname(d)) chmodSync(d, statSync(d).mode & 0o777 | 0o711);
  chmodSync(folder, 0o777);
}

beforeAll(() => { dir = tempDir('abcxyz-faults-'); });

// ---------------------------------------------------------------------------------------------

describe('input files', () => {
  it('a missing file', () => {
    const p = path('missing.csv');
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p}: no such file\n`, stdout: '' });
  });

  it('a folder', () => {
    const p = path('folder.csv');
    mkdirSync(p);
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p}: it is a folder; name a file in it.\n` });
  });

  it('a FIFO with no writer: refused at once, never waited on', () => {
    const p = path('fifo.csv');
    const made = spawnSync('mkfifo', [p]);
    if (made.status !== 0) return; // no mkfifo here
    const t0 = Date.now();
    expect(run(['segment', p], { timeout: 20_000 })).toMatchObject({ code: 1, signal: null, stderr: `abcxyz: Cannot read ${p}: it is a pipe, not a file. Save the data to a file and name that file.\n` });
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('/dev/zero and other devices', () => {
    if (!existsSync('/dev/zero')) return;
    expect(run(['segment', '/dev/zero'])).toMatchObject({ code: 1, stderr: 'abcxyz: Cannot read /dev/zero: it is a device, not a file. Save the data to a file and name that file.\n' });
  });

  it('a 3 GB file is refused by its size before a byte is read; --max-input-mb raises the limit', () => {
    const p = path('huge.csv');
    writeFileSync(p, '');
    truncateSync(p, 3 * 2 ** 30); // sparse: no disk used
    const t0 = Date.now();
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p}: it is 3,072 MB, more than the 256 MB an input may have. If the file is what it should be, raise the limit with --max-input-mb 3,380.\n` });
    expect(Date.now() - t0).toBeLessThan(10_000);
    const small = path('ledger.csv');
    writeFileSync(small, LEDGER + `${'Gamma,2024-03-03,1\n'.repeat(60_000)}`);
    expect(run(['segment', small, '--max-input-mb', '0.5']).stderr).toBe(`abcxyz: Cannot read ${small}: it is 2 MB, more than the 0.5 MB an input may have. If the file is what it should be, raise the limit with --max-input-mb 2.\n`);
    ok(run(['segment', small, '--max-input-mb', '2']));
  });

  it('a bad --max-input-mb is a usage error', () => {
    const r = run(['segment', 'x.csv', '--max-input-mb', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('abcxyz: Option max-input-mb: must be a number of megabytes above 0, got "lots"');
  });

  it('an unreadable file: a sentence, no EACCES', () => {
    const folder = path('locked');
    mkdirSync(folder);
    openToOthers(folder);
    const p = join(folder, 'secret.csv');
    writeFileSync(p, LEDGER);
    chmodSync(p, 0o000);
    const r = run(['segment', p], AS_OTHER);
    expect(r).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p}: permission denied (the file or its folder does not allow it)\n` });
  });
});

describe('workbooks', () => {
  it('a zip renamed .xlsx: no "undefined", a sentence', () => {
    const p = path('zip.xlsx');
    writeZip(p, { 'hello.txt': 'hi' });
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p} as an .xlsx workbook: no workbook part (not an .xlsx workbook)\n` });
  });

  it('a CSV renamed .xlsx', () => {
    const p = path('csv.xlsx');
    writeFileSync(p, LEDGER);
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p} as an .xlsx workbook: not a zip archive (no central directory)\n` });
  });

  it('malformed sheet XML: unclosed tags read as far as they go, a cell beyond the sheet is a sentence', () => {
    const p = path('bad.xlsx');
    handWorkbook(p, [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c><c r="B1"><v>1</v><row></sheetData' }]);
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: ${p}: The range has a header row but no data rows.\n` });
    const far = path('far.xlsx');
    handWorkbook(far, [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c></row><row r="99999999999"><c r="A2"><v>1</v></c></row></sheetData>' }]);
    expect(run(['segment', far])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${far} as an .xlsx workbook: cell 99999999999 is beyond the 1,048,576 rows and 16,384 columns a sheet has: the sheet is damaged\n` });
    const wide = path('wide.xlsx');
    handWorkbook(wide, [{ name: 'S', xml: '<sheetData><row r="1"><c r="ZZZZZZ1"><v>1</v></c></row></sheetData>' }]);
    expect(run(['segment', wide]).stderr).toBe(`abcxyz: Cannot read ${wide} as an .xlsx workbook: cell ZZZZZZ1 is beyond the 1,048,576 rows and 16,384 columns a sheet has: the sheet is damaged\n`);
  });

  it('any edit of a sheet\'s XML gives rows or a sentence of ours, never an internal error', async () => {
    const base = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>customer</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="s"><v>0</v></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2" s="1"><v>45000</v></c><c r="C2"><v>10</v></c></row>'
      + '<row r="3"><c r="A3" t="str"><f>x</f><v>Beta</v></c><c r="B3"><v>45001</v></c><c r="C3" t="e"><v>#N/A</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>';
    const inserts = ['', '<', '>', '"', '/', 'r="', '<row', '<c ', '</c>', '<v>', '</v>', '9999999999', '<is>', '<t>', 'mergeCell ref="', ':', 'XFE', '&#0;', '_x0000_'];
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length), fc.nat(20), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 4 }), async (edits) => {
      let xml = base;
      for (const [at, del, ins] of edits) xml = xml.slice(0, at) + ins + xml.slice(at + del);
      const p = path('edit.xlsx');
      handWorkbook(p, [{ name: 'S', xml }], { sharedStrings: ['amount'], styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>' });
      try {
        const wb = await openXlsx(p);
        const s = createSegmenter({});
        await wb.read((row) => s.add(row));
        s.finish();
      } catch (e) {
        expect(['InputError', 'AbcxyzError']).toContain((e as Error).constructor.name);
        expect((e as Error).message).not.toMatch(/undefined|Cannot (set|read) propert/);
      }
    }), { numRuns: 200 });
  });
});

// A zip bomb: 500 MB of sheet XML deflated to under 2 MB. The deflate stream is built from one
// megabyte compressed once and repeated: each piece ends with a full flush, so pieces join.
const BOMB_MB = 500;
/** The sheet part: its deflated bytes and its true size, or the size given (a directory that lies). */
function bomb(megabyte: string, declared?: number): { deflated: Buffer; size: number } {
  const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const TAIL = '</sheetData></worksheet>';
  const piece = (text: string, last: boolean) => deflateRawSync(Buffer.from(text), { finishFlush: last ? zlibConstants.Z_FINISH : zlibConstants.Z_FULL_FLUSH });
  const body = piece(megabyte, false);
  const size = HEAD.length + BOMB_MB * Buffer.byteLength(megabyte) + TAIL.length;
  return { deflated: Buffer.concat([piece(HEAD, false), ...Array(BOMB_MB).fill(body), piece(TAIL, true)]), size: declared ?? size };
}
const ROW = '<row><c t="inlineStr"><is><t>Acme</t></is></c><c><v>45000</v></c><c><v>1</v></c></row>';
/** A megabyte of ordinary rows, and a megabyte of one cell's text that never ends. */
const ROWS_MB = ROW.repeat(Math.floor(2 ** 20 / ROW.length));
const ONE_CELL_MB = 'A'.repeat(2 ** 20);

describe('a zip bomb: 1.8 MB of xlsx holding 500 MB of sheet XML', () => {
  it('is refused from its directory before anything is inflated', () => {
    const p = path('bomb.xlsx');
    handWorkbook(p, [{ name: 'Sales', xml: bomb(ROWS_MB) }]);
    expect(statSync(p).size).toBeGreaterThan(2 ** 20);
    expect(statSync(p).size).toBeLessThan(2.5 * 2 ** 20);
    const t0 = Date.now();
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p} as an .xlsx workbook: sheet "Sales" would unzip to 500 MB (xl/worksheets/sheet1.xml 500 MB), more than the 256 MB an input may have: a damaged workbook, or one built to exhaust memory. If the workbook is what it should be, raise the limit with --max-input-mb 550\n` });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('one whose directory understates it stops where the directory says the part ends', () => {
    const p = path('liar.xlsx');
    handWorkbook(p, [{ name: 'Sales', xml: bomb(ROWS_MB, 2 ** 20) }]);
    expect(run(['segment', p])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot read ${p} as an .xlsx workbook: its part xl/worksheets/sheet1.xml unzips to more than its directory says (a damaged workbook, or one built to exhaust memory)\n` });
  });

  it('let in by --max-input-mb, a "row" of 500 MB is stopped after 16 MB with a sentence, in bounded memory', () => {
    const p = path('onerow.xlsx');
    handWorkbook(p, [{ name: 'Sales', xml: bomb(ONE_CELL_MB) }]);
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'segment', p, '--max-input-mb', '600'], { encoding: 'utf8', timeout: 60_000 });
    const lines = r.stderr.trim().split('\n');
    if (r.error) return; // no /usr/bin/time here
    expect(lines[0]).toBe(`abcxyz: Cannot read ${p} as an .xlsx workbook: row 1 of the sheet is more than 16 MB of XML: the sheet is damaged`);
    expect(Number(lines.at(-1)) / 1024).toBeLessThan(400); // peak MB
  });
});

// ---------------------------------------------------------------------------------------------

describe('the output, checked before anything is computed', () => {
  it('--out naming the input, by the same path, another spelling, a symbolic link, a hard link: refused, the ledger untouched', () => {
    const input = path('self.csv');
    writeFileSync(input, LEDGER);
    const folder = dirname(input);
    const link = path('link.csv');
    symlinkSync(input, link);
    const hard = path('hard.csv');
    linkSync(input, hard);
    const spellings = [input, `${folder}/./../${basename(folder)}/${basename(input)}`, relative(dir, input), link, hard];
    for (const out of spellings) {
      expect(run(['segment', input, '--out', out])).toMatchObject({ code: 1, stderr: `abcxyz: The output ${out} is the input file ${input}: the report would replace the data. Name another output file.\n` });
    }
    expect(readFileSync(input, 'utf8')).toBe(LEDGER);
    expect(leftovers(folder)).toEqual([]);
  });

  it('the same for a workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sales');
    ws.addRows([['customer', 'date', 'amount'], ['Acme', new Date(Date.UTC(2024, 0, 5)), 100]]);
    const input = path('self.xlsx');
    await wb.xlsx.writeFile(input);
    const before = readFileSync(input);
    expect(run(['segment', input, '--out', input]).stderr).toBe(`abcxyz: The output ${input} is the input file ${input}: the report would replace the data. Name another output file.\n`);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('a folder, a missing folder, a file where a folder should be, a device', () => {
    const { input } = withReport('first.json');
    const folder = path('out.json');
    mkdirSync(folder);
    expect(run(['segment', input, '--out', folder]).stderr).toBe(`abcxyz: The output ${folder} is a folder: name a file (such as report.xlsx) in it.\n`);
    const missing = join(path('nowhere'), 'r.json');
    expect(run(['segment', input, '--out', missing])).toMatchObject({ code: 1, stderr: `abcxyz: Cannot write ${missing}: the folder ${dirname(missing)} does not exist. Create it first, or name a file in an existing folder.\n` });
    const underFile = join(input, 'r.json');
    expect(run(['segment', input, '--out', underFile]).stderr).toBe(`abcxyz: Cannot write ${underFile}: a part of the path is a file, not a folder. Nothing was computed; name a file in a folder you can write to.\n`);
    if (existsSync('/dev/null')) {
      const toNull = path('null.json');
      symlinkSync('/dev/null', toNull);
      expect(run(['segment', input, '--out', toNull]).stderr).toBe(`abcxyz: The output ${toNull} is a device, not a file: name a file.\n`);
    }
  });

  it('the output is checked first: a bad output folder is said even when the input would fail too', () => {
    const bad = path('bad.csv');
    writeFileSync(bad, 'foo,bar\n1,2\n');
    const missing = join(path('nowhere'), 'r.json');
    expect(run(['segment', bad, '--out', missing]).stderr).toBe(`abcxyz: Cannot write ${missing}: the folder ${dirname(missing)} does not exist. Create it first, or name a file in an existing folder.\n`);
  });

  it('a folder that takes no file, and a report that may not be replaced: refused up front, the earlier report untouched', () => {
    const folder = path('shared');
    mkdirSync(folder);
    openToOthers(folder);
    const input = join(folder, 'ledger.csv');
    writeFileSync(input, LEDGER);
    chmodSync(input, 0o644);
    const ro = join(folder, 'ro');
    mkdirSync(ro);
    // the report itself could be written in place, but not replaced: the folder takes no new file
    const previous = join(ro, 'report.json');
    writeFileSync(previous, '{"earlier":true}');
    chmodSync(previous, 0o666);
    chmodSync(ro, 0o555);
    const r = run(['segment', input, '--out', previous], AS_OTHER);
    expect(r).toMatchObject({ code: 1, stderr: `abcxyz: Cannot write ${previous}: permission denied (the file or its folder does not allow it). Nothing was computed; name a file in a folder you can write to.\n` });
    expect(readFileSync(previous, 'utf8')).toBe('{"earlier":true}');
    expect(leftovers(ro)).toEqual([]);
    const locked = join(folder, 'locked.json');
    writeFileSync(locked, '{"earlier":true}');
    chmodSync(locked, 0o444);
    expect(run(['segment', input, '--out', locked], AS_OTHER)).toMatchObject({ code: 1, stderr: `abcxyz: Cannot write ${locked}: the file exists and cannot be replaced (permission denied (the file or its folder does not allow it)).\n` });
    expect(readFileSync(locked, 'utf8')).toBe('{"earlier":true}');
  });
});

describe('writing: a temporary file renamed into place', () => {
  it('a run that fails after the check leaves the earlier report and no temporary file', () => {
    const { out, before } = withReport('report.json');
    const bad = path('bad.csv');
    writeFileSync(bad, 'foo,bar\n1,2\n');
    expect(run(['segment', bad, '--out', out])).toMatchObject({ code: 1, stderr: `abcxyz: ${bad}: No customer column found. Headers seen: foo, bar. Map the customer column explicitly.\n` });
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers(dirname(out))).toEqual([]);
  });

  it('a write that fails half-way (a full disk) leaves the earlier report, no temporary file, and says so', async () => {
    const { out, before } = withReport('full.json');
    const target = prepareOutput(out, []);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(writeThrough(target, out, (temp) => { writeFileSync(temp, '{"half":'); throw full; }))
      .rejects.toThrow(new OutputError(`Writing ${out} failed: the disk is full. The file is as it was before this run.`));
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(existsSync(target.temp)).toBe(false);
  });

  it('a re-run replaces the report whole, keeping its permissions', () => {
    const { input, out } = withReport('again.csv');
    chmodSync(out, 0o640);
    writeFileSync(input, `${LEDGER}Gamma,2024-03-09,5\n`);
    ok(run(['segment', input, '--out', out]));
    expect(readFileSync(out, 'utf8')).toContain('Gamma');
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(dirname(out))).toEqual([]);
  });

  it('--out through a symbolic link writes the file it points to and keeps the link', () => {
    const { input, out } = withReport('target.json');
    const link = path('link.json');
    symlinkSync(out, link);
    ok(run(['segment', input, '--out', link, '--min-periods', '1']));
    expect(statSync(link).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).parameters.minPeriods).toBe(1);
  });

  it('four runs writing one .json at once leave one of their reports, whole', async () => {
    const folder = path('race');
    mkdirSync(folder);
    const inputs = ['a', 'b'].map((k, i) => {
      const p = join(folder, `${k}.csv`);
      writeLedger(p, { rows: 20_000, seed: i + 1 });
      return p;
    });
    const expected = inputs.map((p, i) => {
      const ref = join(folder, `ref${i}.json`);
      ok(run(['segment', p, '--out', ref]));
      return readFileSync(ref, 'utf8');
    });
    const out = join(folder, 'same.json');
    for (let attempt = 0; attempt < 2; attempt++) {
      const codes = await Promise.all([0, 1, 0, 1].map((k) => new Promise<number | null>((resolve) => {
        spawn(process.execPath, [BIN, 'segment', inputs[k], '--out', out], { stdio: 'ignore' }).on('exit', resolve);
      })));
      expect(codes).toEqual([0, 0, 0, 0]);
      const text = readFileSync(out, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      expect(expected).toContain(text);
      expect(leftovers(folder)).toEqual([]);
    }
  });
});

/** Starts a long report write over `out` and sends `signal` once the temporary file has bytes; resolves to how the child ended. */
function stopMidWrite(input: string, out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; killedWhileWriting: boolean; temp: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'segment', input, '--out', out], { stdio: 'ignore' });
    const temp = join(dirname(out), `.${out.split(sep).pop()}.${child.pid}-0.tmp`);
    let killedWhileWriting = false;
    const poll = setInterval(() => {
      try {
        if (statSync(temp).size > 0) { killedWhileWriting = true; child.kill(signal); clearInterval(poll); }
      } catch { /* not yet, or renamed already */ }
    }, 2);
    child.on('error', reject);
    child.on('exit', (code, sig) => { clearInterval(poll); resolve({ code, signal: sig, killedWhileWriting, temp }); });
  });
}

describe('a run killed while it writes', () => {
  let input: string;
  beforeAll(() => {
    // over 20,000 customers: the report is written by the streaming writer, for seconds
    input = join(tempDir('abcxyz-kill-'), 'big.csv');
    writeLedger(input, { rows: 63_000, customers: 21_000, seed: 7 });
  });

  async function previousKept(signal: NodeJS.Signals) {
    const { out, before } = withReport('report.xlsx');
    let r!: Awaited<ReturnType<typeof stopMidWrite>>;
    for (let attempt = 0; attempt < 3; attempt++) {
      r = await stopMidWrite(input, out, signal);
      if (r.killedWhileWriting) break;
    }
    expect(r.killedWhileWriting).toBe(true);
    expect(r.signal).toBe(signal);
    // the earlier report, byte for byte, and still a workbook with its sheets
    expect(readFileSync(out).equals(before)).toBe(true);
    const wb = await Workbook.open(out);
    // three months of data: the Losses sheet too, no Migration (no previous window)
    expect(wb.info.sheets.map((s) => s.name)).toEqual(['ABC-XYZ', 'Win-back', 'Losses']);
    return { out, r };
  }

  it('SIGKILL: the previous report is intact and valid; only the temporary file is left beside it', async () => {
    const { out, r } = await previousKept('SIGKILL');
    expect(leftovers(dirname(out))).toEqual([r.temp.split(sep).pop()]);
  }, 120_000);

  it('SIGTERM: the previous report is intact and the temporary file removed', async () => {
    const { out } = await previousKept('SIGTERM');
    expect(leftovers(dirname(out))).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------

describe('messages', () => {
  it('a stray quote at the start of line 12 of a 100,000-row ledger: every row read, the line named, exit 0', () => {
    const p = path('quote.csv');
    writeLedger(p, { rows: 100_000, seed: 3 });
    const lines = readFileSync(p, 'utf8').split('\n');
    lines[11] = `"${lines[11]}`;
    writeFileSync(p, lines.join('\n'));
    const out = path('quote.json');
    const r = run(['segment', p, '--out', out]);
    ok(r);
    expect(r.stderr.split('\n')[0]).toBe('abcxyz: Line 12: a value starts with a quote that is not properly closed (a quoted value may span at most 100 lines); that quote was read as an ordinary character, and the lines after it as rows of their own. A value that starts with a quote must end with one, and a quote inside a quoted value is written twice ("").');
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals.rowsRead).toBe(100_000);
    expect(j.warnings[0]).toMatch(/^Line 12: a value starts with a quote/);
  });

  it('rows with more values than the header (an unquoted 1,200) are named by line', () => {
    const p = path('wide.csv');
    writeFileSync(p, 'customer,date,amount\nAcme,2024-01-05,1,200\nBeta,2024-01-06,50,\n"Gamma\nLtd",2024-01-07,3\nDelta,2024-01-08,4,x\n');
    const out = path('wide.json');
    const r = run(['segment', p, '--out', out]);
    ok(r);
    expect(r.stderr).toBe([
      'abcxyz: Line 4: a quoted value runs over more than one line and was read as one row, its line breaks part of the value (line breaks inside values: 1).',
      'abcxyz: Lines 2, 6: more values than the 3 columns of the header (row 1); the values past them are not read. If a delimiter inside an unquoted value split it (an amount such as 1,200 in a comma-separated file), that row\'s values are shifted: check these lines, and quote such values.',
      `Wrote ${out}`, ''].join('\n'));
  });

  it('200,000 headers: the list is cut ("and 199,980 more"), the message one short line', () => {
    const p = path('headers.csv');
    const headers = Array.from({ length: 200_000 }, (_, i) => `h${i}`);
    writeFileSync(p, `${headers.join(',')}\n${headers.map(() => '1').join(',')}\n`);
    const r = run(['segment', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`abcxyz: ${p}: No customer column found. Headers seen: ${headers.slice(0, 20).join(', ')} and 199,980 more. Map the customer column explicitly.\n`);
  });

  it('a header of a megabyte is cut with an ellipsis', () => {
    const p = path('long.csv');
    writeFileSync(p, `${'x'.repeat(2 ** 20)},b\n1,2\n`);
    const r = run(['segment', p]);
    expect(r.stderr).toBe(`abcxyz: ${p}: No customer column found. Headers seen: ${'x'.repeat(59)}…, b. Map the customer column explicitly.\n`);
  });

  it('terminal control characters in names and headers are shown escaped on the console, kept in the files', () => {
    const p = path('escape.csv');
    writeFileSync(p, 'customer,date,amount\n\x1b[31mRed\x1b[0m,2024-01-05,100\nB\x07\u202eeil,2024-01-06,1\n');
    const r = run(['segment', p]);
    ok(r);
    expect(r.stdout).toContain('\\x1b[31mRed\\x1b[0m brings 99.0 % of revenue: dependency risk.');
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    const out = path('escape.json');
    ok(run(['segment', p, '--out', out]));
    expect(JSON.parse(readFileSync(out, 'utf8')).customers[0].customer).toBe('\x1b[31mRed\x1b[0m');
    const h = path('header.csv');
    writeFileSync(h, 'cust\x1b]0;pwned\x07omer,x\n1,2\n');
    expect(run(['segment', h]).stderr).toBe(`abcxyz: ${h}: No customer column found. Headers seen: cust\\x1b]0;pwned\\x07omer, x. Map the customer column explicitly.\n`);
    expect(terminalText('a\tb\rc\nd\u0085\u2066')).toBe('a\\tb\\rc\nd\\x85\\u2066');
  });

  it('the CSV output guards a name starting with NUL or another control character, as it does =, +, -, @', () => {
    const p = path('nul.csv');
    writeFileSync(p, 'customer,date,amount\n\x00Nul,2024-01-05,100\n\x1bEsc,2024-01-06,50\n=SUM(A1),2024-01-07,20\nPlain,2024-01-07,10\n');
    const out = path('nul.out.csv');
    ok(run(['segment', p, '--out', out]));
    const names = readFileSync(out, 'utf8').split('\n').slice(1, 5).map((l) => l.split(',')[1]);
    expect(names).toEqual(["'\x00Nul", "'\x1bEsc", "'=SUM(A1)", 'Plain']);
    for (const c of ['\x00', '\x01', '\x1f', '\x7f', '\x9b', '\t', '\r', '=', '+', '-', '@']) expect(needsTextGuard(`${c}x`)).toBe(true);
    expect(needsTextGuard('Acme')).toBe(false);
  });

  it('errno codes never reach the analyst', () => {
    const outputs = [
      run(['segment', path('nope.csv')]), run(['segment', dir]),
      run(['segment', join(path('nowhere'), 'x.csv')]),
    ];
    for (const r of outputs) expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b|errno|syscall/);
  });
});
