import { describe, expect, it } from 'vitest';
import { parseDockerignore, readIgnorePatterns } from '../../../src/engine/context/index.ts';

describe('reading an ignore file', () => {
  it('skips comments, blank lines, and trims each pattern', () => {
    const text = '# deps\nnode_modules\n\n   \n  *.log  \n\t!keep.log\n';
    expect(readIgnorePatterns(text)).toEqual(['node_modules', '*.log', '!keep.log']);
  });

  it('treats only a # in the first column as a comment', () => {
    expect(readIgnorePatterns(' # not a comment\n#comment')).toEqual(['# not a comment']);
  });

  it('handles CRLF line endings and a byte order mark on the first line', () => {
    expect(readIgnorePatterns('\uFEFF# c\r\na\r\n!b\r\n')).toEqual(['a', '!b']);
    // A BOM on another line is part of the pattern.
    expect(readIgnorePatterns('a\n\uFEFFb')).toEqual(['a', '\uFEFFb']);
    // Only one trailing \r goes; TrimSpace takes the rest.
    expect(readIgnorePatterns('a\r\r\n')).toEqual(['a']);
  });

  it('cleans patterns and drops one leading slash', () => {
    expect(readIgnorePatterns('/a\n./b\nc/\nd/../e\n//f\n!/g/\n! h\n/\n')).toEqual(['a', 'b', 'c', 'e', 'f', '!g', '!h', '/']);
  });

  it('fails as a whole on a line over 64 KiB, as bufio.Scanner does', () => {
    expect(readIgnorePatterns(`a\n${'x'.repeat(65535)}\n`)).toEqual(['a', 'x'.repeat(65535)]);
    expect(readIgnorePatterns(`a\n${'x'.repeat(65536)}\n`)).toBeNull();
  });
});

describe('parseDockerignore', () => {
  it('keeps where each pattern was written (1-based, end exclusive)', () => {
    const { patterns, errors } = parseDockerignore('node_modules\n  !src/keep.js  \n', '.dockerignore');
    expect(errors).toEqual([]);
    expect(patterns).toEqual([
      { pattern: 'node_modules', exception: false, source: 'node_modules', line: 1, column: 1, endColumn: 13 },
      { pattern: '!src/keep.js', exception: true, source: '!src/keep.js', line: 2, column: 3, endColumn: 15 },
    ]);
  });

  it('reports every malformed pattern at its line and column, with Go’s messages', () => {
    const { patterns, errors } = parseDockerignore('ok\n  [\n!\n\t[a-\n  ! \nlast\n', '.dockerignore');
    expect(patterns.map((p) => p.pattern)).toEqual(['ok', 'last']);
    expect(errors).toEqual([
      { path: '.dockerignore', line: 2, column: 3, message: 'syntax error in pattern' },
      { path: '.dockerignore', line: 3, column: 1, message: 'illegal exclusion pattern: "!"' },
      { path: '.dockerignore', line: 4, column: 2, message: 'syntax error in pattern' },
      { path: '.dockerignore', line: 5, column: 3, message: 'illegal exclusion pattern: "!"' },
    ]);
  });

  it('counts columns after a byte order mark is dropped, and on CRLF lines', () => {
    const { errors } = parseDockerignore('\uFEFF[\r\n  \\\r\n');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('reports an over-long line and keeps the patterns before it', () => {
    const { patterns, errors } = parseDockerignore(`a\n${'y'.repeat(70000)}\nb\n`, 'x');
    expect(patterns.map((p) => p.pattern)).toEqual(['a']);
    expect(errors).toMatchObject([{ path: 'x', line: 2, column: 1 }]);
  });

  it('never throws', () => {
    for (const text of ['', '\n\n', '!', '\\', '[', '\u0000', '\uFFFD', '**/**/**', '!**']) {
      expect(() => parseDockerignore(text)).not.toThrow();
    }
  });
});
