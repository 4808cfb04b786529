// Options: defaults, validation, and the one option-text syntax shared by the command line,
// the Excel custom functions and the Sheets custom functions ("metric=profit; a=70; period=quarter").

import { AbcxyzError, t } from '../messages';
import { parseIsoDay } from '../basics/dates';
import type { ColumnRole, PartialOptions, SegmentOptions } from '../types';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'customer', 'date', 'amount', 'profit', 'quantity', 'price',
  'image', 'expert', 'budget', 'need', 'solvency', 'authority',
];

const BASE: Omit<SegmentOptions, 'a' | 'b' | 'x' | 'y'> = {
  columns: {},
  metric: 'revenue',
  abcRule: 'cumulative',
  xyzMethod: 'frequency',
  sd: 'population',
  period: 'month',
  fiscalStart: 1,
  from: null,
  to: null,
  asOf: null,
  minPeriods: 3,
  keyShare: 0.5,
  newDays: 180,
  financierShare: 0.1,
  dependencyShare: 0.2,
  lostLapse: 3,
  lostDays: 60,
  riskLapse: 2,
  riskDays: 30,
  dateOrder: null,
  decimal: null,
  caseSensitive: false,
  date1904: false,
  firstRow: 1,
  dateObjectDay: null,
};

/** Threshold defaults depend on the rule / method chosen. */
export function defaultAbc(rule: SegmentOptions['abcRule']): { a: number; b: number } {
  return rule === 'count' ? { a: 0.2, b: 0.5 } : { a: 0.8, b: 0.95 };
}
export function defaultXyz(method: SegmentOptions['xyzMethod']): { x: number; y: number } {
  return method === 'cv' ? { x: 0.1, y: 0.25 } : { x: 0.75, y: 0.3 };
}

function fail(name: string, problem: string): never {
  throw new AbcxyzError(t('err.option', { name, problem }));
}

function checkChoice(name: string, value: unknown, choices: readonly string[]): void {
  if (!choices.includes(value as string)) fail(name, t('opt.choice', { choices: choices.join(', '), value: String(value) }));
}

function checkNumber(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, t('opt.number', { value: String(value) }));
  if (value < min || value > max) fail(name, t('opt.range', { min, max, value }));
}

const pct = (v: number) => `${+(v * 100).toFixed(6)}`;

/** Fill defaults and validate; throws AbcxyzError with a sentence naming the option. */
export function resolveOptions(partial: PartialOptions = {}): SegmentOptions {
  const merged = { ...BASE, ...stripUndefined(partial) } as SegmentOptions;
  checkChoice('metric', merged.metric, ['revenue', 'profit']);
  checkChoice('abcRule', merged.abcRule, ['cumulative', 'crossing', 'count']);
  checkChoice('xyzMethod', merged.xyzMethod, ['frequency', 'cv']);
  checkChoice('sd', merged.sd, ['population', 'sample']);
  checkChoice('period', merged.period, ['month', 'week', 'quarter', 'year']);
  if (merged.dateOrder !== null) checkChoice('dateOrder', merged.dateOrder, ['dmy', 'mdy', 'ymd']);
  if (merged.decimal !== null) checkChoice('decimal', merged.decimal, ['.', ',']);
  const abc = defaultAbc(merged.abcRule);
  const xyz = defaultXyz(merged.xyzMethod);
  merged.a = partial.a ?? abc.a;
  merged.b = partial.b ?? abc.b;
  merged.x = partial.x ?? xyz.x;
  merged.y = partial.y ?? xyz.y;
  checkNumber('a', merged.a, 0, 1);
  checkNumber('b', merged.b, 0, 1);
  if (!(merged.a > 0)) fail('a', t('opt.range', { min: '0 (exclusive)', max: 100, value: merged.a }));
  if (!(merged.a < merged.b)) fail('a', t('opt.order', { lower: 'a', lv: pct(merged.a), upper: 'b', uv: pct(merged.b) }));
  if (merged.xyzMethod === 'frequency') {
    checkNumber('x', merged.x, 0, 1);
    checkNumber('y', merged.y, 0, 1);
    if (!(merged.y < merged.x)) fail('y', t('opt.order', { lower: 'y', lv: pct(merged.y), upper: 'x', uv: pct(merged.x) }));
  } else {
    checkNumber('x', merged.x, 0, 1000);
    checkNumber('y', merged.y, 0, 1000);
    if (!(merged.x < merged.y)) fail('x', t('opt.order', { lower: 'x', lv: pct(merged.x), upper: 'y', uv: pct(merged.y) }));
  }
  checkNumber('fiscalStart', merged.fiscalStart, 1, 12);
  if (!Number.isInteger(merged.fiscalStart)) fail('fiscalStart', t('opt.number', { value: String(merged.fiscalStart) }));
  checkNumber('minPeriods', merged.minPeriods, 1, 10000);
  checkNumber('keyShare', merged.keyShare, 0, 1);
  checkNumber('newDays', merged.newDays, 0, 100000);
  checkNumber('financierShare', merged.financierShare, 0, 1);
  checkNumber('dependencyShare', merged.dependencyShare, 0, 1);
  checkNumber('lostLapse', merged.lostLapse, 0, 1e6);
  checkNumber('riskLapse', merged.riskLapse, 0, 1e6);
  checkNumber('lostDays', merged.lostDays, 0, 1e6);
  checkNumber('riskDays', merged.riskDays, 0, 1e6);
  if (merged.riskLapse > merged.lostLapse) fail('riskLapse', t('opt.order', { lower: 'riskLapse', lv: merged.riskLapse, upper: 'lostLapse', uv: merged.lostLapse }));
  checkNumber('firstRow', merged.firstRow, 1, 1e8);
  for (const k of ['from', 'to', 'asOf'] as const) {
    const v = merged[k];
    if (v !== null && parseIsoDay(v) === null) fail(k, t('opt.date', { value: String(v) }));
  }
  if (merged.from && merged.to && parseIsoDay(merged.from)! > parseIsoDay(merged.to)!) {
    fail('from', t('opt.fromTo', { from: merged.from, to: merged.to }));
  }
  if (merged.from && merged.asOf && parseIsoDay(merged.asOf)! < parseIsoDay(merged.from)!) {
    fail('asOf', t('opt.asOfFrom', { asOf: merged.asOf, from: merged.from }));
  }
  for (const role of Object.keys(merged.columns)) checkChoice('columns', role, COLUMN_ROLES);
  return settled(merged);
}

