// The catalogue of realistic exports (test/exports/catalogue.ts) through every surface that can
// receive them: the real command line (`abcxyz segment FILE --out r.json`) for every file, and for
// the cell-level exports (.xlsx) the same cells through the Excel task pane's reader (fake
// Office.js) and the Sheets sidebar's (fake Apps Script).
//
// Each export lists the reading features it needs. An export whose features are all in
// DONE_FEATURES must be read exactly (every customer and its net total to the cent, the rows used
// and skipped with their reasons, the expected warnings — or the refusal the issue asks for);
// the others are run and their status is shown as the skip note. ABCXYZ_EXPORTS_STRICT=1 asks
// every export to be read exactly. The last test prints "exports: N of M read exactly".
//
// When a branch that builds a feature merges, add the feature to DONE_FEATURES.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AbcxyzError, type SegmentResult } from '../../core';
import { segmentWorkbook } from '../../excel-addin/run-segment';
import { getSelectionInfo, runSegmentation } from '../../gsheets/run-segment';
import { ROOT, tempDir } from '../cli/helpers';
import { fakeWorkbook, type FakeContext } from '../excel-addin/fake-excel';
import { createFakeGas, sheetDate } from '../gsheets/fake-gas';
import { catalogue } from './catalogue';
import { FEATURES, REASON_PATTERNS, type Entry, type Feature, type Outcome, type ReportOutcome } from './model';
import { excelCells, sheetsCells } from './workbook';

/** Features whose branches have merged: exports needing only these must be read exactly. */
const DONE_FEATURES: Feature[] = ['base', 'month-names', 'unicode-minus', 'nfc-names', 'encoding', 'utf16', 'sep-line', 'delimiter-sniff', 'sheet-choice', 'totals-rows', 'wide-totals', 'wide-decimal-comma', 'zero-rows-error', 'timestamp-offset', 'hidden-rows',
  // the plausibility checks (core/read/plausibility)
  'repeated-order-totals', 'header-detail', 'continuation-lines', 'document-types', 'split-dates', 'amount-looks-like-ids', 'discount', 'currencies',
  'header-row', 'mapping-evidence', 'group-headers'];

const STRICT = process.env.ABCXYZ_EXPORTS_STRICT === '1';
/** ABCXYZ_EXPORTS_VERBOSE=1: the summary lists what differed for every export not read exactly. */
const VERBOSE = process.env.ABCXYZ_EXPORTS_VERBOSE === '1';
const DONE = new Set<Feature>(DONE_FEATURES);

// The Sheets run returns a summary; the result it computed is taken from the core's segment().
const captured = vi.hoisted(() => [] as unknown[]);
vi.mock('../../core', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../core')>();
  return { ...core, segment: (...args: Parameters<typeof core.segment>) => { const r = core.segment(...args); captured.push(r); return r; } };
});

type Surface = 'cli' | 'excel' | 'sheets';
type Status = 'exact' | 'accepted' | 'wrong' | 'refused' | 'crashed';

/** What a surface made of an export, in one shape for all three. */
interface Observed {
  /** The sentence of a refusal (exit 1 / a thrown AbcxyzError). */
  error?: string;
  exitCode?: number | null;
  /** A stack trace, an unexpected error, or a CLI exit that is neither 0 nor 1. */
  crash?: string;
  customers: { name: string; revenue: number }[];
  used: number;
  skipped: { row: number; reason: string }[];
  warnings: string[];
}

interface Verdict { status: Status; diffs: string[]; observed: Observed }

const ENTRIES = catalogue();
const SHEETS_TZ = 'Europe/Berlin';

const surfacesOf = (e: Entry): Surface[] => (e.workbook && !e.cliOnly ? ['cli', 'excel', 'sheets'] : ['cli']);
const pendingOf = (e: Entry): Feature[] => e.features.filter((f) => !DONE.has(f));

// ---------------------------------------------------------------------------------------------
// comparing

const key = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim();
const euros = (cents: number) => (cents / 100).toFixed(2);
const matches = (text: string, pattern: string) => new RegExp(pattern, 'i').test(text);

function listed(lines: string[], max = 8): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

