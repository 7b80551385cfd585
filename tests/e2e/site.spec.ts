import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';

test.describe('site', () => {
  test('the 404 page offers search and the way back', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await page.getByRole('button', { name: 'Search the course' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('sitemap and robots.txt list the pages, not the embeds or the workshop', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Sitemap: ');
    expect(robots).toContain('Disallow: /workshop/');
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    expect(sitemap).toContain('/exercises/non-root/');
    expect(sitemap).toContain('/glossary/');
    expect(sitemap).not.toContain('/embed/');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the glossary has no axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/glossary/');
      await expect(page.locator('.glossary-term')).not.toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }
});
