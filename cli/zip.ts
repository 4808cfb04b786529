// A zip archive read by its central directory (what an .xlsx is): the list of entries at once,
// and any entry as a stream of inflated chunks, in whatever order the writer put them. Nothing is
// read whole unless asked for; stored and deflated entries (all an .xlsx uses), Zip64 sizes.

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { t } from '../core';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** The entries of a zip file, by name. Throws ZipError when the file is not a zip archive. */
export function zipEntries(path: string): Map<string, ZipEntry> {
  const fd = openSync(path, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const tailSize = Math.min(fileSize, 22 + 65535);
    const tail = readAt(fd, fileSize - tailSize, tailSize);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
    if (at < 0) throw new ZipError(t('zip.notZip'));
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) {
      // Zip64: the locator sits right before the end record
      const loc = at - 20 >= 0 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR ? u64(tail, at - 20 + 8) : -1;
      if (loc < 0) throw new ZipError(t('zip.damagedZip64'));
      const rec = readAt(fd, loc, 56);
      if (rec.readUInt32LE(0) !== EOCD64) throw new ZipError(t('zip.damagedZip64'));
      count = u64(rec, 32);
      dirSize = u64(rec, 40);
      dirOffset = u64(rec, 48);
    }
    // a directory that claims more than the file holds is damaged (and must not be allocated)
    if (dirOffset + dirSize > fileSize || count > dirSize / 46) throw new ZipError(t('zip.damagedDirectory'));
    const dir = readAt(fd, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipError(t('zip.damagedDirectory'));
      const method = dir.readUInt16LE(p + 10);
      let compressedSize = dir.readUInt32LE(p + 20);
      let size = dir.readUInt32LE(p + 24);
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      let localOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLen);
      // Zip64 extra field: the 64-bit values of the fields that read 0xffffffff, in this order
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = dir.readUInt16LE(e);
        const len = dir.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) { size = u64(dir, q); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(dir, q); q += 8; }
          if (localOffset === 0xffffffff) { localOffset = u64(dir, q); }
        }
        e += 4 + len;
      }
      entries.set(name.replace(/\\/g, '/'), { name, method, compressedSize, size, localOffset });
      p = end + commentLen;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

function dataStart(path: string, entry: ZipEntry): number {
  const fd = openSync(path, 'r');
  try {
    const h = readAt(fd, entry.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw new ZipError(t('zip.damagedEntry', { entry: entry.name }));
    return entry.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 18;

/**
 * The inflated bytes of an entry, chunk by chunk. An entry never yields more than the size the
 * directory gives it (a zip bomb's directory may understate it): the reading stops there.
 */
export async function* entryChunks(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(t('zip.method', { entry: entry.name, method: entry.method }));
  if (entry.compressedSize === 0) return;
  const start = dataStart(path, entry);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: CHUNK });
  let total = 0;
  const counted = (chunk: Buffer): Buffer => {
    total += chunk.length;
    if (total > entry.size) throw new ZipError(t('zip.sizeMismatch', { entry: entry.name }));
    return chunk;
  };
  if (entry.method === 0) {
    try {
      for await (const chunk of raw) yield counted(chunk as Buffer);
    } finally {
      raw.destroy();
    }
    return;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  raw.on('error', (e) => inflate.destroy(e));
  raw.pipe(inflate);
  try {
    for await (const chunk of inflate) yield counted(chunk as Buffer);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(t('read.zip.inflate', { entry: entry.name, problem: (e as Error).message }));
  } finally {
    raw.destroy();
    inflate.destroy();
  }
}

/** A small entry (workbook, relationships, styles) whole, as text. */
export async function entryText(path: string, entry: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(path, entry)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
