// The text of a CSV/TSV file from its bytes: byte order mark first (UTF-8, UTF-16 LE/BE), else
// strict UTF-8, else UTF-16 without a mark (told by its zero bytes), else the legacy code page
// whose letters make the likeliest words — Windows-1252 (German, French, Spanish, English),
// Windows-1253 (Greek) and Windows-1251 (Russian, 1C) first, with chardet's guesses as further
// candidates — decoded with iconv-lite. Headers the product recognises are the strongest evidence.

import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { detectColumns, t, type MessageKey } from '../core';

export class EncodingError extends Error {}

export interface DecodedText {
  text: string;
  /** iconv-lite's name of the encoding read: "utf-8", "windows-1252", "utf-16le" … */
  encoding: string;
  /** What the run's warnings say about it; null for plain UTF-8. */
  note: string | null;
}

const NAMES: Record<string, MessageKey> = {
  'windows-1252': 'read.encName.windows-1252',
  'windows-1253': 'read.encName.windows-1253',
  'windows-1251': 'read.encName.windows-1251',
  'utf-16le': 'read.encName.utf-16le',
  'utf-16be': 'read.encName.utf-16be',
};
/** How messages name an encoding: "Windows-1252 (Western European)", else its own name. */
export const encodingName = (enc: string): string => (NAMES[enc] ? t(NAMES[enc]) : enc);

/** The code pages of the product's languages, in the order that wins a tie. */
const PRODUCT_PAGES = ['windows-1252', 'windows-1253', 'windows-1251'];

/** chardet's answers, as the Windows code page a spreadsheet on that system writes. */
const CHARDET_TO_PAGE: Record<string, string> = {
  'ISO-8859-1': 'windows-1252', 'ISO-8859-15': 'windows-1252', 'windows-1252': 'windows-1252',
  'ISO-8859-7': 'windows-1253', 'windows-1253': 'windows-1253',
  'ISO-8859-5': 'windows-1251', 'windows-1251': 'windows-1251', 'KOI8-R': 'koi8-r',
  'ISO-8859-2': 'windows-1250', 'windows-1250': 'windows-1250', 'ISO-8859-9': 'windows-1254',
  'ISO-8859-8': 'windows-1255', 'ISO-8859-6': 'windows-1256', 'windows-1256': 'windows-1256',
  Shift_JIS: 'shift_jis', 'EUC-JP': 'euc-jp', GB18030: 'gb18030', Big5: 'big5', 'EUC-KR': 'euc-kr',
};

/** Letters a code page's own languages use beyond ASCII (a word of other letters is less likely). */
const LATIN_EXPECTED = new Set('ÄÖÜäöüßÀÂÆÇÈÉÊËÎÏÔŒÙÛŸàâæçèéêëîïôœùûÿÁÍÑÓÚáíñóúÃÕãõÌÒìò');
const EXPECTED: Record<string, (c: string) => boolean> = {
  'windows-1252': (c) => LATIN_EXPECTED.has(c),
  'windows-1253': (c) => c >= '\u0370' && c <= '\u03ff',
  'windows-1251': (c) => c >= '\u0400' && c <= '\u04ff',
  'koi8-r': (c) => c >= '\u0400' && c <= '\u04ff',
};

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Byte position → "line N" for messages (1-based). */
function lineOf(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** The first byte that is not valid UTF-8 (its position), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= buf.length) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    if (n === 2) {
      const cp = ((b & 0x0f) << 12) | ((buf[i + 1] & 0x3f) << 6);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    } else if (n === 3) {
      const cp = ((b & 0x07) << 18) | ((buf[i + 1] & 0x3f) << 12);
      if (cp < 0x10000 || cp > 0x10ffff) return i;
    }
    i += n + 1;
  }
  return -1;
}

const strictUtf8 = (buf: Uint8Array): boolean => {
  if (typeof isUtf8 === 'function') return isUtf8(buf);
  try { new TextDecoder('utf-8', { fatal: true }).decode(buf); return true; } catch { return false; }
};

