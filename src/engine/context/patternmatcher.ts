/**
 * A port of moby/patternmatcher, the matcher behind `.dockerignore` in Docker and BuildKit.
 *
 * Each pattern is trimmed and `filepath.Clean`ed, a leading '!' makes it an exception, and it is
 * checked with Go's `filepath.Match(pattern, ".")` so that malformed ones are refused up front.
 * On first use it is compiled: a pattern without wildcards compares for equality, `dir/**`
 * by prefix, `**` followed by plain text by suffix, and anything else becomes a Go regexp
 * (`*` is `[^/]*`, `?` is `[^/]`, `**` is any run of whole directories (or anything, at the end), classes and `\`
 * escapes pass through to Go's regexp syntax). A pattern Go's regexp parser refuses, such as
 * `[z-a]`, is accepted by New and fails every time it is used, as in Go.
 *
 * Paths are '/'-separated and relative to the context root. Results mirror Go's `(bool, error)`
 * pairs: nothing here throws.
 */
import { ERR_BAD_PATTERN, isBadFilepathPattern } from './go-filepath-match.ts';
import { goClean, goDir } from './go-path.ts';
import { compileGoRegexp } from './go-regexp.ts';
import { goTrimSpace } from '../parse/go-text.ts';

export { ERR_BAD_PATTERN };

/** What New reports for a pattern that is only "!". */
export const ERR_ILLEGAL_EXCLUSION = 'illegal exclusion pattern: "!"';

export interface MatchResult {
  matched: boolean;
  /** Go's error text ("syntax error in pattern"), or null. When set, `matched` is false. */
  error: string | null;
  /** With an error from matching: the index of the pattern that failed (Go does not say). */
  pattern?: number;
}

/** How a compiled pattern is tested, named after patternmatcher's match types. */
export type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

type Compiled = { type: MatchType; goRegexp: string | null; regexp: RegExp | null } | { type: null; goRegexp: string; regexp: null };

/**
 * The characters patternmatcher actually escapes. It means to escape `.+()|{}$`, but its
 * bitmap is an [8]byte indexed by `1 << (b / 8)`, which overflows to 0 for every byte from 64
 * up: '|', '{' and '}' reach Go's regexp parser raw, as alternation and `{n,m}` repetition.
 */
const REGEXP_ONLY_META = '.+()$';

const BAD: MatchResult = { matched: false, error: ERR_BAD_PATTERN };
const YES: MatchResult = { matched: true, error: null };
const NO: MatchResult = { matched: false, error: null };

/** One cleaned pattern. Compiled lazily, like Go's, so a broken regexp only fails when used. */
export class Pattern {
  /** The cleaned pattern without its '!' (Go's `Pattern.String()`). */
  readonly cleaned: string;
  /** An exception ('!'): it re-includes what earlier patterns matched. */
  readonly exclusion: boolean;
  /** The pattern's '/'-separated parts; the deprecated `matches` compares that many parent parts. */
  readonly dirs: readonly string[];
  private compiled: Compiled | undefined;

  constructor(cleaned: string, exclusion: boolean) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    this.dirs = cleaned.split('/');
  }

  toString(): string {
    return this.cleaned;
  }

  /** The match type, or null when the Go regexp does not compile. */
  get matchType(): MatchType | null {
    return this.compile().type;
  }

  /** The Go regexp the pattern compiles to (null for exact, prefix and suffix matches). */
  get goRegexp(): string | null {
    const compiled = this.compile();
    return compiled.type === 'regexp' || compiled.type === null ? compiled.goRegexp : null;
  }

  /** Tests a whole path against this one pattern, without parent directories or exceptions. */
  match(path: string): MatchResult {
    const compiled = this.compile();
    switch (compiled.type) {
      case 'exact':
        return path === this.cleaned ? YES : NO;
      case 'prefix':
        // The pattern without its trailing "**".
        return path.startsWith(this.cleaned.slice(0, -2)) ? YES : NO;
      case 'suffix': {
        // The pattern without its leading "**"; "**/foo" also matches "foo" itself.
        const suffix = this.cleaned.slice(2);
        if (path.endsWith(suffix)) return YES;
        return suffix.startsWith('/') && path === suffix.slice(1) ? YES : NO;
      }
      case 'regexp':
        return compiled.regexp!.test(path) ? YES : NO;
      case null:
        return BAD;
    }
  }

  private compile(): Compiled {
    if (this.compiled) return this.compiled;
    const { type, goRegexp } = translate(this.cleaned);
    if (type !== 'regexp') return (this.compiled = { type, goRegexp: null, regexp: null });
    const re = compileGoRegexp(goRegexp);
    this.compiled = re.error === null ? { type, goRegexp, regexp: re.regexp } : { type: null, goRegexp, regexp: null };
    return this.compiled;
  }
}

