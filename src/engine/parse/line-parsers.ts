/**
 * BuildKit's line parsers: how each instruction's argument text becomes argument nodes.
 * Offsets are kept so every node can be mapped back to the source.
 */
import { goQuote, goToLower, goToUpper, isGoSpace, isTokenWhitespace } from './go-text.ts';
import { parseJsonArray } from './json-array.ts';
import { ByteView, splitCommand, type FlagToken } from './split-command.ts';
import type { EscapeCharacter } from './types.ts';

export interface ArgToken {
  value: string;
  start: number;
  end: number;
}

/** BuildKit's AST node for one instruction, before typing. */
export interface RawInstruction {
  keyword: string;
  /** The keyword in lower case (`run`) and upper case (`RUN`), worked out once. */
  lower: string;
  upper: string;
  /** RUN, COPY or ADD: words after it may be heredoc markers (in shell form). */
  heredocs: boolean;
  keywordStart: number;
  keywordEnd: number;
  flags: FlagToken[];
  args: ArgToken[];
  json: boolean;
  /** The ONBUILD trigger. */
  child: RawInstruction | null;
}

export class LineParseError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  constructor(message: string, start: number, end: number) {
    this.message = message;
    this.start = start;
    this.end = end;
  }
}

type LineParser = (rest: string, base: number, escape: EscapeCharacter) => ParsedArgs;

interface ParsedArgs {
  args: ArgToken[];
  json: boolean;
  child?: RawInstruction | null;
}

const none = (): ParsedArgs => ({ args: [], json: false });

/**
 * BuildKit's `parseWords`: words split on unquoted spaces. Quotes and escapes stay in the words,
 * so a word is exactly its source text, except that an escape character at the very end of the
 * input is dropped; only the boundaries need computing.
 */
export function parseWords(rest: string, escape: EscapeCharacter): ArgToken[] {
  const words: ArgToken[] = [];
  const esc = escape.charCodeAt(0);
  const n = rest.length;
  let pos = 0;
  while (pos < n) {
    while (pos < n && isGoSpace(rest.charCodeAt(pos))) pos++;
    if (pos === n) break;
    const start = pos;
    let quote = -1;
    let dropLast = false;
    for (; pos < n; pos++) {
      const c = rest.charCodeAt(pos);
      if (quote < 0) {
        if (isGoSpace(c)) break;
        if (c === 0x27 || c === 0x22) quote = c;
        if (c === esc) {
          if (pos + 1 === n) {
            dropLast = true;
            continue;
          }
          pos++;
        }
      } else {
        if (c === quote) {
          quote = -1;
          continue;
        }
        // Inside single quotes the escape character escapes nothing.
        if (c === esc && quote !== 0x27) {
          if (pos + 1 === n) {
            dropLast = true;
            continue;
          }
          pos++;
        }
      }
    }
    const end = Math.min(pos, n);
    const value = rest.slice(start, dropLast ? end - 1 : end);
    // A word made only of a dropped escape is empty, and BuildKit keeps no empty unquoted word.
    if (value.length > 0) words.push({ value, start, end });
  }
  return words;
}

/** BuildKit's `parseStringsWhitespaceDelimited`: split on runs of `[\t\v\f\r ]`. */
function whitespaceDelimited(rest: string): ArgToken[] {
  if (rest === '') return [];
  const out: ArgToken[] = [];
  let start = 0;
  for (let i = 0; i <= rest.length; i++) {
    if (i === rest.length || isTokenWhitespace(rest.charCodeAt(i))) {
      out.push({ value: rest.slice(start, i), start, end: i });
      while (i + 1 < rest.length && isTokenWhitespace(rest.charCodeAt(i + 1))) i++;
      start = i + 1;
    }
  }
  return out;
}

function shift(tokens: ArgToken[], base: number): ArgToken[] {
  for (const t of tokens) {
    t.start += base;
    t.end += base;
  }
  return tokens;
}

const parseString: LineParser = (rest, base) =>
  rest === '' ? none() : { args: [{ value: rest, start: base, end: base + rest.length }], json: false };

const parseStringsWhitespaceDelimited: LineParser = (rest, base) => ({
  args: shift(whitespaceDelimited(rest), base),
  json: false,
});

function tryJson(rest: string, base: number): ParsedArgs | 'not-json' {
  const result = parseJsonArray(rest);
  if (result.kind === 'not-json') return 'not-json';
  if (result.kind === 'not-strings') {
    throw new LineParseError(
      'when using JSON array syntax, arrays must be comprised of strings only',
      base,
      base + rest.length,
    );
  }
  return { args: shift(result.items, base), json: true };
}

const parseMaybeJSON: LineParser = (rest, base) => {
  if (rest === '') return none();
  const json = tryJson(rest, base);
  if (json !== 'not-json') return json;
  return { args: [{ value: rest, start: base, end: base + rest.length }], json: false };
};

const parseMaybeJSONToList: LineParser = (rest, base, escape) => {
  const json = tryJson(rest, base);
  if (json !== 'not-json') return json;
  return parseStringsWhitespaceDelimited(rest, base, escape);
};

