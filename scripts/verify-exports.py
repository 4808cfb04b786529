#!/usr/bin/env python3
# An independent check of the export catalogue's ground truth (test/exports/catalogue.ts): each
# file is read back from its bytes here, with Python's own codecs, csv module and a bare .xlsx
# reader, by the rule its manifest entry states (payments are no revenue, a pivot's totals
# column and row are no data, a group row names the customer, an order total counts once …),
# and the per-customer cents are compared with manifest.json. Standard library only.
#
#   node scripts/write-exports.mjs DIR && python3 scripts/verify-exports.py DIR
import csv, io, json, re, sys, zipfile, unicodedata
import xml.etree.ElementTree as ET
D = sys.argv[1]
bad = []
checked = set()
man = {m['name']: m for m in json.load(open(f'{D}/manifest.json'))}
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}

def cents(s, dec):
    s = s.strip().replace('\u2212', '-').replace('\u2013', '-')
    neg = False
    if s.startswith('(') and s.endswith(')'): neg, s = True, s[1:-1]
    s = re.sub(r'[$€\s\u00a0]', '', s)
    if s.endswith('-'): neg, s = not neg, s[:-1]
    if s.startswith('-'): neg, s = not neg, s[1:]
    if dec == ',': s = s.replace('.', '').replace(',', '.')
    else: s = s.replace(',', '')
    v = round(float(s) * 100)
    return -v if neg else v

def rows_csv(name, enc, sep):
    data = open(f"{D}/{man[name]['file']}", 'rb').read()
    text = data.decode(enc)
    if text.startswith('\ufeff'): text = text[1:]
    return list(csv.reader(io.StringIO(text, newline=''), delimiter=sep))

def xlsx(name, sheet_index=0):
    z = zipfile.ZipFile(f"{D}/{man[name]['file']}")
    ss = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    ws = ET.fromstring(z.read(f'xl/worksheets/sheet{sheet_index + 1}.xml'))
    grid = {}
    hidden = set()
    for row in ws.iter('{%s}row' % NS['m']):
        r = int(row.get('r'))
        if row.get('hidden') in ('1', 'true'): hidden.add(r)
        for c in row.findall('m:c', NS):
            ref = c.get('r'); col = re.match(r'[A-Z]+', ref).group(0)
            ci = 0
            for ch in col: ci = ci * 26 + ord(ch) - 64
            v = c.find('m:v', NS); t = c.get('t')
            if t == 's': val = ss[int(v.text)]
            elif t == 'inlineStr': val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
            elif v is None: val = None
            elif t == 'str': val = v.text
            else: val = float(v.text)
            grid.setdefault(r, {})[ci - 1] = val
    n = max(grid) if grid else 0
    w = max((max(r) for r in grid.values()), default=-1) + 1
    return [[grid.get(r, {}).get(c) for c in range(w)] for r in range(1, n + 1)], hidden

def add(acc, k, v): acc[k] = acc.get(k, 0) + v

def check(name, got):
    m = man[name]
    outs = [m['expect']] + [a for a in m['also'] if a['kind'] == 'report']
    norm = lambda d: {unicodedata.normalize('NFKC', k): v for k, v in d.items()}
    ok = any(norm(o['customers']) == norm(got) for o in outs if o['kind'] == 'report')
    checked.add(name)
    print(('OK  ' if ok else 'BAD ') + name)
    if not ok:
        bad.append(name)
        print('   got     ', got); print('   expected', m['expect'].get('customers'))

def simple(name, enc, sep, ci, ai, dec, skip_top=1, drop=lambda r: False):
    rows = rows_csv(name, enc, sep)[skip_top:]
    acc = {}
    for r in rows:
        if not r or all(not x.strip() for x in r) or drop(r): continue
        add(acc, unicodedata.normalize('NFKC', r[ci]), cents(r[ai], dec))
    check(name, acc)

