// The lines of each order: the used rows grouped by their order or document number.

export interface OrderGroups {
  /** Group g holds slots[start[g]] … slots[start[g + 1] - 1], in row order. */
  start: Int32Array;
  slots: Int32Array;
  count: number;
}

/**
 * Group the kept rows by order id (0 = no order number: in no group). The ids come in runs (see
 * LineFacts.orderRuns: each order's rows are consecutive and the ids grow), so one pass in row
 * order gives the groups.
 */
export function orderGroups(n: number, ids: Int32Array, keep: Uint8Array, orders: number): OrderGroups {
  const start = new Int32Array(orders + 1);
  const slots = new Int32Array(n);
  let k = 0;
  let g = 1;
  for (let s = 0; s < n; s++) {
    const id = ids[s];
    if (id === 0 || !keep[s]) continue;
    while (g <= id) start[g++] = k;
    slots[k++] = s;
  }
  while (g <= orders) start[g++] = k;
  return { start, slots: slots.subarray(0, k), count: orders };
}
