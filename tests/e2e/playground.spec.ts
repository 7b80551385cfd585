import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchForProblems } from './support.ts';

async function ready(page: Page) {
  const root = page.locator('[data-playground]');
  // The editor loads when the pointer comes over it (or at once for a shared link or a draft).
  if ((await root.getAttribute('data-editor')) === 'static') await page.locator('.editor-frame').dispatchEvent('pointerenter');
  await expect(root).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
  await expect(page.locator('[data-playground]')).toHaveAttribute('data-graded', /\d+/);
}

async function replaceText(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test.describe('playground', () => {
  test('answers before any editor loads: the example is graded in the page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/playground/');
    await expect(page.locator('#findings')).toContainText('json-args-recommended');
    await expect(page.locator('#results-image .image-total')).toContainText('final image');
    await context.close();
  });

  test('typing into the page before the editor is up keeps the text', async ({ page }) => {
    await page.goto('/playground/');
    await page.locator('#playground-fallback').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n# typed early');
    await ready(page);
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# typed early');
  });

  test('keys typed after the editor replaces the text box go on at the same place', async ({ page }) => {
    await page.goto('/playground/');
    await page.locator('#playground-fallback').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n# first');
    await expect(page.locator('[data-editor="monaco"]')).toBeVisible({ timeout: 20_000 });
    // No click: the focus moved from the text box into the editor, with the cursor where it was.
    await page.keyboard.type(' then more');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# first then more');
  });

  test('lints and simulates a pasted Dockerfile against a sample project', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/playground/');
    await ready(page);
    // The example: shell-form CMD and the whole context before the install.
    await expect(page.locator('#findings')).toContainText('json-args-recommended');
    await replaceText(page, 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY src ./src\nUSER node\nCMD ["node", "src/server.js"]\n');
    await page.getByLabel('Build context').selectOption('cache-order');
    await expect(page.locator('#results-cache')).toContainText('Rebuild after an edit');
    await expect(page.locator('#results-image .image-total')).toContainText('final image');
    await expect(page.locator('#results-runtime')).toContainText('The container starts');
    expect(problems).toEqual([]);
  });

  test('a share link brings back the same Dockerfile and context', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/playground/');
    await ready(page);
    await replaceText(page, 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n');
    await page.getByLabel('Build context').selectOption('clean-apt-lists');
    await page.getByRole('button', { name: 'Copy a link to this' }).click();
    await expect(page).toHaveURL(/#s=[A-Za-z0-9_-]+$/);
    const url = page.url();

    const other = await context.newPage();
    await other.goto(url);
    await ready(other);
    await expect(other.locator('.monaco-editor .view-lines')).toContainText('apt-get install -y curl');
    await expect(other.getByLabel('Build context')).toHaveValue('clean-apt-lists');
    await expect(other.locator('#findings')).toContainText('apt-no-install-recommends');
  });

  test('a damaged share link shows the example and says why', async ({ page }) => {
    await page.goto('/playground/#s=garbage');
    await ready(page);
    await expect(page.locator('#notices')).toContainText('could not be read');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/playground/');
      await ready(page);
      await expectNoAxeViolations(page);
    });
  }
});
