// DOM rendering of the sidebar. Data from the spreadsheet (customer names, headers, messages) only
// ever reaches the page through textContent / option text — never innerHTML — so a customer called
// <img src=x onerror=…> is shown as those characters.

import { t } from '../../core/messages';
import type { FormField } from '../../core/options/form-model';
import type { ColumnChoice, RunSummary } from '../sidebar-api';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Sidebar element #${id} is missing`);
  return node as T;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const int = (v: number) => v.toLocaleString('en-US');

/** A labelled drop-down for one column role: "— not used —" plus every column of the range. */
export function columnSelect(role: string, label: string, columns: ColumnChoice[], selected: number | null): HTMLElement {
  const wrap = el('div');
  const id = `col-${role}`;
  wrap.append(el('label', label, { for: id }));
  const select = el('select', undefined, { id, 'data-role': role });
  select.append(el('option', t('sidebar.notUsed'), { value: '' }));
  for (const c of columns) {
    const option = el('option', c.header ? t('sidebar.column', { letter: c.letter, header: c.header }) : t('sidebar.columnNoHeader', { letter: c.letter }), { value: String(c.index) });
    if (c.index === selected) option.selected = true;
    select.append(option);
  }
  wrap.append(select);
  return wrap;
}

/** One option field of the shared form model: label, input or drop-down, and its hint. */
export function optionControl(f: FormField): HTMLElement {
  const wrap = el('div');
  const id = `opt-${f.id}`;
  wrap.append(el('label', f.label, { for: id, id: `${id}-label` }));
  let control: HTMLInputElement | HTMLSelectElement;
  if (f.control === 'select') {
    control = el('select');
    for (const c of f.choices) control.append(el('option', c.label, { value: c.value }));
  } else {
    control = el('input', undefined, { type: f.type, placeholder: f.placeholder });
    if (f.inputMode) control.setAttribute('inputmode', f.inputMode);
    if (f.type === 'number') {
      if (f.min !== null) control.min = String(f.min);
      if (f.max !== null) control.max = String(f.max);
      if (f.step !== null) control.step = String(f.step);
    }
  }
  control.id = id;
  control.setAttribute('data-option', f.id);
  wrap.append(control);
  if (f.hint) {
    control.setAttribute('aria-describedby', `${id}-hint`);
    wrap.append(el('p', f.hint, { id: `${id}-hint`, class: 'hint' }));
  }
  return wrap;
}

export function renderSummary(s: RunSummary): void {
  const sheets = [s.reportSheet, s.winBackSheet, s.lossesSheet, s.migrationSheet, s.skippedSheet].filter(Boolean).join(', ');
  byId('summary-sheets').textContent = t('ui.written', { sheets, asOf: s.asOf ? t('ui.asOf', { date: s.asOf }) : '', seconds: s.seconds });

  const body = byId('matrix').querySelector('tbody')!;
  body.replaceChildren();
  for (const a of ['A', 'B', 'C']) {
    const tr = el('tr');
    tr.append(el('th', a, { scope: 'row' }));
    for (const x of ['X', 'Y', 'Z']) tr.append(el('td', int(s.matrix[`${a}${x}`] ?? 0)));
    body.append(tr);
  }

  const stats = byId('stats');
  stats.replaceChildren();
  const stat = (label: string, value: string) => stats.append(el('dt', label), el('dd', value));
  stat(t('ui.statCustomers'), t('ui.customers', { customers: int(s.customers), classified: int(s.classified) }));
  stat(t('ui.statKey'), t('ui.statKeyValue', { count: int(s.keyAccounts), share: pct(s.keyAccountShare) }));
  stat(t('ui.statWinBack'), int(s.winBack));
  stat(t('ui.statRows'), `${int(s.rowsRead)} / ${int(s.rowsUsed)}`);

  byId('changes').replaceChildren(...(s.changes ?? []).map((line) => el('p', line)));
  list('top', 'top-box', s.top.map((c) => `${c.customer} — ${c.segment || '–'}${c.share === null ? '' : `, ${pct(c.share)}`}`));
  list('warnings', 'warnings-box', s.warnings);

  byId('skipped-box').hidden = !s.skippedSheet;
  byId('skipped-text').textContent = s.rowsSkipped
    ? t('sidebar.skipped', { count: int(s.rowsSkipped), sheet: s.skippedSheet ?? '' })
    : '';
}

function list(listId: string, boxId: string, items: string[]): void {
  const ul = byId('' + listId);
  ul.replaceChildren(...items.map((text) => el('li', text)));
  byId(boxId).hidden = items.length === 0;
}
