/// <reference types="office-js" />
// What the writer must know about the workbook before writing: existing sheet and table names and
// the marker names of sheets an earlier run created. Queued and read in two steps so a caller can
// fold it into a sync it makes anyway (the task pane reads the selection in the same request).
//
// Marker choice: a hidden workbook-level named item per product sheet (ABCXYZ_REPORT → 'ABC-XYZ'!$A$1,
// comment = marker value). ExcelApi 1.4/1.7 (names.add, NamedItem.formula), loadable for the whole
// workbook in one request (a worksheet custom property, ExcelApi 1.12, would need a request per
// sheet), it follows the sheet when renamed, and a copy of the sheet made by the user is not marked.

export interface WorkbookProbe {
  sheetNames: string[];
  /** Marker names found: name and the reference formula, e.g. ='ABC-XYZ'!$A$1. */
  markers: { name: string; formula: string | null }[];
  tables: { name: string; sheet: string }[];
}

export interface PendingProbe {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  tables: Excel.TableCollection;
}

export function queueProbe(context: Excel.RequestContext, _markerKey: string): PendingProbe {
  const sheets = context.workbook.worksheets.load('items/name');
  const names = context.workbook.names.load('items/name,items/formula');
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  return { sheets, names, tables };
}

export function readProbe(p: PendingProbe, markerKey: string): WorkbookProbe {
  const prefix = markerPrefix(markerKey);
  return {
    sheetNames: p.sheets.items.map((s) => s.name),
    markers: p.names.items
      .filter((n) => n.name.toUpperCase().startsWith(prefix))
      .map((n) => ({ name: n.name, formula: typeof n.formula === 'string' ? n.formula : null })),
    tables: p.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  };
}

function markerPrefix(key: string): string {
  return `${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
}

/** ABCXYZ_REPORT: a valid defined name (starts with a letter, no spaces, not a cell reference). */
export function markerNameFor(key: string, role: string): string {
  return markerPrefix(key) + role.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** Sheet name of a reference formula: ='My sheet'!$A$1 → My sheet; =#REF!$A$1 (sheet deleted) → null. */
export function parseMarkerReference(formula: string): string | null {
  const f = formula.replace(/^=/, '');
  const bang = f.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = f.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet === '#REF' || sheet === '' ? null : sheet;
}

/** The preferred name, or "name (2)", "name (3)" … when a sheet of the user's already has it (31-char limit). */
export function freeName(preferred: string, taken: Set<string>): string {
  const base = preferred.slice(0, 31);
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Table names are unique across the workbook: ABCXYZ_Customers, then ABCXYZ_Customers2 … */
export function tableNameFree(preferred: string, taken: Set<string>): string {
  if (!taken.has(preferred.toLowerCase())) return preferred;
  for (let k = 2; ; k++) if (!taken.has(`${preferred}${k}`.toLowerCase())) return `${preferred}${k}`;
}
