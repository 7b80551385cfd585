import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonArray } from '../../../src/engine/parse/json-array.ts';

/** What the result must be, worked out from JSON.parse alone (as BuildKit's json.Unmarshal). */
function expected(text: string): { kind: string; values?: string[] } {
  const body = text.replace(/^[\s\u0085\u00a0]+/, '');
  if (!body.startsWith('[')) return { kind: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'not-json' };
  }
  if (!Array.isArray(parsed)) return { kind: 'not-json' };
  if (parsed.some((v) => typeof v === 'number' && !Number.isFinite(v))) return { kind: 'not-json' };
  if (!parsed.every((v) => typeof v === 'string')) return { kind: 'not-strings' };
  return { kind: 'strings', values: (parsed as string[]).map((v) => v.toWellFormed()) };
}

function check(text: string): void {
  const result = parseJsonArray(text);
  const want = expected(text);
  expect(result.kind).toBe(want.kind);
  if (result.kind !== 'strings') return;
  expect(result.items.map((i) => i.value)).toEqual(want.values);
  // Every item's span is its string literal in the source.
  for (const item of result.items) expect(JSON.parse(text.slice(item.start, item.end)).toWellFormed()).toBe(item.value);
}

describe('exec-form JSON arrays', () => {
  it('reads the usual forms with their spans', () => {
    const r = parseJsonArray('  ["npm", "start"]  ');
    expect(r).toEqual({ kind: 'strings', items: [{ value: 'npm', start: 3, end: 8 }, { value: 'start', start: 10, end: 17 }] });
    expect(parseJsonArray('[]')).toEqual({ kind: 'strings', items: [] });
    expect(parseJsonArray('[ "a\\"b" ]')).toEqual({ kind: 'strings', items: [{ value: 'a"b', start: 2, end: 8 }] });
  });

  it('falls back to shell form or rejects exactly as JSON.parse decides', () => {
    for (const text of ['["a",]', '["a" "b"]', '["a"] x', '[1]', '["a", 1]', '[1e999]', '["a"', '[,"a"]', '["\t"]', '["\ud800"]', '{"a": 1}', '["a"]\n', '[\n"a"\r\n]', '["é", "日本"]']) check(text);
  });

  it('reads a number beyond float64 at any depth as Go does: a decode error, so shell form', () => {
    for (const text of ['[1e999]', '[[1e999]]', '[{"a": -1e400}]', '["a", [1, [2e308]]]']) expect(parseJsonArray(text)).toEqual({ kind: 'not-json' });
    expect(parseJsonArray('[[1e-400]]')).toEqual({ kind: 'not-strings' });
  });

  it('agrees with JSON.parse on generated arrays and their mutations', () => {
    const spaces = fc.constantFrom('', ' ', '  ', '\t', '\n', '\r\n', '\u00a0');
    const str = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '\\', '\t', 'é', '\ud83d', '\ude00', '/', 'u', '0') });
    const array = fc
      .tuple(spaces, fc.array(fc.tuple(spaces, str, spaces)), spaces)
      .map(([lead, items, trail]) => `${lead}[${items.map(([a, s, b]) => `${a}${JSON.stringify(s)}${b}`).join(',')}]${trail}`);
    fc.assert(fc.property(array, (text) => check(text)), { numRuns: 2000 });
    const mutated = fc.tuple(array, fc.nat(), fc.constantFrom('', ',', '"', '\\', ']', '1', ' ', 'x')).map(([text, at, piece]) => {
      const k = at % (text.length + 1);
      return text.slice(0, k) + piece + text.slice(k + 1);
    });
    fc.assert(fc.property(mutated, (text) => check(text)), { numRuns: 3000 });
  });
});
