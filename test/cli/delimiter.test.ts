// The delimiter of a CSV: Excel's `sep=` line, and the delimiter the table's own lines agree on —
// a title line with a comma above a semicolon table does not decide it. Lines above the header
// arrive as rows (the core tells a title from the header).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldCounts, sepHint, sniffDelimiter } from '../../cli/delimiter';
import { streamDelimited } from '../../cli/input';
import { cli, tempDir } from './helpers';

let dir: string;
beforeAll(() => { dir = tempDir(); });

let n = 0;
function file(text: string, ext = '.csv'): string {
  const path = join(dir, `d${n++}${ext}`);
  writeFileSync(path, text);
  return path;
}
function rows(text: string, ext = '.csv'): { rows: string[][]; delimiter: string } {
  const out: string[][] = [];
  const r = streamDelimited(file(text, ext), (row) => out.push([...row]));
  return { rows: out, delimiter: r.delimiter };
}

describe('sep= line', () => {
  it('gives the delimiter and is not a row (so not the header)', () => {
    const r = rows('sep=;\r\nKunde;Datum;Betrag\r\nA, B & Co;01.02.2024;1,5\r\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows.slice(0, 2)).toEqual([['Kunde', 'Datum', 'Betrag'], ['A, B & Co', '01.02.2024', '1,5']]);
  });

  it('any delimiter, quoted or not, upper case, after a byte order mark', () => {
    expect(sepHint('sep=|\nA|B')).toEqual({ delimiter: '|', start: 6 });
    expect(sepHint('"sep=,"\nA,B')).toEqual({ delimiter: ',', start: 8 });
    expect(sepHint('SEP=\t\r\nA\tB')).toEqual({ delimiter: '\t', start: 7 });
    expect(sepHint('separator;x')).toBeNull();
    expect(rows('\ufeffsep=,\ncustomer,date,amount\nA,2024-01-01,1\n').rows[0]).toEqual(['customer', 'date', 'amount']);
  });

  it('the CLI reads such a file to the exact customers', () => {
    const path = file('sep=;\nKunde;Datum;Betrag\nMüller GmbH;01.02.2024;1.234,50\nBeta AG;02.02.2024;100\nMüller GmbH;03.03.2024;0,50\n');
    const out = `${path}.json`;
    const r = cli(['segment', path, '--out', out, '--min-periods', '1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals).toMatchObject({ rowsRead: 3, rowsUsed: 3 });
    expect(j.customers.map((c: { customer: string; revenue: number }) => [c.customer, c.revenue])).toEqual([['Müller GmbH', 1235], ['Beta AG', 100]]);
  });
});

describe('delimiter sniffing on the table\'s lines', () => {
  const TABLE = 'Kunde;Datum;Betrag\nMüller;01.02.2024;100,50\nBeta;02.02.2024;20\nGamma;03.02.2024;30,25\n';

  it('an ERP title, a period line and a blank line above a ; table: ; wins, the lines above arrive as rows', () => {
    const r = rows(`Umsatzbericht, alle Kunden\nZeitraum: 01.01.2024 - 31.12.2024\n\n${TABLE}`);
    expect(r.delimiter).toBe(';');
    expect(r.rows.slice(0, 5)).toEqual([
      ['Umsatzbericht, alle Kunden'], ['Zeitraum: 01.01.2024 - 31.12.2024'], [''], ['Kunde', 'Datum', 'Betrag'], ['Müller', '01.02.2024', '100,50'],
    ]);
  });

  it('decimal commas in every row do not make it a comma table', () => {
    expect(sniffDelimiter('Kunde;Datum;Betrag, EUR\nA;01.02.2024;1,5\nB;01.02.2024;2,5\n')).toBe(';');
  });

  it('delimiters inside quotes do not count, quoted line breaks do not end a record', () => {
    const text = 'customer,date,amount\n"Smith; Jones; Partners",2024-01-01,"1;5"\n"A\nB; C",2024-01-02,2\n"X;Y;Z",2024-01-03,3\n';
    expect(fieldCounts(text, ',')).toEqual([3, 3, 3, 3]);
    expect(sniffDelimiter(text)).toBe(',');
  });

  it('tab and pipe tables, and a .tsv is tab-separated', () => {
    expect(sniffDelimiter('Report, 2024\ncustomer\tdate\tamount\nA\t2024-01-01\t1,5\nB\t2024-01-02\t2\n')).toBe('\t');
    expect(sniffDelimiter('customer|date|amount\nA, Inc.|2024-01-01|1\nB|2024-01-02|2\n')).toBe('|');
    expect(rows('customer,x\tdate\tamount\nA\t2024-01-01\t1\n', '.tsv').rows[0]).toEqual(['customer,x', 'date', 'amount']);
  });

  it('a one-column file, or no agreement at all, is read with commas', () => {
    expect(sniffDelimiter('customer\nA\nB\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  it('the table\'s delimiter wins over any number of title lines fewer than its rows', () => {
    const delimiters = [',', ';', '\t', '|'] as const;
    fc.assert(fc.property(
      fc.constantFrom(...delimiters), fc.constantFrom(...delimiters), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 3, max: 12 }),
      (d, other, titles, width, height) => {
        if (d === other) return;
        // titles use another delimiter, with more fields than the table; the table's cells hold none
        const title = Array.from({ length: width + 2 }, (_, i) => `Title${i}`).join(other);
        const lines = [...Array.from({ length: titles }, () => title), Array.from({ length: width }, (_, i) => `h${i}`).join(d)];
        for (let r = 0; r < height; r++) lines.push(Array.from({ length: width }, (_, i) => `v${r}_${i}`).join(d));
        if (titles >= height + 1) return;
        expect(sniffDelimiter(lines.join('\n'))).toBe(d);
      },
    ), { numRuns: 300 });
  });

  it('a ; table with decimal commas under title lines with commas: the table\'s run wins, not the tally', () => {
    // every line splits in two at a comma ("4.301,02", "Kunden, alle"): by a tally the comma had one vote more
    const text = ['Umsatzliste nach Kunden, alle Filialen', 'Zeitraum: 01.01.2024 - 30.06.2024', 'Erstellt am 01.07.2024, 09:14 Uhr', '',
      'Kunde;Belegdatum;Belegnr.;Umsatz netto', 'Müller GmbH;01.01.2024;880100;4.301,02', 'Möller GmbH;05.01.2024;880101;4.300,52',
      'Bäckerei Schäfer KG;12.01.2024;880102;1.100,80'].join('\r\n');
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('a CSV with a title line above a ; table no longer becomes a wide table of whole lines', () => {
    // which row is the header is the core's decision; here every line of the table reads as three cells
    const r = rows(`Sales report, 2024\n${TABLE}`);
    expect(r.rows.filter((x) => x.length === 3)).toHaveLength(4);
  });
});
