// The colour rules match the text the cells show: with other words in the catalogue, the rules use
// those words, so a translated report keeps its colours.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../core/messages/en', async (load) => {
  const { en } = await load<typeof import('../../core/messages/en')>();
  return {
    en: {
      ...en, 'status.Lost': 'Χαμένος', 'status.At risk': 'Σε κίνδυνο', 'status.New': 'Νέος', 'yes': 'ναι',
      'mig.move': '{from} ⇒ {to}', 'mig.fall': 'πτώση', 'mig.rise': 'άνοδος', 'p.noValue': '∅',
    },
  };
});

const { buildLayout, segment } = await import('../../core');
const { REPORT_ROWS } = await import('../fixtures');

describe('colour rules follow the catalogue', () => {
  const layout = buildLayout(segment(REPORT_ROWS, { asOf: '2024-04-30' }));

  it('every status rule matches a label the Status column can show, and a shown status has its rule', () => {
    for (const sheet of layout.sheets.filter((s) => s.role === 'report' || s.role === 'winback')) {
      const table = sheet.blocks[sheet.blocks.length - 1];
      const col = (table.values[0] as string[]).indexOf('Status');
      const shown = new Set(table.values.slice(1).map((r) => r[col]));
      const ruleTexts = sheet.rules.filter((r) => r.range.col === table.col + col).map((r) => r.text);
      expect(ruleTexts.length).toBeGreaterThan(0);
      for (const text of ruleTexts) expect(['Χαμένος', 'Σε κίνδυνο', 'Νέος']).toContain(text);
      for (const s of shown) if (s === 'Χαμένος' || s === 'Σε κίνδυνο') expect(ruleTexts).toContain(s);
      expect([...shown].some((s) => s === 'Χαμένος')).toBe(true);
    }
  });

  it('the moves, directions and won-back flags of the new sheets are coloured by the words their cells show', () => {
    const migration = layout.sheets.find((s) => s.role === 'migration')!;
    const movers = migration.blocks.find((b) => b.id === 'movers')!;
    const head = movers.values[0] as string[];
    const texts = new Set(migration.rules.map((r) => r.text));
    for (const row of movers.values.slice(1)) {
      expect(texts).toContain(row[head.indexOf('Move')]);
      expect(texts).toContain(row[head.indexOf('Direction')]);
    }
    expect(texts).toContain('A ⇒ ∅');
    expect(texts).toContain('πτώση');
    expect(texts).toContain('άνοδος');
    const losses = layout.sheets.find((s) => s.role === 'losses')!;
    expect(losses.rules.some((r) => r.text === 'ναι')).toBe(true);
  });
});