/**
 * patternmatcher's `compile`: the match type, and the Go regexp text. The type starts as an
 * exact match and is upgraded by what the pattern contains; only the final type counts.
 */
function translate(pattern: string): { type: MatchType; goRegexp: string } {
  let re = '^';
  let type: MatchType = 'exact';
  const chars = Array.from(pattern);
  // Go reads the pattern with text/scanner, which drops a byte order mark at the very start.
  let k = chars[0] === '\uFEFF' ? 1 : 0;
  for (let i = 0; k < chars.length; i++) {
    const ch = chars[k++]!;
    if (ch === '*') {
      if (chars[k] === '*') {
        k++;
        // "**/" is treated as "**".
        if (chars[k] === '/') k++;
        if (k === chars.length) {
          // A final "**" accepts everything below, as in .gitignore.
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          // Any number of whole directories, including none.
          re += '(.*/)?';
          type = 'regexp';
        }
        // A leading "**" makes a suffix match, unless a later wildcard turns it into a regexp.
        if (i === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (REGEXP_ONLY_META.includes(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      // The next character, escaped; a trailing backslash stays (New has refused it already).
      if (k < chars.length) {
        re += `\\${chars[k++]}`;
        type = 'regexp';
      } else {
        re += '\\';
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else {
      re += ch;
    }
  }
  return { type, goRegexp: type === 'regexp' ? `${re}$` : re };
}

/** What `matchesUsingParentResults` remembers about a directory for its children. */
export interface MatchInfo {
  /** For each pattern, whether it matched the directory (or one of its parents). */
  readonly parentMatched: readonly boolean[];
}

/** The zero MatchInfo: nothing known about the parents, so they are checked one by one. */
export const NO_MATCH_INFO: MatchInfo = { parentMatched: [] };

export type NewPatternMatcherResult =
  | { matcher: PatternMatcher; error: null }
  /** `index` is the position in the input list of the pattern New refused. */
  | { matcher: null; error: string; index: number };

/**
 * Go's `patternmatcher.New`: cleans and checks every pattern; empty ones are skipped, the first
 * malformed one fails the whole list.
 */
export function newPatternMatcher(patterns: readonly string[]): NewPatternMatcherResult {
  const out: Pattern[] = [];
  for (let index = 0; index < patterns.length; index++) {
    const parsed = parsePattern(patterns[index]!);
    if (parsed === null) continue;
    if (typeof parsed === 'string') return { matcher: null, error: parsed, index };
    out.push(parsed);
  }
  return { matcher: new PatternMatcher(out), error: null };
}

/** One entry of New: null when empty, the error text when refused. */
export function parsePattern(raw: string): Pattern | string | null {
  let p = goTrimSpace(raw);
  if (p === '') return null;
  p = goClean(p);
  let exclusion = false;
  if (p[0] === '!') {
    if (p.length === 1) return ERR_ILLEGAL_EXCLUSION;
    exclusion = true;
    p = p.slice(1);
  }
  if (isBadFilepathPattern(p)) return ERR_BAD_PATTERN;
  return new Pattern(p, exclusion);
}

/**
 * A list of patterns where the last one that applies wins. Inclusions are only tried while the
 * path is not matched, exceptions only while it is.
 */
export class PatternMatcher {
  readonly patterns: readonly Pattern[];
  /** Whether any pattern is an exception (Go's `Exclusions()`). */
  readonly exclusions: boolean;

  constructor(patterns: readonly Pattern[]) {
    this.patterns = patterns;
    this.exclusions = patterns.some((p) => p.exclusion);
  }

  /**
   * Deprecated in Go, kept for its callers (the classic builder's Dockerfile check): a pattern
   * that does not match the path is tried on the parent prefix with as many parts as it has.
   */
  matches(file: string): MatchResult {
    let matched = false;
    const parentPath = goDir(file);
    const parentPathDirs = parentPath.split('/');
    for (let index = 0; index < this.patterns.length; index++) {
      const pattern = this.patterns[index]!;
      if (pattern.exclusion !== matched) continue;
      const result = pattern.match(file);
      if (result.error) return { ...result, pattern: index };
      let match = result.matched;
      if (!match && parentPath !== '.' && pattern.dirs.length <= parentPathDirs.length) {
        match = pattern.match(parentPathDirs.slice(0, pattern.dirs.length).join('/')).matched;
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched ? YES : NO;
  }

  /** The path itself must match: no parent directory is tried. */
  matchesExact(file: string): MatchResult {
    let matched = false;
    for (let index = 0; index < this.patterns.length; index++) {
      const pattern = this.patterns[index]!;
      if (pattern.exclusion !== matched) continue;
      const result = pattern.match(file);
      if (result.error) return { ...result, pattern: index };
      if (result.matched) matched = !pattern.exclusion;
    }
    return matched ? YES : NO;
  }

  /**
   * What BuildKit asks about a path: does a pattern match it or any of its parent directories
   * ("a", "a/b" for "a/b/c")? Errors from the parents are ignored, as in Go.
   */
  matchesOrParentMatches(file: string): MatchResult {
    let matched = false;
    const parentPath = goDir(file);
    const parentPathDirs = parentPath.split('/');
    for (let index = 0; index < this.patterns.length; index++) {
      const pattern = this.patterns[index]!;
      if (pattern.exclusion !== matched) continue;
      const result = pattern.match(file);
      if (result.error) return { ...result, pattern: index };
      let match = result.matched;
      if (!match && parentPath !== '.') {
        for (let i = 0; i < parentPathDirs.length && !match; i++) {
          match = pattern.match(parentPathDirs.slice(0, i + 1).join('/')).matched;
        }
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched ? YES : NO;
  }

  /** Deprecated in Go (buildx#850): only the parent's overall result is carried down. */
  matchesUsingParentResult(file: string, parentMatched: boolean): MatchResult {
    let matched = parentMatched;
    for (let index = 0; index < this.patterns.length; index++) {
      const pattern = this.patterns[index]!;
      if (pattern.exclusion !== matched) continue;
      const result = pattern.match(file);
      if (result.error) return { ...result, pattern: index };
      if (result.matched) matched = !pattern.exclusion;
    }
    return matched ? YES : NO;
  }

  /**
   * What BuildKit's file walker (fsutil) uses: the caller passes the directory's MatchInfo so
   * that a pattern which matched a parent counts as matching without being tried again, even
   * where the in-order rule would have skipped it. With NO_MATCH_INFO it checks the parents.
   */
  matchesUsingParentResults(file: string, parent: MatchInfo): MatchResult & { info: MatchInfo } {
    const parentMatched = parent.parentMatched;
    if (parentMatched.length !== 0 && parentMatched.length !== this.patterns.length) {
      return { matched: false, info: NO_MATCH_INFO, error: 'wrong number of values in parentMatched' };
    }
    let matched = false;
    const info: boolean[] = new Array<boolean>(this.patterns.length).fill(false);
    for (let i = 0; i < this.patterns.length; i++) {
      const pattern = this.patterns[i]!;
      let match = parentMatched.length !== 0 ? parentMatched[i]! : false;
      if (!match) {
        if (pattern.exclusion !== matched) continue;
        const result = pattern.match(file);
        if (result.error) return { matched: false, info: { parentMatched: info }, error: result.error, pattern: i };
        match = result.matched;
        if (!match && parentMatched.length === 0) {
          const parentPath = goDir(file);
          if (parentPath !== '.') {
            const dirs = parentPath.split('/');
            for (let j = 0; j < dirs.length && !match; j++) match = pattern.match(dirs.slice(0, j + 1).join('/')).matched;
          }
        }
      }
      info[i] = match;
      if (match) matched = !pattern.exclusion;
    }
    return { matched, info: { parentMatched: info }, error: null };
  }
}

/** Go's package-level `Matches(file, patterns)`: New, then the deprecated method on the cleaned path. */
export function matches(file: string, patterns: readonly string[]): MatchResult {
  const pm = newPatternMatcher(patterns);
  if (pm.error !== null) return { matched: false, error: pm.error };
  const cleaned = goClean(file);
  // "Don't let them exclude everything": the context root itself never matches.
  if (cleaned === '.') return NO;
  return pm.matcher.matches(cleaned);
}

/** Go's package-level `MatchesOrParentMatches(file, patterns)`. */
export function matchesOrParentMatches(file: string, patterns: readonly string[]): MatchResult {
  const pm = newPatternMatcher(patterns);
  if (pm.error !== null) return { matched: false, error: pm.error };
  const cleaned = goClean(file);
  if (cleaned === '.') return NO;
  return pm.matcher.matchesOrParentMatches(cleaned);
}
