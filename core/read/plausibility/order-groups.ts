// The lines of each order: the used rows grouped by their order or document number.

export interface OrderGroups {
  /** Group g holds slots[start[g]] … slots[start[g + 1] - 1], in row order. */
  start: Int32Array;
  slots: Int32Array;
  count: number;
}

/**
 * Group the kept rows by order id (0 = no order number: in no group). One counting pass: ids are
 * dense, 1 … orders - 1.
 */
export function orderGroups(n: number, ids: Int32Array, keep: Uint8Array, orders: number): OrderGroups {
  const size = new Int32Array(orders + 1);
  for (let s = 0; s < n; s++) if (keep[s] && ids[s] > 0) size[ids[s] + 1]++;
  for (let g = 1; g <= orders; g++) size[g] += size[g - 1];
  const start = size.slice();
  const fill = size.slice(0, orders);
  const slots = new Int32Array(start[orders]);
  for (let s = 0; s < n; s++) if (keep[s] && ids[s] > 0) slots[fill[ids[s]]++] = s;
  return { start, slots, count: orders };
}
