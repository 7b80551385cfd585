import { isGoSpace } from './go-text.ts';
import { processWords, type ShellLexOptions } from './shell/lex.ts';

/** A heredoc marker found on an instruction line; its body is read from the lines that follow. */
export interface HeredocMarker {
  name: string;
  fileDescriptor: number;
  expand: boolean;
  chomp: boolean;
}

const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const NO_ENV = new Map<string, string>();
const MARKER_WORDS: ShellLexOptions = { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true };
/**
 * What makes the shell lexer do more than split words on spaces: quotes, the escape, `$`, and a
 * byte-order mark (which it drops at the start). Text without them is split here directly.
 */
const LEXER_SPECIAL = /['"\\$\ufeff]/;

export class HeredocError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/**
 * BuildKit's `ParseHeredoc`: is this one word a heredoc marker (`<<EOF`, `3<<-'EOF'`, ...)?
 * Whether the body expands variables is decided as BuildKit does: the delimiter is lexed with
 * and without raw quotes, and any quote that only the raw pass keeps means it was quoted.
 * Throws `HeredocError` for a delimiter the shell lexer cannot read (an unterminated quote).
 */
export function parseHeredocMarker(word: string): HeredocMarker | null {
  // Nearly every word is not a marker; `includes` answers that faster than the expression.
  if (!word.includes('<<')) return null;
  const match = HEREDOC.exec(word);
  if (!match) return null;
  const rest = match[3]!;
  if (rest === '') return null;
  if (!LEXER_SPECIAL.test(rest)) {
    // Nothing to unquote or expand: the delimiter is the one word, and the body expands.
    const words = plainWords(rest);
    if (words.length !== 1) return null;
    return { name: words[0]!, fileDescriptor: match[1] ? Number.parseInt(match[1], 10) : 0, expand: true, chomp: match[2] === '-' };
  }
  const cooked = processWords(rest, NO_ENV, { skipUnsetEnv: true });
  if (cooked.error) throw new HeredocError(cooked.error.message);
  if (cooked.words.length !== 1) return null;
  const raw = processWords(rest, NO_ENV, { skipUnsetEnv: true, rawQuotes: true });
  if (raw.error) throw new HeredocError(raw.error.message);
  if (raw.words.length !== cooked.words.length) {
    throw new HeredocError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const name = cooked.words[0]!;
  return {
    name,
    fileDescriptor: match[1] ? Number.parseInt(match[1], 10) : 0,
    expand: countQuotes(name) === countQuotes(raw.words[0]!),
    chomp: match[2] === '-',
  };
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === "'" || s[i] === '"') n++;
  return n;
}

/** BuildKit's `heredocsFromLine`: every heredoc marker among the words of an instruction line. */
export function heredocsFromLine(line: string): HeredocMarker[] {
  // BuildKit ignores lexing errors here: a line it cannot split simply has no heredocs.
  const words = LEXER_SPECIAL.test(line) ? processWords(line, NO_ENV, MARKER_WORDS).words : plainWords(line);
  const markers: HeredocMarker[] = [];
  for (const word of words) {
    const marker = parseHeredocMarker(word);
    if (marker) markers.push(marker);
  }
  return markers;
}

/** BuildKit's `ChompHeredocContent`: remove leading tabs from every line (for `<<-`). */
export function chompHeredocContent(content: string): string {
  // Go's (?m)^ starts a line only after '\n'; JavaScript's would also after '\r'.
  return content.replace(/(^|\n)\t+/g, '$1');
}

/**
 * The shell lexer's word split for text with no quote, escape, `$` or byte-order mark: words end
 * at Go spaces, except that `<<` keeps the blanks right after it (`<< EOF` stays one word, so a
 * heredoc marker written that way is still found).
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
      if (c === 0x3c /* < */ && text.charCodeAt(i + 1) === 0x3c) {
        i += 2;
        while (i < n && isHeredocBlank(text.charCodeAt(i))) i++;
        continue;
      }
      if (isGoSpace(c)) break;
      i++;
    }
    words.push(text.slice(start, i));
  }
  return words;
}

/** The blanks `<<` keeps after it in the shell lexer. */
function isHeredocBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
