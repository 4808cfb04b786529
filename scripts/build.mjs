// Build every bundle with esbuild. `--cli` builds only the command line (used by `npm install`).
// The Excel and Sheets builds live in their own files and are run from here.
import { build } from 'esbuild';
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
    // ExcelJS and Papa Parse stay as runtime dependencies: bundling them gains nothing on Node
    external: ['exceljs', 'papaparse'],
    sourcemap: true,
    logLevel: 'warning',
  });
}

try {
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
