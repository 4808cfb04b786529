// The option vocabulary, the one percent rule and the form model: every surface reads a typed
// value the same way, defaults are what the forms show, saved states of either pane are read alike.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORM_FIELD_IDS, OPTIONS, OPTION_FLAGS, OPTION_TEXT, fractionToPercent, formFields, optionDefault, optionHelpLines, optionsFromForm,
  parseOptionText, percentFromCell, percentToFraction, readSavedForm, resolveOptions, setOptionFromText,
  type FormValues, type OptionSpec,
} from '../../core/options';
import type { PartialOptions } from '../../core/types';
import { percentArg } from '../../core/functions';
import { sanitizeSettings } from '../../gsheets/settings-store';
import { cli, tempDir } from '../cli/helpers';

const SPECS = OPTIONS as readonly OptionSpec[];

/** A percentage as an analyst may type it: "80", "80%", " 80 % ", "80,5". */
const typedPercent = fc.record({
  whole: fc.integer({ min: 0, max: 120 }),
  frac: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 99 }).map(String), fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'))),
  comma: fc.boolean(),
  sign: fc.constantFrom('', '%', ' %', '% '),
  pad: fc.constantFrom('', ' ', '  '),
}).map(({ whole, frac, comma, sign, pad }) => ({
  typed: `${pad}${whole}${frac ? `${comma ? ',' : '.'}${frac}` : ''}${sign}${pad}`,
  value: Number(`${whole}${frac ? `.${frac}` : ''}`),
}));

/** The outcome of resolving, comparable whether it succeeds or fails. */
function outcome(make: () => PartialOptions): { ok: unknown } | { error: string } {
  try {
    const o = resolveOptions(make());
    return { ok: { ...o, dateObjectDay: null } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the one percent rule', () => {
  it('reads every way of typing a percentage as that number / 100, and shows it back as typed', () => {
    fc.assert(fc.property(typedPercent, ({ typed, value }) => {
      const f = percentToFraction(typed);
      expect(f).toBe(value / 100);
      // back to the percentage shown in forms and messages, and that reads as the same fraction
      expect(fractionToPercent(f!)).toBe(String(value));
      expect(percentToFraction(fractionToPercent(f!))).toBe(f);
    }), { numRuns: 500 });
  });

  it('a fraction survives the trip through its displayed percentage', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (k) => {
      const f = k / 1e6; // up to 4 decimals of a percent
      const back = percentToFraction(fractionToPercent(f))!;
      expect(Math.abs(back - f)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, f)); // a rounding, not a change
      expect(fractionToPercent(back)).toBe(fractionToPercent(f));
    }), { numRuns: 500 });
  });

  it('refuses what it cannot read rather than guessing', () => {
    for (const bad of ['', '%', 'abc', '80 %%', '1,000', '12,345', '1.000,5', '80,5,1', 'Infinity']) expect(percentToFraction(bad), bad).toBeNull();
    expect(percentToFraction('1,0000')).toBe(0.01);
    expect(percentToFraction(',5')).toBe(0.005);
    expect(percentToFraction('-5')).toBe(-0.05); // read, then refused by the range check with its own message
  });

  it('custom-function cells: text as typed; a number up to 1 is a percent-formatted cell\'s fraction', () => {
    expect(percentFromCell(80)).toBe(0.8);
    expect(percentFromCell(0.8)).toBe(0.8); // a cell showing 80 %
    expect(percentFromCell('80 %')).toBe(0.8);
    expect(percentFromCell('0.8')).toBe(0.008); // typed text means what it means in the option text
    expect(percentFromCell('')).toBeUndefined();
    expect(percentFromCell('  ')).toBeUndefined();
    expect(percentFromCell(null)).toBeUndefined();
    expect(percentFromCell(true)).toBeNull();
    expect(percentFromCell(Number.NaN)).toBeNull();
    expect(() => percentArg('eighty')).toThrow(/"eighty" is not a number/);
  });
});

