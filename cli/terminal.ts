// What the command line prints is shown, never obeyed: a customer name, a header or a sheet name
// holding terminal control characters (ESC sequences that move the cursor, recolour or retitle the
// terminal, a carriage return that overwrites the line, bidirectional overrides that reorder it)
// reaches the console escaped, as \x1b, \r, \u202e. Files written (JSON, CSV, xlsx) keep the text as it is.

/** C0 controls but the line feed, DEL, C1 controls, and the bidirectional marks and overrides. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const n = c.charCodeAt(0);
  if (n === 9) return '\\t';
  if (n === 13) return '\\r';
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** Text for the console: line feeds kept, every other control character written as its escape. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, escape);
}

/** An error's message as one line of at most `max` characters (a library's message may hold line breaks). */
export function oneLine(message: string, max = 2000): string {
  const flat = message.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
