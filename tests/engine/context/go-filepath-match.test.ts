import { describe, expect, it } from 'vitest';
import { ERR_BAD_PATTERN, filepathMatch } from '../../../src/engine/context/index.ts';

const yes = { matched: true, error: null };
const no = { matched: false, error: null };
const bad = { matched: false, error: ERR_BAD_PATTERN };

describe("Go's filepath.Match", () => {
  it.each([
    ['abc', 'abc', yes],
    ['*', 'abc', yes],
    ['*', 'a/b', no],
    ['a*', 'a/b', no],
    ['a/*/c', 'a/b/c', yes],
    ['?', '/', no],
    ['?', '☺', yes],
    ['a???b', 'a☺b', no],
    ['*x', 'xxx', yes],
  ])('* and ? stay within one path segment: %s ~ %s', (pattern, name, expected) => {
    expect(filepathMatch(pattern, name)).toEqual(expected);
  });

  it.each([
    ['ab[c]', 'abc', yes],
    ['ab[b-d]', 'abc', yes],
    ['ab[e-g]', 'abc', no],
    ['[a-ζ]*', 'α', yes],
    ['[z-a]', 'm', no],
    ['[\\a-\\c]', 'b', yes],
  ])('classes and ranges: %s ~ %s', (pattern, name, expected) => {
    expect(filepathMatch(pattern, name)).toEqual(expected);
  });

  it('negates a class with ^ only; ! is an ordinary character', () => {
    expect(filepathMatch('[^a]', 'b')).toEqual(yes);
    expect(filepathMatch('ab[^c]', 'abc')).toEqual(no);
    expect(filepathMatch('[!a]', '!')).toEqual(yes);
    expect(filepathMatch('[!a]', 'b')).toEqual(no);
  });

  it.each([
    ['a\\*b', 'a*b', yes],
    ['a\\*b', 'ab', no],
    ['[\\]a]', ']', yes],
    ['[\\-]', '-', yes],
    ['[x\\-]', '-', yes],
    ['a\\\\', 'a\\', yes],
  ])('escapes with a backslash: %s ~ %s', (pattern, name, expected) => {
    expect(filepathMatch(pattern, name)).toEqual(expected);
  });

  it.each(['[', '[^', '[^bc', 'a[', '[]a]', '[]', '[-]', '[x-]', '[-x]', '[a-b-c]', '[a-', '\\', 'a\\'])(
    'refuses the malformed pattern %s',
    (pattern) => {
      expect(filepathMatch(pattern, 'a')).toEqual(bad);
      expect(filepathMatch(pattern, '.')).toEqual(bad);
    },
  );

  it('checks the rest of the chunk even after the name stopped matching (Go 1.16 and later)', () => {
    expect(filepathMatch('x[', 'y')).toEqual(bad);
    expect(filepathMatch('a*b[', 'a')).toEqual(bad);
    expect(filepathMatch('x*[', 'x')).toEqual(bad);
    expect(filepathMatch('x', 'y[')).toEqual(no);
  });

  // Results of Go 1.19's filepath.Match, run for real; Go 1.23's source is the same here. Only
  // `path.Match` goes on to check the chunks after the one that failed.
  it('does not check the chunks after the one that failed, unlike path.Match', () => {
    expect(filepathMatch('x*[', 'y')).toEqual(no);
    expect(filepathMatch('a*\\', 'b')).toEqual(no);
    expect(filepathMatch('y*[', '.')).toEqual(no);
    expect(filepathMatch('a/b*[', '.')).toEqual(no);
    expect(filepathMatch('*.md/**[]a]', '.')).toEqual(no);
    expect(filepathMatch('.*[', '.')).toEqual(bad);
  });

  it('walks the name as UTF-8 bytes, as Go does', () => {
    // The star may stop inside 'é' (C3 A9); the lone A9 byte decodes to U+FFFD, which is not 'é'.
    expect(filepathMatch('*[^é]', 'é')).toEqual(yes);
    expect(filepathMatch('[^é]', 'é')).toEqual(no);
  });
});