describe('one vocabulary, every surface', () => {
  const PERCENT_FIELDS = SPECS.filter((s) => s.kind === 'percent' && s.section !== 'hidden').map((s) => s.name);
  const FUNCTION_ARGS = ['a', 'b', 'x', 'y'] as const;

  it('flag, option text, custom-function argument and form field give the same options for the same typed value', () => {
    fc.assert(fc.property(
      fc.constantFrom(...PERCENT_FIELDS), typedPercent, fc.constantFrom('', 'count', 'crossing'), fc.constantFrom('', 'cv'),
      (name, { typed }, rule, method) => {
        const spec = SPECS.find((s) => s.name === name)!;
        const context: PartialOptions = { ...(rule ? { abcRule: rule as 'count' } : {}), ...(method ? { xyzMethod: method as 'cv' } : {}) };
        // the command line: each flag is one setOptionFromText (cli/main.ts optionsFrom)
        const flag = outcome(() => { const p: PartialOptions = { ...context }; setOptionFromText(p, name, typed); return p; });
        const text = outcome(() => ({ ...context, ...parseOptionText(`${name}=${typed}`) }));
        const form = outcome(() => optionsFromForm({ [name]: typed, 'abc-rule': rule, xyz: method } as FormValues));
        expect(text).toEqual(flag);
        expect(form).toEqual(flag);
        if ((FUNCTION_ARGS as readonly string[]).includes(name)) {
          expect(outcome(() => ({ ...context, [spec.key]: percentArg(typed) }))).toEqual(flag);
          // a typed number in a formula: the same, except numbers up to 1 (percent-formatted cells)
          const n = Number(typed.replace('%', '').replace(',', '.'));
          if (n > 1) expect(outcome(() => ({ ...context, [spec.key]: percentArg(n) }))).toEqual(flag);
        }
      },
    ), { numRuns: 400 });
  });

  it('the real command line reads a typed percentage as the option text does', () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'customer,date,amount\nA,2024-01-05,100\nB,2024-02-05,50\nC,2024-03-05,10\n');
    fc.assert(fc.property(typedPercent.filter(({ value }) => value > 0 && value < 95), fc.constantFrom('a', 'key-share'), ({ typed }, name) => {
      const out = join(dir, 'out.json');
      const r = cli(['segment', input, `--${name}`, typed, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const params = JSON.parse(readFileSync(out, 'utf8')).parameters;
      const key = name === 'a' ? 'a' : 'keyShare';
      expect(params[key]).toBe(resolveOptions(parseOptionText(`${name}=${typed}`))[key]);
    }), { numRuns: 8 });
  }, 60_000);

  it('every option flag is derived from the vocabulary, and --help lists each with its default', () => {
    expect(OPTION_FLAGS.map((f) => f.name)).toEqual(SPECS.map((s) => s.name));
    for (const f of OPTION_FLAGS) expect(OPTION_TEXT[f.name], f.name).toBeDefined();
    const help = cli(['--help']).stdout;
    for (const s of SPECS) expect(help, s.name).toMatch(new RegExp(`^  --${s.name}\\b`, 'm'));
    for (const role of ['customer', 'date', 'amount', 'profit', 'authority']) expect(help).toContain(`--${role}`);
    const line = (name: string) => optionHelpLines().find((l) => l.startsWith(`  --${name} `))!;
    expect(line('a')).toMatch(/default 80; count: 20/);
    expect(line('y')).toMatch(/default 30; cv: 25/);
    expect(line('key-share')).toMatch(/default 50\b/);
  });

  it('every option flag given its default value changes nothing in the output', () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'customer,date,amount,profit\nA,2024-01-05,100,10\nB,2024-02-05,50,4\nA,2024-03-05,10,1\nC,2024-03-07,30,3\n');
    const args: string[] = [];
    for (const s of SPECS) {
      const d = optionDefault(s);
      if (d === null || typeof d === 'boolean') continue; // dates and detected choices; flags that switch on
      args.push(`--${s.name}`, s.kind === 'percent' ? fractionToPercent(d as number) : String(d));
    }
    expect(args.length / 2).toBeGreaterThanOrEqual(19);
    const plain = cli(['segment', input, '--out', join(dir, 'plain.json')]);
    const full = cli(['segment', input, ...args, '--out', join(dir, 'full.json')]);
    expect([plain.code, full.code]).toEqual([0, 0]);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(read('full.json')).toBe(read('plain.json'));
  });

  it('the vocabulary\'s defaults are the ones resolveOptions fills in, for every rule and method', () => {
    for (const abcRule of ['cumulative', 'crossing', 'count'] as const) for (const xyzMethod of ['frequency', 'cv'] as const) {
      const o = resolveOptions({ abcRule, xyzMethod }) as unknown as Record<string, unknown>;
      for (const s of SPECS) if (s.key !== 'abcRule' && s.key !== 'xyzMethod') expect(o[s.key], `${s.name} (${abcRule}, ${xyzMethod})`).toBe(optionDefault(s, { abcRule, xyzMethod }));
    }
  });
});

