// Check: a document-type column (invoice, credit note, payment …). Payments are not revenue and
// quotes or pro-forma invoices are no sale: their rows are skipped with the reason. A credit
// note counts negative: one written with a positive amount has the signs of its amount and
// profit turned. Values the vocabulary does not know count as sales, as every row did before;
// when the column also holds known types, a warning names them. A column with payments but no
// invoice is a payment platform's activity (PayPal, Stripe: "Website Payment", "Payment Refund"):
// there the payments are the sales, and a payment that names a refund or reversal is a credit.

import { foldHeader, columnLabel } from '../headers';
import { t } from '../../messages';
import { countList } from './row-list';

export const DOC_OTHER = 0;
export const DOC_INVOICE = 1;
export const DOC_CREDIT = 2;
export const DOC_PAYMENT = 3;
export const DOC_NOT_SALE = 4;

/**
 * Word stems, compared with the folded value (case, accents and punctuation dropped) by
 * containment; the first rule that matches decides, so the specific ones come first:
 * "Sales receipt" is a sale before "receipt" is a payment, "Credit card payment" a payment before
 * "credit" is a credit note, "Πιστωτικό τιμολόγιο" a credit note before "τιμολόγιο" is an invoice.
 */
const RULES: readonly (readonly [number, readonly string[]])[] = [
  [DOC_NOT_SALE, ['proforma', 'quote', 'quotation', 'estimate', 'angebot', 'kostenvoranschlag', 'προσφορα', 'προτιμολογιο',
    'коммерческоепредложение', 'devis', 'cotizacion', 'presupuesto']],
  [DOC_INVOICE, ['salesreceipt', 'retailreceipt', 'cashsale', 'λιανικ', 'αποδειξηπαροχ']],
  [DOC_CREDIT, ['creditnote', 'creditmemo', 'chargeback', 'gutschrift', 'storno', 'rechnungskorrektur', 'retoure', 'πιστωτικ',
    'επιστροφ', 'ακυρωτικ', 'возврат', 'корректировочн', 'сторно', 'avoir', 'notedecredit', 'abono', 'notadecredito',
    'rectificativa', 'devolucion']],
  [DOC_PAYMENT, ['payment', 'receipt', 'zahlung', 'πληρωμ', 'εισπραξ', 'αποδειξη', 'оплат', 'платеж', 'поступлен', 'paiement',
    'reglement', 'encaissement', 'pago', 'cobro', 'recibo']],
  [DOC_CREDIT, ['credit', 'refund', 'return', 'remboursement', 'reembolso']],
  [DOC_INVOICE, ['invoice', 'sale', 'charge', 'rechnung', 'faktura', 'τιμολογ', 'πωλησ', 'счет', 'фактур', 'реализац',
    'отгрузк', 'продаж', 'facture', 'vente', 'factura', 'venta']],
];
const FOLDED_RULES = RULES.map(([kind, words]) => [kind, words.map(foldHeader)] as const);

/**
 * Document-type codes, matched as the whole value only: SAP FI (DR customer invoice, RV billing
 * document, DG credit memo, DZ incoming payment), Sage (SI, SC, SR receipt, SA payment on account)
 * and common short forms.
 */
const CODES: ReadonlyMap<string, number> = new Map([
  ['dr', DOC_INVOICE], ['rv', DOC_INVOICE], ['dg', DOC_CREDIT], ['dz', DOC_PAYMENT],
  ['si', DOC_INVOICE], ['sc', DOC_CREDIT], ['sr', DOC_PAYMENT], ['sa', DOC_PAYMENT],
  ['inv', DOC_INVOICE], ['cn', DOC_CREDIT], ['crn', DOC_CREDIT], ['pmt', DOC_PAYMENT],
]);

/** The kind of document a cell's text names (DOC_OTHER when the vocabulary does not know it). */
export function docKind(text: string): number {
  const f = foldHeader(text);
  if (f === '') return DOC_OTHER;
  const code = CODES.get(f);
  if (code !== undefined) return code;
  for (const [kind, words] of FOLDED_RULES) for (const w of words) if (f.includes(w)) return kind;
  return DOC_OTHER;
}

export interface DocInput {
  n: number;
  keep: Uint8Array;
  /** Per used row: the id of its document-type text (0 = empty); `texts[id]` and `kinds[id]`. */
  ids: Int32Array;
  texts: readonly string[];
  kinds: readonly number[];
  amount: Float64Array;
  rowOf: (slot: number) => number;
  column: number;
  header: string;
}

export interface DocVerdict {
  /** Rows to skip, with the reason. */
  drops: Map<number, string>;
  /** Credit notes written with a positive amount: amount and profit change sign. */
  flips: number[];
  warnings: string[];
}

/** Payment texts that undo a payment: in a payments-only column they count as credit notes. */
const PAYMENT_UNDONE = ['refund', 'reversal', 'chargeback', 'return', 'erstattung', 'ruckzahlung', 'επιστροφ', 'возврат',
  'remboursement', 'reembolso', 'devolucion'].map(foldHeader);

/** Whether the column holds payments and not one invoice: then payments are sales (see the top). */
function paymentsAreSales(d: DocInput): boolean {
  let payments = 0;
  for (let s = 0; s < d.n; s++) {
    if (!d.keep[s] || d.ids[s] === 0) continue;
    const kind = d.kinds[d.ids[s]];
    if (kind === DOC_INVOICE) return false;
    if (kind === DOC_PAYMENT) payments++;
  }
  return payments > 0;
}

export function checkDocTypes(d: DocInput): DocVerdict {
  const asSales = paymentsAreSales(d);
  const drops = new Map<number, string>();
  const flips: number[] = [];
  const warnings: string[] = [];
  const column = columnLabel(d.column, d.header);
  const payments = new Map<string, number>();
  const notSales = new Map<string, number>();
  const credits = new Map<string, number>();
  const others = new Map<string, number>();
  let known = 0;
  const bump = (m: Map<string, number>, v: string) => m.set(v, (m.get(v) ?? 0) + 1);
  for (let s = 0; s < d.n; s++) {
    if (!d.keep[s] || d.ids[s] === 0) continue;
    const id = d.ids[s];
    const text = d.texts[id];
    switch (d.kinds[id]) {
      case DOC_PAYMENT:
        if (asSales) {
          const folded = foldHeader(text);
          if (PAYMENT_UNDONE.some((w) => folded.includes(w))) {
            bump(credits, text);
            if (d.amount[s] > 0) flips.push(s);
          } else known++;
          break;
        }
        bump(payments, text);
        drops.set(s, t('skip.docPayment', { value: text, column }));
        break;
      case DOC_NOT_SALE:
        bump(notSales, text);
        drops.set(s, t('skip.docNotSale', { value: text, column }));
        break;
      case DOC_CREDIT:
        bump(credits, text);
        if (d.amount[s] > 0) flips.push(s);
        break;
      case DOC_INVOICE:
        known++;
        break;
      default:
        bump(others, text);
    }
  }
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const flag = '--doc-type -';
  if (payments.size) warnings.push(t('warn.docPayments', { column, count: count(payments), values: countList(payments), flag }));
  if (notSales.size) warnings.push(t('warn.docNotSales', { column, count: count(notSales), values: countList(notSales), flag }));
  if (credits.size) {
    warnings.push(t('warn.docCredits', { column, count: count(credits), values: countList(credits), flipped: flips.length, flag }));
  }
  known += count(payments) + count(notSales) + count(credits);
  if (known > 0 && others.size) warnings.push(t('warn.docOthers', { column, count: count(others), values: countList(others), flag }));
  return { drops, flips, warnings };
}
