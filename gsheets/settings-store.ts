/// <reference types="google-apps-script" />
// The analyst's choices, remembered per spreadsheet in the document properties (one JSON value,
// far under the 9 KB per-value limit). Shared by everyone editing the spreadsheet, like the report.

import { savedFormValues } from '../core/options/form-model';
import { MAPPED_ROLES, type SavedSettings } from './sidebar-api';

export const SETTINGS_KEY = 'abcxyz.settings.v1';

const EMPTY: SavedSettings = { options: {}, extra: '', columns: {} };

/** Reads saved settings; anything malformed (an older version, a hand edit) falls back to defaults. */
export function loadSettings(): SavedSettings {
  const props = PropertiesService.getDocumentProperties();
  const raw = props ? props.getProperty(SETTINGS_KEY) : null;
  if (!raw) return { ...EMPTY };
  try {
    return sanitizeSettings(JSON.parse(raw));
  } catch {
    return { ...EMPTY };
  }
}

export function saveSettings(settings: SavedSettings): void {
  const props = PropertiesService.getDocumentProperties();
  if (props) props.setProperty(SETTINGS_KEY, JSON.stringify(sanitizeSettings(settings)));
}

/**
 * Keep only known keys with string values of a sane length. Option values are read by the shared
 * form model, which also maps the names an earlier sidebar saved (abc → abc-rule).
 */
export function sanitizeSettings(input: unknown): SavedSettings {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out: SavedSettings = { options: {}, extra: '', columns: {} };
  const options = (o.options && typeof o.options === 'object' ? o.options : {}) as Record<string, unknown>;
  out.options = savedFormValues(options);
  if (typeof o.extra === 'string') out.extra = o.extra.slice(0, 2000);
  const columns = (o.columns && typeof o.columns === 'object' ? o.columns : {}) as Record<string, unknown>;
  for (const r of MAPPED_ROLES) {
    const v = columns[r];
    if (v === null || (typeof v === 'string' && v.length <= 200)) out.columns[r] = v;
  }
  return out;
}
