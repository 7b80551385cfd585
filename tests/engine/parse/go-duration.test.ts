/**
 * time.ParseDuration's results, as printed by Go 1.19 (nanoseconds, or the error text) for each
 * input; the port returns milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { goTimeQuote, parseGoDuration } from '../../../src/engine/parse/go-duration.ts';

const accepted: [string, number][] = [
  ['1.5h', 5_400_000_000_000],
  ['9223372036854775807ns', 9_223_372_036_854_775_807],
  ['-9223372036854775808ns', -9_223_372_036_854_775_808],
  ['2562047h47m16.854775807s', 9_223_372_036_854_775_807],
  ['1.00000000000000000000000001s', 1_000_000_000],
  ['.5m', 30_000_000_000],
  ['5.s', 5_000_000_000],
  ['0', 0],
  ['+0', 0],
  ['-0', 0],
  ['1µs', 1000],
  ['1μs', 1000],
  ['1.9999999999999999999999h', 7_200_000_000_000],
];

const refused: [string, string][] = [
  ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ['18446744073709551616ns', 'time: invalid duration "18446744073709551616ns"'],
  ['2562048h', 'time: invalid duration "2562048h"'],
  ['2562047h47m16.854775808s', 'time: invalid duration "2562047h47m16.854775808s"'],
  ['.s', 'time: invalid duration ".s"'],
  ['-.s', 'time: invalid duration "-.s"'],
  ['', 'time: invalid duration ""'],
  ['1', 'time: missing unit in duration "1"'],
  ['3s2', 'time: missing unit in duration "3s2"'],
  ['1x', 'time: unknown unit "x" in duration "1x"'],
  ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
  ['1hé', 'time: unknown unit "h\\xc3\\xa9" in duration "1h\\xc3\\xa9"'],
  ['é', 'time: invalid duration "\\xc3\\xa9"'],
  ['1h"', 'time: unknown unit "h\\"" in duration "1h\\""'],
  ['1constructor', 'time: unknown unit "constructor" in duration "1constructor"'],
];

describe('parseGoDuration (time.ParseDuration)', () => {
  it.each(accepted)('%s is %d ns', (text, ns) => {
    const d = parseGoDuration(text);
    expect('ms' in d && d.ms).toBeCloseTo(ns / 1e6, 6);
  });

  it.each(refused)('%j is refused with %s', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ error });
  });

  it('quotes as the time package does, byte by byte above ASCII', () => {
    expect(goTimeQuote('a\tb')).toBe('"a\\x09b"');
    expect(goTimeQuote('\uFFFD')).toBe('"\\xef\\xbf\\xbd"');
    expect(goTimeQuote('a\\b')).toBe('"a\\\\b"');
  });
});
