// The encoding of a CSV/TSV file: byte order marks, strict UTF-8, UTF-16, the legacy code pages of
// the product's languages told apart by their words, --encoding, and a sentence when it cannot be
// told. The files are written here as bytes (iconv-lite encodes them).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText, EncodingError, encodingOption, firstInvalidUtf8 } from '../../cli/encoding';
import { cli, tempDir } from './helpers';

let dir: string;
beforeAll(() => { dir = tempDir(); });

let n = 0;
function write(bytes: Buffer, ext = '.csv'): string {
  const path = join(dir, `f${n++}${ext}`);
  writeFileSync(path, bytes);
  return path;
}

interface Json { customers: { customer: string; revenue: number }[]; warnings: string[]; totals: { rowsRead: number; rowsUsed: number } }
function run(path: string, ...flags: string[]): { code: number | null; stderr: string; json: Json | null } {
  const out = `${path}.json`;
  const r = cli(['segment', path, '--min-periods', '1', '--out', out, ...flags]);
  return { code: r.code, stderr: r.stderr, json: r.code === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null };
}
const customers = (j: Json | null) => j!.customers.map((c) => [c.customer, c.revenue]);

describe('a legacy code page is detected and said in the warnings', () => {
  it('Windows-1252 (German Excel "CSV"): Müller GmbH and Möller GmbH stay two customers', () => {
    const text = 'Kunde;Datum;Betrag\r\nMüller GmbH;01.02.2024;100,00\r\nMöller GmbH;02.02.2024;200,00\r\nMüller GmbH;05.03.2024;50,50\r\n';
    const r = run(write(iconv.encode(text, 'windows-1252')));
    expect(r.code).toBe(0);
    expect(customers(r.json)).toEqual([['Möller GmbH', 200], ['Müller GmbH', 150.5]]);
    expect(r.json!.warnings[0]).toMatch(/not UTF-8: it was read as Windows-1252 \(Western European\)/);
    expect(r.stderr).toMatch(/read as Windows-1252/);
  });

  it('Windows-1252 (French): accents and the euro sign of the amounts', () => {
    const text = 'Client;Date;Montant\nSociété Générale;05/02/2024;1 200,00 €\nCafé Crème;06/02/2024;50 €\nSociété Générale;15/03/2024;300 €\n';
    const r = run(write(iconv.encode(text, 'windows-1252')));
    expect(customers(r.json)).toEqual([['Société Générale', 1500], ['Café Crème', 50]]);
    expect(r.json!.warnings[0]).toMatch(/Windows-1252/);
  });

  it('Windows-1253 (Greek): Greek headers are recognised', () => {
    const text = 'Πελάτης;Ημερομηνία;Ποσό\nΑλφα ΑΕ;01/02/2024;100\nΒήτα ΕΠΕ;02/02/2024;200\nΓάμμα ΟΕ;13/02/2024;50\n';
    const r = run(write(iconv.encode(text, 'windows-1253')));
    expect(r.code).toBe(0);
    expect(customers(r.json)).toEqual([['Βήτα ΕΠΕ', 200], ['Αλφα ΑΕ', 100], ['Γάμμα ΟΕ', 50]]);
    expect(r.json!.warnings[0]).toMatch(/Windows-1253 \(Greek\)/);
  });

  it('Windows-1251 (a 1C export): Cyrillic headers and names', () => {
    const text = 'Контрагент;Дата;Сумма\nООО "Ромашка";01.02.2024;1 000,00\nИП Иванов И.И.;02.02.2024;250,00\nООО "Ромашка";03.03.2024;500,00\n';
    const r = run(write(iconv.encode(text, 'windows-1251')));
    expect(customers(r.json)).toEqual([['ООО "Ромашка"', 1500], ['ИП Иванов И.И.', 250]]);
    expect(r.json!.warnings[0]).toMatch(/Windows-1251 \(Cyrillic\)/);
  });

  it('a short file with English headers: the letters decide (Cyrillic names are not read as Greek or accented Latin)', () => {
    const r = run(write(iconv.encode('customer,date,amount\nООО Ромашка,2024-02-01,100\nAcme,2024-02-02,200\n', 'windows-1251')));
    expect(customers(r.json)).toEqual([['Acme', 200], ['ООО Ромашка', 100]]);
    expect(r.json!.warnings[0]).toMatch(/Windows-1251/);
  });

  it('the report\'s parameters show the note among the warnings', () => {
    const path = write(iconv.encode('Kunde;Datum;Betrag\nMüller;01.02.2024;10\nMöller;01.03.2024;20\n', 'windows-1252'));
    const r = cli(['segment', path, '--min-periods', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Warnings:\n {2}- The file is not UTF-8: it was read as Windows-1252/);
  });
});

describe('byte order marks and UTF-16', () => {
  it('Excel\'s "Unicode text": UTF-16 LE with a byte order mark, tab-separated, in a .txt', () => {
    const text = 'Customer\tDate\tAmount\r\nMüller\t2024-01-02\t10\r\nΑλφα\t2024-01-03\t20\r\nРомашка\t2024-01-04\t5\r\n';
    const r = run(write(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), '.txt'));
    expect(customers(r.json)).toEqual([['Αλφα', 20], ['Müller', 10], ['Ромашка', 5]]);
    expect(r.json!.warnings[0]).toBe('The file was read as UTF-16 LE (from its byte order mark).');
  });

  it('UTF-16 BE with a mark, and UTF-16 LE without one', () => {
    const text = 'Customer,Date,Amount\nZoë,2024-01-02,10\n';
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'x')).toMatchObject({ text, encoding: 'utf-16be' });
    const bare = decodeText(iconv.encode(text, 'utf-16le'), 'x');
    expect(bare).toMatchObject({ text, encoding: 'utf-16le' });
    expect(bare.note).toMatch(/no byte order mark/);
  });

  it('UTF-8, with or without a mark, says nothing', () => {
    const text = 'Kunde;Datum;Betrag\nMüller;01.02.2024;10\n';
    expect(decodeText(Buffer.from(text), 'x')).toEqual({ text, encoding: 'utf-8', note: null });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'x')).toEqual({ text, encoding: 'utf-8', note: null });
    const r = run(write(Buffer.from(`\ufeff${text}Möller;01.03.2024;20\n`)));
    expect(customers(r.json)).toEqual([['Möller', 20], ['Müller', 10]]);
    expect(r.json!.warnings.join(' ')).not.toMatch(/UTF|encoding/);
  });
});

