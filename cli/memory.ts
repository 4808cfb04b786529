// Out of memory is never a stack trace: while a file is read, the heap is compared with the limit
// Node runs under, and reading stops with a sentence before V8 would abort the process; the
// allocation failures V8 does throw as errors are turned into the same kind of sentence.

import { getHeapStatistics } from 'node:v8';
import { t } from '../core';

export class MemoryError extends Error {}

/** Reading stops when the heap in use passes this share of the limit. */
export const HEAP_SHARE = 0.85;

/** The young generation's reserve inside heap_size_limit (48 MB on 64-bit Node 20, whatever --max-old-space-size says). */
const YOUNG = 48 * 2 ** 20;

/**
 * The heap the process may fill before V8 aborts: heap_size_limit counts the young generation's
 * reserve, but the abort comes when the old generation (--max-old-space-size) is full.
 */
export function heapLimit(): number {
  const limit = getHeapStatistics().heap_size_limit;
  return Math.max(limit / 4, limit - YOUNG);
}

/**
 * Throws MemoryError when the heap is nearly full; cheap enough to call every few thousand rows.
 * Row 0: before the rows (a workbook's shared strings).
 */
export function checkMemory(path: string, row: number, share = HEAP_SHARE): void {
  const used = getHeapStatistics().used_heap_size;
  const limit = heapLimit();
  if (used <= share * limit) return;
  const mb = Math.round(limit / 2 ** 20);
  throw new MemoryError(row > 0 ? t('read.memory', { path, row, limit: mb }) : t('read.memoryStrings', { path, limit: mb }));
}

/** The errors that mean "too large for memory", as V8 and Node throw them. */
export function isOutOfMemory(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  if (!err || typeof err !== 'object') return false;
  if (err.code === 'ERR_FS_FILE_TOO_LARGE' || err.code === 'ERR_STRING_TOO_LONG' || err.code === 'ERR_BUFFER_TOO_LARGE') return true;
  return err instanceof RangeError && /Invalid string length|Array buffer allocation failed|Invalid typed array length|Invalid array length|allocation failed/i.test(err.message);
}
