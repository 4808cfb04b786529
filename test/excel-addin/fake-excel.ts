// A faithful-enough fake of the Excel JavaScript API for the parts the add-in uses. It records every
// call, batches them like Office.js (errors surface at context.sync(), loaded properties are readable
// only after a sync, and an operation after a failing one in the same batch is not applied) and
// enforces the rules that break real add-ins: 5 MB per request and per response (Excel on the web),
// counted in UTF-8 bytes as they go over the wire; 32,767 characters per cell; the grid's
// 1,048,576 rows and 16,384 columns; sheet names of at most 31 characters without []:*?/\, not
// starting or ending with a quote, unique regardless of case (also on rename); unique table and
// defined names; values matching the range size; no deleting the last sheet. `failWhen` makes an
// operation fail, to test what a failed run leaves behind.

export const LIMIT_BYTES = 5 * 1024 * 1024;
/** Cost of one operation's object path, method name and ids in the request body. */
const OP_OVERHEAD = 60;

/** The limits the fake holds a writer to (tests may lower the grid's to keep data small). */
export interface FakeLimits { requestBytes: number; responseBytes: number; rows: number; cols: number; cellChars: number }
export const EXCEL_FAKE_LIMITS: FakeLimits = { requestBytes: LIMIT_BYTES, responseBytes: LIMIT_BYTES, rows: 1048576, cols: 16384, cellChars: 32767 };

const encoder = new TextEncoder();
/** Bytes of a text in UTF-8, as a request carries it. */
export function utf8Bytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

type Cell = string | number | boolean;
export interface Rect { row: number; col: number; rows: number; cols: number }
export interface Call { sync: number; op: string; target: string; args: unknown }

export class FakeError extends Error {
  constructor(readonly code: string, message: string) { super(`${code}: ${message}`); }
}

export interface CfRecord { sheet: string; rect: Rect; type: string; cf: { cellValue: { format: { fill: { color?: string }; font: { color?: string } }; rule?: { formula1: string; operator: string } } } }
export interface TableRecord { name: string; sheet: SheetState; rect: Rect; hasHeaders: boolean; style?: string }

export class SheetState {
  cells: (Cell[] | undefined)[] = [];
  /** Number formats set on ranges (a single value broadcast) or per cell, in order of application. */
  formatRuns: { rect: Rect; format: string | string[][] }[] = [];
  bold: Rect[] = [];
  wrap: Rect[] = [];
  columnWidths = new Map<number, number>();
  freeze: { rows: number; cols: number } | null = null;
  deleted = false;
  /** Rows (0-based) hidden by hand or by a filter; `filtered`: an AutoFilter hides some. */
  hidden = new Set<number>();
  filtered = false;
  /** Excel's worksheet id: stays with the sheet for its life; a copy gets another. */
  readonly id: string;
  private static next = 1;
  constructor(public name: string) {
    this.id = `{${String(SheetState.next++).padStart(8, '0')}-0001-0000-0000-000000000000}`;
  }

  get(r: number, c: number): Cell { return this.cells[r]?.[c] ?? ''; }
  set(r: number, c: number, v: Cell): void { (this.cells[r] ??= [])[c] = v; }

  /** Number format of a cell: the last run covering it. */
  formatAt(r: number, c: number): string {
    for (let i = this.formatRuns.length - 1; i >= 0; i--) {
      const { rect, format } = this.formatRuns[i];
      if (inside(rect, r, c)) return typeof format === 'string' ? format : format[r - rect.row][c - rect.col];
    }
    return 'General';
  }

  used(): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.cells.forEach((row, r) => row?.forEach((v, c) => {
      if (v === '' || v === undefined) return;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
    }));
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

function inside(rect: Rect, r: number, c: number): boolean {
  return r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
}
function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export interface NameRecord { name: string; sheet: SheetState; cell: string; comment: string; visible: boolean }

export class WorkbookState {
  sheets: SheetState[] = [];
  names: NameRecord[] = [];
  tables: TableRecord[] = [];
  cfs: CfRecord[] = [];
  date1904 = false;
  selection: { sheet: SheetState; rect: Rect } | null = null;
  active: SheetState | null = null;

