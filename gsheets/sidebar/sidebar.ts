// The "Segment customers" sidebar: shows the range and column mapping, collects options
// (remembered per document on the server), runs the segmentation and shows the summary.

import { MAPPED_ROLES, SIDEBAR_OPTIONS, type MappedRole, type RunRequest, type RunSummary, type SelectionInfo, type SidebarOption } from '../sidebar-api';
import { t, type MessageKey } from '../../core/messages';
import { byId, columnSelect, renderSummary } from './render';
import { callServer, errorSentence } from './server-calls';

const ROLE_LABELS = Object.fromEntries(MAPPED_ROLES.map((r) => [r, t(`role.${r}` as MessageKey)])) as Record<MappedRole, string>;
const MAIN_ROLES: MappedRole[] = ['customer', 'date', 'amount', 'profit'];

let selection: SelectionInfo | null = null;
let skippedSheet: string | null = null;

function optionInputs(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('[data-option]'));
}

function showError(e: unknown | null): void {
  const box = byId('error');
  box.textContent = e === null ? '' : errorSentence(e);
  box.hidden = e === null;
}

/** Placeholders follow the rule and method, so an empty field always shows the default it means. */
function updatePlaceholders(): void {
  const count = byId<HTMLSelectElement>('opt-abc').value === 'count';
  byId<HTMLInputElement>('opt-a').placeholder = count ? '20' : '80';
  byId<HTMLInputElement>('opt-b').placeholder = count ? '50' : '95';
  const cv = byId<HTMLSelectElement>('opt-xyz').value === 'cv';
  byId<HTMLInputElement>('opt-x').placeholder = cv ? '10' : '75';
  byId<HTMLInputElement>('opt-y').placeholder = cv ? '25' : '30';
  byId('opt-x-label').textContent = cv ? 'X up to CV (%)' : 'X from (%)';
  byId('opt-y-label').textContent = cv ? 'Y up to CV (%)' : 'Y from (%)';
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
  byId('source').textContent = `${info.address} — ${info.rows.toLocaleString('en-US')} data row(s) below the header.`;
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
  byId<HTMLInputElement>('opt-extra').value = info.saved.extra;
  updatePlaceholders();
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
  return { address: info.address, options, extra: byId<HTMLInputElement>('opt-extra').value.trim(), columns };
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
  byId('form').addEventListener('submit', (e) => void run(e));
  byId('refresh').addEventListener('click', () => void loadSelection(false));
  byId('go-skipped').addEventListener('click', () => void goToSkipped());
  byId('opt-abc').addEventListener('change', updatePlaceholders);
  byId('opt-xyz').addEventListener('change', updatePlaceholders);
  void loadSelection(true);
}

start();
