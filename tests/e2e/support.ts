// Checks shared by the end-to-end tests.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type FrameLocator, type Page } from '@playwright/test';

/**
 * Collects console errors, uncaught exceptions, failed requests and HTTP error responses.
 * `expected404` names a path whose 404 (and the console message Chromium logs for it) is expected.
 */
export function watchForProblems(page: Page, expected404?: string) {
  const problems: string[] = [];
  const isExpected404 = (url: string) => expected404 !== undefined && new URL(url).pathname === expected404;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (isExpected404(message.location().url) && message.text().includes('404')) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !(status === 404 && isExpected404(response.url()))) {
      problems.push(`HTTP ${status}: ${response.url()}`);
    }
  });
  return problems;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/**
 * Opens an exercise page's editor the way a learner does: the pointer comes over it (the page
 * loads Monaco on that, on focus or on a click), then waits until Monaco is up. A page that
 * started by itself (saved work, workshop mode, the embed) is simply waited for.
 */
export async function openEditor(page: Page, scope: Page | FrameLocator = page) {
  const root = scope.locator('[data-exercise-root]');
  // The event itself, not a hover: Playwright's hover would scroll the page, which layout tests
  // measure. Repeated until the page reacts: an iframe added late may not have run its script yet.
  await expect(async () => {
    if ((await root.getAttribute('data-editor')) === 'static') await scope.locator('.editor-frame').dispatchEvent('pointerenter');
    await expect(root).not.toHaveAttribute('data-editor', 'static', { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(root).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
}

/** The first lesson the built home page links to: its URL, its title and its HTML (from dist/). */
export function firstBuiltLesson(): { url: string; title: string; html: string } {
  const url = /href="(\/lessons\/[a-z0-9-]+\/)"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1];
  if (!url) throw new Error('the built home page links no lesson');
  const html = readFileSync(`dist${url}index.html`, 'utf8');
  return { url, title: /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1]?.trim() ?? '', html };
}
