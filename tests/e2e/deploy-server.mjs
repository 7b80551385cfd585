// The production build served as a host would, plus a way for a test to "deploy a new build"
// while a tab is open: after POST /__deploy, /sw.js differs by one comment, which is what a new
// deploy looks like to the browser (a service worker script whose bytes changed). Used by the
// offline and update tests (tests/e2e/offline.spec.ts) on DEPLOY_PORT.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const dist = join(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
let deploy = 0;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/__deploy' && req.method === 'POST') {
    deploy++;
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(String(deploy));
    return;
  }
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dist, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(readFileSync(join(dist, '404.html')));
    return;
  }
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
  if (path === '/sw.js') {
    res.writeHead(200, headers).end(`${readFileSync(file, 'utf8')}\n// deploy ${deploy}\n`);
    return;
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}).listen(Number(process.env.DEPLOY_PORT), '127.0.0.1');
