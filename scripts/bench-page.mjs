// Exercise page budgets on the production build: the JavaScript a page loads before the editor
// (every script the HTML references, with their static imports; gzip -9), target <= 60 KB; and
// the time from the learner's first move towards the editor (the pointer over it, which is what
// starts loading Monaco and the engine) to the first live grading result in Chromium on localhost
// (the page sets the performance mark `layerwise:graded` when results render), median of five loads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_FLAGS, chromiumPath, startPreview } from './lib/preview.mjs';

/** Scripts the page runs before any dynamic import: src scripts, inline modules, their static imports. */
export function initialScripts(dist, htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    seen.set(file, code);
    // Static imports only: `import"./x.js"` and `from"./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) visit(join(file.startsWith(dist) ? dirname(file) : dist, m[1]));
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1];
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) visit(join(dist, src));
    else if (!/type="application\/(ld\+)?json"/.test(attrs)) seen.set(`${htmlPath}#inline${seen.size}`, m[2]);
  }
  return seen;
}

export async function benchPage(root) {
  const dist = join(root, 'dist');
  const exercisesDir = join(dist, 'exercises');
  console.log('\nExercise page');
  if (!existsSync(exercisesDir)) {
    console.log('  skipped: no production build in dist/ (run `npm run build` first)');
    return;
  }
  const id = readdirSync(exercisesDir, { withFileTypes: true }).find((d) => d.isDirectory())?.name;
  const scripts = initialScripts(dist, join(exercisesDir, id, 'index.html'));
  const gzip = [...scripts.values()].reduce((n, code) => n + gzipSync(code, { level: 9 }).length, 0);
  console.log(`  JS before the editor loads (/exercises/${id}/): ${scripts.size} scripts, ${(gzip / 1024).toFixed(1)} KB gzip (target <= 60 KB: ${gzip <= 60 * 1024 ? 'met' : 'NOT met'})`);

  const { chromium } = await import('@playwright/test');
  const preview = await startPreview(root);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const url = `${preview.origin}/exercises/${id}/`;
    const times = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForLoadState('load');
      const asked = await page.evaluate(() => {
        const at = performance.now();
        document.querySelector('.editor-frame')?.dispatchEvent(new PointerEvent('pointerenter'));
        return at;
      });
      await page.waitForFunction(() => performance.getEntriesByName('layerwise:graded').length > 0, null, { timeout: 30_000 });
      const t = (await page.evaluate(() => performance.getEntriesByName('layerwise:graded')[0].startTime)) - asked;
      if (i > 0) times.push(t); // the first load warms the server's file cache
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  pointer over the editor to first live grading (loads Monaco + engine, localhost): median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, ${times.length} loads`);
  } finally {
    await browser.close();
    preview.stop();
  }
}
