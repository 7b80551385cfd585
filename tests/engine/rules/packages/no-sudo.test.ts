import { describe, expect, it } from 'vitest';
import { noSudo as rule } from '../../../../src/engine/rules/catalog/packages/no-sudo.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither } from './hadolint.ts';

describe('no-sudo (DL3004)', () => {
  it('flags sudo (hadolint spec)', () => {
    catchesBoth(rule, 'RUN sudo apt-get update');
    catchesNeither(rule, 'RUN apt-get install sudo');
    catchesBoth(rule, 'RUN apt-get update && sudo apt-get install');
  });

  it('is an error, underlining the sudo command', () => {
    const f = findings(rule, 'FROM debian:12\nRUN apt-get update && sudo -E make install\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.range.start).toEqual({ line: 2, column: 23 });
    expect(f[0]!.message).toBe('Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root');
  });

  it('ignores the word sudo when it is not a command', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN echo sudo && grep sudo /etc/group\n')).toEqual([]);
  });

  it('checks ONBUILD triggers once and honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nONBUILD RUN sudo make install\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\n# hadolint ignore=DL3004\nRUN sudo make install\n')).toEqual([]);
  });
});
