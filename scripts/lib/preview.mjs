// Serving the production build for the page benchmarks and screenshots: a free port, `astro
// preview` on it, and the machine's Chromium (CHROMIUM_PATH, /usr/bin/chromium, else Playwright's).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts `astro preview` of dist/ on a free port; resolves once it answers. */
export async function startPreview(root, timeoutMs = 30_000) {
  const port = await freePort();
  const child = spawn(join(root, 'node_modules/.bin/astro'), ['preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], { cwd: root, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`astro preview did not answer within ${timeoutMs} ms`);
}
