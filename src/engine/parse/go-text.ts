/**
 * Go's text primitives that BuildKit's parser is built on, reproduced so that our parser splits
 * and trims exactly where BuildKit does.
 */

/** Go's `unicode.IsSpace` for one UTF-16 code unit (no space character lies outside the BMP). */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return (
      code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0
    );
  }
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The `[\t\v\f\r ]` class of BuildKit's `reWhitespace` and `tokenWhitespace`. */
export function isTokenWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}

/** Index of the first character that is not `unicode.IsSpace`, from `from` (up to `end`). */
export function skipGoSpace(s: string, from = 0, end = s.length): number {
  let i = from;
  const n = end;
  while (i < n) {
    const c = s.charCodeAt(i);
    // Printable ASCII (the usual first character) is never a space; then the plain blank.
    if (c > 0x20 && c < 0x7f) break;
    if (c !== 0x20 && !isGoSpace(c)) break;
    i++;
  }
  return i;
}

/** End index (exclusive) after trimming trailing `unicode.IsSpace` characters. */
export function trimGoSpaceEnd(s: string, end = s.length): number {
  let i = end;
  while (i > 0 && isGoSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  const start = skipGoSpace(s);
  return s.slice(start, Math.max(start, trimGoSpaceEnd(s)));
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * One code point through JavaScript's case mapping, kept to Go's simple (one rune for one rune)
 * mapping: JavaScript's full mapping turns some characters into several (İ into "i̇", ß into
 * "SS"), which Go's `unicode.ToLower`/`ToUpper` never do.
 */
function mapOne(ch: string, upper: boolean): string {
  if (!upper && ch === '\u0130') return 'i';
  const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
  return [...mapped].length === 1 ? mapped : ch;
}

/**
 * Go's `strings.ToLower`: rune by rune, without JavaScript's context rules (a final Σ is σ in
 * Go, ς in JavaScript) or its one-to-many mappings.
 */
export function goToLower(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += mapOne(ch, false);
  return out;
}

/** Go's `strings.ToUpper`: rune by rune, one rune for one rune (ß stays ß). */
export function goToUpper(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += mapOne(ch, true);
  return out;
}

/**
 * Whether Go's `strings.ToLower` leaves `s` as it is. Asked of every keyword, stage name and
 * protocol: for ASCII (nearly all of them) it is answered without building a string.
 */
export function isGoLower(s: string): boolean {
  return mapsToItself(s, 0x41, 0x5a, goToLower);
}

/** Whether Go's `strings.ToUpper` leaves `s` as it is (see `isGoLower`). */
export function isGoUpper(s: string): boolean {
  return mapsToItself(s, 0x61, 0x7a, goToUpper);
}

/**
 * `s === map(s)`, for a case mapping `map` that changes exactly the ASCII letters `from`..`to`
 * and maybe non-ASCII characters: ASCII text is answered by a scan, without the mapped copy.
 */
export function mapsToItself(s: string, from: number, to: number, map: (s: string) => string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s === map(s);
    if (c >= from && c <= to) return false;
  }
  return true;
}

/**
 * Go's `strings.EqualFold(s, "as")`: simple case folding, where the long s (ſ, U+017F) folds to
 * s. The only case-insensitive keyword comparison BuildKit's parser makes (`FROM x AS name`).
 */
export function equalFoldAs(s: string): boolean {
  return /^[aA][sS\u017f]$/.test(s);
}

/** Length of `s` in UTF-8 bytes (lone surrogates count as the 3-byte replacement character). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * Go's `strconv.Quote`: the format of every string in BuildKit's AST dump.
 * Printable characters stay as they are; the rest become Go escapes.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (code >= 0x20 && code < 0x7f) {
      out += ch;
    } else if (code < 0x80) {
      out += '\\x' + code.toString(16).padStart(2, '0');
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is what invalid UTF-8 becomes once decoded; Go prints U+FFFD's escape.
      out += '\\ufffd';
    } else if (printable.test(ch)) {
      out += ch;
    } else if (code < 0x10000) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else {
      out += '\\U' + code.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

/** Go's `fmt.Sprintf("%q", []string{...})`: `["a" "b"]`. */
export function goQuoteList(items: readonly string[]): string {
  return '[' + items.map(goQuote).join(' ') + ']';
}
