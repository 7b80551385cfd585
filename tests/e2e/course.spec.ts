import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openEditor } from './support.ts';

const SOLUTION = readFileSync('content/exercises/cache-order/solutions/manifests-first.Dockerfile', 'utf8');

const LESSONS = readdirSync('content/lessons').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test.describe('course', () => {
  test('home → lesson → exercise → completion → next lesson, and the home shows the progress', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/');
    // A new learner is invited to start; nothing to continue yet.
    await expect(page.locator('[data-home-continue]')).toBeHidden();
    await page.getByRole('link', { name: 'Course', exact: true }).click();
    await expect(page).toHaveURL('/course/');
    await expect(page.locator('h1')).toHaveText('Small, fast, safe Docker images');
    await expect(page.locator('[data-progress-summary]')).toHaveText(/completed 0 of \d+ exercises/);
    await expect(page.locator('[data-continue]')).toHaveText(/^Start with lesson \d+/);

    await page.getByRole('link', { name: /Layer order and the build cache/ }).click();
    await expect(page).toHaveURL('/lessons/layer-order-and-cache/');
    await expect(page.locator('h1')).toHaveText('Layer order and the build cache');
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumbs).toContainText('Course');
    await expect(breadcrumbs).toContainText('Cache and context');
    const card = page.locator('[data-exercise-card="cache-order"]');
    await expect(card.locator('[data-progress-exercise]')).toHaveText('Not completed yet');

    await card.getByRole('link', { name: /Open the exercise/ }).click();
    await expect(page).toHaveURL(/\/exercises\/cache-order\/?$/);
    // The exercise links back to its lesson.
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Layer order and the build cache' })).toHaveAttribute('href', '/lessons/layer-order-and-cache/');
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(SOLUTION);
    await expect(page.locator('#completion')).toBeVisible();
    // Completion leads on to the next lesson; the way back to this one is beside it.
    await expect(page.locator('#completion').getByRole('link', { name: 'Back to the lesson' })).toHaveAttribute('href', '/lessons/layer-order-and-cache/');
    await expect(page.locator('#completion [data-next-lesson]')).toHaveAttribute('href', '/lessons/dockerignore/');

    await page.locator('#completion [data-next-lesson]').click();
    await expect(page).toHaveURL('/lessons/dockerignore/');
    await expect(page.locator('h1')).toHaveText('The .dockerignore file');
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    await expect(outline.locator('[aria-current="page"]')).toContainText('The .dockerignore file');
    await expect(outline.locator('[data-progress-lesson-mark="layer-order-and-cache"]')).toHaveAttribute('data-state', 'done');
    await expect(outline.getByRole('link', { name: /Layer order and the build cache \(completed\)/ })).toBeVisible();
    await expect(outline.locator('[data-progress-lesson-mark="dockerignore"]')).toHaveAttribute('data-state', 'todo');

    // Back on the lesson: its card and its count say completed; previous/next lead on in order.
    await page.goto('/lessons/layer-order-and-cache/');
    await expect(card.locator('[data-progress-exercise]')).toHaveText('Completed');
    await expect(page.locator('.lesson-meta [data-progress-lesson]')).toHaveText('1 of 1 exercise done');
    const next = page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Next lesson/ });
    await expect(next).toContainText('The .dockerignore file');
    await next.click();
    await expect(page).toHaveURL('/lessons/dockerignore/');

    await page.goto('/course/');
    await expect(page.locator('[data-progress-summary]')).toHaveText(/completed 1 of \d+ exercises/);
    await expect(page.locator('[data-progress-lesson="layer-order-and-cache"]')).toHaveText('1 of 1 exercise done');
    await expect(page.locator('[data-progress-lesson="layer-order-and-cache"]')).toHaveAttribute('data-state', 'done');
    await expect(page.locator('.lesson-row-exercises [data-progress-exercise="cache-order"]')).toHaveText('Completed');
    await expect(page.locator('[data-progress-exercise="dockerignore"]').first()).toHaveText('Not completed yet');
    // The last lesson opened still has an unfinished exercise: continue there.
    const cont = page.locator('[data-continue]');
    await expect(cont).toHaveText(/^Continue: 5\. The \.dockerignore file/);
    await expect(cont).toHaveAttribute('href', '/lessons/dockerignore/');
    expect(await page.locator('meter, progress[data-progress-meter]').evaluate((m) => (m as HTMLProgressElement).value)).toBe(1);

    // The home page offers the same place to continue.
    await page.goto('/');
    const home = page.locator('[data-home-continue]');
    await expect(home).toBeVisible();
    await expect(home).toContainText(/completed 1 of \d+ exercises/);
    await expect(home.getByRole('link')).toHaveText(/^Continue where you left off: 5\. The \.dockerignore file/);
    await home.getByRole('link').click();
    await expect(page).toHaveURL('/lessons/dockerignore/');
    expect(errors).toEqual([]);
  });

  test('lists every part and lesson in order, with minutes and exercises', async ({ page }) => {
    await page.goto('/course/');
    await expect(page.locator('.course-part h2')).toHaveCount(7);
    const orders = await page.locator('.lesson-number').allTextContents();
    const numbers = orders.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const id of LESSONS) await expect(page.locator(`.lesson-row a[href="/lessons/${id}/"]`)).toHaveCount(1);
    await expect(page.locator('.lesson-row-meta').first()).toContainText('min');
  });

  test('the quiz works with the keyboard alone and announces its feedback', async ({ page }) => {
    await page.goto('/lessons/dockerignore/');
    const quiz = page.locator('form[data-quiz]').first();
    const feedback = quiz.locator('.quiz-feedback');
    await expect(feedback).toHaveAttribute('aria-live', 'polite');
    await quiz.getByRole('button', { name: 'Check' }).focus();
    await page.keyboard.press('Enter');
    await expect(feedback).toHaveText('Choose an answer first.');
    await quiz.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(feedback).toContainText('Not quite.');
    await quiz.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(quiz.getByRole('radio').nth(1)).toBeChecked();
    await quiz.getByRole('button', { name: 'Check' }).press('Enter');
    await expect(feedback).toContainText('Correct.');
  });

  test('a lesson shows what it teaches, its sizes from the engine and a layer table', async ({ page }) => {
    await page.goto('/lessons/multi-stage-builds/');
    await expect(page.locator('.teaches li')).toHaveCount(3);
    await expect(page.locator('.lesson-meta')).toContainText('20 min');
    await expect(page.locator('.sim-size').first()).toHaveText(/^\d+(\.\d+)? (MB|GB)$/);
    const table = page.locator('.layer-table').first();
    await expect(table.locator('tbody tr').first()).toContainText('Base image node:22');
    await expect(page.locator('.before-after-side.after')).toContainText('smaller');
    await expect(page.locator('head meta[name="description"]')).toHaveAttribute('content', /build stage/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['/course/', '/lessons/why-size-matters/', '/lessons/non-root-users/', '/lessons/dockerignore/', '/lessons/pid1-and-signals/', '/lessons/health-checks/', '/lessons/runtime-settings/']) {
      test(`${path} has no WCAG 2 A/AA violations in the ${colorScheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  }

  test('no page of the course scrolls sideways at 390px, and code blocks stay inside the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/course/', ...LESSONS.map((id) => `/lessons/${id}/`)]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      const boxes = await page.locator('pre, table').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; right: number }));
      for (const box of boxes) {
        expect(box.x, path).toBeGreaterThanOrEqual(0);
        expect(box.right, path).toBeLessThanOrEqual(390);
      }
    }
  });
});

test('an inline exercise in a lesson is completed there and counts for the course', async ({ page }) => {
  const solution = readFileSync('content/exercises/read-history/solutions/same-layer.Dockerfile', 'utf8');
  await page.goto('/lessons/why-size-matters/');
  const host = page.locator('.inline-exercise layerwise-exercise');
  await host.scrollIntoViewIfNeeded();
  const frame = page.frameLocator('.inline-exercise iframe');
  await expect(frame.locator('h2, h1').first()).toBeVisible({ timeout: 20_000 });
  await openEditor(page, frame);
  await frame.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(solution);
  await expect(frame.locator('#completion')).toBeVisible({ timeout: 20_000 });
  await page.goto('/course/');
  await expect(page.locator('.lesson-row-exercises [data-progress-exercise="read-history"]')).toHaveText('Completed');
});
