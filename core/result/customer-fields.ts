// The one table of customer fields. Each field says how it reads from the customer columns, how it
// shows in the report's customer table (header, number format, width, place, what shows for
// null) and whether it belongs to the JSON / CSV contract. The customer objects, the readers by
// position, the report's columns, the custom function's table and the CSV / JSON records are all
// derived from it: adding a field means adding it here and to the rule that computes it.

import { t, type MessageKey } from '../messages';
import { ARCHETYPE_BITS } from '../rules/archetypes';
import { STATUS_CODES } from '../rules/lifecycle';
import { SEGMENTS } from '../rules/segments';
import { XYZ_CODES } from '../rules/xyz';
import type { CustomerColumns } from './customer-columns';
import type { FormatKind } from '../report/layout-types';
import type { Archetype } from '../types';

/**
 * How a value shows, beyond its number format: 'value' as it is; 'flag' yes / (blank) in the
 * report, a boolean in JSON; 'day' a date serial in the report, ISO text in JSON; 'archetypes' the
 * translated names; 'status' the translated status; 'class' the class, or its note when it has none.
 */
export type FieldKind = 'value' | 'flag' | 'day' | 'archetypes' | 'status' | 'class';

export interface SheetColumn {
  header: MessageKey;
  format: FormatKind;
  /** Width in characters. */
  width: number;
  /** Place from the left in the report's customer table. */
  place: number;
  /** Only when a profit column was read. */
  needsProfit?: boolean;
}

interface FieldSpec<N extends string, T> {
  name: N;
  kind: FieldKind;
  read: (c: CustomerColumns, i: number) => T;
  /** In the JSON and CSV contract (the CSV has the JSON's field names and order). */
  json: boolean;
  /** A column of the report's customer table, or null. */
  sheet: SheetColumn | null;
  /** For kind 'class': the field whose text the report shows when the value is null (why it is). */
  noteField?: string;
}

const field = <const N extends string, T>(spec: FieldSpec<N, T>): FieldSpec<N, T> => spec;
const orNull = (x: number): number | null => (x === x ? x : null);
const ranked = (c: CustomerColumns, i: number) => c.cls[i] !== null;

/** Why a customer has no ABC class, as shown. */
export const abcNote = (c: CustomerColumns, i: number): string | null => (ranked(c, i) ? null : t('note.net'));
/** Why a customer has no XYZ class, as shown (note codes of rules/xyz.ts). */
const XYZ_NOTE_KEYS: readonly (MessageKey | null)[] = [null, 'note.net', 'note.tooNew', 'note.mean'];
export const xyzNote = (c: CustomerColumns, i: number): string | null => { const k = XYZ_NOTE_KEYS[c.xyzNote[i]]; return k ? t(k) : null; };

/**
 * Every list of archetypes, by its bits: shared and frozen, so a customer's list costs nothing to
 * hand out (and no caller can change it for all).
 */
const ARCHETYPE_LISTS: readonly (readonly Archetype[])[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze(ARCHETYPE_BITS.filter((_, k) => bits & (1 << k))));

