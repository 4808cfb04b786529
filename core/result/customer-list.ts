// The customers of a result, held by column. Reports, custom functions and the command line read
// them cell by cell; a customer as an object (CustomerResult) is made only when asked for. At 1e6
// rows, making all 70,000 objects (and collecting them later) is a fifth of a run, and the
// product's own surfaces never need them. Both readers below are made from the field table.

import { CUSTOMER_FIELDS, type CustomerReader, type CustomerResult } from './customer-fields';
import type { CustomerColumns } from './customer-columns';

type Read = (c: CustomerColumns, i: number) => unknown;
const NAMES: readonly string[] = CUSTOMER_FIELDS.map((f) => f.name);
const READS: readonly Read[] = CUSTOMER_FIELDS.map((f) => f.read as Read);

const compilable = NAMES.every((n) => /^[A-Za-z]\w*$/.test(n));

/** Compile code made from the field table, or null where the host forbids it (a strict content security policy). */
function compiled<T>(body: string): ((reads: readonly Read[]) => T) | null {
  if (!compilable) return null;
  try {
    return new Function('R', body) as (reads: readonly Read[]) => T;
  } catch {
    return null;
  }
}

/**
 * The maker of a customer object: one object literal with every field of the table, each read at
 * its own call site. Made from the table once, at load. A literal is what makes 70,000 objects
 * cheap: filling an object field by field under computed names is four times slower (one store
 * site seeing thirty names, and thirty reads through one call site).
 */
const makeRow: (c: CustomerColumns, i: number) => CustomerResult = compiled<(c: CustomerColumns, i: number) => CustomerResult>(
  `return function row(c, i) { return { ${NAMES.map((n, k) => `${n}: R[${k}](c, i)`).join(', ')} }; };`,
)?.(READS) ?? ((c, i) => {
  const out: Record<string, unknown> = {};
  for (let f = 0; f < READS.length; f++) out[NAMES[f]] = READS[f](c, i);
  return out as CustomerResult;
});

/**
 * The readers by position, one method per field, each with its own call site for its field's read
 * (readers made in a loop from one closure would share one call site for thirty reads).
 */
type ReaderClass = new (c: CustomerColumns) => { readonly c: CustomerColumns };
const ReaderBase: ReaderClass = compiled<ReaderClass>(
  `return class CustomerReaders { constructor(c) { this.c = c; this.o = c.order; } ${NAMES.map((n, k) => `${n}(k) { return R[${k}](this.c, this.o[k]); }`).join(' ')} };`,
)?.(READS) ?? (() => {
  class CustomerReaders { constructor(readonly c: CustomerColumns) {} }
  READS.forEach((read, f) => {
    Object.defineProperty(CustomerReaders.prototype, NAMES[f], { value(this: CustomerReaders, k: number) { return read(this.c, this.c.order[k]); } });
  });
  return CustomerReaders;
})();

type Readers = { -readonly [K in keyof CustomerReader]: CustomerReader[K] };

/** The customers in output order (rank order, then the unranked), read by position k. */
export interface CustomerList extends CustomerReader {}
export class CustomerList extends ReaderBase {
  readonly length: number;
  /** A profit column was read. */
  readonly hasProfit: boolean;

  constructor(c: CustomerColumns) {
    super(c);
    this.length = c.order.length;
    this.hasProfit = c.profit !== null && c.order.length > 0;
  }

  /** The customer at position k as an object (a new one each call), field by field from the table. */
  row(k: number): CustomerResult {
    return makeRow(this.c, this.c.order[k]);
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