  addSheet(name: string, grid: Cell[][] = []): SheetState {
    const s = new SheetState(name);
    grid.forEach((row, r) => row.forEach((v, c) => s.set(r, c, v)));
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }
  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }
  /** A sheet by name or by id, as worksheets.getItem(key) finds it. */
  sheetByKey(key: string): SheetState | undefined {
    return this.sheets.find((s) => !s.deleted && s.id === key) ?? this.sheet(key);
  }
  /** Test helper: a defined name as the user (or an earlier version) made it. */
  addName(name: string, sheet: SheetState, comment = '', visible = true): NameRecord {
    const rec = { name, sheet, cell: '$A$1', comment, visible };
    this.names.push(rec);
    return rec;
  }
  live(): SheetState[] { return this.sheets.filter((s) => !s.deleted); }
  select(sheet: SheetState, rect: Rect): void { this.selection = { sheet, rect }; }
}

/** Why Excel refuses a sheet name, or null. */
function badSheetName(name: string): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'empty';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'holds one of []:*?/\\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with a quote';
  if (name.toLowerCase() === 'history') return 'reserved';
  return null;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseA1(a: string): Rect {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a.replace(/^.*!/, ''));
  if (!m) throw new FakeError('InvalidArgument', `address ${a}`);
  const r0 = +m[2] - 1, c0 = colIndex(m[1]);
  const r1 = m[4] ? +m[4] - 1 : r0, c1 = m[3] ? colIndex(m[3]) : c0;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The request context: call log, batching, payload accounting. */
export class FakeContext {
  syncCount = 0;
  calls: Call[] = [];
  requestSizes: number[] = [];
  responseSizes: number[] = [];
  /** Time spent inside sync() (the "Excel" side), so benches can separate our own time. */
  syncMillis = 0;
  /** Make an operation fail (as Excel would at sync); return the message, or null to let it pass. */
  failWhen: ((call: Call) => string | null) | null = null;
  private pendingBytes = 0;
  private pendingError: FakeError | null = null;
  private loads: { size: () => number; resolve: () => void }[] = [];
  readonly workbook: FakeWorkbook;

  constructor(readonly state: WorkbookState, readonly limits: FakeLimits = EXCEL_FAKE_LIMITS) {
    this.workbook = new FakeWorkbook(this);
  }

  record(target: string, op: string, args: unknown, bytes?: number): void {
    const call = { sync: this.syncCount, op, target, args: bytes === undefined ? args : '(large)' };
    this.calls.push(call);
    this.pendingBytes += OP_OVERHEAD + (bytes ?? (args === undefined ? 0 : utf8Bytes(JSON.stringify(args))));
    const injected = this.failWhen?.(call);
    if (injected) this.fail('GeneralException', injected);
  }
  /** Rule violations are reported by Excel when the batch runs, i.e. at sync. */
  fail(code: string, message: string): void {
    this.pendingError ??= new FakeError(code, message);
  }
  /**
   * A change to the workbook, applied unless an earlier operation of this batch failed: Excel runs
   * a batch in order and stops at the first failure (what ran before stays applied).
   */
  apply(change: () => void): void {
    if (!this.pendingError) change();
  }
  get failing(): boolean { return this.pendingError !== null; }
  queueLoad(size: () => number, resolve: () => void): void {
    this.loads.push({ size, resolve });
  }

