// Architecture rules of the source tree:
//  - no import cycle among the .ts files of core/, cli/, excel-addin/ and gsheets/ (relative
//    imports of every kind: import, import type, export … from, import(), require(), import types);
//  - core/ is host-neutral: it imports no Node module and uses no Node, Office, Apps Script or DOM
//    API, so the same core runs in Excel, in Apps Script and on the command line.
// The files are read with the TypeScript parser and checker, so comments and strings never count.
// The first tests run the same scanners on small made-up sources: each rule is shown to catch what
// it is meant to catch before it is applied to the real tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = ['core', 'cli', 'excel-addin', 'gsheets'];

/** Every .ts file under the given folders of the repository, as paths relative to it. */
function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(path);
    }
  };
  for (const d of dirs) if (existsSync(join(ROOT, d))) walk(d);
  return out;
}

interface ImportRef { spec: string; line: number }

/** The module specifiers a file imports or re-exports, in any form, with their lines. */
function importsOf(fileName: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: ImportRef[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) out.push({ spec: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The source file a relative specifier names ('./x', './x.js', './dir' → dir/index.ts), if any. */
function resolveRelative(from: string, spec: string, files: Set<string>): string | null {
  const base = join(dirname(from), spec).replace(/\\/g, '/');
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${base}/index.ts`]) if (files.has(c)) return c;
  return null;
}

/** The import graph of the files (relative imports only), and the relative imports that name no file. */
function importGraph(sources: Map<string, string>) {
  const files = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const [file, text] of sources) {
    const to = new Set<string>();
    for (const { spec, line } of importsOf(file, text)) {
      if (!spec.startsWith('.')) continue;
      const target = resolveRelative(file, spec, files);
      if (target) to.add(target);
      // a stylesheet or page the bundler inlines is no module of the graph
      else if (!existsSync(join(ROOT, dirname(file), spec)) || !/\.(css|html|json|svg|png)$/.test(spec)) unresolved.push(`${file}:${line} imports ${spec}, which is no source file`);
    }
    graph.set(file, [...to].sort());
  }
  return { graph, unresolved };
}

/**
 * Every elementary cycle of the graph, each once, starting at its smallest file: a path through
 * a strongly connected component (Tarjan) back to its start, visiting only larger files.
 */
function findCycles(graph: Map<string, string[]>, limit = 50): string[][] {
  const nodes = [...graph.keys()].sort();
  // strongly connected components
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const strong = (v: string) => {
    index.set(v, counter); low.set(v, counter); counter++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      for (let w = ''; w !== v;) { w = stack.pop()!; onStack.delete(w); component.set(w, components); }
      components++;
    }
  };
  for (const v of nodes) if (!index.has(v)) strong(v);

  const cycles: string[][] = [];
  for (const start of nodes) {
    const path = [start];
    const seen = new Set(path);
    const walk = (v: string) => {
      for (const w of graph.get(v) ?? []) {
        if (cycles.length >= limit || component.get(w) !== component.get(start)) continue;
        if (w === start) cycles.push([...path, start]);
        else if (w > start && !seen.has(w)) { path.push(w); seen.add(w); walk(w); seen.delete(w); path.pop(); }
      }
    };
    walk(start);
  }
  return cycles;
}

// --- host APIs in core ----------------------------------------------------------------------

/** Globals of the hosts whose types the project may not load: a use is a host dependency even unresolved. */
const HOST_GLOBALS = new Set([
  // Office.js
  'Office', 'Excel', 'OfficeExtension', 'CustomFunctions', 'OfficeRuntime',
  // Apps Script
  'SpreadsheetApp', 'HtmlService', 'PropertiesService', 'LockService', 'Utilities', 'Session', 'ScriptApp',
  'CacheService', 'UrlFetchApp', 'DriveApp', 'Logger', 'google', 'GoogleAppsScript',
  // DOM and Node
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'require', 'process', 'Buffer',
  '__dirname', '__filename', 'module', 'global',
]);

/** Declaration files of host APIs: the DOM and other non-ECMAScript libs, Node, Office, Apps Script. */
const isHostDeclaration = (file: string) =>
  /[\\/]typescript[\\/]lib[\\/]lib\.(dom|webworker|scripthost)/.test(file) || /[\\/]@types[\\/](node|office-js|office-runtime|google-apps-script)[\\/]/.test(file);

const isNodeModule = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec) || builtinModules.includes(spec.split('/')[0]);

/**
 * Uses of host APIs in the given sources (absolute path → text): Node modules imported, and every
 * identifier that names a global of the DOM, Node, Office or Apps Script (by the checker: declared
 * only in their declaration files, or one of HOST_GLOBALS that the sources do not declare).
 */
function hostApiUses(sources: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')],
    strict: true, noEmit: true, skipLibCheck: true, isolatedModules: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) => (sources.has(name) ? ts.createSourceFile(name, sources.get(name)!, lang, true) : getSourceFile.call(host, name, lang, ...rest));
  host.fileExists = (name) => sources.has(name) || fileExists.call(host, name);
  host.readFile = (name) => sources.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...sources.keys()], options, host);
  const checker = program.getTypeChecker();
  const uses: string[] = [];
  for (const name of sources.keys()) {
    const sf = program.getSourceFile(name)!;
    const at = (node: ts.Node) => `${relative(ROOT, name)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    for (const { spec, line } of importsOf(name, sources.get(name)!)) if (isNodeModule(spec)) uses.push(`${relative(ROOT, name)}:${line} imports ${spec}`);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && !isMemberName(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decls = symbol?.declarations ?? [];
        const fromHost = decls.length > 0 && decls.every((d) => isHostDeclaration(d.getSourceFile().fileName));
        const undeclared = decls.length === 0 && HOST_GLOBALS.has(node.text);
        if (fromHost || undeclared) uses.push(`${at(node)} uses ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/**
 * A name after a dot, a property key or an import binding (the import itself is reported): not a
 * reference to a global (but globalThis.document is).
 */
function isMemberName(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return !(ts.isIdentifier(p.expression) && p.expression.text === 'globalThis');
  if (ts.isImportClause(p) || ts.isImportSpecifier(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p)) return true;
  if (ts.isQualifiedName(p) && p.right === node) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === node) return true;
  if (ts.isBindingElement(p) && p.propertyName === node) return true;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node) return true;
  return false;
}

const read = (files: string[]) => new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

describe('the scanners, on made-up sources', () => {
  it('find imports of every kind, and nothing in comments or strings', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import './side-effect';",
      "import * as ns from './ns.js';",
      "export { c } from './c';",
      "export * from './d';",
      "export type { E } from './e';",
      'import {',
      '  f,',
      "} from './f';",
      "const g = await import('./g');",
      "const h = require('./h');",
      "type I = import('./i').I;",
      "import j = require('./j');",
      "// import { no } from './comment';",
      "/* export * from './block-comment'; */",
      "const s = \"import { no } from './string'\";",
      "const t = `export * from './template'`;",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { spec: './a', line: 1 }, { spec: '../b', line: 2 }, { spec: './side-effect', line: 3 }, { spec: './ns.js', line: 4 },
      { spec: './c', line: 5 }, { spec: './d', line: 6 }, { spec: './e', line: 7 }, { spec: './f', line: 10 },
      { spec: './g', line: 11 }, { spec: './h', line: 12 }, { spec: './i', line: 13 }, { spec: './j', line: 14 },
    ]);
  });

  it('resolve ./x, ./x.js and ./dir to source files, and find each cycle once', () => {
    const { graph, unresolved } = importGraph(new Map([
      ['m/a.ts', "import type { B } from './b';"],
      ['m/b.ts', "export { a } from './a.js';"],
      ['m/c.ts', "import { d } from './sub';"],
      ['m/sub/index.ts', "import { e } from '../e';"],
      ['m/e.ts', "import { c } from './c'; import { a } from './a'; import { x } from './missing';"],
      ['m/self.ts', "export * from './self';"],
      ['m/leaf.ts', "import { a } from './a'; import fs from 'node:fs';"],
    ]));
    expect(graph.get('m/c.ts')).toEqual(['m/sub/index.ts']);
    expect(unresolved).toEqual(['m/e.ts:1 imports ./missing, which is no source file']);
    expect(findCycles(graph)).toEqual([
      ['m/a.ts', 'm/b.ts', 'm/a.ts'],
      ['m/c.ts', 'm/sub/index.ts', 'm/e.ts', 'm/c.ts'],
      ['m/self.ts', 'm/self.ts'],
    ]);
    // two cycles through one file are two cycles
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['a']], ['c', ['a']]]))).toEqual([['a', 'b', 'a'], ['a', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('find Node, Office, Apps Script and DOM APIs, but not names that only look like them', () => {
    const dir = join(ROOT, 'core', '__made_up__');
    const uses = hostApiUses(new Map([
      [join(dir, 'bad.ts'), [
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        'export const a = Office.context;',
        'export const b = Excel.run;',
        'export const c = SpreadsheetApp.getActive();',
        'export const d = document.title;',
        'export const e = window.innerWidth;',
        "export const f = require('x');",
        'export const g = setTimeout;',
        'export const h = globalThis.document;',
        'export let i: HTMLElement | null = null;',
        'export const j = process.env;',
      ].join('\n')],
      [join(dir, 'fine.ts'), [
        '// Excel and Sheets both call this; window.open is not used here',
        "export const text = 'document.title, Office.context, require(x)';",
        'export const o = { window: 1, document: 2, Office: 3 };',
        'export const w = o.window + o.document;',
        'export function f(document: string, window: number) { return document.length + window; }',
        'const { Office: office } = o; export { office };',
        'export const now = new Date(Date.UTC(2024, 0, 1)).toISOString() + Math.max(1, 2) + JSON.stringify(new Map());',
      ].join('\n')],
    ]));
    expect(uses.map((u) => u.replace(/^core\/__made_up__\//, ''))).toEqual([
      'bad.ts:1 imports node:fs', 'bad.ts:2 imports path',
      'bad.ts:3 uses Office', 'bad.ts:4 uses Excel', 'bad.ts:5 uses SpreadsheetApp', 'bad.ts:6 uses document',
      'bad.ts:7 uses window', 'bad.ts:8 uses require', 'bad.ts:9 uses setTimeout', 'bad.ts:10 uses document',
      'bad.ts:11 uses HTMLElement', 'bad.ts:12 uses process',
    ]);
  });
});

describe('the source tree', () => {
  const files = sourceFiles(SOURCE_DIRS);

  it('has the four source folders, each with .ts files', () => {
    for (const d of SOURCE_DIRS) expect(files.filter((f) => f.startsWith(`${d}/`)).length, d).toBeGreaterThan(0);
  });

  it('every relative import names a source file, and no import cycle among core/, cli/, excel-addin/ and gsheets/', () => {
    const { graph, unresolved } = importGraph(read(files));
    expect(unresolved).toEqual([]);
    const cycles = findCycles(graph).map((c) => c.join(' → '));
    expect(cycles, `import cycles:\n  ${cycles.join('\n  ')}\n`).toEqual([]);
  });

  it('core/ imports no Node module and uses no Node, Office, Apps Script or DOM API', () => {
    const core = files.filter((f) => f.startsWith('core/'));
    const uses = hostApiUses(new Map(core.map((f) => [join(ROOT, f), readFileSync(join(ROOT, f), 'utf8')])));
    expect(uses, `host APIs in core/:\n  ${uses.join('\n  ')}\n`).toEqual([]);
  });
});
