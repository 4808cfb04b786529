/// <reference types="google-apps-script" />
// The server side of the sidebar: what the selection holds, and "Segment customers" itself —
// lock, read, run the core, write the layout, summarise. Every argument arrives from the page and
// is checked here: any script in the page (or the browser console) can call these functions.

import {
  AbcxyzError, MARKER, NOT_USED, buildLayout, columnLetter, customersOf, detectColumns, firstKeyAccounts, isoFromDay, parseOptionText, segment, t,
  type ColumnRole, type PartialOptions, type RawCell, type SegmentResult,
} from '../core';
import { msg } from './messages';
import { firstRowOf, isQualifiedA1, selectedSource } from './read-selection';
import { loadSettings, saveSettings } from './settings-store';
import { dayOfDateIn } from './sheet-time-zone';
import { MAPPED_ROLES, SIDEBAR_OPTIONS, type MappedRole, type RunRequest, type RunSummary, type SavedSettings, type SelectionInfo } from './sidebar-api';
import { RUN_LIMIT_MS, probeSpreadsheet, sheetsLimits, writeLayout, type WriteOutcome } from './write-layout';

/** How long a second click waits for a running segmentation before giving up. */
const LOCK_WAIT_MS = 10_000;

export function getSelectionInfo(): SelectionInfo {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const src = selectedSource(ss);
  const header = src.sheet.getRange(src.row, src.col, 1, src.cols).getValues()[0] as RawCell[];
  const detected = detectColumns(header, {});
  const roles: Partial<Record<MappedRole, number>> = {};
  for (const m of detected.mapping) if ((MAPPED_ROLES as readonly string[]).includes(m.role)) roles[m.role as MappedRole] = m.index;
  return {
    address: src.address,
    sheetName: src.sheetName,
    rows: src.rows - 1,
    columns: detected.headers.map((h, i) => ({ index: i, letter: columnLetter(src.col - 1 + i), header: h })),
    detected: roles,
    warnings: detected.warnings,
    saved: loadSettings(),
  };
}

/** Reject anything the sidebar would never send, before it reaches the spreadsheet. */
export function checkRequest(input: unknown): RunRequest {
  const bad = (problem: string): never => { throw new AbcxyzError(msg('badRequest', { problem })); };
  if (!input || typeof input !== 'object') bad('no request');
  const r = input as Record<string, unknown>;
  if (!isQualifiedA1(r.address)) bad('address');
  const options: RunRequest['options'] = {};
  const rawOptions = (r.options ?? {}) as Record<string, unknown>;
  if (typeof rawOptions !== 'object') bad('options');
  for (const [k, v] of Object.entries(rawOptions)) {
    if (!(SIDEBAR_OPTIONS as readonly string[]).includes(k)) bad(`option ${k}`);
    if (typeof v !== 'string' || v.length > 100) bad(`option ${k}`);
    // one field must not smuggle in other options through the option-text syntax
    if (/[;=\n\r]/.test(v as string)) throw new AbcxyzError(msg('badOptionValue', { name: k }));
    options[k as keyof RunRequest['options']] = v as string;
  }
  const extra = r.extra ?? '';
  if (typeof extra !== 'string' || extra.length > 2000) bad('extra options');
  const columns: RunRequest['columns'] = {};
  const rawColumns = (r.columns ?? {}) as Record<string, unknown>;
  if (typeof rawColumns !== 'object') bad('columns');
  for (const [k, v] of Object.entries(rawColumns)) {
    if (!(MAPPED_ROLES as readonly string[]).includes(k)) bad(`column role ${k}`);
    if (v !== null && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) < 18278)) bad(`column ${k}`);
    columns[k as MappedRole] = v as number | null;
  }
  return { address: r.address as string, options, extra: extra as string, columns };
}

/** Option text in the same syntax as the custom functions and the command line. */
export function optionText(req: RunRequest): string {
  const parts = Object.entries(req.options).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => `${k}=${v!.trim()}`);
  if (req.extra.trim()) parts.push(req.extra.trim());
  return parts.join('; ');
}

/** Column choices → core overrides: grid-relative letters, or NOT_USED for "— not used —". */
export function applyColumnChoices(grid: RawCell[][], columns: RunRequest['columns'], base: Partial<Record<ColumnRole, string>>): Partial<Record<ColumnRole, string>> {
  const overrides: Partial<Record<ColumnRole, string>> = { ...base };
  for (const [role, index] of Object.entries(columns) as [MappedRole, number | null][]) {
    if (index === null) overrides[role] = NOT_USED;
    else if (index < (grid[0]?.length ?? 0)) overrides[role] = columnLetter(index);
  }
  return overrides;
}

