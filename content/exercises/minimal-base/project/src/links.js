import { customAlphabet } from 'nanoid';

// No look-alike characters (0/O, 1/l/I), so a code read aloud survives.
const code = customAlphabet('23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ', 7);

/** Links in memory: code -> { url, hits }. */
export class Links {
  #byCode = new Map();

  /** Stores `url` and returns its new code; only http(s) URLs are accepted. */
  add(url) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('only http and https links');
    let c = code();
    while (this.#byCode.has(c)) c = code();
    this.#byCode.set(c, { url: parsed.href, hits: 0 });
    return c;
  }

  /** The URL behind `c`, counting the visit; undefined when unknown. */
  visit(c) {
    const link = this.#byCode.get(c);
    if (!link) return undefined;
    link.hits++;
    return link.url;
  }

  stats(c) {
    return this.#byCode.get(c);
  }
}