simple('excel-us-csv-utf8-bom', 'utf-8', ',', 0, 3, '.')
simple('excel-de-csv-utf8', 'utf-8', ';', 0, 3, ',')
simple('excel-de-csv-1252', 'cp1252', ';', 0, 3, ',')
simple('excel-fr-csv-1252', 'cp1252', ';', 0, 3, ',')
simple('excel-el-csv-1253', 'cp1253', ';', 0, 3, ',')
simple('excel-ru-csv-1251', 'cp1251', ';', 0, 3, ',')
simple('excel-es-csv-total-general', 'utf-8', ';', 0, 3, ',', drop=lambda r: r[0] == 'Total general')
simple('excel-unicode-text-utf16', 'utf-16', '\t', 0, 3, '.')
simple('csv-sep-line', 'utf-8', ';', 0, 2, ',', skip_top=2)
simple('erp-report-title-lines-csv', 'utf-8', ';', 0, 3, ',', skip_top=5)
simple('excel-us-csv-d-mmm-yy', 'utf-8', ',', 0, 2, '.')
simple('xero-receivable-invoice-detail-csv', 'utf-8', ',', 2, 4, '.', skip_top=5)
simple('1c-report-genitive-csv', 'utf-8', ';', 0, 3, ',', skip_top=4, drop=lambda r: r[0] == 'Итого')
simple('excel-fr-csv-month-names', 'utf-8', ';', 0, 2, ',')
simple('excel-de-csv-month-names', 'utf-8', ';', 0, 2, ',')
simple('woocommerce-analytics-orders-csv', 'utf-8', ',', 3, 8, '.')
simple('stripe-payments-csv', 'utf-8', ',', 19, 2, '.')
simple('stripe-payments-two-currencies-csv', 'utf-8', ',', 19, 2, '.')
simple('paypal-activity-csv', 'utf-8', ',', 3, 7, '.', drop=lambda r: r[4] == 'General Withdrawal')
simple('salesforce-opportunities-csv', 'utf-8', ',', 1, 5, '.', drop=lambda r: len(r) < 3)
simple('bi-dashboard-unicode-minus-csv', 'utf-8', ',', 0, 2, '.')
simple('mixed-nfc-nfd-names-csv', 'utf-8', ',', 0, 2, '.')

# pivots / wide: sum the period columns, not the totals column, not the totals row
def wide(name, rows, dec, first_col, last_col):
    acc = {}
    for r in rows:
        if not r or not r[0] or r[0] in ('Grand Total', 'Gesamtergebnis'): continue
        add(acc, r[0], sum(cents(str(x), dec) if isinstance(x, str) else round(x * 100) for x in r[first_col:last_col] if x not in (None, '')))
    check(name, acc)
wide('excel-pivot-de-csv', rows_csv('excel-pivot-de-csv', 'utf-8', ';')[2:], ',', 1, 7)
wide('wide-decimal-comma-csv', rows_csv('wide-decimal-comma-csv', 'utf-8', ';')[1:], ',', 1, 7)
g, _ = xlsx('excel-pivot-xlsx'); wide('excel-pivot-xlsx', g[4:], '.', 1, 7)
g, _ = xlsx('excel-pivot-fr-xlsx'); wide('excel-pivot-fr-xlsx', [r for r in g[2:] if r[0] != 'Total général'], '.', 1, 7)
g, _ = xlsx('xyz-template-wide-xlsx'); wide('xyz-template-wide-xlsx', g[1:], '.', 1, 13)

def xl_simple(name, ci, ai, top, drop=lambda r: False, sheet=0, hidden_ok=True):
    g, hidden = xlsx(name, sheet)
    acc = {}
    for i, r in enumerate(g[top:], start=top + 1):
        if not hidden_ok and i in hidden: continue
        if all(x in (None, '') for x in r) or drop(r): continue
        add(acc, r[ci] if isinstance(r[ci], str) else str(int(r[ci])), round(r[ai] * 100))
    check(name, acc)

xl_simple('excel-subtotals-xlsx', 0, 3, 1, drop=lambda r: r[0].endswith('Total'))
xl_simple('excel-teilergebnis-de-xlsx', 0, 3, 1, drop=lambda r: r[0].lower().endswith('ergebnis'))
xl_simple('greek-erp-genitive-xlsx', 0, 3, 4, drop=lambda r: 'σύνολο' in r[0].lower())
xl_simple('erp-es-month-names-xlsx', 0, 3, 1)
xl_simple('1c-sales-report-xlsx', 0, 3, 5, drop=lambda r: r[0] == 'Итого')
xl_simple('workbook-hidden-first-sheet-xlsx', 0, 2, 1, sheet=1)
xl_simple('workbook-notes-then-sales-xlsx', 0, 2, 1, sheet=1)
xl_simple('sap-b1-sales-analysis-xlsx', 3, 5, 1)
xl_simple('excel-filtered-hidden-rows-xlsx', 0, 3, 1, hidden_ok=False)

# SAP FBL5N: RV and DG count, DZ (payments) do not
g, _ = xlsx('sap-fbl5n-line-items-xlsx'); acc = {}
for r in g[1:]:
    if r[2] != 'DZ': add(acc, str(int(r[0])), round(r[5] * 100))
check('sap-fbl5n-line-items-xlsx', acc)
# document types with positive amounts
def doc_types(name, rows, ti, ci, ai, dec, sale, credit, pay):
    acc = {}
    for r in rows:
        v = cents(r[ai], dec) if isinstance(r[ai], str) else round(r[ai] * 100)
        if r[ti] == sale: add(acc, r[ci], v)
        elif r[ti] == credit: add(acc, r[ci], -v)
        elif r[ti] != pay: raise Exception(r)
    check(name, acc)
