// The report's customer table, derived from the customer field table: which fields, in which
// place, with which header, format and width, and how each value shows in a cell. Shared with the
// custom functions, so both show the same table.

import { CUSTOMER_FIELDS, type CustomerField, type CustomerReader } from '../result/customer-fields';
import { customersOf } from '../result/customer-list';
import { t } from '../messages';
import { archetypesLabel, dateCell, flagLabel, numberCell, statusLabel } from './labels';
import type { FormatKind, LayoutValue } from './layout-types';
import type { SegmentResult } from '../result/types';
import type { Archetype, Status } from '../types';

export interface Column<R> { key: string; header: string; format: FormatKind; width: number; value: (r: R) => LayoutValue }

/** The report cell of a field at position k, as a function of k (the kind's labelling chosen once per column). */
export function fieldCell(f: CustomerField, l: CustomerReader): (k: number) => LayoutValue {
  const read = (l[f.name] as (k: number) => unknown).bind(l);
  switch (f.kind) {
    case 'flag': return (k) => flagLabel(read(k) as boolean);
    case 'day': return (k) => dateCell(read(k) as number | null);
    case 'archetypes': return (k) => archetypesLabel(read(k) as readonly Archetype[]);
    case 'status': return (k) => { const v = read(k) as Status | null; return v === null ? null : statusLabel(v); };
    case 'class': {
      const note = l[(f as { noteField: 'abcNote' | 'xyzNote' }).noteField].bind(l);
      return (k) => (read(k) as string | null) ?? note(k);
    }
    default: return (k) => { const v = read(k); return typeof v === 'number' ? numberCell(v) : (v as LayoutValue); };
  }
}

/** The fields of the report's customer table, left to right (profit only when one was read). */
export function sheetFields(hasProfit: boolean): CustomerField[] {
  return CUSTOMER_FIELDS.filter((f) => f.sheet !== null && (hasProfit || !f.sheet.needsProfit))
    .sort((p, q) => p.sheet!.place - q.sheet!.place);
}

/** Columns of the customer table, each reading the result's customer list at a position (rank order). */
export function customerColumns(result: SegmentResult): Column<number>[] {
  const l = customersOf(result);
  return sheetFields(l.hasProfit).map((f) => ({
    key: f.name,
    header: t(f.sheet!.header),
    format: f.sheet!.format,
    width: f.sheet!.width,
    value: fieldCell(f, l),
  }));
}
