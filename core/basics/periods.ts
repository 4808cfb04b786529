// Periods: month, ISO week (Monday), quarter and year with a fiscal-year start month.
// A period is an integer index; consecutive periods differ by one, so series can be zero-filled.

import { civilFromDay, dayFromCivil } from './dates';
import type { PeriodKind } from '../types';

/** Index of the period that contains a day. */
export function periodOfDay(day: number, kind: PeriodKind, fiscalStart = 1): number {
  // 1970-01-01 was a Thursday, so Monday-based weeks start 3 days earlier
  if (kind === 'week') return Math.floor((day + 3) / 7);
  const [y, m] = civilFromDay(day);
  const month = y * 12 + (m - 1);
  if (kind === 'month') return month;
  const shifted = month - (fiscalStart - 1);
  return kind === 'quarter' ? Math.floor(shifted / 3) : Math.floor(shifted / 12);
}

/** Period index per day for a contiguous range of days: one calendar computation per distinct day. */
export function periodTable(minDay: number, maxDay: number, kind: PeriodKind, fiscalStart: number): Int32Array {
  const out = new Int32Array(Math.max(0, maxDay - minDay + 1));
  for (let d = minDay; d <= maxDay; d++) out[d - minDay] = periodOfDay(d, kind, fiscalStart);
  return out;
}

/** The first day of period p (the inverse of periodOfDay on the period's first day). */
export function periodFirstDay(p: number, kind: PeriodKind, fiscalStart = 1): number {
  if (kind === 'week') return p * 7 - 3; // Monday
  const month = kind === 'month' ? p : kind === 'quarter' ? p * 3 + (fiscalStart - 1) : p * 12 + (fiscalStart - 1);
  return dayFromCivil(Math.floor(month / 12), ((month % 12) + 12) % 12 + 1, 1);
}

/** The last day of period p. */
export function periodLastDay(p: number, kind: PeriodKind, fiscalStart = 1): number {
  return periodFirstDay(p + 1, kind, fiscalStart) - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fiscalName(startYear: number, fiscalStart: number): string {
  return fiscalStart === 1 ? String(startYear) : `FY${startYear}/${pad((startYear + 1) % 100)}`;
}

/** Human label of a period index: 2024-03, 2024-W05, 2024-Q1, FY2024/25-Q2, 2024, FY2024/25. */
export function periodLabel(p: number, kind: PeriodKind, fiscalStart = 1): string {
  switch (kind) {
    case 'month':
      return `${Math.floor(p / 12)}-${pad((p % 12 + 12) % 12 + 1)}`;
    case 'week': {
      const thursday = p * 7; // Monday is p * 7 - 3
      const [y] = civilFromDay(thursday);
      const week = Math.floor((thursday - dayFromCivil(y, 1, 1)) / 7) + 1;
      return `${y}-W${pad(week)}`;
    }
    case 'quarter': {
      const start = p * 3 + (fiscalStart - 1);
      const fy = Math.floor((p * 3) / 12);
      const q = ((p % 4) + 4) % 4 + 1;
      return fiscalStart === 1 ? `${Math.floor(start / 12)}-Q${q}` : `${fiscalName(fy, fiscalStart)}-Q${q}`;
    }
    default:
      return fiscalName(p, fiscalStart);
  }
}