describe('--encoding', () => {
  it('overrides the detection and is said in the warnings', () => {
    // Windows-1250 (Polish): not one of the detected code pages, named by the analyst
    const path = write(iconv.encode('customer,date,amount\nSpółka Łódź,2024-01-02,10\nŻabka,2024-01-03,20\n', 'windows-1250'));
    const r = run(path, '--encoding', 'windows-1250');
    expect(customers(r.json)).toEqual([['Żabka', 20], ['Spółka Łódź', 10]]);
    expect(r.json!.warnings[0]).toBe('The file was read as windows-1250, as --encoding says.');
    expect(run(path, '--encoding', 'cp1250').json!.customers[1].customer).toBe('Spółka Łódź');
  });

  it('--encoding utf-8 on a file that is not says where', () => {
    const path = write(iconv.encode('customer,date,amount\nMüller,2024-01-02,10\n', 'windows-1252'));
    const r = run(path, '--encoding', 'utf-8');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not valid utf-8 \(byte 0xFC on line 2\), although --encoding says so/);
  });

  it('an unknown name is a usage error (exit 2) naming the names it takes', () => {
    const r = cli(['segment', 'x.csv', '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown encoding "klingon" for --encoding: use a name such as utf-8/);
    expect(encodingOption('CP1252')).toBe('windows-1252');
    expect(encodingOption('Latin1')).toBe('latin1');
  });

  it('appears in --help', () => {
    expect(cli(['--help']).stdout).toMatch(/--encoding NAME\s+The encoding of a CSV\/TSV file/);
  });
});

describe('when the encoding cannot be told, a sentence says so and how to fix it', () => {
  it('one letter above ASCII reads as a letter in every code page: undecided', () => {
    const path = write(Buffer.concat([Buffer.from('customer,date,amount\n'), Buffer.from([0xc4]), Buffer.from(',2024-01-01,10\n')]));
    const r = run(path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not UTF-8, and its encoding cannot be told from its text: .*Windows-1252.*Name it with --encoding \(for example --encoding windows-1252\), or save the file from Excel as "CSV UTF-8"/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it('bytes no code page defines: unreadable, with the byte and the line', () => {
    const path = write(Buffer.concat([Buffer.from('customer,date,amount\nA,2024-01-01,1\n'), Buffer.from([0x98, 0x81, 0x8d]), Buffer.from(',2024-01-01,10\n')]));
    const r = run(path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not UTF-8 \(byte 0x98 on line 3\), and no known code page reads it as text\. Name its encoding with --encoding NAME, or save the file from Excel as "CSV UTF-8"/);
  });

  it('a workbook saved under a .csv name is named as such', () => {
    const r = run(write(Buffer.from('PK\x03\x04 rest of a zip')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is an \.xlsx workbook under another name/);
  });

  it('a table the core cannot use, read in a detected code page, says which one was used', () => {
    const r = run(write(iconv.encode('Spalte;Wert\nMüller;5\n', 'windows-1252')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No customer column found.*The file was read as Windows-1252 \(Western European\): if the headers look garbled, name the encoding with --encoding/);
  });
});

describe('detection never reads a file in a wrong code page with confidence', () => {
  const NAMES: Record<string, string[]> = {
    'windows-1252': ['Müller GmbH', 'Möller GmbH', 'Société Générale', 'Café Crème', 'Bäckerei Schäfer', 'Größe KG', 'Peña Hermanos', 'Muñoz y Cía', 'Française des Jeux', 'Hôtel Château', 'Düsseldorf Süd', 'Straße 5', 'Renée', 'José Núñez', 'Œuvre', 'Ça va'],
    'windows-1253': ['Αλφα ΑΕ', 'Βήτα ΕΠΕ', 'Παπαδόπουλος', 'Γεώργιος', 'ΟΤΕ', 'Κωνσταντίνου', 'Ελληνική Εταιρεία', 'Αθήνα', 'Ζήτα', 'Ωμέγα', 'Θεσσαλονίκη', 'Σύνολο', 'Πειραιάς'],
    'windows-1251': ['ООО Ромашка', 'ИП Иванов', 'ЗАО Вектор', 'Петров', 'Сбербанк', 'Щукин', 'Эльдорадо', 'Юлия', 'Ёлка', 'ОАО Газ', 'Київ', 'Жуков', 'Итого', 'Новосибирск'],
  };
  const HEADERS: Record<string, string> = {
    'windows-1252': 'Kunde;Datum;Betrag', 'windows-1253': 'Πελάτης;Ημερομηνία;Ποσό', 'windows-1251': 'Клиент;Дата;Сумма',
  };

  it('few names under English headers: the right code page, or a sentence — never another one', () => {
    fc.assert(fc.property(
      fc.constantFrom(...Object.keys(NAMES)).chain((enc) => fc.tuple(fc.constant(enc), fc.subarray(NAMES[enc], { minLength: 1, maxLength: 4 }))),
      ([enc, names]) => {
        const text = `customer,date,amount\n${names.map((x, i) => `${x},2024-01-0${i + 1},10`).join('\n')}\n`;
        try {
          const d = decodeText(iconv.encode(text, enc), 'x');
          expect(d.encoding).toBe(enc);
          expect(d.text).toBe(text);
        } catch (e) {
          expect(e).toBeInstanceOf(EncodingError);
        }
      },
    ), { numRuns: 300 });
  });

  it('five names or a header of the language: always the right code page', () => {
    fc.assert(fc.property(
      fc.constantFrom(...Object.keys(NAMES)).chain((enc) => fc.tuple(fc.constant(enc), fc.subarray(NAMES[enc], { minLength: 1, maxLength: 8 }), fc.boolean())),
      ([enc, names, localHeader]) => {
        if (!localHeader && names.length < 5) return;
        const head = localHeader ? HEADERS[enc] : 'customer;date;amount';
        const text = `${head}\n${names.map((x, i) => `${x};0${i + 1}.01.2024;10`).join('\n')}\n`;
        const d = decodeText(iconv.encode(text, enc), 'x');
        expect(d.encoding).toBe(enc);
        expect(d.text).toBe(text);
      },
    ), { numRuns: 300 });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      let valid = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { valid = false; }
      const at = firstInvalidUtf8(bytes);
      expect(at === -1).toBe(valid);
      if (!valid) {
        // everything before it decodes, and the sequence starting there does not
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
      }
    }), { numRuns: 2000 });
  });
});
