import { expect, test } from '@playwright/test';

const DARK_BG = 'rgb(13, 17, 23)';
const LIGHT_BG = 'rgb(255, 255, 255)';

test.describe('theme switch', () => {
  test('follows the system until the learner chooses, then remembers the choice', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/rules/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    // The system changes: the page follows while nothing is stored.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BG);
    // Code blocks switch with the page.
    await page.goto('/rules/apt-no-install-recommends/');
    expect(await page.locator('.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(LIGHT_BG);

    // After a reload the choice wins over the (light) system, already when the DOM is parsed:
    // the theme script runs in <head>, before anything is painted.
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor])).toEqual(['dark', DARK_BG]);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('the theme script blocks rendering in <head>, before the styles', async ({ page }) => {
    await page.goto('/');
    const order = await page.evaluate(() =>
      [...document.head.querySelectorAll('script[src], link[rel="stylesheet"], style')].map((el) =>
        el.tagName === 'SCRIPT' ? `script:${el.getAttribute('src')}:${(el as HTMLScriptElement).async || (el as HTMLScriptElement).defer || el.getAttribute('type') === 'module'}` : 'style',
      ),
    );
    expect(order[0]).toBe('script:/theme.js:false');
  });
});
