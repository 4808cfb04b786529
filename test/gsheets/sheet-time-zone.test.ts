// Date cells → calendar days in the spreadsheet's zone, with few Utilities.formatDate calls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../core';
import { dayOfDateIn, parseOffset } from '../../gsheets/sheet-time-zone';
import { formatDateFake, sheetDate } from './fake-gas';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The calendar day of an instant in a zone, straight from the time-zone database (the truth). */
function truthDay(timeZone: string): (t: number) => number {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (t) => {
    const [y, m, d] = fmt.format(new Date(t)).split('-').map(Number);
    return dayFromCivil(y, m, d);
  };
}

/**
 * Known offset changes (UTC instants) of the zones with unusual ones: DST at midnight (São Paulo),
 * a half-hour DST (Lord Howe), a whole skipped day and ±1 h DST (Apia), and an ordinary one (Athens).
 */
const CHANGES: Record<string, string[]> = {
  'Europe/Athens': ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z'],
  'America/Sao_Paulo': ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z'],
  'Pacific/Apia': ['2011-12-30T10:00:00Z', '2020-09-26T14:00:00Z', '2021-04-03T14:00:00Z'],
  'Australia/Lord_Howe': ['2024-04-06T15:00:00Z', '2024-10-05T15:30:00Z'],
};

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

  it.each(Object.entries(CHANGES))('the known changes of %s are where the fake puts them', (tz, changes) => {
    for (const iso of changes) {
      const t = Date.parse(iso);
      expect(formatDateFake(new Date(t - 1), tz, 'Z'), iso).not.toBe(formatDateFake(new Date(t), tz, 'Z'));
    }
  });

  it.each(Object.entries(CHANGES))('gives the right day for any instant near the changes of %s, asked in any order', (tz, changes) => {
    const truth = truthDay(tz);
    // within two days of a change, to the millisecond, so the lazy bisection is tested at every depth
    const near = fc.tuple(fc.constantFrom(...changes.map(Date.parse)), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([c, d]) => c + d);
    const exact = fc.tuple(fc.constantFrom(...changes.map(Date.parse)), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -1, max: 1 }))
      .map(([c, m, ms]) => c + m * 15 * MINUTE + ms);
    fc.assert(fc.property(fc.array(fc.oneof(near, exact), { minLength: 1, maxLength: 60 }), (instants) => {
      const dayOf = dayOfDateIn(tz, formatDateFake);
      for (const t of instants) expect(dayOf(new Date(t)), `${tz} ${new Date(t).toISOString()}`).toBe(truth(t));
    }), { numRuns: 200 });
  });

  it.each(Object.keys(CHANGES))('gives the right day for every quarter hour of the change months of %s, in shuffled order', (tz) => {
    const truth = truthDay(tz);
    const instants: number[] = [];
    for (const iso of CHANGES[tz]) {
      const c = new Date(iso);
      const start = Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), 1);
      const end = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
      for (let t = start; t < end; t += 15 * MINUTE) instants.push(t - 1, t, t + 1);
    }
    // a fixed shuffle: the bisection must not depend on cells coming in date order
    let seed = 12345;
    for (let i = instants.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [instants[i], instants[j]] = [instants[j], instants[i]];
    }
    const dayOf = dayOfDateIn(tz, formatDateFake);
    for (const t of instants) expect(dayOf(new Date(t)), `${tz} ${new Date(t).toISOString()}`).toBe(truth(t));
  });

  it('asks for a month with a change only as far as its cells need', () => {
    let calls = 0;
    const count = (d: Date, z: string, p: string) => { calls++; return formatDateFake(d, z, p); };
    const dayOf = dayOfDateIn('Europe/Athens', count);
    for (const iso of everyDay('2023-01-01', 731)) dayOf(sheetDate(iso, 'Europe/Athens'));
    // 25 month boundaries; four changes, each narrowed well short of a full 16-step bisection
    expect(calls).toBeLessThanOrEqual(25 + 4 * 8);
  });

  it('reads Java Z offsets', () => {
    expect(parseOffset('+0530')).toBe(330 * 60000);
    expect(parseOffset('-0800')).toBe(-480 * 60000);
    expect(() => parseOffset('GMT')).toThrow(/offset/);
  });
});