  async sync(): Promise<void> {
    const t0 = performance.now();
    this.syncCount++;
    const request = this.pendingBytes;
    this.requestSizes.push(request);
    this.calls.push({ sync: this.syncCount, op: 'sync', target: 'context', args: { request } });
    const loads = this.loads;
    this.loads = [];
    this.pendingBytes = 0;
    const error = this.pendingError;
    this.pendingError = null;
    let response = 0;
    for (const l of loads) response += l.size();
    this.responseSizes.push(response);
    this.syncMillis += performance.now() - t0;
    if (request > this.limits.requestBytes) throw new FakeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    if (response > this.limits.responseBytes) throw new FakeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    if (error) throw error;
    for (const l of loads) l.resolve();
  }

  ops(name: string): Call[] { return this.calls.filter((c) => c.op === name); }
}

/** Base of loadable proxies: properties become readable after load + sync. */
class Loadable {
  protected loaded = false;
  constructor(protected ctx: FakeContext) {}
  protected need(prop: string): void {
    if (!this.loaded) throw new FakeError('PropertyNotLoaded', `${prop} read before load() and sync()`);
  }
}

class FakeWorkbook {
  worksheets: FakeWorksheets;
  names: FakeNames;
  tables: FakeTables;
  functions: { date: (y: number, m: number, d: number) => FakeFunctionResult };
  application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    this.tables = new FakeTables(ctx);
    this.functions = { date: (y, m, d) => new FakeFunctionResult(ctx, y, m, d) };
    this.application = { suspendApiCalculationUntilNextSync: () => ctx.record('application', 'suspendApiCalculationUntilNextSync', undefined) };
  }
  getSelectedRange(): FakeRange {
    const sel = this.ctx.state.selection;
    this.ctx.record('workbook', 'getSelectedRange', undefined);
    if (!sel) { this.ctx.fail('InvalidSelection', 'nothing selected'); return new FakeRange(this.ctx, this.ctx.state.live()[0], { row: 0, col: 0, rows: 1, cols: 1 }); }
    return new FakeRange(this.ctx, sel.sheet, sel.rect);
  }
}

class FakeFunctionResult extends Loadable {
  private v = 0;
  constructor(ctx: FakeContext, private y: number, private m: number, private d: number) { super(ctx); ctx.record('functions', 'date', [y, m, d]); }
  load(): this {
    const serial1900 = Math.round(Date.UTC(this.y, this.m - 1, this.d) / 86400000) + 25569;
    const v = this.ctx.state.date1904 ? serial1900 - 1462 : serial1900;
    this.ctx.queueLoad(() => 20, () => { this.v = v; this.loaded = true; });
    return this;
  }
  get value(): number { this.need('value'); return this.v; }
}