function compareReport(want: ReportOutcome, got: Observed): string[] {
  if (got.crash) return [`crashed: ${got.crash}`];
  if (got.error !== undefined) return [`refused (exit ${got.exitCode ?? '-'}): ${got.error}`];
  const diffs: string[] = [];
  const actual = new Map<string, { name: string; cents: number }>();
  for (const c of got.customers) {
    const k = key(c.name);
    const prior = actual.get(k);
    if (prior) diffs.push(`"${prior.name}" and "${c.name}" are one customer but were read as two`);
    actual.set(k, { name: c.name, cents: (prior?.cents ?? 0) + Math.round(c.revenue * 100) });
  }
  const expected = new Map(Object.entries(want.customers).map(([n, cents]) => [key(n), { name: n, cents }]));
  const customerDiffs: string[] = [];
  for (const [k, e] of expected) {
    const a = actual.get(k);
    if (!a) customerDiffs.push(`missing customer "${e.name}" (${euros(e.cents)})`);
    else if (a.cents !== e.cents) customerDiffs.push(`"${e.name}": ${euros(a.cents)} instead of ${euros(e.cents)}`);
  }
  for (const [k, a] of actual) if (!expected.has(k)) customerDiffs.push(`extra customer "${a.name}" (${euros(a.cents)})`);
  if (customerDiffs.length) diffs.push(`${got.customers.length} customers read, ${expected.size} expected:`, ...listed(customerDiffs).map((s) => `  ${s}`));
  if (want.used !== undefined) {
    if (got.used !== want.used) diffs.push(`rows used: ${got.used} instead of ${want.used}`);
    const skipDiffs: string[] = [];
    const gotByRow = new Map(got.skipped.map((s) => [s.row, s.reason]));
    const wantRows = new Set<number>();
    for (const [row, reason] of want.skipped ?? []) {
      wantRows.add(row);
      const r = gotByRow.get(row);
      if (r === undefined) skipDiffs.push(`row ${row} not skipped (expected: ${reason})`);
      else if (!matches(r, REASON_PATTERNS[reason])) skipDiffs.push(`row ${row} skipped as "${r}", expected: ${reason}`);
    }
    for (const s of got.skipped) if (!wantRows.has(s.row)) skipDiffs.push(`row ${s.row} skipped: "${s.reason}"`);
    if (skipDiffs.length) diffs.push('skipped rows:', ...listed(skipDiffs).map((s) => `  ${s}`));
  }
  for (const w of want.warnings ?? []) {
    if (!got.warnings.some((x) => matches(x, w))) diffs.push(`no warning matching /${w}/i (warnings: ${got.warnings.length ? got.warnings.map((x) => JSON.stringify(x)).join('; ') : 'none'})`);
  }
  return diffs;
}

function compare(want: Outcome, got: Observed, surface: Surface): string[] {
  if (want.kind === 'report') return compareReport(want, got);
  if (got.crash) return [`crashed: ${got.crash}`];
  if (want.kind === 'error') {
    if (got.error === undefined) return [`exit 0 with a report of ${got.customers.length} customers; expected a refusal matching /${want.message}/i`];
    const diffs: string[] = [];
    if (surface === 'cli' && got.exitCode !== 1) diffs.push(`exit ${got.exitCode}, expected 1`);
    if (!matches(got.error, want.message)) diffs.push(`refused with "${got.error}", expected a message matching /${want.message}/i`);
    return diffs;
  }
  if (got.error !== undefined) return [`refused: ${got.error}`];
  return got.warnings.some((x) => matches(x, want.warning)) ? [] : [`no warning matching /${want.warning}/i`];
}

function judge(e: Entry, got: Observed, surface: Surface): Verdict {
  const candidates = [e.expect, ...(e.also ?? [])];
  const results = candidates.map((o) => compare(o, got, surface));
  const hit = results.findIndex((d) => d.length === 0);
  if (hit >= 0) return { status: candidates[hit].kind === 'report' || hit === 0 ? 'exact' : 'accepted', diffs: [], observed: got };
  // show the differences from the closest correct reading (e.g. customers by id rather than name)
  let best = 0;
  results.forEach((d, i) => { if (candidates[i].kind === 'report' && d.length < results[best].length) best = i; });
  const diffs = [...results[best]];
  if (got.error === undefined && !got.crash && got.skipped.length && !(candidates[best] as ReportOutcome).used) {
    const reasons = new Map<string, number>();
    for (const s of got.skipped) { const r = s.reason.replace(/"[^"]*"/g, '"…"'); reasons.set(r, (reasons.get(r) ?? 0) + 1); }
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r, n]) => `${n} × ${r}`);
    diffs.push(`${got.used} rows used, ${got.skipped.length} skipped: ${top.join('; ')}`);
  }
  const status: Status = got.crash ? 'crashed' : got.error !== undefined ? 'refused' : 'wrong';
  return { status, diffs, observed: got };
}

