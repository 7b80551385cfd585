import { describe, expect, it } from 'vitest';
import { noEmptyContinuation as rule } from '../../../../src/engine/rules/catalog/buildkit/no-empty-continuation.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('no-empty-continuation (NoEmptyContinuation)', () => {
  it('flags an empty line inside a continued instruction, on its last line as BuildKit does', () => {
    const src = '\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n';
    expect(flaggedLines(rule, src)).toEqual([6]);
    expect(findings(rule, src)[0]!.message).toBe('Empty continuation line');
  });

  it('does not count comment lines or whitespace after the escape', () => {
    expect(flaggedLines(rule, 'FROM alpine\nRUN echo a \\\n# a comment\n  && echo b\nRUN echo c \\  \n  && echo d\n')).toEqual([]);
  });

  it('counts blank lines made of spaces, and reports once per instruction', () => {
    expect(flaggedLines(rule, 'FROM alpine\nRUN apk add \\\n   \n    curl \\\n\n    git\n')).toEqual([6]);
  });

  it('works with the backtick escape', () => {
    expect(flaggedLines(rule, '# escape=`\nFROM windows\nRUN dir `\n\n  C:\\\n')).toEqual([5]);
  });

  it('is turned off by the # check directive, not by a comment above the instruction', () => {
    expect(flaggedLines(rule, '# check=skip=NoEmptyContinuation\nFROM alpine\nRUN a \\\n\n b\n')).toEqual([]);
    // BuildKit reports these while parsing, before it reads comments above instructions.
    expect(flaggedLines(rule, 'FROM alpine\n# check=skip=NoEmptyContinuation\nRUN a \\\n\n b\n')).toEqual([5]);
  });

  // Needs a shared helper: the warnings come from parser.Parse, and convert.go reads them only
  // when the parse succeeded, so a syntax error (an unterminated heredoc) leaves none.
  it('is not reported when BuildKit’s parser fails', () => {
    expect(flaggedLines(rule, 'FROM alpine\nRUN a \\\n\n b\nRUN <<EOF\n')).toEqual([]);
  });

  it('removes the empty lines', () => {
    expectFixed(rule, 'FROM alpine\nRUN apk add \\\n\n    curl\n', 'FROM alpine\nRUN apk add \\\n    curl\n');
    expectFixed(rule, 'FROM alpine\nRUN apk add \\\n\n  \n    curl \\\n\n    git\n', 'FROM alpine\nRUN apk add \\\n    curl \\\n    git\n');
  });
});
