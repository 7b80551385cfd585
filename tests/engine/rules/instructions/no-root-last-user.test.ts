import { describe, expect, it } from 'vitest';
import { noRootLastUser as rule } from '../../../../src/engine/rules/catalog/instructions/no-root-last-user.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-root-last-user (DL3002)', () => {
  it('flags root as the last user (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch\nUSER root\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nUSER 0\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nUSER root:root\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nUSER 0:0\n')).toEqual([2]);
    expect(findings(rule, 'FROM scratch\nUSER root\n')[0]!.message).toBe('Last USER should not be root.');
  });

  it('does not flag a non-root user, or switching back (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch\nUSER foo\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nUSER root\nRUN something\nUSER foo\n')).toEqual([]);
  });

  it('looks at every stage (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian as base\nUSER root\nRUN something\nFROM base\nRUN something else\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as base\nUSER root\nRUN something\nFROM scratch\nUSER foo\nRUN something else\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN something else\n')).toEqual([]);
  });

  it('checks a user given by an ARG after expansion', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nARG RUNAS=root\nUSER $RUNAS\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM debian:12\nARG RUNAS\nUSER $RUNAS\n')).toEqual([]);
  });

  it('ignores ONBUILD USER (it applies to child images)', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nONBUILD USER root\n')).toEqual([]);
  });
});