export class FakeWorksheet extends Loadable {
  tables: { add: (range: FakeRange | string, hasHeaders: boolean) => FakeTable };
  /** ExcelApi 1.9: only isDataFiltered is modelled. */
  autoFilter: { load: (props?: string) => FakeWorksheet['autoFilter']; readonly isDataFiltered: boolean };
  freezePanes: { freezeAt: (r: FakeRange | string) => void; freezeRows: (n: number) => void; freezeColumns: (n: number) => void };
  private nameValue = '';
  private idValue = '';
  constructor(ctx: FakeContext, readonly sheetState: SheetState, readonly isNullObject = false) {
    super(ctx);
    const target = () => `sheet[${sheetState.name}]`;
    this.tables = { add: (range, hasHeaders) => {
      const rect = typeof range === 'string' ? parseA1(range) : range.rect;
      ctx.record(target(), 'tables.add', [letters(rect.col) + (rect.row + 1), rect.rows, rect.cols, hasHeaders]);
      return new FakeTable(ctx, sheetState, rect, hasHeaders);
    } };
    let filtered: boolean | undefined;
    this.autoFilter = {
      load: () => { ctx.record(target(), 'autoFilter.load', undefined); ctx.queueLoad(() => 20, () => { filtered = sheetState.filtered; }); return this.autoFilter; },
      get isDataFiltered() { if (filtered === undefined) throw new FakeError('PropertyNotLoaded', 'isDataFiltered'); return filtered; },
    };
    this.freezePanes = {
      freezeAt: (r) => { const rect = typeof r === 'string' ? parseA1(r) : r.rect; ctx.record(target(), 'freezeAt', rect); ctx.apply(() => { sheetState.freeze = { rows: rect.row + rect.rows, cols: rect.col + rect.cols }; }); },
      freezeRows: (n) => { ctx.record(target(), 'freezeRows', n); ctx.apply(() => { sheetState.freeze = { rows: n, cols: 0 }; }); },
      freezeColumns: (n) => { ctx.record(target(), 'freezeColumns', n); ctx.apply(() => { sheetState.freeze = { rows: 0, cols: n }; }); },
    };
  }
  load(_props?: string): this {
    this.ctx.queueLoad(() => this.sheetState.name.length + this.sheetState.id.length + 20, () => { this.nameValue = this.sheetState.name; this.idValue = this.sheetState.id; this.loaded = true; });
    return this;
  }
  get name(): string { this.need('name'); return this.nameValue; }
  /** Renaming: the same rules as a new sheet's name, unique among the others. */
  set name(v: string) {
    const st = this.ctx.state;
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'name', v);
    const bad = badSheetName(v);
    if (bad) this.ctx.fail('InvalidArgument', `bad sheet name ${v}: ${bad}`);
    const other = st.sheet(v);
    if (other && other !== this.sheetState) this.ctx.fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${v}`);
    this.ctx.apply(() => { this.sheetState.name = v; this.nameValue = v; });
  }
  get id(): string { this.need('id'); return this.idValue; }
  getRange(address: string): FakeRange {
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'getRange', address);
    return new FakeRange(this.ctx, this.sheetState, parseA1(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'getRangeByIndexes', [row, col, rows, cols]);
    const { rows: rowsMax, cols: colsMax } = this.ctx.limits;
    if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > rowsMax || col + cols > colsMax) this.ctx.fail('InvalidArgument', `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols}) is outside the grid of ${rowsMax} × ${colsMax}`);
    return new FakeRange(this.ctx, this.sheetState, { row, col, rows: Math.max(rows, 1), cols: Math.max(cols, 1) });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'getUsedRangeOrNullObject', undefined);
    const used = this.sheetState.used();
    return new FakeRange(this.ctx, this.sheetState, used ?? { row: 0, col: 0, rows: 1, cols: 1 }, used === null);
  }
  delete(): void {
    const st = this.ctx.state;
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'delete', undefined);
    if (this.isNullObject || this.sheetState.deleted) { this.ctx.fail('ItemNotFound', `sheet ${this.sheetState.name}`); return; }
    if (st.live().length <= 1) { this.ctx.fail('InvalidOperation', 'cannot delete the last sheet'); return; }
    this.ctx.apply(() => {
      this.sheetState.deleted = true;
      st.tables = st.tables.filter((t) => t.sheet !== this.sheetState);
      st.cfs = st.cfs.filter((c) => c.sheet !== this.sheetState.name);
      if (st.active === this.sheetState) st.active = st.live()[0];
    });
  }
  activate(): void {
    this.ctx.record(`sheet[${this.sheetState.name}]`, 'activate', undefined);
    this.ctx.apply(() => { this.ctx.state.active = this.sheetState; });
  }
}

class FakeWorksheets extends Loadable {
  private list: FakeWorksheet[] = [];
  add(name: string): FakeWorksheet {
    const st = this.ctx.state;
    this.ctx.record('worksheets', 'add', name);
    if (st.sheet(name)) this.ctx.fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${name}`);
    const bad = badSheetName(name);
    if (bad) this.ctx.fail('InvalidArgument', `bad sheet name ${name}: ${bad}`);
    if (this.ctx.failing) return new FakeWorksheet(this.ctx, new SheetState(name), true);
    return new FakeWorksheet(this.ctx, st.addSheet(name));
  }
  /** By name or by id. */
  getItem(key: string): FakeWorksheet {
    this.ctx.record('worksheets', 'getItem', key);
    const s = this.ctx.state.sheetByKey(key);
    if (!s) { this.ctx.fail('ItemNotFound', `sheet ${key}`); return new FakeWorksheet(this.ctx, new SheetState(key), true); }
    return new FakeWorksheet(this.ctx, s);
  }
  load(_props?: string): this {
    this.ctx.record('worksheets', 'load', _props);
    // what the batch has done up to this point is what the load returns
    const at = () => this.ctx.state.live();
    let snapshot = at();
    this.ctx.queueLoad(() => { snapshot = at(); return utf8Bytes(JSON.stringify(snapshot.map((s) => [s.name, s.id]))) + 20 * snapshot.length; }, () => {
      this.list = snapshot.map((s) => { const w = new FakeWorksheet(this.ctx, s); const raw = w as unknown as { loaded: boolean; nameValue: string; idValue: string }; raw.loaded = true; raw.nameValue = s.name; raw.idValue = s.id; return w; });
      this.loaded = true;
    });
    return this;
  }
  get items(): FakeWorksheet[] { this.need('items'); return this.list; }
}

