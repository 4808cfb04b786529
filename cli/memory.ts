// Out of memory is never a stack trace: while a file is read, the heap is compared with the limit
// Node runs under, and reading stops with a sentence before V8 would abort the process; the
// allocation failures V8 does throw as errors are turned into the same kind of sentence.

import { getHeapStatistics } from 'node:v8';
import { t } from '../core';

export class MemoryError extends Error {}

/** Reading stops when the heap in use passes this share of the limit. */
export const HEAP_SHARE = 0.85;

/** Throws MemoryError when the heap is nearly full; cheap enough to call every few thousand rows. */
export function checkMemory(path: string, row: number, share = HEAP_SHARE): void {
  const h = getHeapStatistics();
  if (h.used_heap_size > share * h.heap_size_limit) {
    throw new MemoryError(t('read.memory', { path, row, limit: Math.round(h.heap_size_limit / 2 ** 20) }));
  }
}

/** The errors that mean "too large for memory", as V8 and Node throw them. */
export function isOutOfMemory(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  if (!err || typeof err !== 'object') return false;
  if (err.code === 'ERR_FS_FILE_TOO_LARGE' || err.code === 'ERR_STRING_TOO_LONG' || err.code === 'ERR_BUFFER_TOO_LARGE') return true;
  return err instanceof RangeError && /Invalid string length|Array buffer allocation failed|Invalid typed array length|Invalid array length|allocation failed/i.test(err.message);
}
