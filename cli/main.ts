// abcxyz — the command line: `abcxyz segment <file> [--out report.xlsx|.json|.csv] [flags]` and `abcxyz demo`.
// Exit codes: 0 success, 2 usage or option error, 1 the input cannot be read.

import { writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AbcxyzError, buildLayout, createSegmenter, resolveOptions, segment, setOptionFromText, t,
  type PartialOptions, type SegmentResult,
} from '../core';
import { COLUMN_FLAGS, OPTION_FLAGS, optionHelpLines } from '../core/options';
import { encodingName, encodingOption } from './encoding';
import { InputError, OutputError } from './fs-errors';
import { checkInput, DEFAULT_LIMITS, DEFAULT_MAX_INPUT_MB, limitsOf, type InputLimits } from './input-file';
import { prepareOutput, writeThrough, type OutputTarget } from './output-file';
import { openXlsx, streamDelimited } from './input';
import { isOutOfMemory, MemoryError } from './memory';
import { toCsv, toText, writeJson } from './output';
import { oneLine, terminalText } from './terminal';
import { writeXlsx } from './xlsx';

/** Console output: control characters in names and headers are shown escaped, never sent raw to the terminal. */
const say = (text: string) => process.stdout.write(terminalText(text));
const complain = (text: string) => process.stderr.write(terminalText(text));

/** --help: the option lines come from the option vocabulary, so they list every option with its default. */
function usage(): string {
  const columns = COLUMN_FLAGS.map((r) => `--${r}`);
  const wrapped: string[] = [];
  for (const flag of columns) {
    const last = wrapped.length - 1;
    if (last >= 0 && wrapped[last].length + flag.length + 1 <= 80) wrapped[last] += ` ${flag}`;
    else wrapped.push(`  ${flag}`);
  }
  const other = [
    [`  --sheet ${t('cli.sheetValue')}`, t('form.cli.sheetRead')],
    [`  --encoding ${t('cli.sheetValue')}`, t('form.cli.encoding')],
    ['  --max-input-mb N', t('form.cli.maxInput', { mb: DEFAULT_MAX_INPUT_MB })],
    ['  --timings', t('form.cli.timings')],
  ].map(([flag, text]) => `${flag.padEnd(40)}${text}`);
  return [t('form.cli.usage'), '', t('form.cli.columns'), ...wrapped, t('form.cli.options'), ...optionHelpLines(40), t('form.cli.other'), ...other, ''].join('\n');
}

class UsageError extends Error {}

/** One flag per option of the vocabulary (its canonical name) and per column role. */
const FLAG_NAMES = [...OPTION_FLAGS.map((f) => f.name), ...COLUMN_FLAGS];
const BOOLEAN_FLAGS = new Set(OPTION_FLAGS.filter((f) => f.boolean).map((f) => f.name));

function parseCommandLine(argv: string[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    encoding: { type: 'string' },
    'max-input-mb': { type: 'string' },
    timings: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of FLAG_NAMES) options[name] = { type: BOOLEAN_FLAGS.has(name) ? 'boolean' : 'string' };
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
}

function optionsFrom(values: Record<string, string | boolean | undefined>): PartialOptions {
  const partial: PartialOptions = {};
  for (const name of FLAG_NAMES) {
    const v = values[name];
    if (v === undefined || v === false) continue;
    setOptionFromText(partial, name, v === true ? 'true' : v);
  }
  return partial;
}

const OUTPUT_TYPES = new Set(['.json', '.csv', '.xlsx']);
const XLSX_INPUT = new Set(['.xlsx', '.xlsm']);
const TEXT_INPUT = new Set(['.csv', '.tsv', '.txt', '']);

/** The report into the temporary file, by the output's type; what the layout shortened to fit Excel. */
async function writeOutput(result: SegmentResult, ext: string, temp: string): Promise<string[]> {
  if (ext === '.json') writeJson(result, temp);
  else if (ext === '.csv') writeFileSync(temp, toCsv(result));
  else {
    const layout = buildLayout(result);
    await writeXlsx(layout, temp);
    return layout.warnings;
  }
  return [];
}

/** ExcelJS hands dates over as UTC midnights: take their UTC calendar day. */
const utcDay = (d: Date) => (Number.isFinite(d.getTime()) ? Math.floor(d.getTime() / 86400000) : null);

/** What the reading says first, then the run's own warnings. */
function withNotes(result: SegmentResult, notes: string[]): SegmentResult {
  if (notes.length) result.warnings.unshift(...notes);
  return result;
}

/**
 * Read and segment. Both a CSV and an .xlsx stream through the core row by row, so the table is
 * never held whole (a CSV's text is, an .xlsx's is not: its sheet is inflated and scanned as it comes).
 */