class FakeNamedItem {
  constructor(private ctx: FakeContext, private rec: NameRecord | null, readonly name: string) {}
  set visible(v: boolean) { this.ctx.record(`name[${this.name}]`, 'visible', v); this.ctx.apply(() => { if (this.rec) this.rec.visible = v; }); }
  get visible(): boolean { return this.rec?.visible ?? true; }
  set comment(v: string) { this.ctx.record(`name[${this.name}]`, 'comment', v); this.ctx.apply(() => { if (this.rec) this.rec.comment = v; }); }
  get comment(): string { return this.rec?.comment ?? ''; }
  get formula(): string {
    if (!this.rec) return '';
    return this.rec.sheet.deleted ? '=#REF!$A$1' : `=${quoteSheet(this.rec.sheet.name)}!${this.rec.cell}`;
  }
  delete(): void {
    this.ctx.record(`name[${this.name}]`, 'delete', undefined);
    const st = this.ctx.state;
    if (!this.rec || !st.names.includes(this.rec)) { this.ctx.fail('ItemNotFound', `name ${this.name}`); return; }
    this.ctx.apply(() => { st.names = st.names.filter((n) => n !== this.rec); });
  }
}

export interface LoadedName { name: string; formula: string; comment: string; visible: boolean; delete(): void }

class FakeNames extends Loadable {
  private list: LoadedName[] = [];
  add(name: string, ref: FakeRange | string, comment?: string): FakeNamedItem {
    const st = this.ctx.state;
    this.ctx.record('names', 'add', [name, comment]);
    if (st.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) this.ctx.fail('ItemAlreadyExists', `name ${name}`);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) this.ctx.fail('InvalidArgument', `bad name ${name}`);
    const range = typeof ref === 'string' ? null : ref;
    const rec = { name, sheet: range!.sheetState, cell: `$${letters(range!.rect.col)}$${range!.rect.row + 1}`, comment: comment ?? '', visible: true };
    this.ctx.apply(() => { st.names.push(rec); });
    return new FakeNamedItem(this.ctx, rec, name);
  }
  getItem(name: string): FakeNamedItem {
    this.ctx.record('names', 'getItem', name);
    const rec = this.ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
    if (!rec) this.ctx.fail('ItemNotFound', `name ${name}`);
    return new FakeNamedItem(this.ctx, rec, name);
  }
  load(_props?: string): this {
    this.ctx.record('names', 'load', _props);
    const at = () => this.ctx.state.names.map((n) => {
      const item = new FakeNamedItem(this.ctx, n, n.name);
      return { name: n.name, formula: item.formula, comment: n.comment, visible: n.visible, delete: () => item.delete() };
    });
    let snap = at();
    this.ctx.queueLoad(() => { snap = at(); return utf8Bytes(JSON.stringify(snap)); }, () => { this.list = snap; this.loaded = true; });
    return this;
  }
  get items(): LoadedName[] { this.need('items'); return this.list; }
}

