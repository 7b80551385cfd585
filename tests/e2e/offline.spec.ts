import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEPLOY_ORIGIN } from '../../playwright.config.ts';
import { firstBuiltLesson, openEditor } from './support.ts';

// The offline copy and the update notice, on the build served as a host would
// (tests/e2e/deploy-server.mjs), with the service worker allowed (it is blocked elsewhere).
test.use({ serviceWorkers: 'allow' });

const EXERCISE = 'non-root';
const solution = readFileSync(`content/exercises/${EXERCISE}/solutions/copy-chown.Dockerfile`, 'utf8');

/** Waits until the service worker has precached the course and controls the page. */
async function offlineReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

test.describe('offline', () => {
  test('after one visit, a lesson, an exercise (graded), search and the playground work with the network off', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto(`${DEPLOY_ORIGIN}/`);
    await offlineReady(page);
    await context.setOffline(true);

    const lesson = firstBuiltLesson();
    await page.goto(`${DEPLOY_ORIGIN}${lesson.url}`);
    await expect(page.locator('h1')).toHaveText(lesson.title);

    await page.goto(`${DEPLOY_ORIGIN}/exercises/${EXERCISE}/`);
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(solution);
    await expect(page.locator('#objectives-count')).toHaveText('5 of 5 done');
    await expect(page.locator('#completion')).toContainText('Exercise complete');

    await page.goto(`${DEPLOY_ORIGIN}/rules/`);
    await page.keyboard.press('/');
    await page.keyboard.type('distroless');
    await expect(page.locator('.search-result').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/(glossary|rules|lessons|exercises)\//);

    await page.goto(`${DEPLOY_ORIGIN}/playground/`);
    await page.locator('.editor-frame').dispatchEvent('pointerenter');
    await expect(page.locator('[data-playground]')).toHaveAttribute('data-graded', /\d+/, { timeout: 20_000 });
    await expect(page.locator('#results-image')).toContainText('final image');
    await context.setOffline(false);
  });

  test('a new deploy shows "update available" in an open tab and keeps the learner’s text', async ({ page, request }) => {
    test.setTimeout(120_000);
    await page.goto(`${DEPLOY_ORIGIN}/exercises/${EXERCISE}/`);
    await offlineReady(page);
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n# typed just before the deploy');

    await request.post(`${DEPLOY_ORIGIN}/__deploy`);
    // What the page does on its own every half hour and whenever the tab comes back into view.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.locator('[data-update-notice]');
    await expect(notice).toContainText('A new version of Layerwise is available', { timeout: 30_000 });
    // Nothing was reloaded under the learner's hands.
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# typed just before the deploy');

    // Listen before clicking: a fast reload can finish before a listener added after the click.
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload to update' }).click()]);
    await openEditor(page);
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# typed just before the deploy');
    await expect(page.locator('[data-update-notice]')).toHaveCount(0);
  });
});
