// The customers of a result, held by column. Reports, custom functions and the command line read
// them cell by cell; a customer as an object (CustomerResult) is made only when asked for. At 1e6
// rows, making all 70,000 objects (and collecting them later) is a fifth of a run, and the
// product's own surfaces never need them. Both readers below are made from the field table.

import { CUSTOMER_FIELDS, type CustomerReader, type CustomerResult } from './customer-fields';
import type { CustomerColumns } from './customer-columns';

type Readers = { -readonly [K in keyof CustomerReader]: CustomerReader[K] };

/** The customers in output order (rank order, then the unranked), read by position k. */
export interface CustomerList extends CustomerReader {}
export class CustomerList {
  constructor(private readonly c: CustomerColumns) {
    const self = this as unknown as Record<string, unknown>;
    self.length = c.order.length;
    self.hasProfit = c.profit !== null && c.order.length > 0;
    const order = c.order;
    for (const f of CUSTOMER_FIELDS) {
      const read = f.read as (c: CustomerColumns, i: number) => unknown;
      self[f.name] = (k: number) => read(c, order[k]);
    }
  }

  /** The customer at position k as an object (a new one each call), field by field from the table. */
  row(k: number): CustomerResult {
    const i = this.c.order[k];
    const out: Record<string, unknown> = {};
    for (const f of CUSTOMER_FIELDS) out[f.name] = (f.read as (c: CustomerColumns, i: number) => unknown)(this.c, i);
    return out as CustomerResult;
  }

  /** All customers as objects, in order. */
  rows(): CustomerResult[] {
    const out: CustomerResult[] = new Array(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.row(k);
    return out;
  }
}

/** Customers read from their objects (a copy of a result, or customers assigned anew). */
function objectReader(rows: readonly CustomerResult[]): CustomerReader {
  const out = { length: rows.length, hasProfit: rows.some((c) => c.profit !== null) } as Record<string, unknown>;
  for (const f of CUSTOMER_FIELDS) out[f.name] = (k: number) => (rows[k] as Record<string, unknown>)[f.name];
  return out as unknown as Readers;
}

/** Positions of the first `limit` key accounts (the list is in rank order, so the biggest). */
export function firstKeyAccounts(list: CustomerReader, limit: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < list.length && out.length < limit; k++) if (list.keyAccount(k)) out.push(k);
  return out;
}

/**
 * The reader of a result's customers: its columns, or, for a copy of a result (a spread, a
 * structured clone, a JSON round trip, which do not carry the columns) or one whose `customers`
 * were replaced, the customer objects themselves.
 */
export function customersOf(result: { customers: readonly CustomerResult[]; customerList?: CustomerReader | null }): CustomerReader {
  const list = result.customerList;
  return list instanceof CustomerList ? list : objectReader(result.customers);
}
