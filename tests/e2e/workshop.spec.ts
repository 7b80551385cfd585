// Workshop mode end to end (issue 9): an instructor creates a workshop, two learners join in their
// own browser contexts, one completes an exercise and the other raises "I'm stuck", and the
// presenter view follows without a reload. Runs against the workshop server (npm run serve) on
// E2E_PORT+3, which serves the same production build plus the API.
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { WORKSHOP_ORIGIN } from '../../playwright.config.ts';
import { expectNoAxeViolations, watchForProblems } from './support.ts';

test.use({ baseURL: WORKSHOP_ORIGIN });

const FIRST = 'non-root';
const SECOND = 'cache-order';
const solution = readFileSync(`content/exercises/${FIRST}/solutions/copy-chown.Dockerfile`, 'utf8');
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

async function createWorkshop(page: Page, title: string): Promise<{ code: string; presenterUrl: string }> {
  await page.goto('/workshop/');
  await page.getByLabel('Title').fill(title);
  await page.locator(`input[name=exercise][value="${FIRST}"]`).check();
  await page.locator(`input[name=exercise][value="${SECOND}"]`).check();
  await expect(page.locator('#create-order li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Create the workshop' }).click();
  await expect(page.locator('#manage-code')).toHaveText(/^[A-Z2-9]{6}$/);
  const code = (await page.locator('#manage-code').textContent())!;
  const presenterUrl = await page.locator('#manage-present-url').inputValue();
  expect(presenterUrl).toContain(`/workshop/present/#code=${code}&secret=`);
  await expect(page.locator('#manage-join')).toHaveAttribute('href', new RegExp(`/join/\\?code=${code}$`));
  // The QR code for the projector encodes the same join link.
  await expect(page.getByRole('img', { name: new RegExp(`QR code for .*/join/\\?code=${code}$`) })).toBeVisible();
  return { code, presenterUrl };
}

async function join(browser: Browser, code: string, name: string, checkAxe = false) {
  const context = await browser.newContext({ baseURL: WORKSHOP_ORIGIN });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  // A name that runs script would open a dialog: nothing may.
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto('/join/');
  await page.getByLabel('Workshop code').fill(code.toLowerCase());
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('#learner-exercises li')).toHaveCount(2);
  await expect(page.locator('#learner-name')).toHaveText(name);
  await expect(page.locator('#learner-connection')).toHaveText(/^Connected/);
  if (checkAxe) await expectNoAxeViolations(page);
  return { context, page, problems };
}

async function openExercise(page: Page, position: number) {
  await page.locator('#learner-exercises li').nth(position).getByRole('link').click();
  await expect(page.locator('.workshop-bar')).toContainText('Workshop');
  await expect(page.locator('.workshop-bar-connection')).toHaveText('Connected to the workshop.');
}

