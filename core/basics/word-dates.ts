// Dates written with a month name — "5-Mar-24" (Excel's default display), "05 Mar 2024",
// "March 5, 2024", "2024-Mar-05", "5 Μαρτίου 2024", "5 марта 2024 г.", "5. März 2024",
// "5 mars 2024", "5 de marzo de 2024" — in English, Greek, Russian, German, French and Spanish,
// full, genitive and abbreviated, with or without a weekday in front and a time behind.
//
// A month name settles the day/month order, so these texts are never ambiguous. They are read only
// for texts that the numeric forms (ISO, d.m.yyyy, …) did not read, once per distinct text.

/** Two-digit years as Excel's own text dates read them here: 00–69 → 2000s, 70–99 → 1900s. */
export function fullYear(y: number, digits: number): number {
  return digits === 2 ? y + (y < 70 ? 2000 : 1900) : y;
}

/** Case, accents (Greek tonos and dialytika too), compatibility forms and final sigma folded away. */
export function foldWord(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
}

/**
 * Month names per language, January first: every form a month is written in, full, genitive,
 * abbreviated (with or without its dot; accents do not matter, see foldWord).
 */
export const MONTH_NAMES: Record<'en' | 'el' | 'ru' | 'de' | 'fr' | 'es', readonly (readonly string[])[]> = {
  en: [['January', 'Jan'], ['February', 'Feb'], ['March', 'Mar'], ['April', 'Apr'], ['May'], ['June', 'Jun'], ['July', 'Jul'],
    ['August', 'Aug'], ['September', 'Sep', 'Sept'], ['October', 'Oct'], ['November', 'Nov'], ['December', 'Dec']],
  // nominative, genitive (the form a date takes), the spoken forms (Μάρτης, του Μάρτη) and the abbreviations
  el: [['Ιανουάριος', 'Ιανουαρίου', 'Γενάρης', 'Γενάρη', 'Ιαν'], ['Φεβρουάριος', 'Φεβρουαρίου', 'Φλεβάρης', 'Φλεβάρη', 'Φεβ', 'Φεβρ'],
    ['Μάρτιος', 'Μαρτίου', 'Μάρτης', 'Μάρτη', 'Μαρ'], ['Απρίλιος', 'Απριλίου', 'Απρίλης', 'Απρίλη', 'Απρ'], ['Μάιος', 'Μαΐου', 'Μάης', 'Μάη', 'Μαΐ', 'Μάι'],
    ['Ιούνιος', 'Ιουνίου', 'Ιούνης', 'Ιούνη', 'Ιουν'], ['Ιούλιος', 'Ιουλίου', 'Ιούλης', 'Ιούλη', 'Ιουλ'], ['Αύγουστος', 'Αυγούστου', 'Αυγ'],
    ['Σεπτέμβριος', 'Σεπτεμβρίου', 'Σεπτέμβρης', 'Σεπτέμβρη', 'Σεπ', 'Σεπτ'], ['Οκτώβριος', 'Οκτωβρίου', 'Οκτώβρης', 'Οκτώβρη', 'Οκτ'],
    ['Νοέμβριος', 'Νοεμβρίου', 'Νοέμβρης', 'Νοέμβρη', 'Νοε', 'Νοεμ'], ['Δεκέμβριος', 'Δεκεμβρίου', 'Δεκέμβρης', 'Δεκέμβρη', 'Δεκ']],
  // nominative, genitive, abbreviations (Excel's and the dictionary's: "февр.", "нояб.")
  ru: [['январь', 'января', 'янв'], ['февраль', 'февраля', 'фев', 'февр'], ['март', 'марта', 'мар'], ['апрель', 'апреля', 'апр'],
    ['май', 'мая'], ['июнь', 'июня', 'июн'], ['июль', 'июля', 'июл'], ['август', 'августа', 'авг'], ['сентябрь', 'сентября', 'сен', 'сент'],
    ['октябрь', 'октября', 'окт'], ['ноябрь', 'ноября', 'ноя', 'нояб'], ['декабрь', 'декабря', 'дек']],
  // with Austria's Jänner/Feber and the older Excel abbreviation "Mrz"
  de: [['Januar', 'Jänner', 'Jan', 'Jän'], ['Februar', 'Feber', 'Feb'], ['März', 'Maerz', 'Mär', 'Mrz'], ['April', 'Apr'], ['Mai'],
    ['Juni', 'Jun'], ['Juli', 'Jul'], ['August', 'Aug'], ['September', 'Sep', 'Sept'], ['Oktober', 'Okt'], ['November', 'Nov'], ['Dezember', 'Dez']],
  fr: [['janvier', 'janv', 'jan'], ['février', 'févr', 'fév'], ['mars', 'mar'], ['avril', 'avr'], ['mai'], ['juin'], ['juillet', 'juil'],
    ['août', 'aou'], ['septembre', 'sept', 'sep'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'déc']],
  es: [['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'], ['julio', 'jul'],
    ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept', 'set'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic']],
};

/** Weekday names (Excel's long date starts with one: "Tuesday, March 5, 2024"); read and dropped. */
const WEEKDAY_NAMES = [
  'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun',
  'Δευτέρα Δευ Τρίτη Τρι Τετάρτη Τετ Πέμπτη Πεμ Παρασκευή Παρ Σάββατο Σαβ Κυριακή Κυρ',
  'понедельник пн пон вторник вт среда ср четверг чт пятница пт суббота сб воскресенье вс',
  'Montag Mo Dienstag Di Mittwoch Mi Donnerstag Do Freitag Fr Samstag Sonnabend Sa Sonntag So',
  'lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim',
  'lunes lun martes mar miércoles mié jueves jue viernes vie sábado sáb domingo dom',
].join(' ');

