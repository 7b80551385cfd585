/**
 * Reading an ignore file (`.dockerignore`, `Dockerfile.dockerignore`) the way BuildKit's
 * `ignorefile.ReadAll` does, keeping where each pattern was written so that problems can be
 * reported as FILE:LINE:COLUMN.
 *
 * ReadAll's rules: lines are split on '\n' with one trailing '\r' dropped; a byte order mark is
 * dropped from the first line; a line whose very first character is '#' is a comment (" #x" is a
 * pattern); whitespace around a pattern is trimmed with Go's `strings.TrimSpace`; empty lines are
 * skipped; after a leading '!' the rest is trimmed again; the pattern is `filepath.Clean`ed and
 * one leading '/' removed, so "/a", "./a" and "a/" all mean "a" (patterns are always anchored at
 * the context root).
 */
import { goTrimSpace, skipGoSpace, utf8Length } from '../parse/go-text.ts';
import { goClean } from './go-path.ts';
import { parsePattern } from './patternmatcher.ts';
import type { ContextError, IgnorePattern } from './types.ts';

export interface DockerignoreParse {
  /** Every pattern BuildKit would use, in order. Refused patterns are left out (and in `errors`). */
  patterns: IgnorePattern[];
  errors: ContextError[];
}

/** Go's bufio.Scanner refuses a line (with its '\r', without its '\n') longer than this. */
const MAX_LINE_BYTES = 64 * 1024 - 1;

/** A pattern as ReadAll returns it, before patternmatcher.New has checked it. */
interface ReadPattern {
  pattern: string;
  source: string;
  line: number;
  column: number;
}

/**
 * Go's `ignorefile.ReadAll`: the patterns in order, unchecked (a lone "!" is returned as is), with
 * their positions; `tooLong` is the line that made the scanner give up, if any.
 */
function scan(text: string): { patterns: ReadPattern[]; tooLong: number | null } {
  const patterns: ReadPattern[] = [];
  const lines = text.split('\n');
  // A final newline ends the last line rather than starting an empty one.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (utf8Length(line) > MAX_LINE_BYTES) return { patterns, tooLong: index + 1 };
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) continue;
    const source = goTrimSpace(line);
    if (source === '') continue;
    const invert = source[0] === '!';
    let pattern = invert ? goTrimSpace(source.slice(1)) : source;
    if (pattern.length > 0) {
      pattern = goClean(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    patterns.push({ pattern: invert ? `!${pattern}` : pattern, source, line: index + 1, column: skipGoSpace(line) + 1 });
  }
  return { patterns, tooLong: null };
}

/**
 * Exactly what BuildKit's `ignorefile.ReadAll` returns for `text`: the patterns New will be
 * given, "!" entries included; null when ReadAll fails (a line over 64 KiB).
 */
export function readIgnorePatterns(text: string): string[] | null {
  const { patterns, tooLong } = scan(text);
  return tooLong === null ? patterns.map((p) => p.pattern) : null;
}

/**
 * Parses an ignore file and checks every pattern as patternmatcher.New would (New stops at the
 * first; every problem is reported here). Never throws; `path` only labels the errors.
 */
export function parseDockerignore(text: string, path: string | null = null): DockerignoreParse {
  const { patterns: read, tooLong } = scan(text);
  const patterns: IgnorePattern[] = [];
  const errors: ContextError[] = [];
  for (const { pattern, source, line, column } of read) {
    const checked = parsePattern(pattern);
    if (typeof checked === 'string') {
      errors.push({ path, line, column, message: checked });
      continue;
    }
    // Cleaning can also make an exception: "a/../!b" is "!b".
    const exception = checked ? checked.exclusion : pattern.startsWith('!');
    patterns.push({ pattern, exception, source, line, column, endColumn: column + source.length });
  }
  if (tooLong !== null) {
    // ReadAll fails as a whole, so BuildKit refuses the build; the lines before are kept here.
    errors.push({ path, line: tooLong, column: 1, message: 'bufio.Scanner: token too long (a line over 64 KiB)' });
  }
  return { patterns, errors };
}
