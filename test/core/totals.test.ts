// Totals rows and columns are never customers or periods: whole-cell totals words in six
// languages, subtotal lines ("Acme Total", "Итого по Acme"), rows that add up the rows above
// them; a real customer such as "Total Logistics Ltd" stays a customer. Wide tables read
// decimal-comma values as long ones do.
import { describe, expect, it } from 'vitest';
import { createSegmenter, segment, type RawCell, type SegmentResult } from '../../core';
import { isTotalsHeader, isTotalsWord, maybeTotals, subtotalName } from '../../core/read/totals';

const H = ['Customer', 'Date', 'Amount'];
const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const reasons = (r: SegmentResult) => r.skipped.map((s) => [s.row, s.reason]);
function streamed(rows: RawCell[][]): SegmentResult {
  const s = createSegmenter();
  for (const row of rows) s.add(row.slice());
  return s.finish();
}

const WORDS = [
  // English, Greek, Russian, German, French, Spanish
  'Total', 'TOTAL', 'Grand total', 'Grand Total', 'Totals', 'Sum', 'Subtotal', 'Sub-total', 'Total:',
  'Σύνολο', 'ΣΥΝΟΛΟ', 'Γενικό σύνολο', 'Γενικό άθροισμα', 'Άθροισμα',
  'Итого', 'ИТОГО:', 'Всего', 'Общий итог', 'Итог',
  'Summe', 'Gesamtsumme', 'Gesamtergebnis', 'Gesamt', 'Zwischensumme', 'Insgesamt',
  'Total général', 'Sous-total', 'Somme',
  'Total general', 'Suma total', 'Suma', 'Totales',
  '  grand   TOTAL  ', '*** Total ***',
];

describe('totals words', () => {
  it('every totals word of the six languages, in any case, trimmed, with punctuation around it', () => {
    for (const w of WORDS) expect(isTotalsWord(w), w).toBe(true);
  });

  it('names that merely contain a totals word are not totals words', () => {
    for (const name of ['Total Logistics Ltd', 'Sport Total', 'Totalität AG', 'Summit Ltd', 'Gesamtschule Nord', 'Σύνολο Α.Ε.', 'Итоговая ООО', 'Sumatra Trading', 'Acme', 'C000038', 'Totally Fresh', 'Sum Corp', 'TT'])
      expect(isTotalsWord(name), name).toBe(false);
  });

  it('the cheap first test lets every totals word and subtotal line through', () => {
    for (const w of [...WORDS, 'Acme Total', 'Итого по Acme', 'Müller GmbH Ergebnis', 'Acme Σύνολο', 'Total Acme']) expect(maybeTotals(w), w).toBe(true);
    // and stops the usual ids and names at once
    for (const s of ['C000038', '10432', 'Müller GmbH', 'Acme Inc', 'Helios Clinics LLC', 'ab']) expect(maybeTotals(s), s).toBe(false);
  });

  it('subtotal lines name what they add up', () => {
    expect(subtotalName('Acme Total')).toBe('acme');
    expect(subtotalName('Acme, Inc. Total')).toBe('acme inc');
    expect(subtotalName('Итого по ООО Ромашка')).toBe('ооо ромашка');
    expect(subtotalName('Müller GmbH Ergebnis')).toBe('muller gmbh');
    expect(subtotalName('Πελάτης Α Σύνολο')).toBe('πελατησ α');
    expect(subtotalName('Total Logistics Ltd')).toBe('logistics ltd');
    expect(subtotalName('Total')).toBeNull();
    expect(subtotalName('Acme Ltd')).toBeNull();
  });

  it('totals headers of a pivot', () => {
    for (const h of ['Total', 'Grand Total', 'Gesamtergebnis', 'Итого', 'Σύνολο', 'Total général', 'Total 2024', '2024 Total', 'Sum of Amount', 'Jan Summe'])
      expect(isTotalsHeader(h), h).toBe(true);
    for (const h of ['Jan', 'Feb 2024', 'Q1', 'Sales Jan', 'Umsatz März', '2024-01', 'Summer'])
      expect(isTotalsHeader(h), h).toBe(false);
  });
});