export const CUSTOMER_FIELDS = [
  field({ name: 'rank', kind: 'value', json: true, read: (c, i) => (ranked(c, i) ? c.rank[i] : null), sheet: { header: 'h.rank', format: 'integer', width: 6, place: 0 } }),
  field({ name: 'customer', kind: 'value', json: true, read: (c, i) => c.names[i], sheet: { header: 'h.customer', format: 'text', width: 30, place: 1 } }),
  field({ name: 'revenue', kind: 'value', json: true, read: (c, i) => c.revenue[i], sheet: { header: 'h.revenue', format: 'number', width: 14, place: 2 } }),
  field({ name: 'profit', kind: 'value', json: true, read: (c, i) => (c.profit ? c.profit[i] : null), sheet: { header: 'h.profit', format: 'number', width: 14, place: 3, needsProfit: true } }),
  field({ name: 'metric', kind: 'value', json: true, read: (c, i) => c.metric[i], sheet: null }),
  field({ name: 'share', kind: 'value', json: true, read: (c, i) => (ranked(c, i) ? c.share[i] : null), sheet: { header: 'h.share', format: 'percent', width: 9, place: 4 } }),
  field({ name: 'cumShare', kind: 'value', json: true, read: (c, i) => (ranked(c, i) ? c.cumShare[i] : null), sheet: { header: 'h.cumShare', format: 'percent', width: 12, place: 5 } }),
  field({ name: 'abc', kind: 'class', json: true, read: (c, i) => c.cls[i], noteField: 'abcNote', sheet: { header: 'h.abc', format: 'text', width: 8, place: 6 } }),
  field({ name: 'abcNote', kind: 'value', json: false, read: abcNote, sheet: null }),
  field({ name: 'purchases', kind: 'value', json: true, read: (c, i) => c.purchases[i], sheet: { header: 'h.purchases', format: 'integer', width: 10, place: 7 } }),
  field({ name: 'periods', kind: 'value', json: true, read: (c, i) => c.periods[i], sheet: { header: 'h.periods', format: 'integer', width: 8, place: 9 } }),
  field({ name: 'activePeriods', kind: 'value', json: true, read: (c, i) => c.active[i], sheet: { header: 'h.activePeriods', format: 'integer', width: 9, place: 8 } }),
  field({ name: 'frequency', kind: 'value', json: true, read: (c, i) => (c.periods[i] > 0 ? c.active[i] / c.periods[i] : null), sheet: { header: 'h.frequency', format: 'percent', width: 10, place: 10 } }),
  field({ name: 'cv', kind: 'value', json: true, read: (c, i) => orNull(c.cv[i]), sheet: { header: 'h.cv', format: 'ratio', width: 7, place: 11 } }),
  field({ name: 'xyz', kind: 'class', json: true, read: (c, i) => XYZ_CODES[c.xyz[i]], noteField: 'xyzNote', sheet: { header: 'h.xyz', format: 'text', width: 8, place: 12 } }),
  field({ name: 'xyzNote', kind: 'value', json: false, read: xyzNote, sheet: null }),
  field({ name: 'segment', kind: 'value', json: true, read: (c, i) => { const s = c.segment[i]; return s >= 0 ? SEGMENTS[s] : null; }, sheet: { header: 'h.segment', format: 'text', width: 9, place: 13 } }),
  field({ name: 'keyAccount', kind: 'flag', json: true, read: (c, i) => c.keyAccount[i] === 1, sheet: { header: 'h.keyAccount', format: 'text', width: 8, place: 14 } }),
  field({ name: 'archetypes', kind: 'archetypes', json: true, read: (c, i) => ARCHETYPE_LISTS[c.archetypes[i]], sheet: { header: 'h.archetypes', format: 'text', width: 22, place: 15 } }),
  field({ name: 'profitShare', kind: 'value', json: false, read: (c, i) => orNull(c.profitShare[i]), sheet: null }),
  field({ name: 'dependencyRisk', kind: 'flag', json: true, read: (c, i) => c.dependencyRisk[i] === 1, sheet: null }),
  field({ name: 'qualified', kind: 'flag', json: true, read: (c, i) => c.qualified[i] === 1, sheet: null }),
  field({ name: 'firstPurchase', kind: 'day', json: true, read: (c, i) => (c.long ? c.first[i] : null), sheet: { header: 'h.firstPurchase', format: 'date', width: 12, place: 16 } }),
  field({ name: 'lastPurchase', kind: 'day', json: true, read: (c, i) => (c.long ? c.last[i] : null), sheet: { header: 'h.lastPurchase', format: 'date', width: 12, place: 17 } }),
  field({ name: 'daysSinceLast', kind: 'value', json: true, read: (c, i) => (c.long ? c.asOf - c.last[i] : null), sheet: { header: 'h.daysSinceLast', format: 'integer', width: 9, place: 18 } }),
  field({ name: 'typicalGap', kind: 'value', json: true, read: (c, i) => (c.long ? c.gap[i] : null), sheet: { header: 'h.typicalGap', format: 'integer', width: 9, place: 19 } }),
  field({ name: 'gapFallback', kind: 'value', json: false, read: (c, i) => c.gapFallback[i] === 1, sheet: null }),
  field({ name: 'lapse', kind: 'value', json: false, read: (c, i) => (c.long ? (c.asOf - c.last[i]) / c.gap[i] : null), sheet: null }),
  field({ name: 'status', kind: 'status', json: true, read: (c, i) => STATUS_CODES[c.status[i]], sheet: { header: 'h.status', format: 'text', width: 9, place: 20 } }),
  field({ name: 'pAlive', kind: 'value', json: true, read: (c, i) => orNull(c.pAlive[i]), sheet: { header: 'h.pAlive', format: 'percent', width: 9, place: 21 } }),
  field({ name: 'expectedPurchases', kind: 'value', json: true, read: (c, i) => orNull(c.expectedPurchases[i]), sheet: { header: 'h.expectedPurchases', format: 'ratio', width: 11, place: 22 } }),
  field({ name: 'action', kind: 'value', json: false, read: (c, i) => c.action[i], sheet: { header: 'h.action', format: 'text', width: 48, place: 23 } }),
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type FieldName = CustomerField['name'];

/** A customer as an object: one property per field of the table. */
export type CustomerResult = { [F in CustomerField as F['name']]: ReturnType<F['read']> };

/** The customers read by position k (rank order, then the unranked): one reader per field. */
export type CustomerReader = { readonly length: number; /** A profit column was read. */ readonly hasProfit: boolean } & {
  readonly [F in CustomerField as F['name']]: (k: number) => ReturnType<F['read']>;
};

/** The fields of the JSON / CSV contract, in its order. */
export const JSON_FIELDS: readonly CustomerField[] = CUSTOMER_FIELDS.filter((f) => f.json);
