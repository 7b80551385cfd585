/** Test helpers: the app on a random loopback port, JSON requests, and an SSE reader. */
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from '../../src/workshop/server/app.ts';
import { defaultLimits } from '../../src/workshop/server/rate-limit.ts';

export interface Running {
  app: App;
  server: Server;
  base: string;
  close(): Promise<void>;
}

export async function startApp(options: Partial<AppOptions> & Pick<AppOptions, 'store' | 'bus'>): Promise<Running> {
  const app = createApp({ limits: defaultLimits(), ttlMs: 3_600_000, staticDir: null, ...options });
  const server = createServer(app.handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    app,
    server,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: any;
}

/** A request with a raw body (string or Buffer), so tests can send what no client library would. */
export function call(base: string, method: string, path: string, opts: { body?: string | Buffer; json?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.body;
  const headers: Record<string, string> = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    // The server may refuse a large body and close before reading all of it.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface SseMessage {
  event: string;
  id: string | undefined;
  data: any;
}

export interface SseReader {
  messages: SseMessage[];
  status: Promise<number>;
  /** Resolves when `predicate` holds for the messages received so far. */
  until(predicate: (messages: SseMessage[]) => boolean, timeoutMs?: number): Promise<SseMessage[]>;
  close(): void;
}

export function readSse(url: string, headers: Record<string, string> = {}): SseReader {
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let resolveStatus!: (n: number) => void;
  const status = new Promise<number>((r) => (resolveStatus = r));
  const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        let id: string | undefined;
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('id: ')) id = line.slice(4);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length > 0) messages.push({ event, id, data: JSON.parse(data.join('\n')) });
      }
      for (const w of waiters.splice(0)) w();
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    messages,
    status,
    async until(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`SSE: condition not met in ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => [m.event, m.id]))}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.min(left, 100));
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
      return messages;
    },
    close: () => req.destroy(),
  };
}
