import { programOf } from './command.ts';
import type { Connector, ShellCommand, ShellScript, ShellWord } from './types.ts';

// The first words of every command are tested against the reserved words below: comparing
// with a few constants of the same length is cheaper than hashing each word for a Set.

/** Reserved words that may stand before a command without being the command. */
function isPrefixWord(raw: string): boolean {
  switch (raw.length) {
    case 1:
      return raw === '!' || raw === '{';
    case 2:
      return raw === 'if' || raw === 'do';
    case 4:
      return raw === 'then' || raw === 'elif' || raw === 'else' || raw === 'time';
    case 5:
      return raw === 'while' || raw === 'until';
    default:
      return false;
  }
}

/** Reserved words that close a compound command. */
function isClosingWord(raw: string): boolean {
  switch (raw.length) {
    case 1:
      return raw === '}';
    case 2:
      return raw === 'fi';
    case 4:
      return raw === 'done' || raw === 'esac';
    default:
      return false;
  }
}

// What each ASCII character is to the tokenizer, looked up by char code in its hot loops.
const BLANK = 1;
/** Ends an unquoted word: blanks, newline and the operator characters. */
const WORD_END = 2;
/** Quotes, escapes and expansions: a word holding one is not its own raw text. */
const SPECIAL = 4;
/** May start a redirection (`2>`, `&>`, `<`, `>>`). */
const REDIRECT_START = 8;
const CHAR_CLASS = new Uint8Array(128);
const mark = (chars: string, bits: number) => {
  for (let k = 0; k < chars.length; k++) CHAR_CLASS[chars.charCodeAt(k)]! |= bits;
};
mark(' \t\r\f\v', BLANK | WORD_END);
mark('\n;&|()<>', WORD_END);
mark('\\\'"$`', SPECIAL);
mark('0123456789&<>', REDIRECT_START);
/** Ends a run of plain text inside double quotes: the quote, an escape or an expansion. */
const IN_DOUBLE_QUOTES = 16;
mark('"\\$`', IN_DOUBLE_QUOTES);

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? CHAR_CLASS[code]! : 0;
}

/**
 * The control operator at `i`, or undefined: `&&`, `||`, `;;`, `|&` (bash: pipe stdout and
 * stderr, read as a pipe as ShellCheck does), `;`, `|`, `&`, `(`, `)` or a newline.
 */
function controlOp(text: string, i: number): string | undefined {
  const next = text.charCodeAt(i + 1);
  switch (text.charCodeAt(i)) {
    case 38: // &
      return next === 38 ? '&&' : '&';
    case 124: // |
      return next === 124 ? '||' : next === 38 ? '|&' : '|';
    case 59: // ;
      return next === 59 ? ';;' : ';';
    case 40:
      return '(';
    case 41:
      return ')';
    case 10:
      return '\n';
    default:
      return undefined;
  }
}

/** Finds the end of `$(...)`, `${...}` or a backtick substitution starting at `i` (on `$` or `` ` ``). */
function skipSubstitution(text: string, i: number): number {
  if (text[i] === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, text.length);
  }
  const open = text[i + 1]!;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === "'" && open === '(') {
      const q = text.indexOf("'", j + 1);
      j = q < 0 ? text.length : q + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return text.length;
}

/**
 * The length of the redirection operator at `i` (with its file descriptor or `&` before it), or
 * 0: what `/^(?:\d*|&)(?:>>|>&|>\||<<-?|<&|<>|>|<)/` matches in the next 6 characters. Read by
 * char code, without cutting the text: every word that starts with a digit comes here.
 */
