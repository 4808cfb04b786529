// The CSV reading (cli/csv.ts): records with the line each starts on, quoted values across lines,
// and every problem named by its line — above all, one stray quote never consumes the file. The
// properties hold the reader to an independent splitter that knows nothing of quotes: every line
// of the file is a row, or a line inside a quoted value that the run names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter } from '../../core';
import { QUOTED_MAX_CHARS, QUOTED_MAX_LINES, readRecords, type RecordProblems } from '../../cli/csv';
import { streamDelimited } from '../../cli/input';
import { tempDir } from './helpers';

let dir: string;
beforeAll(() => { dir = tempDir(); });
let n = 0;

function records(text: string, delimiter = ','): { rows: { fields: string[]; line: number }[]; problems: RecordProblems } {
  const rows: { fields: string[]; line: number }[] = [];
  const problems = readRecords(text, delimiter, (fields, line) => rows.push({ fields, line }));
  return { rows, problems };
}

/** The independent splitter: lines at \r\n, \n or \r, quotes ignored; a last line end ends the last line. */
function naiveLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (/(\r\n|\n|\r)$/.test(text)) lines.pop();
  return lines;
}

describe('records and their lines', () => {
  it('plain lines, any line end, blank lines, no empty record after the last line end', () => {
    const { rows, problems } = records('a,b\r\nc,d\ne,f\rg\n\nh,i\n');
    expect(rows).toEqual([
      { fields: ['a', 'b'], line: 1 }, { fields: ['c', 'd'], line: 2 }, { fields: ['e', 'f'], line: 3 },
      { fields: ['g'], line: 4 }, { fields: [''], line: 5 }, { fields: ['h', 'i'], line: 6 },
    ]);
    expect(problems.runaway.count + problems.innerQuote.count + problems.multiline.count).toBe(0);
  });

  it('quoted values: delimiters, doubled quotes, line breaks (the next record starts on its own line), spaces after the closing quote', () => {
    const { rows, problems } = records('"a,b","say ""hi""",1\n"two\nlines",x\r\n"",""""\n"q" ,z\n');
    expect(rows).toEqual([
      { fields: ['a,b', 'say "hi"', '1'], line: 1 },
      { fields: ['two\nlines', 'x'], line: 2 },
      { fields: ['', '"'], line: 4 },
      { fields: ['q', 'z'], line: 5 },
    ]);
    expect(problems.multiline).toMatchObject({ count: 1, first: [2] });
    expect(problems.joinedLines).toBe(1);
    expect(problems.runaway.count).toBe(0);
  });

  it('a quote inside an unquoted value is an ordinary character; an undoubled one inside a quoted value is kept and named', () => {
    const { rows, problems } = records('12" pipe,1\n"He said "hi" twice",2\n');
    expect(rows.map((r) => r.fields)).toEqual([['12" pipe', '1'], ['He said "hi" twice', '2']]);
    expect(problems.innerQuote).toMatchObject({ count: 1, first: [2] });
  });

  it('the issue\'s ledger: a quote at the start of line 12 no longer swallows the rest; the line is named', () => {
    const lines = ['customer,date,amount', ...Array.from({ length: 2000 }, (_, i) => `C${i},2024-01-01,${i}`)];
    lines[11] = `"${lines[11]}`;
    const { rows, problems } = records(lines.join('\n'));
    expect(rows).toHaveLength(2001);
    expect(rows[11]).toEqual({ fields: ['"C10', '2024-01-01', '10'], line: 12 });
    expect(rows[2000].line).toBe(2001);
    expect(problems.runaway).toMatchObject({ count: 1, first: [12] });
  });

  it('a quote whose value would close only on a later line behind an undoubled quote is a stray one', () => {
    // line 2 opens a value; line 4's quoted name would close it three lines on, through its opening quote
    const { rows, problems } = records('h1,h2\n"Acme,1\nBeta,2\n"Smith, J",3\nGamma,4\n');
    expect(rows.map((r) => r.fields)).toEqual([['h1', 'h2'], ['"Acme', '1'], ['Beta', '2'], ['Smith, J', '3'], ['Gamma', '4']]);
    expect(problems.runaway.first).toEqual([2]);
  });

  it('limits: a quoted value may span QUOTED_MAX_LINES lines and QUOTED_MAX_CHARS characters, not more', () => {
    const within = `"${'x\n'.repeat(QUOTED_MAX_LINES)}",1\nnext,2\n`;
    expect(records(within).rows).toHaveLength(2);
    const beyond = `"${'x\n'.repeat(QUOTED_MAX_LINES + 1)}",1\nnext,2\n`;
    const r = records(beyond);
    expect(r.rows).toHaveLength(QUOTED_MAX_LINES + 3);
    // the closing quote, alone at the start of its line, opens a value of its own that never closes either
    expect(r.problems.runaway.first).toEqual([1, QUOTED_MAX_LINES + 2]);
    expect(records(`"${'y'.repeat(QUOTED_MAX_CHARS - 1)}",1\n`).rows[0].fields[0]).toHaveLength(QUOTED_MAX_CHARS - 1);
    expect(records(`"${'y'.repeat(QUOTED_MAX_CHARS + 1)}",1\n`).problems.runaway.count).toBe(1);
  });

  it('a quote left open to the end of the file is named, and the lines after it are rows', () => {
    const { rows, problems } = records('a,b\n"c,d\ne,f\n');
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['"c', 'd'], ['e', 'f']]);
    expect(problems.runaway.first).toEqual([2]);
  });

  it('stays linear on a file where every line opens a quote that never closes', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `"C${i},2024-01-01,1`).join('\n');
    const t0 = performance.now();
    const { rows, problems } = records(text);
    expect(rows).toHaveLength(20000);
    expect(problems.runaway.count).toBe(20000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------
// properties

const ATOMS = ['a', 'b', 'Z', '1', ' ', ',', ';', '\t', '|', '"', '"', '""', '\n', '\r\n', '\r'];
const anyText = fc.array(fc.constantFrom(...ATOMS), { maxLength: 80 }).map((a) => a.join(''));

describe('properties', () => {
  it('any text: every line of the file is a row, or inside a quoted value spanning lines; a line without quotes is split as it is', () => {
    fc.assert(fc.property(anyText, fc.constantFrom(',', ';', '\t', '|'), (text, d) => {
      const lines = naiveLines(text);
      const { rows, problems } = records(text, d);
      expect(rows.length + problems.joinedLines).toBe(lines.length);
      // each record starts where the one before it ends, and the lines it joins are named
      let spanning = 0;
      rows.forEach((r, i) => {
        const next = i + 1 < rows.length ? rows[i + 1].line : lines.length + 1;
        expect(r.line).toBe(i === 0 ? 1 : r.line);
        expect(next).toBeGreaterThan(r.line);
        if (next - r.line > 1) {
          spanning++;
          if (problems.multiline.count <= 5) expect(problems.multiline.first.some((l) => l >= r.line && l < next)).toBe(true);
        }
        const own = lines[r.line - 1];
        if (!own.includes('"')) expect(r.fields).toEqual(own.split(d));
      });
      expect(problems.multiline.count).toBeGreaterThanOrEqual(spanning);
      for (const l of problems.runaway.first) expect(lines[l - 1]).toContain('"');
    }), { numRuns: 3000 });
  });

  it('any table written as a spreadsheet writes CSV reads back exactly, with no problem but its line breaks', () => {
    const field = fc.array(fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', 'é', '1'), { maxLength: 8 }).map((a) => a.join(''));
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    const quote = (v: string) => (/[",\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v);
    fc.assert(fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, eol, last) => {
      // a record of one empty value is a blank line: written as "" so that it is not confused with none at the end
      const text = rows.map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map(quote).join(','))).join(eol) + (last ? eol : '');
      const read = records(text);
      expect(read.rows.map((r) => r.fields)).toEqual(rows);
      expect(read.problems.runaway.count + read.problems.innerQuote.count).toBe(0);
    }), { numRuns: 1500 });
  });

  it('the run: rows read = the data lines an independent splitter counts, or the run names the lines a quoted value joined', () => {
    const good = fc.tuple(fc.constantFrom('Acme', 'Beta', 'Gamma'), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 999 }))
      .map(([c, d, a]) => `${c},2024-03-${String(d).padStart(2, '0')},${a}`);
    const line = fc.oneof(good, anyText.map((s) => s.replace(/\r\n|\n|\r/g, ' ')), anyText);
    fc.assert(fc.property(good, fc.array(line, { maxLength: 30 }), good, fc.constantFrom('\n', '\r\n'), (first, middle, lastLine, eol) => {
      const text = ['sep=,', 'customer,date,amount', first, ...middle, lastLine].join(eol) + eol;
      const path = join(dir, `p${n++}.csv`);
      writeFileSync(path, text);
      const s = createSegmenter({});
      const read = streamDelimited(path, (row) => s.add(row));
      const result = s.finish();
      const warnings = [...read.notes, ...read.afterHeader(result.headerRow)];
      expect(result.headerRow).toBe(1);
      const dataLines = naiveLines(text).length - 2;
      const joined = /line breaks inside values: (\d+)/.exec(warnings.join('\n'));
      if (result.totals.rowsRead !== dataLines) {
        expect(joined).not.toBeNull();
        expect(result.totals.rowsRead + Number(joined![1])).toBe(dataLines);
        expect(warnings.join('\n')).toMatch(/^Lines? \d+.*: a quoted value runs over more than one line/m);
      } else {
        expect(joined).toBeNull();
      }
      expect(result.totals.rowsUsed + result.totals.rowsSkipped).toBe(result.totals.rowsRead);
    }), { numRuns: 300 });
  });
});