class FakeTables extends Loadable {
  private list: { name: string; worksheet: { name: string } }[] = [];
  load(_props?: string): this {
    this.ctx.record('tables', 'load', _props);
    const snap = this.ctx.state.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet.name } }));
    this.ctx.queueLoad(() => utf8Bytes(JSON.stringify(snap)), () => { this.list = snap; this.loaded = true; });
    return this;
  }
  get items() { this.need('items'); return this.list; }
}

class FakeTable {
  private rec: TableRecord;
  constructor(private ctx: FakeContext, sheet: SheetState, rect: Rect, hasHeaders: boolean) {
    const st = ctx.state;
    if (st.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) ctx.fail('InvalidArgument', 'tables cannot overlap');
    this.rec = { name: `Table${st.tables.length + 1}`, sheet, rect, hasHeaders };
    while (st.tables.some((t) => t.name === this.rec.name)) this.rec.name += '_';
    ctx.apply(() => { st.tables.push(this.rec); });
  }
  set name(v: string) {
    this.ctx.record(`table[${this.rec.name}]`, 'name', v);
    if (this.ctx.state.tables.some((t) => t !== this.rec && t.name.toLowerCase() === v.toLowerCase())) this.ctx.fail('InvalidArgument', `table name ${v} is taken`);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) this.ctx.fail('InvalidArgument', `bad table name ${v}`);
    this.ctx.apply(() => { this.rec.name = v; });
  }
  set style(v: string) { this.ctx.record(`table[${this.rec.name}]`, 'style', v); this.ctx.apply(() => { this.rec.style = v; }); }
}

export class FakeRange extends Loadable {
  private snap: { values?: Cell[][]; numberFormat?: string[][]; dims?: boolean; address?: string; rowHidden?: boolean | null } = {};
  readonly format: { font: { bold: boolean }; fill: { color: string }; wrapText: boolean; columnWidth: number };
  readonly conditionalFormats: { add: (type: string) => CfRecord['cf'] };
  constructor(ctx: FakeContext, readonly sheetState: SheetState, readonly rect: Rect, readonly isNullObject = false) {
    super(ctx);
    const where = () => `range[${this.sheetState.name}!${letters(rect.col)}${rect.row + 1}:${rect.rows}x${rect.cols}]`;
    const self = this;
    this.format = {
      font: { set bold(v: boolean) { ctx.record(where(), 'format.font.bold', v); ctx.apply(() => { if (v) sheetState.bold.push(rect); }); }, get bold() { return false; } },
      fill: { set color(v: string) { ctx.record(where(), 'format.fill.color', v); }, get color() { return ''; } },
      set wrapText(v: boolean) { ctx.record(where(), 'format.wrapText', v); ctx.apply(() => { if (v) sheetState.wrap.push(rect); }); },
      get wrapText() { return false; },
      set columnWidth(v: number) { ctx.record(where(), 'format.columnWidth', v); ctx.apply(() => { for (let c = rect.col; c < rect.col + rect.cols; c++) sheetState.columnWidths.set(c, v); }); },
      get columnWidth() { return 0; },
    };
    this.conditionalFormats = {
      add(type: string) {
        ctx.record(where(), 'conditionalFormats.add', type);
        const cf: CfRecord['cf'] = { cellValue: { format: { fill: {}, font: {} } } };
        ctx.apply(() => { ctx.state.cfs.push({ sheet: self.sheetState.name, rect, type, cf }); });
        return cf;
      },
    };
  }

  get worksheet(): FakeWorksheet { return new FakeWorksheet(this.ctx, this.sheetState); }

