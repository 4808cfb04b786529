// A document-type column: payments are no revenue, credit notes count negative.
import { describe, expect, it } from 'vitest';
import { segment, type RawCell, type SegmentResult } from '../../../../core';
import { DOC_CREDIT, DOC_INVOICE, DOC_NOT_SALE, DOC_OTHER, DOC_PAYMENT, docKind } from '../../../../core/read/plausibility/doc-type';

const revenue = (r: SegmentResult) => Object.fromEntries(r.customers.map((c) => [c.customer, c.revenue]));
const reasons = (r: SegmentResult) => Object.fromEntries(r.skipped.map((s) => [s.row, s.reason]));

// QuickBooks Online "Transaction List by Customer": invoices, payments, a credit memo written positive.
const QUICKBOOKS: RawCell[][] = [
  ['Date', 'Transaction Type', 'Num', 'Name', 'Memo/Description', 'Amount'],
  ['01/05/2024', 'Invoice', '1001', "Amy's Bird Sanctuary", 'Design', '1,200.00'],
  ['01/20/2024', 'Payment', '', "Amy's Bird Sanctuary", '', '1,200.00'],
  ['02/02/2024', 'Invoice', '1002', 'Cool Cars', 'Install', '850.00'],
  ['02/10/2024', 'Credit Memo', '1003', 'Cool Cars', 'Return', '150.00'],
  ['02/28/2024', 'Sales Receipt', '1004', "Amy's Bird Sanctuary", 'Pump', '300.00'],
  ['03/01/2024', 'Payment', '', 'Cool Cars', '', '700.00'],
  ['03/05/2024', 'Estimate', '1005', 'Cool Cars', 'Quote', '2,000.00'],
];

