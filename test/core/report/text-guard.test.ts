import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsTextGuard } from '../../../core';

describe('the text guard', () => {
  it('guards formula characters and every control character at the start', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\u0000=cmd', '\u001b[31m', '\u007f=x', '\u0001', '\u009b=x']) expect(needsTextGuard(s), JSON.stringify(s)).toBe(true);
    for (const s of ['Acme', ' =1', '1=1', '', 'Ünïcødé', '\u00a0=x']) expect(needsTextGuard(s), JSON.stringify(s)).toBe(false);
    expect(needsTextGuard(5)).toBe(false);
  });
  it('a guarded text stays guarded whatever a writer strips of its leading control characters', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\u0000-\u001f\u007f]{1,4}[=+\-@].*$/), (s) => {
      expect(needsTextGuard(s)).toBe(true);
      expect(needsTextGuard(s.replace(/^[\u0000-\u001f\u007f]+/, ''))).toBe(true);
    }));
  });
});
