// The real dist/gsheets/Sidebar.html in headless Chromium with a stub google.script.run that keeps
// Apps Script's calling convention (withSuccessHandler/withFailureHandler chains, async replies).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_FIELD_IDS, moreOptionsField } from '../../core/options';
import { sanitizeSettings } from '../../gsheets/settings-store';
import type { RunSummary, SelectionInfo } from '../../gsheets/sidebar-api';
import { modelOptionFields, renderedOptionFields, shownThresholdLook, thresholdLook } from '../option-form';
import { DIST, buildGsheets } from './helpers';

const XSS = '<img src=x onerror=alert(1)>';

const SELECTION: SelectionInfo = {
  address: "'Sales'!A1:D501",
  sheetName: 'Sales',
  rows: 500,
  columns: [
    { index: 0, letter: 'A', header: 'Client' },
    { index: 1, letter: 'B', header: 'Date' },
    { index: 2, letter: 'C', header: 'Net <b>sales</b>' },
    { index: 3, letter: 'D', header: 'Margin' },
  ],
  detected: { customer: 0, date: 1, amount: 2, profit: 3 },
  warnings: [],
  saved: { options: { period: 'quarter' }, extra: 'lost-days=90', columns: {} },
};

const SUMMARY: RunSummary = {
  reportSheet: 'ABC-XYZ', winBackSheet: 'Win-back', lossesSheet: 'Losses', migrationSheet: 'Migration', skippedSheet: 'Skipped rows',
  rowsRead: 500, rowsUsed: 497, rowsSkipped: 3, customers: 42, classified: 40, keyAccounts: 5, keyAccountShare: 0.512,
  matrix: { AX: 3, AY: 1, AZ: 0, BX: 2, BY: 4, BZ: 1, CX: 5, CY: 9, CZ: 15 },
  warnings: ['3 customer(s) have fewer than 3 periods of history and are not XYZ-classified.'],
  top: [{ customer: XSS, segment: 'AX', share: 0.31 }, { customer: 'Beta Ltd', segment: 'AY', share: 0.2 }],
  winBack: 2, changes: ['Lost this period: 2 (value 1,250); won back: 1', "Fell from A: 1 customers"], asOf: '2024-12-31', seconds: 1.2,
};

/** Installed before the page's own script: records calls; replies are released by the test. */
function stubScript() {
  type Pending = { name: string; args: unknown[]; ok: (v: unknown) => void; fail: (e: unknown) => void };
  const w = window as unknown as { __calls: { name: string; args: unknown[] }[]; __pending: Pending[]; google: unknown };
  w.__calls = [];
  w.__pending = [];
  const runner = (ok: (v: unknown) => void = () => undefined, fail: (e: unknown) => void = () => undefined): unknown => new Proxy({}, {
    get(_t, prop: string) {
      if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner(ok, f);
      return (...args: unknown[]) => { w.__calls.push({ name: prop, args }); w.__pending.push({ name: prop, args, ok, fail }); };
    },
  });
  w.google = { script: { run: runner() } };
}

let browser: Browser;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  await buildGsheets();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => { await browser?.close(); });

async function open(): Promise<void> {
  page = await browser.newPage();
  dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.addInitScript(stubScript);
  await page.goto(pathToFileURL(join(DIST, 'Sidebar.html')).href);
}

/** Answer the oldest pending call named `name`, with a value or a failure message. */
async function reply(name: string, outcome: { value?: unknown; error?: string }): Promise<unknown[]> {
  await page.waitForFunction((n) => (window as unknown as { __pending: { name: string }[] }).__pending.some((p) => p.name === n), name);
  return page.evaluate(({ n, o }) => {
    const w = window as unknown as { __pending: { name: string; args: unknown[]; ok: (v: unknown) => void; fail: (e: unknown) => void }[] };
    const i = w.__pending.findIndex((p) => p.name === n);
    const [p] = w.__pending.splice(i, 1);
    setTimeout(() => (o.error !== undefined ? p.fail(new Error(o.error)) : p.ok(o.value)), 0);
    return p.args;
  }, { n: name, o: outcome });
}