/** What to remember: options as typed, columns by header text so they survive moved columns. */
function settingsOf(req: RunRequest, headers: RawCell[]): SavedSettings {
  const columns: SavedSettings['columns'] = {};
  for (const [role, index] of Object.entries(req.columns) as [MappedRole, number | null][]) {
    columns[role] = index === null ? null : String(headers[index] ?? '');
  }
  return { options: { ...req.options }, extra: req.extra, columns };
}

/** Whether two ranges of one sheet share a cell. */
function overlaps(a: GoogleAppsScript.Spreadsheet.Range, b: GoogleAppsScript.Spreadsheet.Range): boolean {
  return a.getRow() <= b.getLastRow() && b.getRow() <= a.getLastRow() && a.getColumn() <= b.getLastColumn() && b.getColumn() <= a.getLastColumn();
}

export function runSegmentation(input: unknown): RunSummary {
  const started = Date.now();
  const req = checkRequest(input);
  const lock = LockService.getDocumentLock();
  // two clicks (or two editors) must not interleave their deletes and inserts
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) throw new AbcxyzError(msg('busy'));
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = ss.getRange(req.address);
    } catch {
      throw new AbcxyzError(msg('rangeGone', { address: req.address }));
    }
    const grid = range.getValues() as RawCell[][];
    const headers = grid[0] ?? [];
    // remembered before the run, so a fix after an error starts from what was typed
    saveSettings(settingsOf(req, headers));
    const parsed = parseOptionText(optionText(req));
    const options: PartialOptions = {
      ...parsed,
      columns: applyColumnChoices(grid, req.columns, parsed.columns ?? {}),
      firstRow: firstRowOf(req.address),
      dateObjectDay: dayOfDateIn(ss.getSpreadsheetTimeZone()),
    };
    const result = segment(grid, options);
    // Apps Script tells hidden rows one row per call only; a filter over the selection is said once
    // (README, "Hidden rows": a filter is a view, the rows it hides were read)
    const sheet = range.getSheet();
    const filter = sheet.getFilter();
    if (filter && overlaps(filter.getRange(), range)) result.warnings.unshift(t('read.filter.sheets', { sheet: sheet.getName() }));
    // what the spreadsheet has room for and the time left decide how much of the report is written:
    // shortened here, with a sentence, rather than stopped by Sheets half-way
    const probe = probeSpreadsheet(ss, MARKER);
    const layout = buildLayout(result, sheetsLimits(probe, started + RUN_LIMIT_MS - Date.now()));
    // new sheets first, the earlier report removed only after them, all under the lock; the
    // writes are sent before the lock is released
    const written = writeLayout(ss, layout, probe);
    return summarize(result, written, started, layout.warnings);
  } finally {
    lock?.releaseLock();
  }
}

export function summarize(r: SegmentResult, written: WriteOutcome, started: number, notes: readonly string[] = []): RunSummary {
  const nameOf = (role: string) => written.sheets.find((s) => s.role === role)?.name ?? null;
  const matrix: Record<string, number> = {};
  for (const [k, cell] of Object.entries(r.matrix)) matrix[k] = cell.customers;
  return {
    reportSheet: nameOf('report') ?? '',
    winBackSheet: nameOf('winback') ?? '',
    skippedSheet: nameOf('skipped'),
    rowsRead: r.totals.rowsRead,
    rowsUsed: r.totals.rowsUsed,
    rowsSkipped: r.totals.rowsSkipped,
    customers: r.totals.customers,
    classified: r.totals.classified,
    keyAccounts: r.totals.keyAccounts,
    keyAccountShare: r.totals.keyAccountShare,
    matrix,
    // what the report left out to fit the spreadsheet comes first
    warnings: notes.length ? [...notes, ...r.warnings] : r.warnings,
    top: topKeyAccounts(r),
    winBack: r.winBack.length,
    asOf: r.asOf === null ? null : isoFromDay(r.asOf),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** "Go to sheet" in the summary. */
export function goToSheet(name: unknown): void {
  if (typeof name !== 'string' || name.length > 200) throw new AbcxyzError(msg('badRequest', { problem: 'sheet name' }));
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new AbcxyzError(msg('noSheet', { name }));
  sheet.activate();
}

/** The five biggest key accounts, for the sidebar. */
function topKeyAccounts(r: SegmentResult): RunSummary['top'] {
  const l = customersOf(r);
  return firstKeyAccounts(l, 5).map((k) => ({ customer: l.customer(k), segment: l.segment(k) ?? l.abc(k) ?? '', share: l.share(k) }));
}
