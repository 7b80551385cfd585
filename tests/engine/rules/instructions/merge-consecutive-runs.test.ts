import { describe, expect, it } from 'vitest';
import { mergeConsecutiveRuns as rule } from '../../../../src/engine/rules/catalog/instructions/merge-consecutive-runs.ts';
import { findings, flaggedLines } from '../support.ts';

describe('merge-consecutive-runs (DL3059)', () => {
  it('accepts no RUN, one RUN and RUNs that are not consecutive (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian:10\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN /foo.sh\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n')).toEqual([]);
    expect(flaggedLines(rule, '# a comment\nRUN /foo.sh\n')).toEqual([]);
  });

  it('flags consecutive RUNs, across comments (hadolint spec)', () => {
    expect(flaggedLines(rule, 'RUN /foo.sh\nRUN /bar.sh\n')).toEqual([2]);
    expect(flaggedLines(rule, 'RUN /foo.sh\n# a comment\nRUN /bar.sh\n')).toEqual([3]);
    expect(flaggedLines(rule, 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh\n')).toEqual([4]);
    expect(findings(rule, 'RUN /foo.sh\nRUN /bar.sh\n')[0]!.message).toBe(
      'Multiple consecutive `RUN` instructions. Consider consolidation.',
    );
  });

  it('compares flags (hadolint spec)', () => {
    expect(flaggedLines(rule, 'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n')).toEqual([2]);
  });

  it('accepts RUNs that already chain commands (hadolint spec)', () => {
    for (const src of [
      'RUN foo && bar\nRUN foobar',
      'RUN foo; bar\nRUN foobar',
      'RUN foobar\nRUN foo && bar',
      'RUN foobar\nRUN foo; bar',
      'RUN foo && bar\nRUN foo; bar',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([]);
    }
    expect(flaggedLines(rule, 'RUN foo && bar\nRUN foo\nRUN bar\n')).toEqual([3]);
  });

  it('counts exec-form and heredoc RUNs, and restarts at FROM', () => {
    expect(flaggedLines(rule, 'FROM a:1\nRUN ["a"]\nRUN ["b"]\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM a:1\nRUN a\nRUN <<EOF\nb\nc\nEOF\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nRUN a\nFROM b:1\nRUN b\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nRUN a\n\nRUN b\nRUN c\n')).toEqual([4, 5]);
  });

  it('treats ONBUILD RUN triggers as their own sequence', () => {
    expect(flaggedLines(rule, 'FROM a:1\nRUN a\nONBUILD RUN b\nRUN c\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM a:1\nONBUILD RUN a\nONBUILD RUN b\n')).toEqual([3]);
  });
});
