/// <reference types="office-js" />
// What the writer must know about the workbook before writing: its sheets (name and id), its
// defined names (with their reference, comment and visibility) and its tables. Queued and read in
// two steps so a caller can fold it into a sync it makes anyway (the task pane reads the selection
// in the same request).
//
// Marker: a hidden workbook-level defined name per product sheet (ABCXYZ_REPORT → 'ABC-XYZ'!$A$1)
// whose comment is the marker value with the sheet's own id (abcxyz-report-v1#{…}). ExcelApi
// 1.4/1.7 (names.add, comment, formula), loadable for the whole workbook in one request (a
// worksheet custom property, ExcelApi 1.12, would need a request per sheet); it follows the sheet
// when renamed, and a copy of the sheet made by the user is not marked. A sheet is the product's
// only when the comment of a name pointing at it is exactly the value with that sheet's id: a name
// that merely starts like the product's (ABCXYZ_INPUT → Sales) marks nothing.

import { markerValue } from '../core';

export interface ProbedName {
  name: string;
  /** The reference formula, e.g. ='ABC-XYZ'!$A$1 (null when Excel gave none). */
  formula: string | null;
  comment: string;
  visible: boolean;
}

export interface WorkbookProbe {
  sheets: { name: string; id: string }[];
  names: ProbedName[];
  tables: { name: string; sheet: string }[];
}

export interface PendingProbe {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  tables: Excel.TableCollection;
}

export function queueProbe(context: Excel.RequestContext): PendingProbe {
  const sheets = context.workbook.worksheets.load('items/name,items/id');
  const names = context.workbook.names.load('items/name,items/formula,items/comment,items/visible');
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  return { sheets, names, tables };
}

export function readProbe(p: PendingProbe): WorkbookProbe {
  return {
    sheets: p.sheets.items.map((s) => ({ name: s.name, id: s.id })),
    names: p.names.items.map((n) => ({
      name: n.name,
      formula: typeof n.formula === 'string' ? n.formula : null,
      comment: typeof n.comment === 'string' ? n.comment : '',
      visible: n.visible !== false,
    })),
    tables: p.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  };
}

export interface ProductSheets {
  /** Sheets an earlier run wrote (names as they are now), each with the defined name that marks it. */
  sheets: { name: string; id: string; mark: string }[];
  /** Product marker names whose sheet is gone (deleted by hand): only the name is removed. */
  stale: string[];
}

/**
 * The marker's id part while a run writes: a sheet is added and marked in the same request, before
 * its id is known; the next request puts the id in. A sheet still marked so was left by a run that
 * could not finish (nor undo itself), and the next run replaces it like any report sheet.
 */
export const PENDING_ID = 'new';

/** Defined names of the product's markers: ABCXYZ_REPORT, ABCXYZ_WINBACK, ABCXYZ_SKIPPED. */
const LEGACY_MARK = /^ABCXYZ_(REPORT|WINBACK|SKIPPED)$/i;

/**
 * The sheets this product wrote, found by their marker's value, never by a name's prefix. Also
 * accepted: the markers of versions before the value named the sheet's id — the exact hidden name
 * (ABCXYZ_REPORT …) with the exact marker value as its comment.
 */
export function productSheets(probe: WorkbookProbe, marker: { value: string }): ProductSheets {
  const found: ProductSheets = { sheets: [], stale: [] };
  const ours = markerValue(marker.value, '');
  for (const n of probe.names) {
    if (!n.comment.startsWith(marker.value)) continue;
    const target = n.formula ? parseMarkerReference(n.formula) : null;
    const sheet = target === null ? undefined : probe.sheets.find((s) => s.name === target);
    const current = sheet !== undefined && (n.comment === markerValue(marker.value, sheet.id) || (!n.visible && n.comment === markerValue(marker.value, PENDING_ID)));
    const legacy = sheet !== undefined && !n.visible && n.comment === marker.value && LEGACY_MARK.test(n.name);
    if (sheet && (current || legacy)) {
      if (!found.sheets.some((s) => s.id === sheet.id)) found.sheets.push({ name: sheet.name, id: sheet.id, mark: n.name });
      else found.stale.push(n.name);
    } else if (!sheet && !n.visible && n.comment.startsWith(ours)) {
      found.stale.push(n.name);
    }
  }
  return found;
}

/** ABCXYZ_REPORT, or ABCXYZ_REPORT_2 … when a name is taken (lower case in `taken`). A valid defined name. */
export function markerNameFor(key: string, role: string, taken: ReadonlySet<string>): string {
  const base = `${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${role.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`.toLowerCase())) return `${base}_${k}`;
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

/** Table names are unique across the workbook: ABCXYZ_Customers, then ABCXYZ_Customers2 … */
export function tableNameFree(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred.toLowerCase())) return preferred;
  for (let k = 2; ; k++) if (!taken.has(`${preferred}${k}`.toLowerCase())) return `${preferred}${k}`;
}
