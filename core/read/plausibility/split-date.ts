// Check: dates split into columns. Reports from BI tools and ERP period reports (SAP's fiscal
// "Year / Period", 1C's "Год / Месяц", pivot sources) write Year and Month (or Year and Week, or
// Year, Month and Day) instead of a date. Read as they are, the table has no date column and its
// Year column would be summed as one more period. With a Year column and a Month or Week column
// and no date column (or a "Day" column taken as the date beside Year and Month), the date of each
// row is built — the first day of its month, the Monday of its ISO week, or the day itself — as
// one more column of the table, read like any other date column, and a warning says so.

import { civilFromDay, dayFromCivil, isoFromDay, SERIAL_1970 } from '../../basics/dates';
import { columnLabel, foldHeader } from '../headers';
import { t } from '../../messages';
import { cellText, isBlank } from '../values';
import { columnOf } from '../row-cells';
import type { ColumnMapping, RawCell } from '../../types';

const DAY_WORDS = new Set(['day', 'tag', 'ημερα', 'день', 'jour', 'dia', 'dd'].map(foldHeader));

const MONTHS: readonly string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'ιανουάριος', 'ιανουαρίου', 'ιαν', 'январь', 'января', 'янв'],
  ['february', 'feb', 'februar', 'février', 'févr', 'fév', 'febrero', 'φεβρουάριος', 'φεβρουαρίου', 'φεβ', 'февраль', 'февраля', 'фев'],
  ['march', 'mar', 'märz', 'mär', 'mars', 'marzo', 'μάρτιος', 'μαρτίου', 'μαρ', 'март', 'марта'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'απρίλιος', 'απριλίου', 'απρ', 'апрель', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'μάιος', 'μαΐου', 'μαι', 'май', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'ιούνιος', 'ιουνίου', 'ιουν', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'ιούλιος', 'ιουλίου', 'ιουλ', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'août', 'agosto', 'ago', 'αύγουστος', 'αυγούστου', 'αυγ', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'σεπτέμβριος', 'σεπτεμβρίου', 'σεπ', 'сентябрь', 'сентября', 'сен'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'οκτώβριος', 'οκτωβρίου', 'οκτ', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'νοέμβριος', 'νοεμβρίου', 'νοε', 'ноябрь', 'ноября', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'δεκέμβριος', 'δεκεμβρίου', 'δεκ', 'декабрь', 'декабря', 'дек'],
];
const MONTH_BY_NAME = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [foldHeader(n), i + 1] as [string, number])));

export interface SplitDatePlan {
  year: number;
  /** The month or week column. */
  part: number;
  kind: 'month' | 'week';
  /** A day-of-month column, or -1. */
  day: number;
  /** Where the built date goes: one column past the header's last. */
  column: number;
  header: string;
  /** The mapping to read the table with: the date is the built column. */
  mapping: ColumnMapping[];
  warning: string;
}

/** The split-date layout of a header row, or null when the table has a date column of its own. */
export function splitDatePlan(mapping: ColumnMapping[], headers: readonly string[]): SplitDatePlan | null {
  const year = columnOf(mapping, 'year');
  const month = columnOf(mapping, 'month');
  const week = columnOf(mapping, 'week');
  const date = mapping.find((m) => m.role === 'date');
  if (year < 0 || (month < 0 && week < 0)) return null;
  let day = -1;
  if (date) {
    // a "Day" column taken as the date beside Year and Month is the day of the month
    if (month < 0 || date.source === 'option' || !DAY_WORDS.has(foldHeader(date.header))) return null;
    day = date.index;
  } else if (month >= 0) {
    const taken = new Set(mapping.map((m) => m.index));
    day = headers.findIndex((h, i) => !taken.has(i) && DAY_WORDS.has(foldHeader(h)));
  }
  const kind = month >= 0 ? 'month' : 'week';
  const part = month >= 0 ? month : week;
  const cols = [year, part, ...(day >= 0 ? [day] : [])];
  const header = cols.map((c) => headers[c] || columnLabel(c, '')).join(' + ');
  const column = headers.length;
  const rest = mapping.filter((m) => m.role !== 'date');
  const labels = cols.map((c) => columnLabel(c, headers[c])).join(', ');
  const warning = t(day >= 0 ? 'warn.splitDateDay' : kind === 'month' ? 'warn.splitDateMonth' : 'warn.splitDateWeek', { columns: labels, flag: '--date' });
  return { year, part, kind, day, column, header, mapping: [...rest, { role: 'date', index: column, header, source: 'header' }], warning };
}