describe('document types', () => {
  it('QuickBooks: payments and estimates skipped, the credit memo counted negative', () => {
    const r = segment(QUICKBOOKS, { columns: { customer: 'Name' } });
    expect(revenue(r)).toEqual({ "Amy's Bird Sanctuary": 1500, 'Cool Cars': 700 });
    expect(reasons(r)).toEqual({
      3: 'a payment ("Payment" in column B (Transaction Type)), not revenue',
      7: 'a payment ("Payment" in column B (Transaction Type)), not revenue',
      8: 'not a sale ("Estimate" in column B (Transaction Type))',
    });
    expect(r.skipped[0].values).toEqual(QUICKBOOKS[2]);
    const w = r.warnings.join('\n');
    expect(w).toMatch(/Column B \(Transaction Type\) marks 2 row\(s\) as payments \("Payment" 2\).*Set --doc-type - to read every row as a sale/);
    expect(w).toMatch(/marks 1 row\(s\) as credit notes \("Credit Memo" 1\); .* the 1 written with a positive amount were counted negative/);
    expect(w).toMatch(/quotes or pro-forma invoices \("Estimate" 1\)/);
  });

  it('a German ledger (Rechnung, Gutschrift already negative, Zahlung) and the profit of a credit note', () => {
    const grid: RawCell[][] = [
      ['Belegdatum', 'Belegart', 'Kunde', 'Betrag', 'Deckungsbeitrag'],
      ['03.01.2024', 'Rechnung', 'Müller GmbH', '1.000,00', '300,00'],
      ['10.01.2024', 'Gutschrift', 'Müller GmbH', '-200,00', '-60,00'],
      ['15.01.2024', 'Zahlung', 'Müller GmbH', '800,00', ''],
      ['05.02.2024', 'Rechnung', 'Möller KG', '500,00', '100,00'],
      ['09.02.2024', 'Gutschrift', 'Möller KG', '50,00', '10,00'],
    ];
    const r = segment(grid, { metric: 'profit' });
    expect(Object.fromEntries(r.customers.map((c) => [c.customer, [c.revenue, c.profit]]))).toEqual({ 'Müller GmbH': [800, 240], 'Möller KG': [450, 90] });
    expect(r.warnings.join('\n')).toMatch(/marks 2 row\(s\) as credit notes .*the 1 written with a positive amount/);
  });

  it('a Greek ledger (Τιμολόγιο, Πιστωτικό, Είσπραξη)', () => {
    const grid: RawCell[][] = [
      ['Ημερομηνία', 'Τύπος παραστατικού', 'Πελάτης', 'Αξία'],
      ['2024-01-10', 'Τιμολόγιο Πώλησης', 'Παπαδόπουλος ΑΕ', '1.000,00'],
      ['2024-01-20', 'Πιστωτικό Τιμολόγιο', 'Παπαδόπουλος ΑΕ', '100,00'],
      ['2024-02-01', 'Είσπραξη', 'Παπαδόπουλος ΑΕ', '900,00'],
      ['2024-02-03', 'Απόδειξη Λιανικής', 'Γεωργίου', '45,50'],
    ];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ 'Παπαδόπουλος ΑΕ': 900, 'Γεωργίου': 45.5 });
  });

  it('types it does not know count as sales, with a warning naming them', () => {
    const grid: RawCell[][] = [['Date', 'Type', 'Customer', 'Amount'], ['2024-01-02', 'Invoice', 'A', 10], ['2024-01-03', 'Journal Entry', 'A', 5]];
    const r = segment(grid);
    expect(revenue(r)).toEqual({ A: 15 });
    expect(r.warnings.join('\n')).toMatch(/also holds 1 row\(s\) of types .*\("Journal Entry" 1\); they were counted as sales/);
  });

  it('--doc-type - reads every row as before', () => {
    const r = segment(QUICKBOOKS, { columns: { customer: 'Name', 'doc-type': '-' } });
    expect(revenue(r)).toEqual({ "Amy's Bird Sanctuary": 2700, 'Cool Cars': 3700 });
  });

  it('clean: a "Type" column of product types, or of invoices only, changes nothing and warns nothing', () => {
    for (const types of [['Hardware', 'Service', 'Licence'], ['Invoice', 'Invoice', 'Invoice']]) {
      const grid: RawCell[][] = [['Date', 'Type', 'Customer', 'Amount'], ...types.map((ty, i) => [`2024-01-0${i + 1}`, ty, i % 2 ? 'A' : 'B', 10 * (i + 1)])];
      const r = segment(grid);
      expect(revenue(r)).toEqual({ B: 40, A: 20 });
      expect(r.warnings.filter((w) => /Column B/.test(w))).toEqual([]);
    }
  });

  it('the vocabulary in six languages, specific words first', () => {
    const cases: [string, number][] = [
      ['Invoice', DOC_INVOICE], ['Sales Receipt', DOC_INVOICE], ['Credit Memo', DOC_CREDIT], ['Credit card payment', DOC_PAYMENT],
      ['Refund', DOC_CREDIT], ['Receipt', DOC_PAYMENT], ['Pro-forma invoice', DOC_NOT_SALE], ['Quote', DOC_NOT_SALE],
      ['Rechnung', DOC_INVOICE], ['Stornorechnung', DOC_CREDIT], ['Gutschrift', DOC_CREDIT], ['Zahlungseingang', DOC_PAYMENT], ['Angebot', DOC_NOT_SALE],
      ['Τιμολόγιο', DOC_INVOICE], ['Πιστωτικό τιμολόγιο', DOC_CREDIT], ['Είσπραξη', DOC_PAYMENT], ['Απόδειξη', DOC_PAYMENT], ['Απόδειξη Λιανικής Πώλησης', DOC_INVOICE],
      ['Счёт', DOC_INVOICE], ['Счет-фактура', DOC_INVOICE], ['Оплата', DOC_PAYMENT], ['Оплата счёта', DOC_PAYMENT], ['Возврат', DOC_CREDIT], ['Реализация товаров', DOC_INVOICE],
      ['Facture', DOC_INVOICE], ['Avoir', DOC_CREDIT], ["Facture d'avoir", DOC_CREDIT], ['Paiement', DOC_PAYMENT], ['Règlement', DOC_PAYMENT], ['Devis', DOC_NOT_SALE],
      ['Factura', DOC_INVOICE], ['Abono', DOC_CREDIT], ['Nota de crédito', DOC_CREDIT], ['Factura rectificativa', DOC_CREDIT], ['Pago', DOC_PAYMENT], ['Cobro', DOC_PAYMENT],
      ['RV', DOC_INVOICE], ['DG', DOC_CREDIT], ['DZ', DOC_PAYMENT], ['SI', DOC_INVOICE], ['SC', DOC_CREDIT], ['SR', DOC_PAYMENT], ['Sr. Manager', DOC_OTHER],
      ['Hardware', DOC_OTHER], ['', DOC_OTHER],
    ];
    for (const [text, kind] of cases) expect(docKind(text), text).toBe(kind);
  });
});

describe('a payments-only column (payment platforms)', () => {
  // PayPal's activity download: every sale is a "Website Payment", a refund a "Payment Refund"
  const PAYPAL: RawCell[][] = [
    ['Date', 'Name', 'Type', 'Gross'],
    ['01/02/2024', 'Amelia Clarke', 'Website Payment', '298.00'],
    ['05/02/2024', 'Jack Robinson', 'Website Payment', '310.22'],
    ['09/02/2024', 'Amelia Clarke', 'Payment Refund', '-50.00'],
    ['11/02/2024', 'Jack Robinson', 'Payment Reversal', '10.00'],
  ];
  it('reads the payments as the sales, and a refund or reversal as a credit', () => {
    const r = segment(PAYPAL, { dateOrder: 'dmy' });
    expect(revenue(r)).toEqual({ 'Amelia Clarke': 248, 'Jack Robinson': 300.22 });
    expect(r.skipped).toEqual([]);
  });
  it('one invoice in the column makes it a receivables ledger again: its payments are skipped', () => {
    const r = segment([...PAYPAL, ['12/02/2024', 'Jack Robinson', 'Invoice', '100.00']], { dateOrder: 'dmy' });
    expect(revenue(r)).toEqual({ 'Jack Robinson': 100 });
    expect(r.skipped).toHaveLength(4);
  });
});
