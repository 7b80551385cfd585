import { describe, expect, it } from 'vitest';
import { multipleInstructionsDisallowed as rule } from '../../../../src/engine/rules/catalog/buildkit/multiple-instructions-disallowed.ts';
import { findings, flaggedLines } from '../support.ts';

describe('multiple-instructions-disallowed (DL4003, DL4004, DL3012, MultipleInstructionsDisallowed)', () => {
  it('BuildKit: flags every overridden CMD, ENTRYPOINT and HEALTHCHECK', () => {
    const src = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message])).toEqual([
      [3, 'Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used'],
      [5, 'Multiple CMD instructions should not be used in the same stage because only the last one will be used'],
      [7, 'Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used'],
    ]);
  });

  it('BuildKit: other instructions in between do not matter', () => {
    const src = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(flaggedLines(rule, src)).toEqual([3, 4, 5]);
  });

  it('BuildKit: a stage built FROM another starts afresh', () => {
    const src = '\nFROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(flaggedLines(rule, src)).toEqual([]);
  });

  it('hadolint DL4003: many cmds, single cmds in different stages', () => {
    expect(flaggedLines(rule, 'FROM debian\nCMD bash\nRUN foo\nCMD another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian as distro2\nCMD another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'CMD /bin/true\n')).toEqual([]);
  });

  it('hadolint DL4004: entrypoints', () => {
    expect(flaggedLines(rule, 'FROM busybox\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\nENTRYPOINT another\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian as distro2\nENTRYPOINT another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'ENTRYPOINT /bin/true\n')).toEqual([]);
  });

  it('hadolint DL3012: healthchecks', () => {
    expect(flaggedLines(rule, 'FROM scratch\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK NONE\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([2]);
  });

  it('counts instructions before the first FROM together, as hadolint alone does', () => {
    // BuildKit's instructions.Parse rejects them (CurrentStage: "no build stage in current
    // context"); hadolint's DL4003 flags the later CMD, and a # check=skip does not hide it.
    const found = findings(rule, '# check=skip=MultipleInstructionsDisallowed\nCMD a\nCMD b\nFROM scratch\nCMD c\n');
    expect(found.map((f) => [f.range.start.line, f.aliases.includes('MultipleInstructionsDisallowed')])).toEqual([[3, false]]);
  });

  it('names the instruction as the overriding one is written, and ignores ONBUILD', () => {
    expect(findings(rule, 'FROM scratch\nCMD a\ncmd b\n')[0]!.message).toBe(
      'Multiple cmd instructions should not be used in the same stage because only the last one will be used',
    );
    expect(flaggedLines(rule, 'FROM scratch\nCMD a\nONBUILD CMD b\n')).toEqual([]);
  });

  it('reads # check=skip above the overriding instruction, as BuildKit does', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD a\n# check=skip=MultipleInstructionsDisallowed\nCMD b\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=MultipleInstructionsDisallowed\nCMD a\nCMD b\n')).toEqual([3]);
  });

  it('BuildKit: counts the ONBUILD triggers a stage runs first, at its FROM', () => {
    // dockerfile2llb initOnBuildTriggers prepends the base stage's ONBUILD commands, located at
    // the stage's FROM; validateUsedOnce then reports the trigger's location.
    const src = 'FROM scratch AS base\nONBUILD CMD a\nFROM base\ncmd b\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message, f.aliases])).toEqual([
      [3, 'Multiple cmd instructions should not be used in the same stage because only the last one will be used', ['MultipleInstructionsDisallowed']],
    ]);
    expect(flaggedLines(rule, 'FROM scratch AS base\nONBUILD HEALTHCHECK NONE\nONBUILD HEALTHCHECK NONE\nFROM base\n')).toEqual([4]);
  });

  it('BuildKit: runs ONBUILD triggers only in stages the target reaches', () => {
    // toDispatchState resolves ONBUILD triggers for allReachableStages(target) only.
    const src = 'FROM scratch AS base\nONBUILD CMD a\nFROM base AS child\nCMD b\nFROM scratch\n';
    expect(flaggedLines(rule, src)).toEqual([]);
    expect(flaggedLines(rule, src, { resolve: { target: 'child' } })).toEqual([3]);
    expect(flaggedLines(rule, src.replace('FROM scratch\n', 'FROM scratch\nCOPY --from=child /a /a\n'))).toEqual([3]);
  });
});

