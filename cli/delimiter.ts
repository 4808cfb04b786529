// The delimiter of a delimited text file: Excel's `sep=;` first line when there is one, else the
// delimiter on which the table's own lines agree — the one for which the longest run of the first
// records (quoted delimiters not counted) has the same number of fields, more than one. A title or period
// line above the table ("Sales report, 2024") is outvoted by the table's lines.

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Records looked at, blank ones not counted. */
const SAMPLE_RECORDS = 50;
/** Characters looked at, at most. */
const SAMPLE_CHARS = 1 << 18;

/** Excel's delimiter hint: the delimiter and where the table starts after it, or null. */
export function sepHint(text: string): { delimiter: string; start: number } | null {
  const m = /^"?sep=([^\r\n"])"?[ \t]*(\r\n|\n|\r|$)/i.exec(text.slice(0, 16));
  return m ? { delimiter: m[1], start: m[0].length } : null;
}

/**
 * The number of fields of each of the first non-blank records when split at `d`, as a CSV reader
 * reads them: a quote opens a quoted field only at the field's start, and "" inside it is a quote.
 */
export function fieldCounts(text: string, d: string, from = 0, records = SAMPLE_RECORDS): number[] {
  const counts: number[] = [];
  const end = Math.min(text.length, from + SAMPLE_CHARS);
  let fields = 1;
  let blank = true;
  let fieldStart = true;
  let quoted = false;
  for (let i = from; i < end && counts.length < records; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) { quoted = true; fieldStart = false; blank = false; continue; }
    if (c === d) { fields++; fieldStart = true; blank = false; continue; }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      fieldStart = true;
      continue;
    }
    fieldStart = false;
    if (c !== ' ' && c !== '\t') blank = false;
  }
  if (!blank && counts.length < records) counts.push(fields);
  return counts;
}

/**
 * The field count above 1 of the longest run of consecutive records that share it, and the run's
 * length. A run, not a tally: in a `;` table with decimal commas ("4.301,02") every line splits in
 * two at the comma, and so do title lines above it ("Umsatzliste nach Kunden, alle Filialen"), so
 * a tally of records gives the comma one vote more than the table's own delimiter; but the title
 * lines are separated from the data by the header, which has no comma, and the table's own run
 * (header and rows) is the longest.
 */
function agreement(counts: number[]): { fields: number; records: number } {
  let best = { fields: 1, records: 0 };
  for (let i = 0; i < counts.length;) {
    let j = i + 1;
    while (j < counts.length && counts[j] === counts[i]) j++;
    const fields = counts[i];
    const records = j - i;
    if (fields > 1 && (records > best.records || (records === best.records && fields > best.fields))) best = { fields, records };
    i = j;
  }
  return best;
}

/**
 * The delimiter with the longest run of records that agree (ties: more fields, then the order of DELIMITERS); a comma
 * when no delimiter splits any record (a one-column file).
 */
export function sniffDelimiter(text: string, from = 0): string {
  let best: { d: string; fields: number; records: number } = { d: ',', fields: 1, records: 0 };
  for (const d of DELIMITERS) {
    const a = agreement(fieldCounts(text, d, from));
    if (a.records > best.records || (a.records === best.records && a.records > 0 && a.fields > best.fields)) best = { d, ...a };
  }
  return best.d;
}
