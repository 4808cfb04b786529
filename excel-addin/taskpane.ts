/// <reference types="office-js" />
// Task pane: pick up the selection, show and edit the column mapping and options, run
// "Segment customers", show progress and a compact summary. Every text that may come from the
// workbook (headers, customer names, warnings) is set with textContent, never as HTML.

import { AbcxyzError, columnLetter, COLUMN_ROLES, customersOf, detectColumns, firstKeyAccounts, t, type ColumnRole, type MessageKey, type SegmentResult } from '../core';
import { readSource, type SourceData } from './read-source';
import { segmentWorkbook, type Phase, type RunOutcome } from './run-segment';
import { formFields, formSectionTitle, moreOptionsField, type FormFieldId, type FormValues } from '../core/options/form-model';
import { EXTRA_ROLES, MAIN_ROLES, SETTINGS_KEY, optionsFromForm, parseSaved, type FormState } from './taskpane-form';
import { forbidCompiledReaders } from '../core';
import { fillPageTexts } from '../core/messages/page-texts';

// the pane's content security policy forbids compiling code: the core makes its readers without it
forbidCompiledReaders();

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ROLE_LABELS = Object.fromEntries(COLUMN_ROLES.map((r) => [r, t(`role.${r}` as MessageKey)])) as Record<ColumnRole, string>;
const PHASES: Record<Phase, [number, string]> = {
  reading: [0, t('ui.reading')],
  computing: [1, t('ui.computing')],
  writing: [2, t('ui.writing')],
  done: [3, t('ui.done')],
};

let headers: string[] = [];
let skippedSheet: string | null = null;
/**
 * The analyst's column choices by role (header text or column letter): the saved ones, then what is
 * picked in the drop-downs. Kept apart from the drop-downs, which can only show a choice once the
 * headers are read: a saved choice waits here for a range that has its column.
 */
let columnChoices: FormState['columns'] = {};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Let the browser paint the progress bar before the next long step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// --- mapping drop-downs ----------------------------------------------------------------------

function buildMapping(): void {
  const box = $('mapping');
  box.replaceChildren();
  const add = (role: ColumnRole, parent: HTMLElement) => {
    const label = el('label', ROLE_LABELS[role]);
    label.htmlFor = `col-${role}`;
    const select = el('select');
    select.id = `col-${role}`;
    select.dataset.role = role;
    parent.append(label, select);
  };
  for (const role of MAIN_ROLES) add(role, box);
  const more = el('details');
  more.id = 'more-columns';
  more.append(el('summary', t('ui.optionalColumns')));
  const grid = el('div');
  grid.className = 'grid';
  for (const role of EXTRA_ROLES) add(role, grid);
  more.append(grid);
  box.append(more);
}

/** Fill each drop-down: "Automatic (detected header)", every header of the range, and the choice made. */
function fillMapping(): void {
  const chosen: FormState['columns'] = {};
  for (const [role, wanted] of Object.entries(columnChoices) as [ColumnRole, string][]) {
    const i = columnOf(wanted);
    if (i !== null) chosen[role] = overrideFor(i);
  }
  let detected: ReturnType<typeof detectColumns> | null = null;
  try {
    detected = detectColumns(headers, chosen);
  } catch {
    detected = detectColumns(headers, {}); // a choice the core refuses must not block the pane
  }
  for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('#mapping select'))) {
    const role = select.dataset.role as ColumnRole;
    const hit = detected.mapping.find((m) => m.role === role && m.source === 'header');
    select.replaceChildren(new Option(hit ? t('ui.automatic', { header: hit.header || columnLetter(hit.index) }) : t('ui.automaticNone'), ''));
    headers.forEach((h, i) => select.append(new Option(h ? t('pane.column', { letter: columnLetter(i), header: h }) : t('pane.columnNoHeader', { letter: columnLetter(i) }), overrideFor(i))));
    select.value = chosen[role] ?? '';
  }
}

/**
 * The column a choice names in this range, or null: a letter-like choice is a column letter (as
 * overrideFor writes it), any other is a header, matched in any case.
 */
function columnOf(wanted: string): number | null {
  if (!wanted) return null;
  const i = /^[A-Za-z]{1,3}$/.test(wanted)
    ? headers.findIndex((_, j) => columnLetter(j) === wanted.toUpperCase())
    : headers.findIndex((h) => h.toLowerCase() === wanted.toLowerCase());
  return i >= 0 ? i : null;
}

/** A header names its column when it is unique; otherwise the column letter does. */
function overrideFor(i: number): string {
  const h = headers[i];
  const unique = h && headers.filter((x) => x.toLowerCase() === h.toLowerCase()).length === 1 && !/^[A-Za-z]{1,3}$/.test(h);
  return unique ? h : columnLetter(i);
}

// --- option fields, rendered from the shared form model ---------------------------------------