/** UTF-16 without a byte order mark: most characters of a table are ASCII, so every other byte is 0. */
function utf16WithoutBom(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) { if (buf[i] === 0) evenZero++; if (buf[i + 1] === 0) oddZero++; }
  const pairs = n / 2;
  if (oddZero > 0.6 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.6 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/**
 * The lines that carry bytes above ASCII (where code pages differ), up to about 64 KB, and the
 * first lines of the file (where the header is), as bytes.
 */
function evidence(buf: Uint8Array): { head: Uint8Array; lines: Uint8Array } {
  let headEnd = 0;
  for (let lines = 0; headEnd < buf.length && lines < 12; headEnd++) if (buf[headEnd] === 0x0a) lines++;
  const parts: Uint8Array[] = [];
  let size = 0;
  let i = 0;
  while (i < buf.length && size < 65536) {
    if (buf[i] < 0x80) { i++; continue; }
    let s = i;
    while (s > 0 && buf[s - 1] !== 0x0a) s--;
    let e = i;
    while (e < buf.length && buf[e] !== 0x0a) e++;
    const line = buf.subarray(s, Math.min(e + 1, s + 4096));
    parts.push(line);
    size += line.length;
    i = e + 1;
  }
  return { head: buf.subarray(0, headEnd), lines: Buffer.concat(parts) };
}

type Script = 'latin' | 'greek' | 'cyrillic' | 'other';
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const GREEK = /\p{Script=Greek}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const scriptOf = (c: string): Script => (c < '\u0080' || LATIN.test(c) ? 'latin' : GREEK.test(c) ? 'greek' : CYRILLIC.test(c) ? 'cyrillic' : 'other');
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * How often each letter occurs in Russian and in Greek text (per cent, the usual published
 * tables). Windows-1251 and -1253 both turn the upper half of the byte range into letters, so a
 * short name reads as a word in either alphabet; the frequent letters tell which it is.
 */
const FREQUENCY: Record<'greek' | 'cyrillic', Map<string, number>> = {
  cyrillic: new Map(Object.entries({
    о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98,
    п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73,
    ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.5, і: 0.5, ї: 0.2, є: 0.2, ґ: 0.05, ў: 0.1,
  })),
  greek: new Map(Object.entries({
    α: 12.0, ο: 9.8, ι: 8.0, ε: 8.0, τ: 7.9, σ: 4.8, ς: 2.7, ν: 6.5, η: 5.0, υ: 4.3, ρ: 4.3, π: 4.2, κ: 4.0, μ: 3.3,
    λ: 2.8, ω: 1.9, δ: 1.8, γ: 1.8, θ: 1.3, χ: 1.2, φ: 0.9, β: 0.7, ξ: 0.5, ζ: 0.4, ψ: 0.1, ΐ: 0.02, ΰ: 0.02,
  })),
};
const ALPHABET = 33;

/** Mean over a token's letters of log2(frequency ÷ uniform): above 0 for words of common letters. */
function commonness(chars: string[], script: 'greek' | 'cyrillic'): number {
  const table = FREQUENCY[script];
  let sum = 0;
  let n = 0;
  for (const c of chars) {
    if (!LETTER.test(c)) continue;
    const lower = c.toLowerCase();
    const f = table.get(lower) ?? table.get(lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) ?? 0.02;
    sum += Math.log2((f / 100) * ALPHABET);
    n++;
  }
  return n ? sum / n : 0;
}

/** How likely one token ("Müller", "Ромашка", "Mьller") is a word of a language, as decoded. */
function tokenScore(token: string, expected: ((c: string) => boolean) | undefined): number {
  const chars = Array.from(token);
  let letters = 0;
  let nonAsciiLetters = 0;
  let run = 0;
  let longRun = false;
  let unexpected = false;
  let symbolInside = false;
  const scripts = new Set<Script>();
  let cases = '';
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    const code = c.codePointAt(0)!;
    if (code === 0xfffd || (code >= 0x80 && code < 0xa0)) return -3; // a byte the code page does not define
    if (!LETTER.test(c)) {
      if (code >= 0x80 && k > 0 && k < chars.length - 1 && LETTER.test(chars[k - 1]) && LETTER.test(chars[k + 1])) symbolInside = true;
      run = 0;
      continue;
    }
    letters++;
    scripts.add(scriptOf(c));
    cases += isUpper(c) ? 'U' : isLower(c) ? 'l' : '-';
    if (code >= 0x80) {
      nonAsciiLetters++;
      if (expected && !expected(c)) unexpected = true;
      if (scriptOf(c) === 'latin' && ++run >= 3) longRun = true;
    } else {
      run = 0;
    }
  }
  if (letters === 0) return 0;
  if (symbolInside) return -2; // "Spó³ka": a symbol between letters
  if (scripts.size > 1) return -2; // "Mьller": a word in two alphabets
  const c = cases.replace(/-/g, '');
  if (c.length > 1 && !/^(U+|l+|Ul+)$/.test(c)) return -1; // "ппп рНЛЮЬЙЮ": case changes inside a word
  const script = [...scripts][0];
  if (script === 'latin' && (longRun || (letters >= 3 && nonAsciiLetters * 2 > letters))) return -1; // "Ðîìàøêà"
  let score: number;
  if (expected && unexpected) score = 0.25;
  else if (script === 'greek' || script === 'cyrillic') {
    // a word in one alphabet with its cases right is plausible; common letters make it likelier
    score = Math.max(0.1, Math.min(1.5, 0.5 + 0.5 * commonness(chars, script)));
    if (script === 'greek') {
      const word = chars.filter((ch) => LETTER.test(ch)).join('');
      // final sigma only at the end of a word, and a lower-case word of several syllables has its accent
      if (/ς./.test(word)) return -1;
      if (letters >= 4 && /[α-ω]/.test(word) && !/[άέήίόύώΐΰ]/.test(word)) score *= 0.5;
    }
  }
  else score = expected ? 1 : script === 'latin' ? 0.5 : 0.25;
  // one or two letters are little evidence
  return score > 0 ? score * Math.min(1, letters / 3) : score;
}

