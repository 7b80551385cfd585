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
  const words = processWords(line, NO_ENV, MARKER_WORDS).words;
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