export function redirectionAt(text: string, i: number): number {
  const limit = Math.min(text.length, i + 6);
  let j = i;
  if (text.charCodeAt(i) === 38 /* & */) j++;
  else while (j < limit && isDigit(text.charCodeAt(j))) j++;
  if (j >= limit) return 0;
  const op = text.charCodeAt(j);
  const next = j + 1 < limit ? text.charCodeAt(j + 1) : -1;
  let length: number;
  if (op === 62 /* > */) length = next === 62 || next === 38 || next === 124 /* > & | */ ? 2 : 1;
  else if (op === 60 /* < */) {
    if (next === 60) length = j + 2 < limit && text.charCodeAt(j + 2) === 45 /* - */ ? 3 : 2;
    else length = next === 38 || next === 62 ? 2 : 1;
  } else return 0;
  return j - i + length;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** What Tokens.next() found. */
const END = 0;
const WORD = 1;
const OP = 2;
const REDIRECT = 3;
type TokenKind = typeof END | typeof WORD | typeof OP | typeof REDIRECT;

/**
 * Reads a script one token at a time: a word, a control operator or a redirection. A cursor,
 * not a list of token objects: every RUN of a Dockerfile goes through it on each lint.
 */
class Tokens {
  private readonly text: string;
  private i = 0;
  /** The operator or redirection just read (`&&`, `\n`, `2>&1`...). */
  op = '';
  /** The word just read. */
  word: ShellWord | null = null;
  /** Whether the word just read may hold a command substitution (`$(...)` or backticks). */
  mayHoldSubstitution = false;

  constructor(text: string) {
    this.text = text;
  }

  next(): TokenKind {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = classAt(text, i);
      if (cls & BLANK) {
        i++;
        continue;
      }
      if (c === 92 /* \\ */ && text.charCodeAt(i + 1) === 10) {
        i += 2;
        continue;
      }
      if (c === 35 /* # */) {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol;
        continue;
      }
      // bash's `&>file` and `&>>file` redirect stdout and stderr; they are not `&` (background).
      const both = c === 38 /* & */ && text.charCodeAt(i + 1) === 62;
      const op = both ? undefined : controlOp(text, i);
      if (op) {
        this.op = op;
        this.i = i + op.length;
        return OP;
      }
      // Redirections, with an optional file descriptor before them: 2>&1, >>log, &>/dev/null, <in.
      const redirect = cls & REDIRECT_START ? redirectionAt(text, i) : 0;
      if (redirect > 0) {
        this.op = text.slice(i, i + redirect);
        this.i = i + redirect;
        return REDIRECT;
      }
      this.i = this.readWord(i);
      return WORD;
    }
    this.i = i;
    return END;
  }

  /** Reads the word starting at `from` (up to an unquoted blank or operator); returns where it ends. */
  private readWord(from: number): number {
    const text = this.text;
    const n = text.length;
    // Most words are ordinary characters only: such a word is its own raw text, cut once.
    let i = from;
    while (i < n && !(classAt(text, i) & (WORD_END | SPECIAL))) i++;
    if (i >= n || classAt(text, i) & WORD_END) {
      const raw = text.slice(from, i);
      this.word = { value: raw, raw, start: from, end: i, dynamic: false };
      this.mayHoldSubstitution = false;
      return i;
    }
    let value = text.slice(from, i);
    // Past the ordinary characters: the word holds a quote, an escape or an expansion.
    let dynamic = false;
    while (i < n && !(classAt(text, i) & WORD_END)) {
      const ch = text[i]!;
      if (ch === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 < n) value += text[i + 1];
        i += 2;
        continue;
      }
      if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        value += text.slice(i + 1, end);
        dynamic = true;
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        dynamic = true;
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1]!)) {
            if (text[i + 1] !== '\n') value += text[i + 1];
            i += 2;
          } else if ((text[i] === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) || text[i] === '`') {
            const end = skipSubstitution(text, i);
            value += text.slice(i, end);
            i = end;
          } else {
            // A run of characters with no meaning inside double quotes is copied at once.
            let j = i + 1;
            while (j < n && !(classAt(text, j) & IN_DOUBLE_QUOTES)) j++;
            value += j === i + 1 ? text[i] : text.slice(i, j);
            i = j;
          }
        }
        i++;
        continue;
      }
      if ((ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) || ch === '`') {
        const end = skipSubstitution(text, i);
        value += text.slice(i, end);
        dynamic = true;
        i = end;
        continue;
      }
      if (ch === '$') {
        dynamic = true;
        value += ch;
        i++;
        continue;
      }
      // A run of ordinary characters is copied at once rather than one by one.
      let j = i + 1;
      while (j < n && !(classAt(text, j) & (WORD_END | SPECIAL))) j++;
      value += j === i + 1 ? ch : text.slice(i, j);
      i = j;
    }
    i = Math.min(i, n);
    const raw = text.slice(from, i);
    this.word = { value, raw, start: from, end: i, dynamic };
    this.mayHoldSubstitution = raw.includes('$(') || raw.includes('`');
    return i;
  }
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

const NO_SUBSTITUTIONS: readonly { text: string; offset: number }[] = Object.freeze([]);
/** Shared by the commands that have no assignment, or no redirection: never written to. */
const NO_WORDS: readonly ShellWord[] = Object.freeze([]);
const NO_REDIRECTS: readonly Redirect[] = Object.freeze([]);

/** A redirection of a command, its target filled in when the next word is read. */
type Redirect = { op: string; target: ShellWord | null };

