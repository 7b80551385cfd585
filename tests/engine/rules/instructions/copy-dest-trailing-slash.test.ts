import { describe, expect, it } from 'vitest';
import { copyDestTrailingSlash as rule } from '../../../../src/engine/rules/catalog/instructions/copy-dest-trailing-slash.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('copy-dest-trailing-slash (DL3021)', () => {
  it('follows the hadolint spec', () => {
    expect(flaggedLines(rule, 'COPY foo bar\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY foo bar baz\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY foo bar baz/\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY foo bar "baz"\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY foo bar "baz/"\n')).toEqual([]);
    expect(findings(rule, 'COPY foo bar baz\n')[0]!.message).toBe(
      'COPY with more than 2 arguments requires the last argument to end with /',
    );
  });

  it('counts heredoc sources, reads the JSON form and expands variables', () => {
    expect(flaggedLines(rule, 'FROM alpine:3\nCOPY <<a <<b /etc\nx\na\ny\nb\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM alpine:3\nCOPY ["a", "b", "/app"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM alpine:3\nENV DIR=/app/\nCOPY a b $DIR\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nCOPY a b $DIR\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM alpine:3\nADD a b /app\n')).toEqual([]);
  });

  it('adds the trailing slash, inside quotes', () => {
    expectFixed(rule, 'FROM alpine:3\nCOPY a b /app\n', 'FROM alpine:3\nCOPY a b /app/\n');
    expectFixed(rule, 'FROM alpine:3\nCOPY a b "/my app"\n', 'FROM alpine:3\nCOPY a b "/my app/"\n');
    expectFixed(rule, 'FROM alpine:3\nCOPY ["a", "b", "/app"]\n', 'FROM alpine:3\nCOPY ["a", "b", "/app/"]\n');
    expectFixed(rule, 'FROM alpine:3\nONBUILD COPY a b /app\n', 'FROM alpine:3\nONBUILD COPY a b /app/\n');
  });

  it('accepts a Windows directory ending in a backslash', () => {
    expect(flaggedLines(rule, '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\Windows\\System32\\\n')).toEqual([]);
  });
});
