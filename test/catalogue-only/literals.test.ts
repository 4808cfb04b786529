// No English sentence in the code of the hosts and the command line: every string and template
// literal in cli/, excel-addin/ and gsheets/ that reads like prose — two words in a row, or one
// capitalised word ending a sentence ("Done.") — must be a message key or be on the short list
// below of texts no analyst can see (assertions about the program itself). The pages and the
// command line are also run against a marker catalogue (pages.browser.test.ts, cli.test.ts); this
// scan reaches what those runs do not, such as the server side of the Sheets add-on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../core/messages/en';

const ROOT = join(__dirname, '../..');
const DIRS = ['cli', 'excel-addin', 'gsheets'];

const PROSE = /\p{L}{2,}[ \u00a0]+\p{L}{2,}|^\s*\p{Lu}\p{Ll}+[.!?:…]\s*$/u;
/** Calls whose text argument is a CSS selector, not a sentence. */
const SELECTOR_CALLS = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches']);

/** Texts no analyst can see: each names the program's own mistake, for its developer. */
const INTERNAL: { file: string; text: string; why: string }[] = [
  { file: 'excel-addin/page-texts.ts', text: 'data-i18n="…" has no child data-i18n-slot="…"', why: 'the page and the catalogue disagree: a build that shows it fails its tests' },
  { file: 'gsheets/sidebar/page-texts.ts', text: 'data-i18n="…" has no child data-i18n-slot="…"', why: 'the page and the catalogue disagree: a build that shows it fails its tests' },
  { file: 'gsheets/sidebar/render.ts', text: 'Sidebar element #… is missing', why: 'Sidebar.html and its script disagree' },
  { file: 'gsheets/sheet-time-zone.ts', text: 'Unexpected time zone offset "…"', why: 'Utilities.formatDate broke its documented format' },
  // the {problem} of host.badRequest: only a tampered or broken page sends such a request
  { file: 'gsheets/run-segment.ts', text: 'no request', why: 'detail of host.badRequest' },
  { file: 'gsheets/run-segment.ts', text: 'extra options', why: 'detail of host.badRequest' },
  { file: 'gsheets/run-segment.ts', text: 'column role …', why: 'detail of host.badRequest' },
  { file: 'gsheets/run-segment.ts', text: 'sheet name', why: 'detail of host.badRequest' },
];

/** The prose-like literals of a source text: string and template literals (a ${…} reads as …). */
function proseLiterals(fileName: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const skipped = (n: ts.Node): boolean => {
    const p = n.parent;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isCallExpression(p) && p.arguments[0] === n) {
      const callee = p.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (SELECTOR_CALLS.has(name) || name === 'require') return true;
    }
    return false;
  };
  const visit = (n: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('…');
    if (text !== null && PROSE.test(text) && !(text in en) && !skipped(n)) found.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).sort().flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(name) ? [path] : [];
  });
}

describe('the prose scan, on made-up sources', () => {
  it('finds sentences in strings and templates, and not keys, selectors, imports or types', () => {
    const source = [
      "import { x } from './some module';",
      "type Status = 'At risk' | 'Lost';",
      "throw new Error('Something broke badly');",
      'const m = `Unsupported type "${ext}": use .csv`;',
      "el.textContent = 'Done.';",
      "label.title = ok ? 'Show all' : 'Hide';",
      "t('status.At risk');",
      "document.querySelectorAll('#mapping select');",
      "const id = 'col-amount', cls = 'Excel', fmt = 'TableStyleLight1', sep = ' — ';",
      '// a comment is no literal: Segment customers',
    ].join('\n');
    expect(proseLiterals('made-up.ts', source)).toEqual([
      { line: 3, text: 'Something broke badly' },
      { line: 4, text: 'Unsupported type "…": use .csv' },
      { line: 5, text: 'Done.' },
      { line: 6, text: 'Show all' },
    ]);
  });
});

describe('cli/, excel-addin/ and gsheets/', () => {
  const found = DIRS.flatMap(sourceFiles).flatMap((file) => proseLiterals(file, readFileSync(join(ROOT, file), 'utf8')).map((f) => ({ file, ...f })));

  it('hold no English sentence outside the catalogue but the listed internal ones', () => {
    const internal = (f: { file: string; text: string }) => INTERNAL.some((i) => i.file === f.file && i.text === f.text);
    expect(found.filter((f) => !internal(f)).map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('the list of internal texts has no entry that is no longer in the code', () => {
    expect(INTERNAL.filter((i) => !found.some((f) => f.file === i.file && f.text === i.text))).toEqual([]);
  });
});