/**
 * The options as one object literal. Built by a spread and later assignments, an options object
 * gets a shape that a full garbage collection may drop and make anew; every function that reads
 * the options then meets a new shape and falls back to the interpreter (at 1e6 rows, several runs
 * in a row ran half as fast again). A literal's shape lives as long as the literal.
 */
function settled(m: SegmentOptions): SegmentOptions {
  // in the order the options always had (the defaults' order, then the thresholds)
  return {
    columns: m.columns, metric: m.metric, abcRule: m.abcRule, xyzMethod: m.xyzMethod, sd: m.sd,
    period: m.period, fiscalStart: m.fiscalStart, from: m.from, to: m.to, asOf: m.asOf,
    minPeriods: m.minPeriods, keyShare: m.keyShare, newDays: m.newDays,
    financierShare: m.financierShare, dependencyShare: m.dependencyShare, lostLapse: m.lostLapse,
    lostDays: m.lostDays, riskLapse: m.riskLapse, riskDays: m.riskDays, dateOrder: m.dateOrder,
    decimal: m.decimal, caseSensitive: m.caseSensitive, date1904: m.date1904, firstRow: m.firstRow,
    dateObjectDay: m.dateObjectDay, a: m.a, b: m.b, x: m.x, y: m.y,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Option text: "metric=profit; a=70; b=90; period=quarter; xyz=cv; customer=Client"
// Thresholds and shares are percentages, as on the command line (a=80 means 80 %).

type Kind = 'choice' | 'percent' | 'int' | 'number' | 'date' | 'bool' | 'text';
interface TextOption { key: keyof SegmentOptions; kind: Kind; choices?: string[] }

/** Every option by its short name; the command line flags use the same names. */
export const OPTION_TEXT: Record<string, TextOption> = {
  metric: { key: 'metric', kind: 'choice', choices: ['revenue', 'profit'] },
  abc: { key: 'abcRule', kind: 'choice', choices: ['cumulative', 'crossing', 'count'] },
  'abc-rule': { key: 'abcRule', kind: 'choice', choices: ['cumulative', 'crossing', 'count'] },
  a: { key: 'a', kind: 'percent' },
  b: { key: 'b', kind: 'percent' },
  xyz: { key: 'xyzMethod', kind: 'choice', choices: ['frequency', 'cv'] },
  x: { key: 'x', kind: 'percent' },
  y: { key: 'y', kind: 'percent' },
  sd: { key: 'sd', kind: 'choice', choices: ['population', 'sample'] },
  period: { key: 'period', kind: 'choice', choices: ['month', 'week', 'quarter', 'year'] },
  'fiscal-start': { key: 'fiscalStart', kind: 'int' },
  from: { key: 'from', kind: 'date' },
  to: { key: 'to', kind: 'date' },
  'as-of': { key: 'asOf', kind: 'date' },
  'min-periods': { key: 'minPeriods', kind: 'int' },
  'key-share': { key: 'keyShare', kind: 'percent' },
  'new-days': { key: 'newDays', kind: 'int' },
  'financier-share': { key: 'financierShare', kind: 'percent' },
  'dependency-share': { key: 'dependencyShare', kind: 'percent' },
  'lost-lapse': { key: 'lostLapse', kind: 'number' },
  'lost-days': { key: 'lostDays', kind: 'int' },
  'risk-lapse': { key: 'riskLapse', kind: 'number' },
  'risk-days': { key: 'riskDays', kind: 'int' },
  'date-order': { key: 'dateOrder', kind: 'choice', choices: ['dmy', 'mdy', 'ymd'] },
  decimal: { key: 'decimal', kind: 'choice', choices: ['.', ','] },
  'case-sensitive': { key: 'caseSensitive', kind: 'bool' },
  date1904: { key: 'date1904', kind: 'bool' },
};

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
  const spec = OPTION_TEXT[name];
  if (!spec) {
    throw new AbcxyzError(t('err.optionUnknown', { name: rawName.trim(), known: [...Object.keys(OPTION_TEXT), ...COLUMN_ROLES].join(', ') }));
  }
  const target = into as Record<string, unknown>;
  const num = () => {
    const n = Number(value.replace(/%$/, ''));
    if (value === '' || !Number.isFinite(n)) fail(name, t('opt.number', { value }));
    return n;
  };
  switch (spec.kind) {
    case 'choice': {
      const v = value.toLowerCase();
      checkChoice(name, v, spec.choices!);
      target[spec.key] = v;
      return;
    }
    case 'percent':
      target[spec.key] = num() / 100;
      return;
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
      const spec = OPTION_TEXT[optionName(part)];
      if (spec?.kind === 'bool') { setOptionFromText(out, part, 'true'); continue; }
      throw new AbcxyzError(t('err.optionSyntax', { part: part.trim() }));
    }
    setOptionFromText(out, part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}
