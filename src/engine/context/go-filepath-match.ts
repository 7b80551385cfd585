/**
 * Go's `path/filepath.Match` on Unix ('/' separator, '\' escapes), as of Go 1.16, when it
 * started checking the syntax of the rest of a chunk (the text between two stars) even after
 * the name stopped matching. Later chunks are not checked: that is `path.Match`'s behaviour,
 * which `filepath.Match` does not share (checked against Go 1.19 run for real and the source of
 * Go 1.23 and later).
 *
 * moby/patternmatcher calls it only to reject malformed patterns (`Match(pattern, ".")`), but it
 * is ported in full: it defines which patterns BuildKit refuses with "syntax error in pattern".
 * Go walks the pattern and the name as UTF-8 bytes, decoding a rune only for `?` and classes,
 * so this port does the same on encoded bytes rather than on UTF-16 code units.
 */

/** Go's `filepath.ErrBadPattern`, with its exact text. */
export const ERR_BAD_PATTERN = 'syntax error in pattern';

export interface GoMatchResult {
  matched: boolean;
  /** `ERR_BAD_PATTERN` when the pattern is malformed, whatever the name. */
  error: typeof ERR_BAD_PATTERN | null;
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;

const encoder = new TextEncoder();

/** Reports whether `name` matches the shell file name pattern `pattern`, exactly as Go does. */
export function filepathMatch(pattern: string, name: string): GoMatchResult {
  const result = matchBytes(encoder.encode(pattern), encoder.encode(name));
  return result === 'bad' ? { matched: false, error: ERR_BAD_PATTERN } : { matched: result, error: null };
}

/** Whether Go's `filepath.Match` would reject `pattern` as malformed. */
export function isBadFilepathPattern(pattern: string): boolean {
  return matchBytes(encoder.encode(pattern), encoder.encode('.')) === 'bad';
}

type Bytes = Uint8Array;
/** A matched chunk leaves the rest of the name; a failed one `null`; a malformed one 'bad'. */
type ChunkResult = { rest: number } | null | 'bad';

function matchBytes(pattern: Bytes, name: Bytes): boolean | 'bad' {
  let p = 0; // start of the unread pattern
  let s = 0; // start of the unread name
  patternLoop: while (p < pattern.length) {
    const { star, chunkStart, chunkEnd } = scanChunk(pattern, p);
    p = chunkEnd;
    if (star && chunkStart === chunkEnd) {
      // A trailing star matches the rest of the name unless it crosses a '/'.
      return name.indexOf(SLASH, s) < 0;
    }
    const here = matchChunk(pattern, chunkStart, chunkEnd, name, s);
    // The last chunk must use up the name; an earlier one may leave the rest to a later star.
    if (here !== null && here !== 'bad' && (here.rest === name.length || p < pattern.length)) {
      s = here.rest;
      continue;
    }
    if (here === 'bad') return 'bad';
    if (star) {
      // Let the star swallow one more byte at a time, never a '/'.
      for (let i = s; i < name.length && name[i] !== SLASH; i++) {
        const skipped = matchChunk(pattern, chunkStart, chunkEnd, name, i + 1);
        if (skipped === 'bad') return 'bad';
        if (skipped !== null) {
          if (p === pattern.length && skipped.rest < name.length) continue;
          s = skipped.rest;
          continue patternLoop;
        }
      }
    }
    // No match. Unlike `path.Match`, `filepath.Match` does not go on to check the syntax of the
    // chunks after this one: `x*[` is a bad pattern for "x" but not for "y" (Go 1.16 and later).
    return false;
  }
  return s === name.length;
}

/** The next run of non-star pattern, after any stars. A '*' inside `[...]` does not end it. */
function scanChunk(pattern: Bytes, from: number): { star: boolean; chunkStart: number; chunkEnd: number } {
  let p = from;
  let star = false;
  while (p < pattern.length && pattern[p] === STAR) {
    p++;
    star = true;
  }
  let inRange = false;
  let i = p;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case BACKSLASH:
        // A trailing backslash is left for matchChunk to reject.
        if (i + 1 < pattern.length) i++;
        break;
      case OPEN:
        inRange = true;
        break;
      case CLOSE:
        inRange = false;
        break;
      case STAR:
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunkStart: p, chunkEnd: i };
}

