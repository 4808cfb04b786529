// manifest.xml: well-formed (xmllint) and the structural rules Office enforces or silently depends
// on — the shared runtime invariant above all (one resid for Runtime, Page, FunctionFile, ShowTaskpane).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without types
import buildExcel from '../../scripts/build-excel.mjs';

const root = join(__dirname, '../..');

interface Node { name: string; attrs: Record<string, string>; children: Node[] }

/** Minimal XML reader for the manifest (elements and attributes; no CDATA or DTD needed). */
function parseXml(xml: string): Node {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: Node[] = [{ name: '#root', attrs: {}, children: [] }];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g;
  for (let m; (m = tag.exec(body));) {
    if (m[1]) { stack.pop(); continue; }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = a[2].replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
    const node: Node = { name: m[2], attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!m[4]) stack.push(node);
  }
  return stack[0].children[0];
}
const all = (n: Node, name: string): Node[] => [...(n.name === name ? [n] : []), ...n.children.flatMap((c) => all(c, name))];
const child = (n: Node, name: string): Node => {
  const c = n.children.find((x) => x.name === name);
  if (!c) throw new Error(`${n.name} has no ${name}`);
  return c;
};
const names = (n: Node) => n.children.map((c) => c.name);

const text = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = parseXml(text);
const resources = child(child(doc, 'VersionOverrides'), 'Resources');
const resource = (kind: string) => new Map(child(resources, kind).children.map((c) => [c.attrs.id, c.attrs.DefaultValue]));
const urls = resource('bt:Urls');
const images = resource('bt:Images');
const host = child(child(child(doc, 'VersionOverrides'), 'Hosts'), 'Host');

describe('manifest.xml', () => {
  it('is well-formed XML (xmllint)', () => {
    expect(() => execFileSync('xmllint', ['--noout', join(root, 'manifest.xml')], { stdio: 'pipe' })).not.toThrow();
  });

  it('is a task pane app with a GUID id and a four-part version', () => {
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(text).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(text).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
  });

  it('keeps the schema element order', () => {
    const top = names(doc);
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(top).toEqual(order);
    expect(names(host)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    const cf = all(host, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
    expect(names(cf)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(names(child(host, 'DesktopFormFactor'))).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(names(resources)).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
  });

  it('shares one runtime: the same resid for Runtime, Page, FunctionFile and ShowTaskpane, lifetime long', () => {
    const runtime = all(host, 'Runtime');
    expect(runtime).toHaveLength(1);
    expect(runtime[0].attrs.lifetime).toBe('long');
    const resid = runtime[0].attrs.resid;
    const cf = all(host, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
    expect(child(child(cf, 'Page'), 'SourceLocation').attrs.resid).toBe(resid);
    expect(child(child(host, 'DesktopFormFactor'), 'FunctionFile').attrs.resid).toBe(resid);
    const actions = all(host, 'Action');
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(child(a, 'SourceLocation').attrs.resid).toBe(resid);
      expect(names(a)).not.toContain('TaskpaneId'); // one task pane in a shared runtime
    }
    expect(urls.get(resid)).toMatch(/\/taskpane\.html$/);
    expect(text).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  it('points the custom functions at functions.js / functions.json under namespace ABCXYZ', () => {
    const cf = all(host, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
    expect(urls.get(child(child(cf, 'Script'), 'SourceLocation').attrs.resid)).toMatch(/\/functions\.js$/);
    expect(urls.get(child(child(cf, 'Metadata'), 'SourceLocation').attrs.resid)).toMatch(/\/functions\.json$/);
    const ns = resource('bt:ShortStrings').get(child(cf, 'Namespace').attrs.resid);
    expect(ns).toBe('ABCXYZ');
  });

  it('has a Segment customers button in its own group on the Home tab', () => {
    const tab = all(host, 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const button = all(tab, 'Control')[0];
    expect(resource('bt:ShortStrings').get(child(button, 'Label').attrs.resid)).toBe('Segment customers');
  });

  it('defines every resid once, within the length limits', () => {
    const ids = resources.children.flatMap((k) => k.children.map((c) => c.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    const used = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const r of used) {
      expect(ids, `resid ${r}`).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    for (const s of resource('bt:ShortStrings').values()) expect(s!.length).toBeGreaterThan(0), expect(s!.length).toBeLessThanOrEqual(125);
    for (const s of resource('bt:LongStrings').values()) expect(s!.length).toBeGreaterThan(0), expect(s!.length).toBeLessThanOrEqual(250);
  });

  it('uses https URLs on one origin only', () => {
    const found = [...text.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
    expect(found.length).toBeGreaterThan(8);
    const origins = new Set(found.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(['https://localhost:3000']);
  });

  describe('built for a production host', () => {
    let out: string;
    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'abcxyz-excel-'));
      await buildExcel(root, { outDir: out, env: { ABCXYZ_BASE_URL: 'https://addin.example.com/abcxyz/' }, quiet: true });
    });

    it('rewrites every URL to the base URL and ships every referenced icon', () => {
      const built = readFileSync(join(out, 'manifest.xml'), 'utf8');
      expect(built).not.toContain('localhost');
      expect(built).toContain('https://addin.example.com/abcxyz/taskpane.html');
      execFileSync('xmllint', ['--noout', join(out, 'manifest.xml')]);
      const refs = [...images.values(), ...[...text.matchAll(/(?:IconUrl|HighResolutionIconUrl) DefaultValue="([^"]+)"/g)].map((m) => m[1])];
      for (const u of refs) {
        const file = join(out, new URL(u!).pathname.slice(1));
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      }
      for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'help.html']) expect(existsSync(join(out, f)), f).toBe(true);
    });

    it('refuses a base URL that is not https', async () => {
      await expect(buildExcel(root, { outDir: join(out, 'x'), env: { ABCXYZ_BASE_URL: 'http://example.com' }, quiet: true })).rejects.toThrow(/https/);
    });
  });
});
