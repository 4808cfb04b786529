// The task pane's form state ↔ core options, and what is remembered per workbook. The option
// fields are the shared form model's (core/options/form-model.ts), saved under their canonical
// names — the same names the Sheets sidebar saves — beside this pane's column overrides.

import type { ColumnRole, PartialOptions } from '../core';
import { optionsFromForm as formOptions, readSavedForm, type FormValues } from '../core/options/form-model';

export const MAIN_ROLES: ColumnRole[] = ['customer', 'date', 'amount', 'profit'];
export const EXTRA_ROLES: ColumnRole[] = ['quantity', 'price', 'image', 'expert', 'budget', 'need', 'solvency', 'authority', 'dimension'];

/** Everything the form holds, as plain strings: what gets saved in the workbook settings. */
export interface FormState {
  /** Option fields by canonical name, as typed; '' or absent = default. */
  options: FormValues;
  /** The "more options" text (name=value; …). */
  extra: string;
  /** Column overrides by role: header text or column letter; '' = automatic. */
  columns: Partial<Record<ColumnRole, string>>;
}

/** Form state → partial options for the core. Blank fields mean "the core's default". */
export function optionsFromForm(state: FormState): PartialOptions {
  const out = formOptions(state.options, state.extra);
  // the drop-downs win over a column named in the more-options text
  const columns = { ...(out.columns ?? {}), ...Object.fromEntries(Object.entries(state.columns).filter(([, v]) => v)) };
  if (Object.keys(columns).length) out.columns = columns;
  else delete out.columns;
  return out;
}

export const SETTINGS_KEY = 'abcxyz.taskpane';

/**
 * Read a saved state defensively: settings may hold anything an older version wrote — up to
 * this one, `{ fields, columns }` with the pane's own field ids (xyzMethod, keyShare, asOf, …),
 * which the form model maps to the option names.
 */
export function parseSaved(raw: unknown): FormState | null {
  if (!raw || typeof raw !== 'object') return null;
  const { options, extra } = readSavedForm(raw);
  const r = raw as { columns?: unknown };
  const columns: FormState['columns'] = {};
  for (const role of [...MAIN_ROLES, ...EXTRA_ROLES]) {
    const v = (r.columns as Record<string, unknown> | undefined)?.[role];
    if (typeof v === 'string') columns[role] = v;
  }
  return { options, extra, columns };
}
