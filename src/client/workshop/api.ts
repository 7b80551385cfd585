/**
 * The workshop API from the browser: JSON in and out, the server's `{error}` message kept, and
 * credentials in the Authorization header (the README's API table lists the routes).
 */
import type { WorkshopEvent } from '../../workshop/events.ts';
import type { Transport } from '../../workshop/client/event-queue.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** Presenter secret or learner token. */
  credential?: string;
}

export const workshopPath = (code: string, rest = '') => `/api/workshops/${encodeURIComponent(code)}${rest}`;

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.credential) headers.Authorization = `Bearer ${options.credential}`;
  return fetch(path, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : null,
    cache: 'no-store',
  });
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: text.slice(0, 200) };
  }
}

/** Calls the API; a refusal throws ApiError with the server's message. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(path, options);
  } catch {
    throw new ApiError(0, 'the workshop server cannot be reached; check your connection and try again');
  }
  const body = await readBody(res);
  if (!res.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new ApiError(res.status, typeof message === 'string' ? message : `the server answered ${res.status}`);
  }
  return body as T;
}

/** The learner outbox's transport: one batch per request; a network failure rejects. */
export function eventTransport(code: string, token: string): Transport {
  return async (events: WorkshopEvent[]) => {
    const res = await send(workshopPath(code, '/events'), { body: { events }, credential: token });
    const retryAfter = Number(res.headers.get('Retry-After'));
    return { status: res.status, body: await readBody(res), ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  };
}
