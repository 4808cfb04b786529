// Lists inside messages stay short whatever the data (core/messages/lists.ts): the first few items,
// then "and N more"; one item is cut with an ellipsis, never inside a surrogate pair.
import { describe, expect, it } from 'vitest';
import { cutList, cutText, formatCount } from '../../core/messages/lists';
import { headersSeen } from '../../core/read/headers';

describe('lists in messages', () => {
  it('names the first items and how many more, with the count grouped', () => {
    expect(cutList(['a', 'b', 'c'])).toBe('a, b, c');
    expect(cutList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
    expect(cutList(['12', '40'], 5, 200_000)).toBe('12, 40 and 199,998 more');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('cuts a long item with an ellipsis and keeps a surrogate pair whole', () => {
    expect(cutText('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
    expect(cutText(`${'x'.repeat(57)}😀😀`, 60)).toBe(`${'x'.repeat(57)}😀…`);
    expect(cutText(`${'x'.repeat(58)}😀😀`, 60)).toBe(`${'x'.repeat(58)}…`);
    expect(cutText('short')).toBe('short');
  });

  it('headers: twenty of them, then the rest counted; none at all is said', () => {
    const headers = Array.from({ length: 200_000 }, (_, i) => `h${i}`);
    const seen = headersSeen(headers);
    expect(seen).toBe(`${headers.slice(0, 20).join(', ')} and 199,980 more`);
    expect(headersSeen(['', 'a', ''])).toBe('a');
    expect(headersSeen(['', ''])).toBe('(none)');
  });
});
