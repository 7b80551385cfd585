import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, watchForProblems } from './support.ts';

const PROMISE =
  'Learn to ship Docker images that are small, fast to rebuild and safe — by editing real Dockerfiles and watching every layer change.';

test.describe('home page', () => {
  test('renders the title, promise and code examples without errors', async ({ page }) => {
    const problems = watchForProblems(page);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle('Layerwise');
    await expect(page.locator('h1')).toHaveText('Layerwise');
    await expect(page.getByText(PROMISE)).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Docker images/);
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');

    // Landmarks and the skip link.
    await expect(page.locator('main#main')).toHaveCount(1);
    await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
    await expect(page.getByRole('link', { name: 'Layerwise' }).first()).toHaveAttribute('href', '/');

    // The home page leads into the course: the call to action, and every written lesson by part.
    await expect(page.locator('.hero').getByRole('link', { name: 'Start the course' })).toHaveAttribute('href', '/course/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toHaveText('Course');
    await expect(page.getByRole('heading', { name: 'Multi-stage builds' }).getByRole('link')).toHaveAttribute('href', '/lessons/multi-stage-builds/');
    await expect(page.getByRole('heading', { name: /^Part 1: Foundations$/ })).toBeVisible();

    // Both Dockerfiles are highlighted by Shiki, with light and dark colours.
    const blocks = page.locator('pre.astro-code');
    await expect(blocks).toHaveCount(2);
    await expect(blocks.nth(0)).toContainText('FROM node:22');
    await expect(blocks.nth(0)).toContainText('CMD npm start');
    await expect(blocks.nth(1)).toContainText('FROM node:22-slim AS deps');
    await expect(blocks.nth(1)).toContainText('npm ci --omit=dev');
    await expect(blocks.nth(1)).toContainText('USER node');
    await expect(blocks.nth(1)).toContainText('CMD ["node", "server.js"]');
    await expect(blocks.nth(1).locator('span[style*="--shiki-dark"]').first()).toBeAttached();

    // Every internal link to a section of this page points at one that exists.
    for (const href of await page.locator('a[href^="/"], a[href^="#"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    )) {
      // Anchors on this page; links.spec.ts checks the anchors of other pages in the build.
      const [path, id] = href.split('#');
      if (id && (path === '' || path === '/')) await expect(page.locator(`[id="${id}"]`), `target of ${href}`).toHaveCount(1);
    }

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no WCAG 2 A/AA violations in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await expectNoAxeViolations(page);
    });
  }

  test('has no horizontal scroll at 360px wide', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The code blocks stack and scroll inside themselves rather than widening the page.
    const boxes = await page.locator('pre.astro-code').evaluateAll((blocks) =>
      blocks.map((b) => b.getBoundingClientRect().toJSON() as { x: number; right: number }),
    );
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(360);
    }
  });
});

test.describe('404 page', () => {
  test('an unknown URL gets the 404 page with a link home', async ({ page }) => {
    const problems = watchForProblems(page, '/no-such-page');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page).toHaveTitle(/Page not found/);
    const home = page.locator('main').getByRole('link', { name: 'Home', exact: true });
    await expect(home).toHaveAttribute('href', '/');
    await home.click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('h1')).toHaveText('Layerwise');
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no WCAG 2 A/AA violations in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/no-such-page');
      await expectNoAxeViolations(page);
    });
  }
});
