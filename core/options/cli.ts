// The command line's side of the vocabulary: one flag per option (its canonical name, so
// "--key-share 50" is "key-share=50" in the option text) and one --help line per option.

import { t } from '../messages';
import { fractionToPercent } from './percent';
import { COLUMN_ROLES, DEFAULT_BASIS, OPTIONS, optionDefault, optionLabel, optionRange, optionSpec, type OptionSpec } from './vocabulary';

/** Every option flag and whether it takes a value (aliases are option-text names only). */
export const OPTION_FLAGS: readonly { name: string; boolean: boolean }[] = (OPTIONS as readonly OptionSpec[]).map((s) => ({ name: s.name, boolean: s.kind === 'bool' }));

/** The column flags: one per column role ("--customer Client", "--amount C"). */
export const COLUMN_FLAGS: readonly string[] = COLUMN_ROLES;

function valueSyntax(spec: OptionSpec): string {
  const range = optionRange(spec);
  switch (spec.kind) {
    case 'choice': return spec.choices!.join('|');
    case 'percent': return '%';
    case 'int': return spec.integer && range ? `${range.min}..${range.max}` : 'N';
    case 'number': return 'N';
    case 'date': return 'YYYY-MM-DD';
    case 'bool': return '';
    default: return '…';
  }
}

function shown(spec: OptionSpec, v: unknown): string {
  return spec.kind === 'percent' && typeof v === 'number' ? fractionToPercent(v) : String(v);
}

/** "default 80; count: 20" — with the values it takes under the other choices it depends on. */
function defaultText(spec: OptionSpec): string {
  const d = optionDefault(spec);
  if (typeof d === 'boolean') return '';
  if (d === null) return spec.blankLabel ? t('form.cli.default', { value: t(spec.blankLabel).toLowerCase() }) : '';
  const parts = [t('form.cli.default', { value: shown(spec, d) })];
  const dep = spec.dependsOn ? optionSpec(spec.dependsOn) : undefined;
  for (const choice of dep?.choices ?? []) {
    const v = optionDefault(spec, { ...DEFAULT_BASIS, [dep!.key]: choice });
    if (v !== d) parts.push(t('form.cli.dependent', { choice, value: shown(spec, v) }));
  }
  return parts.join('; ');
}

/** One line per option: "  --a %          A up to (%) (default 80; count: 20)". */
export function optionHelpLines(width = 40): string[] {
  return (OPTIONS as readonly OptionSpec[]).map((spec) => {
    const flag = `  --${spec.name}${spec.kind === 'bool' ? '' : ` ${valueSyntax(spec)}`}`;
    const def = defaultText(spec);
    const text = `${t(optionLabel(spec))}${def ? ` (${def})` : ''}${spec.hint ? ` — ${t(spec.hint)}` : ''}`;
    return flag.length + 2 > width ? `${flag}\n${' '.repeat(width)}${text}` : `${flag.padEnd(width)}${text}`;
  });
}