const optionId = (id: string) => `opt-${id}`;

function optionControls(): (HTMLInputElement | HTMLSelectElement)[] {
  return Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#form [data-option]'));
}

function optionValues(): FormValues {
  const values: Record<string, string> = {};
  for (const c of optionControls()) values[c.dataset.option!] = c.value;
  return values as FormValues;
}

function hintFor(control: HTMLElement, text: string | null): HTMLElement[] {
  if (!text) return [];
  const hint = el('p', text);
  hint.className = 'hint';
  hint.id = `${control.id}-hint`;
  control.setAttribute('aria-describedby', hint.id);
  return [hint];
}

/** Label, control (and hint) per field of the model, in its section; the texts come from the catalogue. */
function buildOptions(): void {
  $('opt-title').textContent = formSectionTitle('main');
  $('advanced-title').textContent = formSectionTitle('advanced');
  const boxes = { main: $('options-main'), advanced: $('options-advanced') };
  boxes.main.replaceChildren();
  boxes.advanced.replaceChildren();
  for (const f of formFields()) {
    const label = el('label', f.label);
    label.htmlFor = optionId(f.id);
    label.id = `${optionId(f.id)}-label`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.control === 'select') {
      control = el('select');
      for (const c of f.choices) control.append(new Option(c.label, c.value));
    } else {
      const input = el('input');
      input.type = f.type;
      if (f.inputMode) input.inputMode = f.inputMode;
      if (f.type === 'number') {
        if (f.min !== null) input.min = String(f.min);
        if (f.max !== null) input.max = String(f.max);
        if (f.step !== null) input.step = String(f.step);
      }
      input.placeholder = f.placeholder;
      control = input;
    }
    control.id = optionId(f.id);
    control.name = f.id;
    control.dataset.option = f.id;
    boxes[f.section].append(label, control, ...hintFor(control, f.hint));
  }
  const more = moreOptionsField();
  const label = el('label', more.label);
  label.htmlFor = optionId(more.id);
  const input = el('input');
  input.type = 'text';
  input.id = optionId(more.id);
  input.placeholder = more.placeholder;
  boxes.advanced.append(label, input, ...hintFor(input, more.hint));
}

/** Placeholders and labels follow the other fields: a/b the ABC rule, x/y the XYZ method. */
function refreshOptions(): void {
  for (const f of formFields(optionValues())) {
    $(`${optionId(f.id)}-label`).textContent = f.label;
    const control = $(optionId(f.id));
    if (control instanceof HTMLInputElement) control.placeholder = f.placeholder;
  }
}

// --- form state and settings -----------------------------------------------------------------

/** The form as typed; blank option fields are left out (blank means default). */
function readForm(): FormState {
  const columns: FormState['columns'] = {};
  for (const s of Array.from(document.querySelectorAll<HTMLSelectElement>('#mapping select'))) if (s.value) columns[s.dataset.role as ColumnRole] = s.value;
  const options = Object.fromEntries(Object.entries(optionValues()).filter(([, v]) => v !== '')) as FormValues;
  return { options, extra: ($(optionId('more')) as HTMLInputElement).value, columns };
}

