// The message catalogues: the build's check finds every kind of mismatch, and every English message
// renders with sample values (no placeholder left, none lost).
import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueProblems, placeholders, t, type MessageKey } from '../../core/messages';
import { en } from '../../core/messages/en';

describe('message catalogues', () => {
  it('all shipped catalogues have exactly the English keys and placeholders', () => {
    expect(catalogueProblems()).toEqual([]);
    expect(Object.keys(CATALOGUES)).toContain('en');
  });

  it('reports a missing key, an extra key and a changed placeholder', () => {
    const xx: Record<string, string> = { ...en };
    delete xx['sheet.report'];
    xx['sheet.extra'] = 'Extra';
    xx['warn.tooNew'] = '{count} customers are too new'; // lost {min}
    const problems = catalogueProblems({ xx });
    expect(problems).toContain('xx: missing key "sheet.report"');
    expect(problems).toContain('xx: extra key "sheet.extra"');
    expect(problems.some((p) => p.startsWith('xx: "warn.tooNew" has placeholders {count} instead of {count}, {min}'))).toBe(true);
    expect(problems).toHaveLength(3);
  });

  it('renders every English message with sample values', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const names = placeholders(en[key]);
      const params = Object.fromEntries(names.map((n, i) => [n, `«${n}${i}»`]));
      const text = t(key, params);
      expect(text, key).not.toMatch(/\{\w+\}/);
      for (const [n, v] of Object.entries(params)) expect(text, `${key} shows {${n}}`).toContain(v);
    }
  });
});
