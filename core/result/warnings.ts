// The warnings of a run about the result as a whole (the reader adds its own about the rows).

import { t } from '../messages';
import type { SegmentOptions } from '../types';

export interface WarningFacts {
  readerWarnings: readonly string[];
  profitMissing: boolean;
  rowsUsed: number;
  ranked: number;
  /** Customers with net ≤ 0 (listed, not classified). */
  netLe: number;
  /** Customers with too short a history for XYZ. */
  tooNew: number;
  xyzCount: number;
  mostlyZ: number;
  metricName: 'revenue' | 'profit';
  /** Whether the financier basis is profit. */
  profitBasis: boolean;
  /** Customers with a dependency risk, by their share of the basis. */
  risky: readonly { name: string; share: number }[];
  /** Why class migration is left out (SPEC §8), or null. */
  migration: string | null;
  /** Why there is no BG/NBD model, when there is none (SPEC §11). */
  bgnbd?: string | null;
}

export function runWarnings(f: WarningFacts, o: SegmentOptions): string[] {
  const metricText = t(`metric.${f.metricName}`);
  // one literal list, no push: pushing the first text onto a list that started empty changes its
  // kind of elements, and that sent the whole analysis back to the interpreter run after run
  return [
    ...f.readerWarnings,
    f.profitMissing ? t('warn.profitMissing') : null,
    f.rowsUsed === 0 ? t('warn.noRows')
      : f.ranked === 0 ? t('warn.noPositive', { metric: metricText })
        : f.netLe > 0 ? t('warn.negativeRemoved', { count: f.netLe, metric: metricText }) : null,
    f.tooNew > 0 ? t('warn.tooNew', { count: f.tooNew, min: o.minPeriods }) : null,
    f.xyzCount > 0 && f.mostlyZ / f.xyzCount > 0.8
      ? t('warn.mostlyZ', { share: `${Math.round((f.mostlyZ / f.xyzCount) * 100)} %`, other: o.xyzMethod === 'cv' ? 'frequency' : 'cv' }) : null,
    ...f.risky.slice(0, 5).map((r) => t('warn.dependency', { customer: r.name, share: `${(r.share * 100).toFixed(1)} %`, metric: t(f.profitBasis ? 'metric.profit' : 'metric.revenue') })),
    f.migration,
    f.bgnbd ?? null,
  ].filter((w): w is string => w !== null);
}
