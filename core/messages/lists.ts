// Lists and long texts inside messages, kept short: a message names the first few items and says
// how many more there are ("A, B, C and 199,997 more"), and one item is cut with an ellipsis, so
// no message grows with the data (200,000 headers made a 1.7 MB one-line message).

import { language, t } from './index';

/** Items a list names before "and N more". */
export const LIST_ITEMS = 5;
/** Characters one item keeps before its ellipsis. */
export const ITEM_CHARS = 60;

/** A count as the display language writes it: 199,997. */
export function formatCount(n: number): string {
  return n.toLocaleString(language());
}

/** A text cut to `max` characters, the last one an ellipsis (a surrogate pair is never split). */
export function cutText(s: string, max = ITEM_CHARS): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * The first `max` items joined by ", " (each cut to ITEM_CHARS), then "and N more" when `total`
 * (by default the number of items given) is larger: the items may be only the first few of a list.
 */
export function cutList(items: readonly string[], max = LIST_ITEMS, total = items.length): string {
  const shown = items.slice(0, max).map((s) => cutText(s)).join(', ');
  return total > Math.min(max, items.length) ? t('list.more', { items: shown, count: formatCount(total - Math.min(max, items.length)) }) : shown;
}
