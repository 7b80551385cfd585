import { skipGoSpace } from './go-text.ts';

export interface JsonItem {
  value: string;
  start: number;
  end: number;
}

export type JsonArrayResult =
  | { kind: 'strings'; items: JsonItem[] }
  /** Valid JSON array with a non-string element: BuildKit rejects the instruction. */
  | { kind: 'not-strings' }
  /** Not a JSON array at all: BuildKit falls back to the shell form. */
  | { kind: 'not-json' };

// Shared answers: nothing keeps or changes them, and most shell-form lines end here.
const NOT_JSON: JsonArrayResult = Object.freeze({ kind: 'not-json' });
const NOT_STRINGS: JsonArrayResult = Object.freeze({ kind: 'not-strings' });

/**
 * BuildKit's `parseJSON`: the text (after leading spaces) must be exactly one JSON array,
 * decoded the way Go's `json.Unmarshal` does into `[]any`.
 */
export function parseJsonArray(text: string): JsonArrayResult {
  const start = skipGoSpace(text);
  if (text.charCodeAt(start) !== 0x5b /* [ */) return NOT_JSON;
  const plain = plainStringArray(text, start);
  if (plain !== null) return { kind: 'strings', items: plain };
  const body = text.slice(start);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return NOT_JSON;
  }
  // Go fails to decode a number beyond float64's range, at any depth; that error is not the
  // "strings only" one, so BuildKit treats the text as shell form.
  if (!Array.isArray(parsed) || hasInfiniteNumber(parsed)) return NOT_JSON;
  if (!parsed.every((item) => typeof item === 'string')) return NOT_STRINGS;
  return { kind: 'strings', items: locateStrings(body, parsed as string[], start) };
}

function hasInfiniteNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasInfiniteNumber);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasInfiniteNumber);
  return false;
}

/** Find the source span of each top-level string literal of a valid JSON array of strings. */
function locateStrings(body: string, values: string[], offset: number): JsonItem[] {
  const items: JsonItem[] = [];
  let i = 1;
  for (const value of values) {
    while (i < body.length && body[i] !== '"') i++;
    const s = i;
    i++;
    while (i < body.length && body[i] !== '"') i += body[i] === '\\' ? 2 : 1;
    i++;
    // Lone surrogates are what Go would print as U+FFFD.
    items.push({ value: value.toWellFormed(), start: offset + s, end: offset + i });
  }
  return items;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The usual exec form, `["npm", "start"]`, read in one scan: an array of strings without escapes
 * or surrogates, nothing after it but JSON whitespace. Returns null for anything else, which
 * the general path (JSON.parse, then locating each string) decides; both give the same items.
 */
function plainStringArray(text: string, open: number): JsonItem[] | null {
  const n = text.length;
  const items: JsonItem[] = [];
  let i = open + 1;
  while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x5d /* ] */) i++;
  else {
    for (;;) {
      if (text.charCodeAt(i) !== 0x22 /* " */) return null;
      const s = i++;
      for (;;) {
        if (i >= n) return null;
        const c = text.charCodeAt(i);
        if (c === 0x22) break;
        // Escapes, control characters and surrogates (which Go turns into U+FFFD): general path.
        if (c === 0x5c || c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) return null;
        i++;
      }
      i++;
      items.push({ value: text.slice(s + 1, i - 1), start: s, end: i });
      while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i++);
      if (c === 0x5d) break;
      if (c !== 0x2c /* , */) return null;
      while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
    }
  }
  while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
  return i === n ? items : null;
}
