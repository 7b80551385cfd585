import { goQuote, isGoSpace } from '../go-text.ts';

/**
 * BuildKit's shell lexer (`frontend/dockerfile/shell/lex.go`): quote removal, escapes and
 * `$VAR` / `${VAR...}` expansion for the instructions Docker expands itself (FROM, COPY, ENV,
 * WORKDIR, ...), and the word splitting used to find heredoc markers.
 *
 * It works on code points (Go runes) and never throws: a malformed word comes back with
 * `error` set, exactly where BuildKit would return an error.
 */

export interface ShellLexOptions {
  /** Escape character of the Dockerfile (`\` or `` ` ``). */
  escape?: '\\' | '`';
  /** Keep quote characters in the result (used for heredoc detection). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters. */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written instead of expanding them to "". */
  skipUnsetEnv?: boolean;
}

/** The variables in scope; keys are case-sensitive, as on Linux builders. */
export type ShellEnv = ReadonlyMap<string, string>;

export interface ShellLexError {
  message: string;
}

export interface ProcessWordResult {
  /** The word after quote removal and expansion ("" on error). */
  value: string;
  /** The word split on unquoted whitespace after expansion (empty on error). */
  words: string[];
  /** Variables referenced and found in `env`. */
  matched: ReadonlySet<string>;
  /** Variables referenced but not set. */
  unmatched: ReadonlySet<string>;
  error?: ShellLexError;
}

const EOF = -1;
const BOM = 0xfeff;

class LexFailure {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** Go's text/scanner over code points, with the Peek/Next pair the lexer is written against. */
class RuneScanner {
  private readonly text: string;
  private index = 0;

  constructor(text: string) {
    this.text = text;
    // text/scanner drops a byte order mark at the very start of its input.
    if (text.codePointAt(0) === BOM) this.index = 1;
  }

  peek(): number {
    return this.index < this.text.length ? this.text.codePointAt(this.index)! : EOF;
  }

  next(): number {
    const ch = this.peek();
    if (ch !== EOF) this.index += ch > 0xffff ? 2 : 1;
    return ch;
  }
}

/**
 * The word being built. BuildKit keeps one per lexer (`shellWord.wordsBuffer`) and every
 * `processStopOn` call resets it, the nested ones too (`${X:-word}` reads its word with one):
 * whatever the current word held before such a `${` is lost from the word list (the joined
 * result keeps it). `<<EOF${X:-y}` is then no heredoc word.
 */
interface WordBuffer {
  text: string;
}

/** Accumulates the word list alongside the joined result, as BuildKit's `wordsStruct`. */
class Words {
  private inWord = false;
  private readonly words: string[] = [];
  private readonly buf: WordBuffer;

  constructor(buf: WordBuffer) {
    this.buf = buf;
  }

