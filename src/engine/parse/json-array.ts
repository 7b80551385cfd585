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

/**
 * BuildKit's `parseJSON`: the text (after leading spaces) must be exactly one JSON array,
 * decoded the way Go's `json.Unmarshal` does into `[]any`.
 */
export function parseJsonArray(text: string): JsonArrayResult {
  const start = skipGoSpace(text);
  if (text.charCodeAt(start) !== 0x5b /* [ */) return { kind: 'not-json' };
  const body = text.slice(start);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'not-json' };
  }
  if (!Array.isArray(parsed)) return { kind: 'not-json' };
  for (const item of parsed) {
    // Go fails to decode numbers beyond float64 range; that error is not the "strings only"
    // one, so BuildKit treats the text as shell form.
    if (typeof item === 'number' && !Number.isFinite(item)) return { kind: 'not-json' };
  }
  if (!parsed.every((item) => typeof item === 'string')) return { kind: 'not-strings' };
  return { kind: 'strings', items: locateStrings(body, parsed as string[], start) };
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
