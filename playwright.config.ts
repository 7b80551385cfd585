import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4329);
const baseURL = `http://127.0.0.1:${PORT}/`;

/**
 * The browser: CHROMIUM_PATH if set, else the system's Chromium (Debian: apt-get install chromium),
 * else Playwright's own build, which users with internet access install once with
 * `npx playwright install chromium`. This project never downloads a browser by itself.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/**
 * The workshop server's database directory: one per port under the temporary directory. Each test
 * creates its own workshop, so what earlier runs left there (expired after 72 h) changes nothing.
 */
function workshopData(): string {
  return join(tmpdir(), `layerwise-e2e-workshop-${PORT + 3}`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL,
    // The offline copy is tested on its own (offline.spec.ts); elsewhere a service worker would
    // serve pages from its cache and hide what the tests route or count.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Serves the production build; `npm run test:e2e` runs `astro build` first. `--ignore-lock`
  // keeps Astro 7's preview in the foreground, where Playwright can manage it: without it the
  // command refuses to start while another preview server of this project runs, and detaches
  // itself into the background when it detects it is run by a coding agent.
  webServer: [
    {
      command: `npx astro preview --port ${PORT} --host 127.0.0.1 --ignore-lock`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The workshop server (npm run serve: the same dist/ plus the workshop API) on its own port,
      // with a throwaway SQLite database, for tests/e2e/workshop.spec.ts.
      command: `node --experimental-strip-types --experimental-sqlite src/workshop/server/main.ts`,
      env: { PORT: String(PORT + 3), HOST: '127.0.0.1', LAYERWISE_DATA: workshopData(), LAYERWISE_STATIC: 'dist' },
      url: `http://127.0.0.1:${PORT + 3}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // Two more origins for the embed tests: a host page and a third party (tests/e2e/host-server.mjs).
      command: `node tests/e2e/host-server.mjs`,
      env: { LAYERWISE_PORT: String(PORT), HOST_PORT: String(PORT + 1), THIRD_PORT: String(PORT + 2) },
      url: `http://127.0.0.1:${PORT + 1}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
    {
      // The build as a host serves it, with a switch that "deploys" a new build (the update test).
      command: `node tests/e2e/deploy-server.mjs`,
      env: { DEPLOY_PORT: String(PORT + 4) },
      url: `http://127.0.0.1:${PORT + 4}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
  ],
});

/** Origins of the embed tests' host page and third party. */
export const HOST_ORIGIN = `http://127.0.0.1:${PORT + 1}`;
export const THIRD_ORIGIN = `http://127.0.0.1:${PORT + 2}`;
/** Origin of tests/e2e/deploy-server.mjs: the build, with a new deploy on demand. */
export const DEPLOY_ORIGIN = `http://127.0.0.1:${PORT + 4}`;
/** Origin of the workshop server (site + API) for the workshop tests. */
export const WORKSHOP_ORIGIN = `http://127.0.0.1:${PORT + 3}`;