// ---------------------------------------------------------------------------------------------
// running

const empty = (): Observed => ({ customers: [], used: 0, skipped: [], warnings: [] });

function fromResult(r: SegmentResult): Observed {
  return {
    customers: r.customers.map((c) => ({ name: c.customer, revenue: c.revenue })),
    used: r.totals.rowsUsed,
    skipped: r.skipped.map((s) => ({ row: s.row, reason: s.reason })),
    warnings: [...r.warnings],
  };
}

function fromThrown(e: unknown): Observed {
  if (e instanceof AbcxyzError) return { ...empty(), error: e.message };
  return { ...empty(), crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

function runCli(file: string, out: string, args: string[]): Promise<Observed> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'abcxyz.cjs'), 'segment', file, '--out', out, ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (b) => { stderr += b; });
    child.stdout.resume();
    child.on('close', (code) => {
      const text = stderr.trim().replace(/^abcxyz: /, '');
      if (code === 0) {
        try {
          const j = JSON.parse(readFileSync(out, 'utf8'));
          resolve({
            exitCode: 0,
            customers: j.customers.map((c: { customer: string; revenue: number }) => ({ name: c.customer, revenue: c.revenue })),
            used: j.totals.rowsUsed,
            skipped: j.skipped.map((s: { row: number; reason: string }) => ({ row: s.row, reason: s.reason })),
            warnings: j.warnings,
          });
        } catch (e) {
          resolve({ ...empty(), exitCode: 0, crash: `exit 0 but no readable ${out}: ${(e as Error).message}` });
        }
      } else if (code === 1 && !/unexpected error|\n\s+at .+:\d+:\d+/.test(stderr)) {
        resolve({ ...empty(), exitCode: 1, error: text });
      } else {
        resolve({ ...empty(), exitCode: code, crash: `exit ${code}: ${text.slice(0, 400)}` });
      }
    });
  });
}

async function runExcel(e: Entry): Promise<Observed> {
  const spec = e.workbook!.sheets[e.dataSheet ?? e.workbook!.active ?? 0];
  const { grid, dateCells } = excelCells(spec);
  const { context, data } = fakeWorkbook(grid, { sheet: spec.name });
  for (const c of dateCells) data.formatRuns.push({ rect: { row: c.row, col: c.col, rows: 1, cols: 1 }, format: c.fmt });
  try {
    const out = await segmentWorkbook(context as FakeContext as unknown as Excel.RequestContext, {});
    return fromResult(out.result);
  } catch (err) {
    return fromThrown(err);
  }
}

function runSheets(e: Entry): Observed {
  const spec = e.workbook!.sheets[e.dataSheet ?? e.workbook!.active ?? 0];
  const gas = createFakeGas({ timeZone: SHEETS_TZ });
  for (const [k, v] of Object.entries(gas.globals)) vi.stubGlobal(k, v);
  try {
    const grid = sheetsCells(spec, (iso) => sheetDate(iso, SHEETS_TZ));
    const sheet = gas.spreadsheet._addSheet(spec.name, grid);
    gas.spreadsheet._select(sheet, 1, 1, grid.length, Math.max(1, ...grid.map((r) => r.length)));
    captured.length = 0;
    const info = getSelectionInfo();
    runSegmentation({ address: info.address, options: {}, extra: '', columns: {} });
    return fromResult(captured[captured.length - 1] as SegmentResult);
  } catch (err) {
    return fromThrown(err);
  } finally {
    vi.unstubAllGlobals();
  }
}

/** Run `jobs` with at most `width` at a time (the machine's cores are shared). */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) { const i = next++; out[i] = await jobs[i](); }
  }));
  return out;
}

const verdicts = new Map<string, Verdict>();
let timings = '';
const id = (e: Entry, s: Surface) => `${e.name} (${s})`;

