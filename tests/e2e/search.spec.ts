import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, firstBuiltLesson, openEditor, watchForProblems } from './support.ts';

/** The first lesson and a distinctive word from its body (a paragraph, not its title). */
function target(): { url: string; word: string } {
  const { url, html } = firstBuiltLesson();
  const body = [...html.matchAll(/<p>([^<]{40,})<\/p>/g)].map((m) => m[1]!).join(' ');
  const word = body.split(/[^A-Za-z]+/).filter((w) => w.length >= 9).sort((a, b) => b.length - a.length)[0];
  if (!word) throw new Error(`no long word in the paragraphs of ${url}`);
  return { url, word };
}

test.describe('search', () => {
  test('"/" opens search; a word from a lesson’s body finds it; the keyboard opens it', async ({ page }) => {
    const problems = watchForProblems(page);
    const { url, word } = target();
    await page.goto('/');
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: /Search/ });
    await expect(input).toBeFocused();
    await page.keyboard.type(word);
    const results = page.getByRole('option');
    await expect(results.first()).toBeVisible();
    const urls = await results.evaluateAll((options) => options.map((o) => (o as HTMLElement).dataset.url!.replace(/#.*$/, '')));
    const index = urls.indexOf(url);
    expect(index, `${url} among ${urls.join(', ')} for "${word}"`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(results.nth(index)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${url}(#.*)?$`));
    expect(problems).toEqual([]);
  });

  test('Ctrl+K opens it, Escape closes it and gives focus back', async ({ page }) => {
    await page.goto('/rules/');
    await page.getByRole('link', { name: 'Rules' }).first().focus();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.type('healthcheck');
    await expect(page.getByRole('status').filter({ hasText: 'results for' })).toContainText('for “healthcheck”');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'Rules' }).first()).toBeFocused();
  });

  test('"/" typed into the exercise editor stays in the editor', async ({ page }) => {
    await page.goto('/exercises/non-root/');
    await openEditor(page);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n# a/b');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('# a/b');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the search dialog has no axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await page.keyboard.press('/');
      await page.keyboard.type('cache');
      await expect(page.getByRole('option').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