describe('totals rows in a long table', () => {
  it('a totals word in the customer cell skips the row as a totals row, in every language, dated or not', () => {
    const rows: RawCell[][] = [H, ['Acme', '2024-01-05', 100], ['Beta', '2024-01-06', 50]];
    for (const [i, w] of WORDS.entries()) rows.push([w, i % 2 ? '2024-01-31' : '', 150]);
    for (const r of [segment(rows), streamed(rows)]) {
      expect(revenue(r)).toEqual({ Acme: 100, Beta: 50 });
      expect(r.skipped.length).toBe(WORDS.length);
      expect(r.skipped.every((s) => s.reason === 'totals row')).toBe(true);
      expect(r.skipped[0].row).toBe(4);
      expect(r.totals).toMatchObject({ rowsRead: 2 + WORDS.length, rowsUsed: 2, customers: 2 });
    }
  });

  it('Excel\'s subtotal layout: "<name> Total" after each customer\'s rows, then "Grand Total"', () => {
    const rows: RawCell[][] = [
      H,
      ['Acme', '2024-01-05', 100], ['Acme', '2024-02-05', 50], ['Acme Total', '', 150],
      ['Beta', '2024-01-06', 70], ['Beta Total', '', 70],
      ['Gamma', '2024-03-01', 10], ['Gamma', '2024-03-02', 'n/a'], ['Gamma Σύνολο', '', 12.5],
      ['ООО Ромашка', '2024-03-03', 5], ['Итого по ООО Ромашка', '', 5],
      ['Müller GmbH', '2024-03-04', 1], ['Müller GmbH Ergebnis', '2024-03-31', 1],
      ['Grand Total', '', 237.5],
    ];
    for (const r of [segment(rows), streamed(rows)]) {
      expect(revenue(r)).toEqual({ Acme: 150, Beta: 70, Gamma: 10, 'ООО Ромашка': 5, 'Müller GmbH': 1 });
      expect(reasons(r)).toEqual([
        [4, 'totals row'], [6, 'totals row'], [8, '"n/a" in column C (Amount) is not a number'], [9, 'totals row'], [11, 'totals row'], [13, 'totals row'], [14, 'totals row'],
      ]);
    }
  });

  it('a row with an empty customer whose amount adds up the rows since the previous total is a totals row', () => {
    const rows: RawCell[][] = [
      H,
      ['A', '2024-01-05', 10.1], ['B', '2024-01-06', 20.2], ['', '', 30.3], // the sum of the two above
      ['C', '2024-01-07', 5], ['D', '2024-01-08', 6], ['', '2024-01-31', 11], // since the previous total
      ['', '', 41.3], // the sum of everything above: a grand total
      ['', '2024-01-09', 7], // adds up nothing: an empty customer
      ['E', '2024-01-10', 7], ['', '2024-01-11', 7], // one row is no total
    ];
    for (const r of [segment(rows), streamed(rows)]) {
      expect(revenue(r)).toEqual({ A: 10.1, B: 20.2, C: 5, D: 6, E: 7 });
      expect(reasons(r)).toEqual([[4, 'totals row'], [7, 'totals row'], [8, 'totals row'], [9, 'customer is empty'], [11, 'customer is empty']]);
    }
  });

  it('subtotals by a group that is no customer ("North Total") are totals rows when they add up', () => {
    const rows: RawCell[][] = [H, ['A', '2024-01-05', 10], ['B', '2024-01-06', 20], ['North Total', '2024-01-31', 30], ['C', '2024-01-07', 5], ['D', '2024-01-08', 6], ['South Total', '2024-01-31', 11], ['Total', '', 41]];
    const r = segment(rows);
    expect(revenue(r)).toEqual({ A: 10, B: 20, C: 5, D: 6 });
    expect(reasons(r)).toEqual([[4, 'totals row'], [7, 'totals row'], [8, 'totals row']]);
  });

  it('decimal-comma amounts: the totals check reads them as the column does', () => {
    const rows: RawCell[][] = [['Kunde', 'Datum', 'Betrag'], ['Müller', '05.01.2024', '1.234,50'], ['Schmidt', '06.01.2024', '10,25'], ['', '', '1.244,75'], ['Summe', '', '1.244,75']];
    const r = segment(rows);
    expect(revenue(r)).toEqual({ Müller: 1234.5, Schmidt: 10.25 });
    expect(reasons(r)).toEqual([[4, 'totals row'], [5, 'totals row']]);
  });

  it('a real customer named like a total stays a customer: "Total Logistics Ltd", "Sport Total", "Totalität AG"', () => {
    const rows: RawCell[][] = [
      H,
      ['Acme', '2024-01-05', 100], ['Total Logistics Ltd', '2024-01-06', 40], ['Sport Total', '2024-01-07', 30],
      ['Totalität AG', '2024-01-08', 20], ['Total Logistics Ltd', '2024-02-06', 45], ['Sport Total', '2024-03-07', 35],
      ['Summit Ltd', '2024-03-08', 5],
    ];
    for (const r of [segment(rows), streamed(rows)]) {
      expect(revenue(r)).toEqual({ Acme: 100, 'Total Logistics Ltd': 85, 'Sport Total': 65, 'Totalität AG': 20, 'Summit Ltd': 5 });
      expect(r.skipped).toEqual([]);
    }
  });

  it('also when the name it would total is a customer above it, as long as one of its lines is not a subtotal', () => {
    const rows: RawCell[][] = [
      H,
      ['Logistics Ltd', '2024-01-05', 100], ['Total Logistics Ltd', '2024-01-06', 40], // right below, but …
      ['Acme', '2024-01-07', 30], ['Total Logistics Ltd', '2024-02-06', 45], // … this line adds nothing up
      ['Sport', '2024-03-01', 9], ['Sport Total', '2024-03-02', 4], ['Beta', '2024-03-03', 1], ['Sport Total', '2024-03-04', 4],
    ];
    const r = segment(rows);
    expect(revenue(r)).toEqual({ 'Logistics Ltd': 100, 'Total Logistics Ltd': 85, Acme: 30, Sport: 9, 'Sport Total': 8, Beta: 1 });
    expect(r.skipped).toEqual([]);
  });

  it('a totals row never becomes a customer, whatever its amount', () => {
    const rows: RawCell[][] = [H, ['A', '2024-01-05', 10], ['B', '2024-01-06', 20], ['Total', '2024-01-31', 999], ['Итого', '2024-01-31', 1]];
    const r = segment(rows);
    expect(r.customers.map((c) => c.customer)).toEqual(['B', 'A']);
    expect(r.totals.customers).toBe(2);
  });

  it('a table of totals rows only is an error that says so', () => {
    expect(() => segment([H, ['Total', '2024-01-31', 10], ['Summe', '2024-01-31', 10]])).toThrow(/for 2 of them \(the first in row 2\): totals row \(column A \(Customer\)\)/);
  });
});

