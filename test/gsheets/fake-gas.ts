// Recording fakes of the Apps Script services the add-on uses. They enforce the rules of the real
// services that a writer can get wrong — values and formats must match the range size, ranges must
// lie inside the sheet, sheet names are unique (case-insensitively), one filter per sheet, a
// builder needs a condition and ranges — and the limits of Google Sheets and Apps Script: 10
// million cells per spreadsheet (every sheet's rows × columns, empty or not), 50,000 characters a
// cell, and the time a run may take (6 minutes; 30 seconds for a custom function) on a clock that
// adds a model of each call's time to the real time of our code. They log every call as
// Class.method for the call budget, and can be told to fail a call (`failWhen`).
// Also used by scripts/bench-gsheets.mjs (bundled on the fly with esbuild).

export type Category = 'read' | 'write' | 'local' | 'lock+properties' | 'utilities' | 'ui';

const READ = new Set(['getValues', 'getSpreadsheetTimeZone', 'getActiveRange', 'getSheetByName', 'find', 'getValue', 'getSheetId',
  'getSheet', 'getLocation', 'getRow', 'getColumn', 'getNumRows', 'getNumColumns', 'getLastRow', 'getLastColumn', 'getDataRegion',
  'getName', 'getMaxRows', 'getMaxColumns', 'getSheets', 'getA1Notation', 'getConditionalFormatRules', 'getFilter', 'getDeveloperMetadata', 'getKey']);
const WRITE = new Set(['insertSheet', 'deleteSheet', 'setValues', 'setNumberFormats', 'setFontWeights', 'createFilter', 'setFrozenRows',
  'setFrozenColumns', 'setConditionalFormatRules', 'addDeveloperMetadata', 'setColumnWidths', 'insertRowsAfter', 'insertColumnsAfter', 'activate',
  'deleteRows', 'deleteColumns', 'setName',
  // not a write, but a document call: it sends the queued writes (see FlushModel)
  'flush']);
/** Calls that carry cell data (the ones whose cost grows with the size of what they carry). */
export const DATA_CALLS = new Set(['getValues', 'setValues', 'setNumberFormats', 'setFontWeights']);

export interface Call { cls: string; method: string; category: Category }

/** Google Sheets: cells per spreadsheet, characters per cell; Apps Script: time per run and per custom function. */
export const SHEETS_CELL_LIMIT = 10_000_000;
export const SHEETS_CELL_CHARS = 50_000;
export const RUN_LIMIT_MS = 6 * 60_000;
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/**
 * The clock of an execution: the real time our code takes, plus a model of the time of each
 * service call (a spreadsheet call 10 ms, a call that carries cells 0.01 ms more per cell, a
 * handle or builder 0.05 ms). When an execution passes its limit, Apps Script stops it: every
 * later call throws, and no `finally` of ours would run (`killed`). Tests read the time through
 * Date.now (see installClock) as the product does.
 */
export class FakeClock {
  private startedAt = performance.now();
  private modeledMs = 0;
  /** Real wall-clock time when the fake was made; now() counts from there. */
  private readonly base = Date.now();
  private offset = 0;
  limitMs = RUN_LIMIT_MS;
  killed = false;
  /** Model costs (ms). */
  callMs = 10;
  cellMs = 0.01;
  localMs = 0.05;
  /** Time since the execution began. */
  elapsed(): number { return performance.now() - this.startedAt + this.modeledMs; }
  /** What Date.now() says inside the execution. */
  now(): number { return this.base + this.offset + this.elapsed(); }
  /** A new execution (a new server call from the sidebar, a new custom-function call). */
  begin(limitMs = RUN_LIMIT_MS): void {
    this.offset += this.elapsed();
    this.startedAt = performance.now();
    this.modeledMs = 0;
    this.limitMs = limitMs;
    this.killed = false;
  }
  /** Time passing outside our code's calls (e.g. a slow read). */
  advance(ms: number): void { this.modeledMs += ms; }
  charge(ms: number): void {
    this.modeledMs += ms;
    if (this.elapsed() > this.limitMs) this.killed = true;
  }
}

