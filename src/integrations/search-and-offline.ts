import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../site/build/search-index.ts';
import { buildServiceWorker } from '../site/build/service-worker.ts';

/**
 * After `astro build`: the search index first, then the service worker, whose precache list
 * must include the index's files. Both read the finished HTML in dist/.
 */
export function searchAndOffline(): AstroIntegration {
  return {
    name: 'layerwise:search-and-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const search = await buildSearchIndex(dist);
        logger.info(`search index: ${search.pages} pages`);
        const sw = await buildServiceWorker(dist);
        for (const warning of sw.warnings) logger.warn(warning);
        logger.info(`service worker: ${sw.files} files precached (${(sw.bytes / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
