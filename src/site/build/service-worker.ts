import { join } from 'node:path';

/**
 * The offline copy of the course: every page, script, style, font, data file and the search
 * index, precached by a Workbox service worker generated after the build. Precaching the whole
 * site (about 7 MB, most of it the editor) on the first visit is what makes a venue's failing
 * Wi-Fi a non-event: a lesson, an exercise (editor, engine, grading), search and the playground
 * all open from the cache afterwards.
 */
export const PRECACHED = ['**/*.{html,js,css,svg,ttf,woff2,json,webmanifest}', 'pagefind/**/*'];

/** Built files the offline copy leaves out: source maps, and the service worker's own files. */
export const NOT_PRECACHED = ['**/*.map', 'sw.js', 'workbox-*.js'];

export interface ServiceWorkerReport {
  files: number;
  bytes: number;
  warnings: string[];
}

/**
 * Writes `<dist>/sw.js` (and the Workbox runtime beside it) with Workbox's `generateSW`.
 * The worker does not skip waiting by itself: a new deploy waits until the learner chooses
 * "Reload" in the update notice (src/client/offline/), so a half-typed Dockerfile is saved
 * first and never replaced under the learner's hands by a page from another build.
 */
export async function buildServiceWorker(dist: string): Promise<ServiceWorkerReport> {
  const { generateSW } = await import('workbox-build');
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: PRECACHED,
    globIgnores: NOT_PRECACHED,
    swDest: join(dist, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    // The editor's bundle is about 3.7 MB; the default limit (2 MB) would leave it out silently.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Hashed file names under /_astro/ change when their content does: no revision needed.
    dontCacheBustURLsMatching: /^_astro\//,
    // Pages are directories: /lessons/x/ is served from lessons/x/index.html.
    directoryIndex: 'index.html',
    // An embed's ?theme= and a campaign's utm_* do not change the page; Pagefind asks for its
    // entry file with ?ts=<now> to dodge HTTP caches, which would miss the precache every time.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^theme$/, /^ts$/],
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  });
  return { files: count, bytes: size, warnings };
}