/** Cells a data call carries: the grid it is given, or the range it reads. */
function cellsOf(method: string, target: unknown, args: unknown[]): number {
  if (method === 'getValues') {
    const r = target as { _rows?: number; _cols?: number };
    return (r._rows ?? 0) * (r._cols ?? 0);
  }
  const grid = args[0];
  if (!Array.isArray(grid)) return 0;
  let n = 0;
  for (const row of grid) n += Array.isArray(row) ? row.length : 0;
  return n;
}

/**
 * A model of Apps Script's write batching: writes are queued, and the first read after a queued write
 * (or an explicit SpreadsheetApp.flush) sends the queue — one round trip to the spreadsheet. Reads
 * with nothing queued, and writes, are not counted; a queue still pending at the end is sent when
 * the script returns (one more).
 */
class FlushModel {
  private pending = false;
  flushes = 0;
  note(call: Call): void {
    if (call.cls === 'SpreadsheetApp' && call.method === 'flush') this.send();
    else if (call.category === 'write') this.pending = true;
    else if (call.category === 'read') this.send();
  }
  private send(): void {
    if (this.pending) this.flushes++;
    this.pending = false;
  }
  total(): number { return this.flushes + (this.pending ? 1 : 0); }
}

export class Recorder {
  calls: Call[] = [];
  /** Milliseconds spent inside the fakes (so benchmarks can report the time of our own code). */
  fakeMs = 0;
  clock = new FakeClock();
  /** Make a call fail: return the message it throws, or null to let it run. */
  failWhen: ((call: Call) => string | null) | null = null;
  private flushModel = new FlushModel();
  categoryOf(cls: string, method: string): Category {
    if (cls === 'Utilities') return 'utilities';
    if (/^(LockService|Lock|PropertiesService|Properties)$/.test(cls)) return 'lock+properties';
    if (/^(Ui|Menu|HtmlService|HtmlOutput)$/.test(cls) || method === 'getUi') return 'ui';
    if (WRITE.has(method)) return 'write';
    if (READ.has(method)) return 'read';
    return 'local';
  }
  wrap<T extends object>(cls: string, target: T): T {
    const rec = this;
    return new Proxy(target, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r);
        if (typeof v !== 'function' || typeof p !== 'string' || p === 'constructor' || p.startsWith('_')) return v;
        return (...args: unknown[]) => {
          const call: Call = { cls, method: p, category: rec.categoryOf(cls, p) };
          const clock = rec.clock;
          if (clock.killed) throw new Error(TIME_LIMIT_MESSAGE);
          rec.calls.push(call);
          rec.flushModel.note(call);
          const t0 = performance.now();
          try {
            const cost = call.category === 'read' || call.category === 'write' ? clock.callMs + (DATA_CALLS.has(p) ? clock.cellMs * cellsOf(p, t, args) : 0) : clock.localMs;
            clock.charge(cost);
            if (clock.killed) throw new Error(TIME_LIMIT_MESSAGE);
            const injected = rec.failWhen?.(call);
            if (injected) throw new Error(injected);
            return v.apply(t, args);
          } finally {
            const spent = performance.now() - t0;
            rec.fakeMs += spent;
            // the fake's own time is no part of the model: the model charged for the call
            clock.advance(-spent);
          }
        };
      },
    });
  }
  /** Forget the calls so far; what follows is a new execution on the clock. */
  reset(): void { this.calls = []; this.fakeMs = 0; this.flushModel = new FlushModel(); this.clock.begin(); }
  /** Round trips to the spreadsheet caused by reads after writes, plus the final send (see FlushModel). */
  roundTrips(): number { return this.flushModel.total(); }
  count(filter?: (c: Call) => boolean): number { return filter ? this.calls.filter(filter).length : this.calls.length; }
  byCategory(): Record<Category, number> {
    const out: Record<Category, number> = { read: 0, write: 0, local: 0, 'lock+properties': 0, utilities: 0, ui: 0 };
    for (const c of this.calls) out[c.category]++;
    return out;
  }
  methods(): string[] { return this.calls.map((c) => `${c.cls}.${c.method}`); }
}