async function compute(input: string, sheet: string | undefined, encoding: string | undefined, partial: PartialOptions, limits: InputLimits): Promise<{ result: SegmentResult; notes: string[]; readMs: number; computeMs: number }> {
  const ext = extname(input).toLowerCase();
  const t0 = performance.now();
  let notes: string[] = [];
  let decodedAs = 'utf-8';
  try {
    if (XLSX_INPUT.has(ext)) {
      const wb = await openXlsx(input, sheet, limits);
      const segmenter = createSegmenter({ ...partial, date1904: partial.date1904 ?? wb.date1904, dateObjectDay: utcDay });
      notes = await wb.read((row) => segmenter.add(row));
      const t1 = performance.now();
      const result = withNotes(segmenter.finish(), notes);
      return { result, notes, readMs: t1 - t0, computeMs: performance.now() - t1 };
    }
    if (TEXT_INPUT.has(ext)) {
      const segmenter = createSegmenter({ ...partial, dateObjectDay: utcDay });
      const read = streamDelimited(input, (row) => segmenter.add(row), encoding, limits);
      notes = read.notes;
      decodedAs = read.encoding;
      const t1 = performance.now();
      const finished = segmenter.finish();
      // rows wider than the header can only be told once the core has chosen the header row
      notes = [...notes, ...read.afterHeader(finished.headerRow)];
      const result = withNotes(finished, notes);
      return { result, notes, readMs: t1 - t0, computeMs: performance.now() - t1 };
    }
  } catch (e) {
    // a table the core cannot use, read in a guessed encoding: the guess may be why
    if (e instanceof AbcxyzError) {
      const message = decodedAs !== 'utf-8' ? t('read.enc.hint', { problem: e.message, encoding: encodingName(decodedAs) }) : e.message;
      throw new InputError(`${input}: ${message}`);
    }
    throw e;
  }
  throw new UsageError(t('cli.inputType', { ext }));
}

/** --max-input-mb, else the default. */
function limitsFrom(values: Record<string, string | boolean | undefined>): InputLimits {
  const v = values['max-input-mb'];
  if (v === undefined) return DEFAULT_LIMITS;
  const mb = Number(String(v).trim());
  if (!(Number.isFinite(mb) && mb > 0)) throw new UsageError(t('input.limitValue', { value: String(v) }));
  return limitsOf(mb);
}

/**
 * One run: the input's and the output's type, the input file and the output path are checked
 * before anything is computed; the report is written through a temporary file.
 */
async function run(input: string, values: Record<string, string | boolean | undefined>, partial: PartialOptions): Promise<SegmentResult> {
  const out = values.out as string | undefined;
  const inExt = extname(input).toLowerCase();
  if (!XLSX_INPUT.has(inExt) && !TEXT_INPUT.has(inExt)) throw new UsageError(t('cli.inputType', { ext: inExt }));
  const outExt = out ? extname(out).toLowerCase() : '';
  if (out && !OUTPUT_TYPES.has(outExt)) throw new UsageError(t('cli.outputType', { ext: outExt }));
  const limits = limitsFrom(values);
  checkInput(input, limits, TEXT_INPUT.has(inExt));
  const target: OutputTarget | null = out ? prepareOutput(out, [input]) : null;
  const { result, notes, readMs, computeMs } = await compute(input, values.sheet as string | undefined, values.encoding as string | undefined, partial, limits);
  const t2 = performance.now();
  let shortened: string[] = [];
  if (target) await writeThrough(target, out!, async (temp) => { shortened = await writeOutput(result, outExt, temp); });
  else say(toText(result));
  const t3 = performance.now();
  // with --out the console shows no warnings: what the reading decided is said there as well
  if (out) for (const note of [...notes, ...shortened]) complain(`abcxyz: ${note}\n`);
  if (values.timings) complain(`read_ms=${readMs.toFixed(1)} compute_ms=${computeMs.toFixed(1)} write_ms=${(t3 - t2).toFixed(1)}\n`);
  return result;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) { say(usage()); return command || values.help ? 0 : 2; }
  const partial = optionsFrom(values);
  resolveOptions(partial); // option errors are usage errors (exit 2), reported before any file is read
  if (values.encoding !== undefined) {
    const name = encodingOption(values.encoding as string);
    if (!name) throw new UsageError(t('read.enc.unknown', { name: values.encoding as string }));
    values.encoding = name;
  }
  if (command === 'segment') {
    if (rest.length !== 1) throw new UsageError(t('cli.oneInput'));
    await run(rest[0], values, partial);
    if (values.out) complain(`${t('cli.wrote', { path: resolve(values.out as string) })}\n`);
    return 0;
  }
  if (command === 'demo') {
    const out = (values.out as string | undefined) ?? 'abcxyz-demo.xlsx';
    const data = join(__dirname, '..', '..', 'data', 'demo-ledger.csv');
    const result = await run(data, { ...values, out }, partial);
    say(toText(result));
    say(`\n${t('cli.demoWritten', { path: resolve(out) })}\n`);
    return 0;
  }
  throw new UsageError(t('cli.unknownCommand', { command }));
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof AbcxyzError) {
      complain(`abcxyz: ${oneLine((e as Error).message)}\n\n${e instanceof UsageError ? usage() : ''}`);
      process.exitCode = 2;
    } else if (e instanceof InputError || e instanceof MemoryError || e instanceof OutputError) {
      complain(`abcxyz: ${oneLine(e.message)}\n`);
      process.exitCode = 1;
    } else if (isOutOfMemory(e)) {
      complain(`abcxyz: ${t('read.tooLarge', { path: process.argv.slice(2).find((a) => /\.(csv|tsv|txt|xlsx|xlsm)$/i.test(a)) ?? t('cli.theInput'), problem: oneLine((e as Error).message) })}\n`);
      process.exitCode = 1;
    } else {
      complain(`abcxyz: ${t('cli.unexpected', { message: oneLine((e as Error)?.message ?? String(e)) })}\n`);
      process.exitCode = 1;
    }
  },
);
