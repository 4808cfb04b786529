// A minimal zip writer for tests: hand-written .xlsx parts, deflated or stored, so the workbook
// reader meets what other writers produce (prefixes, attribute orders, inline strings …).
import { writeFileSync } from 'node:fs';
import { crc32 as nodeCrc32, deflateRawSync } from 'node:zlib';

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  if (typeof nodeCrc32 === 'function') return nodeCrc32(buf) >>> 0;
  let c = 0xffffffff;
  for (const b of buf) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A part already deflated, with the size its directory entry gives it (which a zip bomb may
 * understate): the reader is held to both.
 */
export interface Deflated { deflated: Buffer; size: number }

/** Writes a zip of the given parts, in the order given; `stored` names parts written uncompressed. */
export function writeZip(path: string, parts: Record<string, string | Buffer | Deflated>, stored: string[] = []): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const given = typeof content === 'object' && !Buffer.isBuffer(content) ? content : null;
    const data = given ? Buffer.alloc(0) : Buffer.isBuffer(content) ? content : Buffer.from(content as string, 'utf8');
    const method = given ? 8 : stored.includes(name) ? 0 : 8;
    const body = given ? given.deflated : method === 8 ? deflateRawSync(data) : data;
    const size = given ? given.size : data.length;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = given ? 0 : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, dir, end]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandSheet { name: string; state?: 'hidden' | 'veryHidden'; xml: string | Deflated }

/**
 * A workbook from hand-written sheet XML (the sheetData and what follows, or a whole worksheet
 * part when it starts with "<?xml"), with optional shared strings and styles.
 */
export function handWorkbook(path: string, sheets: HandSheet[], opts: { activeTab?: number; sharedStrings?: string[]; styles?: string; date1904?: boolean; stored?: boolean } = {}): void {
  const parts: Record<string, string | Deflated> = {};
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/>`
    + `<bookViews><workbookView${opts.activeTab !== undefined ? ` activeTab="${opts.activeTab}"` : ''}/></bookViews><sheets>`
    + sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')
    + '</sheets></workbook>';
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = typeof s.xml !== 'string' || s.xml.startsWith('<?xml') ? s.xml : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${REL}">${s.xml}</worksheet>`;
  });
  if (opts.sharedStrings) {
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${opts.sharedStrings.length}">${opts.sharedStrings.map((x) => (x.startsWith('<') ? `<si>${x}</si>` : `<si><t>${esc(x)}</t></si>`)).join('')}</sst>`;
  }
  if (opts.styles) parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${opts.styles}</styleSheet>`;
  writeZip(path, parts, opts.stored ? Object.keys(parts) : []);
}
