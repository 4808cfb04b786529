// The option vocabulary: every option the analyst can set, once. Its canonical name is the one of
// the option text and the command line ("key-share"); from here come the SegmentOptions key, the
// kind of value, the choices, the default (a/b follow the ABC rule, x/y the XYZ method), the range,
// the label and hint in the message catalogue, and the section of the option forms it belongs to.
// The option text, the command-line flags and --help, resolveOptions and both panes' forms are
// all read from this table.
// Imports types only: the sidebar's browser bundle and its server-call types read this file.

import type { MessageKey } from '../messages';
import type { ColumnRole, SegmentOptions } from '../types';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'customer', 'date', 'amount', 'profit', 'quantity', 'price',
  'image', 'expert', 'budget', 'need', 'solvency', 'authority', 'dimension',
  'doc-type', 'order', 'line-amount', 'currency-column', 'discount', 'year', 'month', 'week',
];

/** How a typed value is read: a percent becomes a fraction ("80" → 0.8), see percent.ts. */
export type OptionKind = 'choice' | 'percent' | 'int' | 'number' | 'date' | 'bool' | 'text';
/** Where the option forms show it: always, under "Advanced", or only through option text. */
export type FormSection = 'main' | 'advanced' | 'hidden';
/** What a default, range or label may depend on: the ABC rule and the XYZ method in force. */
export interface OptionBasis {
  abcRule: SegmentOptions['abcRule'];
  xyzMethod: SegmentOptions['xyzMethod'];
}
type Dep<T> = T | ((basis: OptionBasis) => T);
export interface OptionRange { min: number; max: number }
export type OptionValue = string | number | boolean | null;

export interface OptionSpec {
  /** Canonical name: the option-text name and the command-line flag. */
  name: string;
  /** Further names the option text accepts ("abc" for "abc-rule"); not command-line flags. */
  aliases?: readonly string[];
  key: keyof SegmentOptions;
  kind: OptionKind;
  choices?: readonly string[];
  /** In SegmentOptions units (a percent as its fraction); null = decided from the data. */
  default: Dep<OptionValue>;
  /** The option (canonical name) whose value the default depends on. */
  dependsOn?: string;
  /** Allowed values in SegmentOptions units, checked by resolveOptions. */
  range?: Dep<OptionRange>;
  /** Whole numbers only. */
  integer?: boolean;
  label: Dep<MessageKey>;
  hint?: MessageKey;
  /** Label of each choice; `blank` labels the empty choice of an option whose default is null. */
  choiceLabels?: Readonly<Record<string, MessageKey>>;
  blankLabel?: MessageKey;
  section: FormSection;
}

/** Threshold defaults depend on the rule / method chosen. */
export function defaultAbc(rule: SegmentOptions['abcRule']): { a: number; b: number } {
  return rule === 'count' ? { a: 0.2, b: 0.5 } : { a: 0.8, b: 0.95 };
}
export function defaultXyz(method: SegmentOptions['xyzMethod']): { x: number; y: number } {
  return method === 'cv' ? { x: 0.1, y: 0.25 } : { x: 0.75, y: 0.3 };
}

const SHARE: OptionRange = { min: 0, max: 1 };
const LONG: OptionRange = { min: 0, max: 1e6 };
const xyzRange = (b: OptionBasis): OptionRange => (b.xyzMethod === 'cv' ? { min: 0, max: 1000 } : SHARE);