describe('Sidebar.html', () => {
  it('shows the range and mapping, runs with the chosen options, shows progress and the summary', async () => {
    await open();
    await reply('getSelectionInfo', { value: SELECTION });
    await expect.poll(() => page.locator('#source').textContent()).toContain("'Sales'!A1:D501");
    // labelled controls, detected columns preselected, header text shown as text
    expect(await page.getByLabel('Customer', { exact: true }).inputValue()).toBe('0');
    expect(await page.getByLabel('Profit', { exact: true }).inputValue()).toBe('3');
    expect(await page.locator('#col-amount option[value="2"]').textContent()).toBe('C — Net <b>sales</b>');
    expect(await page.locator('#col-amount b').count()).toBe(0);
    // remembered options are filled in; remembered advanced ones are in view
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('quarter');
    expect(await page.locator('#advanced').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.getByLabel('More options').inputValue()).toBe('lost-days=90');

    await page.getByLabel('Rank customers by').selectOption('profit');
    await page.getByLabel('A up to (%)').fill('70');
    await page.getByLabel('Profit', { exact: true }).selectOption('');
    // keyboard: submit from the focused button with Enter
    await page.getByRole('button', { name: 'Segment customers' }).focus();
    await page.keyboard.press('Enter');

    const [request] = await page.evaluate(() => new Promise<unknown[]>((resolve) => {
      const w = window as unknown as { __pending: { name: string; args: unknown[] }[] };
      const look = () => { const p = w.__pending.find((x) => x.name === 'runSegmentation'); if (p) resolve(p.args); else setTimeout(look, 10); };
      look();
    }));
    expect(request).toEqual({ address: "'Sales'!A1:D501", options: { metric: 'profit', period: 'quarter', a: '70' }, extra: 'lost-days=90', columns: { profit: null } });
    // while the server works: progress shown, controls disabled
    expect(await page.locator('#progress').isVisible()).toBe(true);
    expect(await page.locator('#progress-text').textContent()).toContain('Segmenting customers');
    expect(await page.getByRole('button', { name: 'Segment customers' }).isDisabled()).toBe(true);

    await reply('runSegmentation', { value: SUMMARY });
    await expect.poll(() => page.locator('#summary').isVisible()).toBe(true);
    if (process.env.ABCXYZ_SCREENSHOTS) await page.screenshot({ path: join(process.env.ABCXYZ_SCREENSHOTS, 'sheets-sidebar.png'), fullPage: true });
    expect(await page.locator('#progress').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Segment customers' }).isDisabled()).toBe(false);
    const cells = await page.locator('#matrix tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(cells).toEqual([['A', '3', '1', '0'], ['B', '2', '4', '1'], ['C', '5', '9', '15']]);
    const stats = await page.locator('#stats').textContent();
    expect(stats).toContain('42 (40 classified)');
    expect(stats).toContain('51.2 %');
    expect(await page.locator('#warnings li').allTextContents()).toEqual(SUMMARY.warnings);
    // how the portfolio changes, one line each, and the new sheets among those written
    expect(await page.locator('#changes p').allTextContents()).toEqual(SUMMARY.changes);
    expect(await page.locator('#summary-sheets').textContent()).toContain('Losses, Migration');

    await page.getByRole('button', { name: 'Go to the skipped rows' }).click();
    const args = await reply('goToSheet', { value: null });
    expect(args).toEqual(['Skipped rows']);
  });

  it('renders a malicious customer name as text', async () => {
    await open();
    await reply('getSelectionInfo', { value: SELECTION });
    await page.getByRole('button', { name: 'Segment customers' }).click();
    await reply('runSegmentation', { value: SUMMARY });
    await expect.poll(() => page.locator('#top li').count()).toBe(2);
    expect(await page.locator('#top li').first().textContent()).toBe(`${XSS} — AX, 31.0 %`);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
  });

  it('shows the server\'s sentence on failure and lets the analyst try again', async () => {
    await open();
    await reply('getSelectionInfo', { value: SELECTION });
    await page.getByRole('button', { name: 'Segment customers' }).click();
    await reply('runSegmentation', { error: 'No amount column found (nor quantity and price). Headers seen: Client, Date. Map the amount column explicitly.' });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('No amount column found (nor quantity and price). Headers seen: Client, Date. Map the amount column explicitly.');
    expect(await page.locator('#summary').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Segment customers' }).isDisabled()).toBe(false);
  });

  it('says what to do when there is no selection', async () => {
    await open();
    await reply('getSelectionInfo', { error: 'Select the transactions table (including its header row) and click "Use current selection".' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Select the transactions table');
    await page.getByRole('button', { name: 'Use current selection' }).click();
    await reply('getSelectionInfo', { value: SELECTION });
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(false);
  });

  it('renders exactly the form model\'s fields — labels, choices, placeholders, limits, sections', async () => {
    await open();
    await reply('getSelectionInfo', { value: { ...SELECTION, saved: { options: {}, extra: '', columns: {} } } });
    await expect.poll(() => page.locator('#source').textContent()).toContain("'Sales'!A1:D501");
    const shown = await renderedOptionFields(page);
    expect(shown.map((f) => f.id)).toEqual([...FORM_FIELD_IDS]);
    expect(shown).toEqual(modelOptionFields());
    expect(await page.locator('#opt-more-label').textContent()).toBe(moreOptionsField().label);
    expect(await page.locator('#opt-more').getAttribute('placeholder')).toBe(moreOptionsField().placeholder);
    // nothing saved in the advanced section: it stays closed
    expect(await page.locator('#advanced').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });

  it('placeholders and the X/Y labels follow the ABC rule and the XYZ method, also when remembered', async () => {
    await open();
    await reply('getSelectionInfo', { value: { ...SELECTION, saved: { options: { 'abc-rule': 'count', xyz: 'cv' }, extra: '', columns: {} } } });
    await expect.poll(() => page.locator('#source').textContent()).toContain("'Sales'!A1:D501");
    expect(await shownThresholdLook(page)).toEqual({ a: ['20', 'A up to (%)'], b: ['50', 'B up to (%)'], x: ['10', 'X up to CV (%)'], y: ['25', 'Y up to CV (%)'] });
    await page.getByLabel('XYZ method').selectOption('');
    expect(await shownThresholdLook(page)).toEqual(thresholdLook({ 'abc-rule': 'count' }));
    expect((await shownThresholdLook(page)).x).toEqual(['75', 'X from (%)']);
    await page.getByLabel('ABC rule').selectOption('crossing');
    expect(await shownThresholdLook(page)).toEqual({ a: ['80', 'A up to (%)'], b: ['95', 'B up to (%)'], x: ['75', 'X from (%)'], y: ['30', 'Y from (%)'] });
    // what is sent uses the option names; a typed percentage goes as typed, for the server's option text
    await page.getByLabel('A up to (%)').fill('70,5 %');
    await page.getByRole('button', { name: 'Segment customers' }).click();
    const [request] = await reply('runSegmentation', { value: SUMMARY });
    expect((request as { options: unknown }).options).toEqual({ 'abc-rule': 'crossing', a: '70,5 %' });
  });
});

describe('remembered sidebar settings', () => {
  it('are read defensively, with the names an earlier sidebar saved', () => {
    const s = sanitizeSettings({
      options: { abc: 'count', xyz: 'CV', a: '25', metric: 'revenue', period: 'fortnight', evil: '1', 'key-share': '40; metric=profit', 'min-periods': 4, 'as-of': '2024-06-30' },
      extra: 'lost-days=90',
      columns: { amount: 'Net', bogus: 'x', profit: null },
    });
    // abc → abc-rule, choices lower-cased, the default choice (revenue) blank, unknown or unsafe values dropped
    expect(s).toEqual({ options: { 'abc-rule': 'count', xyz: 'cv', a: '25', 'as-of': '2024-06-30' }, extra: 'lost-days=90', columns: { amount: 'Net', profit: null } });
    expect(sanitizeSettings('garbage')).toEqual({ options: {}, extra: '', columns: {} });
  });
});