type Cell = unknown;

function fail(message: string): never {
  throw new Error(message);
}

/** Every sheet's grid counts, empty cells too. */
function checkCells(book: FakeSpreadsheet, more: number): void {
  if (book._cells() + more > book.cellLimit) fail(`This action would increase the number of cells in the workbook above the limit of ${book.cellLimit} cells.`);
}

function checkGrid(what: string, grid: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(grid)) fail(`${what}: expected a 2-D array`);
  const g = grid as unknown[][];
  if (g.length !== rows) fail(`The number of rows in the data does not match the number of rows in the range. The data has ${g.length} but the range has ${rows}.`);
  for (const row of g) {
    if (!Array.isArray(row) || row.length !== cols) fail(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 'no'} but the range has ${cols}.`);
  }
  return g;
}

export interface FakeRule { text: string; background: string; font: string; ranges: FakeRange[] }

export class FakeSheet {
  maxRows = 1000;
  maxCols = 26;
  values: Cell[][] = [];
  formats = new Map<string, string>();
  weights = new Map<string, string>();
  frozenRows = 0;
  frozenCols = 0;
  filter: FakeRange | null = null;
  rules: FakeRule[] = [];
  metadata: { key: string; value: string }[] = [];
  widths = new Map<number, number>();
  /** The recorded (proxied) face of this sheet, handed out by getSheet(). */
  _proxy: FakeSheet | null = null;
  constructor(public _book: FakeSpreadsheet, public _name: string, public _id: number) {}

  getName(): string { return this._name; }
  getSheetId(): number { return this._id; }
  getMaxRows(): number { return this.maxRows; }
  getMaxColumns(): number { return this.maxCols; }
  getLastRow(): number {
    for (let r = this.values.length; r > 0; r--) if ((this.values[r - 1] ?? []).some((v) => v !== '' && v !== undefined)) return r;
    return 0;
  }
  getLastColumn(): number {
    let c = 0;
    for (const row of this.values) for (let j = (row ?? []).length; j > c; j--) if (row[j - 1] !== '' && row[j - 1] !== undefined) { c = j; break; }
    return c;
  }
  getRange(a: number | string, b?: number, c = 1, d = 1): FakeRange {
    if (typeof a === 'string') return this._book._rangeFromA1(this, a);
    return this._book._range(this, a, b ?? 1, c, d);
  }
  insertRowsAfter(after: number, count: number): void {
    if (!(count >= 1) || after < 1 || after > this.maxRows) fail('Those rows are out of bounds.');
    checkCells(this._book, count * this.maxCols);
    this.maxRows += count;
    // rows below move down (a loop: spreading a long list into splice overflows the stack)
    if (this.values.length > after) {
      const tail = this.values.slice(after);
      this.values.length = after + count;
      for (let i = after; i < after + count; i++) this.values[i] = [];
      for (const row of tail) this.values.push(row);
    }
  }
  insertColumnsAfter(after: number, count: number): void {
    if (!(count >= 1) || after < 1 || after > this.maxCols) fail('Those columns are out of bounds.');
    checkCells(this._book, count * this.maxRows);
    this.maxCols += count;
  }
  deleteRows(position: number, count: number): void {
    if (!(count >= 1) || position < 1 || position + count - 1 > this.maxRows) fail('Those rows are out of bounds.');
    if (count >= this.maxRows) fail('You can\'t delete all the rows on the sheet.');
    this.maxRows -= count;
    this.values.splice(position - 1, count);
  }
  deleteColumns(position: number, count: number): void {
    if (!(count >= 1) || position < 1 || position + count - 1 > this.maxCols) fail('Those columns are out of bounds.');
    if (count >= this.maxCols) fail('You can\'t delete all the columns on the sheet.');
    this.maxCols -= count;
    for (const row of this.values) row?.splice(position - 1, count);
  }
  setName(name: string): FakeSheet {
    if (typeof name !== 'string' || !name.trim()) fail('Invalid sheet name.');
    const other = this._book._find(name);
    if (other && other !== this && other !== this._proxy) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._name = name;
    return this._proxy ?? this;
  }
  setFrozenRows(n: number): void {
    if (n >= this.maxRows) fail("Sorry, it is not possible to freeze all rows.");
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    if (n >= this.maxCols) fail("Sorry, it is not possible to freeze all columns.");
    this.frozenCols = n;
  }
  setConditionalFormatRules(rules: FakeRule[]): void {
    for (const r of rules) for (const range of r.ranges) if (range._sheet !== this) fail('A conditional format rule cannot reference a different sheet.');
    this.rules = [...rules];
  }
  getConditionalFormatRules(): FakeRule[] { return [...this.rules]; }
  setColumnWidths(start: number, count: number, px: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.maxCols) fail('Those columns are out of bounds.');
    for (let j = start; j < start + count; j++) this.widths.set(j, px);
  }
  addDeveloperMetadata(key: string, value: string): void {
    if (!key || key.length > 256) fail('Invalid developer metadata key');
    this.metadata.push({ key, value });
  }
  /** Apps Script's Filter: only its range is modelled. */
  getFilter(): { getRange: () => FakeRange } | null { const f = this.filter; return f ? { getRange: () => f } : null; }
  /** The active sheet is the recorded face, as getSheets() hands it out (insertSheet places new sheets after it). */
  activate(): void { this._book.active = this._proxy ?? this; }

  /** Test helpers (not Apps Script API). */
  _cell(row: number, col: number): Cell { return this.values[row - 1]?.[col - 1] ?? ''; }
  _format(row: number, col: number): string { return this.formats.get(`${row},${col}`) ?? 'General'; }
  _weight(row: number, col: number): string { return this.weights.get(`${row},${col}`) ?? 'normal'; }
  _width(col: number): number { return this.widths.get(col) ?? 100; }
}

export class FakeRange {
  constructor(public _sheet: FakeSheet, public _row: number, public _col: number, public _rows: number, public _cols: number) {}
  getSheet(): FakeSheet { return this._sheet._proxy ?? this._sheet; }
  getRow(): number { return this._row; }
  getColumn(): number { return this._col; }
  getNumRows(): number { return this._rows; }
  getNumColumns(): number { return this._cols; }
  getLastRow(): number { return this._row + this._rows - 1; }
  getLastColumn(): number { return this._col + this._cols - 1; }
  getA1Notation(): string { return `${letter(this._col)}${this._row}:${letter(this._col + this._cols - 1)}${this.getLastRow()}`; }
  getValues(): Cell[][] {
    const out: Cell[][] = [];
    for (let i = 0; i < this._rows; i++) {
      const src = this._sheet.values[this._row - 1 + i] ?? [];
      const row: Cell[] = new Array(this._cols);
      for (let j = 0; j < this._cols; j++) { const v = src[this._col - 1 + j]; row[j] = v === undefined ? '' : v; }
      out.push(row);
    }
    return out;
  }
  setValues(values: unknown): void {
    const g = checkGrid('setValues', values, this._rows, this._cols);
    const max = this._sheet._book.cellLimitChars;
    for (const row of g) {
      for (const v of row) {
        if (typeof v === 'string' && v.length > max) fail(`Your input contains more than the maximum of ${max} characters in a single cell.`);
      }
    }
    g.forEach((row, i) => {
      const r = this._row - 1 + i;
      const target = (this._sheet.values[r] ??= []);
      row.forEach((v, j) => {
        if (v === undefined || (typeof v === 'object' && v !== null && !(Object.prototype.toString.call(v) === '[object Date]'))) fail(`Cannot convert ${String(v)} to a cell value.`);
        target[this._col - 1 + j] = v === null ? '' : v;
      });
    });
  }
  private setEach(what: string, map: Map<string, string>, grid: unknown): void {
    const g = checkGrid(what, grid, this._rows, this._cols);
    g.forEach((row, i) => row.forEach((v, j) => {
      if (typeof v !== 'string' && v !== null) fail(`${what}: invalid value ${String(v)}`);
      map.set(`${this._row + i},${this._col + j}`, (v as string | null) ?? 'normal');
    }));
  }
  setNumberFormats(formats: unknown): void { this.setEach('setNumberFormats', this._sheet.formats, formats); }
  setFontWeights(weights: unknown): void {
    checkGrid('setFontWeights', weights, this._rows, this._cols).forEach((row) => row.forEach((w) => {
      if (w !== null && w !== 'bold' && w !== 'normal') fail(`setFontWeights: invalid weight ${String(w)}`);
    }));
    this.setEach('setFontWeights', this._sheet.weights, weights);
  }
  createFilter(): FakeRange {
    if (this._sheet.filter) fail('You can\'t create a filter in a sheet that already has a filter.');
    this._sheet.filter = this;
    return this;
  }
  getDataRegion(): FakeRange {
    // good enough for tests: the used rectangle of the sheet from A1
    return this._sheet._book._range(this._sheet, 1, 1, Math.max(1, this._sheet.getLastRow()), Math.max(1, this._sheet.getLastColumn()));
  }
}

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function letterIndex(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

class FakeRuleBuilder {
  private rule: Partial<FakeRule> = {};
  whenTextEqualTo(text: string) { this.rule.text = text; return this._self; }
  setBackground(color: string) { this.rule.background = color; return this._self; }
  setFontColor(color: string) { this.rule.font = color; return this._self; }
  setRanges(ranges: FakeRange[]) { this.rule.ranges = [...ranges]; return this._self; }
  build(): FakeRule {
    if (this.rule.text === undefined) fail('A conditional format rule needs a condition.');
    if (!this.rule.ranges?.length) fail('A conditional format rule needs at least one range.');
    return { text: this.rule.text, background: this.rule.background ?? '', font: this.rule.font ?? '', ranges: this.rule.ranges };
  }
  _self: FakeRuleBuilder = this;
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  /** Cells and characters per cell the spreadsheet holds (tests may lower the first to keep data small). */
  cellLimit = SHEETS_CELL_LIMIT;
  cellLimitChars = SHEETS_CELL_CHARS;
  private nextId = 1000;
  constructor(private rec: Recorder, public timeZone: string) {}

  /** Cells of every sheet's grid, as Sheets counts them against its limit. */
  _cells(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxCols;
    return n;
  }

  _wrapSheet(s: FakeSheet): FakeSheet { const p = this.rec.wrap('Sheet', s); s._proxy = p; return p; }
  _range(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): FakeRange {
    if (!(rows >= 1) || !(cols >= 1)) fail('The number of rows and columns in the range must be at least 1.');
    if (row < 1 || col < 1 || row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols) fail('The coordinates of the range are outside the dimensions of the sheet.');
    return this.rec.wrap('Range', new FakeRange(sheet, row, col, rows, cols));
  }
  _rangeFromA1(sheet: FakeSheet | null, a1: string): FakeRange {
    const m = /^(?:'((?:[^']|'')+)'!|([^!']+)!)?([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
    if (!m) fail(`Range not found: ${a1}`);
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const target = name !== undefined ? this._find(name) : sheet ?? this.active;
    if (!target) fail(`Range not found: ${a1}`);
    const col = letterIndex(m[3]);
    const row = Number(m[4]);
    return this._range(target, row, col, Number(m[6]) - row + 1, letterIndex(m[5]) - col + 1);
  }
  _find(name: string): FakeSheet | null {
    return this.sheets.find((s) => s._name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  /** Test helper: add a sheet with data, without recording. */
  _addSheet(name: string, grid: Cell[][] = []): FakeSheet {
    if (this._find(name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = this._wrapSheet(new FakeSheet(this, name, this.nextId++));
    sheet.values = grid.map((r) => [...r]);
    sheet.maxRows = Math.max(1000, grid.length);
    // a loop, not Math.max(...list): a grid of 120,000+ rows would overflow the call stack
    let width = 26;
    for (const r of grid) if (r.length > width) width = r.length;
    sheet.maxCols = width;
    checkCells(this, sheet.maxRows * sheet.maxCols);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  /** Test helper: select a rectangle (1-based). */
  _select(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): void {
    this.active = sheet;
    this.activeRange = new FakeRange(sheet, row, col, rows, cols);
  }

  getSpreadsheetTimeZone(): string { return this.timeZone; }
  getActiveRange(): FakeRange | null {
    const r = this.activeRange;
    return r ? this.rec.wrap('Range', new FakeRange(r._sheet, r._row, r._col, r._rows, r._cols)) : null;
  }
  getActiveSheet(): FakeSheet | null { return this.active; }
  getSheets(): FakeSheet[] { return [...this.sheets]; }
  getSheetByName(name: string): FakeSheet | null { return this._find(name); }
  getRange(a1: string): FakeRange { return this._rangeFromA1(null, a1); }
  insertSheet(name: string): FakeSheet {
    if (typeof name !== 'string' || !name.trim()) fail('Invalid sheet name.');
    if (this._find(name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    // a new sheet has 1000 rows and 26 columns
    checkCells(this, 1000 * 26);
    const sheet = this._wrapSheet(new FakeSheet(this, name, this.nextId++));
    // placed after the active sheet, and becomes active
    const at = this.active ? this.sheets.indexOf(this.active) + 1 : this.sheets.length;
    this.sheets.splice(at, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) fail('Sheet not found.');
    if (this.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }
  createDeveloperMetadataFinder() {
    const book = this;
    const rec = this.rec;
    const q: { key?: string; type?: string } = {};
    const finder = {
      withKey(k: string) { q.key = k; return wrapped; },
      withLocationType(t: string) { q.type = t; return wrapped; },
      find() {
        const out: unknown[] = [];
        for (const sheet of book.sheets) {
          for (const md of sheet.metadata) {
            if (q.key !== undefined && md.key !== q.key) continue;
            if (q.type !== undefined && q.type !== 'SHEET') continue;
            const location = rec.wrap('DeveloperMetadataLocation', { getSheet: () => sheet, getLocationType: () => 'SHEET' });
            out.push(rec.wrap('DeveloperMetadata', { getKey: () => md.key, getValue: () => md.value, getLocation: () => location }));
          }
        }
        return out;
      },
    };
    const wrapped = rec.wrap('DeveloperMetadataFinder', finder);
    return wrapped;
  }
}

/** Offset of a zone at an instant, as Java's "Z" pattern prints it (+0530). */
function zoneOffsetText(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const minutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export function formatDateFake(date: Date, timeZone: string, pattern: string): string {
  if (pattern === 'Z') return zoneOffsetText(date, timeZone);
  if (pattern === 'yyyy-MM-dd') return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return fail(`Utilities.formatDate fake: unsupported pattern ${pattern}`);
}

export interface FakeGas {
  recorder: Recorder;
  /** The execution's clock (also recorder.clock). */
  clock: FakeClock;
  /**
   * A new execution: the clock starts again (6 minutes, or `limitMs`) and the lock of an execution
   * that was stopped is released, as Apps Script does when an execution ends.
   */
  begin(limitMs?: number): void;
  /**
   * Call a custom function as Sheets does: a new execution of 30 seconds, in which the function's
   * own time counts and Sheets' time to write what it returns (0.01 ms a cell); past the limit the
   * cell shows an error instead.
   */
  customFunction<T>(fn: () => T): T;
  spreadsheet: FakeSpreadsheet;
  /** Globals to install (vi.stubGlobal or a vm context). */
  globals: Record<string, unknown>;
  properties: Map<string, string>;
  lock: { busy: boolean; held: boolean; acquired: number; released: number };
  ui: { menus: { title: string; items: [string, string][] }[]; sidebars: { file: string; title: string }[] };
}

export function createFakeGas(options: { timeZone?: string } = {}): FakeGas {
  const rec = new Recorder();
  const spreadsheet = rec.wrap('Spreadsheet', new FakeSpreadsheet(rec, options.timeZone ?? 'Etc/UTC'));
  const properties = new Map<string, string>();
  const lock = { busy: false, held: false, acquired: 0, released: 0 };
  const ui: FakeGas['ui'] = { menus: [], sidebars: [] };

  const fakeUi = rec.wrap('Ui', {
    createMenu(title: string) {
      const menu = { title, items: [] as [string, string][] };
      const m = rec.wrap('Menu', {
        addItem(caption: string, fn: string) { menu.items.push([caption, fn]); return m; },
        addToUi() { ui.menus.push(menu); },
      });
      return m;
    },
    showSidebar(output: { _file: string; _title: string }) { ui.sidebars.push({ file: output._file, title: output._title }); },
  });
  const globals: Record<string, unknown> = {
    SpreadsheetApp: rec.wrap('SpreadsheetApp', {
      getActiveSpreadsheet: () => spreadsheet,
      getUi: () => fakeUi,
      newConditionalFormatRule: () => { const b = new FakeRuleBuilder(); b._self = rec.wrap('ConditionalFormatRuleBuilder', b); return b._self; },
      flush: () => undefined,
      DeveloperMetadataLocationType: { SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' },
    }),
    HtmlService: rec.wrap('HtmlService', {
      createHtmlOutputFromFile(file: string) {
        const out = { _file: file, _title: '', setTitle(t: string) { out._title = t; return wrappedOut; } };
        const wrappedOut = rec.wrap('HtmlOutput', out);
        return wrappedOut;
      },
    }),
    LockService: rec.wrap('LockService', {
      getDocumentLock: () => rec.wrap('Lock', {
        tryLock(_ms: number) { if (lock.busy || lock.held) return false; lock.held = true; lock.acquired++; return true; },
        releaseLock() { if (lock.held) lock.released++; lock.held = false; },
        hasLock() { return lock.held; },
      }),
    }),
    PropertiesService: rec.wrap('PropertiesService', {
      getDocumentProperties: () => rec.wrap('Properties', {
        getProperty: (k: string) => properties.get(k) ?? null,
        setProperty(k: string, v: string) {
          if (typeof v !== 'string') fail('Properties values must be strings');
          if (v.length > 9 * 1024) fail('Argument too large: value');
          properties.set(k, v);
        },
      }),
    }),
    Utilities: rec.wrap('Utilities', { formatDate: formatDateFake }),
  };
  const begin = (limitMs = RUN_LIMIT_MS) => {
    rec.clock.begin(limitMs);
    lock.held = false;
  };
  const customFunction = <T>(fn: () => T): T => {
    begin(CUSTOM_FUNCTION_LIMIT_MS);
    const out = fn();
    let cells = 1;
    if (Array.isArray(out)) { cells = 0; for (const row of out) cells += Array.isArray(row) ? row.length : 1; }
    rec.clock.charge(rec.clock.cellMs * cells);
    if (rec.clock.elapsed() > CUSTOM_FUNCTION_LIMIT_MS) throw new Error(TIME_LIMIT_MESSAGE);
    return out;
  };
  return { recorder: rec, clock: rec.clock, begin, customFunction, spreadsheet, globals, properties, lock, ui };
}

/**
 * Midnight of y-m-d in `timeZone`, as Sheets hands a date cell to a script. Where midnight does not
 * exist (DST starting at 00:00, e.g. Santiago) the first instant of that day is taken.
 */
export function sheetDate(iso: string, timeZone: string, DateCtor: DateConstructor = Date): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const offsetMs = (t: number) => {
    const off = zoneOffsetText(new Date(t), timeZone);
    return (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5))) * 60000;
  };
  const first = guess - offsetMs(guess);
  const candidates = [first, guess - offsetMs(first)].filter((t) => formatDateFake(new Date(t), timeZone, 'yyyy-MM-dd') === iso);
  if (!candidates.length) return fail(`sheetDate: no instant of ${iso} in ${timeZone}`);
  return new DateCtor(Math.min(...candidates));
}
