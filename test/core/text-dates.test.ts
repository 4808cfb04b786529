// Text dates as exports write them: month names in six languages (full, genitive, abbreviated,
// Excel's 5-Mar-24), weekdays in front, times and zones behind, shop timestamps with a space before
// the offset. Known answers are written out here by hand, not taken from the reader's tables; the
// properties check that every form of a day reads as the day its ISO text reads as.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromParts, isoDateDay, splitTextDate } from '../../core/basics/dates';
import { MONTH_NAMES, monthOfWord } from '../../core/basics/word-dates';
import { civilFromDay, dayFromCivil, isoFromDay, segment, type RawCell } from '../../core';

/** The ISO day a text reads as (either order), or null. */
function isoOf(text: string): string | null {
  const p = splitTextDate(text);
  if (!p) return null;
  const d = dayFromParts(p, 'dmy');
  return d === null ? null : isoFromDay(d);
}

// Per language, each month as a date writes it (genitive where the language has one), and the
// abbreviation Excel's "mmm" shows in that language.
const WRITTEN: Record<string, { full: string[]; short: string[] }> = {
  en: {
    full: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  el: {
    full: ['Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου'],
    short: ['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μαΐ', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'],
  },
  ru: {
    full: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    short: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  },
  de: {
    full: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  },
  fr: {
    full: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    short: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
  es: {
    full: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    short: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  },
};
// the nominative, which a heading or a careless export uses
const NOMINATIVE: Record<string, string[]> = {
  el: ['Ιανουάριος', 'Φεβρουάριος', 'Μάρτιος', 'Απρίλιος', 'Μάιος', 'Ιούνιος', 'Ιούλιος', 'Αύγουστος', 'Σεπτέμβριος', 'Οκτώβριος', 'Νοέμβριος', 'Δεκέμβριος'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
};
/** How each language writes day, month and year around the month word. */
const LAYOUT: Record<string, (d: number, month: string, y: number) => string> = {
  en: (d, m, y) => `${m} ${d}, ${y}`,
  el: (d, m, y) => `${d} ${m} ${y}`,
  ru: (d, m, y) => `${d} ${m} ${y} г.`,
  de: (d, m, y) => `${d}. ${m} ${y}`,
  fr: (d, m, y) => `${d} ${m} ${y}`,
  es: (d, m, y) => `${d} de ${m} de ${y}`,
};
const pad = (n: number) => String(n).padStart(2, '0');

describe('dates with month names', () => {
  it('reads the examples of the issue', () => {
    const cases: [string, string][] = [
      ['5-Mar-24', '2024-03-05'], ['05-Mar-2024', '2024-03-05'], ['05 Mar 2024', '2024-03-05'], ['5 March 2024', '2024-03-05'],
      ['March 5, 2024', '2024-03-05'], ['Mar 5 2024', '2024-03-05'], ['2024-Mar-05', '2024-03-05'],
      ['5 Μαρτίου 2024', '2024-03-05'], ['5 Μαρ 2024', '2024-03-05'], ['5 ΜΑΡΤΙΟΥ 2024', '2024-03-05'], ['5 Μαρτιου 2024', '2024-03-05'],
      ['5 марта 2024 г.', '2024-03-05'], ['5 мар. 2024', '2024-03-05'], ['5 МАРТА 2024', '2024-03-05'],
      ['5. März 2024', '2024-03-05'], ['5. MÄRZ 2024', '2024-03-05'], ['5. Maerz 2024', '2024-03-05'], ['05-Mrz-24', '2024-03-05'],
      ['5 mars 2024', '2024-03-05'], ['1er mars 2024', '2024-03-01'], ['5 de marzo de 2024', '2024-03-05'], ['5-mar-2024', '2024-03-05'],
      ['31-Dec-99', '1999-12-31'], ['1-Jan-00', '2000-01-01'], ['29-Feb-24', '2024-02-29'],
      ['18 Μαΐου 2024', '2024-05-18'], ['18 ΜΑΪΟΥ 2024', '2024-05-18'], ['3 мая 2024', '2024-05-03'], ['3 Jänner 2024', '2024-01-03'],
      ['22 août 2024', '2024-08-22'], ['22 AOUT 2024', '2024-08-22'], ['1º de septiembre de 2024', '2024-09-01'], ['1 set 2024', '2024-09-01'],
      ['March 1st, 2024', '2024-03-01'], ['the 2nd of March 2024', '2024-03-02'], ['5-го марта 2024', '2024-03-05'],
    ];
    for (const [text, iso] of cases) expect([text, isoOf(text)]).toEqual([text, iso]);
  });

  it('reads all twelve months of every language, full (genitive), abbreviated and nominative', () => {
    for (const [lang, { full, short }] of Object.entries(WRITTEN)) {
      for (let m = 1; m <= 12; m++) {
        const iso = `2023-${pad(m)}-07`;
        for (const name of [full[m - 1], short[m - 1], full[m - 1].toUpperCase(), short[m - 1].toLowerCase()]) {
          expect([lang, name, isoOf(LAYOUT[lang](7, name, 2023))]).toEqual([lang, name, iso]);
          expect([lang, name, isoOf(`07-${name}-2023`)]).toEqual([lang, name, iso]);
          expect([lang, name, isoOf(`7 ${name} 23`)]).toEqual([lang, name, iso]);
        }
        for (const name of NOMINATIVE[lang] ?? []) expect(monthOfWord(name)).toBe(NOMINATIVE[lang].indexOf(name) + 1);
      }
    }
  });

  it('has no month word that names two months', () => {
    // a word in two months' lists (in one language or across two) would read as only one of them
    for (const months of Object.values(MONTH_NAMES)) {
      months.forEach((forms, i) => forms.forEach((w) => expect([w, monthOfWord(w), monthOfWord(w.toUpperCase())]).toEqual([w, i + 1, i + 1])));
    }
  });

  it('reads a weekday in front (Excel\'s long date) and a time behind, in each language', () => {
    const cases: [string, string][] = [
      ['Tuesday, March 5, 2024', '2024-03-05'], ['Tue, 05 Mar 2024 14:30:00 +0000', '2024-03-05'],
      ['Tue Mar 05 2024 23:30:00 GMT-0500 (Eastern Standard Time)', '2024-03-05'],
      ['March 5, 2024 at 11:45 PM', '2024-03-05'], ['Mar 5, 2024, 2:30:00 p.m.', '2024-03-05'], ['05-Mar-2024 14:30', '2024-03-05'],
      ['Τρίτη, 5 Μαρτίου 2024', '2024-03-05'], ['5 Μαρτίου 2024 10:15 μ.μ.', '2024-03-05'], ['5 Μαρτίου 2024 στις 10:15', '2024-03-05'],
      ['вторник, 5 марта 2024 г.', '2024-03-05'], ['5 марта 2024 г., 14:30', '2024-03-05'], ['5 марта 2024 г. в 14:30', '2024-03-05'],
      ['Dienstag, 5. März 2024', '2024-03-05'], ['5. März 2024 um 14:30 Uhr', '2024-03-05'], ['Di, 5. Mär 2024', '2024-03-05'],
      ['mardi 5 mars 2024', '2024-03-05'], ['mar. 5 mars 2024 à 14h30', '2024-03-05'], ['5 mars 2024 14:30:59', '2024-03-05'],
      ['martes, 5 de marzo de 2024', '2024-03-05'], ['5 de marzo de 2024, 14:30', '2024-03-05'], ['5 de marzo de 2024 a las 14:30', '2024-03-05'],
      ['2024-Mar-05T14:30', '2024-03-05'],
    ];
    for (const [text, iso] of cases) expect([text, isoOf(text)]).toEqual([text, iso]);
  });

  it('reads nothing that is not a whole date with a month name', () => {
    for (const text of ['Mar-24', '5 Mar', 'March 2024', 'Total 5 Mar 2024', '5 Mar 2024 Total', 'Mar 5 2024 6', '5 Foo 2024',
      '5 Mar 20245', '5 Mar 202', '123 Mar 2024', '2024 5 March', 'March', '5 March 2024 25:00', '5 March 2024 14:30 xyz later',
      'Jan Apr 5 2024', 'Tuesday March', 'Tuesday Wednesday 5 March 2024']) {
      expect([text, splitTextDate(text)]).toEqual([text, null]);
    }
    // a month name and numbers that are no day of that month: read as a date, then found wanting
    for (const text of ['31 Feb 2024', '29-Feb-23', '31 Απριλίου 2024', '0 Mar 2024']) expect([text, isoOf(text)]).toEqual([text, null]);
  });

  it('keeps long texts cheap to refuse (no backtracking on spaces)', () => {
    const t0 = performance.now();
    for (const text of [`2024-03-05 12:00${' '.repeat(20000)}x`, `5 Mar 2024 12:00${' '.repeat(20000)}x`, `05/03/2024 12:00${' '.repeat(20000)}x`]) {
      expect(splitTextDate(text)).toBeNull();
    }
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('timestamps', () => {
  it('reads the calendar day written, whatever the offset or zone (the exporter\'s local date)', () => {
    const cases: [string, string][] = [
      ['2024-06-18 12:17:00 -0500', '2024-06-18'], ['2024-06-18 23:59:59 -0500', '2024-06-18'], ['2024-06-18 00:30:00 +0200', '2024-06-18'],
      ['2024-06-18T12:17:00.000+02:00', '2024-06-18'], ['2024-06-18T00:05:00.000+14:00', '2024-06-18'], ['2024-06-18 12:17:00 UTC', '2024-06-18'],
      ['2024-06-18 12:17:00 +0000 UTC', '2024-06-18'], ['2024-06-18T12:17:00Z', '2024-06-18'], ['2024-06-18 12:17', '2024-06-18'],
      ['2024-06-18 12:17:00.123456', '2024-06-18'], ['2024-06-18 12:17:00 −05:00', '2024-06-18'], ['2024-06-18 2:17 PM', '2024-06-18'],
      ['2024-06-18 12:17:00 CEST', '2024-06-18'], ['2024-06-18 12:17:00 GMT+2', '2024-06-18'], ['2024-06-18 12:17:00 (UTC)', '2024-06-18'],
    ];
    for (const [text, iso] of cases) {
      expect([text, isoOf(text)]).toEqual([text, iso]);
      // the readers' fast path gives the same day
      expect([text, isoFromDay(isoDateDay(text))]).toEqual([text, iso]);
    }
    // day-first and month-first dates with an offset read as the same day under the column's order
    expect(isoOf('18/06/2024 12:17:00 -0500')).toBe('2024-06-18');
    expect(isoOf('18.06.2024 00:30 +02:00')).toBe('2024-06-18');
  });

  it('gives the fast ISO path exactly what the general reader gives, and nothing for a bad tail', () => {
    for (const text of ['2024-06-18 hello', '2024-06-18 12', '2024-06-18T', '2024-02-30 12:00', '2024-06-18 12:17:00 -0500 x y z', '2024-06-18x12:17:00']) {
      expect([text, isoDateDay(text)]).toEqual([text, NaN]);
      const p = splitTextDate(text);
      expect([text, p && dayFromParts(p, 'dmy')]).toEqual([text, null]);
    }
  });
});

// --- properties --------------------------------------------------------------------------

const LANGS = Object.keys(WRITTEN);
const form = fc.record({
  day: fc.integer({ min: dayFromCivil(1971, 1, 1), max: dayFromCivil(2068, 12, 31) }),
  lang: fc.constantFrom(...LANGS),
  short: fc.boolean(),
  layout: fc.integer({ min: 0, max: 5 }),
  casing: fc.constantFrom('as', 'upper', 'lower'),
  time: fc.constantFrom('', ' 00:00', ' 23:59:59', ' 2:30 PM', ' 14:30 +0200', ' 08:15:00 -0500'),
  zero: fc.boolean(),
});

function written(f: { day: number; lang: string; short: boolean; layout: number; casing: string; time: string; zero: boolean }): string {
  const [y, m, d] = civilFromDay(f.day);
  let name = (f.short ? WRITTEN[f.lang].short : WRITTEN[f.lang].full)[m - 1];
  if (f.casing === 'upper') name = name.toUpperCase();
  if (f.casing === 'lower') name = name.toLowerCase();
  const dd = f.zero ? pad(d) : String(d);
  const yy = pad(y % 100);
  const forms = [
    LAYOUT[f.lang](d, name, y),
    `${dd}-${name}-${yy}`, // Excel's d-mmm-yy
    `${dd} ${name} ${y}`,
    `${name} ${dd}, ${y}`,
    `${y}-${name}-${pad(d)}`,
    `${dd}/${name}/${y}`,
  ];
  return forms[f.layout] + f.time;
}

describe('properties of text dates', () => {
  it('a day written in any supported form of any language reads as its ISO form', () => {
    fc.assert(fc.property(form, (f) => {
      const text = written(f);
      const iso = isoFromDay(f.day);
      expect(isoFromDay(isoDateDay(iso))).toBe(iso);
      expect([text, isoOf(text)]).toEqual([text, iso]);
    }), { numRuns: 3000 });
  });

  it('a column of such dates, mixed with ISO text and timestamps, reads as the same days typed as serials', () => {
    fc.assert(fc.property(fc.array(fc.record({ f: form, iso: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 40 }), (lines) => {
      const header = ['Customer', 'Date', 'Amount'];
      const typed: RawCell[][] = [header];
      const text: RawCell[][] = [header];
      lines.forEach(({ f, iso }, i) => {
        typed.push([`K${i}`, f.day + 25569, 10]);
        text.push([`K${i}`, iso === 0 ? written(f) : iso === 1 ? isoFromDay(f.day) : `${isoFromDay(f.day)}T23:30:00-05:00`, 10]);
      });
      const a = segment(typed);
      const b = segment(text);
      expect(b.totals.rowsUsed).toBe(lines.length);
      const days = (r: ReturnType<typeof segment>) => r.customers.map((c) => [c.customer, c.firstPurchase, c.lastPurchase]);
      expect(days(b)).toEqual(days(a));
      // a month name settles the order: no guess, no warning
      expect(b.warnings.filter((w) => /order/i.test(w))).toEqual([]);
    }), { numRuns: 200 });
  });

  it('decides the day/month order of the numeric dates alone: month-name dates neither vote nor wait', () => {
    // 04/03 is ambiguous; 13/03 says day-first; "5 Mar 2024" is fixed whatever the order
    const grid: RawCell[][] = [['Customer', 'Date', 'Amount'], ['A', '04/03/2024', 1], ['B', '5 Mar 2024', 1], ['C', '13/03/2024', 1], ['D', 'Mar 6, 2024', 1]];
    const r = segment(grid);
    const got = Object.fromEntries(r.customers.map((c) => [c.customer, isoFromDay(c.firstPurchase!)]));
    expect(got).toEqual({ A: '2024-03-04', B: '2024-03-05', C: '2024-03-13', D: '2024-03-06' });
    for (const dateOrder of ['mdy', 'ymd'] as const) {
      const forced = segment([['Customer', 'Date', 'Amount'], ['B', '5 Mar 2024', 1], ['D', 'Mar 6, 2024', 1]], { dateOrder });
      expect(forced.customers.map((c) => isoFromDay(c.firstPurchase!))).toEqual(['2024-03-05', '2024-03-06']);
    }
  });
});
