// The static texts of the pages (Excel task pane and help, Sheets sidebar). An element names its
// message with data-i18n="key" and its attributes with data-i18n-attr="aria-label:key; title:key";
// the page fills them at start-up. This is the pure part, shared by the pages: which message, in
// which pieces. Each page fills its own DOM (excel-addin/page-texts.ts, gsheets/sidebar/page-texts.ts).

import { en } from './en';
import { t, type MessageKey } from './index';

/** Plain text, or a {slot}: the place of one of the element's own children (bold menu path, code sample). */
export type PageTextPiece = { text: string } | { slot: string };

/** The key, checked: a misspelt key in a page is a programming error, not a blank heading. */
function pageKey(key: string): MessageKey {
  if (!Object.prototype.hasOwnProperty.call(en, key)) throw new Error(`The page names an unknown message "${key}"`);
  return key as MessageKey;
}

/**
 * A page message as pieces: its text around its {slots}. A slot keeps markup out of the catalogue:
 * "choose {menu}." with the element's child data-i18n-slot="menu" (a <strong>) in its place. The
 * build's catalogue check keeps every language's slots the same as the English ones.
 */
export function pageTextPieces(key: string): PageTextPiece[] {
  const text = t(pageKey(key));
  const pieces: PageTextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) pieces.push({ text: text.slice(last, m.index) });
    pieces.push({ slot: m[1] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** data-i18n-attr="aria-label:pane.mapping; title:…" → the attributes and their texts. */
export function pageAttributeTexts(spec: string): [string, string][] {
  return spec.split(';').map((s) => s.trim()).filter(Boolean).map((pair) => {
    const at = pair.indexOf(':');
    if (at <= 0) throw new Error(`data-i18n-attr "${spec}" is not name:key; name:key`);
    return [pair.slice(0, at).trim(), t(pageKey(pair.slice(at + 1).trim()))];
  });
}