describe('the form model', () => {
  const choice = (id: string) => fc.constantFrom('', ...(SPECS.find((s) => s.name === id)!.choices ?? []));

  it('a blank field means exactly what its placeholder shows: typing the placeholder changes nothing', () => {
    fc.assert(fc.property(choice('abc-rule'), choice('xyz'), choice('metric'), choice('period'), (rule, method, metric, period) => {
      const values: FormValues = { 'abc-rule': rule, xyz: method, metric, period };
      const blank = resolveOptions(optionsFromForm(values));
      for (const f of formFields(values)) {
        if (f.control !== 'input' || f.placeholder === '') continue;
        expect(resolveOptions(optionsFromForm({ ...values, [f.id]: f.placeholder })), f.id).toEqual(blank);
      }
    }), { numRuns: 60 });
  });

  it('placeholders and x/y labels follow the ABC rule and the XYZ method', () => {
    const look = (v: FormValues) => Object.fromEntries(formFields(v).filter((f) => 'abxy'.includes(f.id) && f.id.length === 1).map((f) => [f.id, `${f.label} ${f.placeholder}`]));
    expect(look({})).toEqual({ a: 'A up to (%) 80', b: 'B up to (%) 95', x: 'X from (%) 75', y: 'Y from (%) 30' });
    expect(look({ 'abc-rule': 'count', xyz: 'cv' })).toEqual({ a: 'A up to (%) 20', b: 'B up to (%) 50', x: 'X up to CV (%) 10', y: 'Y up to CV (%) 25' });
    expect(look({ 'abc-rule': 'crossing', xyz: 'bogus' })).toEqual(look({}));
    // the blank choice is labelled with the default it means
    const metric = formFields().find((f) => f.id === 'metric')!;
    expect(metric.choices).toEqual([{ value: '', label: 'Revenue' }, { value: 'profit', label: 'Profit' }]);
    expect(formFields().find((f) => f.id === 'date-order')!.choices[0]).toEqual({ value: '', label: 'Detect from the column' });
  });

  it('reads an earlier task pane\'s saved fields by their old ids', () => {
    const saved = readSavedForm({ fields: { metric: 'revenue', period: 'quarter', xyzMethod: 'cv', abcRule: 'count', a: '25', keyShare: '40', newDays: '90', minPeriods: '4', asOf: '2024-06-30', from: '', bogus: 'x' } });
    expect(saved).toEqual({ options: { period: 'quarter', 'abc-rule': 'count', a: '25', xyz: 'cv', 'key-share': '40', 'new-days': '90', 'min-periods': '4', 'as-of': '2024-06-30', from: '' }, extra: '' });
    expect(readSavedForm(null)).toEqual({ options: {}, extra: '' });
    expect(readSavedForm({ options: 'x', fields: 42 })).toEqual({ options: {}, extra: '' });
  });

  it('both panes read the same saved options the same way', () => {
    const names = [...FORM_FIELD_IDS, 'abc', 'xyzMethod', 'keyShare', 'asOf', 'evil'];
    const value = fc.oneof(fc.constantFrom('', 'cv', 'count', 'Profit', 'quarter', '80', '7,5 %', '2024-06-30', 'a;b', 'x'.repeat(101)), fc.string({ maxLength: 8 }), fc.integer());
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...names), value), (options) => {
      const pane = readSavedForm({ options, extra: 'lost-days=90' });
      const sidebar = sanitizeSettings({ options, extra: 'lost-days=90', columns: {} });
      expect(sidebar.options).toEqual(pane.options);
      expect(sidebar.extra).toBe(pane.extra);
      for (const [k, v] of Object.entries(pane.options)) {
        expect(FORM_FIELD_IDS).toContain(k);
        expect(typeof v).toBe('string');
      }
    }), { numRuns: 300 });
  });
});