/** Every option, in the order the forms and --help show them. */
export const OPTIONS = [
  // --- main: always in view in the task pane and the sidebar
  {
    name: 'metric', key: 'metric', kind: 'choice', choices: ['revenue', 'profit'], default: 'revenue', section: 'main',
    label: 'form.metric', choiceLabels: { revenue: 'form.metric.revenue', profit: 'form.metric.profit' },
  },
  {
    name: 'period', key: 'period', kind: 'choice', choices: ['month', 'week', 'quarter', 'year'], default: 'month', section: 'main',
    label: 'form.period', choiceLabels: { month: 'form.period.month', week: 'form.period.week', quarter: 'form.period.quarter', year: 'form.period.year' },
  },
  {
    name: 'abc-rule', aliases: ['abc'], key: 'abcRule', kind: 'choice', choices: ['cumulative', 'crossing', 'count'], default: 'cumulative', section: 'main',
    label: 'form.abc-rule', choiceLabels: { cumulative: 'form.abc-rule.cumulative', crossing: 'form.abc-rule.crossing', count: 'form.abc-rule.count' },
  },
  { name: 'a', key: 'a', kind: 'percent', default: (b) => defaultAbc(b.abcRule).a, dependsOn: 'abc-rule', range: SHARE, section: 'main', label: 'form.a' },
  { name: 'b', key: 'b', kind: 'percent', default: (b) => defaultAbc(b.abcRule).b, dependsOn: 'abc-rule', range: SHARE, section: 'main', label: 'form.b' },
  {
    name: 'xyz', key: 'xyzMethod', kind: 'choice', choices: ['frequency', 'cv'], default: 'frequency', section: 'main',
    label: 'form.xyz', choiceLabels: { frequency: 'form.xyz.frequency', cv: 'form.xyz.cv' },
  },
  {
    name: 'x', key: 'x', kind: 'percent', default: (b) => defaultXyz(b.xyzMethod).x, dependsOn: 'xyz', range: xyzRange, section: 'main',
    label: (b) => (b.xyzMethod === 'cv' ? 'form.x.cv' : 'form.x.frequency'),
  },
  {
    name: 'y', key: 'y', kind: 'percent', default: (b) => defaultXyz(b.xyzMethod).y, dependsOn: 'xyz', range: xyzRange, section: 'main',
    label: (b) => (b.xyzMethod === 'cv' ? 'form.y.cv' : 'form.y.frequency'),
  },
  // --- advanced: behind "Advanced options"
  { name: 'key-share', key: 'keyShare', kind: 'percent', default: 0.5, range: SHARE, section: 'advanced', label: 'form.key-share' },
  { name: 'new-days', key: 'newDays', kind: 'int', default: 180, range: { min: 0, max: 100000 }, section: 'advanced', label: 'form.new-days' },
  { name: 'min-periods', key: 'minPeriods', kind: 'int', default: 3, range: { min: 1, max: 10000 }, section: 'advanced', label: 'form.min-periods' },
  { name: 'as-of', key: 'asOf', kind: 'date', default: null, section: 'advanced', label: 'form.as-of', hint: 'form.as-of.hint' },
  { name: 'from', key: 'from', kind: 'date', default: null, section: 'advanced', label: 'form.from', hint: 'form.from.hint' },
  { name: 'to', key: 'to', kind: 'date', default: null, section: 'advanced', label: 'form.to', hint: 'form.to.hint' },
  { name: 'fiscal-start', key: 'fiscalStart', kind: 'int', default: 1, range: { min: 1, max: 12 }, integer: true, section: 'advanced', label: 'form.fiscal-start' },
  {
    name: 'date-order', key: 'dateOrder', kind: 'choice', choices: ['dmy', 'mdy', 'ymd'], default: null, section: 'advanced',
    label: 'form.date-order', blankLabel: 'form.date-order.detect', choiceLabels: { dmy: 'form.date-order.dmy', mdy: 'form.date-order.mdy', ymd: 'form.date-order.ymd' },
  },
  // how the portfolio changes (SPEC §7, §8): 0 periods leaves the table out
  {
    name: 'dynamics-periods', key: 'dynamicsPeriods', kind: 'int', default: 12, range: { min: 0, max: 120 }, integer: true, section: 'advanced',
    label: 'form.dynamics-periods', hint: 'form.dynamics-periods.hint',
  },
  {
    name: 'compare-periods', key: 'comparePeriods', kind: 'int', default: 12, range: { min: 0, max: 1000 }, integer: true, section: 'advanced',
    label: 'form.compare-periods', hint: 'form.compare-periods.hint',
  },
  {
    name: 'sd', key: 'sd', kind: 'choice', choices: ['population', 'sample'], default: 'population', section: 'advanced',
    label: 'form.sd', choiceLabels: { population: 'form.sd.population', sample: 'form.sd.sample' },
  },
  // the BG/NBD model (SPEC §11): which rule gives the status, the thresholds on P(alive), the horizon
  {
    name: 'churn-model', key: 'churnModel', kind: 'choice', choices: ['gap', 'bgnbd'], default: 'gap', section: 'advanced',
    label: 'form.churn-model', hint: 'form.churn-model.hint', choiceLabels: { gap: 'form.churn-model.gap', bgnbd: 'form.churn-model.bgnbd' },
  },
  { name: 'lost-below', key: 'lostBelow', kind: 'percent', default: 0.25, range: SHARE, section: 'advanced', label: 'form.lost-below' },
  { name: 'risk-below', key: 'riskBelow', kind: 'percent', default: 0.5, range: SHARE, section: 'advanced', label: 'form.risk-below' },
  { name: 'horizon-days', key: 'horizonDays', kind: 'int', default: 90, range: { min: 1, max: 100000 }, integer: true, section: 'advanced', label: 'form.horizon-days' },
  // --- hidden: option text ("More options"), the custom functions and the command line only
  {
    name: 'decimal', key: 'decimal', kind: 'choice', choices: ['.', ','], default: null, section: 'hidden',
    label: 'form.decimal', blankLabel: 'form.decimal.detect', choiceLabels: { '.': 'form.decimal.point', ',': 'form.decimal.comma' },
  },
  { name: 'case-sensitive', key: 'caseSensitive', kind: 'bool', default: false, section: 'hidden', label: 'form.case-sensitive' },
  { name: 'financier-share', key: 'financierShare', kind: 'percent', default: 0.1, range: SHARE, section: 'hidden', label: 'form.financier-share' },
  { name: 'dependency-share', key: 'dependencyShare', kind: 'percent', default: 0.2, range: SHARE, section: 'hidden', label: 'form.dependency-share' },
  { name: 'lost-lapse', key: 'lostLapse', kind: 'number', default: 3, range: LONG, section: 'hidden', label: 'form.lost-lapse' },
  { name: 'lost-days', key: 'lostDays', kind: 'int', default: 60, range: LONG, section: 'hidden', label: 'form.lost-days' },
  { name: 'risk-lapse', key: 'riskLapse', kind: 'number', default: 2, range: LONG, section: 'hidden', label: 'form.risk-lapse' },
  { name: 'risk-days', key: 'riskDays', kind: 'int', default: 30, range: LONG, section: 'hidden', label: 'form.risk-days' },
  {
    name: 'bgnbd-unit', key: 'bgnbdUnit', kind: 'choice', choices: ['week', 'day'], default: 'week', section: 'hidden',
    label: 'form.bgnbd-unit', choiceLabels: { week: 'form.bgnbd-unit.week', day: 'form.bgnbd-unit.day' },
  },
  { name: 'date1904', key: 'date1904', kind: 'bool', default: false, section: 'hidden', label: 'form.date1904' },
  {
    name: 'header-row', key: 'headerRow', kind: 'int', default: null, range: { min: 1, max: 1e8 }, section: 'hidden',
    label: 'form.header-row', hint: 'form.header-row.hint',
  },
  // plausibility checks (core/read/plausibility)
  { name: 'currency', key: 'currency', kind: 'text', default: null, section: 'hidden', label: 'form.currency', hint: 'form.currency.hint' },
  {
    name: 'continuation', key: 'continuation', kind: 'choice', choices: ['auto', 'off'], default: 'auto', section: 'hidden',
    label: 'form.continuation', choiceLabels: { auto: 'form.continuation.auto', off: 'form.continuation.off' },
  },
] as const satisfies readonly OptionSpec[];

