/**
 * The whole server as one `(req, res)` handler: /api/* to the workshop API, everything else to
 * the static site. `main.ts` mounts it on Node's http server; tests mount it on a random port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveFeeds } from '../live/hub.ts';
import type { LiveBus } from '../live/types.ts';
import { WorkshopService } from '../service.ts';
import type { WorkshopStore } from '../store/types.ts';
import { createApi } from './api.ts';
import { sendJson } from './http.ts';
import type { Limits } from './rate-limit.ts';
import { StaticFiles } from './static.ts';

export interface AppOptions {
  store: WorkshopStore;
  bus: LiveBus;
  limits: Limits;
  ttlMs: number;
  /** The static build to serve; null serves the API only. */
  staticDir: string | null;
  trustProxy?: boolean;
  publicUrl?: string;
  now?: () => number;
}

export interface App {
  handler(req: IncomingMessage, res: ServerResponse): void;
  service: WorkshopService;
  feeds: LiveFeeds;
  /** Periodic work: expire workshops, forget idle rate-limit buckets. */
  maintain(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const service = new WorkshopService(options.store, options.bus, { ttlMs: options.ttlMs, now: options.now });
  const feeds = new LiveFeeds(options.store, options.bus);
  const api = createApi({ service, feeds, limits: options.limits, trustProxy: options.trustProxy ?? false, publicUrl: options.publicUrl });
  const files = options.staticDir ? new StaticFiles(options.staticDir) : null;

  function handler(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) {
      void api.handle(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: `${req.method} is not allowed on the static site`, status: 405 }, { Allow: 'GET, HEAD' });
      return;
    }
    if (!files) {
      sendJson(res, 404, { error: 'this server serves the API only', status: 404 });
      return;
    }
    files.serve(req, res, path).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', status: 500 });
      else res.destroy();
    });
  }

  return {
    handler,
    service,
    feeds,
    async maintain() {
      api.prune();
      await service.sweep();
    },
  };
}
