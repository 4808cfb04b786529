// Shared by the task-pane and sidebar browser tests: the option fields a page rendered, read from
// its DOM, and the same description computed from the form model — so each pane can be held to
// exactly the model's fields, labels, choices, placeholders, limits and sections.
import type { Page } from 'playwright-core';
import { formFields, type FormValues } from '../core/options';

export interface ShownField {
  id: string | undefined;
  elementId: string;
  label: string | null;
  section: 'main' | 'advanced';
  tag: string;
  type: string | null;
  placeholder: string;
  choices: { value: string; label: string | null }[];
  min: number | null;
  max: number | null;
  hint: string | null;
}

/** Every [data-option] control of the page, in document order. */
export function renderedOptionFields(page: Page): Promise<ShownField[]> {
  return page.$$eval('[data-option]', (els) => els.map((e) => {
    const c = e as HTMLInputElement | HTMLSelectElement;
    const described = c.getAttribute('aria-describedby');
    return {
      id: c.dataset.option,
      elementId: c.id,
      label: c.labels?.[0]?.textContent ?? null,
      section: (c.closest('#advanced') ? 'advanced' : 'main') as 'main' | 'advanced',
      tag: c.tagName.toLowerCase(),
      type: c instanceof HTMLInputElement ? c.type : null,
      placeholder: c instanceof HTMLInputElement ? c.placeholder : '',
      choices: c instanceof HTMLSelectElement ? Array.from(c.options).map((o) => ({ value: o.value, label: o.textContent })) : [],
      min: c instanceof HTMLInputElement && c.min !== '' ? Number(c.min) : null,
      max: c instanceof HTMLInputElement && c.max !== '' ? Number(c.max) : null,
      hint: described ? document.getElementById(described)?.textContent ?? null : null,
    };
  }));
}

/** What renderedOptionFields should find for these form values, by the model. */
export function modelOptionFields(values: FormValues = {}): ShownField[] {
  return formFields(values).map((f) => ({
    id: f.id,
    elementId: `opt-${f.id}`,
    label: f.label,
    section: f.section,
    tag: f.control,
    type: f.control === 'input' ? f.type : null,
    placeholder: f.control === 'input' ? f.placeholder : '',
    choices: f.choices,
    min: f.type === 'number' ? f.min : null,
    max: f.type === 'number' ? f.max : null,
    hint: f.hint,
  }));
}

/** Placeholder and label of the threshold fields, by the model. */
export function thresholdLook(values: FormValues = {}): Record<string, [string, string]> {
  return Object.fromEntries(formFields(values).filter((f) => ['a', 'b', 'x', 'y'].includes(f.id)).map((f) => [f.id, [f.placeholder, f.label]]));
}

/** Placeholder and label of the threshold fields as the page shows them. */
export function shownThresholdLook(page: Page): Promise<Record<string, [string, string]>> {
  return page.evaluate(() => Object.fromEntries(['a', 'b', 'x', 'y'].map((id) => {
    const input = document.getElementById(`opt-${id}`) as HTMLInputElement;
    return [id, [input.placeholder, input.labels?.[0]?.textContent ?? '']];
  }))) as Promise<Record<string, [string, string]>>;
}
