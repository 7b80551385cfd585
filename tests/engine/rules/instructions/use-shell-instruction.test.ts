import { describe, expect, it } from 'vitest';
import { useShellInstruction as rule } from '../../../../src/engine/rules/catalog/instructions/use-shell-instruction.ts';
import { onBuildRuleCatches, onBuildRuleCatchesNot } from '../packages/hadolint.ts';
import { findings, flaggedLines } from '../support.ts';

describe('use-shell-instruction (DL4005)', () => {
  it('flags a /bin/sh symlink (hadolint spec)', () => {
    expect(flaggedLines(rule, 'RUN ln -sfv /bin/bash /bin/sh\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM a:1\nONBUILD RUN ln -sfv /bin/bash /bin/sh\n')).toEqual([2]);
    onBuildRuleCatches(rule, 'RUN ln -sfv /bin/bash /bin/sh');
    expect(findings(rule, 'RUN ln -sfv /bin/bash /bin/sh\n')[0]!.message).toBe('Use SHELL to change the default shell');
  });

  it('accepts other symlinks and other commands naming /bin/sh (hadolint spec)', () => {
    expect(flaggedLines(rule, 'RUN ln -sf /bin/true /sbin/initctl\n')).toEqual([]);
    expect(flaggedLines(rule, 'RUN ln -s foo bar && unrelated && something_with /bin/sh\n')).toEqual([]);
    onBuildRuleCatchesNot(rule, 'RUN ln -sf /bin/true /sbin/initctl');
    onBuildRuleCatchesNot(rule, 'RUN ln -s foo bar && unrelated && something_with /bin/sh');
  });

  it('underlines the ln command', () => {
    expect(findings(rule, 'FROM a:1\nRUN set -e && /bin/ln -sf /bin/bash /bin/sh\n')[0]!.range).toEqual({
      start: { line: 2, column: 15 },
      end: { line: 2, column: 44 },
    });
  });
});