describe('wide tables (pivots)', () => {
  it('a Grand Total column is not a period, a Grand Total row is not a customer', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Jan', 'Feb', 'Mar', 'Grand Total'],
      ['Acme', 10, 20, 30, 60],
      ['Beta', 5, 5, 5, 15],
      ['Gamma', 1, 0, 0, 1],
      ['Grand Total', 16, 25, 35, 76],
    ];
    const r = segment(grid);
    expect(r.periodLabels).toEqual(['Jan', 'Feb', 'Mar']);
    expect(revenue(r)).toEqual({ Acme: 60, Beta: 15, Gamma: 1 });
    expect(r.customers.find((c) => c.customer === 'Acme')!.share).toBeCloseTo(60 / 76, 12);
    expect(reasons(r)).toEqual([[5, 'totals row']]);
    expect(r.warnings).toContain('Column E (Grand Total) holds totals: it is not read as a period.');
  });

  it('an Excel pivot in compact form: "Sum of Amount" above, "Row Labels" as the customer, totals in every language', () => {
    for (const [grand, labels] of [['Grand Total', 'Row Labels'], ['Gesamtergebnis', 'Zeilenbeschriftungen'], ['Общий итог', 'Названия строк'], ['Total général', 'Étiquettes de lignes'], ['Total general', 'Etiquetas de fila'], ['Γενικό άθροισμα', 'Ετικέτες γραμμών']]) {
      const grid: RawCell[][] = [
        ['Sum of Amount', 'Column Labels'],
        [labels, '2024-01', '2024-02', grand],
        ['Acme', 10, 20, 30],
        ['Beta', 5, '', 5],
        [grand, 15, 20, 35],
      ];
      const r = segment(grid);
      expect(r.headerRow, grand).toBe(2);
      expect(r.periodLabels, grand).toEqual(['2024-01', '2024-02']);
      expect(revenue(r), grand).toEqual({ Acme: 30, Beta: 5 });
      expect(reasons(r), grand).toEqual([[5, 'totals row']]);
    }
  });

  it('subtotal rows and rows that add up the rows above them', () => {
    const grid: RawCell[][] = [
      ['Kunde', 'Q1', 'Q2'],
      ['Acme', 1, 2], ['Beta', 3, 4], ['Nord Summe', 4, 6],
      ['Gamma', 5, 0], ['Gamma Ergebnis', 5, 0],
      ['', 9, 6],
      ['Total Logistics Ltd', 2, 2],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ Acme: 3, Beta: 7, Gamma: 5, 'Total Logistics Ltd': 4 });
    expect(reasons(r)).toEqual([[4, 'totals row'], [6, 'totals row'], [7, 'totals row']]);
  });

  it('decimal-comma values are read as in long tables (with or without --decimal ,)', () => {
    const grid: RawCell[][] = [['Kunde', 'Jan', 'Feb', 'Mär', 'Gesamt'], ['Müller', '1.234,56', '12,5', '0,5', '1.247,56'], ['Schmidt', '10,25', '', '3', '13,25'], ['Summe', '1.244,81', '12,5', '3,5', '1.260,81']];
    for (const o of [{}, { decimal: ',' as const }]) {
      const r = segment(grid, o);
      expect(r.periodLabels).toEqual(['Jan', 'Feb', 'Mär']);
      expect(revenue(r)).toEqual({ Müller: 1247.56, Schmidt: 13.25 });
      expect(reasons(r)).toEqual([[4, 'totals row']]);
    }
    // points and thousands commas still read as before
    expect(revenue(segment([['Customer', 'Jan', 'Feb'], ['A', '1,234.5', '2.25'], ['B', '1', '2']]))).toEqual({ A: 1236.75, B: 3 });
  });
});

describe('totals rows among many customers', () => {
  it('a totals word met as the 65th, 129th … customer is still known as one (the per-customer table grows)', () => {
    const rows: RawCell[][] = [H];
    for (let i = 0; i < 300; i++) {
      rows.push([`C${i}`, 45000 + (i % 50), 1]);
      if (i % 64 === 63) rows.push([['Total', 'Summe', 'Итого', 'Σύνολο'][(i >> 6) % 4] + ' '.repeat(i >> 6), '', 1000]);
    }
    const r = segment(rows);
    expect(r.totals.customers).toBe(300);
    expect(r.totals.metricTotal).toBe(300);
    expect(r.skipped.map((s) => s.reason)).toEqual(Array(4).fill('totals row'));
  });
});
