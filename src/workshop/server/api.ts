/**
 * The workshop API as a plain `(req, res)` handler: routes, authentication, rate limits and
 * error answers. Every refusal is a 4xx JSON `{ "error": "...", "status": n }`; only a fault of
 * the server itself is a 500. The routes are listed in the README ("Workshop server").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import type { LiveFeeds } from '../live/hub.ts';
import { hashSecret } from '../secrets.ts';
import type { WorkshopService } from '../service.ts';
import { WorkshopGoneError } from '../store/types.ts';
import { EXPORT_COLUMNS, toCsv, workshopView } from '../views.ts';
import { bearer, clientAddress, readJson, sendError, sendJson } from './http.ts';
import { RateLimiter, type Limits } from './rate-limit.ts';
import { Router, type RouteContext } from './router.ts';
import { learnerStream, presenterStream } from './sse.ts';

export interface ApiOptions {
  service: WorkshopService;
  feeds: LiveFeeds;
  limits: Limits;
  /** Use X-Forwarded-For / X-Forwarded-Proto (behind a load balancer). */
  trustProxy: boolean;
  /** The site's public origin for join and presenter links; else taken from the request. */
  publicUrl?: string;
}

export interface Api {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Drops rate-limit buckets that have refilled. */
  prune(): void;
}

