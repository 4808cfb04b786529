// Build of the Excel add-in into dist/excel: manifest.xml (base URL from ABCXYZ_BASE_URL),
// taskpane.html/.css/.js, help.html/.js, functions.js, functions.json (from the JSDoc of excel-addin/functions.ts;
// the build fails on any metadata error) and the icons. Called by scripts/build.mjs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeIcons } from './excel-icons.mjs';

export const DEV_BASE_URL = 'https://localhost:3000';

/** Base URL the add-in is served from: https only (Office refuses anything else), no trailing slash. */
export function baseUrl(env = process.env) {
  const url = (env.ABCXYZ_BASE_URL || DEV_BASE_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) throw new Error(`ABCXYZ_BASE_URL must be an https:// URL, got "${url}".`);
  return url;
}

async function functionsMetadata(file) {
  // custom-functions-metadata is CommonJS; its CLI exits 0 on errors, so the API is used instead
  const { generateCustomFunctionsMetadata } = (await import('custom-functions-metadata')).default ?? (await import('custom-functions-metadata'));
  const meta = await generateCustomFunctionsMetadata(file, false);
  if (meta.errors.length) throw new Error(`functions.json: ${meta.errors.join('\n')}`);
  const json = JSON.parse(meta.metadataJson);
  // no data types are used; the flag has crashed Excel 2021 LTSC together with error types (office-js#4385)
  delete json.allowCustomDataForDataTypeAny;
  return json;
}

/** `plugins`: extra esbuild plugins for the page bundles (the tests build them against a marker catalogue). */
export default async function buildExcel(root, { outDir = join(root, 'dist/excel'), env = process.env, quiet = false, plugins = [] } = {}) {
  const src = join(root, 'excel-addin');
  const base = baseUrl(env);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const metadata = await functionsMetadata(join(src, 'functions.ts'));
  writeFileSync(join(outDir, 'functions.json'), JSON.stringify(metadata, null, 2));

  await build({
    entryPoints: { taskpane: join(src, 'taskpane.ts'), help: join(src, 'help.ts'), functions: join(src, 'functions-register.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins,
  });

  for (const f of ['taskpane.html', 'taskpane.css', 'help.html']) copyFileSync(join(src, f), join(outDir, f));
  const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8').replaceAll(DEV_BASE_URL, base);
  writeFileSync(join(outDir, 'manifest.xml'), manifest);
  writeIcons(join(outDir, 'assets'));

  const sizes = Object.fromEntries(['taskpane.js', 'functions.js'].map((f) => [f, statSync(join(outDir, f)).size]));
  if (!quiet) console.log(`excel: ${outDir} (${base}) taskpane.js ${(sizes['taskpane.js'] / 1024).toFixed(1)} KB, functions.js ${(sizes['functions.js'] / 1024).toFixed(1)} KB`);
  return { outDir, base, sizes, functions: metadata.functions.map((f) => f.id) };
}
