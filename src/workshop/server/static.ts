/**
 * Serves the static build (`dist/`, from `astro build`): content types, caching (Astro's hashed
 * assets under /_astro/ are immutable; pages are revalidated), ETags, and the site's 404 page.
 * Workshop pages get a Content-Security-Policy: they show what learners typed. The run pages
 * (/run/) alone are cross-origin isolated, for WebContainers (src/site/isolation.ts).
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { ISOLATION_HEADERS, needsIsolation } from '../../site/isolation.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Pages that show learners' input; they get WORKSHOP_CSP. */
export const WORKSHOP_PAGE_PREFIXES = ['/join', '/workshop'];

/**
 * Scripts and styles only from this origin (Astro's bundles), no inline script: a display name
 * or Dockerfile that slipped through as HTML still could not run. Inline styles stay allowed
 * because Astro inlines small stylesheets and Monaco sets styles at run time; Monaco's workers
 * start from blob: URLs; 'wasm-unsafe-eval' lets Shiki compile its WebAssembly regex engine
 * (it allows WebAssembly only, not JavaScript eval).
 */
export const WORKSHOP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Not part of the site: the CLI bundle that `npm run build:cli` also writes under dist/.
const HIDDEN = ['/cli/'];

export class StaticFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = normalize(root + sep);
  }

  private async file(pathname: string): Promise<{ path: string; stats: Stats } | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || HIDDEN.some((h) => decoded.startsWith(h))) return null;
    const base = normalize(join(this.root, decoded));
    if (!base.startsWith(this.root) && base + sep !== this.root) return null;
    const candidates = decoded.endsWith('/') ? [join(base, 'index.html')] : [base, join(base, 'index.html'), `${base}.html`];
    for (const path of candidates) {
      const stats = await stat(path).catch(() => null);
      if (stats?.isFile()) return { path, stats };
    }
    return null;
  }

  /** Serves GET/HEAD for `pathname`; the 404 page (status 404) when there is no such file. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const found = await this.file(pathname);
    if (!found) {
      const page = await this.file('/404.html');
      return this.send(req, res, page, pathname, 404);
    }
    return this.send(req, res, found, pathname, 200);
  }

  private send(req: IncomingMessage, res: ServerResponse, found: { path: string; stats: Stats } | null, pathname: string, status: number): void {
    const headers: Record<string, string | number> = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    };
    if (WORKSHOP_PAGE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
      headers['Content-Security-Policy'] = WORKSHOP_CSP;
      // The presenter link carries its secret in the fragment; never leak the page URL onwards.
      headers['Referrer-Policy'] = 'no-referrer';
    }
    if (needsIsolation(pathname)) Object.assign(headers, ISOLATION_HEADERS);
    if (!found) {
      const body = '<!doctype html><title>Not found</title><h1>Not found</h1>';
      res.writeHead(404, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const { path, stats } = found;
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    headers['Content-Type'] = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    headers['Cache-Control'] = pathname.startsWith('/_astro/') && status === 200 ? 'public, max-age=31536000, immutable' : 'no-cache';
    headers.ETag = etag;
    headers['Last-Modified'] = stats.mtime.toUTCString();
    if (status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = stats.size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  }
}
