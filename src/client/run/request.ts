/**
 * What the run page is asked to run, carried in its URL fragment: the learner's Dockerfile and
 * .dockerignore, compressed. The fragment, because the run page is cross-origin isolated and
 * opened in its own browsing context group (no `window.opener` to ask), and because an embed's
 * storage is partitioned by the host site, so localStorage would not reach a top-level tab.
 * Nothing in the fragment is sent to any server.
 */
import { decodeJson, encodeJson } from '../playground/share.ts';

export interface RunRequest {
  dockerfile: string;
  /** Absent: the exercise's own .dockerignore. */
  dockerignore?: string;
  /** Which page asked, for the link back. */
  from: 'exercise' | 'playground';
}

/** The run page's address for `request`: `/run/<id>/?start#<request>` (`start`: the learner already opted in). */
export async function runPageUrl(id: string, request: RunRequest, origin = ''): Promise<string> {
  const data: Record<string, string> = { d: request.dockerfile, f: request.from };
  if (request.dockerignore !== undefined) data.i = request.dockerignore;
  return `${origin}/run/${encodeURIComponent(id)}/?start#${await encodeJson(data)}`;
}

/** The request in a run page's fragment; null (never a throw) when there is none or it is damaged. */
export async function readRunRequest(hash: string): Promise<RunRequest | null> {
  const encoded = hash.replace(/^#/, '');
  if (!encoded) return null;
  try {
    const value = (await decodeJson(encoded)) as { d?: unknown; i?: unknown; f?: unknown };
    if (typeof value !== 'object' || value === null || typeof value.d !== 'string') return null;
    return {
      dockerfile: value.d,
      ...(typeof value.i === 'string' ? { dockerignore: value.i } : {}),
      from: value.f === 'playground' ? 'playground' : 'exercise',
    };
  } catch {
    return null;
  }
}
