// The option form shared by the Excel task pane and the Sheets sidebar (pure: no DOM). Each pane
// renders these fields in its own look; the fields, their labels, choices, placeholders and limits
// all come from the vocabulary and the message catalogue. A field holds the text the analyst
// typed; blank means the default, and the placeholder shows that default — computed from the
// other fields, so a and b follow the ABC rule, and x and y (values and labels) the XYZ method.

import { t } from '../messages';
import type { PartialOptions } from '../types';
import { parseOptionText, setOptionFromText } from './option-text';
import { fractionToPercent } from './percent';
import {
  FORM_FIELD_IDS, OPTIONS, basisOf, optionDefault, optionLabel, optionRange,
  type FormFieldId, type FormSection, type OptionBasis, type OptionKind, type OptionSpec,
} from './vocabulary';

/** What the analyst typed or chose, by field id (= canonical option name); '' or absent = default. */
export type FormValues = Partial<Record<FormFieldId, string>>;

export interface FormChoice { value: string; label: string }

export interface FormField {
  /** The canonical option name ("key-share"); the panes prefix it for element ids. */
  id: FormFieldId;
  kind: OptionKind;
  section: Exclude<FormSection, 'hidden'>;
  control: 'select' | 'input';
  /** Input type. Percentages are text, so "80 %" and "80,5" reach the percent rule as typed. */
  type: 'text' | 'number' | 'date';
  inputMode: 'decimal' | 'numeric' | null;
  label: string;
  hint: string | null;
  /** The default the blank field means, as it would be typed ('' when it depends on the data). */
  placeholder: string;
  /** For a select: first the blank choice (the default, by its label), then the other choices. */
  choices: FormChoice[];
  /** Allowed values as typed (percent fields in percent); null where there is no limit. */
  min: number | null;
  max: number | null;
  step: number | 'any' | null;
}

const FORM_SPECS: readonly OptionSpec[] = (OPTIONS as readonly OptionSpec[]).filter((s) => s.section !== 'hidden');

export { FORM_FIELD_IDS };
export type { FormFieldId };

/** The rule and method that the form's current values mean (blank or unknown: the defaults). */
export function formBasis(values: FormValues): OptionBasis {
  return basisOf(values['abc-rule'] || undefined, values.xyz || undefined);
}

function placeholderOf(spec: OptionSpec, basis: OptionBasis): string {
  const d = optionDefault(spec, basis);
  if (d === null || typeof d === 'boolean' || spec.kind === 'choice') return '';
  return spec.kind === 'percent' ? fractionToPercent(d as number) : String(d);
}

function field(spec: OptionSpec, basis: OptionBasis): FormField {
  const range = optionRange(spec, basis);
  const percent = spec.kind === 'percent';
  const shown = (v: number | undefined) => (v === undefined ? null : percent ? Number(fractionToPercent(v)) : v);
  const base = {
    id: spec.name as FormFieldId,
    kind: spec.kind,
    section: spec.section as FormField['section'],
    label: t(optionLabel(spec, basis)),
    hint: spec.hint ? t(spec.hint) : null,
    placeholder: placeholderOf(spec, basis),
    min: shown(range?.min),
    max: shown(range?.max),
  };
  switch (spec.kind) {
    case 'choice': {
      const d = optionDefault(spec, basis) as string | null;
      const labelOf = (c: string) => t(spec.choiceLabels![c]);
      const choices = [{ value: '', label: d === null ? t(spec.blankLabel!) : labelOf(d) }];
      for (const c of spec.choices!) if (c !== d) choices.push({ value: c, label: labelOf(c) });
      return { ...base, control: 'select', type: 'text', inputMode: null, choices, min: null, max: null, step: null };
    }
    case 'percent':
      return { ...base, control: 'input', type: 'text', inputMode: 'decimal', choices: [], step: 'any' };
    case 'int':
      return { ...base, control: 'input', type: 'number', inputMode: 'numeric', choices: [], step: 1 };
    case 'number':
      return { ...base, control: 'input', type: 'number', inputMode: 'decimal', choices: [], step: 'any' };
    case 'date':
      return { ...base, control: 'input', type: 'date', inputMode: null, choices: [], step: null };
    case 'text':
      return { ...base, control: 'input', type: 'text', inputMode: null, choices: [], step: null };
    default:
      throw new Error(`option ${spec.name}: a ${spec.kind} option cannot be a form field`);
  }
}

/** The form's fields as they should look for the current values. */
export function formFields(values: FormValues = {}): FormField[] {
  const basis = formBasis(values);
  return FORM_SPECS.map((spec) => field(spec, basis));
}

/** The title of a form section ("Options", "Advanced options"). */
export function formSectionTitle(section: FormField['section']): string {
  return t(section === 'main' ? 'form.section.main' : 'form.section.advanced');
}

/** The free option-text field under the advanced options, for everything else. */
export function moreOptionsField(): { id: 'more'; label: string; hint: string; placeholder: string } {
  return { id: 'more', label: t('form.more'), hint: t('form.more.hint'), placeholder: t('form.more.placeholder') };
}

/**
 * The form as options for the core: each non-blank field read by the option-text rules (so a
 * percentage is read as everywhere else), then the "more options" text, which wins.
 */
export function optionsFromForm(values: FormValues, more = ''): PartialOptions {
  const out: PartialOptions = {};
  for (const id of FORM_FIELD_IDS) {
    const v = values[id];
    if (typeof v === 'string' && v.trim() !== '') setOptionFromText(out, id, v);
  }
  return more.trim() ? { ...out, ...parseOptionText(more) } : out;
}

// --- saved state -------------------------------------------------------------------------------

/** What a pane remembers of the option form (each pane adds its own column choices). */
export interface SavedForm {
  options: FormValues;
  /** The "more options" text. */
  extra: string;
}

const MAX_VALUE = 100;
const MAX_EXTRA = 2000;

/**
 * Saved field values, read defensively: anything an older version or a hand edit left there.
 * A field is found under its canonical name, an alias ("abc") or its SegmentOptions key — the
 * field ids of earlier task panes ("xyzMethod", "keyShare", "asOf"). Only strings of a sane length
 * without option-text separators are kept; a choice must be one of the field's choices, and the
 * default choice is kept as blank (blank means default).
 */
export function savedFormValues(raw: unknown): FormValues {
  const src = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: FormValues = {};
  for (const spec of FORM_SPECS) {
    const found = [spec.name, ...(spec.aliases ?? []), spec.key].map((n) => (Object.prototype.hasOwnProperty.call(src, n) ? src[n] : undefined)).find((v) => typeof v === 'string') as string | undefined;
    if (found === undefined || found.length > MAX_VALUE || /[;=\n\r]/.test(found)) continue;
    if (spec.kind === 'choice') {
      const v = found.trim().toLowerCase();
      if (v === '' || v === optionDefault(spec)) continue;
      if (spec.choices!.includes(v)) out[spec.name as FormFieldId] = v;
      continue;
    }
    out[spec.name as FormFieldId] = found;
  }
  return out;
}

/** A saved form: `{ options, extra }`, or an earlier task pane's `{ fields }`. */
export function readSavedForm(raw: unknown): SavedForm {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const options = savedFormValues(r.options && typeof r.options === 'object' ? r.options : r.fields);
  return { options, extra: typeof r.extra === 'string' ? r.extra.slice(0, MAX_EXTRA) : '' };
}
