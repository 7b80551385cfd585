/** Small helpers for the API on Node's http module: JSON in, JSON out, errors as JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../errors.ts';

/** Headers on every API answer: nothing in it is a page, a script or cacheable. */
export const API_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.message, status: error.status }, error.headers);
}

/**
 * Reads a JSON body of at most `limit` bytes. A larger body is refused from its Content-Length
 * when it says so, else as soon as the bytes read pass the limit.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // Only application/json: a cross-site form cannot send it without a CORS preflight.
  if (type !== 'application/json') throw new HttpError(415, 'the body must be JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new HttpError(413, `the body is ${declared} bytes; the limit is ${limit}`, { Connection: 'close' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is over the limit of ${limit} bytes`, { Connection: 'close' });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'the body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
}

/** The bearer credential from Authorization, or from `?<param>=` (EventSource and download links cannot set headers). */
export function bearer(req: IncomingMessage, url: URL, param: string): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new HttpError(401, 'Authorization must be "Bearer <secret>"', { 'WWW-Authenticate': 'Bearer' });
    return m[1]!;
  }
  return url.searchParams.get(param);
}

/** The client's address; X-Forwarded-For only when the server is told it sits behind a proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