function wholeOf(v: RawCell, min: number, max: number): number {
  const n = typeof v === 'number' ? v : /^\s*\d{1,4}\s*$/.test(cellText(v)) ? Number(cellText(v)) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : NaN;
}

/** A cell that holds a whole date (an Excel serial or a Date object, formatted to show its month or year). */
function civilOf(v: RawCell): [number, number, number] | null {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? [v.getFullYear(), v.getMonth() + 1, v.getDate()] : null;
  return typeof v === 'number' && Number.isInteger(v) && v >= 20000 && v <= 80000 ? civilFromDay(v - SERIAL_1970) : null;
}

function yearOf(v: RawCell): number {
  const c = civilOf(v);
  if (c) return c[0];
  const n = wholeOf(v, 1900, 2100);
  if (n === n) return n;
  const m = /^\s*(?:FY|GJ)?\s*(\d{4})\s*$/i.exec(cellText(v));
  return m ? wholeOf(m[1], 1900, 2100) : NaN;
}

/** A month cell: 3, "03", "März", "Μαρτίου", "2024-03", "03/2024", or a date shown as its month. */
export function monthOf(v: RawCell): number {
  const c = civilOf(v);
  if (c) return c[1];
  const n = wholeOf(v, 1, 12);
  if (n === n) return n;
  const s = cellText(v).trim();
  let m = /^\d{4}[-/.](\d{1,2})$/.exec(s) ?? /^(\d{1,2})[-/.]\d{4}$/.exec(s) ?? /^[MP](\d{1,2})$/i.exec(s);
  if (m) return wholeOf(m[1], 1, 12);
  m = /^\p{L}+/u.exec(s);
  return m ? MONTH_BY_NAME.get(foldHeader(m[0])) ?? NaN : NaN;
}

/** A week cell: 12, "KW 12", "W12", "2024-W12", "Week 12". */
export function weekOf(v: RawCell): number {
  const n = wholeOf(v, 1, 53);
  if (n === n) return n;
  const m = /(\d{1,2})\s*$/.exec(cellText(v));
  return m ? wholeOf(m[1], 1, 53) : NaN;
}

/** Monday of ISO week w of year y, or NaN when the year has no such week. */
export function isoWeekMonday(y: number, w: number): number {
  const jan4 = dayFromCivil(y, 1, 4);
  const weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1; // 1 = Monday (day 0, 1970-01-01, was a Thursday)
  const monday = jan4 - (weekday - 1) + 7 * (w - 1);
  return civilFromDay(monday + 3)[0] === y ? monday : NaN;
}

/** The built date of a row: ISO text, '' when its parts are empty, else the parts as written (not a date). */
export function splitDateCell(row: readonly RawCell[], plan: SplitDatePlan): string {
  const yv = row[plan.year];
  const pv = row[plan.part];
  const dv = plan.day >= 0 ? row[plan.day] : null;
  if (isBlank(yv) && isBlank(pv) && isBlank(dv)) return '';
  const y = yearOf(yv);
  let day = NaN;
  if (y === y) {
    if (plan.kind === 'week') {
      const w = weekOf(pv);
      if (w === w) day = isoWeekMonday(y, w);
    } else {
      const m = monthOf(pv);
      const d = plan.day >= 0 ? wholeOf(dv, 1, 31) : 1;
      if (m === m && d === d) {
        const x = dayFromCivil(y, m, d);
        const [cy, cm] = civilFromDay(x);
        if (cy === y && cm === m) day = x;
      }
    }
  }
  if (day === day) return isoFromDay(day);
  return [yv, pv, ...(plan.day >= 0 ? [dv] : [])].map((v) => cellText(v).trim()).join(' + ');
}

/** Rows of a split-date table with their built date in the plan's column (a copy: the caller may reuse its row). */
export class SplitDate {
  constructor(readonly plan: SplitDatePlan) {}

  row(cells: readonly RawCell[]): RawCell[] {
    const out = Array.from(cells);
    out[this.plan.column] = splitDateCell(cells, this.plan);
    return out;
  }
}
