// Date cells → calendar days in the spreadsheet's zone, with few Utilities.formatDate calls.
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../core/index';
import { dayOfDateIn, parseOffset } from '../../gsheets/sheet-time-zone';
import { formatDateFake, sheetDate } from './fake-gas';

function everyDay(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, k) => new Date(start + k * 86400000).toISOString().slice(0, 10));
}

describe('dayOfDateIn', () => {
  // positive and negative offsets, half-hour offsets, a half-hour DST (Lord Howe), DST at midnight (Santiago)
  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/Athens', 'Etc/UTC'])(
    'gives the calendar day of midnight cells in %s for two years of days', (tz) => {
      let calls = 0;
      const count = (d: Date, z: string, p: string) => { calls++; return formatDateFake(d, z, p); };
      const dayOf = dayOfDateIn(tz, count);
      for (const iso of everyDay('2023-01-01', 731)) {
        const [y, m, d] = iso.split('-').map(Number);
        expect(dayOf(sheetDate(iso, tz)), `${tz} ${iso}`).toBe(dayFromCivil(y, m, d));
      }
      // per month boundary plus a bisection per DST change — not per cell
      expect(calls).toBeLessThan(25 + 5 * 18);
    });

  it('keeps the time of day within its day around a DST change', () => {
    const dayOf = dayOfDateIn('Europe/Athens', formatDateFake);
    // 2024-03-31 03:00 local is when Athens moves to +03:00; 23:30 local on both sides of it
    expect(dayOf(new Date('2024-03-30T21:30:00Z'))).toBe(dayFromCivil(2024, 3, 30)); // 23:30 +02
    expect(dayOf(new Date('2024-03-31T20:30:00Z'))).toBe(dayFromCivil(2024, 3, 31)); // 23:30 +03
    expect(dayOf(new Date('2024-03-31T21:30:00Z'))).toBe(dayFromCivil(2024, 4, 1)); // 00:30 +03
  });

  it('reads Java Z offsets', () => {
    expect(parseOffset('+0530')).toBe(330 * 60000);
    expect(parseOffset('-0800')).toBe(-480 * 60000);
    expect(() => parseOffset('GMT')).toThrow(/offset/);
  });
});
