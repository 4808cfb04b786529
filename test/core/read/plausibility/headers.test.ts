// The columns the plausibility checks read, recognised by their names in the six languages.
import { describe, expect, it } from 'vitest';
import { detectColumns, type ColumnRole } from '../../../../core';

const roleOf = (header: string): ColumnRole | undefined => detectColumns(['Customer', 'Date', 'Amount', header], {}).mapping.find((m) => m.index === 3)?.role;

describe('plausibility columns by name', () => {
  const cases: [ColumnRole, string[]][] = [
    ['order', ['Order', 'Order ID', 'Invoice', 'InvoiceNo', 'Invoice No.', 'Document', 'Document Number', 'Num', 'Belegnummer', 'Rechnungsnummer',
      'Auftragsnummer', '№ документа', 'Номер заказа', 'Αριθμός παραστατικού', 'Αρ. Τιμολογίου', 'Nº factura', 'Número de pedido', 'N° de commande', 'N° facture']],
    ['doc-type', ['Transaction Type', 'Document Type', 'Type', 'Belegart', 'Τύπος παραστατικού', 'Вид документа', 'Тип документа', 'Type de pièce', 'Tipo de documento']],
    ['currency-column', ['Currency', 'Währung', 'Νόμισμα', 'Валюта', 'Devise', 'Moneda', 'CCY']],
    ['discount', ['Discount', 'Discount %', 'Discount Amount', 'Rabatt', 'Rabatt %', 'Έκπτωση', 'Скидка', '% скидки', 'Remise', 'Descuento', 'Dto. %']],
    ['year', ['Year', 'Jahr', 'Έτος', 'Год', 'Année', 'Año']],
    ['month', ['Month', 'Monat', 'Μήνας', 'Месяц', 'Mois', 'Mes']],
    ['week', ['Week', 'KW', 'Kalenderwoche', 'Εβδομάδα', 'Неделя', 'Semaine', 'Semana']],
    ['line-amount', ['Line Total', 'Row Total', 'Positionsbetrag', 'Сумма строки', 'Montant ligne']],
  ];
  for (const [role, headers] of cases) {
    it(role, () => {
      for (const h of headers) expect(roleOf(h), h).toBe(role);
    });
  }

  it('exact names only: a pivot\'s "Week 12", an "Order Date" or a "Discount code" is none of them', () => {
    expect(roleOf('Week 12')).toBeUndefined();
    expect(roleOf('Discount code')).toBeUndefined();
    expect(detectColumns(['Customer', 'Order Date', 'Amount'], {}).mapping.find((m) => m.index === 1)?.role).toBe('date');
  });

  it('a guarded name is not taken by another role\'s partial match: "Discount amount" is no amount', () => {
    const { mapping } = detectColumns(['Customer', 'Date', 'Quantity', 'Unit price', 'Discount amount'], {});
    expect(mapping.find((m) => m.role === 'amount')).toBeUndefined();
    expect(mapping.find((m) => m.role === 'discount')?.index).toBe(4);
  });
});
