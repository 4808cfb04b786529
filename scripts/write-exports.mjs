// Writes every export of the catalogue (test/exports/catalogue.ts) into a folder, with a
// manifest.json saying which system each file imitates, the features a reader needs, and what a
// correct reading gives (customers with net revenue in cents, rows used and skipped, warnings).
//
//   node scripts/write-exports.mjs DIR [NAME…]      (only the exports named, if any)
//   then e.g.  node bin/abcxyz.cjs segment DIR/excel-de-csv-1252.csv
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dirArg, ...names] = process.argv.slice(2);
if (!dirArg) {
  process.stderr.write('usage: node scripts/write-exports.mjs DIR [NAME…]\n');
  process.exit(2);
}
const dir = resolve(dirArg);
// bundled into dist/ so that the bundle's import('exceljs') finds the project's node_modules
const out = join(root, 'dist', 'exports', 'catalogue.cjs');
await build({ entryPoints: [join(root, 'test/exports/catalogue.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['exceljs'], logLevel: 'warning' });
const { catalogue, manifestOf } = createRequire(import.meta.url)(out);
const entries = catalogue().filter((e) => !names.length || names.includes(e.name));
mkdirSync(dir, { recursive: true });
for (const e of entries) writeFileSync(join(dir, e.file), await e.bytes());
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestOf(entries), null, 2) + '\n');
process.stdout.write(`${entries.length} exports and manifest.json written to ${dir}\n`);