function parseNameVal(rest: string, base: number, escape: EscapeCharacter, key: string): ParsedArgs {
  const words = parseWords(rest, escape);
  if (words.length === 0) return none();
  // The legacy `KEY name value` form is chosen when the first word has no `=`.
  if (!words[0]!.value.includes('=')) {
    let split = 0;
    while (split < rest.length && !isTokenWhitespace(rest.charCodeAt(split))) split++;
    let valueStart = split;
    while (valueStart < rest.length && isTokenWhitespace(rest.charCodeAt(valueStart))) valueStart++;
    if (split >= rest.length) {
      throw new LineParseError(`${key} must have two arguments`, base, base + rest.length);
    }
    return {
      args: [
        { value: rest.slice(0, split), start: base, end: base + split },
        { value: rest.slice(valueStart), start: base + valueStart, end: base + rest.length },
        { value: '', start: base + split, end: base + split },
      ],
      json: false,
    };
  }
  const args: ArgToken[] = [];
  for (const word of words) {
    const eq = word.value.indexOf('=');
    if (eq < 0) {
      throw new LineParseError(
        `Syntax error - can't find = in ${goQuote(word.value)}. Must be of the form: name=value`,
        base + word.start,
        base + word.end,
      );
    }
    // Keys never contain quotes or escapes before the first `=` in practice; map the key's end
    // by searching the source for the first `=` of the word.
    const eqSource = rest.indexOf('=', word.start);
    const keyEnd = eqSource >= 0 && eqSource < word.end ? eqSource : word.end;
    args.push(
      { value: word.value.slice(0, eq), start: base + word.start, end: base + keyEnd },
      { value: word.value.slice(eq + 1), start: base + Math.min(keyEnd + 1, word.end), end: base + word.end },
      { value: '=', start: base + keyEnd, end: base + Math.min(keyEnd + 1, word.end) },
    );
  }
  return { args, json: false };
}

const parseEnv: LineParser = (rest, base, escape) => parseNameVal(rest, base, escape, 'ENV');
const parseLabel: LineParser = (rest, base, escape) => parseNameVal(rest, base, escape, 'LABEL');

const parseNameOrNameVal: LineParser = (rest, base, escape) => ({
  args: shift(parseWords(rest, escape), base),
  json: false,
});

/** HEALTHCHECK: a type word, then a command like CMD's. The type ends at a space byte. */
const parseHealthConfig: LineParser = (rest, base, escape) => {
  const view = new ByteView(rest);
  const s = view.units;
  let sep = 0;
  while (sep < s.length && !isGoSpace(s.charCodeAt(sep))) sep++;
  let next = sep;
  while (next < s.length && isGoSpace(s.charCodeAt(next))) next++;
  if (sep === 0) return none();
  const typeEnd = view.toSource(sep);
  const cmdStart = view.toSource(next);
  const cmd = parseMaybeJSON(view.tail(next), base + cmdStart, escape);
  return {
    args: [{ value: view.tail(0).slice(0, typeEnd), start: base, end: base + typeEnd }, ...cmd.args],
    json: cmd.json,
  };
};

const parseSubCommand: LineParser = (rest, base, escape) => {
  if (rest === '') return none();
  return { args: [], json: false, child: parseInstructionLine(rest, escape, base) };
};

const parseIgnore: LineParser = (_rest, base) => ({
  args: [{ value: '', start: base, end: base }],
  json: false,
});

/** A known instruction keyword: its two spellings and BuildKit's line parser for it. */
interface KeywordEntry {
  lower: string;
  upper: string;
  parse: LineParser;
  /** RUN, COPY and ADD: BuildKit looks for heredocs after them. */
  heredocs: boolean;
}

const PARSERS: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: parseEnv,
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: parseLabel,
  maintainer: parseString,
  onbuild: parseSubCommand,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};
const ENTRIES = new Map<string, KeywordEntry>(
  Object.entries(PARSERS).map(([lower, parse]) => [
    lower,
    { lower, upper: lower.toUpperCase(), parse, heredocs: lower === 'run' || lower === 'copy' || lower === 'add' },
  ]),
);

// Keywords as usually written (all upper or all lower case) are found without allocating or
// hashing: candidates are picked by first letter, then compared.
const BY_FIRST: KeywordEntry[][] = [];
for (const entry of ENTRIES.values()) (BY_FIRST[entry.lower.charCodeAt(0)] ??= []).push(entry);

/** The entry of a keyword in any case (`RUN`, `run`, `Run`), or undefined for an unknown word. */
function keywordEntry(keyword: string): KeywordEntry | undefined {
  const candidates = BY_FIRST[keyword.charCodeAt(0) | 0x20];
  if (candidates === undefined) return undefined;
  for (const entry of candidates) {
    if (entry.lower.length === keyword.length && (keyword === entry.upper || keyword === entry.lower)) return entry;
  }
  return ENTRIES.get(goToLower(keyword));
}

/**
 * BuildKit's `newNodeFromLine`. Offsets in the result are relative to the string `line`
 * was cut from, shifted by `base`. Throws `LineParseError` for the errors BuildKit's parser
 * raises; the caller turns them into collected errors.
 */
export function parseInstructionLine(line: string, escape: EscapeCharacter, base = 0): RawInstruction {
  const split = splitCommand(line, escape);
  const entry = keywordEntry(split.keyword);
  const parsed = (entry?.parse ?? parseIgnore)(split.args, base + split.argsStart, escape);
  return {
    keyword: split.keyword,
    lower: entry?.lower ?? goToLower(split.keyword),
    upper: entry?.upper ?? goToUpper(split.keyword),
    heredocs: entry?.heredocs ?? false,
    keywordStart: base + split.keywordStart,
    keywordEnd: base + split.keywordEnd,
    flags: base === 0 ? split.flags : split.flags.map((f) => ({ raw: f.raw, start: f.start + base, end: f.end + base })),
    args: parsed.args,
    json: parsed.json,
    child: parsed.child ?? null,
  };
}