/**
 * Matches one chunk at the start of name[s:]. After a mismatch it keeps reading the chunk
 * (not the name) so that a malformed class later in the chunk is still reported.
 */
function matchChunk(pattern: Bytes, start: number, end: number, name: Bytes, from: number): ChunkResult {
  let c = start;
  let s = from;
  let failed = false;
  while (c < end) {
    if (!failed && s === name.length) failed = true;
    const op = pattern[c];
    if (op === OPEN) {
      let r = -1;
      if (!failed) {
        const [rune, size] = decodeRune(name, s);
        r = rune;
        s += size;
      }
      c++;
      let negated = false;
      if (c < end && pattern[c] === CARET) {
        negated = true;
        c++;
      }
      let match = false;
      let ranges = 0;
      for (;;) {
        if (c < end && pattern[c] === CLOSE && ranges > 0) {
          c++;
          break;
        }
        const lo = getEscaped(pattern, c, end);
        if (lo === 'bad') return 'bad';
        c = lo.next;
        let hi = lo.rune;
        if (pattern[c] === DASH) {
          const h = getEscaped(pattern, c + 1, end);
          if (h === 'bad') return 'bad';
          c = h.next;
          hi = h.rune;
        }
        if (lo.rune <= r && r <= hi) match = true;
        ranges++;
      }
      if (match === negated) failed = true;
    } else if (op === QUESTION) {
      if (!failed) {
        if (name[s] === SLASH) failed = true;
        s += decodeRune(name, s)[1];
      }
      c++;
    } else {
      if (op === BACKSLASH) {
        c++;
        if (c === end) return 'bad';
      }
      if (!failed) {
        if (pattern[c] !== name[s]) failed = true;
        s++;
      }
      c++;
    }
  }
  return failed ? null : { rest: s };
}

/** One possibly escaped character of a class; a bare '-' or ']', or running out, is malformed. */
function getEscaped(pattern: Bytes, from: number, end: number): { rune: number; next: number } | 'bad' {
  let c = from;
  if (c === end || pattern[c] === DASH || pattern[c] === CLOSE) return 'bad';
  if (pattern[c] === BACKSLASH) {
    c++;
    if (c === end) return 'bad';
  }
  const [rune, size] = decodeRune(pattern, c, end);
  if (rune === RUNE_ERROR && size === 1) return 'bad';
  // A class must be closed: something has to follow every character in it.
  if (c + size === end) return 'bad';
  return { rune, next: c + size };
}

/** Go's `utf8.DecodeRune`: (RuneError, 1) for invalid input, (RuneError, 0) at the end. */
export function decodeRune(bytes: Bytes, at: number, end = bytes.length): [number, number] {
  if (at >= end) return [RUNE_ERROR, 0];
  const b0 = bytes[at]!;
  if (b0 < 0x80) return [b0, 1];
  const cont = (i: number, lo = 0x80, hi = 0xbf) => at + i < end && bytes[at + i]! >= lo && bytes[at + i]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    return cont(1) ? [((b0 & 0x1f) << 6) | (bytes[at + 1]! & 0x3f), 2] : [RUNE_ERROR, 1];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // Reject overlong forms (E0 80..9F) and surrogates (ED A0..BF).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    if (!cont(1, lo, hi) || !cont(2)) return [RUNE_ERROR, 1];
    return [((b0 & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f), 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return [RUNE_ERROR, 1];
    return [
      ((b0 & 0x07) << 18) | ((bytes[at + 1]! & 0x3f) << 12) | ((bytes[at + 2]! & 0x3f) << 6) | (bytes[at + 3]! & 0x3f),
      4,
    ];
  }
  return [RUNE_ERROR, 1];
}