export function createApi(options: ApiOptions): Api {
  const { service, feeds, trustProxy } = options;
  const limiters = {
    address: new RateLimiter(options.limits.address),
    create: new RateLimiter(options.limits.create),
    join: new RateLimiter(options.limits.join),
    learner: new RateLimiter(options.limits.learner),
  };
  const limit = (limiter: RateLimiter, key: string, what: string) => {
    const wait = limiter.take(key);
    if (wait > 0) throw new HttpError(429, `too many ${what}; retry in ${wait} s`, { 'Retry-After': String(wait) });
  };
  const address = (req: IncomingMessage) => clientAddress(req, trustProxy);
  const origin = (req: IncomingMessage) => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const proto = trustProxy ? String(req.headers['x-forwarded-proto'] ?? 'http').split(',')[0]!.trim() : 'http';
    return `${proto}://${req.headers.host ?? 'localhost'}`;
  };
  const body = (req: IncomingMessage) => readJson(req, LIMITS.bodyBytes);
  const presenter = (ctx: RouteContext) => service.asPresenter(ctx.params.code!, bearer(ctx.req, ctx.url, 'secret'));
  const learnerToken = (ctx: RouteContext) => {
    const token = bearer(ctx.req, ctx.url, 'token');
    if (token) limit(limiters.learner, hashSecret(token), 'requests from this learner');
    return token;
  };

  const router = new Router()
    .add('GET', '/api/health', async ({ res }) => sendJson(res, 200, { ok: true, store: service.store.dialect, streams: feeds.streams }))
    .add('POST', '/api/workshops', async ({ req, res }) => {
      limit(limiters.create, address(req), 'workshops created from this address');
      const created = await service.create(await body(req));
      const base = origin(req);
      sendJson(res, 201, {
        code: created.code,
        presenterSecret: created.presenterSecret,
        // The secret rides in the fragment: browsers never send it to a server or in a Referer.
        presenterUrl: `${base}/workshop/present/#code=${created.code}&secret=${created.presenterSecret}`,
        joinUrl: `${base}/join/?code=${created.code}`,
        workshop: created.workshop,
      });
    })
    .add('GET', '/api/workshops/:code', async ({ res, params }) => {
      // What the join page shows before joining: nothing beyond the title and state.
      const w = await service.find(params.code!);
      const view = workshopView(w, service.now());
      sendJson(res, 200, { code: view.code, title: view.title, ended: view.ended });
    })
    .add('POST', '/api/workshops/:code/join', async ({ req, res, params }) => {
      limit(limiters.join, address(req), 'joins from this address');
      sendJson(res, 201, await service.join(params.code!, await body(req)));
    })
    .add('GET', '/api/workshops/:code/me', async (ctx) => sendJson(ctx.res, 200, await service.learnerView(ctx.params.code!, learnerToken(ctx))))
    .add('POST', '/api/workshops/:code/events', async (ctx) => {
      const token = learnerToken(ctx);
      // Authenticate before reading the body: a stranger's large body is refused unread.
      const { workshop, learner } = await service.asLearner(ctx.params.code!, token);
      const results = await service.record(workshop, learner, await body(ctx.req));
      // Every event already stored (a resend after a lost answer): 409, with the original
      // acceptances, so a client that only looks at the status still knows they are stored.
      const replay = results.every((r) => r.status === 'duplicate');
      sendJson(ctx.res, replay ? 409 : 200, replay ? { error: 'every event in this batch was already stored', status: 409, results } : { results });
    })
    .add('GET', '/api/workshops/:code/learner-stream', async (ctx) => {
      const { workshop } = await service.asLearner(ctx.params.code!, learnerToken(ctx));
      await learnerStream(ctx.res, workshop, service, feeds);
    })
    .add('GET', '/api/workshops/:code/stream', async (ctx) => presenterStream(ctx.req, ctx.res, ctx.url, await presenter(ctx), service, feeds))
    .add('GET', '/api/workshops/:code/state', async (ctx) => sendJson(ctx.res, 200, await service.state(await presenter(ctx))))
    .add('POST', '/api/workshops/:code/lock', async (ctx) => {
      const w = await presenter(ctx);
      sendJson(ctx.res, 200, { workshop: await service.setLock(w, await body(ctx.req), true) });
    })
    .add('POST', '/api/workshops/:code/unlock', async (ctx) => {
      const w = await presenter(ctx);
      sendJson(ctx.res, 200, { workshop: await service.setLock(w, await body(ctx.req), false) });
    })
    .add('POST', '/api/workshops/:code/broadcast', async (ctx) => {
      const w = await presenter(ctx);
      sendJson(ctx.res, 200, { workshop: await service.broadcast(w, await body(ctx.req)) });
    })
    .add('POST', '/api/workshops/:code/end', async (ctx) => sendJson(ctx.res, 200, { workshop: await service.end(await presenter(ctx)) }))
    .add('DELETE', '/api/workshops/:code', async (ctx) => {
      await service.remove(await presenter(ctx));
      sendJson(ctx.res, 200, { deleted: true });
    })
    .add('GET', '/api/workshops/:code/spotlight', async (ctx) => {
      const w = await presenter(ctx);
      sendJson(ctx.res, 200, await service.spotlight(w, ctx.url.searchParams.get('learner'), ctx.url.searchParams.get('exercise')));
    })
    .add('GET', '/api/workshops/:code/export.csv', async (ctx) => {
      const w = await presenter(ctx);
      const csv = toCsv(await service.exportRows(w));
      ctx.res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="workshop-${w.code}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Length': Buffer.byteLength(csv),
      });
      ctx.res.end(csv);
    })
    .add('GET', '/api/workshops/:code/export.json', async (ctx) => {
      const w = await presenter(ctx);
      const rows = await service.exportRows(w);
      sendJson(ctx.res, 200, { workshop: workshopView(w, service.now()), columns: EXPORT_COLUMNS, rows }, {
        'Content-Disposition': `attachment; filename="workshop-${w.code}.json"`,
      });
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        throw new HttpError(400, 'malformed request URL');
      }
      limit(limiters.address, address(req), 'requests from this address');
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (!match) throw new HttpError(404, `no API route ${req.method} ${url.pathname}`);
      if ('allowed' in match) throw new HttpError(405, `${req.method} is not allowed here; use ${match.allowed.join(', ')}`, { Allow: match.allowed.join(', ') });
      await match.handler({ req, res, url, params: match.params });
    } catch (caught) {
      let error = caught;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof WorkshopGoneError) error = new HttpError(404, 'the workshop was deleted');
      if (error instanceof HttpError) {
        sendError(res, error);
        // A refused body may still be arriving; closing is cheaper than reading it.
        if (error.headers.Connection === 'close') req.resume();
        return;
      }
      console.error('workshop API error:', error);
      sendError(res, new HttpError(500, 'internal error'));
    }
  }

  return {
    handle,
    prune() {
      for (const l of Object.values(limiters)) l.prune();
    },
  };
}
