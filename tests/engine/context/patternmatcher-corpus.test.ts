/**
 * moby/patternmatcher's own test tables (transcribed in ../shared/corpus/dockerignore-cases.json)
 * run against the port. Skips when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ERR_BAD_PATTERN,
  goDir,
  matches,
  matchesOrParentMatches,
  newPatternMatcher,
  NO_MATCH_INFO,
  readIgnorePatterns,
  type PatternMatcher,
} from '../../../src/engine/context/index.ts';
import { shared } from '../../support/shared.ts';

const corpus = shared('corpus/dockerignore-cases.json');

interface SingleCase {
  pattern: string;
  path: string;
  expected: boolean;
}
interface MultiCase {
  patterns: string[];
  path: string;
  expected: boolean;
}
interface FilepathCase extends SingleCase {
  error: string | null;
}
interface CompileCase {
  pattern: string;
  matchType: string;
  regexp: string | null;
}
interface NamedCase extends MultiCase {
  test: string;
  error?: string;
  note?: string;
}
interface CleanCase {
  test: string;
  patterns: string[];
  expectedPatternCount?: number;
  expectedExclusions?: boolean;
  error?: string;
}
interface Corpus {
  singlePattern: { cases: SingleCase[] };
  multiPattern: { cases: MultiCase[] };
  filepathMatchDerived: { cases: FilepathCase[] };
  compile: { cases: CompileCase[] };
  namedTests: NamedCase[];
  cleanPatterns: CleanCase[];
  ignorefileReadAll: { input: string; expected: string[] };
}

const data: Corpus | null = corpus.exists ? (JSON.parse(readFileSync(corpus.path, 'utf8')) as Corpus) : null;

/** Go's error values as the corpus names them. */
function goError(error: string | null): string | null {
  return error === 'ErrBadPattern' ? ERR_BAD_PATTERN : error;
}

function matcher(patterns: string[]): PatternMatcher {
  const built = newPatternMatcher(patterns);
  expect(built.error).toBeNull();
  return built.matcher!;
}

/** Go's test loop for the deprecated MatchesUsingParentResult: carry the result down the parents. */
function parentResultMatches(pm: PatternMatcher, path: string): boolean {
  const parentPath = goDir(path);
  let parentMatched = false;
  if (parentPath !== '.') {
    const dirs = parentPath.split('/');
    for (let i = 0; i < dirs.length; i++) parentMatched = pm.matchesUsingParentResult(dirs.slice(0, i + 1).join('/'), parentMatched).matched;
  }
  return pm.matchesUsingParentResult(path, parentMatched).matched;
}

/** Go's test loop for MatchesUsingParentResults (and BuildKit's walker): MatchInfo down the parents. */
function parentInfoMatches(pm: PatternMatcher, path: string): boolean {
  const parentPath = goDir(path);
  let info = NO_MATCH_INFO;
  if (parentPath !== '.') {
    const dirs = parentPath.split('/');
    for (let i = 0; i < dirs.length; i++) info = pm.matchesUsingParentResults(dirs.slice(0, i + 1).join('/'), info).info;
  }
  return pm.matchesUsingParentResults(path, info).matched;
}

describe.skipIf(!data)('moby/patternmatcher corpus', () => {
  const c = data!;

  describe('single patterns: MatchesOrParentMatches and MatchesUsingParentResult(s) agree', () => {
    it.each(c?.singlePattern.cases ?? [])('$pattern ~ $path → $expected', ({ pattern, path, expected }) => {
      const pm = matcher([pattern]);
      expect(pm.matchesOrParentMatches(path)).toEqual({ matched: expected, error: null });
      expect(parentResultMatches(pm, path)).toBe(expected);
      expect(parentInfoMatches(pm, path)).toBe(expected);
      // Without parent information, MatchesUsingParentResults checks the parents itself.
      expect(pm.matchesUsingParentResults(path, NO_MATCH_INFO).matched).toBe(expected);
    });
  });

  describe('several patterns: MatchesOrParentMatches', () => {
    it.each(c?.multiPattern.cases ?? [])('$patterns ~ $path → $expected', ({ patterns, path, expected }) => {
      const pm = matcher(patterns);
      expect(pm.matchesOrParentMatches(path).matched).toBe(expected);
      expect(parentInfoMatches(pm, path)).toBe(expected);
    });
  });

  describe('filepath.Match table through the deprecated Matches', () => {
    it.each(c?.filepathMatchDerived.cases ?? [])('$pattern ~ $path → $expected ($error)', ({ pattern, path, expected, error }) => {
      expect(matches(path, [pattern])).toEqual({ matched: expected, error: goError(error) });
    });
  });

  describe('compiled match types and regexps', () => {
    it.each(c?.compile.cases ?? [])('$pattern is a $matchType', ({ pattern, matchType, regexp }) => {
      const p = matcher([pattern]).patterns[0]!;
      expect(`${p.matchType}Match`).toBe(matchType);
      expect(p.goRegexp).toBe(regexp);
    });
  });

  describe('named tests', () => {
    it.each(c?.namedTests ?? [])('$test', ({ patterns, path, expected, error, note }) => {
      if (note?.includes('API MatchesOrParentMatches')) {
        // New accepts it; every match then fails, without any state kept between calls.
        const pm = matcher(patterns);
        for (let i = 0; i < 2; i++) expect(pm.matchesOrParentMatches(path)).toMatchObject({ matched: expected, error: goError(error ?? null) });
        return;
      }
      expect(matches(path, patterns)).toEqual({ matched: expected, error: goError(error ?? null) });
      expect(matchesOrParentMatches(path, patterns).error).toBe(goError(error ?? null));
    });
  });

  describe('New cleans patterns', () => {
    it.each(c?.cleanPatterns ?? [])('$test', ({ patterns, expectedPatternCount, expectedExclusions, error }) => {
      const built = newPatternMatcher(patterns);
      if (error !== undefined) {
        expect(built.error).toBe(error);
        return;
      }
      if (expectedPatternCount !== undefined) expect(built.matcher!.patterns).toHaveLength(expectedPatternCount);
      if (expectedExclusions !== undefined) expect(built.matcher!.exclusions).toBe(expectedExclusions);
    });
  });

  it('reads an ignore file as ignorefile.ReadAll does', () => {
    expect(readIgnorePatterns(c.ignorefileReadAll.input)).toEqual(c.ignorefileReadAll.expected);
  });
});