/** The plausibility of a decoded text: the sum over its tokens that hold a character above ASCII. */
function plausibility(text: string, expected: ((c: string) => boolean) | undefined): number {
  let score = 0;
  for (const token of text.split(/[\s\p{Z}\d!-/:-@[-`{-~]+/u)) {
    if (token === '' || !/[^\0-\x7f]/.test(token)) continue;
    score += tokenScore(token, expected);
  }
  return score;
}

/** Header cells above ASCII that the product recognises as a column of its roles. */
function recognisedHeaders(head: string): number {
  let best = 0;
  for (const line of head.split(/\r?\n/)) {
    const cells = line.split(/[,;\t|]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const hits = detectColumns(cells, {}).mapping.filter((m) => /[^\0-\x7f]/.test(m.header)).length;
    if (hits > best) best = hits;
  }
  return best;
}

interface Candidate { encoding: string; score: number; sample: string }

/** Scores the code pages on the file's evidence, best first. */
export function rankCodePages(buf: Uint8Array): Candidate[] {
  const { head, lines } = evidence(buf);
  const pages = [...PRODUCT_PAGES];
  let guesses: { name: string; confidence: number }[] = [];
  try { guesses = chardet.analyse(lines.length ? lines : buf.subarray(0, 65536)); } catch { /* no opinion */ }
  for (const g of guesses.slice(0, 4).filter((x) => x.confidence >= 30)) {
    const page = CHARDET_TO_PAGE[g.name];
    if (page && !pages.includes(page) && iconv.encodingExists(page)) pages.push(page);
  }
  const top = guesses.length ? CHARDET_TO_PAGE[guesses[0].name] : undefined;
  const out = pages.map((encoding, order) => {
    const sample = iconv.decode(Buffer.from(lines), encoding);
    let score = plausibility(sample, EXPECTED[encoding]) + 10 * recognisedHeaders(iconv.decode(Buffer.from(head), encoding));
    // chardet's first answer (unreliable on short texts) only orders what is otherwise equal
    if (encoding === top) score += 0.1;
    // a code page of none of the product's languages must win clearly
    if (order >= PRODUCT_PAGES.length) score -= 1;
    return { encoding, score, sample, order };
  });
  out.sort((a, b) => b.score - a.score || a.order - b.order);
  return out.map(({ encoding, score, sample }) => ({ encoding, score, sample }));
}

/** A lead smaller than this (about one short word) decides nothing; one below UNCERTAIN is said to be uncertain. */
const TIE = 0.5;
const UNCERTAIN = 2;

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** What kind of non-text file this is, if it is a known one. */
function binaryKind(buf: Uint8Array): 'xlsx' | 'xls' | null {
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'xls';
  return null;
}

/** iconv-lite's name for what the user typed, or null when it knows no such encoding. */
export function encodingOption(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/^cp-?(\d+)$/, 'windows-$1');
  return n !== '' && iconv.encodingExists(n) ? n : null;
}

/**
 * The text of a file's bytes. `forced` is --encoding (already checked by encodingOption). Throws
 * EncodingError with a sentence when the encoding cannot be decided or the bytes cannot be text.
 */
export function decodeText(buf: Buffer, path: string, forced?: string): DecodedText {
  if (forced) {
    const utf8 = forced === 'utf-8' || forced === 'utf8';
    if (utf8 && !strictUtf8(buf)) {
      const at = Math.max(0, firstInvalidUtf8(buf));
      throw new EncodingError(t('read.enc.notAsSaid', { path, encoding: forced, byte: hex(buf[at]), line: lineOf(buf, at) }));
    }
    // iconv-lite drops a byte order mark of the encoding named
    return { text: iconv.decode(buf, forced), encoding: forced, note: utf8 ? null : t('read.enc.option', { encoding: encodingName(forced) }) };
  }
  const kind = binaryKind(buf);
  if (kind) throw new EncodingError(t(kind === 'xlsx' ? 'read.binary.xlsx' : 'read.binary.xls', { path }));
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => buf[i] === b)) {
      const text = iconv.decode(buf, encoding);
      return { text, encoding, note: encoding === 'utf-8' ? null : t('read.enc.bom', { encoding: encodingName(encoding) }) };
    }
  }
  if (strictUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8', note: null };
  const utf16 = utf16WithoutBom(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16, note: t('read.enc.utf16', { encoding: encodingName(utf16) }) };

  const ranked = rankCodePages(buf);
  const [best] = ranked;
  const invalid = Math.max(0, firstInvalidUtf8(buf));
  if (!best || best.score < 0) {
    throw new EncodingError(t('read.enc.unreadable', { path, byte: hex(buf[invalid]), line: lineOf(buf, invalid) }));
  }
  // the others that read the file otherwise; within a short word's evidence of the best is a tie
  const rivals = ranked.filter((c) => c !== best && c.sample !== best.sample);
  const tied = rivals.filter((c) => c.score > 0 && c.score > best.score - TIE);
  if (best.score === 0 || tied.length) {
    const candidates = [best, ...tied].filter((c, i) => i === 0 || c.score > 0);
    throw new EncodingError(t('read.enc.undecided', { path, candidates: candidates.map((c) => encodingName(c.encoding)).join(', '), example: best.encoding }));
  }
  // a few words decide it: say so, and which came next
  const close = rivals.filter((c) => c.score > 0 && best.score - c.score < UNCERTAIN);
  const note = close.length
    ? t('read.enc.uncertain', { encoding: encodingName(best.encoding), others: close.map((c) => encodingName(c.encoding)).join(', ') })
    : t('read.enc.detected', { encoding: encodingName(best.encoding) });
  return { text: iconv.decode(buf, best.encoding), encoding: best.encoding, note };
}
