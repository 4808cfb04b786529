// The customers of a result, held by column. Reports, custom functions and the command line read
// them cell by cell; a customer as an object (CustomerResult) is made only when asked for. At 1e6
// rows, making all 70,000 objects (and collecting them later) is a fifth of a run, and the
// product's own surfaces never need them. The readers and the objects are made from the field table.

import { CUSTOMER_FIELDS, type CustomerReader, type CustomerResult } from './customer-fields';
import type { CustomerColumns } from './customer-columns';

type Read = (c: CustomerColumns, i: number) => unknown;
const NAMES: readonly string[] = CUSTOMER_FIELDS.map((f) => f.name);
const READS: readonly Read[] = CUSTOMER_FIELDS.map((f) => f.read as Read);

/** What the field table compiles to: readers by position (methods), and the maker of an object. */
interface Compiled {
  Readers: new (c: CustomerColumns) => object;
  makeRow: (c: CustomerColumns, i: number) => CustomerResult;
}

let allowCompiling = true;
let made: Compiled | null = null;

/**
 * Never compile code from the field table. For pages whose content security policy forbids it
 * (the Excel task pane's does): trying would log a policy violation before falling back.
 */
export function forbidCompiledReaders(): void {
  allowCompiling = false;
}

/**
 * One class with a method per field, and one object literal with every field: each field's read at
 * its own call site. Readers made in a loop from one closure would share one call site for thirty
 * reads, and an object filled field by field under computed names is four times slower to make —
 * for 70,000 customers that is what a report or an API caller pays. Where compiling is forbidden
 * or fails, the same readers are made in a loop.
 */
function compile(): Compiled {
  if (allowCompiling && NAMES.every((n) => /^[A-Za-z]\w*$/.test(n))) {
    try {
      const methods = NAMES.map((n, k) => `${n}(k) { return R[${k}](this.c, this.o[k]); }`).join(' ');
      const fields = NAMES.map((n, k) => `${n}: R[${k}](c, i)`).join(', ');
      return new Function('R', `return {
        Readers: class CustomerReaders { constructor(c) { this.c = c; this.o = c.order; } ${methods} },
        makeRow: function row(c, i) { return { ${fields} }; },
      };`)(READS) as Compiled;
    } catch {
      // a host that forbids it: the loop below
    }
  }
  class Readers { constructor(readonly c: CustomerColumns) {} }
  READS.forEach((read, f) => {
    Object.defineProperty(Readers.prototype, NAMES[f], { value(this: Readers, k: number) { return read(this.c, this.c.order[k]); } });
  });
  const makeRow = (c: CustomerColumns, i: number) => {
    const out: Record<string, unknown> = {};
    for (let f = 0; f < READS.length; f++) out[NAMES[f]] = READS[f](c, i);
    return out as CustomerResult;
  };
  return { Readers, makeRow };
}

const LIST = Symbol('customer list');

/** The customers in output order (rank order, then the unranked), read by position k. */
export interface CustomerList extends CustomerReader {
  readonly [LIST]: true;
  /** The customer at position k as an object (a new one each call). */
  row(k: number): CustomerResult;
  /** All customers as objects, in order. */
  rows(): CustomerResult[];
}

export function customerList(c: CustomerColumns): CustomerList {
  const { Readers, makeRow } = (made ??= compile());
  const list = new Readers(c) as Record<string | symbol, unknown>;
  list.length = c.order.length;
  list.hasProfit = c.profit !== null && c.order.length > 0;
  list[LIST] = true;
  list.row = (k: number) => makeRow(c, c.order[k]);
  list.rows = () => {
    const out: CustomerResult[] = new Array(c.order.length);
    for (let k = 0; k < out.length; k++) out[k] = makeRow(c, c.order[k]);
    return out;
  };
  return list as unknown as CustomerList;
}

const isList = (v: unknown): v is CustomerList => typeof v === 'object' && v !== null && (v as { [LIST]?: true })[LIST] === true;

/** Customers read from their objects (a copy of a result, or customers assigned anew). */
function objectReader(rows: readonly CustomerResult[]): CustomerReader {
  const out = { length: rows.length, hasProfit: rows.some((c) => c.profit !== null) } as Record<string, unknown>;
  for (const f of CUSTOMER_FIELDS) out[f.name] = (k: number) => (rows[k] as Record<string, unknown>)[f.name];
  return out as unknown as CustomerReader;
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
  return isList(list) ? list : objectReader(result.customers);
}