export type OptionName = (typeof OPTIONS)[number]['name'];
/** The options the forms show (main and advanced), by canonical name. */
export type FormFieldId = Extract<(typeof OPTIONS)[number], { section: 'main' | 'advanced' }>['name'];

const SPECS: readonly OptionSpec[] = OPTIONS;

/** The fields of the option forms (main, then advanced), by canonical name. */
export const FORM_FIELD_IDS: readonly FormFieldId[] = SPECS.filter((s) => s.section !== 'hidden').map((s) => s.name as FormFieldId);
const BY_NAME = new Map<string, OptionSpec>();
const BY_KEY = new Map<string, OptionSpec>();
for (const s of SPECS) {
  for (const n of [s.name, ...(s.aliases ?? [])]) BY_NAME.set(n, s);
  BY_KEY.set(s.key, s);
}

/** The option with this canonical name or alias (already normalised, see optionName). */
export function optionSpec(name: string): OptionSpec | undefined {
  return BY_NAME.get(name);
}

/** The option that sets this SegmentOptions key. */
export function optionSpecByKey(key: string): OptionSpec | undefined {
  return BY_KEY.get(key);
}

const CHOICE_DEFAULT = (key: 'abcRule' | 'xyzMethod') => BY_KEY.get(key)!.default as string;
/** The rule and method in force when nothing is chosen. */
export const DEFAULT_BASIS: OptionBasis = {
  abcRule: CHOICE_DEFAULT('abcRule') as OptionBasis['abcRule'],
  xyzMethod: CHOICE_DEFAULT('xyzMethod') as OptionBasis['xyzMethod'],
};

const at = <T>(v: Dep<T>, basis: OptionBasis): T => (typeof v === 'function' ? (v as (b: OptionBasis) => T)(basis) : v);

/** The default in SegmentOptions units (a percent as its fraction). */
export function optionDefault(spec: OptionSpec, basis: OptionBasis = DEFAULT_BASIS): OptionValue {
  return at(spec.default, basis);
}
export function optionRange(spec: OptionSpec, basis: OptionBasis = DEFAULT_BASIS): OptionRange | undefined {
  return spec.range === undefined ? undefined : at(spec.range, basis);
}
export function optionLabel(spec: OptionSpec, basis: OptionBasis = DEFAULT_BASIS): MessageKey {
  return at(spec.label, basis);
}

/** The basis named by the values of "abc-rule" and "xyz" (unknown or blank: the defaults). */
export function basisOf(abcRule: unknown, xyzMethod: unknown): OptionBasis {
  const pick = <T extends string>(name: string, v: unknown, fallback: T): T =>
    (typeof v === 'string' && (BY_NAME.get(name)!.choices ?? []).includes(v) ? v : fallback) as T;
  return { abcRule: pick('abc-rule', abcRule, DEFAULT_BASIS.abcRule), xyzMethod: pick('xyz', xyzMethod, DEFAULT_BASIS.xyzMethod) };
}