function writeForm(state: FormState): void {
  for (const c of optionControls()) {
    const v = state.options[c.dataset.option as FormFieldId];
    if (v !== undefined) c.value = v;
  }
  ($(optionId('more')) as HTMLInputElement).value = state.extra;
  refreshOptions();
  // saved advanced choices stay in view: a threshold the analyst changed should not be hidden
  const advanced = Array.from($('advanced').querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'));
  if (advanced.some((e) => e.value !== '')) ($('advanced') as HTMLDetailsElement).open = true;
}

function loadSaved(): FormState | null {
  try {
    return parseSaved(Office.context.document.settings.get(SETTINGS_KEY));
  } catch {
    return null;
  }
}

function save(state: FormState): void {
  try {
    Office.context.document.settings.set(SETTINGS_KEY, state);
    Office.context.document.settings.saveAsync();
  } catch {
    // settings are a convenience; a workbook that refuses them still gets its report
  }
}

// --- messages --------------------------------------------------------------------------------

function showError(e: unknown): void {
  const box = $('error');
  box.textContent = messageOf(e);
  box.hidden = false;
}

/** Clear sentences for the analyst; technical detail only where nothing better is known. */
export function messageOf(e: unknown): string {
  if (e instanceof AbcxyzError) return e.message;
  const code = (e as { code?: string } | null)?.code ?? '';
  if (/PayloadSizeLimitExceeded/.test(code)) return t('ui.tooLarge');
  if (code === 'InvalidSelection' || code === 'InvalidOperation' && /select/i.test(String((e as Error).message))) return t('ui.oneRange');
  return t('ui.hostFailed', { detail: e instanceof Error ? e.message : String(e) });
}

function setPhase(phase: Phase): Promise<void> {
  const [value, text] = PHASES[phase];
  $('progress').hidden = phase === 'done';
  ($('bar') as HTMLProgressElement).value = value;
  $('phase').textContent = text;
  return nextFrame();
}

// --- summary ---------------------------------------------------------------------------------

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function showSummary(out: RunOutcome): void {
  const r: SegmentResult = out.result;
  const body = ($('matrix') as HTMLTableElement).tBodies[0];
  body.replaceChildren();
  for (const a of ['A', 'B', 'C'] as const) {
    const tr = el('tr');
    const th = el('th', a);
    th.scope = 'row';
    tr.append(th, ...(['X', 'Y', 'Z'] as const).map((x) => el('td', String(r.matrix[`${a}${x}`].customers))));
    body.append(tr);
  }
  $('customers').textContent = t('ui.customers', { customers: r.totals.customers, classified: r.totals.classified });
  $('keyshare').textContent = t('ui.keyShare', { share: pct(r.totals.keyAccountShare), count: r.totals.keyAccounts });
  $('skipped').textContent = String(r.totals.rowsSkipped);
  skippedSheet = out.written.sheets.find((s) => s.role === 'skipped')?.name ?? null;
  $('show-skipped').hidden = !skippedSheet || r.totals.rowsSkipped === 0;
  $('sheets').textContent = out.written.sheets.map((s) => s.name).join(', ');
  // top key accounts by name: names come from the workbook, so textContent only
  const l = customersOf(r);
  const top = firstKeyAccounts(l, 5);
  $('top').replaceChildren(...top.map((k) => { const share = l.share(k); return el('li', `${l.customer(k)} — ${share === null ? '' : pct(share)}`); }));
  $('top-title').hidden = top.length === 0;
  const list = $('warnings');
  const warnings = out.warnings ?? r.warnings;
  list.replaceChildren(...warnings.map((w) => el('li', w)));
  $('warn-title').hidden = warnings.length === 0;
  $('summary').hidden = false;
  $('sum-title').focus();
}

// --- actions ---------------------------------------------------------------------------------

function supported(set: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

async function pickSelection(): Promise<void> {
  $('error').hidden = true;
  try {
    const source: SourceData = await Excel.run((ctx) => readSource(ctx, { headerOnly: true, regionSupported: supported('ExcelApi', '1.13') }));
    headers = (source.grid[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
    $('source').textContent = t('ui.range', { address: source.address });
    fillMapping();
  } catch (e) {
    showError(e);
  }
}

async function run(event: Event): Promise<void> {
  event.preventDefault();
  const button = $('run') as HTMLButtonElement;
  $('error').hidden = true;
  button.disabled = true;
  try {
    if (!supported('ExcelApi', '1.7')) throw new AbcxyzError(t('ui.tooOld'));
    const state = readForm();
    save(state);
    const out = await Excel.run((ctx) => segmentWorkbook(ctx, optionsFromForm(state), { onPhase: setPhase, regionSupported: supported('ExcelApi', '1.13'), filterSupported: supported('ExcelApi', '1.9') }));
    headers = (out.source.grid[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h).trim()));
    $('source').textContent = t('ui.range', { address: out.source.address });
    showSummary(out);
  } catch (e) {
    $('progress').hidden = true;
    showError(e);
  } finally {
    button.disabled = false;
  }
}

async function showSkipped(): Promise<void> {
  if (!skippedSheet) return;
  const name = skippedSheet;
  try {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).activate();
      await ctx.sync();
    });
  } catch (e) {
    showError(e);
  }
}

function start(): void {
  buildMapping();
  $('form').addEventListener('change', (e) => { if ((e.target as HTMLElement).dataset.option) refreshOptions(); });
  $('mapping').addEventListener('change', (e) => {
    const select = e.target as HTMLSelectElement;
    const role = select.dataset.role as ColumnRole;
    if (select.value) columnChoices[role] = select.value;
    else delete columnChoices[role];
  });
  const saved = loadSaved();
  if (saved) writeForm(saved);
  columnChoices = { ...saved?.columns };
  fillMapping();
  $('form').addEventListener('submit', run);
  $('pick').addEventListener('click', pickSelection);
  $('show-skipped').addEventListener('click', showSkipped);
  void pickSelection();
}

// the page's texts and the option fields need no host: the page shows them at once (the script is deferred)
fillPageTexts(document);
buildOptions();

// Office.js comes from the CDN; opened outside Office (or offline) the page explains itself.
if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    $('outside').hidden = false;
    ($('run') as HTMLButtonElement).disabled = true;
  });
} else {
  Office.onReady((info) => {
    if (String(info.host) === 'Excel') start();
    else {
      $('outside').hidden = false;
      ($('run') as HTMLButtonElement).disabled = true;
    }
  });
}