/** Words around the parts of a date: "5 de marzo de 2024", "2024 г.", "am 5. März", "at 2:30 PM", "à 14h30". */
const FILLERS = new Set(['de', 'del', 'the', 'of', 'on', 'le', 'el', 'den', 'am', 'at', 'a', 'um', 'las', 'la', 'o', 'в', 'г', 'гг', 'год', 'года', 'го', 'στις', 'της', 'την'].map(foldWord));
/** Ordinal endings written against the day: "5th", "1st", "1er", "1ère", "2º". */
const ORDINALS = new Set(['st', 'nd', 'rd', 'th', 'er', 're', 'ère', 'e', 'ème', 'o', 'a', 'η', 'ης'].map(foldWord));

const MONTHS = new Map<string, number>();
for (const names of Object.values(MONTH_NAMES)) names.forEach((forms, i) => forms.forEach((w) => MONTHS.set(foldWord(w), i + 1)));
const WEEKDAYS = new Set(WEEKDAY_NAMES.split(' ').map(foldWord));

/** Month 1..12 of a month word in any supported language and form, else 0. */
export function monthOfWord(word: string): number {
  return MONTHS.get(foldWord(word).replace(/\.$/, '')) ?? 0;
}

/** The first time of day (14:30, 2:30, 14h30) in a folded text. */
const TIME_AT = /(?<!\d)(\d{1,2})(?::|h)(\d{2})(?!\d)/;
/** What may follow a time of day: seconds, AM/PM (also Greek π.μ./μ.μ.), "Uhr", a zone and an offset. */
const OFFSET = String.raw`[+\-\u2212]\d{1,2}(?::?\d{2})?`;
// one zone word at most (UTC, CEST), before or after the offset, then maybe its long name in brackets
const AFTER_TIME = new RegExp(String.raw`^(?::\d{2}(?:[.,]\d{1,9})?)?\s{0,2}(?:[ap]\.?\s?m\.?|π\.?\s?μ\.?|μ\.?\s?μ\.?)?\s{0,2}(?:uhr|ч\.?)?`
  + String.raw`\s{0,2}(?:(?:[a-z]{1,5})?\s{0,2}(?:${OFFSET})?|${OFFSET}\s{0,2}[a-z]{2,5})\s{0,2}(?:\([^()]{0,80}\))?$`);
const TOKEN = /(\d+)|(\p{L}+)|([^\d\p{L}]+)/gu;
/** Between the parts of a date: spaces, dots, commas, slashes, dashes, apostrophes. */
const SEPARATOR = /^[\s.,/\-'’]+$/;

/**
 * [year, month, day] of a text date with a month name, as written (not checked against the
 * calendar); null when the text is not one.
 */
export function wordDate(text: string): [number, number, number] | null {
  // no letter, no month name: the cheap answer for numbers and unreadable numeric dates
  if (!/\p{L}/u.test(text) || text.length > 120) return null;
  let s = foldWord(text);
  const time = TIME_AT.exec(s);
  if (time) {
    if (+time[1] > 24 || +time[2] > 59 || !AFTER_TIME.test(s.slice(time.index + time[0].length))) return null;
    // "2024-Mar-05T14:30"
    s = s.slice(0, time.index).replace(/t$/, '');
  }
  const nums: { v: number; digits: number }[] = [];
  /** The parts in order: 'n' a number, 'm' the month, 'w' a weekday. */
  let shape = '';
  let month = 0;
  let afterDigit = false;
  for (const t of s.matchAll(TOKEN)) {
    if (t[1] !== undefined) {
      if (t[1].length > 4) return null;
      nums.push({ v: +t[1], digits: t[1].length });
      shape += 'n';
      afterDigit = true;
      continue;
    }
    if (t[2] !== undefined) {
      const w = t[2];
      if (afterDigit && ORDINALS.has(w)) { afterDigit = false; continue; }
      afterDigit = false;
      if (FILLERS.has(w)) continue;
      const m = MONTHS.get(w);
      // a word that is both ("mar": March, and mardi/martes) is the weekday only in front of a month
      if (shape === '' && WEEKDAYS.has(w) && !(m && !hasLaterMonth(s, t.index! + w.length))) { shape = 'w'; continue; }
      if (!m || month) return null;
      month = m;
      shape += 'm';
      continue;
    }
    afterDigit = false;
    if (!SEPARATOR.test(t[3])) return null;
  }
  const parts = shape.startsWith('w') ? shape.slice(1) : shape;
  if (nums.length !== 2) return null;
  const [p, q] = nums;
  if (parts === 'nmn') {
    // 2024-Mar-05, else 5 Mar 2024 / 5-Mar-24
    if (p.digits === 4) return q.digits <= 2 ? [p.v, month, q.v] : null;
    return p.digits <= 2 && (q.digits === 4 || q.digits === 2) ? [fullYear(q.v, q.digits), month, p.v] : null;
  }
  if (parts === 'mnn') {
    // March 5, 2024
    return p.digits <= 2 && (q.digits === 4 || q.digits === 2) ? [fullYear(q.v, q.digits), month, p.v] : null;
  }
  return null;
}

/** True when a month word comes after position `from` of a folded text. */
function hasLaterMonth(s: string, from: number): boolean {
  for (const t of s.slice(from).matchAll(/\p{L}+/gu)) if (MONTHS.has(t[0])) return true;
  return false;
}
