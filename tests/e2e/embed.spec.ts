import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOST_ORIGIN } from '../../playwright.config.ts';
import { expectNoAxeViolations, openEditor } from './support.ts';

const solution = readFileSync('content/exercises/non-root/solutions/copy-chown.Dockerfile', 'utf8');

type Received = { type: string; detail: Record<string, unknown> }[];
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received }).received);

async function openHost(page: Page) {
  await page.goto(`${HOST_ORIGIN}/host.html`);
  const frame = page.frameLocator('#widget iframe');
  await expect.poll(async () => (await received(page)).some((e) => e.type === 'ready')).toBe(true);
  await openEditor(page, frame);
  return frame;
}

test.describe('embedded exercise on another origin', () => {
  test('is completed inside the host page, which receives the graded event', async ({ page }) => {
    const frame = await openHost(page);
    await frame.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(solution);
    await expect(frame.locator('#completion')).toBeVisible();
    await expect
      .poll(async () => (await received(page)).filter((e) => e.type === 'graded').at(-1)?.detail.score)
      .toBe(1);
    const graded = (await received(page)).filter((e) => e.type === 'graded').at(-1)!.detail;
    expect(graded.exercise).toBe('non-root');
    expect(graded.passed).toHaveLength(5);
    expect(graded.sizeBytes).toBeGreaterThan(100_000_000);
  });

  test('setDockerfile from the host changes the editor; resize changes the iframe height', async ({ page }) => {
    const frame = await openHost(page);
    await expect.poll(async () => (await received(page)).some((e) => e.type === 'resize')).toBe(true);
    const height = await page.locator('#widget iframe').evaluate((el) => (el as HTMLIFrameElement).style.height);
    expect(height).not.toBe('400px');
    await page.evaluate(() => (document.querySelector('#widget') as unknown as { setDockerfile(text: string): void }).setDockerfile('FROM node:22-slim\nCMD ["node", "from-the-host.js"]\n'));
    await expect(frame.locator('.monaco-editor .view-lines')).toContainText('from-the-host.js');
    await expect.poll(async () => (await received(page)).some((e) => e.type === 'change')).toBe(true);
  });

  test('the bridge is ready before the editor loads; a host command loads it and is applied', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/host.html`);
    const frame = page.frameLocator('#widget iframe');
    await expect.poll(async () => (await received(page)).some((e) => e.type === 'ready')).toBe(true);
    // Reading the host page loads no editor in the widget.
    await expect(frame.locator('[data-exercise-root]')).toHaveAttribute('data-editor', 'static');
    await page.evaluate(() => (document.querySelector('#widget') as unknown as { setDockerfile(text: string): void }).setDockerfile('FROM node:22-slim\nCMD ["node", "queued.js"]\n'));
    await expect(frame.locator('[data-exercise-root]')).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
    await expect(frame.locator('.monaco-editor .view-lines')).toContainText('queued.js');
    await expect.poll(async () => (await received(page)).some((e) => e.type === 'graded')).toBe(true);
  });

  test('a message from a third origin is ignored and logged', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const frame = await openHost(page);
    await page.evaluate(() => (document.querySelector('#third') as HTMLIFrameElement).contentWindow!.postMessage('attack', '*'));
    await expect.poll(() => warnings.some((w) => w.includes('ignored a message'))).toBe(true);
    await expect(frame.locator('.monaco-editor .view-lines')).not.toContainText('FROM evil');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the embed has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.goto(`/embed/non-root/?theme=${colorScheme}`);
    await openEditor(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await expectNoAxeViolations(page);
  });
}

test('the docs page embeds a working exercise through the loader', async ({ page }) => {
  await page.goto('/embed/');
  await page.locator('layerwise-exercise').scrollIntoViewIfNeeded();
  await expect(page.locator('#embed-log')).toContainText(/ready|graded/, { timeout: 20_000 });
});

test('a plain div is upgraded too, and only when it comes near the viewport', async ({ page }) => {
  await openHost(page);
  await expect(page.locator('#upgraded iframe')).toHaveCount(0);
  await page.locator('#upgraded').scrollIntoViewIfNeeded();
  await expect(page.locator('#upgraded iframe')).toHaveAttribute('src', /\/embed\/cache-order\/\?channel=[0-9a-f]+&theme=dark/);
});

test('without scripts the embed element shows its link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${HOST_ORIGIN}/host.html`);
  await expect(page.getByRole('link', { name: 'Open the exercise on Layerwise' })).toBeVisible();
  await context.close();
});
