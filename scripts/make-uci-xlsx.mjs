// The UCI Online Retail export as a workbook, as the original "Online Retail.xlsx" holds it:
// invoice dates as date cells (m/d/yyyy h:mm), numbers as numbers, text in the shared-string table,
// a blank CustomerID as an empty cell. Written with ExcelJS's streaming writer.
//   node scripts/make-uci-xlsx.mjs <online_retail_raw.csv> <out.xlsx>
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export async function makeUciXlsx(csv, out) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Online Retail');
  ws.getColumn(5).numFmt = 'm/d/yyyy h:mm';
  let header = true;
  let rows = 0;
  for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
    if (line === '') continue;
    const f = Papa.parse(line).data[0];
    if (header) { ws.addRow(f).commit(); header = false; continue; }
    const [inv, code, desc, qty, date, price, cust, country] = f;
    const m = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+)$/.exec(date);
    const when = m ? new Date(Date.UTC(+m[3], +m[1] - 1, +m[2], +m[4], +m[5])) : date;
    const num = (s) => (s === '' ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
    const row = ws.addRow([num(inv), code, desc, num(qty), when, num(price), num(cust), country]);
    row.getCell(5).numFmt = 'm/d/yyyy h:mm';
    row.commit();
    rows++;
  }
  ws.commit();
  await wb.commit();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [csv, out] = process.argv.slice(2);
  if (!csv || !out) { console.error('usage: node scripts/make-uci-xlsx.mjs <online_retail_raw.csv> <out.xlsx>'); process.exit(2); }
  const t0 = performance.now();
  const rows = await makeUciXlsx(csv, out);
  console.log(`${out}: ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
