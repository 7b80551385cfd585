/**
 * Go's `time.ParseDuration`, which BuildKit uses for the HEALTHCHECK flags, ported step by step:
 * the value is an unsigned 64-bit count of nanoseconds while it is read (so that the same inputs
 * overflow), and errors are worded and quoted as Go's are. Checked against Go 1.19 run for real
 * on generated inputs; the function has not changed since.
 */

/** Nanoseconds per unit (a Map: `1constructor` must be an unknown unit). */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const LIMIT = 1n << 63n;
const MAX_INT64 = LIMIT - 1n;

const encoder = new TextEncoder();
const hex = (byte: number) => `\\x${byte.toString(16).padStart(2, '0')}`;

/**
 * The `quote` of Go's time package (not strconv.Quote): non-ASCII and control characters become
 * their UTF-8 bytes as `\xNN`; only `"` and `\` are escaped otherwise.
 */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of encoder.encode(c)) out += hex(byte);
    } else {
      if (c === '"' || c === '\\') out += '\\';
      out += c;
    }
  }
  return `${out}"`;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** `leadingInt`: the digits at the start of `s`, or null when they pass 1<<63. */
function leadingInt(s: string, from: number): { x: bigint; end: number } | null {
  let x = 0n;
  let i = from;
  for (; isDigit(s[i]); i++) {
    if (x > LIMIT / 10n) return null;
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > LIMIT) return null;
  }
  return { x, end: i };
}

/** `leadingFraction`: digits after the point; those that would overflow are read and dropped. */
function leadingFraction(s: string, from: number): { x: bigint; scale: number; end: number } {
  let x = 0n;
  let scale = 1;
  let overflow = false;
  let i = from;
  for (; isDigit(s[i]); i++) {
    if (overflow) continue;
    if (x > MAX_INT64 / 10n) {
      overflow = true;
      continue;
    }
    const y = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (y > LIMIT) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  return { x, scale, end: i };
}

/** Go's `time.ParseDuration`, in milliseconds, or Go's error message. */
export function parseGoDuration(text: string): { ms: number } | { error: string } {
  const invalid = { error: `time: invalid duration ${goTimeQuote(text)}` };
  let at = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    at = 1;
  }
  const rest = text.slice(at);
  if (rest === '0') return { ms: 0 };
  if (rest === '') return invalid;
  let total = 0n;
  while (at < text.length) {
    if (!(text[at] === '.' || isDigit(text[at]))) return invalid;
    const int = leadingInt(text, at);
    if (int === null) return invalid;
    const pre = int.end !== at;
    at = int.end;
    let fraction = 0n;
    let scale = 1;
    let post = false;
    if (text[at] === '.') {
      const f = leadingFraction(text, at + 1);
      post = f.end !== at + 1;
      fraction = f.x;
      scale = f.scale;
      at = f.end;
    }
    // No digits at all, as in ".s" or "-.s".
    if (!pre && !post) return invalid;
    let end = at;
    while (end < text.length && text[end] !== '.' && !isDigit(text[end])) end++;
    if (end === at) return { error: `time: missing unit in duration ${goTimeQuote(text)}` };
    const name = text.slice(at, end);
    at = end;
    const unit = UNITS.get(name);
    if (unit === undefined) return { error: `time: unknown unit ${goTimeQuote(name)} in duration ${goTimeQuote(text)}` };
    let v = int.x;
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (fraction > 0n) {
      // Go computes this part in float64, then truncates it to an integer.
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid;
    }
    total += v;
    if (total > LIMIT) return invalid;
  }
  if (!negative && total > MAX_INT64) return invalid;
  const ms = Number(total) / 1e6;
  return { ms: negative ? -ms : ms };
}
