// `npm start`: serve dist/excel on https://localhost:3000 with the office-addin-dev-certs
// certificates. Tries to install/trust the dev CA (getHttpsServerOptions, may ask for a password);
// where that is impossible (no sudo, CI) it falls back to generating the files without installing
// them, and the browser must be told to trust ~/.office-addin-dev-certs/ca.crt by hand.
// Then sideload: `npx office-addin-debugging start dist/excel/manifest.xml` where Excel exists, or
// upload dist/excel/manifest.xml in Excel on the web (see excel-addin/README.md).
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dir = join(root, 'dist/excel');
const port = Number(process.env.PORT || 3000);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.png': 'image/png' };

async function tlsOptions() {
  const certs = (await import('office-addin-dev-certs')).default ?? (await import('office-addin-dev-certs'));
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    console.warn(`Could not install the dev CA (${e instanceof Error ? e.message.split('\n')[0] : e}); serving with an untrusted certificate.`);
    const base = join(homedir(), '.office-addin-dev-certs');
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => join(base, f));
    if (!existsSync(cert) || !existsSync(key)) await certs.generateCertificates(ca, cert, key);
    return { ca: readFileSync(ca), cert: readFileSync(cert), key: readFileSync(key) };
  }
}

/** A file under dist/excel for a URL path, or null (no path escapes the directory). */
export function fileFor(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^([/\\])+/, '');
  const file = join(dir, clean || 'taskpane.html');
  if (!file.startsWith(dir + sep) && file !== dir) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

if (!existsSync(join(dir, 'manifest.xml'))) {
  console.error('dist/excel is missing: run `npm run build` first.');
  process.exit(1);
}
const server = createServer(await tlsOptions(), (req, res) => {
  const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(req.url || '/') : null;
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  // Office fetches functions.json / functions.js cross-origin from its own frames
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*', 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
});
server.listen(port, () => console.log(`Serving ${dir} on https://localhost:${port} (Ctrl+C to stop)`));
