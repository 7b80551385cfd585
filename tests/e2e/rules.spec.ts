import { expect, test } from '@playwright/test';
import { allRules } from '../../src/engine/rules/registry.ts';
import { expectNoAxeViolations, watchForProblems } from './support.ts';

test.describe('rule index', () => {
  test('lists every rule and finds them by hadolint code, build-check name and word', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/rules/');
    const items = page.locator('[data-rule]');
    await expect(items).toHaveCount(allRules.length);
    await expect(page.locator('#rule-count')).toHaveText(`${allRules.length} rules`);

    const search = page.getByLabel('Find a rule by id, hadolint code, build-check name or word');
    await search.fill('DL3008');
    await expect(page.locator('[data-rule]:visible')).toHaveCount(1);
    await expect(page.locator('[data-rule]:visible a')).toHaveAttribute('href', '/rules/apt-pin-versions/');
    await expect(page.locator('#rule-count')).toHaveText(`1 of ${allRules.length} rules match`);
    await expect(page).toHaveURL(/\?q=DL3008$/);

    await search.fill('jsonargsrecommended');
    await expect(page.locator('[data-rule]:visible a')).toHaveAttribute('href', '/rules/json-args-recommended/');

    await search.fill('no such rule at all');
    await expect(page.locator('[data-rule]:visible')).toHaveCount(0);
    await expect(page.getByText('No rule matches.')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('reads the query from the URL, and opens a rule with the keyboard', async ({ page }) => {
    await page.goto('/rules/?q=JSONArgsRecommended');
    await expect(page.locator('[data-rule]:visible')).toHaveCount(1);
    await page.locator('[data-rule]:visible a').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/rules\/json-args-recommended\/$/);
  });
});

test.describe('rule page', () => {
  test('shows why, the flagged and fixed examples, aliases and how to ignore it', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('/rules/apt-no-install-recommends/');
    await expect(page.locator('h1')).toHaveText('Use --no-install-recommends with apt-get install');
    await expect(page.getByText('DL3015', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why' })).toBeVisible();
    await expect(page.locator('.compare .before .astro-code')).toContainText('apt-get install -y git');
    await expect(page.locator('.rule-findings li').first()).toContainText('line 2, column');
    await expect(page.locator('.rule-fixed .astro-code')).toContainText('--no-install-recommends');
    const ignore = page.locator('.rule-ignore');
    await expect(ignore).toContainText('# layerwise-ignore=apt-no-install-recommends');
    await expect(ignore).toContainText('# hadolint ignore=DL3015');
    await expect(ignore).toContainText('"apt-no-install-recommends": "off"');
    expect(problems).toEqual([]);
  });

  test('a build check names its check directive', async ({ page }) => {
    await page.goto('/rules/json-args-recommended/');
    await expect(page.locator('.rule-ignore')).toContainText('# check=skip=JSONArgsRecommended');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`rules pages have no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/rules/');
    await expectNoAxeViolations(page);
    await page.goto('/rules/apt-no-install-recommends/');
    await expectNoAxeViolations(page);
  });
}

test('rule pages fit a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/rules/', '/rules/apt-no-install-recommends/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
