// "Run it for real" is opt-in: no WebContainer code may load on a page before the learner asks
// for a run. Checked two ways on the production build:
//  1. statically: the scripts each page runs first (and their static imports) include none of
//     the WebContainer chunks (our wrapper, src/runtime/webcontainer.ts, and @webcontainer/api,
//     the only code naming StackBlitz's host);
//  2. in Chromium: the scripts the exercise page (editor loaded), the playground (a project
//     picked), the embed and the run page (before its button) request, none of them a
//     WebContainer chunk; then the run page's button, after which the runtime must load.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialScripts } from './bench-page.mjs';
import { CHROMIUM_FLAGS, chromiumPath, startPreview } from './lib/preview.mjs';

/** The files of dist/_astro/ that are WebContainer code. */
export function webContainerChunks(dist) {
  const dir = join(dist, '_astro');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /^webcontainer\./.test(f) || readFileSync(join(dir, f), 'utf8').includes('stackblitz.com'))
    .map((f) => `/_astro/${f}`);
}

export async function benchRun(root) {
  const dist = join(root, 'dist');
  console.log('\nRun it for real (opt-in)');
  if (!existsSync(join(dist, 'run'))) {
    console.log('  skipped: no production build with run pages in dist/ (run `npm run build` first)');
    return;
  }
  const chunks = webContainerChunks(dist);
  const chunkBytes = chunks.reduce((n, c) => n + gzipSync(readFileSync(join(dist, c)), { level: 9 }).length, 0);
  console.log(`  WebContainer chunks: ${chunks.join(', ')} (${(chunkBytes / 1024).toFixed(1)} KB gzip, loaded only on opt-in)`);
  const id = readdirSync(join(dist, 'run'), { withFileTypes: true }).find((d) => d.isDirectory())?.name;
  const pages = [`exercises/${id}/index.html`, 'playground/index.html', `embed/${id}/index.html`, `run/${id}/index.html`];
  let staticOk = true;
  for (const page of pages) {
    const first = initialScripts(dist, join(dist, page));
    const scripts = [...first.keys()].map((f) => f.slice(dist.length).replace(/\\/g, '/'));
    const bad = scripts.filter((s) => chunks.includes(s));
    if (bad.length) staticOk = false;
    const gzip = [...first.values()].reduce((n, code) => n + gzipSync(code, { level: 9 }).length, 0);
    console.log(`  /${page.replace(/index\.html$/, '')}: first scripts ${(gzip / 1024).toFixed(1)} KB gzip, WebContainer code among them: ${bad.length ? bad.join(', ') : 'none'}`);
  }

  const { chromium } = await import('@playwright/test');
  const preview = await startPreview(root);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  let requestedBefore = [];
  let requestedAfter = [];
  try {
    const page = await browser.newPage();
    const requested = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (chunks.includes(path)) requested.push(path);
    });
    // StackBlitz stays out of it: the opt-in is measured by what the page asks of this server.
    await page.route(/stackblitz\.(com|io)/, (route) => route.abort('internetdisconnected'));
    // The editors load when the pointer comes over them: what a learner who starts editing does.
    const pointAtEditor = () => page.dispatchEvent('.editor-frame', 'pointerenter');
    await page.goto(`${preview.origin}/exercises/${id}/`);
    await pointAtEditor();
    await page.waitForSelector('[data-exercise-root][data-editor="monaco"]', { timeout: 30_000 });
    await page.goto(`${preview.origin}/playground/`);
    await pointAtEditor();
    await page.waitForSelector('[data-playground][data-graded]', { timeout: 30_000 });
    await page.selectOption('#project', id);
    await page.waitForSelector('#run-link:not([hidden])');
    await page.goto(`${preview.origin}/embed/${id}/`);
    await pointAtEditor();
    await page.waitForSelector('[data-exercise-root][data-editor="monaco"]', { timeout: 30_000 });
    await page.goto(`${preview.origin}/run/${id}/?bootTimeout=1000`);
    await page.waitForSelector('[data-run-root][data-state="ready"]');
    requestedBefore = [...requested];
    await page.click('#run-button');
    await page.waitForSelector('[data-run-root][data-state="boot-failed"], [data-run-root][data-state="ran"], [data-run-root][data-state="failed"]', { timeout: 30_000 });
    requestedAfter = requested.slice(requestedBefore.length);
  } finally {
    await browser.close();
    preview.stop();
  }
  console.log(`  WebContainer chunks requested before opt-in (exercise, playground, embed, run page): ${requestedBefore.length} (target 0: ${requestedBefore.length === 0 && staticOk ? 'met' : 'NOT met'})`);
  console.log(`  after "Run it for real": ${[...new Set(requestedAfter)].join(', ') || 'none (the runtime did not load: check the run page)'}`);
}
