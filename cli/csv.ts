// Delimited text → records, each with the line of the file it starts on, and every problem of the
// reading named by its line. The rules, as a spreadsheet reads a CSV:
//
//  - a record ends at a line end (\r\n, \n or a lone \r, mixed as they come) outside quotes;
//  - a value is quoted when its first character is a quote; "" inside it is one quote; it ends at
//    a quote followed (after spaces) by the delimiter, a line end or the end of the text. A quote
//    anywhere else in a value is an ordinary character;
//  - a quoted value may hold line breaks (an address, a note): the record then spans lines;
//  - one stray quote never consumes the file. A quoted value that is not closed within
//    QUOTED_MAX_LINES lines or QUOTED_MAX_CHARS characters (what one cell holds), or by the end of
//    the text, or that both holds an undoubled quote and crosses a line end (a quote that cannot
//    close it, on a later line: the opening quote was a stray one), is a runaway: its opening quote
//    is read as an ordinary character, the value as an unquoted one, and reading goes on from
//    there — so every line after it is read as the line it is.
//
// What the analyst should know comes back as line lists: the runaway quotes, the undoubled quotes
// kept inside a value, and the values spanning lines (why a file has more lines than rows).

/** A quoted value may span at most this many line ends … */
export const QUOTED_MAX_LINES = 100;
/** … and hold at most this many characters (Excel's limit for one cell). */
export const QUOTED_MAX_CHARS = 32_767;

/** Lines where something happened: how many, and the first few. */
export class LineList {
  count = 0;
  readonly first: number[] = [];
  constructor(private readonly keep = 5) {}
  add(line: number): void {
    if (this.count++ < this.keep) this.first.push(line);
  }
}

export interface RecordProblems {
  /** Quotes that opened a value never properly closed: read as ordinary characters. */
  runaway: LineList;
  /** Quoted values holding an undoubled quote, kept as part of the value. */
  innerQuote: LineList;
  /** Quoted values spanning more than one line (where each opens). */
  multiline: LineList;
  /** Line ends inside quoted values, in all: the file's lines = records + this (+ a last line end). */
  joinedLines: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * Calls `onRecord(fields, line)` for every record of `text`, split at `delimiter` (one character),
 * in order; `line` is the line of the file the record starts on, counting from `firstLine`. A line
 * end at the very end of the text ends the last record (no empty record follows it); a blank line
 * elsewhere is a record of one empty value.
 */
export function readRecords(text: string, delimiter: string, onRecord: (fields: string[], line: number) => void, firstLine = 1): RecordProblems {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const problems: RecordProblems = { runaway: new LineList(), innerQuote: new LineList(), multiline: new LineList(), joinedLines: 0 };

  // the next \n, \r and quote at or after a position: each search remembers where it looked from,
  // so the whole text is searched about once even though a runaway value makes the reading go back
  let lfFrom = 0; let lfAt = text.indexOf('\n');
  let crFrom = 0; let crAt = text.indexOf('\r');
  let qFrom = 0; let qAt = text.indexOf('"');
  let dFrom = 0; let dAt = text.indexOf(delimiter);
  const nextLf = (p: number) => {
    if (p < lfFrom || (lfAt >= 0 && lfAt < p)) { lfFrom = p; lfAt = text.indexOf('\n', p); }
    return lfAt < 0 ? n : lfAt;
  };
  const nextCr = (p: number) => {
    if (p < crFrom || (crAt >= 0 && crAt < p)) { crFrom = p; crAt = text.indexOf('\r', p); }
    return crAt < 0 ? n : crAt;
  };
  const nextQuote = (p: number) => {
    if (p < qFrom || (qAt >= 0 && qAt < p)) { qFrom = p; qAt = text.indexOf('"', p); }
    return qAt < 0 ? n : qAt;
  };
  const nextDelimiter = (p: number) => {
    if (p < dFrom || (dAt >= 0 && dAt < p)) { dFrom = p; dAt = text.indexOf(delimiter, p); }
    return dAt < 0 ? n : dAt;
  };
  /** The next line end at or after p (n when none). */
  const lineEnd = (p: number) => Math.min(nextLf(p), nextCr(p));
  /** The position after the line end at e. */
  const pastLineEnd = (e: number) => (text.charCodeAt(e) === CR && text.charCodeAt(e + 1) === LF ? e + 2 : e + 1);

  // the quoted value opening at q: its text, where the record goes on, the line ends it holds; null for a runaway
  let qValue = '';
  let qNext = 0;
  let qLines = 0;
  let qInner = false;
  const quoted = (q: number): boolean => {
    let j = q + 1;
    let seg = j;
    let parts = '';
    let lines = 0;
    let inner = false;
    for (;;) {
      const k = nextQuote(j);
      for (let e = lineEnd(j); e < k; e = lineEnd(pastLineEnd(e))) {
        if (++lines > QUOTED_MAX_LINES || inner) return false;
      }
      if (k >= n || k - q > QUOTED_MAX_CHARS) return false;
      if (text.charCodeAt(k + 1) === QUOTE) {
        parts += text.slice(seg, k + 1);
        j = k + 2;
        seg = j;
        continue;
      }
      let a = k + 1;
      if (d !== SPACE) while (text.charCodeAt(a) === SPACE) a++;
      const c = text.charCodeAt(a);
      if (a >= n || c === d || c === LF || c === CR) {
        qValue = parts + text.slice(seg, k);
        qNext = a;
        qLines = lines;
        qInner = inner;
        return true;
      }
      // a quote that cannot end the value: kept as text, unless the value already crossed a line end
      if (lines > 0) return false;
      inner = true;
      j = k + 1;
    }
  };

  let p = 0;
  let line = firstLine;
  while (p < n) {
    const recordLine = line;
    const e = lineEnd(p);
    if (nextQuote(p) >= e) {
      // no quote on the line: the usual record, split at once
      onRecord(text.slice(p, e).split(delimiter), recordLine);
      p = pastLineEnd(e);
      line++;
      continue;
    }
    const fields: string[] = [];
    let f = p;
    for (;;) {
      let end: number;
      if (text.charCodeAt(f) === QUOTE && quoted(f)) {
        fields.push(qValue);
        if (qLines > 0) { problems.multiline.add(line); problems.joinedLines += qLines; line += qLines; }
        if (qInner) problems.innerQuote.add(line);
        end = qNext;
      } else {
        if (text.charCodeAt(f) === QUOTE) problems.runaway.add(line);
        const le = lineEnd(f);
        end = Math.min(nextDelimiter(f), le);
        fields.push(text.slice(f, end));
      }
      if (end < n && text.charCodeAt(end) === d) { f = end + 1; continue; }
      p = end < n ? pastLineEnd(end) : n;
      break;
    }
    onRecord(fields, recordLine);
    line++;
  }
  return problems;
}
