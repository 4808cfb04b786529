// The output, checked before the run computes anything and written so that a failure never costs
// the analyst the previous report:
//
//  - the output must not be the input (compared as files, so another spelling of the path, a
//    symbolic or a hard link to it are all caught), nor a folder or a device; its folder must exist
//    and take a new file, which is tried by creating the temporary file the report is written to;
//  - the report is written to that temporary file in the same folder, flushed to the disk and
//    renamed over the output: an interrupted or failed run leaves the previous report as it was,
//    and two runs writing one path at once leave one of their reports whole (the last rename wins).
//    The temporary file is removed when the run fails, ends or is stopped by SIGINT, SIGTERM or
//    SIGHUP; only SIGKILL (or a power cut) can leave it behind, named .<report>.<pid>-<n>.tmp.

import {
  accessSync, chmodSync, closeSync, constants, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync,
  statSync, unlinkSync, type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { t } from '../core';
import { errorCode, fsProblem, InputError, kindOf, OutputError } from './fs-errors';
export interface OutputTarget {
  /** The file the report replaces or creates (a symbolic link's target: the link stays). */
  path: string;
  /** The temporary file in the same folder, created by the check. */
  temp: string;
}

/** Temporary files not yet renamed or removed: removed when the process ends or is stopped. */
const pending = new Set<string>();
let cleanupInstalled = false;
let serial = 0;

function removeQuietly(path: string): void {
  try { unlinkSync(path); } catch { /* gone already */ }
  pending.delete(path);
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => { for (const p of [...pending]) removeQuietly(p); });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const p of [...pending]) removeQuietly(p);
      // stopped as the signal would have stopped it: the shell sees the same status
      process.kill(process.pid, signal);
    });
  }
}

/** Where a path leads: a symbolic link's final target, even when that does not exist yet. */
function target(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    // a dangling link: the file it names is the one to create; else the path as given
    try {
      if (lstatSync(full).isSymbolicLink()) return resolve(dirname(full), readlinkSync(full));
    } catch { /* no such path */ }
    return full;
  }
}

/**
 * Checks the output before the run computes anything and creates its temporary file: the output
 * is not the input (nor `others`), not a folder or a device; its folder exists and takes a file.
 */
export function prepareOutput(out: string, inputs: readonly string[]): OutputTarget {
  const path = target(out);
  let existing: Stats | null = null;
  try {
    existing = statSync(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw new OutputError(t('out.cannotWrite', { path: out, problem: fsProblem(e) }));
  }
  if (existing) {
    if (existing.isDirectory()) throw new OutputError(t('out.isFolder', { path: out }));
    if (!existing.isFile()) throw new OutputError(t('out.notFile', { path: out, kind: t(kindOf(existing)) }));
    for (const input of inputs) {
      let s: Stats | null = null;
      try { s = statSync(input); } catch { /* a missing input is told when it is read */ }
      if (s && s.dev === existing.dev && s.ino === existing.ino) throw new OutputError(t('out.isInput', { path: out, input }));
    }
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new OutputError(t('out.readOnly', { path: out, problem: fsProblem(e) }));
    }
  }
  const folder = dirname(path);
  let f: Stats;
  try {
    f = statSync(folder);
  } catch (e) {
    throw new OutputError(errorCode(e) === 'ENOENT' ? t('out.noFolder', { path: out, folder }) : t('out.cannotWrite', { path: out, problem: fsProblem(e) }));
  }
  if (!f.isDirectory()) throw new OutputError(t('out.noFolder', { path: out, folder }));
  installCleanup();
  const temp = join(folder, `.${basename(path)}.${process.pid}-${serial++}.tmp`);
  try {
    closeSync(openSync(temp, 'wx', existing ? existing.mode & 0o777 : 0o666));
    pending.add(temp);
    if (existing) chmodSync(temp, existing.mode & 0o777);
  } catch (e) {
    removeQuietly(temp);
    throw new OutputError(t('out.cannotWrite', { path: out, problem: fsProblem(e) }));
  }
  return { path, temp };
}

/**
 * Writes the report through its temporary file: `write` fills it, then it is flushed to the disk
 * and renamed over the output. On any failure the temporary file is removed and the output is left
 * as it was; the error says so.
 */
export async function writeThrough(target: OutputTarget, shown: string, write: (temp: string) => Promise<void> | void): Promise<void> {
  try {
    await write(target.temp);
    const fd = openSync(target.temp, 'r+');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(target.temp, target.path);
    pending.delete(target.temp);
  } catch (e) {
    removeQuietly(target.temp);
    if (e instanceof OutputError || e instanceof InputError || !errorCode(e)) throw e;
    throw new OutputError(t('out.failed', { path: shown, problem: fsProblem(e) }));
  }
  // the rename itself on the disk: best effort (some file systems cannot open a folder)
  try {
    const fd = openSync(dirname(target.path), 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* not needed for the report to be whole */ }
}

/** Removes a prepared temporary file that will not be written (the run failed before writing). */
export function abandon(target: OutputTarget | null): void {
  if (target) removeQuietly(target.temp);
}
