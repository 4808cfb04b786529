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

/** The report cell of a field at position k. */
export function fieldCell(f: CustomerField, l: CustomerReader, k: number): LayoutValue {
  const v = (l[f.name] as (k: number) => unknown)(k);
  switch (f.kind) {
    case 'flag': return flagLabel(v as boolean);
    case 'day': return dateCell(v as number | null);
    case 'archetypes': return archetypesLabel(v as readonly Archetype[]);
    case 'status': return v === null ? null : statusLabel(v as Status);
    case 'class': return (v as string | null) ?? (l[(f as { noteField: 'abcNote' | 'xyzNote' }).noteField])(k);
    default: return typeof v === 'number' ? numberCell(v) : (v as LayoutValue);
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
    value: (k: number) => fieldCell(f, l, k),
  }));
}
