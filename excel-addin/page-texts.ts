// The static texts of the task pane and the help page, from the message catalogue: each element
// with data-i18n="key" gets its message (a {slot} of it is the element's child data-i18n-slot="…"),
// each data-i18n-attr="aria-label:key" its attributes. Texts are set as text, never as HTML. The
// Sheets sidebar fills its page the same way (gsheets/sidebar/page-texts.ts); what both share is
// core/messages/page-texts.ts.

import { language } from '../core/messages';
import { pageAttributeTexts, pageTextPieces } from '../core/messages/page-texts';

export function showPageTexts(doc: Document = document): void {
  doc.documentElement.lang = language();
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const slots = new Map(Array.from(node.children, (c) => [(c as HTMLElement).dataset.i18nSlot, c]));
    node.replaceChildren(...pageTextPieces(node.dataset.i18n!).map((p) => {
      if ('text' in p) return p.text;
      const slot = slots.get(p.slot);
      if (!slot) throw new Error(`data-i18n="${node.dataset.i18n}" has no child data-i18n-slot="${p.slot}"`);
      return slot;
    }));
  }
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n-attr]'))) {
    for (const [name, text] of pageAttributeTexts(node.dataset.i18nAttr!)) node.setAttribute(name, text);
  }
}
