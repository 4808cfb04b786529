// resolveOptions: the defaults filled in from the vocabulary, and every value checked — choices,
// ranges, whole numbers, the order of the thresholds (a < b, y < x or x < y), the window dates.
// Each error is a sentence naming the option.

import { t } from '../messages';
import { parseIsoDay } from '../basics/dates';
import type { PartialOptions, SegmentOptions } from '../types';
import { checkChoice, checkNumber, fail } from './check';
import { fractionToPercent } from './percent';
import { COLUMN_ROLES, OPTIONS, defaultAbc, defaultXyz, optionRange, optionSpecByKey, type OptionBasis } from './vocabulary';

type Fixed = Omit<SegmentOptions, 'a' | 'b' | 'x' | 'y'>;

/** Every default that does not depend on another option, and the settings that are no options. */
const BASE: Fixed = (() => {
  const base: Record<string, unknown> = { columns: {} };
  for (const spec of OPTIONS) if (typeof spec.default !== 'function') base[spec.key] = spec.default;
  return { ...base, firstRow: 1, dateObjectDay: null } as Fixed;
})();

const choicesOf = (key: keyof SegmentOptions): readonly string[] => optionSpecByKey(key)!.choices!;

/** Fill defaults and validate; throws AbcxyzError with a sentence naming the option. */
export function resolveOptions(partial: PartialOptions = {}): SegmentOptions {
  const merged = { ...BASE, ...stripUndefined(partial) } as SegmentOptions;
  for (const key of ['metric', 'abcRule', 'xyzMethod', 'sd', 'period', 'churnModel', 'bgnbdUnit'] as const) checkChoice(key, merged[key], choicesOf(key));
  for (const key of ['dateOrder', 'decimal'] as const) if (merged[key] !== null) checkChoice(key, merged[key], choicesOf(key));
  checkChoice('continuation', merged.continuation, choicesOf('continuation'));
  const basis: OptionBasis = { abcRule: merged.abcRule, xyzMethod: merged.xyzMethod };
  const check = (key: keyof SegmentOptions) => {
    const range = optionRange(optionSpecByKey(key)!, basis)!;
    checkNumber(key, merged[key] as number, range.min, range.max);
  };
  const abc = defaultAbc(merged.abcRule);
  const xyz = defaultXyz(merged.xyzMethod);
  merged.a = partial.a ?? abc.a;
  merged.b = partial.b ?? abc.b;
  merged.x = partial.x ?? xyz.x;
  merged.y = partial.y ?? xyz.y;
  const pct = fractionToPercent;
  check('a');
  check('b');
  if (!(merged.a > 0)) fail('a', t('opt.range', { min: '0 (exclusive)', max: 100, value: merged.a }));
  if (!(merged.a < merged.b)) fail('a', t('opt.order', { lower: 'a', lv: pct(merged.a), upper: 'b', uv: pct(merged.b) }));
  check('x');
  check('y');
  if (merged.xyzMethod === 'frequency') {
    if (!(merged.y < merged.x)) fail('y', t('opt.order', { lower: 'y', lv: pct(merged.y), upper: 'x', uv: pct(merged.x) }));
  } else if (!(merged.x < merged.y)) fail('x', t('opt.order', { lower: 'x', lv: pct(merged.x), upper: 'y', uv: pct(merged.y) }));
  check('fiscalStart');
  if (!Number.isInteger(merged.fiscalStart)) fail('fiscalStart', t('opt.number', { value: String(merged.fiscalStart) }));
  for (const key of ['minPeriods', 'keyShare', 'newDays', 'financierShare', 'dependencyShare', 'lostLapse', 'riskLapse', 'lostDays', 'riskDays'] as const) check(key);
  if (merged.riskLapse > merged.lostLapse) fail('riskLapse', t('opt.order', { lower: 'riskLapse', lv: merged.riskLapse, upper: 'lostLapse', uv: merged.lostLapse }));
  for (const key of ['dynamicsPeriods', 'comparePeriods'] as const) {
    check(key);
    if (!Number.isInteger(merged[key])) fail(key, t('opt.number', { value: String(merged[key]) }));
  }
  for (const key of ['lostBelow', 'riskBelow', 'horizonDays'] as const) check(key);
  if (!Number.isInteger(merged.horizonDays)) fail('horizonDays', t('opt.number', { value: String(merged.horizonDays) }));
  if (merged.lostBelow > merged.riskBelow) fail('lostBelow', t('opt.order', { lower: 'lostBelow', lv: pct(merged.lostBelow), upper: 'riskBelow', uv: pct(merged.riskBelow) }));
  checkNumber('firstRow', merged.firstRow, 1, 1e8);
  if (merged.headerRow !== null) {
    check('headerRow');
    if (!Number.isInteger(merged.headerRow)) fail('headerRow', t('opt.number', { value: String(merged.headerRow) }));
  }
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
    dateObjectDay: m.dateObjectDay, a: m.a, b: m.b, x: m.x, y: m.y, headerRow: m.headerRow,
    currency: m.currency, continuation: m.continuation, dynamicsPeriods: m.dynamicsPeriods, comparePeriods: m.comparePeriods,
    churnModel: m.churnModel, lostBelow: m.lostBelow, riskBelow: m.riskBelow, horizonDays: m.horizonDays, bgnbdUnit: m.bgnbdUnit,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
