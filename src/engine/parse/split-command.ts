import { goTrimSpace, isGoSpace, isTokenWhitespace, skipGoSpace, trimGoSpaceEnd } from './go-text.ts';

export interface FlagToken {
  raw: string;
  start: number;
  end: number;
}

export interface SplitCommand {
  /** The keyword as written. */
  keyword: string;
  keywordStart: number;
  keywordEnd: number;
  flags: FlagToken[];
  /** The arguments after the flags, trimmed like BuildKit does. */
  args: string;
  /** Offset of `args` in the line. */
  argsStart: number;
}

const encoder = new TextEncoder();
const NO_FLAGS: FlagToken[] = [];

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
// ignoreBOM: a U+FEFF at the start of a slice is text like any other (the default strips it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

// The regular expression engine scans a line for a non-ASCII character faster than a JS loop.
const NON_ASCII = /[^\x00-\x7f]/;

function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

/**
 * A view of a string as Go sees it when it indexes bytes: for ASCII text the string itself,
 * otherwise its UTF-8 bytes as Latin-1 characters. BuildKit's flag extraction and HEALTHCHECK
 * type splitting walk bytes and test `unicode.IsSpace(rune(byte))`, so the bytes 0x85 and 0xA0
 * inside a multi-byte character count as spaces there, and other bytes are re-encoded one by
 * one. Reproducing that keeps our AST identical to BuildKit's on non-ASCII flags.
 */
export class ByteView {
  readonly units: string;
  private readonly charOffsets: number[] | null;
  private readonly bytes: Uint8Array | null;

  readonly source: string;

  constructor(source: string) {
    this.source = source;
    if (isAscii(source)) {
      this.units = source;
      this.charOffsets = null;
      this.bytes = null;
      return;
    }
    const bytes = encoder.encode(source);
    this.bytes = bytes;
    let units = '';
    for (let i = 0; i < bytes.length; i++) units += String.fromCharCode(bytes[i]!);
    this.units = units;
    // charOffsets[byteIndex] = index in `source` of the character that byte belongs to.
    const map: number[] = new Array(bytes.length + 1);
    let b = 0;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      let width: number;
      let chars = 1;
      if (c < 0x80) width = 1;
      else if (c < 0x800) width = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length) {
        const next = source.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          width = 4;
          chars = 2;
        } else width = 3;
      } else width = 3;
      for (let k = 0; k < width; k++) map[b + k] = i;
      b += width;
      i += chars - 1;
    }
    map[bytes.length] = source.length;
    this.charOffsets = map;
  }

  /** The character offset in `source` of byte offset `unit`. */
  toSource(unit: number): number {
    return this.charOffsets ? this.charOffsets[Math.min(unit, this.charOffsets.length - 1)]! : unit;
  }

  /** The source text from byte offset `unit` to the end, as Go's `line[pos:]` then decoded. */
  tail(unit: number): string {
    if (!this.bytes) return this.source.slice(unit);
    return decoder.decode(this.bytes.subarray(unit));
  }
}

/** Characters that end a run of plain characters in a flag word: spaces, quotes, the escape. */
function isWordSpecial(code: number, escape: number): boolean {
  return code === 0x27 || code === 0x22 || code === escape || isGoSpace(code);
}

/**
 * BuildKit's `extractBuilderFlags`: leading `--name[=value]` words, with quotes and the escape
 * character (the `# escape=` directive's) processed inside them, stopping at the first word that
 * does not start with `--` or after `--`.
 */
