// The add-in's icons, drawn in code (no binary files in the repository): a 3 × 3 ABC-XYZ grid,
// green (AX) to red (CZ), on a white tile. Written as RGBA PNGs with Node's zlib.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICON_SIZES = [16, 32, 64, 80, 128];
const COLOURS = ['#1A9641', '#66BD63', '#A6D96A', '#D9EF8B', '#FFFFBF', '#FEE08B', '#FDAE61', '#F46D43', '#D7191C'];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG bytes of the icon at `size` pixels. */
export function iconPng(size) {
  const pad = Math.max(1, Math.round(size / 16));
  const cell = (size - 2 * pad) / 3;
  const gap = size >= 32 ? Math.max(1, Math.round(size / 32)) : 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let rgb = [255, 255, 255];
      const gx = Math.floor((x - pad) / cell), gy = Math.floor((y - pad) / cell);
      const inGrid = x >= pad && y >= pad && gx < 3 && gy < 3;
      const inGap = gap && ((x - pad) % cell < gap / 2 || (x - pad) % cell > cell - gap / 2 || (y - pad) % cell < gap / 2 || (y - pad) % cell > cell - gap / 2);
      if (inGrid && !inGap) {
        const hex = COLOURS[gy * 3 + gx];
        rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = rgb[0]; raw[o + 1] = rgb[1]; raw[o + 2] = rgb[2]; raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir) {
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(dir, `icon-${size}.png`), iconPng(size));
}
