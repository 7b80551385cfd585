/**
 * The live streams as server-sent events (the message types are described in ../stream.ts).
 * A stream starts from a snapshot, or from Last-Event-ID by replaying the feed after it, and
 * continues from the instance's hub. A presenter too slow to read is cut off rather than
 * buffered without end; EventSource reconnects with its last id and loses nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../errors.ts';
import type { LiveFeeds } from '../live/hub.ts';
import type { WorkshopService } from '../service.ts';
import type { FeedItem, WorkshopRecord } from '../store/types.ts';
import type { StreamFeedItem } from '../stream.ts';
import { workshopView } from '../views.ts';
import { API_HEADERS } from './http.ts';

const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const REPLAY_PAGE = 1000;

function open(res: ServerResponse): (event: string, data: unknown, id?: number) => void {
  res.writeHead(200, {
    ...API_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Proxies (nginx) must pass events on at once, not buffer them.
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  return (event, data, id) => {
    if (res.writableEnded) return;
    res.write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
  };
}

function lastEventId(req: IncomingMessage, url: URL): number | null {
  const raw = (req.headers['last-event-id'] as string | undefined) ?? url.searchParams.get('lastEventId');
  if (raw === undefined || raw === null || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'Last-Event-ID must be a feed number (a whole number)');
  return Number(raw);
}

export function streamItem(item: FeedItem, now: number): StreamFeedItem {
  return item.type === 'workshop' ? { seq: item.seq, type: 'workshop', workshop: workshopView(item.workshop, now) } : item;
}

/** Keeps a stream alive through proxies and detaches it from its hub when the client leaves. */
function lifecycle(res: ServerResponse, attached: Promise<() => void>): void {
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const done = () => {
    clearInterval(heartbeat);
    attached.then((detach) => detach(), () => undefined);
  };
  res.on('close', done);
  attached.catch(() => res.end());
}

export async function presenterStream(req: IncomingMessage, res: ServerResponse, url: URL, w: WorkshopRecord, service: WorkshopService, feeds: LiveFeeds): Promise<void> {
  const last = lastEventId(req, url);
  const send = open(res);
  const attached = feeds.attach(
    w.id,
    {
      deliver: (item) => send('feed', streamItem(item, service.now()), item.seq),
      deleted: () => {
        send('deleted', { code: w.code });
        res.end();
      },
    },
    async () => {
      const current = await service.store.workshopById(w.id);
      if (!current) throw new HttpError(404, 'the workshop was deleted');
      // A position the feed never reached (another database?) cannot be resumed: start over.
      if (last === null || last > current.seq) {
        const state = await service.state(current);
        send('snapshot', state, state.seq);
        return state.seq;
      }
      let after = last;
      for (;;) {
        const items = await service.store.feedSince(w.id, after, REPLAY_PAGE);
        for (const item of items) send('feed', streamItem(item, service.now()), item.seq);
        if (items.length > 0) after = items[items.length - 1]!.seq;
        if (items.length < REPLAY_PAGE) return after;
      }
    },
  );
  lifecycle(res, attached);
}

/** The learner's stream: the workshop's public state (locks, broadcast, end) as it changes. */
export async function learnerStream(res: ServerResponse, w: WorkshopRecord, service: WorkshopService, feeds: LiveFeeds): Promise<void> {
  const send = open(res);
  const attached = feeds.attach(
    w.id,
    {
      deliver: (item) => {
        if (item.type === 'workshop') send('workshop', workshopView(item.workshop, service.now()));
      },
      deleted: () => {
        send('deleted', { code: w.code });
        res.end();
      },
    },
    async () => {
      const current = await service.store.workshopById(w.id);
      if (!current) throw new HttpError(404, 'the workshop was deleted');
      send('workshop', workshopView(current, service.now()));
      return current.seq;
    },
  );
  lifecycle(res, attached);
}