  load(props: string): this {
    const want = props.split(',').map((p) => p.trim());
    const snap: typeof this.snap = {};
    if (want.includes('values')) snap.values = this.readValues();
    if (want.includes('numberFormat')) snap.numberFormat = this.readFormats();
    if (want.includes('rowHidden')) {
      // Excel: true when every row is hidden, false when none is, null when some are
      const n = this.hiddenCount();
      snap.rowHidden = n === 0 ? false : n === this.rect.rows ? true : null;
    }
    snap.dims = true;
    snap.address = `${quoteSheet(this.sheetState.name)}!${letters(this.rect.col)}${this.rect.row + 1}:${letters(this.rect.col + this.rect.cols - 1)}${this.rect.row + this.rect.rows}`;
    this.ctx.record('range', 'load', props);
    const size = () => 80 + (snap.values ? utf8Bytes(JSON.stringify(snap.values)) : 0) + (snap.numberFormat ? utf8Bytes(JSON.stringify(snap.numberFormat)) : 0);
    this.ctx.queueLoad(size, () => { this.snap = snap; this.loaded = true; });
    return this;
  }

  private readValues(): Cell[][] {
    const out: Cell[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const src = this.sheetState.cells[this.rect.row + r];
      const row: Cell[] = new Array(this.rect.cols);
      for (let c = 0; c < this.rect.cols; c++) row[c] = src?.[this.rect.col + c] ?? '';
      out.push(row);
    }
    return out;
  }
  private readFormats(): string[][] {
    return Array.from({ length: this.rect.rows }, (_, r) => Array.from({ length: this.rect.cols }, (_, c) => this.sheetState.formatAt(this.rect.row + r, this.rect.col + c)));
  }

  get values(): Cell[][] { this.need('values'); if (!this.snap.values) throw new FakeError('PropertyNotLoaded', 'values'); return this.snap.values; }
  set values(v: Cell[][]) {
    let bytes = 0;
    for (const row of v) bytes += utf8Bytes(JSON.stringify(row)) + 1;
    this.ctx.record(`range[${this.sheetState.name}]`, 'values', { rect: this.rect }, bytes);
    if (!Array.isArray(v) || v.length !== this.rect.rows || v.some((row) => !Array.isArray(row) || row.length !== this.rect.cols)) {
      this.ctx.fail('InvalidArgument', `values of ${v.length}x${v[0]?.length} do not match range ${this.rect.rows}x${this.rect.cols}`);
      return;
    }
    // Excel stores a leading apostrophe as the text prefix, not as part of the value
    const stored = (x: Cell) => (typeof x === 'string' && x.startsWith("'") ? x.slice(1) : x);
    const max = this.ctx.limits.cellChars;
    for (const row of v) {
      for (const x of row) {
        const s = stored(x);
        if (typeof s === 'string' && s.length > max) { this.ctx.fail('InvalidArgument', `a text of ${s.length} characters: a cell holds at most ${max}`); return; }
      }
    }
    this.ctx.apply(() => v.forEach((row, r) => row.forEach((x, c) => {
      if (x === null || x === undefined) return; // null leaves the cell unchanged
      this.sheetState.set(this.rect.row + r, this.rect.col + c, stored(x));
    })));
  }
  get numberFormat(): string[][] { this.need('numberFormat'); return this.snap.numberFormat!; }
  set numberFormat(v: string | string[][]) {
    this.ctx.record(`range[${this.sheetState.name}]`, 'numberFormat', { rect: this.rect, format: typeof v === 'string' ? v : '(array)' }, utf8Bytes(JSON.stringify(v)));
    if (typeof v !== 'string' && (v.length !== this.rect.rows || v.some((row) => row.length !== this.rect.cols))) {
      this.ctx.fail('InvalidArgument', 'numberFormat does not match the range size');
      return;
    }
    this.ctx.apply(() => { this.sheetState.formatRuns.push({ rect: this.rect, format: v }); });
  }
  get rowHidden(): boolean | null { this.need('rowHidden'); if (this.snap.rowHidden === undefined) throw new FakeError('PropertyNotLoaded', 'rowHidden'); return this.snap.rowHidden; }
  hiddenCount(): number {
    let n = 0;
    for (const r of this.sheetState.hidden) if (r >= this.rect.row && r < this.rect.row + this.rect.rows) n++;
    return n;
  }
  /** ExcelApi 1.3: the visible rows of the range; only its rowCount is modelled. */
  getVisibleView(): FakeRangeView {
    this.ctx.record('range', 'getVisibleView', undefined);
    return new FakeRangeView(this.ctx, this.rect.rows - this.hiddenCount());
  }
  get rowIndex(): number { this.need('rowIndex'); return this.rect.row; }
  get columnIndex(): number { this.need('columnIndex'); return this.rect.col; }
  get rowCount(): number { this.need('rowCount'); return this.rect.rows; }
  get columnCount(): number { this.need('columnCount'); return this.rect.cols; }
  get address(): string { this.need('address'); return this.snap.address!; }

