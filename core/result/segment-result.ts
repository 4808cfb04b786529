// A result's customers: the columns (customerList) for the product's own surfaces, and the
// customer objects (customers) made only when somebody reads them.

import type { CustomerList } from './customer-list';
import type { CustomerResult } from './customer-fields';
import type { SegmentResult } from './types';

/**
 * Gives `result` its customers. The rows exist once asked for: the report, the functions and the
 * command line read the list. An own, enumerable property, so JSON, spreads and comparisons see
 * the rows as before; the list itself is not enumerable (typed arrays are no JSON). Customers
 * assigned anew replace the list: readers then read the new objects (customersOf).
 */
export function attachCustomers(result: SegmentResult, list: CustomerList): SegmentResult {
  let rows: CustomerResult[] = [];
  let made = false;
  let columns: CustomerList | null = list;
  Object.defineProperty(result, 'customers', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) { rows = list.rows(); made = true; }
      return rows;
    },
    set: (v: CustomerResult[]) => { rows = v; made = true; columns = null; },
  });
  Object.defineProperty(result, 'customerList', { enumerable: false, configurable: true, get: () => columns });
  return result;
}
