// The size of what goes over the wire to Excel: requests and responses are JSON in UTF-8, and
// Excel on the web refuses either above 5 MB. A text's length in UTF-16 units (what .length says)
// undercounts it: a CJK character is one unit but three bytes.

/** Bytes of a text in UTF-8 (a lone surrogate counts as the three bytes of its replacement). */
export function utf8Length(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Bytes a value takes in a request: its JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}
