// Header-plus-detail layouts and continuation lines.
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../../../core';
import { planContinuations, type Anchor, type Candidate } from '../../../../core/read/plausibility/continuation';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const reasons = (r: SegmentResult) => Object.fromEntries(r.skipped.map((s) => [s.row, s.reason]));

// 1C "Продажи по документам": the document's row (its total) above its product lines, all with its number.
const ONE_C: RawCell[][] = [
  ['Документ', 'Контрагент', 'Дата', 'Номенклатура', 'Количество', 'Сумма'],
  ['РТ-00041', 'ООО Ромашка', '15.01.2024', '', '', '12 500,00'],
  ['РТ-00041', 'ООО Ромашка', '15.01.2024', 'Бумага A4', 50, '7 500,00'],
  ['РТ-00041', 'ООО Ромашка', '15.01.2024', 'Тонер', 2, '5 000,00'],
  ['РТ-00042', 'ИП Сидоров', '16.01.2024', '', '', '3 100,00'],
  ['РТ-00042', 'ИП Сидоров', '16.01.2024', 'Папки', 100, '1 800,00'],
  ['РТ-00042', 'ИП Сидоров', '16.01.2024', 'Скрепки', 40, '1 300,00'],
  ['РТ-00043', 'ООО Ромашка', '02.02.2024', '', '', '900,00'],
  ['РТ-00043', 'ООО Ромашка', '02.02.2024', 'Ручки', 90, '900,00'],
];

// QuickBooks-style "Sales by Customer Detail": customer and date on the first line of each invoice only.
const CONTINUED: RawCell[][] = [
  ['Customer', 'Date', 'Num', 'Item', 'Qty', 'Amount'],
  ['Bayside Cafe', '2024-02-01', '1021', 'Espresso beans', 4, 96],
  ['', '', '1021', 'Filters', 2, 9.5],
  ['', '', '1021', 'Syrup', 1, 12],
  ['Harbor Books', '2024-02-03', '1022', 'Gift cards', 5, 125],
  ['Bayside Cafe', '2024-03-01', '1023', 'Espresso beans', 6, 144],
  ['', '', '1023', 'Filters', 1, 4.75],
];

describe('header-plus-detail with order numbers', () => {
  it('1C: each document row holding the sum of its lines is skipped with the reason', () => {
    const r = segment(ONE_C);
    expect(revenue(r)).toEqual({ 'ООО Ромашка': 13400, 'ИП Сидоров': 3100 });
    expect(reasons(r)).toEqual({
      2: 'order header: its amount is the sum of the 2 line(s) below it (order РТ-00041 in column A (Документ))',
      5: 'order header: its amount is the sum of the 2 line(s) below it (order РТ-00042 in column A (Документ))',
      8: 'order header: its amount is the sum of the 1 line(s) below it (order РТ-00043 in column A (Документ))',
    });
    // the skipped header rows keep their own cells for the Skipped rows sheet
    expect(r.skipped[0].values).toEqual(ONE_C[1]);
    expect(r.totals.rowsUsed + r.totals.rowsSkipped).toBe(r.totals.rowsRead);
    expect(r.warnings.join('\n')).toMatch(/3 order header row\(s\).*column A \(Документ\).*rows 2, 5, 8\)\. Set --order - if they are no headers/);
  });

  it('a header row read late (its amount waited for the column\'s decimal separator) still heads its order', () => {
    const grid: RawCell[][] = [
      ['Beleg', 'Kunde', 'Datum', 'Betrag'],
      ['R-1', 'Kessler AG', '05.02.2024', '1.250.000'], ['R-1', 'Kessler AG', '05.02.2024', 750000], ['R-1', 'Kessler AG', '05.02.2024', 500000],
      ['R-2', 'Nordtal GmbH', '07.02.2024', '2.000.000'], ['R-2', 'Nordtal GmbH', '07.02.2024', 1500000], ['R-2', 'Nordtal GmbH', '07.02.2024', 500000],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Kessler AG': 1250000, 'Nordtal GmbH': 2000000 });
    expect(Object.keys(reasons(r))).toEqual(['2', '5']);
    expect(r.skipped[0].values).toEqual(grid[1]);
  });

  it('the lines of an order are its consecutive rows: the same number further down is another order', () => {
    const grid: RawCell[][] = [
      ['Invoice', 'Customer', 'Date', 'Amount'],
      ['I-1', 'A', '2024-01-02', 30], ['I-1', 'A', '2024-01-02', 10], ['I-1', 'A', '2024-01-02', 20],
      ['I-2', 'B', '2024-01-03', 9], ['I-2', 'B', '2024-01-03', 4], ['I-2', 'B', '2024-01-03', 5],
      ['I-1', 'A', '2024-01-04', 30],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 60, B: 9 });
    expect(Object.keys(reasons(r))).toEqual(['2', '5']);
  });

  it('one order opening with the sum of the rest is no evidence: no change', () => {
    const grid: RawCell[][] = [
      ['Invoice', 'Customer', 'Date', 'Amount'],
      ['I-1', 'A', '2024-01-02', 100], ['I-1', 'A', '2024-01-02', 60], ['I-1', 'A', '2024-01-02', 40],
      ['I-2', 'B', '2024-01-03', 10], ['I-2', 'B', '2024-01-03', 20], ['I-2', 'B', '2024-01-03', 5],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 200, B: 35 });
    expect(r.warnings.join('\n')).not.toMatch(/order/);
  });
});

