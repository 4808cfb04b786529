// One name, several Unicode spellings: "Müller" typed as u + combining diaeresis (NFD, as macOS
// and some web forms write it) and as ü (NFC), or "ACME" in full-width letters, a ligature, a
// non-breaking space. They are one customer (Unicode NFKC, besides case and spacing), shown as first
// spelled; accents still tell names apart (Müller is not Muller).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerKey } from '../../core/read/customer-index';
import { segment, type RawCell } from '../../core';

const grid = (names: string[]): RawCell[][] => [['Customer', 'Date', 'Amount'], ...names.map((n, i) => [n, 45000 + i, 10 * (i + 1)])];
const customers = (names: string[], caseSensitive = false) =>
  segment(grid(names), { caseSensitive }).customers.map((c) => [c.customer, c.revenue]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** Full-width forms of printable ASCII (U+FF01…U+FF5E), as East Asian input methods and some PDFs give them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('customer names in Unicode forms', () => {
  it('groups NFC and NFD spellings as one customer, shown as first spelled', () => {
    const nfc = 'Müller GmbH'.normalize('NFC');
    const nfd = 'Müller GmbH'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(customers([nfc, nfd, 'MÜLLER GMBH'.normalize('NFD')])).toEqual([[nfc, 60]]);
    expect(customers([nfd, nfc])).toEqual([[nfd, 30]]);
    // short ones, which fit the packed table
    expect(customers(['Über'.normalize('NFD'), 'über', 'ÜBER'])).toEqual([['Über'.normalize('NFD'), 60]]);
    // still apart: another accent, no accent
    expect(customers(['Müller', 'Möller', 'Muller'.normalize('NFD')]).map((c) => c[0])).toEqual(['Möller', 'Muller', 'Müller']);
  });

  it('groups compatibility forms: full-width letters, ligatures, other spaces', () => {
    expect(customers(['ACME', fullWidth('ACME'), fullWidth('acme')])).toEqual([['ACME', 60]]);
    expect(customers([fullWidth('C000038'), 'C000038'])).toEqual([[fullWidth('C000038'), 30]]);
    expect(customers(['Profi Bau', 'Pro\ufb01 Bau', 'PROFI BAU'])).toEqual([['Profi Bau', 60]]);
    expect(customers(['Acme\u3000Corp', 'Acme\u00a0Corp', 'Acme Corp', 'Acme\u2007\u202fCorp'])).toEqual([['Acme Corp', 100]]);
    // Greek and Cyrillic, decomposed and composed, any case
    expect(customers(['Παπαδόπουλος ΑΕ', 'ΠΑΠΑΔΌΠΟΥΛΟΣ ΑΕ'.normalize('NFD'), 'παπαδόπουλος αε'])).toEqual([['Παπαδόπουλος ΑΕ', 60]]);
    expect(customers(['Ёлка ООО', 'ёлка ооо'.normalize('NFD')])).toEqual([['Ёлка ООО', 30]]);
  });

  it('keeps case apart when case-sensitive, but never the Unicode form', () => {
    const nfd = 'Müller'.normalize('NFD');
    expect(customers(['Müller', nfd, 'MÜLLER', fullWidth('ACME'), 'ACME'], true)).toEqual([[fullWidth('ACME'), 90], ['MÜLLER', 30], ['Müller', 30]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it('gives a plain ASCII name the key it always had, and a non-ASCII one its NFKC lower-cased form', () => {
    expect(customerKey('Acme Corp', false)).toBe('acme corp');
    expect(customerKey('Acme Corp', true)).toBe('Acme Corp');
    expect(customerKey('Müller'.normalize('NFD'), false)).toBe('müller'.normalize('NFC'));
    expect(customerKey(fullWidth('Acme') + '\u3000' + fullWidth('Corp'), false)).toBe('acme corp');
    expect(customerKey('\ufb01rma', true)).toBe('firma');
  });
});

// --- property ------------------------------------------------------------------------------

// distinct names under case and NFKC; ß and the Turkish dotted İ are left out: their upper and
// lower case do not map back (STRASSE is not straße), which is case-folding, not Unicode form
const bases = ['Müller GmbH', 'Möller GmbH', 'Muller GmbH', 'ACME', 'Profi Bau', 'Café Noir', 'Παπαδόπουλος ΑΕ', 'Ωμέγα', 'Ёлка', 'Crème brûlée SARL', 'C1', 'Ñandú'];
const spelling = fc.record({
  base: fc.integer({ min: 0, max: bases.length - 1 }),
  casing: fc.constantFrom('as', 'upper', 'lower'),
  form: fc.constantFrom('NFC', 'NFD', 'compat'),
  wide: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  space: fc.constantFrom(' ', '\u00a0', '\u202f', '\u3000'),
  pad: fc.constantFrom('', ' ', '\u00a0'),
  cents: fc.integer({ min: 1, max: 100000 }),
});
type Spelling = { base: number; casing: string; form: string; wide: boolean[]; space: string; pad: string; cents: number };

function cased(s: Spelling): string {
  const b = bases[s.base];
  return s.casing === 'upper' ? b.toUpperCase() : s.casing === 'lower' ? b.toLowerCase() : b;
}

function cellOf(s: Spelling): string {
  const c = cased(s);
  let t: string;
  if (s.form === 'compat') {
    // some letters full-width, "fi" as its ligature, spaces of another kind
    t = [...c.normalize('NFC')].map((ch, k) => (s.wide[k % 24] ? fullWidth(ch) : ch)).join('').replace(/fi/g, '\ufb01').replace(/ /g, s.space);
  } else t = c.normalize(s.form as 'NFC' | 'NFD');
  return s.pad + t + s.pad;
}

describe('customer forms (property)', () => {
  for (const caseSensitive of [false, true]) {
    it(`groups a name in NFC, NFD or compatibility forms as one customer, shown as first spelled (${caseSensitive ? 'case-sensitive' : 'default'})`, () => {
      fc.assert(fc.property(fc.array(spelling, { minLength: 1, maxLength: 40 }), (lines) => {
        const g: RawCell[][] = [['Customer', 'Date', 'Amount'], ...lines.map((l) => [cellOf(l), 45000, l.cents / 100])];
        const r = segment(g, { caseSensitive });
        // the reference: which base and (when case-sensitive) which casing of it, nothing Unicode
        const want = new Map<string, { name: string; cents: number }>();
        for (const l of lines) {
          const key = caseSensitive ? `${l.base}:${cased(l)}` : String(l.base);
          const e = want.get(key);
          if (e) e.cents += l.cents;
          else want.set(key, { name: cellOf(l).replace(/\s+/g, ' ').trim(), cents: l.cents });
        }
        const got = new Map(r.customers.map((c) => [c.customer, Math.round(c.revenue * 100)]));
        expect(got).toEqual(new Map([...want.values()].map((e) => [e.name, e.cents])));
      }), { numRuns: 300 });
    });
  }
});
