// Build every bundle with esbuild. `--cli` builds only the command line (used by `npm install`).
// The Excel and Sheets builds live in their own files and are run from here.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--cli') ? 'cli' : 'all';

async function buildCli() {
  await build({
    entryPoints: [join(root, 'cli/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(root, 'dist/cli/abcxyz.cjs'),
    // ExcelJS, Papa Parse, chardet and iconv-lite stay as runtime dependencies: bundling them gains nothing on Node
    external: ['exceljs', 'papaparse', 'chardet', 'iconv-lite'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

/**
 * Every language's catalogue has exactly the English keys, with the same placeholders: a missing
 * key would show English (or nothing) in the middle of another language, so the build stops.
 */
async function checkCatalogues() {
  const out = join(root, 'dist', 'check', 'messages.cjs');
  await build({ entryPoints: [join(root, 'core/messages/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const { catalogueProblems } = createRequire(import.meta.url)(out);
  const problems = catalogueProblems();
  if (problems.length) throw new Error(`Message catalogues do not match the English one:\n  ${problems.join('\n  ')}`);
}

try {
  await checkCatalogues();
  await buildCli();
  if (only === 'all') {
    for (const part of ['build-excel.mjs', 'build-gsheets.mjs']) {
      const file = join(root, 'scripts', part);
      if (existsSync(file)) await (await import(pathToFileURL(file).href)).default(root);
    }
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
