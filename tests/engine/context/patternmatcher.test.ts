import { describe, expect, it } from 'vitest';
import {
  compileGoRegexp,
  ERR_BAD_PATTERN,
  ERR_ILLEGAL_EXCLUSION,
  goClean,
  newPatternMatcher,
  NO_MATCH_INFO,
  type PatternMatcher,
} from '../../../src/engine/context/index.ts';

function pm(...patterns: string[]): PatternMatcher {
  const built = newPatternMatcher(patterns);
  if (built.error !== null) throw new Error(built.error);
  return built.matcher;
}

const excludes = (patterns: string[], path: string) => pm(...patterns).matchesOrParentMatches(path).matched;

/** What BuildKit's walker concludes: MatchInfo handed down from each parent directory. */
function walkerExcludes(patterns: string[], path: string): boolean {
  const m = pm(...patterns);
  const parts = path.split('/');
  let info = NO_MATCH_INFO;
  let matched = false;
  for (let i = 0; i < parts.length; i++) {
    ({ matched, info } = m.matchesUsingParentResults(parts.slice(0, i + 1).join('/'), info));
  }
  return matched;
}

describe('patterns', () => {
  it('are anchored at the context root, unlike .gitignore', () => {
    expect(excludes(['foo'], 'foo')).toBe(true);
    expect(excludes(['foo'], 'a/foo')).toBe(false);
    expect(excludes(['*.log'], 'a.log')).toBe(true);
    expect(excludes(['*.log'], 'logs/a.log')).toBe(false);
  });

  it('exclude everything below a matched directory', () => {
    expect(excludes(['node_modules'], 'node_modules/a/b.js')).toBe(true);
    expect(excludes(['*/temp*'], 'somedir/temporary.txt')).toBe(true);
    expect(excludes(['*/temp*'], 'somedir/temp/x')).toBe(true);
  });

  it('** matches any number of directories, including none', () => {
    expect(excludes(['**/*.go'], 'main.go')).toBe(true);
    expect(excludes(['**/*.go'], 'a/b/c.go')).toBe(true);
    expect(excludes(['a/**/z'], 'a/z')).toBe(true);
    expect(excludes(['a/**/z'], 'a/b/c/z')).toBe(true);
    expect(excludes(['abc/**'], 'abc')).toBe(false);
    expect(excludes(['abc/**'], 'abc/d')).toBe(true);
    expect(excludes(['**'], 'anything/at/all')).toBe(true);
  });

  it('are cleaned: ./a, a/../b, a/, //a//b', () => {
    expect(pm('./a', 'x/../b', 'c/', 'd//e/', '/f').patterns.map(String)).toEqual(['a', 'b', 'c', 'd/e', '/f']);
    expect(goClean('a/b/../../..')).toBe('..');
    expect(goClean('/../a')).toBe('/a');
    expect(goClean('')).toBe('.');
  });

  it('skip empty patterns and refuse a lone "!" or a malformed glob', () => {
    expect(pm('a', '  ', '').patterns).toHaveLength(1);
    expect(newPatternMatcher(['a', '!'])).toEqual({ matcher: null, error: ERR_ILLEGAL_EXCLUSION, index: 1 });
    expect(newPatternMatcher(['[a-'])).toMatchObject({ error: ERR_BAD_PATTERN, index: 0 });
    // Clean turns "!/" into "!".
    expect(newPatternMatcher(['!/']).error).toBe(ERR_ILLEGAL_EXCLUSION);
  });
});

describe('exceptions and order', () => {
  it('an exception brings back what an earlier pattern excluded', () => {
    expect(excludes(['*.md', '!README.md'], 'README.md')).toBe(false);
    expect(excludes(['*.md', '!README.md'], 'CHANGES.md')).toBe(true);
  });

  it('the last matching pattern wins', () => {
    expect(excludes(['!README.md', '*.md'], 'README.md')).toBe(true);
    expect(excludes(['*.md', '!README.md', 'README*'], 'README.md')).toBe(true);
  });

  it('an exception inside an excluded directory brings back that path only', () => {
    expect(excludes(['docs', '!docs/README.md'], 'docs/README.md')).toBe(false);
    expect(excludes(['docs', '!docs/README.md'], 'docs/other.md')).toBe(true);
  });

  it('the walker and MatchesOrParentMatches can disagree, and the walker is what BuildKit uses', () => {
    // "x" is not excluded, "x/y" is; the exception "!x" matches the parent "x" of x/y/z, which
    // MatchesOrParentMatches counts but the walker, carrying "x/y"'s results down, does not.
    expect(excludes(['x/y', '!x'], 'x/y/z')).toBe(false);
    expect(walkerExcludes(['x/y', '!x'], 'x/y/z')).toBe(true);
  });
});

describe('Go regexp details that reach the matcher', () => {
  it("leaves '|', '{' and '}' unescaped, like patternmatcher's overflowing bitmap", () => {
    const m = pm('a|b*');
    expect(m.patterns[0]!.goRegexp).toBe('^a|b[^/]*$');
    // "^a" or "b[^/]*$": anything starting with a, or b without a slash.
    expect(['a', 'ab', 'a/x', 'bcd', 'c'].map((p) => m.matchesOrParentMatches(p).matched)).toEqual([true, true, true, true, false]);
    // Without another wildcard, "{2}" is still an exact match.
    expect(excludes(['x{2}'], 'x{2}')).toBe(true);
    expect(excludes(['x{2}'], 'xx')).toBe(false);
  });

  it('passes classes to Go: POSIX names, Perl escapes, ^ as an anchor', () => {
    expect(excludes(['[[:digit:]]x'], '1x')).toBe(true);
    expect(excludes(['[[:digit:]]x'], ':x')).toBe(false);
    expect(excludes(['\\d'], '1')).toBe(true);
    expect(excludes(['a^b'], 'a^b')).toBe(true); // exact match: no wildcard
    expect(excludes(['a^b*'], 'a^bc')).toBe(false); // regexp: ^ anchors, never matches here
  });

  it('accepts a pattern Go’s regexp refuses, then fails every match with it', () => {
    const m = pm('[z-a]');
    expect(m.matchesOrParentMatches('m')).toEqual({ matched: false, error: ERR_BAD_PATTERN, pattern: 0 });
    expect(m.matchesOrParentMatches('m').error).toBe(ERR_BAD_PATTERN);
    expect(pm('*{2}').matchesOrParentMatches('a').error).toBe(ERR_BAD_PATTERN); // nested repetition
  });

  it('does not evaluate a broken pattern once the path is decided', () => {
    // "a" matched, so the later inclusion pattern is skipped and its error never surfaces.
    expect(pm('a', '[z-a]').matchesOrParentMatches('a')).toEqual({ matched: true, error: null });
  });

  it('matches Go’s regexp semantics where JavaScript differs', () => {
    const dot = compileGoRegexp('^a.b$').regexp!;
    expect(dot.test('a\rb')).toBe(true); // Go's . excludes only \n
    expect(dot.test('a\nb')).toBe(false);
    expect(compileGoRegexp('^[\\d-z]$').regexp!.test('-')).toBe(true); // a literal '-' after \d
    expect(compileGoRegexp('^\\pL$').regexp!.test('é')).toBe(true);
    expect(compileGoRegexp('^\\Qa.b').regexp!.test('a.b$')).toBe(true); // \Q runs to the end
    for (const refused of ['[b-a]', 'a**', '\\8', '\\C', '(', ')', '[[:nope:]]', '\\pX', '*a', 'a{2}{3}']) {
      expect(compileGoRegexp(refused).error, refused).not.toBeNull();
    }
  });
});