test.describe('workshop', () => {
  test('instructor, two learners and the presenter: live grid, stuck queue, spotlight, CSV, inert names', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const instructorProblems = watchForProblems(page);
    const { code, presenterUrl } = await createWorkshop(page, 'Small images, Tuesday');

    const presenter = await page.context().newPage();
    const presenterProblems = watchForProblems(presenter);
    await presenter.goto(presenterUrl);
    await expect(presenter.locator('#present-connection')).toHaveText('Live');
    await expect(presenter.locator('#present-code')).toHaveText(code);
    await expect(presenter.locator('#present-grid')).toContainText('Waiting for learners');

    const ada = await join(browser, code, 'Ada', true);
    const mallory = await join(browser, code, HOSTILE_NAME);
    // Both appear without a reload.
    await expect(presenter.locator('.presenter-grid tbody tr')).toHaveCount(2);

    // Ada completes the first exercise on the exercise page itself, in workshop mode.
    await openExercise(ada.page, 0);
    await expect(ada.page.locator('[data-exercise-root]')).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
    await ada.page.locator('.monaco-editor .view-lines').click();
    await ada.page.keyboard.press('ControlOrMeta+A');
    await ada.page.keyboard.press('Delete');
    await ada.page.keyboard.insertText(solution);
    await expect(ada.page.locator('#objectives-count')).toHaveText('5 of 5 done');
    await expect(ada.page.locator('.workshop-bar-status')).toHaveText('Everything is sent to the instructor.');

    // The other raises a hand.
    await openExercise(mallory.page, 0);
    await mallory.page.getByRole('button', { name: "I'm stuck" }).click();
    await expect(mallory.page.locator('.sticky-stuck')).toHaveAttribute('aria-pressed', 'true');

    const adaRow = presenter.locator('.presenter-grid tbody tr', { hasText: 'Ada' });
    await expect(adaRow.locator(`td[data-exercise="${FIRST}"]`)).toHaveAttribute('data-status', 'passed');
    await expect(adaRow.locator(`td[data-exercise="${FIRST}"]`)).toContainText(/passed.*MB/);
    await expect(presenter.locator('#present-stuck li')).toHaveCount(1);
    await expect(presenter.locator('#present-stuck li')).toContainText(HOSTILE_NAME);
    const malloryRow = presenter.locator('.presenter-grid tbody tr', { hasText: HOSTILE_NAME });
    await expect(malloryRow.locator(`td[data-exercise="${FIRST}"]`)).toHaveAttribute('data-status', 'stuck');
    // The hostile name is text everywhere, never an element.
    await expect(presenter.locator('#present-grid img, #present-stuck img')).toHaveCount(0);
    await expect(presenter.locator('#present-exercises tr', { hasText: '1.' })).toContainText('1 of 2');

    // The spotlight shows Ada's Dockerfile, highlighted, with its layers, and not her name.
    await adaRow.locator(`td[data-exercise="${FIRST}"] button`).click();
    const spotlight = presenter.locator('#present-spotlight');
    await expect(spotlight.locator('.spotlight-code pre.shiki')).toContainText('COPY --chown=node:node');
    await expect(spotlight.locator('.layer-table tbody tr').first()).toBeVisible();
    await expect(spotlight).not.toContainText('Ada');

    await expectNoAxeViolations(presenter);

    // The CSV has one row per learner and exercise, with what happened.
    const [download] = await Promise.all([presenter.waitForEvent('download'), presenter.locator('#present-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('learner,learnerId,exercise,position,status,bestScore,lastScore,sizeBytes,finalSizeBytes,hintsUsed,timeSpentMs,gradedCount,stuck,updatedAt');
    expect(csv).toHaveLength(5);
    const rows = csv.slice(1).map((line) => line.split(','));
    const find = (name: string, exercise: string) => rows.find((r) => r[0] === name && r[2] === exercise)!;
    expect(find('Ada', FIRST)[4]).toBe('passed');
    expect(find('Ada', FIRST)[5]).toBe('1');
    expect(Number(find('Ada', FIRST)[8])).toBeGreaterThan(0);
    expect(find('Ada', SECOND)[4]).toBe('not-started');
    expect(find(HOSTILE_NAME, FIRST)[12]).toBe('true');
    expect(find(HOSTILE_NAME, SECOND)[4]).toBe('not-started');

    // Leaving the join page for an exercise aborts its open event stream: that is no problem.
    const real = (problems: string[]) => problems.filter((p) => !/\/learner-stream\?.*ERR_ABORTED/.test(p));
    for (const problems of [instructorProblems, presenterProblems, ada.problems, mallory.problems]) expect(real(problems)).toEqual([]);
    await ada.context.close();
    await mallory.context.close();
  });

  test('a learner offline keeps their signals and sends them once the network is back', async ({ page, browser }) => {
    test.setTimeout(90_000);
    const { code, presenterUrl } = await createWorkshop(page, 'Offline drill');
    await expectNoAxeViolations(page);
    await page.goto(presenterUrl);
    await expect(page.locator('#present-connection')).toHaveText('Live');
    const learner = await join(browser, code, 'Offline Olga');
    await openExercise(learner.page, 1);
    await learner.context.setOffline(true);
    await learner.page.getByRole('button', { name: "I'm stuck" }).click();
    await expect(learner.page.locator('.workshop-bar-status')).toContainText('1 update kept here');
    // The outbox lives in localStorage: a reload or a closed tab loses nothing either.
    expect(await learner.page.evaluate((c) => localStorage.getItem(`layerwise:workshop:${c}:outbox`), code)).toContain('"kind":"stuck"');
    await expect(page.locator('#present-stuck li')).toHaveCount(0);
    await learner.context.setOffline(false);
    await expect(page.locator('#present-stuck li')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.locator('#present-stuck li')).toContainText('Offline Olga');
    await expect(learner.page.locator('.workshop-bar-status')).toHaveText('Everything is sent to the instructor.');

    // An exercise outside the workshop, and a browser that never joined, send nothing and say so.
    await learner.page.goto(`/exercises/minimal-base/?workshop=${code}`);
    await expect(learner.page.locator('.workshop-bar')).toContainText('not part of the workshop “Offline drill”');
    const stranger = await browser.newContext({ baseURL: WORKSHOP_ORIGIN });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`/exercises/${FIRST}/?workshop=${code}`);
    await expect(strangerPage.locator('.workshop-bar')).toContainText(`This browser has not joined workshop ${code}`);
    await stranger.close();
    await learner.context.close();
  });

  test('the join page: accessible, a clear error for an unknown code, and a strict CSP without inline scripts', async ({ page }) => {
    const response = await page.goto('/join/?code=ZZZZZZ');
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    await expectNoAxeViolations(page);
    await page.getByLabel('Display name').fill('Grace');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.locator('#join-error')).toContainText('no workshop with code "ZZZZZZ"');
    await expect(page.locator('#learner-view')).toBeHidden();
  });

  test('the instructor form is accessible and says what is missing', async ({ page }) => {
    await page.goto('/workshop/');
    await expectNoAxeViolations(page);
    await page.getByLabel('Title').fill('No exercises yet');
    await page.getByRole('button', { name: 'Create the workshop' }).click();
    await expect(page.locator('#instructor-error')).toHaveText('Choose at least one exercise.');
    await expect(page.locator('#manage')).toBeHidden();
  });

  for (const path of ['/join/', '/workshop/', '/workshop/present/']) {
    test(`${path} runs no inline script (the CSP would block it)`, async ({ request }) => {
      const html = await (await request.get(path)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        if (/type="application\/json"/.test(attrs!)) continue;
        expect(attrs, 'an executable script must come from a file').toMatch(/\bsrc=/);
        expect(body!.trim()).toBe('');
      }
    });
  }
});
