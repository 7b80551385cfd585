/**
 * Sends the run page's cross-origin isolation headers (src/site/isolation.ts) from `astro dev`
 * and `astro preview`, and only for `/run/`.
 *
 * Dev: a middleware on Vite's dev server (`astro:server:setup`). Preview: `astro preview` drops
 * the project's Vite plugins and has no hook of its own, so the headers are set from a Vite
 * preview proxy rule whose `bypass` always answers "serve it yourself": it is the one per-path
 * callback the preview server runs, and no request is ever proxied.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ISOLATION_HEADERS, needsIsolation } from '../site/isolation.ts';

function setHeaders(res: ServerResponse | undefined): void {
  if (!res || res.headersSent) return;
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
}

export function crossOriginIsolation(): AstroIntegration {
  return {
    name: 'layerwise:cross-origin-isolation',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            preview: {
              proxy: {
                '^/run/': {
                  // Never contacted: bypass returns the URL itself, so the preview server serves the file.
                  target: 'http://127.0.0.1:9',
                  bypass: (req: IncomingMessage, res: ServerResponse | undefined) => {
                    setHeaders(res);
                    return req.url ?? '/';
                  },
                },
              },
            },
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (needsIsolation(req.url ?? '')) setHeaders(res);
          next();
        });
      },
    },
  };
}