  addChar(ch: number): void {
    if (isGoSpace(ch)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.words.push(this.buf.text);
        this.buf.text = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: number): void {
    this.buf.text += String.fromCodePoint(ch);
    this.inWord = true;
  }

  addString(text: string): void {
    for (const ch of text) this.addChar(ch.codePointAt(0)!);
  }

  addRawString(text: string): void {
    this.buf.text += text;
    this.inWord = true;
  }

  getWords(): string[] {
    if (this.buf.text.length > 0) {
      this.words.push(this.buf.text);
      this.buf.text = '';
      this.inWord = false;
    }
    return this.words;
  }
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(ch: number): boolean {
  if (ch < 0x80) return (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
  return ch !== EOF && LETTER.test(String.fromCodePoint(ch));
}

function isDigit(ch: number): boolean {
  if (ch < 0x80) return ch >= 0x30 && ch <= 0x39;
  return ch !== EOF && DIGIT.test(String.fromCodePoint(ch));
}

/** POSIX special parameters: never set in a Dockerfile, so they expand to nothing. */
function isSpecialParam(ch: number): boolean {
  return ch !== EOF && '@*#?-$!0'.includes(String.fromCodePoint(ch));
}

/** The whitespace the heredoc operator may swallow (`<< EOF`). */
function isHeredocSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a;
}

const ch = (c: string): number => c.codePointAt(0)!;
const DOLLAR = ch('$');
const SINGLE = ch("'");
const DOUBLE = ch('"');
const LT = ch('<');
const LBRACE = ch('{');
const RBRACE = ch('}');
const COLON = ch(':');
const SLASH = ch('/');

class ShellWord {
  private readonly scanner: RuneScanner;
  private readonly env: ShellEnv;
  private readonly escape: number;
  private readonly rawQuotes: boolean;
  private readonly skipProcessQuotes: boolean;
  private readonly skipUnsetEnv: boolean;
  private rawEscapes: boolean;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly wordBuffer: WordBuffer = { text: '' };

  constructor(text: string, env: ShellEnv, options: ShellLexOptions) {
    this.scanner = new RuneScanner(text);
    this.env = env;
    this.escape = ch(options.escape ?? '\\');
    this.rawQuotes = options.rawQuotes ?? false;
    this.rawEscapes = options.rawEscapes ?? false;
    this.skipProcessQuotes = options.skipProcessQuotes ?? false;
    this.skipUnsetEnv = options.skipUnsetEnv ?? false;
  }

  /** Reads up to `stop` (consumed) or the end; a missing `stop` is an error. */
  processStopOn(stop: number, rawEscapes: boolean): [string, string[]] {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.readUntil(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private readUntil(stop: number): [string, string[]] {
    let result = '';
    this.wordBuffer.text = '';
    const words = new Words(this.wordBuffer);
    const s = this.scanner;
    while (s.peek() !== EOF) {
      let c = s.peek();
      if (stop !== EOF && c === stop) {
        s.next();
        return [result, words.getWords()];
      }
      if (c === DOLLAR) {
        const value = this.processDollar();
        result += value;
        words.addString(value);
        continue;
      }
      if (c === LT) {
        const value = this.processPossibleHeredoc();
        result += value;
        words.addRawString(value);
        continue;
      }
      if (!this.skipProcessQuotes && (c === SINGLE || c === DOUBLE)) {
        const value = c === SINGLE ? this.processSingleQuote() : this.processDoubleQuote();
        result += value;
        words.addRawString(value);
        continue;
      }
      c = s.next();
      if (c === this.escape) {
        if (this.rawEscapes) {
          words.addRawChar(c);
          result += String.fromCodePoint(c);
        }
        // The escape character escapes whatever follows, except the end of the word.
        c = s.next();
        if (c === EOF) break;
        words.addRawChar(c);
      } else {
        words.addChar(c);
      }
      result += String.fromCodePoint(c);
    }
    if (stop !== EOF) {
      throw new LexFailure(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
    }
    return [result, words.getWords()];
  }

  private processSingleQuote(): string {
    const s = this.scanner;
    let result = '';
    const open = s.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (;;) {
      const c = s.next();
      if (c === EOF) throw new LexFailure('unexpected end of statement while looking for matching single-quote');
      if (c === SINGLE) {
        if (this.rawQuotes) result += "'";
        return result;
      }
      result += String.fromCodePoint(c);
    }
  }

  private processDoubleQuote(): string {
    const s = this.scanner;
    let result = '';
    const open = s.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (;;) {
      const peek = s.peek();
      if (peek === EOF) throw new LexFailure('unexpected end of statement while looking for matching double-quote');
      if (peek === DOUBLE) {
        s.next();
        if (this.rawQuotes) result += '"';
        return result;
      }
      if (peek === DOLLAR) {
        result += this.processDollar();
        continue;
      }
      let c = s.next();
      if (c === this.escape) {
        if (this.rawEscapes) result += String.fromCodePoint(c);
        const after = s.peek();
        // Inside double quotes the escape only escapes ", $ and itself; elsewhere it is literal.
        if (after === EOF) continue;
        if (after === DOUBLE || after === DOLLAR || after === this.escape) c = s.next();
      }
      result += String.fromCodePoint(c);
    }
  }

  /** `<<` keeps the whitespace after it, so `<< EOF` stays one word for heredoc detection. */
  private processPossibleHeredoc(): string {
    const s = this.scanner;
    s.next();
    if (s.peek() !== LT) return '<';
    s.next();
    let result = '<<';
    while (isHeredocSpace(s.peek())) result += String.fromCodePoint(s.next());
    return result;
  }

  private processDollar(): string {
    const s = this.scanner;
    s.next();
    if (s.peek() !== LBRACE) {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.lookup(name);
      if (value === undefined) return this.skipUnsetEnv ? `$${name}` : '';
      return value;
    }

    s.next();
    const first = s.peek();
    if (first === EOF) throw new LexFailure("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) {
      throw new LexFailure('syntax error: bad substitution');
    }
    const name = this.processName();
    let c = s.next();
    let modifier = c === EOF ? '' : String.fromCodePoint(c);
    let nullIsUnset = false;

    if (c === RBRACE) {
      const value = this.lookup(name);
      if (value === undefined) return this.skipUnsetEnv ? `\${${name}}` : '';
      return value;
    }
    if (c === SLASH) return this.processReplace(name);
    if (c === COLON) {
      nullIsUnset = true;
      c = s.next();
      modifier += c === EOF ? '' : String.fromCodePoint(c);
    } else if (!'+-?#%'.includes(modifier) || modifier === '') {
      throw new LexFailure(`unsupported modifier (${modifier}) in substitution`);
    }

    const rawEscapes = modifier.endsWith('#') || modifier.endsWith('%');
    let word: string;
    try {
      [word] = this.processStopOn(RBRACE, rawEscapes);
    } catch (error) {
      if (s.peek() === EOF) throw new LexFailure("syntax error: missing '}'");
      throw error;
    }

    const value = this.lookup(name);
    if (this.skipUnsetEnv && value === undefined) return `\${${name}${modifier}${word}}`;
    const empty = value === undefined || (nullIsUnset && value === '');

    switch (c) {
      case ch('-'):
        return empty ? word : value!;
      case ch('+'):
        return empty ? '' : word;
      case ch('?'):
        if (value === undefined) throw new LexFailure(`${name}: ${word || 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new LexFailure(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case ch('%'):
      case ch('#'): {
        const marker = String.fromCodePoint(c);
        const greedy = word.startsWith(marker);
        const pattern = greedy ? word.slice(1) : word;
        return c === ch('%') ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
      }
      default:
        throw new LexFailure(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  /** `${VAR/pattern/replacement}` and `${VAR//pattern/replacement}`. */
  private processReplace(name: string): string {
    const s = this.scanner;
    const all = s.peek() === SLASH;
    if (all) s.next();
    let pattern: string;
    try {
      [pattern] = this.processStopOn(SLASH, true);
    } catch (error) {
      if (s.peek() === EOF) throw new LexFailure("syntax error: missing '/' in ${}");
      throw error;
    }
    let replacement: string;
    try {
      [replacement] = this.processStopOn(RBRACE, true);
    } catch (error) {
      if (s.peek() === EOF) throw new LexFailure("syntax error: missing '}'");
      throw error;
    }
    const value = this.lookup(name);
    if (this.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
    const re = shellPatternToRegExp(pattern, true, false, all);
    const subject = value ?? '';
    // Go's ReplaceAllString expands $1-style references in the replacement; a function keeps it literal
    // except for those, which BuildKit would also expand. Patterns have no groups, so "$1" is "".
    const literal = expandGoTemplate(replacement);
    if (all) return subject.replace(re, () => literal);
    const found = re.exec(subject);
    if (!found) return subject;
    return subject.slice(0, found.index) + replacement + subject.slice(found.index + found[0].length);
  }

  /** A name: letters, digits and `_`; or a run of digits; or one special parameter. */
  private processName(): string {
    const s = this.scanner;
    let name = '';
    while (s.peek() !== EOF) {
      const c = s.peek();
      if (name === '' && isDigit(c)) {
        while (s.peek() !== EOF && isDigit(s.peek())) name += String.fromCodePoint(s.next());
        return name;
      }
      if (name === '' && isSpecialParam(c)) return String.fromCodePoint(s.next());
      if (!isLetter(c) && !isDigit(c) && c !== ch('_')) break;
      name += String.fromCodePoint(s.next());
    }
    return name;
  }

  private lookup(name: string): string | undefined {
    const value = this.env.get(name);
    if (value === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return value;
  }
}

/**
 * Go's `regexp.ReplaceAllString` treats `$name` and `${name}` in the replacement as group references.
 * BuildKit's patterns never contain groups, so every such reference expands to "".
 */
function expandGoTemplate(template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close < 0 ? '' : template.slice(i + 2, close);
      if (close < 0 || !/^[\p{L}\p{Nd}_]+$/u.test(inner)) {
        out += '$';
      } else {
        i = close;
      }
    } else {
      const m = /^[\p{L}\p{Nd}_]+/u.exec(template.slice(i + 1));
      if (m) i += m[0].length;
      else out += '$';
    }
  }
  return out;
}

/**
 * BuildKit's `convertShellPatternToRegex`: `?` is one character, `*` the longest (greedy) or
 * shortest string; no bracket expressions.
 */
function shellPatternToRegExp(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  let out = anchored ? '^' : '';
  const star = greedy ? '.*' : '.*?';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') {
      out += star;
    } else if (c === '?') {
      out += '.';
    } else if (c === '\\') {
      const next = chars[i + 1];
      // `}` and `/` are escaped only to get them into ${...}; the escape is not part of the pattern.
      if (next === '}' || next === '/') continue;
      if (next !== '*' && next !== '?' && next !== '\\') {
        throw new LexFailure(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ''}'`);
      }
      out += `\\${next}`;
      i++;
    } else if ('[]{}.+()|^$'.includes(c)) {
      out += `\\${c}`;
    } else {
      out += c;
    }
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const found = shellPatternToRegExp(pattern, greedy, true).exec(value);
  return found ? value.slice(found[0].length) : value;
}

/** Reverses a pattern without splitting its escapes: `a\*c` becomes `c\*a`. */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const c = chars[i]!;
    const at = last - i;
    if (c === '\\' && i !== last) {
      out[at - 1] = c;
      out[at] = chars[i + 1]!;
      i += 2;
    } else {
      out[at] = c;
      i++;
    }
  }
  return out.join('');
}

function reverseString(text: string): string {
  return Array.from(text).reverse().join('');
}

/** The shortest or longest suffix match, found as a prefix match on the reversed strings. */
function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/**
 * What makes the lexer do more than split words on spaces: quotes, either escape character, `$`
 * and a byte-order mark (dropped at the start). Most words in real Dockerfiles (paths, image
 * names, plain values) have none of them.
 */
const LEXER_SPECIAL = /['"\\`$\ufeff]/;

/** True when `text` reads as itself: no quote to remove, nothing to expand or escape. */
export function isPlainShellText(text: string): boolean {
  return !LEXER_SPECIAL.test(text);
}

/**
 * The lexer's word split for plain text (see `isPlainShellText`): words end at Go spaces, except
 * that `<<` keeps the blanks right after it (`<< EOF` stays one word, as heredoc detection needs).
 */
export function plainWords(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isGoSpace(text.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === LT && text.charCodeAt(i + 1) === LT) {
        i += 2;
        while (i < n && isHeredocSpace(text.charCodeAt(i))) i++;
        continue;
      }
      if (isGoSpace(c)) break;
      i++;
    }
    words.push(text.slice(start, i));
  }
  return words;
}

const NO_VARIABLES: ReadonlySet<string> = new Set();

/**
 * What plain text expands to: itself, referencing no variable. Its split into words is made on
 * first use, since most callers ask for the value alone.
 */
class PlainResult implements ProcessWordResult {
  readonly value: string;
  readonly matched = NO_VARIABLES;
  readonly unmatched = NO_VARIABLES;
  private split: string[] | null = null;

  constructor(value: string) {
    this.value = value;
  }

  get words(): string[] {
    return (this.split ??= plainWords(this.value));
  }
}

function run(text: string, env: ShellEnv, options: ShellLexOptions): ProcessWordResult {
  // Plain text is its own value and needs no lexer (identical results, as a property test checks).
  if (isPlainShellText(text)) return new PlainResult(text);
  return lexWord(text, env, options);
}

/** The lexer itself, without the plain-text shortcut (exported for the test that compares them). */
export function lexWord(text: string, env: ShellEnv, options: ShellLexOptions = {}): ProcessWordResult {
  const sw = new ShellWord(text, env, options);
  try {
    const [value, words] = sw.processStopOn(EOF, options.rawEscapes ?? false);
    return { value, words, matched: sw.matched, unmatched: sw.unmatched };
  } catch (error) {
    if (!(error instanceof LexFailure)) throw error;
    return {
      value: '',
      words: [],
      matched: sw.matched,
      unmatched: sw.unmatched,
      error: { message: `failed to process ${goQuote(text)}: ${error.message}` },
    };
  }
}

/** Expands one word (quotes removed, variables substituted), as BuildKit's `ProcessWord`. */
export function processWord(text: string, env: ShellEnv, options: ShellLexOptions = {}): ProcessWordResult {
  return run(text, env, options);
}

/** Expands and splits on unquoted whitespace, as BuildKit's `ProcessWords`. */
export function processWords(text: string, env: ShellEnv, options: ShellLexOptions = {}): ProcessWordResult {
  return run(text, env, options);
}
