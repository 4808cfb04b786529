// Option text: "metric=profit; a=70; b=90; period=quarter; xyz=cv; customer=Client" — the one
// syntax of the custom functions, the sidebar and the command line (each flag is one name=value).
// Thresholds and shares are percentages (a=80 means 80 %), read by the one percent rule.

import { AbcxyzError, t } from '../messages';
import { parseIsoDay } from '../basics/dates';
import type { PartialOptions, SegmentOptions } from '../types';
import { checkChoice, fail } from './check';
import { numberFromText, percentToFraction } from './percent';
import { COLUMN_ROLES, OPTIONS, optionSpec, type OptionKind } from './vocabulary';

interface TextOption { key: keyof SegmentOptions; kind: OptionKind; choices?: string[] }

/** Every option by each name the option text accepts (aliases first), from the vocabulary. */
export const OPTION_TEXT: Record<string, TextOption> = Object.fromEntries(
  OPTIONS.flatMap((spec) => {
    const entry: TextOption = { key: spec.key, kind: spec.kind, ...('choices' in spec ? { choices: [...spec.choices] } : {}) };
    return [...('aliases' in spec ? spec.aliases : []), spec.name].map((name) => [name, entry]);
  }),
);

/** Normalise a name: "asOf", "as_of", "As-Of" → "as-of". */
export function optionName(name: string): string {
  return name.trim().replace(/([a-z])([A-Z])/g, '$1-$2').replace(/[_\s]+/g, '-').toLowerCase();
}

/**
 * Read one option given as text (flag value or option-text part) into `into`.
 * Column roles (customer=Client) go to `into.columns`.
 */
export function setOptionFromText(into: PartialOptions, rawName: string, rawValue: string): void {
  const name = optionName(rawName);
  const value = rawValue.trim();
  if ((COLUMN_ROLES as readonly string[]).includes(name)) {
    into.columns = { ...(into.columns ?? {}), [name]: value };
    return;
  }
  const spec = optionSpec(name);
  if (!spec) {
    throw new AbcxyzError(t('err.optionUnknown', { name: rawName.trim(), known: [...Object.keys(OPTION_TEXT), ...COLUMN_ROLES].join(', ') }));
  }
  const target = into as Record<string, unknown>;
  const num = () => {
    const n = numberFromText(value);
    if (n === null) fail(name, t('opt.number', { value }));
    return n;
  };
  switch (spec.kind) {
    case 'choice': {
      const v = value.toLowerCase();
      checkChoice(name, v, spec.choices!);
      target[spec.key] = v;
      return;
    }
    case 'percent': {
      const fraction = percentToFraction(value);
      if (fraction === null) fail(name, t('opt.number', { value }));
      target[spec.key] = fraction;
      return;
    }
    case 'int':
    case 'number':
      target[spec.key] = num();
      return;
    case 'date':
      if (parseIsoDay(value) === null) fail(name, t('opt.date', { value }));
      target[spec.key] = value;
      return;
    case 'bool':
      target[spec.key] = value === '' || /^(true|yes|1|on)$/i.test(value);
      return;
    default:
      target[spec.key] = value;
  }
}

/** Parse "name=value; name=value" (semicolons or new lines) into partial options. */
export function parseOptionText(text: string | null | undefined): PartialOptions {
  const out: PartialOptions = {};
  if (text == null) return out;
  for (const part of String(text).split(/[;\n]/)) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      // a bare flag such as "case-sensitive"
      const spec = optionSpec(optionName(part));
      if (spec?.kind === 'bool') { setOptionFromText(out, part, 'true'); continue; }
      throw new AbcxyzError(t('err.optionSyntax', { part: part.trim() }));
    }
    setOptionFromText(out, part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}
