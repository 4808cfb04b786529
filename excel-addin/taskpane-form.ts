// The task pane's form: its fields ↔ core options, and what is remembered per workbook.
// Percent fields are shown as percentages (80) and handed to the core as fractions (0.8).

import type { ColumnRole, PartialOptions } from '../core';

export const MAIN_ROLES: ColumnRole[] = ['customer', 'date', 'amount', 'profit'];
export const EXTRA_ROLES: ColumnRole[] = ['quantity', 'price', 'image', 'expert', 'budget', 'need', 'solvency', 'authority'];

const CHOICES = ['metric', 'period', 'xyzMethod', 'abcRule'] as const;
const PERCENTS = ['a', 'b', 'x', 'y', 'keyShare'] as const;
const INTEGERS = ['newDays', 'minPeriods'] as const;
const DATES = ['asOf', 'from', 'to'] as const;

/** Everything the form holds, as plain strings: what gets saved in the workbook settings. */
export interface FormState {
  fields: Record<string, string>;
  /** Column overrides by role: header text or column letter; '' = automatic. */
  columns: Partial<Record<ColumnRole, string>>;
}

export const FIELD_IDS: readonly string[] = [...CHOICES, ...PERCENTS, ...INTEGERS, ...DATES];

/** Form state → partial options for the core. Blank fields mean "the core's default". */
export function optionsFromForm(state: FormState): PartialOptions {
  const f = state.fields;
  const out: PartialOptions = {};
  const o = out as Record<string, unknown>;
  for (const k of CHOICES) if (f[k]) o[k] = f[k];
  for (const k of PERCENTS) if (f[k] !== undefined && f[k].trim() !== '') o[k] = Number(f[k]) / 100;
  for (const k of INTEGERS) if (f[k] !== undefined && f[k].trim() !== '') o[k] = Number(f[k]);
  for (const k of DATES) if (f[k]) o[k] = f[k];
  const columns = Object.fromEntries(Object.entries(state.columns).filter(([, v]) => v));
  if (Object.keys(columns).length) out.columns = columns;
  return out;
}

export const SETTINGS_KEY = 'abcxyz.taskpane';

/** Read a saved state defensively: settings may hold anything an older version wrote. */
export function parseSaved(raw: unknown): FormState | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Partial<FormState>;
  const fields: Record<string, string> = {};
  for (const id of FIELD_IDS) {
    const v = (r.fields as Record<string, unknown> | undefined)?.[id];
    if (typeof v === 'string') fields[id] = v;
  }
  const columns: FormState['columns'] = {};
  for (const role of [...MAIN_ROLES, ...EXTRA_ROLES]) {
    const v = (r.columns as Record<string, unknown> | undefined)?.[role];
    if (typeof v === 'string') columns[role] = v;
  }
  return { fields, columns };
}
