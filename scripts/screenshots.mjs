// `npm run screenshots [PATH...]`: the exercise, rules and home pages (or the paths given) at
// desktop 1440x900 and mobile 390x844, light and dark, from the production build, into screenshots/ (not committed).
// Look at them after changing the UI.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath, startPreview } from './lib/preview.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'screenshots');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/exercises/non-root/', '/exercises/', '/rules/', '/'];
const sizes = [
  ['desktop', 1440, 900],
  ['mobile', 390, 844],
];
if (!existsSync(join(root, 'dist/index.html'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const preview = await startPreview(root);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
try {
  for (const path of pages) {
    for (const [name, width, height] of sizes) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await page.goto(`${preview.origin}${path}`);
        // Exercise pages and the playground load Monaco when the pointer comes over the editor:
        // send that event (a click would scroll to the editor and focus it) and wait for Monaco.
        if (await page.locator('[data-editor]').count()) {
          await page.locator('.editor-frame').first().dispatchEvent('pointerenter');
          await page.waitForSelector('[data-editor="monaco"]', { timeout: 20_000 });
        }
        await page.waitForTimeout(300);
        const file = join(out, `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${name}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  preview.stop();
}
