import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openEditor, watchForProblems } from './support.ts';

const EXERCISE = 'non-root';
const URL = `/exercises/${EXERCISE}/`;
const solution = readFileSync(`content/exercises/${EXERCISE}/solutions/copy-chown.Dockerfile`, 'utf8');

async function replaceText(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test.describe('exercise page', () => {
  test('shows the starter graded at build time before any script runs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(URL);
    await expect(page.locator('h1')).toHaveText('Run as the node user without doubling the image');
    await expect(page.locator('#editor-static')).toContainText('RUN chown -R node:node /app');
    await expect(page.locator('#objectives .objective')).toHaveCount(5);
    await expect(page.locator('#objectives .objective.passed')).toHaveCount(1);
    await expect(page.locator('#results-image')).toContainText('final image');
    await context.close();
  });

  test('reading the page loads no editor; an early Check loads it and is answered', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(URL);
    await page.waitForLoadState('networkidle');
    const root = page.locator('[data-exercise-root]');
    await expect(root).toHaveAttribute('data-editor', 'static');
    const before = scripts.length;
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(root).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
    await expect(page.locator('#feedback .feedback-essential')).toContainText('The container does not run as root');
    expect(scripts.length).toBeGreaterThan(before);
  });

  test('a learner completes it by typing; the checklist and size follow; reload keeps it', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto(URL);
    await openEditor(page);
    const before = await page.locator('.image-total strong').textContent();
    await replaceText(page, solution);
    await expect(page.locator('#objectives .objective.passed')).toHaveCount(5);
    await expect(page.locator('#objectives-count')).toHaveText('5 of 5 done');
    await expect(page.locator('.image-total strong')).not.toHaveText(before!);
    await expect(page.locator('#completion')).toBeVisible();
    await expect(page.locator('#completion')).toContainText('Exercise complete');

    await page.reload();
    await openEditor(page);
    await expect(page.locator('#completion')).toBeVisible();
    await expect(page.locator('#objectives-count')).toHaveText('5 of 5 done');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('COPY --chown=node:node');
    expect(problems).toEqual([]);
  });

  test('Check gives typed feedback and progressive hints; reset restores the starter; the solution diff shows', async ({ page }) => {
    await page.goto(URL);
    await openEditor(page);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('#feedback .feedback-essential')).toContainText('The container does not run as root');
    await page.getByRole('button', { name: 'Show a hint' }).click();
    await expect(page.locator('#hints li')).toHaveCount(1);
    await page.getByRole('button', { name: 'Show a hint' }).click();
    await expect(page.locator('#hints li')).toHaveCount(2);

    await replaceText(page, 'FROM node:22-slim\nCMD ["node", "x.js"]\n');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('x.js');
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('RUN chown -R node:node /app');

    await page.getByRole('button', { name: 'Show a solution' }).click();
    await expect(page.locator('#solution')).toBeVisible();
    await expect(page.locator('#solution .diff-added').first()).toBeVisible();
    await expect(page.locator('#solution .diff-removed').filter({ hasText: 'chown -R' })).toHaveCount(2);
  });

  test('can be completed with the keyboard alone', async ({ page }) => {
    await page.goto(URL);
    await openEditor(page);
    // Tab through the page until the editor has focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(solution);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page.locator('#feedback')).toContainText('objectives pass');
    await expect(page.locator('#completion')).toBeVisible();
    // Ctrl+M frees Tab: focus leaves the editor.
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
  });

  test('Monaco takes over without moving the layout', async ({ page }) => {
    await page.goto(URL);
    const before = await page.locator('.editor-frame').boundingBox();
    await openEditor(page);
    const after = await page.locator('.editor-frame').boundingBox();
    expect(after).toEqual(before);
  });

  test('corrupted saved progress gives a notice, and the page still works', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('layerwise:progress', '{"version": 2, "exercises": {');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(URL);
    await openEditor(page);
    await expect(page.locator('#notices')).toContainText('could not be read');
    await replaceText(page, solution);
    await expect(page.locator('#completion')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('layerwise:progress:unreadable'))).toBe('{"version": 2, "exercises": {');
  });

  test('an edit in another tab is offered, not applied silently', async ({ page, context }) => {
    await page.goto(URL);
    await openEditor(page);
    const other = await context.newPage();
    await other.goto(URL);
    await openEditor(other);
    await replaceText(other, 'FROM node:22-slim\nCMD ["node", "other-tab.js"]\n');
    await expect(page.locator('#notices')).toContainText('You changed this exercise in another tab.', { timeout: 10_000 });
    await expect(page.locator('.monaco-editor .view-lines')).not.toContainText('other-tab.js');
    await page.getByRole('button', { name: 'Load the other tab’s version' }).click();
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('other-tab.js');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(URL);
      await openEditor(page);
      await expectNoAxeViolations(page);
    });
  }

  test('fits a 390 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(URL);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('the exercise index links every exercise', async ({ page }) => {
  await page.goto('/exercises/');
  await expect(page.locator(`a[href="${URL}"]`)).toHaveCount(1);
});