doc_types('lexware-belegart-csv', rows_csv('lexware-belegart-csv', 'utf-8', ';')[1:], 0, 3, 4, ',', 'Rechnung', 'Gutschrift', 'Zahlung')
doc_types('1c-document-journal-1251-csv', rows_csv('1c-document-journal-1251-csv', 'cp1251', ';')[1:], 2, 3, 4, ',', 'Реализация (акт, накладная, УПД)', 'Возврат товаров от клиента', 'Поступление безналичных денежных средств')
g, _ = xlsx('softone-customer-documents-xlsx'); doc_types('softone-customer-documents-xlsx', g[1:], 0, 3, 4, ',', 'Τιμολόγιο Πώλησης', 'Πιστωτικό Τιμολόγιο', 'Είσπραξη')
# QuickBooks: group header rows name the customer, detail rows carry the amount
rows = rows_csv('quickbooks-online-sales-by-customer-detail-csv', 'utf-8', ',')[5:]; acc = {}; cur = None
for r in rows:
    if len(r) < 9: continue
    if r[0] and not r[0].startswith('Total') and r[0] != 'TOTAL' and not r[1]: cur = r[0]
    elif not r[0] and r[1]: add(acc, cur, cents(r[8], '.'))
check('quickbooks-online-sales-by-customer-detail-csv', acc)
g, _ = xlsx('quickbooks-desktop-sales-by-customer-detail-xlsx'); acc = {}
for r in g[1:]:
    if r[2] in ('Invoice', 'Credit Memo'): add(acc, r[6], round(r[10] * 100))
check('quickbooks-desktop-sales-by-customer-detail-xlsx', acc)
# Salesforce formatted: fill the account down, skip Subtotal/Total
g, _ = xlsx('salesforce-formatted-report-xlsx'); acc = {}; cur = None
for r in g[5:]:
    if r[1] in ('Subtotal', 'Total'): continue
    if r[1]: cur = r[1]
    add(acc, cur, round(r[5] * 100))
check('salesforce-formatted-report-xlsx', acc)
# Sage: fill customer down
g, _ = xlsx('sage-invoices-continuation-xlsx'); acc = {}; cur = None
for r in g[1:]:
    if r[2]: cur = r[2]
    add(acc, cur, round(r[6] * 100))
check('sage-invoices-continuation-xlsx', acc)
# header + detail: only position rows (Artikel filled)
acc = {}
for r in rows_csv('erp-header-plus-detail-csv', 'utf-8', ';')[1:]:
    if r and r[3]: add(acc, r[1], cents(r[6], ','))
check('erp-header-plus-detail-csv', acc)
# repeated order total: once per order
acc = {}; seen = set()
for r in rows_csv('order-lines-repeated-total-csv', 'utf-8', ',')[1:]:
    if r and r[0] not in seen: seen.add(r[0]); add(acc, r[1], cents(r[5], '.'))
check('order-lines-repeated-total-csv', acc)
# WooCommerce per item: item_total per line == order_total once per order
rows = rows_csv('woocommerce-order-export-per-item-csv', 'utf-8', ',')
h = rows[0]; acc = {}; acc2 = {}; seen = set()
for r in rows[1:]:
    add(acc, r[h.index('billing_full_name')], cents(r[h.index('item_total')], '.'))
    if r[0] not in seen: seen.add(r[0]); add(acc2, r[h.index('billing_full_name')], cents(r[h.index('order_total')], '.'))
assert acc == acc2, (acc, acc2)
check('woocommerce-order-export-per-item-csv', acc)
# Shopify: Total on first lines; multiline: also qty x price per line item
for n in ('shopify-orders-csv', 'shopify-orders-multiline-csv'):
    rows = rows_csv(n, 'utf-8', ','); h = rows[0]; acc = {}; acc2 = {}; cur = {}
    for r in rows[1:]:
        if r[h.index('Total')]: add(acc, r[h.index('Billing Name')], cents(r[h.index('Total')], '.')); cur[r[0]] = r[h.index('Billing Name')]
        add(acc2, cur[r[0]], int(r[h.index('Lineitem quantity')]) * cents(r[h.index('Lineitem price')], '.'))
    assert acc == acc2
    check(n, acc)
# Power BI year/month: revenue only
g, _ = xlsx('powerbi-year-month-xlsx'); acc = {}
for r in g[1:]: add(acc, r[0], round(r[3] * 100))
check('powerbi-year-month-xlsx', acc)
# Odoo: qty * price * (1 - d)
acc = {}
for r in rows_csv('odoo-order-lines-discount-csv', 'utf-8', ',')[1:]:
    c = float(r[4]) * cents(r[5], '.') * (100 - float(r[6])) / 100
    assert abs(c - round(c)) < 1e-9
    add(acc, r[1], round(c))
check('odoo-order-lines-discount-csv', acc)

refusals = {n for n, m in man.items() if m['expect']['kind'] != 'report'}
unchecked = sorted(set(man) - checked - refusals)
print(f"{len(checked) - len(bad)} of {len(checked)} ground truths confirmed; {len(refusals)} expected refusals not summed")
if unchecked: print('no check written for: ' + ', '.join(unchecked))
sys.exit(1 if bad or unchecked else 0)
