// The input file, checked before any computation: it must be a regular file (a folder, a pipe, a
// device or a socket is refused: a FIFO with no writer would block for ever, /dev/zero would never
// end) no larger than the input limit; it is opened without blocking and checked again on the open
// file, so a pipe put in its place after the check cannot hold the run either.

import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { t } from '../core';
import { formatCount } from '../core/messages/lists';
import { errorCode, fsProblem, InputError, kindOf } from './fs-errors';

/** The largest input a run reads unless --max-input-mb says otherwise (MB, 2^20 bytes). */
export const DEFAULT_MAX_INPUT_MB = 256;

export interface InputLimits {
  /** A CSV/TSV file's size, and what a workbook's parts that are read unzip to, at most (bytes). */
  maxInputBytes: number;
  /** The --max-input-mb value, for messages. */
  maxInputMb: number;
}

export const limitsOf = (mb: number): InputLimits => ({ maxInputBytes: Math.floor(mb * 2 ** 20), maxInputMb: mb });
export const DEFAULT_LIMITS: InputLimits = limitsOf(DEFAULT_MAX_INPUT_MB);

/** Bytes as whole MB for messages (at least 1). */
export const megabytes = (bytes: number): string => formatCount(Math.max(1, Math.ceil(bytes / 2 ** 20)));

/** The input's file status, once checked: a regular file, within the limit when `sizeLimited` (CSV, TSV). */
export function checkInput(path: string, limits: InputLimits, sizeLimited: boolean): Stats {
  let s: Stats;
  try {
    s = statSync(path);
  } catch (e) {
    throw new InputError(errorCode(e) === 'ENOENT' ? t('cli.noFile', { path }) : t('cli.cannotRead', { path, problem: fsProblem(e) }));
  }
  checkStats(path, s, limits, sizeLimited);
  return s;
}

function checkStats(path: string, s: Stats, limits: InputLimits, sizeLimited: boolean): void {
  if (s.isDirectory()) throw new InputError(t('input.isFolder', { path }));
  if (!s.isFile()) throw new InputError(t('input.notFile', { path, kind: t(kindOf(s)) }));
  if (sizeLimited && s.size > limits.maxInputBytes) {
    throw new InputError(t('input.tooLarge', { path, size: megabytes(s.size), limit: formatCount(limits.maxInputMb), suggest: megabytes(s.size * 1.1) }));
  }
}

/** The whole input file (a CSV or TSV), read after it is checked. */
export function readInput(path: string, limits: InputLimits): Buffer {
  checkInput(path, limits, true);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(t('cli.cannotRead', { path, problem: fsProblem(e) }));
  }
  try {
    checkStats(path, fstatSync(fd), limits, true);
    return readFileSync(fd);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (errorCode(e) === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError) throw e; // memory.ts tells these
    throw new InputError(t('cli.cannotRead', { path, problem: fsProblem(e) }));
  } finally {
    closeSync(fd);
  }
}
