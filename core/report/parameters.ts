// The parameters block: what was computed, with which rules — so a report can be re-checked by hand.

import { isoFromDay } from '../basics/dates';
import { t, type MessageKey } from '../messages';
import type { LayoutValue } from './layout-types';
import type { SegmentResult } from '../result/types';

/** A share as the parameters state it: "80 %", up to four decimals. */
export const percentText = (v: number): string => `${+(v * 100).toFixed(4)} %`;
/** Numbers inside parameter texts; the cells themselves hold numbers with number formats. */
const amountText = (v: number | null): string => (v === null ? t('p.noValue') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));

const RULE_KEY: Record<string, MessageKey> = { cumulative: 'p.rule.cumulative', crossing: 'p.rule.crossing', count: 'p.rule.count' };
const PERIOD_KEY: Record<string, MessageKey> = { month: 'p.period.month', week: 'p.period.week', quarter: 'p.period.quarter', year: 'p.period.year' };

/** The shown warnings: the first six, then how many more. */
export function shownWarnings(warnings: readonly string[]): string[] {
  const shown = warnings.slice(0, 6);
  if (warnings.length > shown.length) shown.push(t('p.moreWarnings', { count: warnings.length - shown.length }));
  return shown;
}

/** The parameters block; `notes` (what the layout shortened to fit the host) come first among the warnings. */
export function parameterRows(r: SegmentResult, notes: readonly string[] = []): LayoutValue[][] {
  const o = r.options;
  const abcRule = t(RULE_KEY[o.abcRule], { a: percentText(o.a), b: percentText(o.b) });
  const xyzRule = o.xyzMethod === 'cv'
    ? t('p.xyz.cv', { sd: t(o.sd === 'sample' ? 'p.sd.sample' : 'p.sd.population'), x: percentText(o.x), y: percentText(o.y) })
    : t('p.xyz.frequency', { x: percentText(o.x), y: percentText(o.y) });
  const periodName = t(PERIOD_KEY[o.period]);
  const fiscal = (o.period === 'quarter' || o.period === 'year') && o.fiscalStart !== 1;
  const rows: LayoutValue[][] = [
    [t('p.asOf'), r.asOf === null ? t('p.noValue') : isoFromDay(r.asOf)],
    [t('p.window'), r.windowStart === null
      ? t('p.windowPeriods', { count: r.periodLabels.length })
      : t('p.windowDays', { from: isoFromDay(r.windowStart), to: isoFromDay(r.windowEnd!) })],
    [t('p.period'), fiscal ? t('p.fiscalStart', { period: periodName, month: o.fiscalStart }) : periodName],
    [t('p.metric'), t(o.metric === 'profit' ? 'metric.profit' : 'metric.revenue')],
    [t('p.abcRule'), abcRule],
    [t('p.cutoffs'), t('p.cutoffValues', { a: amountText(r.cutoffs.a), b: amountText(r.cutoffs.b) })],
    [t('p.xyzMethod'), xyzRule],
    [t('p.minPeriods'), String(o.minPeriods)],
    [t('p.lifecycle'), t('p.lifecycleRule', { lostLapse: o.lostLapse, lostDays: o.lostDays, riskLapse: o.riskLapse, riskDays: o.riskDays, newDays: o.newDays })],
    ...bgnbdRows(r),
    [t('p.headerRow'), String(r.headerRow)],
    [t('p.rows'), t('p.rowCounts', { read: r.totals.rowsRead, used: r.totals.rowsUsed, skipped: r.totals.rowsSkipped })],
    [t('p.customers'), t('p.customerCounts', { customers: r.totals.customers, classified: r.totals.classified })],
    [t('p.keyShare'), t('p.keyAccounts', { count: r.totals.keyAccounts, share: percentText(r.totals.keyAccountShare) })],
  ];
  const shown = shownWarnings(notes.length ? [...notes, ...r.warnings] : r.warnings);
  if (shown.length === 0) rows.push([t('p.warnings'), t('p.none')]);
  shown.forEach((w, i) => rows.push([i === 0 ? t('p.warnings') : '', w]));
  return rows;
}

/** Four significant digits at least, as the literature quotes the BG/NBD parameters (r = 0.2426). */
const parameterText = (v: number): string => (Number.isFinite(v) ? String(+v.toPrecision(5)) : t('p.noValue'));

/**
 * The BG/NBD rows (SPEC §11): the status rule in force, the fitted model — r, α, a, b, the
 * log-likelihood and the customers it was fitted on — and the horizon of the expected purchases.
 * Only for input with dates (the model needs transaction days).
 */
function bgnbdRows(r: SegmentResult): LayoutValue[][] {
  if (r.asOf === null) return [];
  const o = r.options;
  const m = r.bgnbd;
  const churn = o.churnModel === 'bgnbd'
    ? t('p.churn.bgnbd', { lost: percentText(o.lostBelow), risk: percentText(o.riskBelow), newDays: o.newDays })
    : t('p.churn.gap');
  const fit = !m ? t('p.bgnbdNone')
    : !m.converged ? t('p.bgnbdNotConverged')
      : t('p.bgnbdFit', {
        r: parameterText(m.r), alpha: parameterText(m.alpha), a: parameterText(m.a), b: parameterText(m.b),
        ll: m.logLikelihood.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), customers: m.customers, repeaters: m.repeaters,
      });
  return [
    [t('p.churnModel'), churn],
    [t('p.bgnbd', { unit: t(o.bgnbdUnit === 'day' ? 'p.unit.day' : 'p.unit.week') }), fit],
    [t('p.horizon'), t('p.horizonDays', { days: o.horizonDays })],
  ];
}