export function extractBuilderFlags(line: string, offset = 0, escape = '\\'): { flags: FlagToken[]; rest: number } {
  const escapeCode = escape.charCodeAt(0);
  // Most instructions have no flags: when the first non-blank character is ASCII and not the
  // start of `--`, the byte walk below would stop right there, so skip building the byte view.
  let first = 0;
  while (first < line.length && isAsciiSpace(line.charCodeAt(first))) first++;
  const c = line.charCodeAt(first);
  if (first === line.length) return { flags: [], rest: line.length };
  if (c < 0x80 && !(c === 0x2d && line.charCodeAt(first + 1) === 0x2d)) return { flags: NO_FLAGS, rest: first };
  const view = new ByteView(line);
  const s = view.units;
  const flags: FlagToken[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let word = '';
  let wordStart = 0;
  let quote = '';
  let blankOK = false;
  const n = s.length;
  const push = (end: number) =>
    flags.push({ raw: word, start: offset + view.toSource(wordStart), end: offset + view.toSource(end) });

  for (let pos = 0; pos <= n; pos++) {
    const ch = pos < n ? s[pos]! : '';
    const code = pos < n ? s.charCodeAt(pos) : -1;
    if (phase === IN_SPACES) {
      if (pos === n) break;
      if (isGoSpace(code)) continue;
      if (ch !== '-' || pos + 1 === n || s[pos + 1] !== '-') {
        return { flags, rest: view.toSource(pos) };
      }
      phase = IN_WORD;
      wordStart = pos;
    }
    if (pos === n) {
      if (word !== '--' && (blankOK || word.length > 0)) push(pos);
      break;
    }
    if (phase === IN_WORD) {
      if (isGoSpace(code)) {
        phase = IN_SPACES;
        if (word === '--') return { flags, rest: view.toSource(pos) };
        if (blankOK || word.length > 0) push(pos);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (code === escapeCode) {
        if (pos + 1 === n) continue;
        pos++;
        word += s[pos];
        continue;
      }
      // A run of ordinary characters is copied at once.
      let end = pos + 1;
      while (end < n && !isWordSpecial(s.charCodeAt(end), escapeCode)) end++;
      word += end === pos + 1 ? ch : s.slice(pos, end);
      pos = end - 1;
      continue;
    }
    // IN_QUOTE
    if (ch === quote) {
      phase = IN_WORD;
      continue;
    }
    if (code === escapeCode) {
      if (pos + 1 === n) {
        phase = IN_WORD;
        continue;
      }
      pos++;
      word += s[pos];
      continue;
    }
    let end = pos + 1;
    while (end < n && s[end] !== quote && s.charCodeAt(end) !== escapeCode) end++;
    word += end === pos + 1 ? ch : s.slice(pos, end);
    pos = end - 1;
  }
  return { flags, rest: line.length };
}

/** BuildKit's `splitCommand`: keyword, builder flags and the remaining arguments. */
export function splitCommand(line: string, escape = '\\'): SplitCommand {
  const start = skipGoSpace(line);
  const end = Math.max(start, trimGoSpaceEnd(line));
  let keywordEnd = start;
  while (keywordEnd < end && !isTokenWhitespace(line.charCodeAt(keywordEnd))) keywordEnd++;
  const keyword = line.slice(start, keywordEnd);
  if (keywordEnd >= end) {
    return { keyword, keywordStart: start, keywordEnd, flags: [], args: '', argsStart: end };
  }
  let restStart = keywordEnd;
  while (restStart < end && isTokenWhitespace(line.charCodeAt(restStart))) restStart++;
  // Most instructions have no flags: when the arguments start with a printable ASCII character
  // other than `--`, extractBuilderFlags would stop right there and the arguments are already
  // trimmed at both ends, so they are cut from the line in one piece.
  const c = line.charCodeAt(restStart);
  if (c > 0x20 && c < 0x7f && !(c === 0x2d && line.charCodeAt(restStart + 1) === 0x2d)) {
    return { keyword, keywordStart: start, keywordEnd, flags: NO_FLAGS, args: line.slice(restStart, end), argsStart: restStart };
  }
  const rest = line.slice(restStart, end);
  // Flags are collected from bytes, each byte already standing as its own rune, as Go's
  // WriteRune(rune(b)); their offsets are in the line.
  const extracted = extractBuilderFlags(rest, restStart, escape);
  const flags = extracted.flags.length === 0 ? NO_FLAGS : extracted.flags;
  const argsRaw = rest.slice(extracted.rest);
  const args = goTrimSpace(argsRaw);
  const argsStart = restStart + extracted.rest + skipGoSpace(argsRaw);
  return { keyword, keywordStart: start, keywordEnd, flags, args, argsStart };
}