/** The command substitutions inside a word (`$(...)` and backticks), as nested scripts. */
function substitutions(word: ShellWord): readonly { text: string; offset: number }[] {
  const raw = word.raw;
  // Most words hold no substitution at all: no list, no scan.
  if (!raw.includes('$(') && !raw.includes('`')) return NO_SUBSTITUTIONS;
  const found: { text: string; offset: number }[] = [];
  let inSingle = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && !inSingle) {
      i++;
      continue;
    }
    if (c === "'") inSingle = !inSingle;
    if (inSingle) continue;
    if ((c === '$' && raw[i + 1] === '(' && raw[i + 2] !== '(') || c === '`') {
      const end = skipSubstitution(raw, i);
      const open = c === '`' ? 1 : 2;
      found.push({ text: raw.slice(i + open, end - 1), offset: word.start + i + open });
      i = end - 1;
    }
  }
  return found;
}

/** Adds the commands of `text` to `out`; true when some of them are nested in a substitution. */
function build(text: string, offset: number, depth: number, out: ShellCommand[]): boolean {
  let nested = false;
  const tokens = new Tokens(text);
  let connector: Connector = 'start';
  let words: ShellWord[] = [];
  // How many of `words` may hold a command substitution: most commands have none to look for.
  let substituting = 0;
  // Listed only for a command that has any.
  let redirects: Redirect[] | null = null;
  let pendingRedirect: Redirect | null = null;
  let forHeader = false;
  // Inside `case ... in`, words up to `)` are a pattern, not a command.
  let casePattern = false;
  let caseDepth = 0;

  const atOffset = (w: ShellWord): ShellWord => (offset === 0 ? w : { ...w, start: w.start + offset, end: w.end + offset });

  const flush = (next: Connector) => {
    let k = 0;
    while (k < words.length && isPrefixWord(words[k]!.raw)) k++;
    const firstAssignment = k;
    while (k < words.length && words[k]!.raw.includes('=') && ASSIGNMENT.test(words[k]!.raw)) k++;
    if (k < words.length && !isClosingWord(words[k]!.raw)) {
      const nameWord = words[k]!;
      const assignments = k === firstAssignment ? NO_WORDS : words.slice(firstAssignment, k);
      out.push({
        name: nameWord.value,
        program: programOf(nameWord.value),
        nameWord,
        args: words.slice(k + 1),
        assignments,
        redirects: redirects ?? NO_REDIRECTS,
        connector,
        start: (assignments[0] ?? nameWord).start,
        end: words.at(-1)!.end,
        depth,
      });
    }
    if (substituting > 0) {
      for (const w of words) {
        for (const sub of substitutions(w)) {
          build(sub.text, sub.offset, depth + 1, out);
          nested = true;
        }
      }
    }
    words = [];
    substituting = 0;
    redirects = null;
    pendingRedirect = null;
    connector = next;
  };

  for (let kind = tokens.next(); kind !== END; kind = tokens.next()) {
    if (kind === REDIRECT) {
      // The target of a redirection is a file name (or descriptor), not an argument.
      pendingRedirect = { op: tokens.op, target: null };
      (redirects ??= []).push(pendingRedirect);
      continue;
    }
    if (kind === OP) {
      const op = tokens.op;
      if (casePattern) {
        if (op === ')') casePattern = false;
        continue;
      }
      if (forHeader) {
        if (op === ';' || op === '\n') forHeader = false;
        continue;
      }
      if (op === ';;') {
        flush(';');
        casePattern = caseDepth > 0;
        continue;
      }
      if (op === '(' || op === ')') {
        flush(connector);
        continue;
      }
      flush(op === '\n' ? 'newline' : op === '|&' ? '|' : (op as Connector));
      continue;
    }
    const word = atOffset(tokens.word!);
    if (pendingRedirect) {
      pendingRedirect.target = word;
      pendingRedirect = null;
      continue;
    }
    if (forHeader) continue;
    if (casePattern) {
      if (word.raw === 'esac') {
        casePattern = false;
        caseDepth--;
      }
      continue;
    }
    if (words.length === 0 && (word.raw === 'for' || word.raw === 'select')) {
      forHeader = true;
      continue;
    }
    if (words.length === 0 && word.raw === 'case') {
      // Skip `case WORD in`; the first pattern follows.
      caseDepth++;
      casePattern = true;
      continue;
    }
    if (words.length === 0 && word.raw === 'esac') {
      caseDepth--;
      continue;
    }
    if (words.length === 0 && isClosingWord(word.raw)) continue;
    words.push(word);
    if (tokens.mayHoldSubstitution) substituting++;
  }
  flush('start');
  return nested;
}

/** Splits a shell script (a RUN command or a heredoc body) into the commands it runs. */
export function parseShellScript(text: string): ShellScript {
  const commands: ShellCommand[] = [];
  // Commands inside `$(...)` are listed after the command that holds them: put them in text order.
  if (build(text, 0, 0, commands)) commands.sort((a, b) => a.start - b.start);
  return { text, commands };
}
