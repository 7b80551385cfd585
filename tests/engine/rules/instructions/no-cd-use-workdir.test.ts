import { describe, expect, it } from 'vitest';
import { noCdUseWorkdir as rule } from '../../../../src/engine/rules/catalog/instructions/no-cd-use-workdir.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-cd-use-workdir (DL3003)', () => {
  it('flags cd in RUN (hadolint spec)', () => {
    expect(flaggedLines(rule, 'RUN cd /opt\n')).toEqual([1]);
    expect(findings(rule, 'RUN cd /opt\n')[0]!.message).toBe('Use WORKDIR to switch to a directory.');
  });

  it('accepts WORKDIR (hadolint spec)', () => {
    expect(flaggedLines(rule, 'WORKDIR /opt\n')).toEqual([]);
  });

  it('finds cd on a continuation line, in a subshell and in a heredoc, once per RUN', () => {
    const f = findings(rule, 'FROM debian:12\nRUN echo start && \\\n    cd /src && make && cd /\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 3, column: 5 }, end: { line: 3, column: 12 } });
    expect(flaggedLines(rule, 'FROM debian:12\nRUN (cd /src && make)\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN <<EOF\nset -e\ncd /src\nmake\nEOF\n')).toEqual([4]);
  });

  it('checks ONBUILD triggers, and ignores the exec form and words that are not commands', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nONBUILD RUN cd /src && make\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN ["cd", "/src"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN echo cd /src\n')).toEqual([]);
  });

  it('honours hadolint ignore pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /src && make\n')).toEqual([]);
  });
});
