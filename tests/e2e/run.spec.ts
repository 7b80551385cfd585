import { expect, test, type Page } from '@playwright/test';
import { HOST_ORIGIN } from '../../playwright.config.ts';
import { expectNoAxeViolations, openEditor } from './support.ts';

/** A short boot deadline (the run page's test-only `bootTimeout` parameter) instead of 20 s. */
const BOOT_TIMEOUT_MS = 2000;

/**
 * Records every script the page fetches that belongs to the WebContainer runtime: our wrapper's
 * chunk (src/runtime/webcontainer.ts) or @webcontainer/api itself (the only code that names
 * StackBlitz's host), and cuts StackBlitz off, as on a network that cannot reach it.
 */
async function watchRuntime(page: Page): Promise<string[]> {
  const loaded: string[] = [];
  await page.route(/stackblitz\.(com|io)/, (route) => route.abort('internetdisconnected'));
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.includes('/_astro/') || !url.endsWith('.js')) return;
    const body = await response.text().catch(() => '');
    if (/\/webcontainer\.[^/]*\.js$/.test(url) || body.includes('stackblitz.com')) loaded.push(new URL(url).pathname);
  });
  return loaded;
}

const isolated = (page: Page) => page.evaluate(() => globalThis.crossOriginIsolated);

test.describe('run it for real', () => {
  test('only the run page is cross-origin isolated: exercise, playground and embed pages are not', async ({ page }) => {
    await page.goto('/run/prod-deps/');
    expect(await isolated(page)).toBe(true);
    for (const path of ['/exercises/prod-deps/', '/playground/', '/embed/prod-deps/', '/']) {
      await page.goto(path);
      expect(await isolated(page), path).toBe(false);
    }
    // The embed inside a host page on another origin still loads (it would be blocked if it required COEP).
    await page.goto(`${HOST_ORIGIN}/host.html`);
    await openEditor(page, page.frameLocator('#widget iframe'));
  });

  test('no WebContainer code loads before the learner opts in', async ({ page }) => {
    const loaded = await watchRuntime(page);
    await page.goto('/exercises/prod-deps/');
    await openEditor(page);
    await page.goto('/playground/');
    await page.locator('.editor-frame').dispatchEvent('pointerenter');
    await expect(page.locator('[data-playground]')).toHaveAttribute('data-graded', /\d+/, { timeout: 20_000 });
    await page.getByLabel('Build context').selectOption('prod-deps');
    await expect(page.locator('#run-link')).toBeVisible();
    await page.goto('/run/prod-deps/');
    await expect(page.locator('[data-run-root]')).toHaveAttribute('data-state', 'ready');
    expect(loaded).toEqual([]);
    // The opt-in: now, and only now, the runtime loads.
    await page.goto(`/run/prod-deps/?bootTimeout=${BOOT_TIMEOUT_MS}`);
    await page.getByRole('button', { name: 'Run it for real' }).click();
    await expect.poll(() => loaded.length).toBeGreaterThan(0);
  });

  test('inside an embed on another site, "Run it for real" opens the run page on Layerwise in a new tab, with the learner\'s Dockerfile', async ({ page, context, baseURL }) => {
    await context.route(/stackblitz\.(com|io)/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${HOST_ORIGIN}/host.html`);
    const frame = page.frameLocator('#widget iframe');
    await openEditor(page, frame);
    const link = frame.locator('#run-link');
    await expect(link).toHaveAttribute('href', /^\/run\/non-root\/\?start#.+/);
    await expect(link).toHaveAttribute('target', '_blank');
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).origin).toBe(new URL(baseURL!).origin);
    expect(await isolated(popup)).toBe(true);
    await expect(popup.locator('#run-source-label')).toHaveText('your version');
    await expect(popup.locator('[data-run-root]')).toHaveAttribute('data-state', 'running');
    await popup.close();
  });

  test('with StackBlitz unreachable, the panel says the runtime could not boot within the timeout and shows the static result', async ({ page }) => {
    await watchRuntime(page);
    // The learner's edited Dockerfile travels to the run page in the link's fragment.
    await page.goto('/exercises/prod-deps/');
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY src ./src\nCMD ["node", "src/missing.js"]\n';
    await page.keyboard.insertText(dockerfile);
    await expect(page.locator('#results-runtime')).toContainText('would not start');
    await expect(page.locator('#run-link')).toHaveAttribute('href', /^\/run\/prod-deps\/\?start#.+/);
    const href = (await page.locator('#run-link').getAttribute('href'))!;
    expect(await page.locator('#run-link').getAttribute('target')).toBe('_blank');

    const began = Date.now();
    await page.goto(href.replace('?start', `?start&bootTimeout=${BOOT_TIMEOUT_MS}`));
    expect(await isolated(page)).toBe(true);
    await expect(page.locator('#run-source-label')).toHaveText('your version');
    await expect(page.locator('#run-dockerfile')).toContainText('src/missing.js');
    const run = page.locator('[data-run-root]');
    await expect(run).toHaveAttribute('data-state', 'boot-failed', { timeout: BOOT_TIMEOUT_MS + 10_000 });
    expect(Date.now() - began).toBeLessThan(BOOT_TIMEOUT_MS + 10_000);
    await expect(page.locator('#run-status')).toHaveText('Could not run it for real: the runtime did not boot.');
    await expect(page.locator('#run-result')).toContainText(`did not boot within ${BOOT_TIMEOUT_MS / 1000} s`);
    // The static result stands in: for this Dockerfile, that the container would not start.
    await expect(page.locator('.run-static-fallback')).toContainText('would not start');
    await expect(page.locator('.run-static-fallback')).toContainText('src/missing.js');
    await expect(page.locator('.run-phase.phase-failed')).toHaveText(/Booting/);
    // Every planned step is listed, none run.
    await expect(page.locator('.run-step.status-not-run').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