describe('continuation lines', () => {
  it('take the customer and date of the order\'s first line', () => {
    const r = segment(CONTINUED);
    expect(revenue(r)).toEqual({ 'Bayside Cafe': 96 + 9.5 + 12 + 144 + 4.75, 'Harbor Books': 125 });
    expect(r.totals.rowsSkipped).toBe(0);
    const bayside = r.customers.find((c) => c.customer === 'Bayside Cafe')!;
    expect(bayside.purchases).toBe(2);
    expect(r.warnings.join('\n')).toMatch(/3 row\(s\) with an empty customer in column A \(Customer\) were read as lines of the row above them.*\(rows 3, 4, 7\)\. Set --continuation off/);
  });

  it('without an order column, a row whose customer and date are both empty continues the row above', () => {
    const r = segment(CONTINUED.map((row) => [row[0], row[1], row[3], row[5]]));
    expect(revenue(r)).toEqual({ 'Bayside Cafe': 266.25, 'Harbor Books': 125 });
  });

  it('below title lines (the header found on row 4), rows are named by their sheet rows', () => {
    const titled: RawCell[][] = [['Sales by Customer Detail'], ['January - June, 2024'], [], ...CONTINUED];
    const r = segment(titled);
    expect(revenue(r)).toEqual({ 'Bayside Cafe': 96 + 9.5 + 12 + 144 + 4.75, 'Harbor Books': 125 });
    expect(r.warnings.join('\n')).toMatch(/\(rows 6, 7, 10\)/);
    const headers = segment([['Продажи по документам'], [], ...ONE_C]);
    expect(Object.keys(reasons(headers))).toEqual(['4', '7', '10']);
    expect(headers.skipped[0].values).toEqual(ONE_C[1]);
  });

  it('a row with its own date but no customer and no order number is not a continuation', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ['A', '2024-01-02', 10], ['', '2024-01-03', 5], ['B', '2024-01-04', 7]];
    const r = segment(grid);
    expect(reasons(r)).toEqual({ 3: 'customer is empty' });
  });

  it('a subtotal line under the lines of a block is not read as one more line', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Date', 'Item', 'Amount'],
      ['A', '2024-01-02', 'x', 10], ['', '', 'y', 5], ['', '', '', 15],
      ['B', '2024-01-04', 'z', 7], ['', '', 'w', 2],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 15, B: 9 });
    expect(reasons(r)).toEqual({ 4: 'customer is empty' });
  });

  it('QuickBooks "Sales by Customer Detail": a heading row with the customer, its dated lines below', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Date', 'Transaction Type', 'Num', 'Amount'],
      ["Amy's Bird Sanctuary", '', '', '', ''],
      ['', '01/05/2024', 'Invoice', '1001', '1,200.00'],
      ['', '02/28/2024', 'Sales Receipt', '1004', '300.00'],
      ['Cool Cars', '', '', '', ''],
      ['', '02/02/2024', 'Invoice', '1002', '850.00'],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ "Amy's Bird Sanctuary": 1500, 'Cool Cars': 850 });
    expect(reasons(r)).toEqual({ 2: 'date is empty', 5: 'date is empty' });
  });

  it('Salesforce formatted report, grouped by account: the account on its first row only, each row with its date', () => {
    const grid: RawCell[][] = [
      ['Account Name', 'Opportunity Name', 'Stage', 'Close Date', 'Amount'],
      ['Edge Communications', 'Edge – Deal 1', 'Closed Won', '1/15/2024', 60000],
      ['', 'Edge – Deal 2', 'Closed Won', '3/2/2024', 45000],
      ['', 'Edge – Deal 3', 'Closed Won', '5/20/2024', 12500],
      ['', 'Edge – Deal 4', 'Closed Won', '6/3/2024', 2500],
      ['Subtotal', '', '', '', 120000],
      ['Müller GmbH', 'Müller – Deal 5', 'Closed Won', '2/9/2024', 80000],
      ['', 'Müller – Deal 6', 'Closed Won', '6/1/2024', 9000],
      ['', 'Müller – Deal 7', 'Closed Won', '6/21/2024', 1000],
      ['Subtotal', '', '', '', 90000],
      ['Total', '', '', '', 210000],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Edge Communications': 120000, 'Müller GmbH': 90000 });
    expect(r.customers.find((c) => c.customer === 'Edge Communications')!.purchases).toBe(4);
    expect(Object.values(reasons(r))).toEqual(['totals row', 'totals row', 'totals row']);
    // groups of two rows on average are too little to call the table grouped
    const small = segment(grid.filter((row) => !/Deal [47]/.test(String(row[1]))).map((row) => (row[0] === 'Subtotal' || row[0] === 'Total' ? [row[0], '', '', '', ''] : row)));
    expect(Object.values(reasons(small)).filter((x) => x === 'customer is empty')).toHaveLength(3);
  });

  it('a ledger with a few rows missing their customer (each with its own date) is no grouped report', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Date', 'Amount'],
      ['A', '2024-01-02', 10], ['', '2024-01-03', 5], ['B', '2024-01-04', 7], ['A', '2024-01-05', 8], ['', '2024-01-06', 4], ['B', '2024-01-07', 3],
    ];
    expect(reasons(segment(grid))).toEqual({ 3: 'customer is empty', 6: 'customer is empty' });
  });

  it('totals are no lines: a grand total or a group subtotal with an empty customer stays skipped', () => {
    const grid: RawCell[][] = [
      ['Customer', 'Date', 'Amount'],
      ['A', '2024-01-02', 10], ['A', '2024-01-03', 5], ['', '', 15],
      ['B', '2024-01-04', 7], ['', '', 22],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 15, B: 7 });
    // the totals rows are found as such by the reader (core/read/totals.ts) before continuations are looked for
    expect(reasons(r)).toEqual({ 4: 'totals row', 6: 'totals row' });
  });

  it('a single row continuing by the layout alone is no layout: it stays skipped', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ['A', '2024-01-02', 10], ['B', '2024-01-03', 5], ['', '', 3]];
    expect(reasons(segment(grid))).toEqual({ 4: 'customer is empty' });
  });

  it('--continuation off skips them as before', () => {
    const r = segment(CONTINUED, { continuation: 'off' });
    expect(revenue(r)).toEqual({ 'Bayside Cafe': 240, 'Harbor Books': 125 });
    expect(Object.values(reasons(r))).toEqual(['customer is empty', 'customer is empty', 'customer is empty']);
  });

  it('header rows above lines with an empty customer: the order counts, its lines are skipped', () => {
    // 1C "Реализация товаров" printed with the document's line above its goods
    const grid: RawCell[][] = [
      ['Контрагент', 'Дата', 'Номенклатура', 'Сумма'],
      ['ООО Ромашка', '15.01.2024', 'Реализация 41', 12500],
      ['', '', 'Бумага A4', 7500],
      ['', '', 'Тонер', 5000],
      ['ИП Сидоров', '16.01.2024', 'Реализация 42', 3100],
      ['', '', 'Папки', 1800],
      ['', '', 'Скрепки', 1300],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'ООО Ромашка': 12500, 'ИП Сидоров': 3100 });
    expect(reasons(r)).toEqual({
      3: 'a line of the order on row 2, whose amount already holds it', 4: 'a line of the order on row 2, whose amount already holds it',
      6: 'a line of the order on row 5, whose amount already holds it', 7: 'a line of the order on row 5, whose amount already holds it',
    });
    expect(r.warnings.join('\n')).toMatch(/2 order row\(s\) hold the sum of the 4 line\(s\) with an empty customer/);
  });

  it('a continuation under a skipped row fails for the same reason, with its own cells', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ['A', 'soon', 10], ['', '', 5], ['', '', 6], ['B', '2024-01-04', 7]];
    const r = segment(grid);
    expect(reasons(r)[2]).toMatch(/"soon"/);
    expect(reasons(r)[3]).toMatch(/"soon"/);
    expect(reasons(r)[4]).toMatch(/"soon"/);
    expect(r.skipped.find((s) => s.row === 3)!.values).toEqual(['', '', 5]);
  });

  it('the plan: blocks, the header rule, the subtotal guard', () => {
    const anchor = (r: number, amount: number): Anchor => ({ r, amount, order: '', heading: false, runSum: amount, runRows: 1, tableSum: amount, tableRows: 1, customerRows: 5 });
    const anchors = new Map<number, Anchor>([[1, anchor(1, 30)], [4, anchor(4, 12)]]);
    const plan0 = (cands: [number, number][]) => {
      const list = cands.map(([r, amount]): Candidate => ({ r, dateBlank: true, amount, order: '' }));
      return planContinuations(cands.map(([r]) => r), (k) => list[k], (r) => anchors.get(r) ?? null, (r) => r + 1, 'A');
    };
    const plan = plan0([[2, 10], [3, 20], [5, 7], [6, 5]]);
    // both blocks of three rows open with the sum of their lines: header-plus-detail
    expect(plan.lines).toEqual([{ k: 0, header: 1 }, { k: 1, header: 1 }, { k: 2, header: 4 }, { k: 3, header: 4 }]);
    expect(plan.inherit).toEqual([]);
    const one = plan0([[2, 10], [3, 20]]);
    expect(one.inherit).toEqual([{ k: 0, from: 1 }, { k: 1, from: 1 }]); // one block is no evidence
    const sub = plan0([[2, 10], [3, 40], [5, 7]]);
    expect(sub.inherit).toEqual([{ k: 0, from: 1 }, { k: 2, from: 4 }]); // 40 = 30 + 10: a subtotal
    // a row that continues by the layout alone needs another one
    expect(plan0([[2, 10], [3, 40]]).inherit).toEqual([]);
    const byOrder = planContinuations([2], () => ({ r: 2, dateBlank: false, amount: 5, order: 'X' }), () => ({ ...anchor(1, 30), order: 'X' }), (r) => r + 1, 'A');
    expect(byOrder.inherit).toEqual([{ k: 0, from: 1 }]); // an order number is evidence enough
    // a group subtotal (the customer's run above) and a grand total (the table above) are no lines
    const run = { ...anchor(2, 5), runSum: 15, runRows: 2, tableSum: 15, tableRows: 2 };
    const lone = (amount: number, a: Anchor) => planContinuations([3], () => ({ r: 3, dateBlank: false, amount, order: 'X' }), () => ({ ...a, order: 'X' }), (r) => r + 1, 'A').inherit;
    expect(lone(15, run)).toEqual([]);
    expect(lone(22, { ...anchor(4, 7), tableSum: 22, tableRows: 3 })).toEqual([]);
    expect(lone(6, run)).toEqual([{ k: 0, from: 2 }]);
  });

  it('clean ledgers: no row is continued, no warning', () => {
    const grid: RawCell[][] = [['Customer', 'Date', 'Invoice', 'Amount'], ['A', '2024-01-02', 'I1', 10], ['A', '2024-01-02', 'I1', 5], ['B', '2024-01-04', 'I2', 7]];
    const r = segment(grid);
    expect(r.warnings.filter((w) => /order|continu|empty customer/.test(w))).toEqual([]);
  });
});
