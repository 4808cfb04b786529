// File system errors as sentences: errno codes (ENOENT, EACCES, EISDIR …) never reach the analyst.

import type { Stats } from 'node:fs';
import { t, type MessageKey } from '../core';

/** The input cannot be read (exit 1). */
export class InputError extends Error {}
/** The output cannot be written (exit 1). */
export class OutputError extends Error {}

const PROBLEMS: Record<string, MessageKey> = {
  ENOENT: 'fs.ENOENT', EACCES: 'fs.EACCES', EPERM: 'fs.EACCES', EISDIR: 'fs.EISDIR', ENOTDIR: 'fs.ENOTDIR',
  EROFS: 'fs.EROFS', ENOSPC: 'fs.ENOSPC', EDQUOT: 'fs.EDQUOT', EMFILE: 'fs.EMFILE', ENFILE: 'fs.EMFILE',
  EIO: 'fs.EIO', ELOOP: 'fs.ELOOP', ENAMETOOLONG: 'fs.ENAMETOOLONG', EBUSY: 'fs.EBUSY', ETXTBSY: 'fs.EBUSY',
  EEXIST: 'fs.EEXIST', EFBIG: 'fs.EFBIG', EXDEV: 'fs.EXDEV',
};

/**
 * A file system error as words: the catalogue's sentence for its code, else the system's own
 * description without the code and the call ("EXYZ: some error, open 'x'" → "some error").
 */
export function fsProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const key = err?.code ? PROBLEMS[err.code] : undefined;
  if (key) return t(key);
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err?.message ?? '');
  return m ? m[1] : t('fs.other');
}

/** The errno code of an error, if it has one. */
export const errorCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** What kind of thing a path is that is not a regular file. */
export function kindOf(s: Stats): MessageKey {
  if (s.isDirectory()) return 'fs.kind.folder';
  if (s.isFIFO()) return 'fs.kind.pipe';
  if (s.isSocket()) return 'fs.kind.socket';
  return 'fs.kind.device';
}
