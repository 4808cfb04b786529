// No English on the pages but the catalogue's. The task pane, its help page and the Sheets sidebar
// are built against the marker catalogue (./markers.ts) and driven in headless Chromium through
// their states — start, columns read, progress, summary, errors, outside their host — while every
// text node and every aria-label / placeholder / title / alt that ever enters the page is recorded
// (a MutationObserver installed before the page's own scripts). Each recorded text must be markers,
// the test's own data, digits, punctuation or class letters. The HTML files themselves, read
// without their scripts, must hold no words at all (formulas marked translate="no" aside).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary, SelectionInfo } from '../../gsheets/sidebar-api';
import { tempDir } from '../temp';
import { marker, markerPlugin, strayTexts, strayWords } from './markers';
// @ts-expect-error plain ESM build script without types
import buildExcel from '../../scripts/build-excel.mjs';
// @ts-expect-error plain ESM build script without types
import buildGsheets from '../../scripts/build-gsheets.mjs';

const root = join(__dirname, '../..');
const ATTRS = ['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'title', 'alt', 'label'];

/**
 * Installed before the page's scripts: window.__shown collects every text node and watched
 * attribute that enters the document, also those that are replaced a moment later (progress).
 */
function recorder(attrs: string[]) {
  const w = window as unknown as { __shown: string[] };
  w.__shown = [];
  const quiet = (n: Node) => {
    const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
    return !el || !!el.closest('script, style, [translate="no"]');
  };
  const note = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      if (!quiet(n) && n.textContent!.trim()) w.__shown.push(n.textContent!);
    } else if (n.nodeType === Node.ELEMENT_NODE) {
      if (quiet(n)) return;
      for (const a of attrs) if ((n as Element).hasAttribute(a)) w.__shown.push(`@${a}=${(n as Element).getAttribute(a)}`);
      n.childNodes.forEach(note);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(note);
      else if (r.type === 'characterData') note(r.target);
      else if (!quiet(r.target) && (r.target as Element).hasAttribute(r.attributeName!)) w.__shown.push(`@${r.attributeName}=${(r.target as Element).getAttribute(r.attributeName!)}`);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attrs });
}

/** The texts of an HTML file as written, scripts not run (parsed, not loaded). */
async function writtenTexts(page: Page, file: string): Promise<string[]> {
  return page.evaluate(({ html, attrs }) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const out: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === Node.TEXT_NODE) { if (n.textContent!.trim()) out.push(n.textContent!); return; }
      if (n.nodeType !== Node.ELEMENT_NODE) return;
      const el = n as Element;
      if (el.matches('script, style, [translate="no"]')) return;
      for (const a of attrs) if (el.hasAttribute(a)) out.push(`@${a}=${el.getAttribute(a)}`);
      el.childNodes.forEach(walk);
    };
    walk(doc.documentElement);
    return out;
  }, { html: readFileSync(join(root, file), 'utf8'), attrs: ATTRS });
}

const shown = (page: Page) => page.evaluate(() => (window as unknown as { __shown: string[] }).__shown.slice());

let browser: Browser;
let server: Server;
let excelBase: string;
let gsheetsDir: string;
let fakeBundle: string;