describe('export catalogue', () => {
  beforeAll(async () => {
    const t0 = performance.now();
    const dir = tempDir('abcxyz-exports-');
    mkdirSync(join(dir, 'out'));
    for (const e of ENTRIES) writeFileSync(join(dir, e.file), await e.bytes());
    const t1 = performance.now();
    const cli = pool(ENTRIES.map((e) => async () => {
      const got = await runCli(join(dir, e.file), join(dir, 'out', `${e.name}.json`), e.args ?? []);
      verdicts.set(id(e, 'cli'), judge(e, got, 'cli'));
    }), 2);
    // the panes run in this process while the command lines run in theirs
    for (const e of ENTRIES) {
      if (!surfacesOf(e).includes('excel')) continue;
      verdicts.set(id(e, 'excel'), judge(e, await runExcel(e), 'excel'));
      verdicts.set(id(e, 'sheets'), judge(e, runSheets(e), 'sheets'));
    }
    const t2 = performance.now();
    await cli;
    timings = `files ${((t1 - t0) / 1000).toFixed(1)} s, panes ${((t2 - t1) / 1000).toFixed(1)} s, command lines ${((performance.now() - t1) / 1000).toFixed(1)} s`;
  }, 300_000);

  it('holds at least 30 exports, each with a known system, features and expected customers', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(30);
    for (const e of ENTRIES) {
      expect(e.features.length, e.name).toBeGreaterThan(0);
      for (const f of e.features) expect(Object.keys(FEATURES), `${e.name}: ${f}`).toContain(f);
      if (e.expect.kind === 'report') expect(Object.keys(e.expect.customers).length, e.name).toBeGreaterThan(1);
    }
  });

  it('writes legacy code pages as such: not valid UTF-8, and back to the same text with the code page', async () => {
    const legacy = ENTRIES.filter((e) => e.features.includes('encoding'));
    expect(legacy.length).toBeGreaterThanOrEqual(4);
    for (const e of legacy) {
      const bytes = await e.bytes();
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), e.name).toThrow();
      expect(bytes.some((b) => b >= 0x80), e.name).toBe(true);
    }
  });

  for (const e of ENTRIES) {
    for (const s of surfacesOf(e)) {
      it(id(e, s), (ctx) => {
        const v = verdicts.get(id(e, s));
        if (!v) throw new Error(`${id(e, s)} was not run`);
        const pending = pendingOf(e);
        if (!STRICT && pending.length) {
          ctx.skip(`needs ${pending.join(', ')} — now ${v.status}${v.diffs.length ? `: ${v.diffs.slice(0, 2).map((x) => x.trim()).join(' ')}` : ''}`);
        }
        if (v.status !== 'exact' && v.status !== 'accepted') {
          throw new Error([`${e.name} through the ${s} [${e.system}; ${e.variant}]: ${v.status}`, ...v.diffs.map((x) => `  ${x}`)].join('\n'));
        }
      });
    }
  }

  it('prints the pass count', () => {
    const lines: string[] = [];
    for (const s of ['cli', 'excel', 'sheets'] as Surface[]) {
      const here = ENTRIES.filter((e) => surfacesOf(e).includes(s));
      const vs = here.map((e) => verdicts.get(id(e, s)));
      expect(vs.every(Boolean)).toBe(true);
      const exact = vs.filter((v) => v!.status === 'exact').length;
      const accepted = vs.filter((v) => v!.status === 'accepted').length;
      lines.push(`exports${s === 'cli' ? '' : ` (${s})`}: ${exact} of ${here.length} read exactly${accepted ? `, ${accepted} more refused or warned as the issue allows` : ''}`);
    }
    const rows = ENTRIES.flatMap((e) => surfacesOf(e).map((s) => {
      const v = verdicts.get(id(e, s))!;
      const pending = pendingOf(e);
      const line = `  ${v.status.padEnd(8)} ${id(e, s).padEnd(58)} ${pending.length ? `needs ${pending.join(', ')}` : 'due'}`;
      return VERBOSE && v.diffs.length ? [line, ...v.diffs.map((x) => `             ${x}`)].join('\n') : line;
    }));
    console.log([...lines, `(${timings})`, ...rows].join('\n'));
  });
});
