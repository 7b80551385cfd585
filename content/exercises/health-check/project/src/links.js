import { randomBytes } from 'node:crypto';

/** Short code -> URL, in memory; a real service would use a database. */
const links = new Map();

export function shorten(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const code = randomBytes(4).toString('base64url');
  links.set(code, parsed.href);
  return code;
}

export function resolve(code) {
  return links.get(code) ?? null;
}

/** What /health reports: the store answers, and how many links it holds. */
export function status() {
  return { status: 'ok', links: links.size };
}