beforeAll(async () => {
  const excelDir = tempDir('abcxyz-markers-excel-');
  gsheetsDir = tempDir('abcxyz-markers-gsheets-');
  await buildExcel(root, { outDir: excelDir, quiet: true, plugins: [markerPlugin()] });
  await buildGsheets(root, { dir: gsheetsDir, plugins: [markerPlugin()] });
  fakeBundle = (await build({ entryPoints: [join(root, 'test/excel-addin/fake-excel.ts')], bundle: true, format: 'iife', globalName: 'FakeExcel', write: false, target: 'es2020' })).outputFiles[0].text;
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  server = createServer((req, res) => {
    const file = join(excelDir, (req.url ?? '/').split('?')[0]);
    if (!file.startsWith(excelDir) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  excelBase = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.addInitScript(recorder, ATTRS);
  return { page, errors };
}

describe('the check itself', () => {
  it('passes markers, data, numbers and class letters, and catches English words', () => {
    expect(strayWords(marker('ui.range', { address: 'Sales!A1:C37' }), { data: ['Sales'] })).toEqual([]);
    expect(strayWords('⟦ui.customers|12|3⟧ A B C X Y Z AX CZ ABC \\ XYZ 51.2 % — 2024-12-31 1,500 / 497')).toEqual([]);
    expect(strayWords('Segment customers')).toEqual(['Segment', 'customers']);
    expect(strayWords('⟦ui.range|Range: Sales⟧', { data: ['Sales'] })).toEqual(['Range']);
    expect(strayWords('⟦no.such.key⟧')).toEqual(['⟦no.such.key (no such message)']);
    expect(strayTexts(['@aria-label=Close the panel', '@title=⟦help.title⟧'])).toEqual([{ text: '@aria-label=Close the panel', stray: ['Close', 'the', 'panel'] }]);
  });

  it('finds an English sentence or aria-label added to a rendered page', async () => {
    const { page } = await newPage();
    await page.goto(`${excelBase}/help.html`);
    await page.waitForFunction(() => document.title.startsWith('⟦'));
    expect(strayTexts(await shown(page))).toEqual([]);
    await page.evaluate(() => {
      document.querySelector('h1')!.after('Select your data first.');
      document.querySelector('main')!.setAttribute('aria-label', 'Help page');
    });
    expect(strayTexts(await shown(page))).toEqual([
      { text: 'Select your data first.', stray: ['Select', 'your', 'data', 'first'] },
      { text: '@aria-label=Help page', stray: ['Help', 'page'] },
    ]);
    await page.close();
  });
});

describe('HTML files as written', () => {
  it('hold no words: every text is named by data-i18n and filled from the catalogue', async () => {
    const page = await browser.newPage();
    const stray: Record<string, unknown> = {};
    for (const file of ['excel-addin/taskpane.html', 'excel-addin/help.html', 'gsheets/sidebar/Sidebar.html']) {
      const found = strayTexts(await writtenTexts(page, file));
      if (found.length) stray[file] = found;
    }
    expect(stray).toEqual({});
    await page.close();
  });
});

// --- Excel task pane ---------------------------------------------------------------------------

const HEADERS = ['Customer', 'Date', 'Amount', ''];

/** Transactions with a column without header, a one-off customer (a warning) and a skipped row. */
function paneGrid(): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  const serial = (k: number) => 45306 + Math.round((k - 1) * 30.4);
  for (let k = 1; k <= 12; k++) rows.push(['K1', serial(k), 100, 1]);
  for (let k = 1; k <= 12; k++) rows.push(['K2', serial(k), [50, 60, 40][(k - 1) % 3], 1]);
  for (const k of [4, 7, 10]) rows.push(['K3', serial(k), 90, 1]);
  rows.push(['K4', serial(12), 5, 1]);
  rows.push(['', serial(3), 10, 1]);
  return rows;
}

function officeStub(grid: unknown[][]): string {
  return `${fakeBundle}
  (() => {
    const wb = FakeExcel.fakeWorkbook(${JSON.stringify(grid)}, { sheet: 'S1' });
    const store = {};
    window.Office = {
      HostType: { Excel: 'Excel' },
      onReady(cb) { setTimeout(() => cb({ host: 'Excel', platform: 'PC' }), 0); },
      context: {
        document: { settings: { get: (k) => store[k] ?? null, set: (k, v) => { store[k] = v; }, saveAsync: () => {} } },
        requirements: { isSetSupported: () => true },
      },
    };
    window.Excel = { run: async (fn) => fn(new FakeExcel.FakeContext(wb.state)) };
    window.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: { invalidValue: '#VALUE!' } };
  })();`;
}

describe('Excel task pane and help, built against the marker catalogue', () => {
  const data = ['Customer', 'Date', 'Amount', 'S1', 'K1', 'K2', 'K3', 'K4'];

  it('shows only catalogue texts: start, columns, options, progress, summary, an error', async () => {
    const { page, errors } = await newPage();
    await page.addInitScript(officeStub(paneGrid()));
    await page.goto(`${excelBase}/taskpane.html`);
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.startsWith('⟦ui.range'));
    // soft: a missing marker is reported beside the stray words that replaced it
    expect.soft(await page.textContent('#run')).toBe('⟦page.segment⟧');
    expect.soft(await page.getAttribute('#mapping', 'aria-label')).toBe('⟦pane.mapping⟧');
    expect.soft(await page.$$eval('#col-customer option', (os) => os.map((o) => o.textContent))).toContain('⟦pane.columnNoHeader|D⟧');
    await page.click('#run');
    await page.waitForSelector('#summary:not([hidden])');
    expect(await page.$$eval('#warnings li', (li) => li.length)).toBeGreaterThan(0);
    expect(await page.isVisible('#show-skipped')).toBe(true);
    await page.fill('#opt-a', '70');
    await page.fill('#opt-b', '60');
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])');
    const texts = await shown(page);
    // the progress phases were recorded too
    expect(texts).toEqual(expect.arrayContaining(['⟦ui.reading⟧', '⟦ui.computing⟧', '⟦ui.writing⟧']));
    expect(strayTexts(texts, { data })).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows only catalogue texts outside Excel', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${excelBase}/taskpane.html`);
    await page.waitForSelector('#outside:not([hidden])');
    expect(strayTexts(await shown(page))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('help page: catalogue texts around the formulas, which stay as written', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${excelBase}/help.html`);
    await page.waitForFunction(() => document.title.startsWith('⟦'));
    // SEGMENT, ABC, XYZ, MATRIX, LOSSES, MIGRATION and the options example
    expect(await page.$$eval('p code', (cs) => cs.length)).toBe(7);
    expect(await page.textContent('strong')).toBe('⟦help.menuPath⟧');
    expect(strayTexts(await shown(page))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// --- Sheets sidebar ----------------------------------------------------------------------------

const SELECTION: SelectionInfo = {
  address: "'S1'!A1:D501",
  sheetName: 'S1',
  rows: 1500,
  columns: [
    { index: 0, letter: 'A', header: 'Client' },
    { index: 1, letter: 'B', header: 'Date' },
    { index: 2, letter: 'C', header: '' },
    { index: 3, letter: 'D', header: 'Margin' },
  ],
  detected: { customer: 0, date: 1, profit: 3 },
  // what the server would send: its sentences are markers too
  warnings: [marker('warn.duplicateHeader', { role: marker('role.customer'), first: 'Client', second: 'Margin' })],
  saved: { options: { period: 'quarter' }, extra: 'lost-days=90', columns: {} },
};

const SUMMARY: RunSummary = {
  reportSheet: marker('sheet.report'), winBackSheet: marker('sheet.winback'), lossesSheet: marker('sheet.losses'), migrationSheet: marker('sheet.migration'), skippedSheet: marker('sheet.skipped'),
  rowsRead: 500, rowsUsed: 497, rowsSkipped: 3, customers: 42, classified: 40, keyAccounts: 5, keyAccountShare: 0.512,
  matrix: { AX: 3, AY: 1, AZ: 0, BX: 2, BY: 4, BZ: 1, CX: 5, CY: 9, CZ: 15 },
  warnings: [marker('warn.tooNew', { count: 3, min: 3 })],
  top: [{ customer: 'K1', segment: 'AX', share: 0.31 }, { customer: 'K2', segment: 'AY', share: 0.2 }],
  winBack: 2, changes: [marker('loss.summary', { count: 2, value: '1,250', won: 1 }), marker('mig.fellFromA', { count: 1 })], asOf: '2024-12-31', seconds: 1.2,
};

/** google.script.run with Apps Script's calling convention; replies as `answers` says, after a tick. */
function scriptStub(answers: Record<string, { value?: unknown; error?: string }[]>) {
  const w = window as unknown as { google: unknown };
  const runner = (ok: (v: unknown) => void = () => undefined, fail: (e: unknown) => void = () => undefined): unknown => new Proxy({}, {
    get(_t, prop: string) {
      if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner(ok, f);
      return () => {
        const a = answers[prop]?.length > 1 ? answers[prop].shift()! : answers[prop]?.[0] ?? {};
        setTimeout(() => (a.error !== undefined ? fail(new Error(a.error)) : ok(a.value)), 50);
      };
    },
  });
  w.google = { script: { run: runner() } };
}

describe('Sheets sidebar, built against the marker catalogue', () => {
  const data = ['S1', 'Client', 'Date', 'Margin', 'K1', 'K2', 'PERMISSION_DENIED'];
  const url = () => pathToFileURL(join(gsheetsDir, 'Sidebar.html')).href;

  it('shows only catalogue texts: columns, options, progress, summary, errors', async () => {
    const { page, errors } = await newPage();
    await page.addInitScript(scriptStub, {
      getSelectionInfo: [{ value: SELECTION }],
      runSegmentation: [{ value: SUMMARY }, { error: `Exception: ${marker('host.busy')}` }],
      goToSheet: [{ error: 'PERMISSION_DENIED' }],
    });
    await page.goto(url());
    await page.waitForFunction(() => document.getElementById('source')!.textContent!.includes('S1'));
    expect.soft(await page.textContent('#run')).toBe('⟦page.segment⟧');
    expect.soft(await page.$$eval('#col-amount option', (os) => os.map((o) => o.textContent))).toEqual(expect.arrayContaining(['⟦sidebar.notUsed⟧', '⟦sidebar.columnNoHeader|C⟧']));
    await page.click('#run');
    await page.waitForSelector('#summary:not([hidden])');
    await page.click('#go-skipped');
    await page.waitForFunction(() => document.getElementById('error')!.textContent!.includes('⟦sidebar.accounts'));
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('error')!.textContent!.includes('⟦host.busy'));
    const texts = await shown(page);
    expect(texts.some((t) => t.startsWith('⟦ui.progress'))).toBe(true);
    expect(texts.some((t) => t.startsWith('⟦sidebar.skipped'))).toBe(true);
    expect(strayTexts(texts, { data })).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows only catalogue texts outside Sheets (no google.script.run)', async () => {
    const { page, errors } = await newPage();
    await page.goto(url());
    await page.waitForSelector('#error:not([hidden])');
    expect.soft(await page.textContent('#error')).toBe('⟦sidebar.outside⟧');
    expect(strayTexts(await shown(page))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
