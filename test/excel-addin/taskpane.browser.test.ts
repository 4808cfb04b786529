// The real dist taskpane.html in headless Chromium with a stub Office and the fake Excel context
// (the same fake as the writer tests, bundled for the browser). The Office.js CDN is blocked, as it
// would be offline: the page must cope, and the stub stands in for it.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_FIELD_IDS, moreOptionsField } from '../../core/options';
import { modelOptionFields, renderedOptionFields, shownThresholdLook, thresholdLook } from '../option-form';
// @ts-expect-error plain ESM build script without types
import buildExcel from '../../scripts/build-excel.mjs';

const root = join(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const EVIL = '<img src=x onerror=alert(1)>';

let out: string;
let server: Server;
let base: string;
let browser: Browser;
let fakeBundle: string;

function stub(grid: unknown[][], saved: unknown = null): string {
  return `${fakeBundle}
  (() => {
    window.__alerts = 0;
    window.alert = () => { window.__alerts++; };
    const wb = FakeExcel.fakeWorkbook(${JSON.stringify(grid)});
    window.__state = wb.state;
    window.__syncs = 0;
    const store = ${JSON.stringify(saved ? { 'abcxyz.taskpane': saved } : {})};
    window.__store = store;
    window.Office = {
      HostType: { Excel: 'Excel' },
      onReady(cb) { const info = { host: 'Excel', platform: 'PC' }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
      context: {
        document: { settings: { get: (k) => (k in store ? store[k] : null), set: (k, v) => { store[k] = JSON.parse(JSON.stringify(v)); }, saveAsync: (cb) => cb && cb({ status: 'succeeded' }) } },
        requirements: { isSetSupported: () => true },
      },
    };
    window.Excel = { run: async (fn) => { const ctx = new FakeExcel.FakeContext(wb.state); try { return await fn(ctx); } finally { window.__syncs += ctx.syncCount; } } };
    window.__registered = [];
    window.CustomFunctions = { associate: (id) => window.__registered.push(id), Error: class extends Error {}, ErrorCode: { invalidValue: '#VALUE!' } };
    window.__phases = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => window.__phases.push(document.getElementById('phase').textContent)).observe(document.getElementById('phase'), { childList: true, characterData: true, subtree: true });
    });
  })();`;
}

/** The house example with serial dates; its top customer has a name that is also HTML. */
function grid(): unknown[][] {
  const rows: unknown[][] = [['Customer', 'Date', 'Amount']];
  const serial = (k: number) => 45306 + Math.round((k - 1) * 30.4);
  for (let k = 1; k <= 12; k++) rows.push([EVIL, serial(k), 100]);
  for (let k = 1; k <= 12; k++) rows.push(['C2', serial(k), [50, 60, 40][(k - 1) % 3]]);
  for (const k of [4, 7, 10]) rows.push(['C3', serial(k), 90]);
  for (let k = 1; k <= 8; k++) rows.push(['C5', serial(k), 20]);
  rows.push(['', serial(3), 10]);
  return rows;
}

async function open(script: string | null): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // the page's content security policy forbids eval: nothing may even try it (a violation is logged)
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(m.text())) errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
  if (script) await page.addInitScript(script);
  await page.goto(`${base}/taskpane.html`);
  return { page, errors, requests };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'abcxyz-pane-'));
  await buildExcel(root, { outDir: out, quiet: true });
  const bundled = await build({ entryPoints: [join(__dirname, 'fake-excel.ts')], bundle: true, format: 'iife', globalName: 'FakeExcel', write: false, target: 'es2020' });
  fakeBundle = bundled.outputFiles[0].text;
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };
  server = createServer((req, res) => {
    const file = join(out, (req.url ?? '/').split('?')[0]);
    if (!file.startsWith(out) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('task pane in Chromium', () => {
  it('segments the selection, writes the report and shows the summary; names stay text', async () => {
    const { page, errors, requests } = await open(stub(grid()));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    expect(await page.textContent('#source')).toBe('Range: Sales!A1:C37');
    // detected mapping shown in the drop-downs
    expect(await page.$eval('#col-amount', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toBe('Automatic (Amount)');

    await page.click('#run');
    await page.waitForSelector('#summary:not([hidden])');
    // ABCXYZ_SCREENSHOTS=dir keeps a picture of the pane for the README and for review
    if (process.env.ABCXYZ_SCREENSHOTS) await page.screenshot({ path: join(process.env.ABCXYZ_SCREENSHOTS, 'excel-taskpane.png'), fullPage: true });
    const sheets = await page.evaluate(() => (window as any).__state.sheets.filter((s: any) => !s.deleted).map((s: any) => s.name));
    // a year of data: the Losses sheet, no Migration (its previous window would be the year before)
    expect(sheets).toEqual(['Sales', 'ABC-XYZ', 'Win-back', 'Losses', 'Skipped rows']);
    // how the portfolio changes: the losses of the as-of period (no migration line without one)
    expect(await page.$$eval('#changes p', (ps) => ps.map((p) => p.textContent))).toEqual([expect.stringMatching(/^Lost this period: \d+ \(value [\d,]+\); won back: \d+$/)]);
    const matrix = await page.$$eval('#matrix tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(matrix).toHaveLength(3);
    expect(matrix.map((r) => r[0])).toEqual(['A', 'B', 'C']);
    const counted = matrix.flatMap((r) => r.slice(1).map(Number)).reduce((a, b) => a + b, 0);
    expect(await page.textContent('#customers')).toMatch(new RegExp(`\\(${counted} classified\\)`));
    expect(await page.textContent('#skipped')).toBe('1');
    expect(await page.isVisible('#show-skipped')).toBe(true);
    expect(await page.textContent('#keyshare')).toMatch(/%/);
    // progress went through the phases
    const phases = await page.evaluate(() => (window as any).__phases as string[]);
    expect(phases).toEqual(expect.arrayContaining(['Reading the selected range…', 'Segmenting customers…', 'Writing the report sheets…']));

    // the HTML-looking customer name is shown literally, as text; no element was created from it
    expect(await page.textContent('#top')).toContain(EVIL);
    expect(await page.$$eval('#app img', (imgs) => imgs.length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__alerts)).toBe(0);
    expect(errors).toEqual([]);
    // functions.js registered the custom functions in the same page (shared runtime)
    expect(await page.evaluate(() => (window as any).__registered)).toEqual(['SEGMENT', 'ABC', 'XYZ', 'MATRIX', 'PALIVE', 'LOSSES', 'MIGRATION']);
    // nothing but the page's own files (and the blocked CDN) was requested
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('https://appsforoffice.microsoft.com/'))).toEqual([]);

    // "Show skipped rows" activates that sheet
    await page.click('#show-skipped');
    await page.waitForFunction(() => (window as any).__state.active.name === 'Skipped rows');
    await page.close();
  });

  it('works with the keyboard only and every control has a label', async () => {
    const { page, errors } = await open(stub(grid()));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    const unlabelled = await page.$$eval('#form select, #form input', (els) => els.filter((e) => (e as HTMLInputElement).labels?.length === 0).map((e) => e.id));
    expect(unlabelled).toEqual([]);
    const reach = async (id: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((want) => document.activeElement?.id === want, id)) return true;
      }
      return false;
    };
    expect(await reach('run')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#summary:not([hidden])');
    // focus moves to the result so a screen reader announces it
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sum-title');
    expect(await reach('show-skipped')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__state.active.name === 'Skipped rows');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('remembers the options per workbook under the option names and shows errors as sentences', async () => {
    const first = await open(stub(grid()));
    await first.page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    await first.page.selectOption('#opt-period', 'quarter');
    await first.page.fill('#opt-a', '70');
    await first.page.click('#advanced > summary');
    await first.page.fill('#opt-key-share', '40');
    await first.page.click('#run');
    await first.page.waitForSelector('#summary:not([hidden])');
    const saved = await first.page.evaluate(() => (window as any).__store['abcxyz.taskpane']);
    // the same names as the option text, the command line and the Sheets sidebar
    expect(saved.options).toEqual({ period: 'quarter', a: '70', 'key-share': '40' });
    expect(saved.extra).toBe('');
    await first.page.close();

    const again = await open(stub(grid(), saved));
    await again.page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    expect(await again.page.inputValue('#opt-period')).toBe('quarter');
    expect(await again.page.inputValue('#opt-a')).toBe('70');
    expect(await again.page.inputValue('#opt-key-share')).toBe('40');
    // saved advanced choices are visible, not hidden in a collapsed section
    expect(await again.page.evaluate(() => (document.getElementById('advanced') as HTMLDetailsElement).open)).toBe(true);
    // an impossible threshold: the core's sentence, shown in the alert region
    await again.page.fill('#opt-b', '60');
    await again.page.click('#run');
    await again.page.waitForSelector('#error:not([hidden])');
    expect(await again.page.textContent('#error')).toMatch(/^Option a: a \(70\) must be below b \(60\)/);
    await again.page.close();
  });

  it('brings back the saved column choices (by header text) when the same columns are there', async () => {
    // a second amount column, which the analyst chose over the recognised one; and a saved choice
    // for a column this range does not have
    const wide = grid().map((r, i) => [...r, i === 0 ? 'Net sales' : (r[2] as number) * 2]);
    const saved = { options: {}, extra: '', columns: { amount: 'net SALES', profit: 'Margin' } };
    const { page, errors } = await open(stub(wide, saved));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    expect(await page.inputValue('#col-amount')).toBe('Net sales');
    expect(await page.inputValue('#col-profit')).toBe('');
    await page.click('#run');
    await page.waitForSelector('#summary:not([hidden])');
    // the run read the chosen column: the top customer's revenue is its doubled amounts
    const revenue = await page.evaluate((name) => {
      const sheet = (window as any).__state.sheets.find((s: any) => s.name === 'ABC-XYZ' && !s.deleted);
      for (const row of sheet.cells) if (row) { const c = row.indexOf(name); if (c >= 0) return row[c + 1]; }
      return null;
    }, EVIL);
    expect(revenue).toBe(2400);
    expect((await page.evaluate(() => (window as any).__store['abcxyz.taskpane'])).columns).toEqual({ amount: 'Net sales' });
    // a choice changed in the pane is the one kept when the selection is read again
    await page.selectOption('#col-amount', '');
    await page.click('#pick');
    await page.waitForFunction(() => (window as any).__syncs > 0 && document.getElementById('source')!.textContent!.startsWith('Range:'));
    await page.waitForTimeout(100);
    expect(await page.inputValue('#col-amount')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the settings an earlier version saved (its own field ids, explicit default choices)', async () => {
    const old = {
      fields: { metric: 'revenue', period: 'week', xyzMethod: 'cv', abcRule: 'count', a: '25', keyShare: '40', newDays: '90', minPeriods: '4', asOf: '2024-06-30', from: '2024-01-15', to: '' },
      columns: { amount: 'Amount' },
    };
    const { page, errors } = await open(stub(grid(), old));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    const values = await page.$$eval('#form [data-option]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLInputElement).dataset.option, (e as HTMLInputElement).value])));
    expect(values).toMatchObject({ metric: '', period: 'week', xyz: 'cv', 'abc-rule': 'count', a: '25', 'key-share': '40', 'new-days': '90', 'min-periods': '4', 'as-of': '2024-06-30', from: '2024-01-15', to: '' });
    // and the placeholders and labels mean the rule and method read from them
    expect(await page.getAttribute('#opt-b', 'placeholder')).toBe('50');
    expect(await page.getAttribute('#opt-x', 'placeholder')).toBe('10');
    expect(await page.textContent('#opt-x-label')).toBe('X up to CV (%)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders exactly the form model\'s fields, labels, choices and limits, in their sections', async () => {
    const { page, errors } = await open(stub(grid()));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    const shown = await renderedOptionFields(page);
    expect(shown.map((f) => f.id)).toEqual([...FORM_FIELD_IDS]);
    expect(shown).toEqual(modelOptionFields());
    // the sections as the model has them: the thresholds in view, the rest under Advanced
    expect(shown.filter((f) => f.section === 'main').map((f) => f.id)).toEqual(['metric', 'period', 'abc-rule', 'a', 'b', 'xyz', 'x', 'y']);
    // no option control outside the model; the free option text sits under the advanced options
    expect(await page.$$eval('#form input:not([data-option]), #form select:not([data-option])', (els) => els.map((e) => e.id).filter((id) => !id.startsWith('col-')))).toEqual(['opt-more']);
    expect(await page.$eval('#opt-more', (e) => [(e as HTMLInputElement).labels![0].textContent, !!e.closest('#advanced')])).toEqual([moreOptionsField().label, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('placeholders and labels follow the ABC rule and the XYZ method as they are changed', async () => {
    const { page } = await open(stub(grid()));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    const look = () => shownThresholdLook(page);
    const expected = thresholdLook;
    expect(await look()).toEqual({ a: ['80', 'A up to (%)'], b: ['95', 'B up to (%)'], x: ['75', 'X from (%)'], y: ['30', 'Y from (%)'] });
    await page.selectOption('#opt-abc-rule', 'count');
    expect(await look()).toEqual(expected({ 'abc-rule': 'count' }));
    expect((await look()).a[0]).toBe('20');
    await page.selectOption('#opt-xyz', 'cv');
    expect(await look()).toEqual({ a: ['20', 'A up to (%)'], b: ['50', 'B up to (%)'], x: ['10', 'X up to CV (%)'], y: ['25', 'Y up to CV (%)'] });
    await page.selectOption('#opt-abc-rule', 'crossing');
    await page.selectOption('#opt-xyz', '');
    expect(await look()).toEqual({ a: ['80', 'A up to (%)'], b: ['95', 'B up to (%)'], x: ['75', 'X from (%)'], y: ['30', 'Y from (%)'] });
    await page.close();
  });

  it('reads a typed percentage by the one percent rule, and the more-options text', async () => {
    const { page, errors } = await open(stub(grid()));
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('Range:'));
    await page.fill('#opt-a', ' 70,5 % ');
    await page.click('#advanced > summary');
    await page.fill('#opt-more', 'lost-days=90; new-days=120');
    await page.click('#run');
    await page.waitForSelector('#summary:not([hidden])');
    const params = await page.evaluate(() => {
      const sheet = (window as any).__state.sheets.find((s: any) => s.name === 'ABC-XYZ' && !s.deleted);
      const out: Record<string, unknown> = {};
      for (const row of sheet.cells) if (row) for (let c = 0; c + 1 < row.length; c++) if (typeof row[c] === 'string') out[row[c]] ??= row[c + 1];
      return out;
    });
    expect(params['ABC rule']).toMatch(/^cumulative \(A ≤ 70\.5 ?%, B ≤ 95 ?%\)$/);
    expect(params['Lifecycle rule']).toMatch(/≥ 90 d; .* New ≤ 120 d$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains itself when opened outside Excel (Office.js unavailable)', async () => {
    const { page, errors } = await open(null);
    await page.waitForSelector('#outside:not([hidden])');
    expect(await page.isDisabled('#run')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
