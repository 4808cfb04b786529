// The "Segment customers" sidebar: shows the range and column mapping, collects options
// (remembered per document on the server), runs the segmentation and shows the summary.

import { MAPPED_ROLES, SIDEBAR_OPTIONS, type MappedRole, type RunRequest, type RunSummary, type SelectionInfo, type SidebarOption } from '../sidebar-api';
import { t, type MessageKey } from '../../core/messages';
import { formFields, formSectionTitle, moreOptionsField, type FormValues } from '../../core/options/form-model';
import { byId, columnSelect, optionControl, renderSummary } from './render';
import { showPageTexts } from './page-texts';
import { callServer, errorSentence } from './server-calls';

const ROLE_LABELS = Object.fromEntries(MAPPED_ROLES.map((r) => [r, t(`role.${r}` as MessageKey)])) as Record<MappedRole, string>;
const MAIN_ROLES: MappedRole[] = ['customer', 'date', 'amount', 'profit'];

let selection: SelectionInfo | null = null;
let skippedSheet: string | null = null;

function optionInputs(): (HTMLInputElement | HTMLSelectElement)[] {
  return Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-option]'));
}

function optionValues(): FormValues {
  const values: Record<string, string> = {};
  for (const input of optionInputs()) values[input.dataset.option!] = input.value;
  return values as FormValues;
}

/** Fields that share a row with the next one, in this sidebar's narrow layout. */
const PAIRED_WITH_NEXT = new Set(['a', 'x', 'from']);

/** The option fields of the shared form model, each with its label (and hint), in its section. */
function buildOptions(): void {
  byId('options-title').textContent = formSectionTitle('main');
  byId('advanced-title').textContent = formSectionTitle('advanced');
  const boxes = { main: byId('options-main'), advanced: byId('options-advanced') };
  boxes.main.replaceChildren();
  boxes.advanced.replaceChildren();
  let pair: HTMLElement | null = null;
  for (const f of formFields()) {
    const node = optionControl(f);
    if (pair) {
      pair.append(node);
      pair = null;
    } else if (PAIRED_WITH_NEXT.has(f.id)) {
      pair = document.createElement('div');
      pair.className = 'pair';
      pair.append(node);
      boxes[f.section].append(pair);
    } else boxes[f.section].append(node);
  }
  const more = moreOptionsField();
  byId('opt-more-label').textContent = more.label;
  byId<HTMLInputElement>('opt-more').placeholder = more.placeholder;
  byId('opt-more-hint').textContent = more.hint;
}

function showError(e: unknown | null): void {
  const box = byId('error');
  box.textContent = e === null ? '' : errorSentence(e);
  box.hidden = e === null;
}

/** Placeholders and labels follow the rule and method, so an empty field always shows the default it means. */
function updatePlaceholders(): void {
  for (const f of formFields(optionValues())) {
    byId(`opt-${f.id}-label`).textContent = f.label;
    const input = byId(`opt-${f.id}`);
    if (input instanceof HTMLInputElement) input.placeholder = f.placeholder;
  }
}

/** The column each role starts with: the remembered choice (by header text), else the detected one. */
function initialColumn(info: SelectionInfo, role: MappedRole): number | null {
  const saved = info.saved.columns[role];
  if (saved === null) return null;
  if (typeof saved === 'string') {
    const hit = info.columns.find((c) => c.header.toLowerCase() === saved.toLowerCase());
    if (hit) return hit.index;
  }
  return info.detected[role] ?? null;
}

function renderSelection(info: SelectionInfo): void {
  byId('source').textContent = t('sidebar.source', { address: info.address, rows: info.rows.toLocaleString('en-US') });
  const main = byId('main-columns');
  const extra = byId('extra-columns');
  main.replaceChildren();
  extra.replaceChildren();
  for (const role of MAPPED_ROLES) {
    const node = columnSelect(role, ROLE_LABELS[role], info.columns, initialColumn(info, role));
    (MAIN_ROLES.includes(role) ? main : extra).append(node);
  }
  if (info.warnings.length) showError(info.warnings.join(' '));
}

function applySaved(info: SelectionInfo): void {
  for (const input of optionInputs()) {
    const v = info.saved.options[input.dataset.option as SidebarOption];
    if (v !== undefined) input.value = v;
  }
  byId<HTMLInputElement>('opt-more').value = info.saved.extra;
  updatePlaceholders();
  // saved advanced choices stay in view: a value the analyst changed should not be hidden
  const advanced = Array.from(byId('advanced').querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'));
  if (advanced.some((e) => e.value !== '')) byId<HTMLDetailsElement>('advanced').open = true;
}

async function loadSelection(first: boolean): Promise<void> {
  showError(null);
  byId('source').textContent = t('ui.readingSelection');
  try {
    selection = await callServer<SelectionInfo>('getSelectionInfo');
    renderSelection(selection);
    if (first) applySaved(selection);
  } catch (e) {
    byId('source').textContent = t('ui.noRange');
    showError(e);
  }
}

/** Only choices that differ from the detected mapping are sent: the rest stays automatic. */
function collectRequest(info: SelectionInfo): RunRequest {
  const options: RunRequest['options'] = {};
  for (const input of optionInputs()) {
    const name = input.dataset.option as SidebarOption;
    if (SIDEBAR_OPTIONS.includes(name) && input.value.trim() !== '') options[name] = input.value.trim();
  }
  const columns: RunRequest['columns'] = {};
  for (const role of MAPPED_ROLES) {
    const select = document.getElementById(`col-${role}`) as HTMLSelectElement | null;
    if (!select) continue;
    const chosen = select.value === '' ? null : Number(select.value);
    const detected = info.detected[role] ?? null;
    if (chosen !== detected) columns[role] = chosen;
  }
  return { address: info.address, options, extra: byId<HTMLInputElement>('opt-more').value.trim(), columns };
}

function setBusy(busy: boolean, started = 0): () => void {
  const form = byId<HTMLFormElement>('form');
  form.setAttribute('aria-busy', String(busy));
  for (const node of Array.from(form.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select'))) node.disabled = busy;
  byId<HTMLButtonElement>('refresh').disabled = busy;
  byId('progress').hidden = !busy;
  if (!busy) return () => undefined;
  const text = byId('progress-text');
  const tick = () => { text.textContent = t('ui.progress', { seconds: Math.round((Date.now() - started) / 1000) }); };
  tick();
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
}

async function run(event: Event): Promise<void> {
  event.preventDefault();
  showError(null);
  if (!selection) {
    await loadSelection(false);
    if (!selection) return;
  }
  const stop = setBusy(true, Date.now());
  try {
    const summary = await callServer<RunSummary>('runSegmentation', collectRequest(selection));
    skippedSheet = summary.skippedSheet;
    renderSummary(summary);
    const box = byId('summary');
    box.hidden = false;
    box.focus();
  } catch (e) {
    showError(e);
  } finally {
    stop();
    setBusy(false);
  }
}

async function goToSkipped(): Promise<void> {
  if (!skippedSheet) return;
  try {
    await callServer('goToSheet', skippedSheet);
  } catch (e) {
    showError(e);
  }
}

function start(): void {
  showPageTexts();
  buildOptions();
  byId('form').addEventListener('submit', (e) => void run(e));
  byId('refresh').addEventListener('click', () => void loadSelection(false));
  byId('go-skipped').addEventListener('click', () => void goToSkipped());
  byId('form').addEventListener('change', (e) => { if ((e.target as HTMLElement).dataset.option) updatePlaceholders(); });
  void loadSelection(true);
}

start();
