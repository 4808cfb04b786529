// Working buffers of a run (row columns, the regrouped rows), reused by the next run while the
// engine still holds them. A million-row run needs ~50 MB of them; allocating that afresh each
// time a custom function recalculates makes the engine run a full garbage collection of the
// whole spreadsheet's values almost every time. They are held weakly, so memory is never kept
// for an add-in that has stopped segmenting.

type Ctor<T> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;

const pool = new Map<string, { deref(): ArrayBuffer | undefined }>();
const weak = typeof WeakRef === 'function';

/**
 * A typed array of n elements for one role of a run, on a recycled buffer when one is big enough.
 * Its contents may be left from an earlier run: the caller writes every element before reading it.
 */
export function take<T extends Int32Array | Float64Array | Uint8Array>(role: string, ctor: Ctor<T> & { BYTES_PER_ELEMENT: number }, n: number): T {
  const bytes = Math.max(8, n * ctor.BYTES_PER_ELEMENT);
  const held = pool.get(role)?.deref();
  pool.delete(role); // a buffer is lent to one run at a time
  return new ctor(held && held.byteLength >= bytes ? held : new ArrayBuffer(bytes), 0, n);
}

/** Hand a run's buffer back for the next run (the run must not use the array afterwards). */
export function giveBack(role: string, array: Int32Array | Float64Array | Uint8Array | null): void {
  if (!weak || !array) return;
  const held = pool.get(role)?.deref();
  if (!held || held.byteLength < array.buffer.byteLength) pool.set(role, new WeakRef(array.buffer as ArrayBuffer));
}