  getCell(r: number, c: number): FakeRange {
    this.ctx.record('range', 'getCell', [r, c]);
    return new FakeRange(this.ctx, this.sheetState, { row: this.rect.row + r, col: this.rect.col + c, rows: 1, cols: 1 });
  }
  /** Grow from the cell while a neighbouring row or column holds a value (Excel's Ctrl+* region). */
  getSurroundingRegion(): FakeRange {
    this.ctx.record('range', 'getSurroundingRegion', undefined);
    const s = this.sheetState;
    let { row, col, rows, cols } = this.rect;
    const any = (r0: number, c0: number, nr: number, nc: number) => {
      for (let r = r0; r < r0 + nr; r++) for (let c = c0; c < c0 + nc; c++) if (r >= 0 && c >= 0 && s.get(r, c) !== '') return true;
      return false;
    };
    // rows grow in inner loops (one row scan each) so a long table costs O(rows × cols), not O(rows²)
    for (let grew = true; grew;) {
      grew = false;
      while (row > 0 && any(row - 1, col - 1, 1, cols + 2)) { row--; rows++; grew = true; }
      while (any(row + rows, col - 1, 1, cols + 2)) { rows++; grew = true; }
      if (col > 0 && any(row - 1, col - 1, rows + 2, 1)) { col--; cols++; grew = true; }
      if (any(row - 1, col + cols, rows + 2, 1)) { cols++; grew = true; }
    }
    return new FakeRange(this.ctx, s, { row, col, rows, cols });
  }
}

class FakeRangeView extends Loadable {
  private count = 0;
  constructor(ctx: FakeContext, private readonly visible: number) { super(ctx); }
  load(_props?: string): this {
    this.ctx.queueLoad(() => 20, () => { this.count = this.visible; this.loaded = true; });
    return this;
  }
  get rowCount(): number { this.need('rowCount'); return this.count; }
}

/** A fresh workbook with one data sheet and the selection on `rect` (default: the whole grid). */
export function fakeWorkbook(grid: Cell[][], opts: { sheet?: string; rect?: Rect; date1904?: boolean; limits?: Partial<FakeLimits> } = {}): { state: WorkbookState; context: FakeContext; data: SheetState } {
  const state = new WorkbookState();
  const data = state.addSheet(opts.sheet ?? 'Sales', grid);
  state.date1904 = opts.date1904 ?? false;
  state.select(data, opts.rect ?? { row: 0, col: 0, rows: grid.length, cols: grid[0]?.length ?? 1 });
  return { state, context: new FakeContext(state, { ...EXCEL_FAKE_LIMITS, ...opts.limits }), data };
}

/** Cells of a rectangle of a sheet as a grid, for assertions. */
export function cellsOf(sheet: SheetState, rect: Rect): Cell[][] {
  return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => sheet.get(rect.row + r, rect.col + c)));
}
